/** What the audit and density scripts share to draw a fixed sample of nodes and show each with its first sentence. */
import type { NodeAttributes } from '../../src/graph/types.js';
import { seededRandom } from '../../src/util/random.js';

/** The first `count` of `keys` after a partial Fisher-Yates shuffle with the seeded generator (same seed, same sample). */
export function seededSample(keys: string[], count: number, seed: number): string[] {
  const random = seededRandom(seed);
  const n = Math.min(count, keys.length);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(random() * (keys.length - i));
    [keys[i], keys[j]] = [keys[j]!, keys[i]!];
  }
  return keys.slice(0, n);
}

/** The sentence around [start, end) in a text: from the previous full stop or line break to the next. */
function sentenceAround(text: string, start: number, end: number): string {
  let s = start;
  while (s > 0 && !/[.!?\n]/.test(text[s - 1]!)) s--;
  let e = end;
  while (e < text.length && !/[.!?\n]/.test(text[e]!)) e++;
  return text
    .slice(s, Math.min(text.length, e + 1))
    .replace(/\s+/g, ' ')
    .trim();
}

/** "article: sentence" of a node's first mention, or '' when its article's text is unknown. */
export function firstEvidence(node: NodeAttributes, texts: ReadonlyMap<string, string>): string {
  const first = node.examples[0];
  const text = first ? texts.get(first.article) : undefined;
  return first && text ? `${first.article}: ${sentenceAround(text, first.start, first.end)}` : '';
}

/** A Markdown table cell: pipes escaped. */
export function cell(s: string): string {
  return s.replace(/\|/g, '\\|');
}
