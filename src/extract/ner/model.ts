/**
 * The trained model: hashed feature weights per BILOU tag, tag transition weights, and Viterbi decoding.
 * A model has one or two passes; the second pass sees the first pass's labels (prediction history).
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import type { FeatureConfig } from './features.js';
import type { GazetteerList } from './gazetteer.js';
import { ALLOWED, endAllowed, N_TAGS, PREV_LIST, PREV_START, startAllowed } from './tags.js';

/** A built weight table's arrays: what build workers receive instead of building the table again. */
export interface WeightTableParts {
  slots: Uint32Array;
  rowOf: Int32Array;
  weights: Float32Array;
  stride: number;
  size: number;
}

/**
 * Open-addressing hash table: feature key -> one row holding every pass's N_TAGS weights side by side, so a
 * single look-up serves both passes of a two-pass model. Its arrays live in SharedArrayBuffers: a build's worker
 * threads read the one table the main thread built (about 14 MB) instead of each decoding and holding its own.
 */
export class WeightTable {
  private readonly slots: Uint32Array;
  private readonly rowOf: Int32Array;
  private readonly mask: number;
  /** rows * stride weights; pass p's weights for row r start at r * stride + p * N_TAGS. */
  readonly weights: Float32Array;
  readonly stride: number;
  readonly size: number;

  /** Builds the table from the passes' keys and weights, or adopts the parts of a table built elsewhere. */
  constructor(source: readonly { keys: Uint32Array; weights: Float32Array }[] | WeightTableParts) {
    if ('slots' in source) {
      this.slots = source.slots;
      this.rowOf = source.rowOf;
      this.mask = source.slots.length - 1;
      this.weights = source.weights;
      this.stride = source.stride;
      this.size = source.size;
      return;
    }
    const passes = source;
    let total = 0;
    for (const p of passes) total += p.keys.length;
    let cap = 16;
    while (cap < total * 1.5) cap <<= 1;
    this.slots = new Uint32Array(new SharedArrayBuffer(cap * 4));
    this.rowOf = new Int32Array(new SharedArrayBuffer(cap * 4));
    this.mask = cap - 1;
    this.stride = N_TAGS * Math.max(1, passes.length);
    // Phase 1: insert keys, numbering rows; remember each pass row's joint row.
    const rowIndex = passes.map((p) => new Int32Array(p.keys.length));
    let size = 0;
    passes.forEach((p, pi) => {
      const ri = rowIndex[pi] as Int32Array;
      for (let r = 0; r < p.keys.length; r++) {
        const k = p.keys[r] ?? 0;
        let i = k & this.mask;
        while (this.slots[i] !== 0 && this.slots[i] !== k) i = (i + 1) & this.mask;
        if (this.slots[i] === 0) {
          this.slots[i] = k;
          this.rowOf[i] = size++;
        }
        ri[r] = this.rowOf[i] ?? 0;
      }
    });
    this.size = size;
    // Phase 2: copy weights into the joint rows.
    const w = new Float32Array(new SharedArrayBuffer(size * this.stride * 4));
    const stride = this.stride;
    passes.forEach((p, pi) => {
      const ri = rowIndex[pi] as Int32Array;
      const src = p.weights;
      for (let r = 0; r < ri.length; r++) {
        const dst = (ri[r] ?? 0) * stride + pi * N_TAGS;
        const from = r * N_TAGS;
        for (let y = 0; y < N_TAGS; y++) w[dst + y] = src[from + y] ?? 0;
      }
    });
    this.weights = w;
  }

  /** The table's arrays, shared (not copied) when posted to a worker thread. */
  parts(): WeightTableParts {
    return { slots: this.slots, rowOf: this.rowOf, weights: this.weights, stride: this.stride, size: this.size };
  }

  /** Row index of a key, or -1. */
  find(k: number): number {
    let i = k & this.mask;
    for (;;) {
      const s = this.slots[i];
      if (s === k) return this.rowOf[i] ?? -1;
      if (s === 0) return -1;
      i = (i + 1) & this.mask;
    }
  }
}

interface PassWeights {
  keys: Uint32Array;
  /** keys.length * N_TAGS */
  weights: Float32Array;
  /** trans[prev * N_TAGS + cur] */
  trans: Float32Array;
  start: Float32Array;
  end: Float32Array;
}

export interface ModelHeader {
  format: 'newsgraph-ner/1';
  created: string;
  trainedOn: string;
  config: FeatureConfig;
  gazetteers: GazetteerList[];
  clusterSource: string;
  /** Words with clusters, in the same order as the cluster path array. */
  clusterWords: string[];
  passes: { rows: number; scale: number }[];
  /** Usual written forms of words that are mostly capitalised, for truecasing all-lowercase sentences. */
  caseForms?: string[];
  caseSource?: string;
  /** Softmax temperature for span confidences (calibrated on dev by the training script). */
  temperature?: number;
  notes: string[];
}

export interface NerModel {
  header: ModelHeader;
  clusters: Map<string, number>;
  passes: PassWeights[];
}

/**
 * Adds the weights of tokens [t0, t1)'s features to out[(t - t0) * width + pass * N_TAGS + y] for passes
 * [p0, p1) (out must be zeroed by the caller where needed; width = (p1 - p0) * N_TAGS).
 */
export function addEmissions(
  keys: Uint32Array,
  offsets: Uint32Array,
  t0: number,
  t1: number,
  table: WeightTable,
  p0: number,
  p1: number,
  out: Float32Array,
): void {
  const w = table.weights;
  const stride = table.stride;
  const width = (p1 - p0) * N_TAGS;
  const off = p0 * N_TAGS;
  for (let t = t0; t < t1; t++) {
    const base = (t - t0) * width;
    const a = offsets[t] ?? 0;
    const b = offsets[t + 1] ?? a;
    for (let f = a; f < b; f++) {
      const r = table.find(keys[f] ?? 0);
      if (r < 0) continue;
      const rb = r * stride + off;
      for (let y = 0; y < width; y++) out[base + y] = (out[base + y] ?? 0) + (w[rb + y] ?? 0);
    }
  }
}

/**
 * Best BILOU-consistent tag sequence under emission + transition scores.
 * `back` and `delta` are scratch buffers of at least n * N_TAGS. Token t's score for tag y is
 * scores[t * stride + offset + y].
 */
export function viterbi(
  scores: Float32Array,
  n: number,
  trans: Float32Array,
  start: Float32Array,
  end: Float32Array,
  out: Uint8Array,
  delta: Float32Array,
  back: Uint8Array,
  stride: number = N_TAGS,
  offset = 0,
): void {
  if (n === 0) return;
  const NEG = -1e30;
  for (let y = 0; y < N_TAGS; y++) delta[y] = startAllowed(y) ? (scores[offset + y] ?? 0) + (start[y] ?? 0) : NEG;
  for (let t = 1; t < n; t++) {
    const pb = (t - 1) * N_TAGS;
    const cb = t * N_TAGS;
    for (let y = 0; y < N_TAGS; y++) {
      let best = NEG;
      let arg = 0;
      const pe = PREV_START[y + 1] ?? 0;
      for (let k = PREV_START[y] ?? 0; k < pe; k++) {
        const p = PREV_LIST[k] ?? 0;
        const v = (delta[pb + p] ?? NEG) + (trans[p * N_TAGS + y] ?? 0);
        if (v > best) {
          best = v;
          arg = p;
        }
      }
      delta[cb + y] = best + (scores[t * stride + offset + y] ?? 0);
      back[cb + y] = arg;
    }
  }
  const lb = (n - 1) * N_TAGS;
  let best = NEG;
  let arg = 0;
  for (let y = 0; y < N_TAGS; y++) {
    if (!endAllowed(y)) continue;
    const v = (delta[lb + y] ?? NEG) + (end[y] ?? 0);
    if (v > best) {
      best = v;
      arg = y;
    }
  }
  out[n - 1] = arg;
  for (let t = n - 1; t > 0; t--) {
    arg = back[t * N_TAGS + arg] ?? 0;
    out[t - 1] = arg;
  }
}

const MAGIC = 'NGNER001';

/** A pass as training produces it (weights quantised to int16 on write). */
export type PassExport = PassWeights;

/** Serialises a model: gzip(magic, header length, header JSON, cluster paths, per pass keys/int16 weights/transitions). */
export function encodeModel(
  header: Omit<ModelHeader, 'passes'>,
  clusterPaths: Uint16Array,
  passes: PassExport[],
): Buffer {
  const parts: Buffer[] = [];
  const passMeta: { rows: number; scale: number }[] = [];
  const passBufs: Buffer[] = [];
  for (const p of passes) {
    let maxAbs = 0;
    for (let i = 0; i < p.weights.length; i++) maxAbs = Math.max(maxAbs, Math.abs(p.weights[i] ?? 0));
    const scale = maxAbs > 0 ? maxAbs / 32767 : 1;
    const q = new Int16Array(p.weights.length);
    for (let i = 0; i < q.length; i++) q[i] = Math.round((p.weights[i] ?? 0) / scale);
    passMeta.push({ rows: p.keys.length, scale });
    passBufs.push(
      Buffer.from(p.keys.buffer, p.keys.byteOffset, p.keys.byteLength),
      Buffer.from(q.buffer, q.byteOffset, q.byteLength),
      Buffer.alloc(q.byteLength % 4),
      Buffer.from(p.trans.buffer, p.trans.byteOffset, p.trans.byteLength),
      Buffer.from(p.start.buffer, p.start.byteOffset, p.start.byteLength),
      Buffer.from(p.end.buffer, p.end.byteOffset, p.end.byteLength),
    );
  }
  const full: ModelHeader = { ...header, passes: passMeta };
  const json = Buffer.from(JSON.stringify(full), 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32LE(json.length, 0);
  parts.push(Buffer.from(MAGIC, 'latin1'), len, json);
  // Pad so the following typed arrays can be read in place.
  const pad = (4 - ((MAGIC.length + 4 + json.length) % 4)) % 4;
  parts.push(Buffer.alloc(pad));
  parts.push(Buffer.from(clusterPaths.buffer, clusterPaths.byteOffset, clusterPaths.byteLength));
  if (clusterPaths.byteLength % 4 !== 0) parts.push(Buffer.alloc(2));
  parts.push(...passBufs);
  return gzipSync(Buffer.concat(parts), { level: 9 });
}

export function decodeModel(file: Buffer): NerModel {
  const buf = gunzipSync(file);
  if (buf.toString('latin1', 0, MAGIC.length) !== MAGIC) throw new Error('not a newsgraph NER model');
  const jsonLen = buf.readUInt32LE(MAGIC.length);
  let pos = MAGIC.length + 4;
  const header = JSON.parse(buf.toString('utf8', pos, pos + jsonLen)) as ModelHeader;
  pos += jsonLen;
  pos += (4 - (pos % 4)) % 4;
  // Copy into a fresh aligned buffer so typed-array views are valid regardless of the Buffer's pool offset.
  const ab = new ArrayBuffer(buf.length - pos);
  new Uint8Array(ab).set(buf.subarray(pos));
  let p = 0;
  const nWords = header.clusterWords.length;
  const paths = new Uint16Array(ab, p, nWords);
  p += nWords * 2;
  p += p % 4;
  const clusters = new Map<string, number>();
  header.clusterWords.forEach((w, i) => {
    clusters.set(w, paths[i] ?? 0);
  });
  const passes: PassWeights[] = [];
  for (const meta of header.passes) {
    const keys = new Uint32Array(ab, p, meta.rows);
    p += meta.rows * 4;
    const q = new Int16Array(ab, p, meta.rows * N_TAGS);
    p += meta.rows * N_TAGS * 2;
    p += p % 4;
    const weights = new Float32Array(q.length);
    for (let i = 0; i < q.length; i++) weights[i] = (q[i] ?? 0) * meta.scale;
    const trans = new Float32Array(ab.slice(p, p + N_TAGS * N_TAGS * 4));
    p += N_TAGS * N_TAGS * 4;
    const start = new Float32Array(ab.slice(p, p + N_TAGS * 4));
    p += N_TAGS * 4;
    const end = new Float32Array(ab.slice(p, p + N_TAGS * 4));
    p += N_TAGS * 4;
    passes.push({ keys: keys.slice(), weights, trans, start, end });
  }
  return { header, clusters, passes };
}

/**
 * Per-token tag marginals under the same scores as `viterbi`, with scores divided by `temperature` (the
 * perceptron's scores are not probabilities; the temperature is calibrated on held-out data at training time).
 * Scaled forward-backward; out[t * N_TAGS + y] = P(tag_t = y).
 */
export function marginals(
  scores: Float32Array,
  n: number,
  trans: Float32Array,
  start: Float32Array,
  end: Float32Array,
  temperature: number,
  out: Float32Array,
  stride: number = N_TAGS,
  offset = 0,
): void {
  if (n === 0) return;
  const inv = 1 / temperature;
  const T = new Float64Array(N_TAGS * N_TAGS);
  for (let i = 0; i < T.length; i++) T[i] = ALLOWED[i] ? Math.exp((trans[i] ?? 0) * inv) : 0;
  const e = new Float64Array(n * N_TAGS);
  for (let t = 0; t < n; t++) {
    let max = -Infinity;
    for (let y = 0; y < N_TAGS; y++) max = Math.max(max, scores[t * stride + offset + y] ?? 0);
    for (let y = 0; y < N_TAGS; y++) e[t * N_TAGS + y] = Math.exp(((scores[t * stride + offset + y] ?? 0) - max) * inv);
  }
  const alpha = new Float64Array(n * N_TAGS);
  const beta = new Float64Array(n * N_TAGS);
  let z = 0;
  for (let y = 0; y < N_TAGS; y++) {
    const v = startAllowed(y) ? Math.exp((start[y] ?? 0) * inv) * (e[y] ?? 0) : 0;
    alpha[y] = v;
    z += v;
  }
  for (let y = 0; y < N_TAGS; y++) alpha[y] = (alpha[y] ?? 0) / (z || 1);
  for (let t = 1; t < n; t++) {
    z = 0;
    for (let y = 0; y < N_TAGS; y++) {
      let s = 0;
      const pe = PREV_START[y + 1] ?? 0;
      for (let k = PREV_START[y] ?? 0; k < pe; k++) {
        const p = PREV_LIST[k] ?? 0;
        s += (alpha[(t - 1) * N_TAGS + p] ?? 0) * (T[p * N_TAGS + y] ?? 0);
      }
      const v = s * (e[t * N_TAGS + y] ?? 0);
      alpha[t * N_TAGS + y] = v;
      z += v;
    }
    for (let y = 0; y < N_TAGS; y++) alpha[t * N_TAGS + y] = (alpha[t * N_TAGS + y] ?? 0) / (z || 1);
  }
  z = 0;
  for (let y = 0; y < N_TAGS; y++) {
    const v = endAllowed(y) ? Math.exp((end[y] ?? 0) * inv) : 0;
    beta[(n - 1) * N_TAGS + y] = v;
    z += v;
  }
  for (let y = 0; y < N_TAGS; y++) beta[(n - 1) * N_TAGS + y] = (beta[(n - 1) * N_TAGS + y] ?? 0) / (z || 1);
  for (let t = n - 2; t >= 0; t--) {
    z = 0;
    for (let p = 0; p < N_TAGS; p++) {
      let s = 0;
      for (let y = 0; y < N_TAGS; y++)
        s += (T[p * N_TAGS + y] ?? 0) * (e[(t + 1) * N_TAGS + y] ?? 0) * (beta[(t + 1) * N_TAGS + y] ?? 0);
      beta[t * N_TAGS + p] = s;
      z += s;
    }
    for (let p = 0; p < N_TAGS; p++) beta[t * N_TAGS + p] = (beta[t * N_TAGS + p] ?? 0) / (z || 1);
  }
  for (let t = 0; t < n; t++) {
    let s = 0;
    for (let y = 0; y < N_TAGS; y++) s += (alpha[t * N_TAGS + y] ?? 0) * (beta[t * N_TAGS + y] ?? 0);
    for (let y = 0; y < N_TAGS; y++)
      out[t * N_TAGS + y] = s > 0 ? ((alpha[t * N_TAGS + y] ?? 0) * (beta[t * N_TAGS + y] ?? 0)) / s : 0;
  }
}
