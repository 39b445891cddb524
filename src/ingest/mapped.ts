/**
 * Text under construction together with where each of its characters came from in the original file text.
 *
 * Every stage of ingestion (decoding HTML entities or JSON escapes, dropping header lines, cleanup) copies
 * characters from one MappedText into the next, so the origin of every character of the final text is known
 * exactly. Per-character origins (two Int32Arrays) keep each stage a simple linear pass; the final text is
 * compressed into the run-length OffsetMap of ./types.ts.
 */
import type { OffsetMap } from './types.js';

export interface MappedText {
  text: string;
  /** original start of each character of `text`, or -1 for characters inserted by ingestion */
  start: Int32Array;
  /** original end (exclusive) of each character; end - start > 1 for an entity or escape decoded to one char */
  end: Int32Array;
}

/** A MappedText of `original.slice(from, to)` taken verbatim. */
export function sliceOf(original: string, from = 0, to = original.length): MappedText {
  const b = new MappedTextBuilder(to - from);
  b.raw(original.slice(from, to), from);
  return b.build();
}

export class MappedTextBuilder {
  private readonly chunks: string[] = [];
  private length = 0;
  private start: Int32Array;
  private end: Int32Array;

  constructor(capacity = 256) {
    this.start = new Int32Array(Math.max(16, capacity));
    this.end = new Int32Array(Math.max(16, capacity));
  }

  get size(): number {
    return this.length;
  }

  /** The last character appended, or '' when empty. */
  lastChar(): string {
    const last = this.chunks[this.chunks.length - 1];
    return last ? last.charAt(last.length - 1) : '';
  }

  private reserve(extra: number): void {
    const need = this.length + extra;
    if (need <= this.start.length) return;
    let capacity = this.start.length * 2;
    while (capacity < need) capacity *= 2;
    const start = new Int32Array(capacity);
    const end = new Int32Array(capacity);
    start.set(this.start.subarray(0, this.length));
    end.set(this.end.subarray(0, this.length));
    this.start = start;
    this.end = end;
  }

  /** Appends `text` that stands verbatim at `originalStart` in the original (one char per char). */
  raw(text: string, originalStart: number): this {
    const n = text.length;
    if (n === 0) return this;
    this.reserve(n);
    // Locals, not property loads in the loop: the strings passed in come in several representations (flat,
    // sliced, cons), and reading text.length per iteration kept deoptimising this hot loop.
    const { start, end } = this;
    const at = this.length;
    for (let i = 0; i < n; i++) {
      start[at + i] = originalStart + i;
      end[at + i] = originalStart + i + 1;
    }
    this.chunks.push(text);
    this.length = at + n;
    return this;
  }

  /** Appends `text` decoded from original[originalStart, originalEnd) (an entity, an escape sequence). */
  decoded(text: string, originalStart: number, originalEnd: number): this {
    if (!text) return this;
    if (text.length === originalEnd - originalStart) return this.raw(text, originalStart);
    this.reserve(text.length);
    for (let i = 0; i < text.length; i++) {
      this.start[this.length + i] = originalStart;
      this.end[this.length + i] = originalEnd;
    }
    this.chunks.push(text);
    this.length += text.length;
    return this;
  }

  /** Appends text that is in the original nowhere (a separator or a space ingestion added). */
  insert(text: string): this {
    if (!text) return this;
    this.reserve(text.length);
    this.start.fill(-1, this.length, this.length + text.length);
    this.end.fill(-1, this.length, this.length + text.length);
    this.chunks.push(text);
    this.length += text.length;
    return this;
  }

  /** Appends source.text[from, to) keeping its origins. */
  copy(source: MappedText, from: number, to: number): this {
    if (to <= from) return this;
    this.reserve(to - from);
    if (to - from < 32) {
      // short stretches are the common case in cleanup; a plain loop avoids two subarray objects per call
      for (let i = from, k = this.length; i < to; i++, k++) {
        this.start[k] = source.start[i] as number;
        this.end[k] = source.end[i] as number;
      }
    } else {
      this.start.set(source.start.subarray(from, to), this.length);
      this.end.set(source.end.subarray(from, to), this.length);
    }
    this.chunks.push(source.text.slice(from, to));
    this.length += to - from;
    return this;
  }

  /** Appends `char` in place of source.text[index] (a 1:1 normalisation such as a curly quote made straight). */
  replace(source: MappedText, index: number, char: string): this {
    this.reserve(char.length);
    for (let i = 0; i < char.length; i++) {
      this.start[this.length + i] = source.start[index] ?? -1;
      this.end[this.length + i] = source.end[index] ?? -1;
    }
    this.chunks.push(char);
    this.length += char.length;
    return this;
  }

  build(): MappedText {
    return { text: this.chunks.join(''), start: this.start.slice(0, this.length), end: this.end.slice(0, this.length) };
  }
}

/**
 * Compresses per-character origins into an OffsetMap: maximal runs of characters that came one-to-one from
 * consecutive original characters; a character decoded from a longer original sequence gets a run of length 1
 * plus a `wide` entry with the sequence length. Inserted characters are in no run.
 */
export function toOffsetMap(mapped: MappedText): OffsetMap {
  const runs: number[] = [];
  const wide: number[] = [];
  const { start, end } = mapped;
  let runText = -1;
  let runOrig = 0;
  let runLength = 0;
  const flush = () => {
    if (runLength > 0) runs.push(runText, runOrig, runLength);
    runLength = 0;
  };
  for (let i = 0; i < start.length; i++) {
    const s = start[i] as number;
    const e = end[i] as number;
    if (s < 0) {
      flush();
      continue;
    }
    const width = e - s;
    if (width === 1 && runLength > 0 && runText + runLength === i && runOrig + runLength === s) {
      runLength++;
      continue;
    }
    flush();
    runText = i;
    runOrig = s;
    runLength = 1;
    if (width !== 1) {
      wide.push(i, width);
      flush();
    }
  }
  flush();
  return wide.length ? { runs, wide } : { runs };
}
