/**
 * Mention detection in one sentence: the tagger's spans and the gazetteer's matches are combined into typed
 * mention drafts. The tagger decides where names are (it sees context); the gazetteer decides what known names are
 * (a country is a state, "Russian" is Russia, "SCO" is an organisation) and fills gaps the tagger leaves.
 */
import type { NerSpan } from '../ner/index.js';
import type { EntityKind, Token } from '../types.js';
import { type GazetteerEntry, type GazetteerMatch, gazetteer } from './gazetteer.js';
import { knowledge } from './knowledge.js';
import {
  BODY_TITLES,
  isActorAuxiliary,
  isActorBefore,
  isLocativeWord,
  isOrganisationHead,
  isReportingVerb,
  isStopWordCapitalised,
  lexiconWords,
  PERSON_DESCRIPTORS,
  TITLE_HEADS,
  TITLE_WORDS,
} from './lexicon.js';

/** A mention before resolution: a token range with its kind and what is known about it. */
export interface MentionDraft {
  sentence: number;
  tokenStart: number;
  tokenEnd: number;
  kind: EntityKind;
  rule: string;
  /** Canonical label known from data (a country's common name, an organisation's label), else null. */
  canonical: string | null;
  /** ISO code when the mention denotes a state (country name, demonym, capital used as actor). */
  stateCode?: string;
  /** The gazetteer reading, when there is one. */
  gazetteer?: GazetteerEntry;
  /** A demonym right before a national body, part of its name ("Russian" + "Security Council"). */
  qualifier?: string;
  /** The honorific or style stripped from a person's name ("Mr", "Sir"): kept for resolution, never in the label. */
  honorific?: string;
}

export function isCapitalised(text: string): boolean {
  const ch = text[0];
  return ch !== undefined && ch !== ch.toLowerCase();
}

function isAllCaps(text: string): boolean {
  return text.length > 1 && text === text.toUpperCase() && text !== text.toLowerCase();
}

/**
 * Whether a capital is used for its state here: it acts or is acted on ("Moscow says", "Beijing's position",
 * "talks between Moscow and Kyiv", "support for Beijing"), rather than locating something ("in Moscow", "the Moscow
 * metro"). Without such evidence the city stays a place.
 */
function capitalActsForState(tokens: readonly Token[], start: number, end: number): boolean {
  let p = start - 1;
  if (p >= 0 && /^the$/i.test(tokens[p]!.text)) p--;
  const prev = p >= 0 ? tokens[p]!.text.toLowerCase() : '';
  const next = tokens[end]?.text ?? '';
  const nextLower = next.toLowerCase();
  // Dateline "MOSCOW (Reuters) -" or "Moscow, Russia": a place.
  if (start === 0 && (next === '(' || next === '-' || next === '--' || next === '—')) return false;
  if (next === ',' && tokens[end + 1] && knowledgeCountryToken(tokens[end + 1]!.text)) return false;
  if (isLocativeWord(prev)) return false;
  if (/^['’]s?$/.test(next)) return true; // "Beijing's position"
  if (isActorBefore(prev)) return true; // "talks between Moscow and Kyiv", "support for Beijing"
  if (isActorAuxiliary(nextLower)) return true; // "Moscow will", "Beijing has"
  // A verb right after it: "Moscow says", "Beijing rejected", "Moscow Lauds" (a headline).
  if (
    /^\p{L}+(s|ed)$/u.test(next) &&
    !/(ss|us|is|ians|ers|ents|ings)$/.test(nextLower) &&
    tokens[end + 1]?.text !== 'of'
  )
    return true;
  // Coordinated with a state: "Moscow and Kyiv" (the other side is checked from its own position).
  if ((nextLower === 'and' || nextLower === 'or') && tokens[end + 1] && knowledgeStateOrCapital(tokens[end + 1]!.text))
    return true;
  if ((prev === 'and' || prev === 'or') && p > 0 && knowledgeStateOrCapital(tokens[p - 1]!.text)) return true;
  return false;
}

function knowledgeStateOrCapital(text: string): boolean {
  const m = gazetteer().longestAt([text], 0);
  return m?.entries.some((e) => e.type === 'country' || e.type === 'capital') === true;
}

function knowledgeCountryToken(text: string): boolean {
  const m = gazetteer().longestAt([text], 0);
  return m?.entries.some((e) => e.type === 'country') === true;
}

interface Span {
  start: number;
  end: number;
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Kind of a gazetteer reading in this context. */
export function draftFromGazetteer(
  sentence: number,
  tokens: readonly Token[],
  m: Span,
  entry: GazetteerEntry,
  personAt: (k: number) => boolean = () => false,
): MentionDraft | null {
  const base = { sentence, tokenStart: m.start, tokenEnd: m.end };
  switch (entry.type) {
    case 'country': {
      const c = knowledge().countries.get(entry.code);
      if (c?.kind === 'place')
        return { ...base, kind: 'place', rule: 'gazetteer:territories', canonical: c.label, gazetteer: entry };
      return {
        ...base,
        kind: 'state',
        rule: 'gazetteer:countries',
        canonical: c?.label ?? null,
        stateCode: entry.code,
        gazetteer: entry,
      };
    }
    case 'demonym': {
      const c = knowledge().countries.get(entry.code);
      if (c?.kind === 'place') return null;
      return {
        ...base,
        kind: 'state',
        rule: 'rule:demonym',
        canonical: c?.label ?? null,
        stateCode: entry.code,
        gazetteer: entry,
      };
    }
    case 'capital': {
      if (capitalActsForState(tokens, m.start, m.end)) {
        const c = knowledge().countries.get(entry.code);
        return {
          ...base,
          kind: 'state',
          rule: 'rule:capital-for-state',
          canonical: c?.label ?? null,
          stateCode: entry.code,
          gazetteer: entry,
        };
      }
      return { ...base, kind: 'place', rule: 'gazetteer:capitals', canonical: null, gazetteer: entry };
    }
    case 'city':
      return { ...base, kind: 'place', rule: 'gazetteer:cities', canonical: null, gazetteer: entry };
    case 'region':
      return { ...base, kind: 'place', rule: 'gazetteer:regions', canonical: null, gazetteer: entry };
    case 'organisation':
      return {
        ...base,
        kind: 'organisation',
        rule: 'gazetteer:organisations',
        canonical: entry.label,
        gazetteer: entry,
      };
    case 'seat':
      return { ...base, kind: 'organisation', rule: 'gazetteer:seats', canonical: entry.label, gazetteer: entry };
    case 'bloc':
      return { ...base, kind: entry.kind, rule: 'gazetteer:blocs', canonical: entry.label, gazetteer: entry };
    case 'party':
      if (entry.adjective && !partyAdjectiveContext(tokens, m.end, personAt)) return null;
      return { ...base, kind: 'organisation', rule: 'gazetteer:parties', canonical: entry.label, gazetteer: entry };
  }
}

/**
 * Nouns after which a party adjective names the party ("Tory plan", "Democratic senator", "Labour voters"): roles
 * and the things parties have. Closed-class grammar of political reporting, not knowledge of any party.
 */
const PARTY_NOUNS = new Set(
  (
    'party parties leader leaders leadership mp mps mep meps candidate candidates senator senators congressman congresswoman ' +
    'lawmaker lawmakers politician politicians member members voters supporters activists donor donors government ' +
    'minister ministers spokesman spokeswoman spokesperson chairman chairwoman chair peer peers councillor councillors ' +
    'deputy deputies delegate delegates nominee nominees campaign campaigners manifesto policy policies plan plans idea ' +
    'ideas proposal proposals bill majority rebel rebels backbencher backbenchers frontbencher frontbenchers grandee ' +
    'grandees whip governor governors mayor president presidential primary primaries convention conference colleague ' +
    'colleagues figure figures veteran heavyweight rival rivals opponents government-in-waiting administration ' +
    'secretary chancellor premier lord baroness sir dame mr mrs ms dr'
  ).split(/\s+/),
);

/**
 * Whether a party adjective at [.., end) names the party here: a person's name (a tagger person span), a title or a
 * party noun follows it ("Lib Dem Jane Doe", "Tory leader", "Democratic senator"). "Democratic Republic",
 * "Republican Guard" do not.
 */
function partyAdjectiveContext(tokens: readonly Token[], end: number, personAt: (k: number) => boolean): boolean {
  const next = tokens[end]?.text ?? '';
  return PARTY_NOUNS.has(next.toLowerCase()) || TITLE_HEADS.has(next.toLowerCase()) || personAt(end);
}

/** Whether a gazetteer match may stand on its own (no tagger span over it). */
function acceptsAlone(tokens: readonly Token[], m: GazetteerMatch, entry: GazetteerEntry): boolean {
  const first = tokens[m.start]!.text;
  if (!isCapitalised(first) && !(entry.type === 'bloc')) return false;
  if (entry.type === 'bloc') {
    if (!entry.requiresThe) return true;
    const prev = tokens[m.start - 1]?.text.toLowerCase();
    const next = tokens[m.end]?.text ?? '';
    return prev === 'the' && !isCapitalised(next);
  }
  // In an all-caps headline every word is capitalised; only multi-token or unambiguous names count there.
  const single = m.end - m.start === 1;
  if (entry.type === 'city') {
    const prev = tokens[m.start - 1]?.text.toLowerCase() ?? '';
    const next = tokens[m.end]?.text ?? '';
    // A city needs a locating context, or a ", Country" after it: many city names are also words or surnames.
    return isLocativeWord(prev) || (next === ',' && knowledgeCountryToken(tokens[m.end + 1]?.text ?? ''));
  }
  if (entry.type === 'country' && single && knowledge().ambiguousCountryNames.has(first)) {
    return m.start > 0 && !isCapitalised(tokens[m.end]?.text ?? '');
  }
  if (entry.type === 'organisation' && single && isAllCaps(first) && first.length <= 2) {
    // Two-letter acronyms ("AP", "AU", "DW") are too ambiguous without a tagger span.
    return false;
  }
  return true;
}

/** A tagger person reading below this confidence yields to the data's organisation of the same name. */
const UNSURE_PERSON = 0.5;

/**
 * Whether the gazetteer's reading types a span the tagger labelled: known states, organisations and seats keep
 * their data type; a city or capital the tagger reads as a team or company (ORG) or a person stays so, and so does
 * a person whose name is also an ambiguous country name ("Jordan").
 */
function gazetteerTypes(
  label: string,
  untyped: boolean,
  entry: GazetteerEntry,
  first: string,
  score: number,
  words: number,
): boolean {
  if (untyped) return true;
  switch (entry.type) {
    case 'region':
      // A state's abbreviation ("Tenn.", "N.D.") names nothing else; a full name may be a team ("Oregon beat Utah").
      return label === 'LOC' || label === 'MISC' || /\.$/.test(first);
    case 'city':
    case 'capital':
      return label === 'LOC' || label === 'MISC';
    case 'country':
      return !(label === 'PER' && knowledge().ambiguousCountryNames.has(first));
    case 'organisation':
      // A known body the tagger only guesses is a person ("founded by Siemens") is the body, and so is a body's name
      // of two words or more ("Al Qaeda" read as a person); one word the tagger is sure of may be a person.
      return label !== 'PER' || score < UNSURE_PERSON || words > 1;
    default:
      return true;
  }
}

/** The tagger's spans inside a gazetteer name are a state then a body filling the rest ("U.S." + "State Department"). */
function stateThenBody(spans: readonly NerSpan[], m: GazetteerMatch): boolean {
  const inside = spans.filter((s) => s.start >= m.start && s.end <= m.end).sort((a, b) => a.start - b.start);
  if (inside.length !== 2) return false;
  const [a, b] = inside as [NerSpan, NerSpan];
  return a.start === m.start && (a.label === 'LOC' || a.label === 'MISC') && b.label === 'ORG' && b.end === m.end;
}

/** Months that are also given names ("April", "June"). */
const MONTH_GIVEN_NAMES = lexiconWords('monthGivenNames');

interface PersonPrefix {
  /** Where the name starts. */
  start: number;
  /** The honorific or style stripped last ("Mr", "Sir"), if any. */
  honorific?: string;
  /** Parties named before the name ("Tory", "Lib Dem"): mentions of the party, not part of the name. */
  parties: GazetteerMatch[];
}

/**
 * Strips leading title words, honorifics, parties and demonyms from a person span. The honorific is kept on the
 * draft: a style with one name after it goes back into the label ("Lord Ashcroft", "Prince Charles"), while the
 * mention's span is the name, as news corpora annotate it.
 */
function stripPersonPrefix(tokens: readonly Token[], start: number, end: number): PersonPrefix {
  let s = start;
  let honorific: string | undefined;
  const parties: GazetteerMatch[] = [];
  const texts = tokens.map((x) => x.text);
  while (s < end - 1) {
    const t = tokens[s]!.text;
    // "June Ross": a month that is also a given name, before a capitalised name, starts the name.
    const givenName = MONTH_GIVEN_NAMES.has(t) && /^\p{Lu}\p{Ll}/u.test(tokens[s + 1]?.text ?? '');
    if (isStopWordCapitalised(t) && !knowledge().honorifics.has(t) && !givenName) {
      s++;
      continue;
    }
    // "Rapper Jane Doe", "Striker Jane Doe": a role noun opening the sentence is no part of the name.
    if (TITLE_WORDS.has(t.toLowerCase()) || knowledge().honorifics.has(t) || PERSON_DESCRIPTORS.has(t.toLowerCase())) {
      if (knowledge().honorifics.has(t)) honorific = t.replace(/\.$/, '');
      s++;
      continue;
    }
    const g = gazetteer().longestAt(texts, s);
    if (
      g &&
      g.end < end &&
      g.entries.some(
        (e) => e.type === 'demonym' || e.type === 'country' || e.type === 'organisation' || e.type === 'party',
      )
    ) {
      if (g.entries[0]!.type === 'party') parties.push(g);
      s = g.end;
    } else break;
  }
  return honorific ? { start: s, honorific, parties } : { start: s, parties };
}

/**
 * A span the tagger typed as a body or place that is an honorific or style followed by one to three capitalised
 * names ("Sir Digby", "Lord Ashcroft", "Mr Hale"): a person. Returns where the name starts and the honorific.
 */
function honorificPerson(
  tokens: readonly Token[],
  start: number,
  end: number,
): { start: number; honorific: string } | null {
  const first = tokens[start]!.text;
  const outside = start > 0 ? tokens[start - 1]!.text : '';
  const k = knowledge();
  const inside = k.honorifics.has(first) && end - start >= 2;
  const title = inside ? first : k.honorifics.has(outside) ? outside : '';
  if (!title) return null;
  const nameStart = inside ? start + 1 : start;
  const names = tokens.slice(nameStart, end);
  if (
    names.length < 1 ||
    names.length > 3 ||
    !names.every((t) => /^\p{Lu}[\p{L}'-]*$/u.test(t.text) && !isOrganisationHead(t.text))
  )
    return null;
  return { start: nameStart, honorific: title.replace(/\.$/, '') };
}

/** Classifies a span the tagger marked without a confident type (the provisional stub does this). */
function classifyUntyped(tokens: readonly Token[], start: number, end: number): EntityKind | null {
  const words = tokens.slice(start, end).map((t) => t.text);
  const last = words[words.length - 1] ?? '';
  if (words.some((w) => isStopWordCapitalised(w))) return null;
  if (isOrganisationHead(last)) return 'organisation';
  const prev = tokens[start - 1]?.text ?? '';
  const next = tokens[end]?.text ?? '';
  if (TITLE_WORDS.has(prev.toLowerCase()) && isCapitalised(prev)) return 'person';
  if (
    words.length >= 2 &&
    words.length <= 3 &&
    words.every((w) => /^\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)?$/u.test(w)) &&
    (isReportingVerb(next) || next === ',')
  )
    return 'person';
  if (words.length === 1 && isReportingVerb(next) && /^\p{Lu}\p{Ll}+$/u.test(last) && start > 0) return 'person';
  return null;
}

const NER_KIND: Record<string, EntityKind> = { PER: 'person', ORG: 'organisation', LOC: 'place' };

/** Detects the mentions of one sentence. */
export function detectMentions(sentence: number, tokens: readonly Token[], spans: readonly NerSpan[]): MentionDraft[] {
  const texts = tokens.map((t) => t.text);
  const matches = gazetteer().matchAll(texts);
  const drafts: MentionDraft[] = [];
  const taken: Span[] = [];
  const personStarts = new Set(spans.filter((sp) => sp.label === 'PER').map((sp) => sp.start));
  const personAt = (k: number) => personStarts.has(k);

  // 1. Tagger spans, typed by the gazetteer where it knows the exact name.
  for (const span of spans) {
    let start = Math.max(0, span.start);
    const end = Math.min(tokens.length, span.end);
    if (end <= start) continue;
    const untyped = span.label === 'MISC' && span.score < 0.2;
    // A longer gazetteer name that contains this span wins (the tagger split "Shanghai" / "Cooperation Organization"),
    // unless the tagger split it the CoNLL way: a state ("U.S.", "Russian") before a body ("State Department").
    const containing = matches.find((m) => m.start <= start && m.end >= end && m.end - m.start > end - start);
    if (
      containing &&
      !untyped &&
      !(span.label === 'PER' && containing.entries[0]!.type === 'city') &&
      !stateThenBody(spans, containing)
    )
      continue;
    if (containing && untyped) continue;
    // "Adidas CEO Jane Doe", "Schalke captain Jane Doe" read as one span: body, title, person.
    if ((span.label === 'PER' || span.label === 'ORG') && !untyped) {
      const split = splitAtTitle(tokens, start, end, span.label === 'PER');
      if (split) {
        if (split.body)
          drafts.push({
            sentence,
            tokenStart: split.body.start,
            tokenEnd: split.body.end,
            kind: 'organisation',
            rule: 'rule:body-before-title',
            canonical: null,
          });
        drafts.push({
          sentence,
          tokenStart: split.person.start,
          tokenEnd: split.person.end,
          kind: 'person',
          rule: `ner:${span.label.toLowerCase()}+title`,
          canonical: null,
        });
        // The title stays free for the role finder; a state before it ("Chinese") for the gazetteer.
        taken.push(split.person);
        if (split.body) taken.push(split.body);
        continue;
      }
      // "Constitutional Court in Karlsruhe": a body, then where it sits.
      const at = span.label === 'ORG' ? texts.indexOf('in', start + 1) : -1;
      if (at > start && at < end - 1) {
        const where = matches.find((m) => m.start === at + 1 && m.end === end);
        const whereEntry = where?.entries[0];
        // Only a city: "Human Rights in China", "Interim Force in Lebanon" name their country as part of the body.
        if (
          where &&
          whereEntry &&
          (whereEntry.type === 'city' || whereEntry.type === 'capital') &&
          isOrganisationHead(texts[at - 1]!)
        ) {
          drafts.push({
            sentence,
            tokenStart: start,
            tokenEnd: at,
            kind: 'organisation',
            rule: 'ner:org',
            canonical: null,
          });
          const place = draftFromGazetteer(sentence, tokens, where, whereEntry);
          if (place) drafts.push(place);
          taken.push({ start: span.start, end });
          continue;
        }
      }
      if (span.label === 'ORG') {
        let e = end;
        while (e - start > 1 && TITLE_HEADS.has(texts[e - 1]!.toLowerCase())) e--;
        if (e < end) {
          drafts.push({
            sentence,
            tokenStart: start,
            tokenEnd: e,
            kind: 'organisation',
            rule: 'ner:org',
            canonical: null,
          });
          taken.push({ start: span.start, end });
          continue;
        }
      }
    }
    let honorific: string | undefined;
    if (span.label === 'PER') {
      const prefix = stripPersonPrefix(tokens, start, end);
      for (const p of prefix.parties) {
        const d = draftFromGazetteer(sentence, tokens, p, p.entries[0]!, () => true);
        if (d) drafts.push(d);
      }
      start = prefix.start;
      honorific =
        prefix.honorific ??
        (start > 0 && knowledge().honorifics.has(texts[start - 1]!) ? texts[start - 1]!.replace(/\.$/, '') : undefined);
    } else if (!untyped) {
      // "Sir Digby" read as a body, "Lord Ashcroft" as a place: an honorific before names makes a person.
      const person = honorificPerson(tokens, start, end);
      if (person) {
        drafts.push({
          sentence,
          tokenStart: person.start,
          tokenEnd: end,
          kind: 'person',
          rule: `ner:${span.label.toLowerCase()}+honorific`,
          canonical: null,
          honorific: person.honorific,
        });
        taken.push({ start: Math.min(span.start, person.start), end });
        continue;
      }
      // "French National Front", "German Green Party": the state, then the party (of that state, see resolution).
      const state = gazetteer().longestAt(texts, start);
      const named = state?.entries.some((e) => e.type === 'demonym' || e.type === 'country')
        ? gazetteer().longestAt(texts, state.end)
        : null;
      if (state && named && named.end === end && named.entries[0]!.type === 'party') {
        for (const [m, e] of [
          [state, state.entries[0]!],
          [named, named.entries[0]!],
        ] as const) {
          const d = draftFromGazetteer(sentence, tokens, m, e, () => true);
          if (d) drafts.push(d);
        }
        taken.push({ start: span.start, end });
        continue;
      }
      // "Lib Dem Treasury spokesman": a party before a body's name is its own mention.
      const party = gazetteer().longestAt(texts, start);
      // "UKIP Scotland" (a party's branch in a place) is a body of its own.
      const branch = party ? gazetteer().longestAt(texts, party.end) : null;
      const inPlace = branch?.entries.some(
        (e) => e.type === 'country' || e.type === 'city' || e.type === 'capital' || e.type === 'region',
      );
      // Only before a role ("Lib Dem Treasury spokesman"): "Democratic Republic", "Republican Guards" are names.
      const role = (texts[end] ?? '').toLowerCase();
      const beforeRole = PARTY_NOUNS.has(role) || TITLE_HEADS.has(role) || TITLE_WORDS.has(role);
      if (
        party &&
        beforeRole &&
        !inPlace &&
        party.end < end &&
        party.entries[0]!.type === 'party' &&
        /^\p{Lu}/u.test(texts[party.end]!)
      ) {
        const d = draftFromGazetteer(sentence, tokens, party, party.entries[0]!, () => true);
        if (d) {
          drafts.push(d);
          taken.push({ start, end: party.end });
          start = party.end;
          // "National Front Vice ...": a title after the party is no body.
          if (
            texts.slice(start, end).every((w) => TITLE_WORDS.has(w.toLowerCase()) || TITLE_HEADS.has(w.toLowerCase()))
          ) {
            taken.push({ start, end });
            continue;
          }
        }
      }
    }
    // "Obama White House" read as one name: the leader, then the seat of power.
    const seat =
      span.label !== 'PER'
        ? matches.find((m) => m.end === end && m.start === start + 1 && m.entries[0]!.type === 'seat')
        : undefined;
    if (seat && /^\p{Lu}\p{Ll}+$/u.test(texts[start]!) && !gazetteer().longestAt(texts, start)) {
      drafts.push({
        sentence,
        tokenStart: start,
        tokenEnd: start + 1,
        kind: 'person',
        rule: 'rule:leader-before-seat',
        canonical: null,
      });
      const d = draftFromGazetteer(sentence, tokens, seat, seat.entries[0]!);
      if (d) drafts.push(d);
      taken.push({ start: span.start, end });
      continue;
    }
    // "Russia-China", "Sino-Russian": a compound of two names is neither of them alone.
    if (end - start === 1 && isCompoundOfNames(texts[start]!)) {
      taken.push({ start, end });
      continue;
    }
    const exact = matches.find((m) => m.start === start && m.end === end);
    const entry = exact?.entries[0];
    if (entry && gazetteerTypes(span.label, untyped, entry, texts[start]!, span.score, end - start)) {
      const d = draftFromGazetteer(sentence, tokens, { start, end }, entry, personAt);
      if (d) {
        drafts.push(d);
        taken.push({ start: span.start, end });
        continue;
      }
    }
    if (untyped) {
      // An untyped capitalised run: split at title words ("... Council Secretary Jane Doe") and type each part.
      for (const seg of segmentRun(tokens, start, end)) {
        if (matches.some((m) => m.start <= seg.start && m.end >= seg.end)) continue; // the gazetteer step types it
        const segKind = classifyUntyped(tokens, seg.start, seg.end);
        if (!segKind) continue;
        drafts.push({
          sentence,
          tokenStart: seg.start,
          tokenEnd: seg.end,
          kind: segKind,
          rule: 'rule:capitalised',
          canonical: null,
        });
        taken.push(seg);
      }
      continue;
    }
    // A confident MISC (an event, a nationality adjective in a longer name) is none of our kinds, and no gazetteer
    // name inside it counts ("Indian" in "West Indian").
    taken.push({ start: span.start, end });
    const kind: EntityKind | undefined = NER_KIND[span.label];
    if (!kind) continue;
    drafts.push({
      sentence,
      tokenStart: start,
      tokenEnd: end,
      kind,
      rule: `ner:${span.label.toLowerCase()}`,
      canonical: null,
      ...(honorific ? { honorific } : {}),
    });
  }

  // 2. Gazetteer names the tagger left alone.
  for (const m of matches) {
    if (taken.some((t) => overlaps(t, m))) continue;
    const entry = m.entries[0]!;
    if (!acceptsAlone(tokens, m, entry)) continue;
    const d = draftFromGazetteer(sentence, tokens, m, entry, personAt);
    if (d) {
      drafts.push(d);
      taken.push(m);
    }
  }

  addBodiesBeforeTitles(sentence, tokens, drafts);
  splitLeaderBeforeSeat(tokens, drafts);
  drafts.sort((a, b) => a.tokenStart - b.tokenStart);
  mergeDemonymIntoBody(drafts, tokens);
  drafts.sort((a, b) => a.tokenStart - b.tokenStart);
  return drafts;
}

/**
 * "the Obama White House", "the Carter administration": a surname before a seat of power or "administration" names
 * the leader. When the tagger folded the name into the seat's span, or left it untyped, it becomes a person.
 */
function splitLeaderBeforeSeat(tokens: readonly Token[], drafts: MentionDraft[]): void {
  for (let i = 0; i < drafts.length; i++) {
    const d = drafts[i]!;
    const seatStart = d.gazetteer?.type === 'seat' ? d.tokenStart : -1;
    if (seatStart < 1) continue;
    const prevTok = tokens[seatStart - 1]!;
    if (!/^\p{Lu}\p{Ll}+$/u.test(prevTok.text)) continue;
    const before = tokens[seatStart - 2]?.text.toLowerCase();
    if (before !== 'the' && before !== 'a') continue;
    if (
      drafts.some((o) => o !== d && o.tokenStart <= seatStart - 1 && o.tokenEnd > seatStart - 1 && o.kind !== 'person')
    )
      continue;
    if (gazetteer().longestAt([prevTok.text], 0)) continue;
    if (!drafts.some((o) => o.tokenStart === seatStart - 1 && o.tokenEnd === seatStart)) {
      drafts.push({
        sentence: d.sentence,
        tokenStart: seatStart - 1,
        tokenEnd: seatStart,
        kind: 'person',
        rule: 'rule:leader-before-seat',
        canonical: null,
      });
    }
  }
}

/** Splits a capitalised run at title words: "Russian Security Council Secretary Jane Doe" -> two parts. */
function segmentRun(tokens: readonly Token[], start: number, end: number): Span[] {
  const out: Span[] = [];
  let s = start;
  for (let i = start; i < end; i++) {
    const t = tokens[i]!.text;
    if (TITLE_WORDS.has(t.toLowerCase()) || isStopWordCapitalised(t)) {
      if (i > s) out.push({ start: s, end: i });
      s = i + 1;
    }
  }
  if (end > s) out.push({ start: s, end });
  // A known name (seat, organisation, country) ending a run is typed by the gazetteer; the words before it are a
  // separate part ("Obama White House" -> "Obama" + "White House").
  const texts = tokens.map((t) => t.text);
  const result: Span[] = [];
  for (const seg of out) {
    let cut = -1;
    for (let k = seg.start + 1; k < seg.end && cut < 0; k++) {
      const m = gazetteer().longestAt(texts, k);
      if (
        m &&
        m.end === seg.end &&
        m.entries.some((e) => e.type === 'seat' || e.type === 'organisation' || e.type === 'country')
      )
        cut = k;
    }
    if (cut > 0) result.push({ start: seg.start, end: cut }, { start: cut, end: seg.end });
    else result.push(seg);
  }
  return result;
}

/**
 * "Russian Security Council", "Chinese Foreign Ministry": a demonym right before a body the data does not know
 * is part of the body's name (a national body), not a separate mention of the state.
 */
function mergeDemonymIntoBody(drafts: MentionDraft[], tokens: readonly Token[]): void {
  for (let i = drafts.length - 2; i >= 0; i--) {
    const a = drafts[i]!;
    const b = drafts[i + 1]!;
    if (
      a.gazetteer?.type === 'demonym' &&
      b.kind === 'organisation' &&
      b.canonical === null &&
      a.tokenEnd === b.tokenStart
    ) {
      // The mention keeps its span (the state is mentioned too, as CoNLL annotates it); the body's name is qualified.
      b.qualifier = tokens
        .slice(a.tokenStart, a.tokenEnd)
        .map((t) => t.text)
        .join(' ');
    }
  }
}

/** "Russia-China", "Russian-Chinese": a hyphenated token whose parts are all known place or state names. */
function isCompoundOfNames(token: string): boolean {
  if (!token.includes('-')) return false;
  const parts = token.split('-');
  return parts.length >= 2 && parts.every((p) => p.length > 0 && gazetteer().longestAt([p], 0) !== null);
}

/**
 * "Security Council Secretary Jane Doe", "Foreign Ministry spokeswoman Jane Doe": capitalised words ending in an
 * organisation head noun, right before a title before a person, name the body the person works for, even when the
 * tagger read them as part of the title.
 */
function addBodiesBeforeTitles(sentence: number, tokens: readonly Token[], drafts: MentionDraft[]): void {
  const covered = (k: number) => drafts.some((d) => d.tokenStart <= k && k < d.tokenEnd);
  for (const person of drafts.filter((d) => d.kind === 'person')) {
    let j = person.tokenStart - 1;
    const titleEnd = j;
    while (j >= 0 && TITLE_WORDS.has(tokens[j]!.text.toLowerCase()) && !covered(j)) j--;
    if (j === titleEnd) continue; // no title between the body and the person
    const bodyEnd = j + 1;
    while (
      j >= 0 &&
      /^\p{Lu}/u.test(tokens[j]!.text) &&
      !covered(j) &&
      !isStopWordCapitalised(tokens[j]!.text) &&
      !TITLE_WORDS.has(tokens[j]!.text.toLowerCase())
    )
      j--;
    const bodyStart = j + 1;
    if (bodyEnd - bodyStart < 1 || !isOrganisationHead(tokens[bodyEnd - 1]!.text)) continue;
    drafts.push({
      sentence,
      tokenStart: bodyStart,
      tokenEnd: bodyEnd,
      kind: 'organisation',
      rule: 'rule:body-before-title',
      canonical: null,
    });
  }
}

/**
 * A person span with a title inside ("Adidas CEO Jane Doe"), or an organisation span ending in title + name
 * ("Schalke Captain Jane Doe"): the person after the last title word, and the body before it when a body title
 * follows it and the gazetteer does not know it as something else.
 */
function splitAtTitle(
  tokens: readonly Token[],
  start: number,
  end: number,
  isPerson: boolean,
): { body: Span | null; person: Span } | null {
  let title = -1;
  for (let k = end - 2; k > start; k--) {
    if (TITLE_HEADS.has(tokens[k]!.text.toLowerCase()) && /^\p{L}/u.test(tokens[k]!.text)) {
      title = k;
      break;
    }
  }
  if (title < 0) return null;
  const person = { start: title + 1, end };
  const nameLength = end - person.start;
  if (
    !isPerson &&
    (nameLength < 2 || nameLength > 3 || !tokens.slice(person.start, end).every((t) => /^\p{Lu}\p{Ll}/u.test(t.text)))
  )
    return null;
  let bodyEnd = title;
  while (
    bodyEnd > start &&
    (TITLE_WORDS.has(tokens[bodyEnd - 1]!.text.toLowerCase()) ||
      TITLE_HEADS.has(tokens[bodyEnd - 1]!.text.toLowerCase()))
  )
    bodyEnd--;
  const texts = tokens.map((t) => t.text);
  const known = gazetteer().longestAt(texts, start);
  const isBody =
    bodyEnd > start &&
    BODY_TITLES.has(tokens[title]!.text.toLowerCase()) &&
    !(
      known &&
      known.end >= bodyEnd &&
      known.entries.some(
        (e) => e.type === 'demonym' || e.type === 'country' || e.type === 'city' || e.type === 'capital',
      )
    );
  return { body: isBody ? { start, end: bodyEnd } : null, person };
}
