/**
 * Capitalised names the tagger found that are no person, body, state or place, whatever kind it gave them:
 * - periods, movements, events and fields: "the Middle Ages", "the Reformation", "Socialism", "the Battle of X",
 *   "the 12th Annual Congress of X", "the Champions League" in a match report, "Islamic Studies" (their head word,
 *   an ordinal or an "-ism" says so);
 * - titles of works and names of ships: named after a work or ship noun ("the film X", "movies like X", "aboard the
 *   X") or quoted as a title ("his novel "Season of X"");
 * - common noun phrases in Title Case read as bodies ("Liquefied Natural Gas"): every word is a common English word
 *   (SCOWL, see the loader), no word heads a body's or venue's name and the data knows none of them.
 * The cue words are closed-class grammar of news reporting (lexicon.json), not knowledge of particular names.
 */
import { commonWords } from '../../knowledge/loader.js';
import type { Token } from '../types.js';
import { gazetteer } from './gazetteer.js';
import { isOrganisationHead, lexiconWords } from './lexicon.js';
import type { MentionDraft } from './mentions.js';

/** Last words of a period's or an event's name ("Middle Ages", "Arab Spring", "World Cup"). */
const EVENT_HEADS = lexiconWords('eventHeads');
/** First words of an event's name before "of" ("Battle of X"). */
const EVENT_FIRST = lexiconWords('eventFirst');
/** Single words that name a period or movement ("Reformation"). */
const PERIODS = lexiconWords('periods');
/** Last words of a competition's name in a match report ("Champions League"); elsewhere "Arab League" is a body. */
const SPORT_EVENT_HEADS = lexiconWords('sportEventHeads');
/** Last words of names of fields of study ("Islamic Studies", "International Relations") without a body's head. */
const FIELD_HEADS = lexiconWords('fieldHeads');
/** An ordinal or "Annual" opening a name: a meeting held again and again ("165th Annual Congress of X"). */
const RECURRING = /^(?:\d+(?:st|nd|rd|th)|Annual)$/;
/** Nouns for works before a title ("the film X", "his novel X", "movies like X"), and for ships ("aboard the X"). */
const WORK_NOUNS = new Set([...lexiconWords('workNouns'), ...lexiconWords('vesselNouns')]);
/** Head words of names of bodies, venues and programmes besides the organisation heads ("Academy", "Church"). */
const NAME_HEADS = new Set([...lexiconWords('commonNameHeads'), ...lexiconWords('facilityHeads')]);
/** Nouns after a quoted name that make it a body ("the "X" sect"). */
const BODY_AFTER = new Set([...lexiconWords('organisationHeadsAfter'), ...lexiconWords('organisationDescriptors')]);

const DOUBLE_QUOTES = new Set(['"', '“', '”', '«', '»', '„']);
/** Words a title keeps in lower case ("Harry Potter and the Prisoner of Azkaban"). */
const TITLE_FUNCTION_WORDS = new Set(['of', 'the', 'and', 'a', 'an', 'in', 'on', 'at', 'to', 'for', 'with', 'from']);
/** Words that may stand between a work noun and the title ("movies like X", "the screening of X"). */
const WORK_GAP = new Set(['the', 'a', 'like', 'such', 'as', 'called', 'of', 'new', 'latest', 'first', 'hit']);
/** How far a quote may stand from a name inside it, in tokens. */
const QUOTE_REACH = 12;
/** How many gap words may stand between a work noun and the title. */
const WORK_REACH = 3;

function isTaggerReading(d: MentionDraft): boolean {
  return (
    d.canonical === null &&
    d.gazetteer === undefined &&
    (d.rule.startsWith('ner:') || d.rule === 'rule:capitalised' || d.rule === 'rule:sports-club')
  );
}

/** The head noun of a name: the word before its first connector ("Ministry of War", "Institute for X"), else its last. */
function headNoun(words: readonly string[]): string {
  const at = words.findIndex((w, k) => k > 0 && TITLE_FUNCTION_WORDS.has(w));
  return at > 0 ? words[at - 1]! : words[words.length - 1]!;
}

function nameTexts(tokens: readonly Token[], d: MentionDraft): string[] {
  return tokens.slice(d.tokenStart, d.tokenEnd).map((t) => t.text);
}

/** A period, movement or event by its head word ("Middle Ages", "Battle of X", "Socialism", "Champions League"). */
function isEventOrPeriod(tokens: readonly Token[], d: MentionDraft, sport: boolean): boolean {
  const words = nameTexts(tokens, d);
  const last = words[words.length - 1]!;
  if (words.length === 1) return d.kind !== 'person' && (PERIODS.has(last) || /^\p{Lu}\p{Ll}{2,}isms?$/u.test(last));
  if (RECURRING.test(words[0]!)) return true;
  if (EVENT_FIRST.has(words[0]!) && words[1] === 'of') return true;
  const head = headNoun(words);
  if (sport && SPORT_EVENT_HEADS.has(head)) return true;
  if (isOrganisationHead(head) || NAME_HEADS.has(head)) return false;
  return EVENT_HEADS.has(head) || FIELD_HEADS.has(head);
}

/**
 * The stretch between double quotes around a name, when its words read as a title (capitalised but for function
 * words): [open, close) token positions of the quotes, else null.
 */
function quotedTitle(tokens: readonly Token[], d: MentionDraft): { open: number; close: number } | null {
  let open = -1;
  for (let k = d.tokenStart - 1; k >= 0 && k >= d.tokenStart - QUOTE_REACH; k--) {
    if (DOUBLE_QUOTES.has(tokens[k]!.text)) {
      open = k;
      break;
    }
  }
  let close = -1;
  for (let k = d.tokenEnd; k < tokens.length && k <= d.tokenEnd + QUOTE_REACH; k++) {
    if (DOUBLE_QUOTES.has(tokens[k]!.text)) {
      close = k;
      break;
    }
  }
  if (open < 0 || close < 0) return null;
  for (let k = open + 1; k < close; k++) {
    const w = tokens[k]!.text;
    if (DOUBLE_QUOTES.has(w)) return null;
    if (/^\p{Ll}/u.test(w) && !TITLE_FUNCTION_WORDS.has(w)) return null;
  }
  return { open, close };
}

/** A title of a film, book, song or the like: named after a work noun, or quoted as a title near one. */
function isWorkTitle(tokens: readonly Token[], d: MentionDraft): boolean {
  const quoted = quotedTitle(tokens, d);
  if (quoted) {
    const after = tokens[quoted.close + 1]?.text ?? '';
    if (BODY_AFTER.has(after)) return false;
    // A work noun before the quote in the sentence ("the film "X"", "hits such as "X""), or right after it.
    for (let k = 0; k < quoted.open; k++) if (WORK_NOUNS.has(tokens[k]!.text.toLowerCase())) return true;
    for (let k = quoted.close + 1; k < tokens.length && k <= quoted.close + 1 + WORK_REACH; k++) {
      const w = tokens[k]!.text.toLowerCase();
      if (WORK_NOUNS.has(w)) return true;
      if (w !== ',' && !WORK_GAP.has(w)) break;
    }
    // A title longer than the name the tagger took from it ("Season of X", "The Red X"); punctuation aside.
    const words = (from: number, to: number) => tokens.slice(from, to).some((t) => /\p{L}/u.test(t.text));
    if (words(quoted.open + 1, d.tokenStart) || words(d.tokenEnd, quoted.close)) return d.kind !== 'person';
    return false;
  }
  // Unquoted, only for bodies and places: "his book Jane Doe describes" names the author.
  if (d.kind === 'person') return false;
  let p = d.tokenStart - 1;
  for (let gap = 0; p >= 0 && gap <= WORK_REACH; gap++, p--) {
    const w = tokens[p]!.text.toLowerCase();
    if (WORK_NOUNS.has(w)) return true;
    if (!WORK_GAP.has(w) && !DOUBLE_QUOTES.has(w)) return false;
  }
  return false;
}

/** Whether the gazetteer knows a name starting at a word of the name (a country, a city, a body). */
function knownWordAt(texts: readonly string[], k: number): boolean {
  return gazetteer().longestAt(texts, k) !== null;
}

/** Words after a lone capitalised word that open a clause it heads ("Born in X", "Based on X"). */
const CLAUSE_AFTER = new Set(['in', 'on', 'at', 'of', 'to', 'from', 'by', 'with', 'for']);
/**
 * Content words a body's name made only of common words needs to count as a common noun phrase: two-word names
 * of common words are often real ("Federal Reserve", "Red Star", "Blue Jays"); three are rarely.
 */
const COMMON_PHRASE_WORDS = 3;

/**
 * A common noun phrase in Title Case read as a body: three or more words, each a common English word, none a name's
 * head word and none known to the data ("Liquefied Natural Gas"); or a lone common word opening the sentence and a
 * clause ("Born in X"). People's and places' names are often common words ("Bill Gates", "Great Lakes"): not judged.
 */
function isCommonPhrase(tokens: readonly Token[], d: MentionDraft): boolean {
  if (d.kind === 'person') return false;
  const common = commonWords();
  // Most names fail on their first word: no need to look further.
  if (!common.has(tokens[d.tokenStart]!.text.toLowerCase())) return false;
  const texts = tokens.map((t) => t.text);
  const content: string[] = [];
  for (let k = d.tokenStart; k < d.tokenEnd; k++) {
    const w = texts[k]!;
    if (TITLE_FUNCTION_WORDS.has(w.toLowerCase()) || w === '-') continue;
    if (isOrganisationHead(w) || NAME_HEADS.has(w) || knownWordAt(texts, k)) return false;
    for (const part of w.split('-')) {
      if (isOrganisationHead(part) || NAME_HEADS.has(part)) return false;
      if (!/^\p{Lu}\p{Ll}+$/u.test(part) || !common.has(part.toLowerCase())) return false;
      content.push(part);
    }
  }
  if (content.length >= COMMON_PHRASE_WORDS) return d.kind === 'organisation';
  return (
    d.tokenEnd - d.tokenStart === 1 &&
    content.length === 1 &&
    d.tokenStart === 0 &&
    CLAUSE_AFTER.has(texts[d.tokenEnd] ?? '')
  );
}

/** Whether a tagger reading names no entity (see the module comment). */
export function isNoEntity(tokens: readonly Token[], d: MentionDraft, sport: boolean): boolean {
  if (!isTaggerReading(d) || d.kind === 'state' || d.kind === 'topic') return false;
  if (isEventOrPeriod(tokens, d, sport)) return true;
  if (isWorkTitle(tokens, d)) return true;
  return !sport && isCommonPhrase(tokens, d);
}
