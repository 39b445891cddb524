import { fileURLToPath } from 'node:url';
import { toOriginalSpan } from '../../src/ingest/offsets.js';
import type { Article } from '../../src/ingest/types.js';

export const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/ingest/${name}`, import.meta.url));
export const repoFile = (path: string): string => fileURLToPath(new URL(`../../${path}`, import.meta.url));

/** Every word of Article.text, as [word, original slice of its mapped span]. */
function wordSlices(article: Article, pattern = /[\p{L}\p{N}]+/gu): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const m of article.text.matchAll(pattern)) {
    const start = m.index;
    const span = toOriginalSpan(article.map, { start, end: start + m[0].length });
    out.push([m[0], article.original.slice(span.start, span.end)]);
  }
  return out;
}

/** The words whose original slice differs from the word (should be none when the source has them verbatim). */
export function mismatchedWords(article: Article): Array<[string, string]> {
  return wordSlices(article).filter(([word, slice]) => word !== slice);
}
