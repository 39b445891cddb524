/** Offset maps between cleaned text and original file text. See OffsetMap in ./types.ts. */
import type { Span } from "../extract/types.js";
import type { OffsetMap } from "./types.js";

/** The identity map for text that cleanup left unchanged. */
export function identityMap(length: number): OffsetMap {
  return { runs: length > 0 ? [0, 0, length] : [] };
}

/** Original offset of text offset `pos` (a position between characters). */
export function toOriginal(map: OffsetMap, pos: number, bias: 'start' | 'end' = 'start'): number {
  const runs = map.runs;
  // binary search the run containing pos
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
  if (best < 0) return runs.length ? (runs[1] as number) : pos;
  const textStart = runs[best * 3] as number;
  const origStart = runs[best * 3 + 1] as number;
  const length = runs[best * 3 + 2] as number;
  if (pos <= textStart + length) {
    if (bias === 'end' && pos === textStart && best > 0) {
      const p = best - 1;
      const pt = runs[p * 3] as number;
      const pl = runs[p * 3 + 2] as number;
      if (pt + pl === pos) return (runs[p * 3 + 1] as number) + pl;
    }
    return origStart + (pos - textStart);
  }
  // pos falls in inserted text after this run
  return bias === 'end' ? origStart + length : ((runs[best * 3 + 4] as number | undefined) ?? origStart + length);
}

/** Maps a span of the cleaned text to the original text. */
export function toOriginalSpan(map: OffsetMap, span: Span): Span {
  const start = toOriginal(map, span.start, 'start');
  const end = Math.max(start, toOriginal(map, span.end, 'end'));
  return { start, end };
}
