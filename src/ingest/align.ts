/**
 * Aligns a decoded string (a Markdown text node's value, an HTML text) with the stretch of original source it came
 * from, so each decoded character gets its source position. Handles backslash escapes, HTML character references
 * and markup the decoder dropped (blockquote '>' markers, indentation). Characters that cannot be found are added
 * unmapped, which keeps offset mapping conservative instead of wrong. Linear: the look-ahead is bounded.
 */
import { decodeHTMLStrict } from 'entities';
import type { MappedTextBuilder } from './mapped.js';
import { DECODE_SKIP_WINDOW, MAX_CHARACTER_REFERENCE } from './settings.js';

export function alignDecoded(out: MappedTextBuilder, value: string, source: string, from: number, to: number): void {
  let i = 0;
  let j = from;
  while (i < value.length) {
    // the longest stretch that matches verbatim
    const runStart = i;
    const runSource = j;
    while (i < value.length && j < to && value.charCodeAt(i) === source.charCodeAt(j)) {
      i++;
      j++;
    }
    if (i > runStart) out.raw(value.slice(runStart, i), runSource);
    if (i >= value.length) break;
    const c = value[i] as string;
    if (j + 1 < to && source[j] === '\\' && source[j + 1] === c) {
      out.decoded(c, j, j + 2);
      i++;
      j += 2;
      continue;
    }
    if (source[j] === '&') {
      const semi = source.indexOf(';', j);
      if (semi > j && semi < to && semi - j <= MAX_CHARACTER_REFERENCE) {
        const decoded = decodeHTMLStrict(source.slice(j, semi + 1));
        if (decoded && decoded !== source.slice(j, semi + 1) && value.startsWith(decoded, i)) {
          out.decoded(decoded, j, semi + 1);
          i += decoded.length;
          j = semi + 1;
          continue;
        }
      }
    }
    // markup the decoder dropped: skip source characters up to the next occurrence of c
    const limit = Math.min(to, j + DECODE_SKIP_WINDOW);
    let k = j + 1;
    while (k < limit && source[k] !== c) k++;
    if (k < limit) {
      j = k;
      continue;
    }
    out.insert(c);
    i++;
  }
}
