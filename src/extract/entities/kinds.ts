/**
 * Kinds that hold, decided over the whole article once every mention draft is known:
 * - sport: in a match report a city is its club ("beat Nuremberg", "Dortmund's keeper"), unless the text locates
 *   something in it ("in Munich", "travelled to Munich"); a "person" whose name holds a city is a club too
 *   ("Werder Bremen", "Hertha Berlin");
 * - agreements: "Kyoto protocol", "Paris agreement" name a topic, not the place;
 * - people by context: a name the tagger called a place that speaks or is quoted ("X said") is a person;
 * - junk: a lone generic word ("Office", "Committee", "Council"), a sentence adverb ("Meanwhile"), a time zone
 *   glued to a city ("Delhi UTC") and bylines ("Jane Doe Editor") are no entities.
 * The cue words are closed-class grammar of news reporting, not knowledge of particular names.
 */
import { commonWords } from '../../knowledge/loader.js';
import type { Sentence, Token } from '../types.js';
import { kindFromContext } from './context-cues.js';
import { gazetteer } from './gazetteer.js';
import { knowledge } from './knowledge.js';
import { isOrganisationHead, isStopWordCapitalised, lexiconWords, TITLE_HEADS } from './lexicon.js';
import type { MentionDraft } from './mentions.js';
import { isNoEntity } from './not-entities.js';

/** Words that only match reports use; an article with enough of them is about sport. */
const SPORT_CUES = lexiconWords('sportCues');
/** Distinct cue words, and cue occurrences, an article needs to count as a sports report. */
const SPORT_DISTINCT = 4;
const SPORT_OCCURRENCES = 8;

/** Words before a city that locate something in it, rather than name its club. */
const LOCATING = lexiconWords('locating');
const MOTION = lexiconWords('motion');

/** Heads after a name that make the phrase an agreement or process, a topic ("Kyoto protocol"). */
const AGREEMENT_HEADS = lexiconWords('agreementHeads');

/**
 * Single words that are generic nouns when they stand alone as a name and resolve to no longer name of the article
 * ("the Committee said" with no committee named): no entity.
 */
const GENERIC_ALONE = lexiconWords('genericAlone');

/** Whether a resolved label is a lone generic word (see GENERIC_ALONE). */
export function isGenericAlone(label: string): boolean {
  return GENERIC_ALONE.has(label);
}

/** Time-zone abbreviations glued to a city in a dateline or a clock list ("Delhi UTC"). */
const TIME_ZONES = lexiconWords('timeZones');

/** Days of the week: a name never ends with one ("the Munich forum Saturday" is the forum, then when). */
const WEEKDAYS = lexiconWords('weekdays');

/** Month names: one followed by a day number ends no name ("Lisbon March 5": the dateline's place, then when). */
const MONTHS = lexiconWords('months');

function isDateMonth(tokens: readonly Token[], at: number): boolean {
  return MONTHS.has(tokens[at]!.text) && /^\d{1,2}$/.test(tokens[at + 1]?.text ?? '');
}

/** Organisation head words that also end place names. */
const PLACE_LIKE_HEADS = new Set(['Union', 'Center', 'Centre', 'Front', 'Post', 'Exchange', 'Guard', 'Times', 'News']);

/** Words that end a byline or credit after a name ("Jane Doe Editor"). */
const CREDIT_ROLES = lexiconWords('creditRoles');

/** First words of place names ("West Bengal", "East Germany"): such a name is no person even when it "says". */
const GEOGRAPHIC = lexiconWords('geographic');

/**
 * Nouns for a city's people and its government after the city's name ("Lyon officials said", "Leeds residents"):
 * the city there is where they are, not a body named after it. In a match report "Lyon officials" are the club's.
 */
const CITY_PEOPLE = lexiconWords('cityPeople');

/** Reporting verbs after a name that make it a speaker: a person, whatever the tagger said. */
const SPEAKS = lexiconWords('speaks');

function isSportsReport(sentences: readonly Sentence[]): boolean {
  const seen = new Set<string>();
  let count = 0;
  for (const s of sentences) {
    for (const t of s.tokens) {
      const w = t.text.toLowerCase();
      if (SPORT_CUES.has(w)) {
        seen.add(w);
        count++;
      }
    }
  }
  return seen.size >= SPORT_DISTINCT && count >= SPORT_OCCURRENCES;
}

function isCityReading(d: MentionDraft): boolean {
  const g = d.gazetteer?.type;
  return g === 'city' || g === 'capital' || (d.kind === 'place' && d.rule === 'ner:loc');
}

/** Whether the words before a city locate something in it ("in Munich", "travelled to Munich"). */
function isPartyAdjective(word: string): boolean {
  const g = gazetteer().longestAt([word], 0);
  return g !== null && g.end === 1 && g.entries.every((e) => e.type === 'party' && e.adjective);
}

/** Compass words: a people's name may start with them ("Eastern Europeans"), but they alone name regions. */
const COMPASS = lexiconWords('compass');

let peopleWords: Set<string> | undefined;

/** Counts before a people's name ("Six Israelis", "Thousands of Syrians" is split by the tagger anyway). */
const PEOPLE_COUNTS = lexiconWords('peopleCounts');

/**
 * Whether a name is made only of words for peoples: demonyms (singular or plural) and data/peoples.json, after a
 * count ("Six Israelis"); a qualified plural people ("Ottoman Turks", "Cheyenne Indians"); a city's people
 * ("Berliner", "Londoners": a city the gazetteer knows with -er or -ers).
 */
function isPeople(all: readonly string[]): boolean {
  const texts = PEOPLE_COUNTS.has(all[0] ?? '') && all.length > 1 ? all.slice(1) : all;
  if (isPeopleWords(texts)) return true;
  const last = texts[texts.length - 1] ?? '';
  if (texts.length === 2 && last.endsWith('s') && isPeopleWords([last]) && !COMPASS.has(last)) {
    // The word before the people is no place the gazetteer knows ("Cleveland Indians" is a team) nor a function word.
    const first = texts[0]!;
    return !isStopWordCapitalised(first) && gazetteer().longestAt([first], 0) === null;
  }
  const city = /^(\p{Lu}\p{Ll}+?)(?:er|ers)$/u.exec(texts.length === 1 ? last : '');
  return city !== null && isKnownCity(city[1]!);
}

function isPeopleWords(texts: readonly string[]): boolean {
  if (!peopleWords) {
    peopleWords = new Set(knowledge().peoples);
    for (const c of knowledge().countries.values())
      for (const d of c.demonyms) {
        peopleWords.add(d);
        if (!d.endsWith('s')) peopleWords.add(`${d}s`);
      }
  }
  const all = peopleWords;
  return texts.every((t) => all.has(t)) && texts.some((t) => !COMPASS.has(t));
}

/** Whether a word is a city or capital the gazetteer knows (and nothing it ranks above them). */
function isKnownCity(word: string): boolean {
  const g = gazetteer().longestAt([word], 0);
  return g !== null && (g.entries[0]!.type === 'city' || g.entries[0]!.type === 'capital');
}

function locates(tokens: readonly Token[], start: number, sport = true): boolean {
  // A dateline ("LEEDS 1996-08-22", "Leeds (Reuters) -"): where the report was filed.
  const after = tokens[start + 1]?.text ?? '';
  // A bare number after it is a score ("Leeds 2 Newcastle 1"), not a date.
  if (
    start === 0 &&
    (/^\d{4}-\d\d-\d\d$|^\d{1,2}\.\d{1,2}\.\d{2,4}$/.test(after) ||
      after === '(' ||
      after === '-' ||
      after === '--' ||
      after === ',')
  )
    return true;
  let p = start - 1;
  if (p >= 0 && /^the$/i.test(tokens[p]!.text)) p--;
  const prev = tokens[p]?.text.toLowerCase() ?? '';
  // In a match report "at Leeds" is the fixture against the club; elsewhere it locates.
  if (LOCATING.has(prev) && !(sport && prev === 'at')) return true;
  if (prev === 'to' || prev === 'from' || prev === 'into') return MOTION.has(tokens[p - 1]?.text.toLowerCase() ?? '');
  return false;
}

/** Whether a span's words include a city the article names as such (a club named after it: "Werder Bremen"). */
function holdsCity(tokens: readonly Token[], d: MentionDraft, cities: ReadonlySet<string>): boolean {
  for (let k = d.tokenStart; k < d.tokenEnd; k++) if (cities.has(tokens[k]!.text)) return true;
  // A club's name ends with a big city even when the article names the city nowhere else ("Alemannia Aachen").
  const last = tokens[d.tokenEnd - 1]!.text;
  const g = gazetteer().longestAt([last], 0);
  return g?.entries.some((e) => (e.type === 'city' && e.population >= 200_000) || e.type === 'capital') === true;
}

/** Words joining the parts of a body's name ("Chamber of Industry and Commerce", "Committee on Banking"). */
const NAME_CONNECTORS = lexiconWords('nameConnectors');

/** Whether a country, city or region the gazetteer knows starts at a token: a body's name stops before it. */
function knownPlaceAt(texts: readonly string[], at: number): boolean {
  const g = gazetteer().longestAt(texts, at);
  return g?.entries.some((e) => /^(country|capital|city|region|demonym)$/.test(e.type)) === true;
}

/** Legal-form words that close a company's name ("Acme Corp of Ohio" is the company and a place). */
const LEGAL_FORMS = lexiconWords('legalForms');

/**
 * A body's name that the tagger split at a connector ("the Chamber of Industry" + "and Commerce", "the Basel
 * Committee" + "on Banking Supervision") is one name: a tagger reading holding an organisation head word runs
 * on over "of/on/for/and" and the capitalised words after it, up to a known place; the readings inside go.
 */
function joinBodyNames(sentences: readonly Sentence[], drafts: MentionDraft[]): MentionDraft[] {
  const dropped = new Set<MentionDraft>();
  const bySentence = new Map<number, MentionDraft[]>();
  for (const d of drafts) bySentence.set(d.sentence, [...(bySentence.get(d.sentence) ?? []), d]);
  for (const [si, list] of bySentence) {
    const tokens = sentences[si]!.tokens;
    const texts = tokens.map((t) => t.text);
    for (const d of list) {
      if (dropped.has(d) || d.canonical !== null || d.kind === 'state' || d.kind === 'topic') continue;
      if (LEGAL_FORMS.has(texts[d.tokenEnd - 1]!)) continue;
      if (!d.rule.startsWith('ner:') || !tokens.slice(d.tokenStart, d.tokenEnd).some((t) => isOrganisationHead(t.text)))
        continue;
      let end = d.tokenEnd;
      while (NAME_CONNECTORS.has(tokens[end]?.text ?? '')) {
        let j = end + 1;
        while (
          j < tokens.length &&
          /^\p{Lu}\p{Ll}/u.test(texts[j]!) &&
          !isStopWordCapitalised(texts[j]!) &&
          !knownPlaceAt(texts, j)
        )
          j++;
        if (j === end + 1) break;
        // "X Corp and Y Inc": two bodies, not one name.
        if (texts[end] === 'and' && isOrganisationHead(texts[j - 1]!)) break;
        end = j;
      }
      if (end === d.tokenEnd) continue;
      for (const o of list) if (o !== d && o.tokenStart >= d.tokenEnd && o.tokenEnd <= end) dropped.add(o);
      d.tokenEnd = end;
      d.kind = 'organisation';
      d.rule = `${d.rule}+joined`;
    }
  }
  return dropped.size === 0 ? drafts : drafts.filter((d) => !dropped.has(d));
}

/** Lower-case particles inside personal and some body names ("Osama bin X", "Johann von X", "Corriere della X"). */
const NAME_PARTICLES = lexiconWords('nameParticles');
/** Function words inside names ("Light of the World", "Médecins sans Frontières"). */
const NAME_FUNCTION_WORDS = lexiconWords('nameFunctionWords');

/**
 * A name the tagger split at a lower-case particle ("Osama" + "bin" + "Laden", "Johann Wolfgang" + "von" + "Goethe")
 * is one name: two readings with one particle between them join, and a person's reading runs on over a particle and
 * the capitalised words after it that no reading took. The joined name is a person when either part was one.
 */
function joinNameParticles(sentences: readonly Sentence[], drafts: MentionDraft[]): MentionDraft[] {
  const dropped = new Set<MentionDraft>();
  const bySentence = new Map<number, MentionDraft[]>();
  for (const d of drafts) bySentence.set(d.sentence, [...(bySentence.get(d.sentence) ?? []), d]);
  for (const [si, list] of bySentence) {
    const tokens = sentences[si]!.tokens;
    list.sort((a, b) => a.tokenStart - b.tokenStart);
    const covered = (k: number) => list.some((o) => !dropped.has(o) && o.tokenStart <= k && k < o.tokenEnd);
    for (let i = 0; i < list.length; i++) {
      const a = list[i]!;
      if (dropped.has(a) || a.canonical !== null || a.kind === 'state' || a.kind === 'topic') continue;
      if (!a.rule.startsWith('ner:')) continue;
      const particle = tokens[a.tokenEnd]?.text ?? '';
      if (!NAME_PARTICLES.has(particle)) continue;
      const b = list.find((o) => o.tokenStart === a.tokenEnd + 1);
      if (b) {
        if (b.canonical !== null || b.kind === 'state' || b.kind === 'topic' || !b.rule.startsWith('ner:')) continue;
        a.tokenEnd = b.tokenEnd;
        if (b.kind === 'person') a.kind = 'person';
        a.rule = `${a.rule}+particle`;
        dropped.add(b);
        continue;
      }
      if (a.kind !== 'person') continue;
      let j = a.tokenEnd + 1;
      while (
        j < tokens.length &&
        /^\p{Lu}\p{Ll}/u.test(tokens[j]!.text) &&
        !covered(j) &&
        !isStopWordCapitalised(tokens[j]!.text)
      )
        j++;
      if (j === a.tokenEnd + 1) continue;
      a.tokenEnd = j;
      a.rule = `${a.rule}+particle`;
    }
  }
  return dropped.size === 0 ? drafts : drafts.filter((d) => !dropped.has(d));
}

/** Whether a word of a reading starts a name the gazetteer knows (a city, a country, a body). */
function holdsKnownName(tokens: readonly Token[], d: MentionDraft): boolean {
  const texts = tokens.map((t) => t.text);
  for (let k = d.tokenStart; k < d.tokenEnd; k++) if (gazetteer().longestAt(texts, k) !== null) return true;
  return false;
}

/** Whether ", Region" or ", Country" follows a reading, not as the first of a pair ("Denver, Colorado"). */
function placedAfter(tokens: readonly Token[], d: MentionDraft): boolean {
  if (tokens[d.tokenEnd]?.text !== ',') return false;
  const texts = tokens.map((t) => t.text);
  const g = gazetteer().longestAt(texts, d.tokenEnd + 1);
  if (!g?.entries.some((e) => e.type === 'region' || e.type === 'country')) return false;
  return !/^(and|or)$/.test(texts[g.end] ?? '');
}

/** Names of deities, typed as persons whatever the tagger read. */
const DEITIES = lexiconWords('deities');

/** Arabic articles glued to a surname ("al-Assad"): the surname also stands alone. */
const ARTICLE_PREFIX = /^(?:al|el|as|ad|ar|ash)-/i;

/** A tagger reading of two or three capitalised words that hold no head word and no name the data knows. */
function isPersonShaped(tokens: readonly Token[], d: MentionDraft): boolean {
  const n = d.tokenEnd - d.tokenStart;
  if (!d.rule.startsWith('ner:') || d.canonical !== null || d.gazetteer !== undefined || n < 2 || n > 3) return false;
  const texts = tokens.map((t) => t.text);
  for (let k = d.tokenStart; k < d.tokenEnd; k++) {
    const w = texts[k]!;
    if (!/^\p{Lu}[\p{L}'-]*\p{Ll}$/u.test(w.replace(ARTICLE_PREFIX, '')) && !/^(?:al|el)-\p{Lu}/u.test(w)) return false;
    if (isOrganisationHead(w) || gazetteer().longestAt(texts, k) !== null) return false;
  }
  return true;
}

/** Whether the last word of a reading (the surname) is a single name the article reads as a person elsewhere. */
function personNamePart(tokens: readonly Token[], d: MentionDraft, singles: ReadonlySet<string>): boolean {
  const last = tokens[d.tokenEnd - 1]!.text;
  return singles.has(last) || singles.has(last.replace(ARTICLE_PREFIX, ''));
}

/** Whether a tagger reading is the tail of a longer name after a connector (see settleKinds). */
function isNameTail(tokens: readonly Token[], d: MentionDraft): boolean {
  if (d.kind === 'person' || d.canonical !== null || d.gazetteer !== undefined || !d.rule.startsWith('ner:'))
    return false;
  const connector = tokens[d.tokenStart - 1]?.text ?? '';
  const before = tokens[d.tokenStart - 2]?.text ?? '';
  // The word before the connector heads the longer name: a body's head ("Council on", "Institute for"). After a
  // title the name is the body the title is of ("President of X").
  if (!/^(for|of|on)$/.test(connector) || !isOrganisationHead(before)) return false;
  return !tokens.slice(d.tokenStart, d.tokenEnd).some((t) => isOrganisationHead(t.text));
}

/**
 * A city's own body read as the city and a bare head word ("the Hamburg Senate", "the Leeds City Council" split
 * before "Council"): one body, named with its city (the relation rules read the city from the name).
 */
function joinCityBodies(sentences: readonly Sentence[], drafts: MentionDraft[]): MentionDraft[] {
  const dropped = new Set<MentionDraft>();
  for (let i = 0; i + 1 < drafts.length; i++) {
    const city = drafts[i]!;
    const body = drafts[i + 1]!;
    const g = city.gazetteer?.type;
    if (
      city.sentence !== body.sentence ||
      city.tokenEnd !== body.tokenStart ||
      city.kind !== 'place' ||
      (g !== 'city' && g !== 'capital') ||
      body.kind !== 'organisation' ||
      body.canonical !== null ||
      body.tokenEnd - body.tokenStart !== 1 ||
      !isOrganisationHead(sentences[body.sentence]!.tokens[body.tokenStart]!.text)
    )
      continue;
    body.tokenStart = city.tokenStart;
    body.rule = `${body.rule}+city`;
    dropped.add(city);
  }
  return dropped.size === 0 ? drafts : drafts.filter((d) => !dropped.has(d));
}

/** Settles kinds over the article and drops junk; returns the drafts kept (the same objects, some retyped). */
export function settleKinds(sentences: readonly Sentence[], all: MentionDraft[]): MentionDraft[] {
  const drafts = joinNameParticles(sentences, joinBodyNames(sentences, joinCityBodies(sentences, all)));
  const sport = isSportsReport(sentences);
  // Cities the article names as such: a "person" holding one is a club named after it (CoNLL's people named like
  // some city elsewhere stay people).
  const cities = new Set<string>();
  if (sport) {
    for (const d of drafts) {
      if (d.gazetteer?.type === 'city' || d.gazetteer?.type === 'capital') {
        const tokens = sentences[d.sentence]!.tokens;
        for (let k = d.tokenStart; k < d.tokenEnd; k++) cities.add(tokens[k]!.text);
      }
    }
  }
  // Words of people's full names in the article: "Ford" is the person when "Jane Ford" is named.
  const personParts = new Set<string>();
  for (const d of drafts) {
    if (d.kind !== 'person' || d.tokenEnd - d.tokenStart < 2) continue;
    for (const t of sentences[d.sentence]!.tokens.slice(d.tokenStart, d.tokenEnd)) personParts.add(t.text);
  }
  // Tails of people's full names ("Le Pen" of "Jane Le Pen", "Doe" of "Jane Doe"): a reading of one is the person.
  const nameTails = new Set<string>();
  for (const d of drafts) {
    if (d.kind !== 'person' || d.tokenEnd - d.tokenStart < 2) continue;
    const words = sentences[d.sentence]!.tokens.slice(d.tokenStart, d.tokenEnd).map((t) => t.text);
    for (let k = 1; k < words.length; k++) nameTails.add(words.slice(k).join(' '));
  }
  // Single names the tagger read as a person ("Morales said", "Saddam's weapons").
  const personSingles = new Set<string>();
  for (const d of drafts) {
    const text = sentences[d.sentence]!.tokens[d.tokenStart]!.text;
    // A common word read as a person ("River") is no evidence of a name.
    if (
      d.kind === 'person' &&
      d.rule === 'ner:per' &&
      d.tokenEnd - d.tokenStart === 1 &&
      !commonWords().has(text.toLowerCase())
    )
      personSingles.add(text);
  }
  const kept: MentionDraft[] = [];
  for (const d of drafts) {
    const tokens = sentences[d.sentence]!.tokens;
    const first = tokens[d.tokenStart]!.text;
    const last = tokens[d.tokenEnd - 1]!.text;
    const single = d.tokenEnd - d.tokenStart === 1;
    // Time zones, weekdays and credits glued to a name are cut off; nothing left means no entity.
    while (
      d.tokenEnd > d.tokenStart &&
      (TIME_ZONES.has(tokens[d.tokenEnd - 1]!.text) ||
        (d.kind !== 'topic' && d.tokenEnd - d.tokenStart > 1 && WEEKDAYS.has(tokens[d.tokenEnd - 1]!.text)) ||
        (d.kind !== 'topic' &&
          d.kind !== 'person' &&
          d.tokenEnd - d.tokenStart > 1 &&
          isDateMonth(tokens, d.tokenEnd - 1)) ||
        (d.kind === 'person' && CREDIT_ROLES.has(tokens[d.tokenEnd - 1]!.text)))
    ) {
      d.tokenEnd--;
      d.rule = `${d.rule}+trimmed`;
    }
    // "UTC Vancouver" in a clock list: the time zone before the city goes too.
    while (d.tokenEnd - d.tokenStart > 1 && TIME_ZONES.has(tokens[d.tokenStart]!.text)) {
      d.tokenStart++;
      d.rule = `${d.rule}+trimmed`;
    }
    if (d.tokenEnd === d.tokenStart) continue;
    // "X International ranks Y": a verb glued between two names ends the first (a name's own lower-case words are
    // particles and function words).
    if (d.rule.startsWith('ner:') && d.canonical === null) {
      for (let k = d.tokenStart + 1; k < d.tokenEnd - 1; k++) {
        const w = tokens[k]!.text;
        if (
          /^\p{Ll}{3,}$/u.test(w) &&
          !NAME_PARTICLES.has(w) &&
          !NAME_FUNCTION_WORDS.has(w) &&
          /^\p{Lu}/u.test(tokens[k + 1]!.text)
        ) {
          d.tokenEnd = k;
          d.rule = `${d.rule}+trimmed`;
          break;
        }
      }
    }
    // "Delhi UTC" read as a body: once the time zone is cut, a city the gazetteer knows is a place.
    if (d.rule.endsWith('+trimmed') && d.kind !== 'place') {
      const g = gazetteer().longestAt(
        tokens.slice(d.tokenStart, d.tokenEnd).map((t) => t.text),
        0,
      );
      if (g && g.end === d.tokenEnd - d.tokenStart && g.entries.some((e) => e.type === 'city' || e.type === 'capital'))
        d.kind = 'place';
    }
    if (d.canonical === null && single && d.kind !== 'topic' && isStopWordCapitalised(first)) continue;
    // A party adjective the party reading did not take ("the Green group") is no place or body by itself.
    if (d.canonical === null && single && d.kind !== 'person' && d.kind !== 'topic' && isPartyAdjective(first))
      continue;
    // A language named alone ("in Urdu", "speaks Quechua") is no person, body or place.
    if (
      d.canonical === null &&
      single &&
      d.kind !== 'topic' &&
      knowledge().languages.has(first) &&
      !isOrganisationHead(tokens[d.tokenEnd]?.text ?? '')
    )
      continue;
    // "broadcast in Arabic", "a speech in Spanish.": the language, not the state whose demonym it shares.
    if (
      d.rule === 'rule:demonym' &&
      single &&
      tokens[d.tokenStart - 1]?.text === 'in' &&
      knowledge().languages.has(first) &&
      !/^\p{L}/u.test(tokens[d.tokenEnd]?.text ?? '')
    )
      continue;
    if (d.kind === 'topic') {
      kept.push(d);
      continue;
    }
    // "Bavaria's ruling party" read as a body outside a match report: a region the data knows is the place.
    if (d.kind === 'organisation' && d.rule === 'ner:org' && !sport && first !== first.toUpperCase()) {
      const g = gazetteer().longestAt(
        tokens.slice(d.tokenStart, d.tokenEnd).map((t) => t.text),
        0,
      );
      if (g?.end === d.tokenEnd - d.tokenStart && g.entries[0]!.type === 'region') {
        d.kind = 'place';
        d.rule = 'gazetteer:regions';
        d.gazetteer = g.entries[0]!;
      }
    }
    // "the US South": a state's name and a compass word name a region of it.
    if (
      d.kind === 'organisation' &&
      d.rule.startsWith('ner:') &&
      d.tokenEnd - d.tokenStart === 2 &&
      COMPASS.has(last) &&
      gazetteer()
        .longestAt([first], 0)
        ?.entries.some((e) => e.type === 'country') === true
    )
      d.kind = 'place';
    // "Le Pen" read as a body where the article names "Jane Le Pen": the person (a name the data knows keeps its kind).
    if (
      d.kind !== 'person' &&
      d.rule.startsWith('ner:') &&
      d.canonical === null &&
      d.gazetteer === undefined &&
      !isOrganisationHead(last) &&
      nameTails.has(
        tokens
          .slice(d.tokenStart, d.tokenEnd)
          .map((t) => t.text)
          .join(' '),
      ) &&
      !holdsKnownName(tokens, d)
    ) {
      d.kind = 'person';
      d.rule = `${d.rule}+name-tail`;
    }
    // A deity's name ("God", "Allah") read as a body or place: news corpora annotate deities as persons.
    if (d.canonical === null && single && DEITIES.has(first)) {
      d.kind = 'person';
      d.rule = 'rule:deity';
    }
    // "Bashar al-Assad" read as a body, "Jane Doe" as a place, when the article calls her "Doe" alone as a person.
    if (d.kind !== 'person' && personNamePart(tokens, d, personSingles) && isPersonShaped(tokens, d)) {
      d.kind = 'person';
      d.rule = `${d.rule}+person-part`;
    }
    // "the Munich daily X Zeitung", "the Y Arts Center" read as a person: the head word makes it a body.
    if (
      d.kind === 'person' &&
      d.rule.startsWith('ner:') &&
      !single &&
      d.gazetteer === undefined &&
      isOrganisationHead(last) &&
      !/^\p{Lu}+$/u.test(last)
    ) {
      d.kind = 'organisation';
      d.rule = `${d.rule}+head`;
    }
    // A role read as a name ("a Left party MP", "the Chancellor said"): no entity.
    if (d.canonical === null && single && TITLE_HEADS.has(first.toLowerCase())) continue;
    // "Twitter", "Greenpeace" read as a person: a body the data knows, unless a person of the article bears the name.
    if (d.kind === 'person' && d.rule === 'ner:per' && single && !personParts.has(first)) {
      const known = gazetteer().longestAt([first], 0);
      const body = known?.end === 1 ? known.entries.find((e) => e.type === 'organisation') : undefined;
      if (body?.type === 'organisation') {
        d.kind = 'organisation';
        d.rule = 'gazetteer:organisations';
        d.canonical = body.label;
        d.gazetteer = body;
      }
    }
    // "the German Council on Foreign Relations": a tagger reading after "for/of/on" and a body's head word the tagger
    // left out is the tail of a longer name, no entity by itself (unless it names a body itself or the data knows it).
    if (isNameTail(tokens, d)) continue;
    // "Shiites", "Eastern Europeans", "Libyans": a group of people, no person, body or place.
    if (d.canonical === null && isPeople(tokens.slice(d.tokenStart, d.tokenEnd).map((t) => t.text))) continue;
    // "Kyoto protocol": the name and its head are the topic.
    const head = tokens[d.tokenEnd]?.text ?? '';
    if (d.kind !== 'state' && d.kind !== 'person' && AGREEMENT_HEADS.has(head.toLowerCase())) {
      kept.push({
        sentence: d.sentence,
        tokenStart: d.tokenStart,
        tokenEnd: d.tokenEnd + 1,
        kind: 'topic',
        rule: 'rule:named-agreement',
        canonical: null,
      });
      continue;
    }
    // All capitals (a headline, a results table): the tagger's reading of the line stands.
    const shouting = first === first.toUpperCase() && last === last.toUpperCase();
    if (sport && !shouting && d.kind !== 'organisation' && !(d.kind === 'state' && d.gazetteer?.type === 'country')) {
      if (isCityReading(d) && !locates(tokens, d.tokenStart)) {
        d.kind = 'organisation';
        d.rule = 'rule:sports-club';
        d.canonical = null;
        delete d.stateCode;
      } else if (d.kind === 'person' && !single && holdsCity(tokens, d, cities)) {
        d.kind = 'organisation';
        d.rule = 'rule:sports-club';
      }
    }
    // "the daily X", "philosopher X", "X Stadium": what the words around a name say it is (not in a match report's
    // fixture lines, where a city is its club).
    if (!(sport && d.rule === 'rule:sports-club')) {
      const cue = kindFromContext(tokens, d);
      if (cue) {
        d.kind = cue.kind;
        d.rule = cue.rule;
      }
    }
    // "the Middle Ages", "the film X", "Liquefied Natural Gas": periods, works and common nouns in Title Case.
    if (isNoEntity(tokens, d, sport)) continue;
    // "travelled to Munich", "a rally in Baltimore", "Lyon officials said": a known city the tagger read as a body is
    // the place there.
    if (
      d.kind === 'organisation' &&
      d.rule === 'ner:org' &&
      single &&
      !shouting &&
      isKnownCity(first) &&
      (locates(tokens, d.tokenStart, sport) ||
        (!sport && CITY_PEOPLE.has(tokens[d.tokenEnd]?.text.toLowerCase() ?? '')))
    ) {
      d.kind = 'place';
      d.rule = 'rule:located-city';
    }
    // "a singer from Denver, Colorado": a known city before ", region or country" is the place, whatever the tagger read.
    if (
      d.kind !== 'place' &&
      d.rule.startsWith('ner:') &&
      single &&
      !shouting &&
      isKnownCity(first) &&
      placedAfter(tokens, d)
    )
      d.kind = 'place';
    // "Officials in Denver said": a known city the tagger read as a speaker, after a word that locates, is the place
    // ("in Lincoln's speech" stays a person).
    if (
      d.kind === 'person' &&
      d.rule === 'ner:per' &&
      single &&
      !shouting &&
      isKnownCity(first) &&
      tokens[d.tokenEnd]?.text !== "'s" &&
      locates(tokens, d.tokenStart, sport)
    ) {
      d.kind = 'place';
      d.rule = 'rule:located-city';
    }
    // "leads the Green Alliance": a name the tagger read as a place but ending in a body's head word is the body
    // (not the heads that also end place names: "Soviet Union", "Rockefeller Center").
    if (
      d.kind === 'place' &&
      d.rule === 'ner:loc' &&
      !d.gazetteer &&
      d.tokenEnd - d.tokenStart >= 2 &&
      isOrganisationHead(last) &&
      !PLACE_LIKE_HEADS.has(last)
    ) {
      d.kind = 'organisation';
      d.rule = 'rule:body-head';
    }
    // A place that speaks: "Jane Doe said" typed LOC is a person (a known place name never is).
    if (
      d.kind === 'place' &&
      d.rule === 'ner:loc' &&
      !d.gazetteer &&
      d.tokenEnd - d.tokenStart >= 2 &&
      !isOrganisationHead(last)
    ) {
      const next = tokens[d.tokenEnd]?.text ?? '';
      if (SPEAKS.has(next.toLowerCase()) && !GEOGRAPHIC.has(first)) {
        d.kind = 'person';
        d.rule = 'rule:speaker';
      }
    }
    kept.push(d);
  }
  return kept;
}
