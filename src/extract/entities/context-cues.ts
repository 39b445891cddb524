/**
 * Kinds from the words around a name, where news grammar says what the tagger could not: a common noun before a
 * name in apposition ("the daily X", "carmaker X", "philosopher X"), a head noun after it ("the X magazine", "the X
 * district", "an X-based firm") and the head word that ends a venue's name ("X Stadium", "X County"). Only the
 * tagger's readings are retyped; a name the data knows keeps its kind. The cue words are in lexicon.json.
 */
import type { EntityKind, Token } from '../types.js';
import {
  FACILITY_FIRST,
  FACILITY_HEADS,
  HEAD_MODIFIERS,
  ORGANISATION_DESCRIPTORS,
  ORGANISATION_HEADS_AFTER,
  PERSON_DESCRIPTORS,
  PERSON_HEADS_AFTER,
  PLACE_HEADS_AFTER,
} from './lexicon.js';
import type { MentionDraft } from './mentions.js';

/** Rule names of the readings this module gives; harmonisation treats them as anchors like the data's readings. */
export const CUE_RULE_PREFIX = 'rule:cue-';

const QUOTES = new Set(['"', '“', '”', "'", '‘', '’', '«', '»']);

/** Whether a reading came from the tagger or a weak name rule, so that context may overrule it. */
function isTaggerReading(d: MentionDraft): boolean {
  return d.rule.startsWith('ner:') || d.rule === 'rule:known-name' || d.rule === 'rule:capitalised';
}

/** Whether the data knows the name as a state, city, region or people: such a name before a noun is a modifier. */
function isKnownPlace(d: MentionDraft): boolean {
  const g = d.gazetteer?.type;
  return g !== undefined && g !== 'organisation' && g !== 'party';
}

/**
 * The lower-case word before a name, past quotes (and past a comma when the name stands in commas); undefined when
 * a possessive determiner precedes that word ("his publisher X": a person's role, not a kind of body).
 */
function wordBefore(tokens: readonly Token[], d: MentionDraft): string | undefined {
  let p = d.tokenStart - 1;
  while (p >= 0 && QUOTES.has(tokens[p]!.text)) p--;
  if (p >= 0 && tokens[p]!.text === ',' && /^(,|\.|)$/.test(tokens[d.tokenEnd]?.text ?? '')) p--;
  const w = tokens[p]?.text;
  if (POSSESSIVES.has(tokens[p - 1]?.text.toLowerCase() ?? '')) return undefined;
  return w !== undefined && /^\p{Ll}[\p{Ll}-]*$/u.test(w) ? w : undefined;
}

/** Closing double quotes (a single one after a name is a possessive: "Anne Weiss' organization"). */
const CLOSING = new Set(['"', '”', '»']);

/** Possessive determiners: "his publisher X" names a person by role, "the publisher X" a firm. */
const POSSESSIVES = new Set(['his', 'her', 'their', 'my', 'our', 'your', 'its']);

/**
 * The word after a name, past a closing quote and past a modifier of the head noun ("X financial newspaper") or an
 * adjective ending like one ("X jihadist group", "X satirical magazine").
 */
function wordAfter(tokens: readonly Token[], d: MentionDraft): { text: string; at: number } {
  let p = d.tokenEnd;
  while (p < tokens.length && CLOSING.has(tokens[p]!.text)) p++;
  const next = tokens[p]?.text ?? '';
  if (
    (HEAD_MODIFIERS.has(next) || /^\p{Ll}{3,}(?:al|ic|ist|ive|ary|ian)$/u.test(next)) &&
    /^\p{Ll}/u.test(tokens[p + 1]?.text ?? '')
  )
    p++;
  return { text: tokens[p]?.text ?? '', at: p };
}

/** Words an appositive may put between its article and its noun ("a weekly Athens magazine"). */
const APPOSITIVE_GAP = 3;

/**
 * Whether an appositive after a name calls it a body: ", the construction company", ", a weekly Athens magazine".
 * The noun is the first lower-case word after the article that is no modifier.
 */
function appositiveBody(tokens: readonly Token[], at: number): boolean {
  if (tokens[at]?.text !== ',') return false;
  let p = at + 1;
  while (p < tokens.length && QUOTES.has(tokens[p]!.text)) p++;
  if (!/^(a|an|the)$/i.test(tokens[p]?.text ?? '')) return false;
  for (let k = p + 1; k <= p + 1 + APPOSITIVE_GAP && k < tokens.length; k++) {
    const w = tokens[k]!.text;
    const head = !/^\p{L}/u.test(tokens[k + 1]?.text ?? '') || isListEnd(tokens, k + 1);
    if (head) return ORGANISATION_DESCRIPTORS.has(w);
    if (!/^[\p{L}-]+$/u.test(w)) return false;
  }
  return false;
}

/** Whether a word after the noun ends its phrase (a preposition, a relative pronoun), so the noun is the head. */
function isListEnd(tokens: readonly Token[], at: number): boolean {
  return /^(of|in|for|based|that|which|who|with|from|and|owned|run|founded)$/.test(tokens[at]?.text ?? '');
}

/** The kind the context gives a tagger reading, with the rule that gave it; null when the context says nothing. */
export function kindFromContext(tokens: readonly Token[], d: MentionDraft): { kind: EntityKind; rule: string } | null {
  if (d.kind === 'state' || d.kind === 'topic' || !isTaggerReading(d) || d.canonical !== null) return null;
  const first = tokens[d.tokenStart]!.text;
  const last = tokens[d.tokenEnd - 1]!.text;
  const cue = (kind: EntityKind, name: string) =>
    d.kind === kind ? null : { kind, rule: `${CUE_RULE_PREFIX}${name}` };
  // "X Stadium", "Broward County", "Estadio X": a venue or area.
  if ((d.tokenEnd - d.tokenStart >= 2 && FACILITY_HEADS.has(last)) || FACILITY_FIRST.has(first))
    return cue('place', 'venue');
  const after = wordAfter(tokens, d);
  // "a Munich-based institute": the place where something is.
  if (after.text === '-based' || (after.text === '-' && tokens[after.at + 1]?.text === 'based'))
    return cue('place', 'based');
  if (PLACE_HEADS_AFTER.has(after.text)) return cue('place', 'area');
  if (isKnownPlace(d)) return null;
  if (ORGANISATION_HEADS_AFTER.has(after.text)) return cue('organisation', 'head');
  if (appositiveBody(tokens, after.at)) return cue('organisation', 'appositive');
  if (after.at === d.tokenEnd && PERSON_HEADS_AFTER.has(after.text) && d.tokenEnd - d.tokenStart <= 2)
    return cue('person', 'leader');
  const before = wordBefore(tokens, d);
  if (before === undefined) return null;
  if (ORGANISATION_DESCRIPTORS.has(before)) return cue('organisation', 'descriptor');
  if (PERSON_DESCRIPTORS.has(before) && d.kind !== 'person') return cue('person', 'role');
  return null;
}
