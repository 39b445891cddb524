/**
 * Headline fragments: in a Title Case headline ("Minister Under Fire Over Budget Plan") every word is capitalised, so the
 * tagger's spans there run across verbs and nouns ("Minister Under Fire"). A tagger reading in such a line stands
 * only when the body (the lines written in ordinary case) names it too; otherwise it is dropped (a name inside it
 * that the body uses is found there, in a context that types it). Names the data knows are kept as they are.
 */
import type { Sentence } from '../types.js';
import type { MentionDraft } from './mentions.js';

/** Words this long or longer decide whether a line is in Title Case (short function words stay lower case there). */
const LONG_WORD = 4;
/** Long words a line needs before it can count as a Title Case line. */
const MIN_LONG_WORDS = 3;

/** Whether every long word of a sentence starts with a capital followed by a small letter (not all capitals). */
function isTitleCase(s: Sentence): boolean {
  // A headline carries no full stop; a sentence that does is prose, however many names it holds.
  if (/^[.!?]$/.test(s.tokens[s.tokens.length - 1]?.text ?? '')) return false;
  const long = s.tokens.filter((t) => t.text.length >= LONG_WORD && /^\p{L}/u.test(t.text));
  return long.length >= MIN_LONG_WORDS && long.every((t) => /^\p{Lu}\p{Ll}/u.test(t.text));
}

/** Drops tagger readings in Title Case lines that the body does not corroborate (see the file comment). */
export function dropHeadlineFragments(sentences: readonly Sentence[], drafts: MentionDraft[]): MentionDraft[] {
  // Only the headline, the first line: further lines in which every word is capitalised are mostly lists of names
  // (results, line-ups), where the tagger's spans are right.
  // A text of one line has no body to check against: it is a list or a caption ("Pine Creek Dam, Oakdale, Calif.;"),
  // not a headline over a story, and the tagger's spans are all there is.
  const title = sentences.map((s, i) => i === 0 && sentences.length > 1 && isTitleCase(s));
  if (!title.some(Boolean)) return drafts;
  const body = ` ${sentences
    .filter((_, i) => !title[i])
    .map((s) => s.tokens.map((t) => t.text).join(' '))
    .join(' ')} `;
  const named = (words: readonly string[]) => body.includes(` ${words.join(' ')} `);
  // A tagger reading the body does not corroborate is a fragment of the headline's wording; the names inside it
  // that the body uses are found there, in a context that types them.
  return drafts.filter(
    (d) =>
      !title[d.sentence] ||
      d.gazetteer !== undefined ||
      d.canonical !== null ||
      !d.rule.startsWith('ner:') ||
      named(sentences[d.sentence]!.tokens.slice(d.tokenStart, d.tokenEnd).map((t) => t.text)),
  );
}
