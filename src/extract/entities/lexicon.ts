/**
 * Small closed-class word lists of English (prepositions, reporting verbs, organisation head nouns), read from
 * ./data/lexicon.json. These are grammar, not world knowledge; world knowledge lives in data/.
 */
import { knowledgeFile } from '../../knowledge/loader.js';
import { knowledge } from './knowledge.js';

const lexiconData = knowledgeFile('entities/lexicon');

type ListName = Exclude<keyof typeof lexiconData, 'source'>;
/** A word list of ./data/lexicon.json as a set (built anew per call: callers keep it in a module constant). */
export const lexiconWords = (name: ListName): ReadonlySet<string> => new Set(lexiconData[name]);
const words = lexiconWords;

/** Words before a place name that make it a location rather than an actor ("in Moscow", "arrived in Beijing"). */
const LOCATIVE = words('locative');

export function isLocativeWord(lower: string): boolean {
  return LOCATIVE.has(lower);
}

const REPORTING = words('reporting');

export function isReportingVerb(word: string): boolean {
  return REPORTING.has(word.toLowerCase());
}

/** Head nouns that end organisation names ("... Council", "... Ministry", "... Party"). */
const ORG_HEADS = words('organisationHeads');

export function isOrganisationHead(word: string): boolean {
  return ORG_HEADS.has(word);
}

/** Capitalised function words that never belong to a name (sentence-initial "The", headline "With"). */
const STOP_CAPITALISED = words('stopCapitalised');

export function isStopWordCapitalised(word: string): boolean {
  return STOP_CAPITALISED.has(word);
}

/** Words before a place name that make it an actor ("talks between Moscow and Kyiv", "support for Beijing"). */
const ACTOR_BEFORE = words('actorBefore');

export function isActorBefore(lower: string): boolean {
  return ACTOR_BEFORE.has(lower);
}

/** Words after a place name that make it an actor ("Moscow will", "Beijing has", "Moscow says"). */
const ACTOR_AUXILIARIES = words('actorAuxiliaries');

export function isActorAuxiliary(lower: string): boolean {
  return ACTOR_AUXILIARIES.has(lower);
}

/** Every single word that appears in a role title, lower-cased ("president", "foreign", "minister", "secretary"). */
export const TITLE_WORDS: Set<string> = (() => {
  const out = new Set<string>();
  for (const t of knowledge().titles) for (const w of t.split(/\s+/)) out.add(w.toLowerCase());
  for (const h of knowledge().honorifics) out.add(h.toLowerCase());
  // Words inside titles that are also ordinary name parts are left out: a person span is never stripped of them.
  for (const w of [
    'of',
    'the',
    'and',
    'state',
    'general',
    'major',
    'justice',
    'king',
    'head',
    'chair',
    'security',
    'national',
    'council',
    'foreign',
    'leader',
  ])
    out.delete(w);
  return out;
})();

/**
 * Words that are titles by themselves or end one ("President", "Minister", "CEO", "captain"), lower-cased: where
 * a title sits inside a tagged span. Narrower than TITLE_WORDS, which also holds modifiers such as "Foreign".
 */
export const TITLE_HEADS: Set<string> = (() => {
  const out = new Set<string>();
  for (const t of knowledge().titles) {
    const words = t.split(/\s+/);
    out.add(words[words.length - 1]!.toLowerCase());
  }
  for (const w of [
    'state',
    'executive',
    'officer',
    'general',
    'major',
    'justice',
    'head',
    'chair',
    'leader',
    'deputy',
    'representative',
    'speaker',
    'chief',
    'king',
    'queen',
    'prince',
    'princess',
    'judge',
    'founder',
    'director',
  ])
    out.delete(w);
  return out;
})();

/** Titles held in companies, teams and bodies: a name right before them is the body ("Adidas CEO"). */
export const BODY_TITLES = words('bodyTitles');

/** Function words an acronym skips ("Organisation of ... States" -> "OAS"). */
export const ACRONYM_SKIP = words('acronymSkip');

/** Common nouns naming a kind of body, before its name ("the daily X", "carmaker X", "news agency X"). */
export const ORGANISATION_DESCRIPTORS = words('organisationDescriptors');

/** Common nouns naming a kind of body, after its name ("the X magazine", "the X group"). */
export const ORGANISATION_HEADS_AFTER = words('organisationHeadsAfter');

/** Role nouns before a person's name ("philosopher X", "striker X", "rapper X"). */
export const PERSON_DESCRIPTORS = words('personDescriptors');

/** Last words of the names of buildings, venues and administrative areas ("... Stadium", "... County"): places. */
export const FACILITY_HEADS = words('facilityHeads');

/** First words of venue names in other languages ("Estadio ...", "Schloss ..."): places. */
export const FACILITY_FIRST = words('facilityFirst');

/** Common nouns after a name that make it an area ("the X district"). */
export const PLACE_HEADS_AFTER = words('placeHeadsAfter');

/** Common nouns after a person's surname that name what the person leads ("the X administration"). */
export const PERSON_HEADS_AFTER = words('personHeadsAfter');

/** Nouns that may stand between a name and its head noun ("the X news agency", "the X advocacy group"). */
export const HEAD_MODIFIERS = words('headModifiers');
