/**
 * Offset maps between cleaned text and original file text. See OffsetMap in ./types.ts.
 *
 * Positions are between characters. A start position maps to the original start of the first mapped character at
 * or after it; an end position maps to the original end of the last mapped character before it. So a span always
 * maps to an in-bounds, non-crossing original span that contains every original character its text came from
 * (a whole "&amp;" for "&"), and inserted characters (a space added between glued sentences) widen nothing.
 */
import type { Span } from '../contract/span.js';
import type { OffsetMap } from './types.js';

/** The identity map for text that cleanup left unchanged. */
export function identityMap(length: number): OffsetMap {
  return { runs: length > 0 ? [0, 0, length] : [] };
}

/** Index of the last run whose text start is <= pos, or -1. */
function runAtOrBefore(runs: number[], pos: number): number {
  let lo = 0;
  let hi = runs.length / 3 - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((runs[mid * 3] as number) <= pos) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}

/** Original length of the text character at `pos` (1 unless it was decoded from a longer sequence). */
function widthAt(map: OffsetMap, pos: number): number {
  const wide = map.wide;
  if (!wide || wide.length === 0) return 1;
  let lo = 0;
  let hi = wide.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = wide[mid * 2] as number;
    if (at === pos) return wide[mid * 2 + 1] as number;
    if (at < pos) lo = mid + 1;
    else hi = mid - 1;
  }
  return 1;
}

/** Original end of the last mapped character of run `r`. */
function runOriginalEnd(map: OffsetMap, r: number): number {
  const runs = map.runs;
  const textStart = runs[r * 3] as number;
  const length = runs[r * 3 + 2] as number;
  return (runs[r * 3 + 1] as number) + length - 1 + widthAt(map, textStart + length - 1);
}

/** Original offset of text offset `pos` (a position between characters). */
export function toOriginal(map: OffsetMap, pos: number, bias: 'start' | 'end' = 'start'): number {
  const runs = map.runs;
  const count = runs.length / 3;
  if (count === 0) return 0;
  if (bias === 'start') {
    const r = runAtOrBefore(runs, pos);
    if (r >= 0) {
      const textStart = runs[r * 3] as number;
      if (pos < textStart + (runs[r * 3 + 2] as number)) return (runs[r * 3 + 1] as number) + (pos - textStart);
    }
    // pos is an inserted character or past the end: the next mapped character, else the end of the last one
    if (r + 1 < count) return runs[(r + 1) * 3 + 1] as number;
    return runOriginalEnd(map, count - 1);
  }
  const r = runAtOrBefore(runs, pos - 1);
  if (r < 0) return runs[1] as number; // nothing mapped before pos: collapse onto the first mapped character
  const textStart = runs[r * 3] as number;
  const length = runs[r * 3 + 2] as number;
  if (pos - 1 < textStart + length) {
    const char = pos - 1;
    return (runs[r * 3 + 1] as number) + (char - textStart) + widthAt(map, char);
  }
  return runOriginalEnd(map, r);
}

/** Maps a span of the cleaned text to the original text. */
export function toOriginalSpan(map: OffsetMap, span: Span): Span {
  if (span.end <= span.start) {
    const at = toOriginal(map, span.start, 'start');
    return { start: at, end: at };
  }
  const start = toOriginal(map, span.start, 'start');
  const end = Math.max(start, toOriginal(map, span.end, 'end'));
  return { start, end };
}

/**
 * Text offset of original offset `pos`: the first text character whose origin starts at or after `pos`
 * (the text length when none does). Lets evaluation tools turn gold offsets in the file into text offsets.
 */
export function fromOriginal(map: OffsetMap, pos: number): number {
  const runs = map.runs;
  // runs are in increasing original order (ingestion never reorders text), so binary search on originalStart
  let lo = 0;
  let hi = runs.length / 3 - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((runs[mid * 3 + 1] as number) <= pos) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (best >= 0) {
    const textStart = runs[best * 3] as number;
    const origStart = runs[best * 3 + 1] as number;
    const length = runs[best * 3 + 2] as number;
    if (pos < origStart + length) return textStart + (pos - origStart);
    if (best + 1 < runs.length / 3) return runs[(best + 1) * 3] as number;
    return textStart + length;
  }
  return runs.length ? (runs[0] as number) : 0;
}
