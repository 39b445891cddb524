/**
 * Resolution within an article: every mention draft gets the node it refers to.
 * - people: a surname or first name goes to the full name seen (preferably earlier) in the article;
 * - states: country names, official names, abbreviations, demonyms and capitals acting for a state share the
 *   country's common English name (so the node key is the same in every article);
 * - organisations: data labels for known bodies; acronyms defined in the text ("(SCO)") or whose letters spell an
 *   expansion seen in the article go to that expansion; a short form ("the Security Council", "the Foreign
 *   Ministry") goes to the longer name ending with it seen in the article, or to the known body whose parent
 *   organisation is mentioned ("the Security Council" after "UN").
 */
import { nodeKey } from '../../contract/keys.js';
import type { Entity, EntityKind, Sentence } from '../types.js';
import { CUE_RULE_PREFIX } from './context-cues.js';
import { gazetteer } from './gazetteer.js';
import { isGenericAlone } from './kinds.js';
import { knowledge } from './knowledge.js';
import { ACRONYM_SKIP } from './lexicon.js';
import type { MentionDraft } from './mentions.js';

export interface ResolvedDraft extends MentionDraft {
  label: string;
  entityId: string;
  /** Surface text of the mention, in Article.text. */
  text: string;
  start: number;
  end: number;
}

/** Trims a leading article and a trailing possessive from a draft's token range. */
function trimDraft(d: MentionDraft, sentence: Sentence): MentionDraft {
  let s = d.tokenStart;
  let e = d.tokenEnd;
  // Gazetteer names are exact ("The Hague"); elsewhere a leading article is not part of the name.
  while (e - s > 1 && !d.rule.startsWith('gazetteer:') && /^(the|a|an)$/i.test(sentence.tokens[s]!.text)) s++;
  while (e - s > 1 && /^(['’]s?|[.,;:!?"“”‘’])$/.test(sentence.tokens[e - 1]!.text)) e--;
  return s === d.tokenStart && e === d.tokenEnd ? d : { ...d, tokenStart: s, tokenEnd: e };
}

function surface(d: MentionDraft, sentences: Sentence[], text: string): { text: string; start: number; end: number } {
  const tokens = sentences[d.sentence]!.tokens;
  const start = tokens[d.tokenStart]!.start;
  const end = tokens[d.tokenEnd - 1]!.end;
  return { text: text.slice(start, end), start, end };
}

/** Words of a name for matching: curly apostrophes straightened. Memoised: a long article repeats its names. */
const nameWordsCache = new Map<string, string[]>();
function nameWords(name: string): string[] {
  let words = nameWordsCache.get(name);
  if (!words) {
    words = name.replace(/’/g, "'").split(/\s+/).filter(Boolean);
    if (nameWordsCache.size > 50_000) nameWordsCache.clear();
    nameWordsCache.set(name, words);
  }
  return words;
}

/** Positions (ascending) of the items under each key; "nearest earlier" and "first later" by binary search. */
class PositionIndex {
  private readonly lists = new Map<string, number[]>();

  /** Appends a position; positions must be added in ascending order. */
  add(key: string, position: number): void {
    const list = this.lists.get(key);
    if (!list) this.lists.set(key, [position]);
    else if (list[list.length - 1] !== position) list.push(position);
  }

  first(key: string): number {
    return this.lists.get(key)?.[0] ?? -1;
  }

  last(key: string): number {
    const list = this.lists.get(key);
    return list ? list[list.length - 1]! : -1;
  }

  /** The largest position < at, or -1. */
  lastBefore(key: string, at: number): number {
    const list = this.lists.get(key);
    if (!list) return -1;
    const k = lowerBound(list, at);
    return k > 0 ? list[k - 1]! : -1;
  }

  /** The smallest position > at, or -1. */
  firstAfter(key: string, at: number): number {
    const list = this.lists.get(key);
    if (!list) return -1;
    const k = lowerBound(list, at + 1);
    return k < list.length ? list[k]! : -1;
  }
}

/** Index of the first element >= value in an ascending list. */
function lowerBound(list: readonly number[], value: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The smaller of two positions where -1 means none. */
function minPos(a: number, b: number): number {
  return a < 0 ? b : b < 0 ? a : Math.min(a, b);
}

/** Initials of a multi-word name, skipping function words: "Shanghai Cooperation Organization" -> "SCO". */
function initials(name: string): string {
  return nameWords(name)
    .flatMap((w) => w.split('-'))
    .filter((w) => w && !ACRONYM_SKIP.has(w.toLowerCase()))
    .map((w) => w[0]!.toUpperCase())
    .join('');
}

function isAcronym(text: string): boolean {
  const letters = text.replace(/\./g, '');
  return letters.length >= 2 && letters.length <= 6 && /^[A-Z][A-Z0-9&]+$/.test(letters);
}

function endsWithWords(longer: string[], shorter: string[]): boolean {
  if (shorter.length >= longer.length) return false;
  const off = longer.length - shorter.length;
  return shorter.every((w, i) => w.toLowerCase() === longer[off + i]!.toLowerCase());
}

/** Resolves drafts (in text order) to labels and entities. */
export function resolveDrafts(
  drafts: MentionDraft[],
  sentences: Sentence[],
  text: string,
): { resolved: ResolvedDraft[]; entities: Map<string, Entity> } {
  // The mention keeps the span it was found with ("The Hague", "Lord 's"); its label drops a leading article and a
  // trailing possessive or punctuation.
  const items = drafts.map((d) => ({ draft: d, ...surface(d, sentences, text) }));
  const labels: string[] = items.map(({ draft }) => {
    if (draft.canonical) return draft.canonical;
    const own = surface(trimDraft(draft, sentences[draft.sentence]!), sentences, text).text.replace(/’/g, "'");
    // "Lord Ashcroft", "Prince Charles": a style with one name is part of the common name (the span is the name).
    if (draft.kind === 'person' && draft.honorific && knowledge().styles.has(draft.honorific) && !own.includes(' '))
      return `${draft.honorific} ${own}`;
    return draft.qualifier ? `${draft.qualifier} ${own}` : own;
  });

  resolveAcronymDefinitions(items, sentences, labels);
  resolvePartyCountries(items, sentences, labels);
  resolveAlsoKnownAs(items, text, labels);
  harmoniseKinds(items, labels);
  resolvePeople(items, labels);
  resolveOrganisations(items, labels);
  resolveCorporateSuffixes(items, labels);
  resolvePlaces(items, labels);

  const entities = new Map<string, Entity>();
  const aliasSets = new Map<string, Set<string>>();
  const resolved: ResolvedDraft[] = [];
  items.forEach((item, i) => {
    const label = labels[i]!;
    const kind: EntityKind = item.draft.kind;
    // "the Committee" that named no committee of the article: a generic word, not an entity.
    if (kind !== 'topic' && item.draft.canonical === null && isGenericAlone(label)) return;
    const id = nodeKey(kind, label);
    let entity = entities.get(id);
    let aliases = aliasSets.get(id);
    if (!entity || !aliases) {
      entity = { id, label, kind, aliases: [] };
      aliases = new Set();
      entities.set(id, entity);
      aliasSets.set(id, aliases);
    }
    if (kind === 'state' && entity.iso === undefined && item.draft.stateCode) {
      const country = knowledge().countries.get(item.draft.stateCode);
      if (country) {
        entity.iso = country.code;
        entity.iso3 = country.code3;
      }
    }
    const alias = item.text.replace(/\s+/g, ' ');
    if (alias !== entity.label && !aliases.has(alias)) {
      aliases.add(alias);
      entity.aliases.push(alias);
    }
    resolved.push({ ...item.draft, label, entityId: id, text: item.text, start: item.start, end: item.end });
  });
  return { resolved, entities };
}

type Item = { draft: MentionDraft; text: string; start: number; end: number };

/** "Shanghai Cooperation Organization (SCO)": the acronym in brackets names the organisation before it. */
function resolveAcronymDefinitions(items: Item[], sentences: Sentence[], labels: string[]): void {
  const defined = new Map<string, string>();
  items.forEach((item, i) => {
    const d = item.draft;
    if (d.kind !== 'organisation' && d.kind !== 'place' && d.kind !== 'state') return;
    const tokens = sentences[d.sentence]!.tokens;
    const open = tokens[d.tokenEnd]?.text;
    const acr = tokens[d.tokenEnd + 1]?.text;
    const close = tokens[d.tokenEnd + 2]?.text;
    if (open === '(' && close === ')' && acr && isAcronym(acr)) defined.set(acr.replace(/\./g, ''), labels[i]!);
  });
  if (defined.size === 0) return;
  // The owner is the first item carrying the label; items before i already have their final label here, and item i
  // itself carries it once relabelled, so the first earlier index per label (kept as we go) or i is that item.
  const firstWithLabel = new Map<string, number>();
  items.forEach((item, i) => {
    const key = item.text.replace(/\./g, '');
    const target = defined.get(key);
    if (target && item.draft.tokenEnd - item.draft.tokenStart === 1 && item.draft.canonical === null) {
      labels[i] = target;
      const owner = items[firstWithLabel.get(target) ?? i]!;
      item.draft = { ...item.draft, kind: owner.draft.kind };
    }
    if (!firstWithLabel.has(labels[i]!)) firstWithLabel.set(labels[i]!, i);
  });
}

/**
 * A party name several parties share ("Greens", "Conservatives", "Social Democrats") goes to the party of the state
 * the article mentions most among theirs; with no state mentioned at all, to the first party the data lists; when only
 * other states are mentioned, to none (a plain organisation named as written).
 */
function resolvePartyCountries(items: Item[], sentences: Sentence[], labels: string[]): void {
  let stateCounts: Map<string, number> | null = null;
  items.forEach((item, i) => {
    const d = item.draft;
    if (d.gazetteer?.type !== 'party') return;
    const texts = sentences[d.sentence]!.tokens.map((t) => t.text);
    const m = gazetteer().longestAt(texts, d.tokenStart);
    const options = (m?.end === d.tokenEnd ? m.entries : []).filter(
      (e): e is Extract<typeof e, { type: 'party' }> => e.type === 'party',
    );
    if (options.length < 2) return;
    if (!stateCounts) {
      // The article's states: named states, its cities' and capitals' states, and the states of the parties only one
      // state has ("SPD" says Germany).
      const counts = new Map<string, number>();
      stateCounts = counts;
      const vote = (code: string | undefined) => {
        if (code) counts.set(code, (counts.get(code) ?? 0) + 1);
      };
      for (const it of items) {
        const g = it.draft.gazetteer;
        vote(it.draft.stateCode);
        if (g?.type === 'city') vote(g.country);
        else if (g?.type === 'capital' && !it.draft.stateCode) vote(g.code);
        else if (g?.type === 'party') {
          const t = sentences[it.draft.sentence]!.tokens.map((x) => x.text);
          const all =
            gazetteer()
              .longestAt(t, it.draft.tokenStart)
              ?.entries.filter((e) => e.type === 'party') ?? [];
          if (all.length === 1) vote(g.country);
        }
      }
    }
    const counts = stateCounts;
    let best = options[0]!;
    for (const o of options) if ((counts.get(o.country) ?? 0) > (counts.get(best.country) ?? 0)) best = o;
    if ((counts.get(best.country) ?? 0) === 0 && counts.size > 0) {
      // The article is about other states: the shared name is some party there, not the default one. No guess.
      labels[i] = item.text;
      item.draft = { ...d, canonical: null, gazetteer: undefined };
      return;
    }
    labels[i] = best.label;
    item.draft = { ...d, canonical: best.label, gazetteer: best };
  });
}

/** Words between a name and another name for the same entity: "X, also known as Y", "X (formerly Y)". */
const ALSO_KNOWN_AS =
  /^\s*,?\s*\(?\s*(?:also known as|better known as|known as|a\.k\.a\.?|aka|formerly|formerly known as|previously known as|nicknamed|alias)\s*$/i;

/**
 * "Mahmud Rashidi, also known as Abu Karim", "Acme (formerly Widget Corp)": the second name is an alias of the
 * first, here and wherever else the article uses it.
 */
function resolveAlsoKnownAs(items: Item[], text: string, labels: string[]): void {
  const renamed = new Map<string, { label: string; kind: EntityKind }>();
  for (let i = 1; i < items.length; i++) {
    const a = items[i - 1]!;
    const b = items[i]!;
    if (a.draft.sentence !== b.draft.sentence || a.draft.kind === 'topic' || b.draft.kind === 'topic') continue;
    if (b.start - a.end > 40 || !ALSO_KNOWN_AS.test(text.slice(a.end, b.start))) continue;
    renamed.set(labels[i]!, { label: labels[i - 1]!, kind: a.draft.kind });
  }
  if (renamed.size === 0) return;
  items.forEach((item, i) => {
    const to = renamed.get(labels[i]!);
    if (!to || item.draft.canonical !== null) return;
    labels[i] = to.label;
    item.draft = { ...item.draft, kind: to.kind, rule: `${item.draft.rule}+also-known-as` };
  });
}

const NAMED_KINDS = new Set<EntityKind>(['person', 'organisation', 'place', 'state']);

/**
 * One name, one kind within an article: the tagger may read "Opel" as a body twice and as a place once, which would
 * make two nodes of one entity.
 * - a surname or first name of a full name in the article, read as something else, is that person ("Hussein" after
 *   "Saddam Hussein"), unless the data knows it as a place or body;
 * - a name the data knows as a state is the state everywhere in the article;
 * - otherwise the kind most of its mentions have (a full name also counts its surname's person readings); a tie
 *   goes to the person, then to the place.
 */
function harmoniseKinds(items: Item[], labels: string[]): void {
  const nameParts = new Set<string>();
  items.forEach((item, i) => {
    if (item.draft.kind !== 'person') return;
    const words = nameWords(labels[i]!);
    if (words.length < 2 || knowledge().styles.has(words[0]!)) return;
    nameParts.add(words[0]!);
    nameParts.add(words[words.length - 1]!);
  });
  const surnameVotes = new Map<string, number>();
  const groups = new Map<string, number[]>();
  items.forEach((item, i) => {
    if (item.draft.kind === 'person' && !labels[i]!.includes(' '))
      surnameVotes.set(labels[i]!, (surnameVotes.get(labels[i]!) ?? 0) + 1);
    if (!NAMED_KINDS.has(item.draft.kind)) return;
    // Case kept: "NEW YORK" in a dateline and "New York" the team are two readings the text may rightly give.
    const key = labels[i]!;
    const list = groups.get(key);
    if (list) list.push(i);
    else groups.set(key, [i]);
  });
  const retype = (i: number, kind: EntityKind, from?: MentionDraft) => {
    const d = items[i]!.draft;
    if (d.kind === kind) return;
    items[i]!.draft = from
      ? {
          ...d,
          kind,
          canonical: from.canonical,
          ...(from.stateCode ? { stateCode: from.stateCode } : {}),
          rule: `${d.rule}+kind`,
        }
      : { ...d, kind, rule: `${d.rule}+kind` };
    if (from?.canonical) labels[i] = from.canonical;
  };
  for (const [, list] of groups) {
    const known = (i: number) => items[i]!.draft.gazetteer !== undefined || items[i]!.draft.canonical !== null;
    // Readings the data or the context fixed ("the daily X") decide for the tagger's readings of the same name.
    const anchored = (i: number) => known(i) || items[i]!.draft.rule.startsWith(CUE_RULE_PREFIX);
    const label = labels[list[0]!]!;
    // All capitals: a headline or a results table, where the tagger's reading of each line is the best there is.
    if (label === label.toUpperCase()) continue;
    const single = nameWords(label).length === 1;
    if (single && nameParts.has(label)) {
      for (const i of list) if (!known(i)) retype(i, 'person');
      continue;
    }
    const kinds = new Set(list.map((i) => items[i]!.draft.kind));
    if (kinds.size < 2) continue;
    // A city and a club or firm named after it are two entities: each mention keeps the kind its context gave.
    if (
      list.some(
        (i) =>
          items[i]!.draft.rule === 'rule:sports-club' ||
          /^(city|capital|region)$/.test(items[i]!.draft.gazetteer?.type ?? ''),
      )
    )
      continue;
    const state = list.find((i) => items[i]!.draft.kind === 'state' && items[i]!.draft.stateCode);
    if (state !== undefined) {
      for (const i of list) if (!known(i) && items[i]!.draft.kind === 'place') retype(i, 'state', items[state]!.draft);
      continue;
    }
    // Readings the data fixed (a party, a known body, a state) keep their kind; the tagger's readings follow the
    // anchored readings when there are any, else the votes of all.
    const anchors = list.filter(anchored);
    const votes = new Map<EntityKind, number>();
    for (const i of anchors.length > 0 ? anchors : list)
      votes.set(items[i]!.draft.kind, (votes.get(items[i]!.draft.kind) ?? 0) + 1);
    // A full name read as a person somewhere gains the votes of its surname alone read as a person ("Morales said").
    if (!single && votes.has('person') && anchors.length === 0) {
      const words = nameWords(label);
      votes.set('person', votes.get('person')! + (surnameVotes.get(words[words.length - 1]!) ?? 0));
    }
    const max = Math.max(...votes.values());
    const top = [...votes].filter(([, n]) => n === max).map(([k]) => k);
    let kind: EntityKind;
    if (top.length === 1) kind = top[0]!;
    else if (top.includes('person')) kind = 'person';
    else kind = top.includes('place') ? 'place' : top[0]!;
    for (const i of list) if (!anchored(i) && items[i]!.draft.kind !== 'state') retype(i, kind);
  }
}

/** Key of a run of name words (words never contain whitespace). */
function runKey(words: readonly string[]): string {
  return words.join(' ');
}

/** Arabic articles glued to a surname ("al-Assad", "El-Sisi"): the surname also stands without them. */
const ARTICLE_PREFIX = /^(?:al|el|ad|ar|as|ash|at|az)-(\p{Lu}[\p{L}'-]+)$/iu;

/** Key of a run of person-name words: case-insensitive ("De Maiziere" is "de Maiziere"). */
function personKey(words: readonly string[]): string {
  return runKey(words).toLowerCase();
}

/** Surnames and first names go to the full name that contains them. */
function resolvePeople(items: Item[], labels: string[]): void {
  // Full names (two words or more) indexed by every proper head run and tail run of their words: a mention matches
  // a full name when its words are one of those runs (see containsRun). Positions ascend, so the nearest earlier
  // full name is a binary search.
  const fullByRun = new PositionIndex();
  const styles = knowledge().styles;
  items.forEach((item, i) => {
    if (item.draft.kind !== 'person') return;
    const words = nameWords(labels[i]!);
    if (words.length < 2) return;
    for (let k = 1; k < words.length; k++) {
      // A style alone ("Lord" of "Lord Ashcroft") is no short form of the name.
      if (!(k === 1 && styles.has(words[0]!))) fullByRun.add(personKey(words.slice(0, k)), i);
      fullByRun.add(personKey(words.slice(words.length - k)), i);
    }
    // "Bashar al-Assad" is later "Assad": the surname without its article.
    const bare = ARTICLE_PREFIX.exec(words[words.length - 1]!);
    if (bare) fullByRun.add(personKey([bare[1]!]), i);
    // "Sir Digby Jones" (label "Digby Jones") is later "Sir Digby"; "Lord Tom Hale" is "Lord Hale".
    const style = item.draft.honorific;
    if (style && styles.has(style)) {
      fullByRun.add(personKey([style, words[0]!]), i);
      fullByRun.add(personKey([style, words[words.length - 1]!]), i);
    }
  });
  items.forEach((item, i) => {
    if (item.draft.kind !== 'person') return;
    const key = personKey(nameWords(labels[i]!));
    // The nearest earlier full name, else the first later one ("Macron" in a headline before "Emmanuel Macron").
    const earlier = fullByRun.lastBefore(key, i);
    const pick = earlier >= 0 ? earlier : fullByRun.first(key);
    if (pick >= 0) labels[i] = labels[pick]!;
  });
  // A full name that is itself contained in a longer one ("Macron" never; "Emmanuel Macron" in "President Emmanuel Macron")
  // was handled above; a chain (A -> B -> C) settles because labels of full names only grow.
}

/** Keys under which a label of several words can be found as a "longer" name (see longerKeys). */
function longerNameKeys(label: string): string[] {
  const words = nameWords(label);
  if (words.length < 2) return [];
  const keys = [`h:${words[0]!}`];
  for (let k = 1; k < words.length; k++) keys.push(`s:${runKey(words.slice(words.length - k)).toLowerCase()}`);
  return keys;
}

/**
 * The keys a name looks up to find the longer names that can stand for it: those ending with its words (any case,
 * endsWithWords) and, for one word, those starting with it (same case, startsWithWord).
 */
function longerKeys(words: readonly string[]): string[] {
  const keys = [`s:${runKey(words).toLowerCase()}`];
  if (words.length === 1) keys.push(`h:${words[0]!}`);
  return keys;
}

/**
 * Labels as they stand while a pass relabels items in text order: items before the current one carry their final
 * label (indexed as they are passed), items after it still carry the label they had when the pass started.
 */
class PassIndex {
  readonly done = new PositionIndex();
  readonly pending = new PositionIndex();

  /** The first item (other than `at`) under any of the keys: a passed one if any, else the first one after `at`. */
  first(keys: readonly string[], at: number): number {
    let best = -1;
    for (const k of keys) best = minPos(best, this.done.first(k));
    if (best >= 0) return best;
    for (const k of keys) best = minPos(best, this.pending.firstAfter(k, at));
    return best;
  }

  /** The last passed item under any of the keys, or -1. */
  last(keys: readonly string[]): number {
    let best = -1;
    for (const k of keys) best = Math.max(best, this.done.last(k));
    return best;
  }
}

/** Acronyms and short forms of organisations go to the longer name seen in the article or known from data. */
function resolveOrganisations(items: Item[], labels: string[]): void {
  const orgIdx = items.map((it, i) => (it.draft.kind === 'organisation' ? i : -1)).filter((i) => i >= 0);
  const known = knowledge().organisations;
  const docOrgLabels = new Set(orgIdx.map((i) => labels[i]!));
  // A body of an organisation counts as a mention of the organisation ("UN Security Council" mentions the UN).
  for (const o of known) if (o.parent && docOrgLabels.has(o.label)) docOrgLabels.add(o.parent);

  // Multi-word organisations by initials, and by the keys of longerNameKeys.
  const byInitials = new PassIndex();
  const longerNames = new PassIndex();
  for (const j of orgIdx) {
    const label = labels[j]!;
    if (nameWords(label).length >= 2) byInitials.pending.add(initialsOf(label), j);
    for (const k of longerNameKeys(label)) longerNames.pending.add(k, j);
  }
  // The last item (of any kind) before the current one with each label, filled as the pass moves on.
  const lastWithLabel = new Map<string, number>();
  let passed = 0;
  // Known bodies a short form can stand for depend on its words only.
  const bodiesOf = new Map<string, typeof known>();

  const resolveOne = (i: number): void => {
    const label = labels[i]!;
    const words = nameWords(label);
    // An acronym whose letters spell a multi-word organisation of this article.
    if (isAcronym(label) && items[i]!.draft.canonical === null) {
      const expansion = byInitials.first([label.replace(/\./g, '')], i);
      if (expansion >= 0) {
        labels[i] = labels[expansion]!;
        return;
      }
    }
    // Names the data knows are already canonical; only names as written can be short forms.
    if (items[i]!.draft.canonical !== null) return;
    // A short form: the most recently mentioned body it can stand for, among the longer names of this article that
    // end with it ("Turkish Security Council") and the known bodies of an organisation mentioned in the article
    // ("the Security Council" right after "UN" is the UN Security Council).
    // A one-word name may also be the head of a longer one ("Bayern" for "Bayern Munich").
    const keys = longerKeys(words);
    let bodies = bodiesOf.get(label);
    if (!bodies) {
      bodies = known.filter(
        (o) => o.parent && docOrgLabels.has(o.parent) && o.names.some((n) => endsWithWords(nameWords(n), words)),
      );
      bodiesOf.set(label, bodies);
    }
    let bestLabel: string | null = null;
    let bestAt = -1;
    const earlierLonger = longerNames.last(keys);
    if (earlierLonger >= 0) {
      bestLabel = labels[earlierLonger]!;
      bestAt = earlierLonger;
    }
    for (const body of bodies) {
      const at = Math.max(
        lastWithLabel.get(body.label) ?? -1,
        body.parent ? (lastWithLabel.get(body.parent) ?? -1) : -1,
      );
      if (at > bestAt) {
        bestLabel = body.label;
        bestAt = at;
      }
    }
    if (bestLabel === null) {
      const firstLonger = longerNames.first(keys, i);
      if (firstLonger >= 0) bestLabel = labels[firstLonger]!;
    }
    if (bestLabel === null && bodies.length === 1) bestLabel = bodies[0]!.label;
    if (bestLabel !== null) labels[i] = bestLabel;
  };

  for (const i of orgIdx) {
    for (; passed < i; passed++) {
      lastWithLabel.set(labels[passed]!, passed);
    }
    resolveOne(i);
    const label = labels[i]!;
    if (nameWords(label).length >= 2) byInitials.done.add(initialsOf(label), i);
    for (const k of longerNameKeys(label)) longerNames.done.add(k, i);
  }
}

/** Words that end a body's full name and are dropped in its short form ("Union Carbide Corporation"). */
const CORPORATE_SUFFIX =
  /\s+(Corporation|Corp\.?|Group|Company|Co\.?|Inc\.?|Ltd\.?|AG|GmbH|SA|plc|PLC|News Agency|News|Holdings)$/;

/**
 * "Union Carbide" and "Union Carbide Corporation", "Xinhua" and "Xinhua News" in one article are one body: names
 * that differ only by a corporate suffix go to the longest of them.
 */
function resolveCorporateSuffixes(items: Item[], labels: string[]): void {
  const longest = new Map<string, string>();
  items.forEach((item, i) => {
    if (item.draft.kind !== 'organisation') return;
    const label = labels[i]!;
    const stem = label.replace(CORPORATE_SUFFIX, '');
    const prev = longest.get(stem);
    if (prev === undefined || label.length > prev.length) longest.set(stem, label);
  });
  items.forEach((item, i) => {
    if (item.draft.kind !== 'organisation') return;
    const to = longest.get(labels[i]!.replace(CORPORATE_SUFFIX, ''));
    if (to && to !== labels[i] && nameWords(to.replace(CORPORATE_SUFFIX, '')).length >= 1) labels[i] = to;
  });
}

const initialsCache = new Map<string, string>();
function initialsOf(label: string): string {
  let key = initialsCache.get(label);
  if (key === undefined) {
    key = initials(label);
    if (initialsCache.size > 50_000) initialsCache.clear();
    initialsCache.set(label, key);
  }
  return key;
}

/** A one-word place that starts or ends a longer place name of the article ("Gaza" for "Gaza Strip"). */
function resolvePlaces(items: Item[], labels: string[]): void {
  const placeIdx = items.map((it, i) => (it.draft.kind === 'place' ? i : -1)).filter((i) => i >= 0);
  const longerNames = new PassIndex();
  for (const j of placeIdx) for (const k of longerNameKeys(labels[j]!)) longerNames.pending.add(k, j);
  for (const i of placeIdx) {
    const words = nameWords(labels[i]!);
    if (items[i]!.draft.canonical === null && words.length === 1) {
      const longer = longerNames.first(longerKeys(words), i);
      if (longer >= 0) labels[i] = labels[longer]!;
    }
    for (const k of longerNameKeys(labels[i]!)) longerNames.done.add(k, i);
  }
}
