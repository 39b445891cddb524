/**
 * Small closed-class word lists of English (prepositions, reporting verbs, organisation head nouns). These are
 * grammar, not world knowledge; world knowledge lives in data/.
 */
import { knowledge } from './knowledge.js';

const words = (s: string): Set<string> => new Set(s.split(/\s+/).filter(Boolean));

/** Words before a place name that make it a location rather than an actor ("in Moscow", "arrived in Beijing"). */
const LOCATIVE = words(
  'in at near from to into inside outside across around throughout within toward towards via through ' +
    'visit visits visited visiting arrive arrives arrived arriving travel travels travelled traveled traveling travelling ' +
    'flew fly flying landed based headquartered born located held hosted stationed returned return returning ' +
    'outskirts downtown central northern southern eastern western north south east west',
);

export function isLocativeWord(lower: string): boolean {
  return LOCATIVE.has(lower);
}

const REPORTING = words(
  'said says say told tells added adds stated states announced announces noted notes stressed stresses ' +
    'warned warns insisted insists argued argues claimed claims declared declares explained explains wrote writes ' +
    'asked asks urged urges called calls expressed expresses echoed emphasized emphasised reiterated confirmed ' +
    'denied denies met meets visited visits has had was is will would could may might who',
);

export function isReportingVerb(word: string): boolean {
  return REPORTING.has(word.toLowerCase());
}

/** Head nouns that end organisation names ("... Council", "... Ministry", "... Party"). */
const ORG_HEADS = words(
  'Council Ministry Department Office Agency Organization Organisation Union Party Committee Commission Bank Fund ' +
    'Association Institute Institution University College Court Parliament Assembly Congress Senate Government ' +
    'Administration Authority Bureau Service Services Forces Army Navy Force Guard Police Group Company Corporation ' +
    'Corp Corp. Inc Inc. Ltd Ltd. Co Co. Airlines Airways Bank Conference Forum Foundation Alliance Front Movement ' +
    'League Federation Coalition Cabinet Directorate Secretariat Tribunal Network News Times Post Journal Agency Television Radio ' +
    'Club Society Center Centre Board Exchange Holdings Group Industries Motors Systems Technologies',
);

export function isOrganisationHead(word: string): boolean {
  return ORG_HEADS.has(word);
}

/** Capitalised function words that never belong to a name (sentence-initial "The", headline "With"). */
const STOP_CAPITALISED = words(
  'The A An This That These Those It He She They We I You His Her Its Their Our My Your In On At For With By From ' +
    'To Of And Or But As If When While After Before Although Though So Yet Amid Amidst Despite Because Since Until ' +
    'Emphasizing Emphasising According Meanwhile However Moreover Also Not No Yes All Some Many Most Both Each Every ' +
    'Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August ' +
    'September October November December Mr Mrs Ms Dr ' +
    // Sentence adverbs and prepositions the tagger glues to a name at the start of a sentence ("Later Sir Hubert").
    'Later Earlier Then Now Today Yesterday Tomorrow Tonight Still Instead Indeed Besides Between Among Under Over ' +
    'Without Within Last Next Here There Why How What Where Only Even Just Already Again Soon Recently ' +
    'Previously Currently Finally Initially Thus Hence Otherwise Nevertheless Nonetheless Furthermore Elsewhere ' +
    'Perhaps Maybe Unlike Like Following During Against Through Across Behind Beyond Above Below Ahead Thanks',
);

export function isStopWordCapitalised(word: string): boolean {
  return STOP_CAPITALISED.has(word);
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
