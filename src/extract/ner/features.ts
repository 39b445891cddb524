/**
 * Feature extraction for the tagger. A document is processed at once: per-token string work (lowercasing, shape,
 * affixes, cluster and gazetteer look-ups) happens once, then each feature is an integer key made by mixing
 * hashes (see hash.ts). The same code serves training and tagging, so they cannot drift apart.
 */

import type { Gazetteer } from './gazetteer.js';
import { HASH_SEED, hashStep, hashString, key1, key2, key3 } from './hash.js';

/** Word clusters: word -> hierarchical path of CLUSTER_BITS bits, coarse bits first. */
export const CLUSTER_BITS = 16;
const CLUSTER_PREFIXES = [4, 8, 12, 16];

export interface Resources {
  gazetteer: Gazetteer | null;
  clusters: Map<string, number> | null;
}

/** Feature families that can be switched off (for ablations at training time; the model records its choice). */
export interface FeatureConfig {
  clusters: boolean;
  gazetteer: boolean;
  docCase: boolean;
  docContext: boolean;
  history: boolean;
}

export const DEFAULT_CONFIG: FeatureConfig = {
  clusters: true,
  gazetteer: true,
  docCase: true,
  docContext: true,
  history: true,
};

// Template ids. Keep stable: a model's keys depend on them.
const T = {
  bias: 1,
  w0: 2,
  wm1: 3,
  wp1: 4,
  wm2: 5,
  wp2: 6,
  raw0: 7,
  s0: 8,
  sm1: 9,
  sp1: 10,
  sm1s0: 11,
  s0sp1: 12,
  sm1s0sp1: 13,
  pre: 14,
  suf: 15,
  wm1w0: 16,
  w0wp1: 17,
  wm1s0: 18,
  capPos: 19,
  cluster: 20,
  gaz: 21,
  gazCtx: 22,
  docLower: 23,
  docCase: 24,
  aggPrev: 25,
  aggNext: 26,
  hist: 27,
  histPhrase: 28,
  s0wp1: 29,
  len: 30,
  firstCtx: 31,
  rawm1: 32,
  rawp1: 33,
} as const;

const BOUNDARY_L = hashString('<s>');
const BOUNDARY_R = hashString('</s>');

// Capitalisation classes.
const C_LOWER = 0;
const C_INIT = 1; // Xx...
const C_ALLCAPS = 2; // XX (2+ letters, all upper)
const C_DIGIT = 3;
const C_OTHER = 4;
const C_MIXED = 5; // starts lower but has upper (iPhone), or single upper letter

/** Per-token data shared by all feature templates. Index = token position in the flattened document. */
export interface DocTokens {
  /** Flattened tokens. */
  raw: string[];
  lower: string[];
  /** Sentence start offsets into the flat arrays, plus a final sentinel = total tokens. */
  sentStart: Int32Array;
  sentOf: Int32Array;
  normHash: Uint32Array;
  rawHash: Uint32Array;
  shapeHash: Uint32Array;
  capClass: Uint8Array;
  /** 1 when the token's sentence is mostly upper case (a headline). */
  capsSentence: Uint8Array;
}

function classify(tok: string): number {
  let upper = 0;
  let lower = 0;
  let digit = 0;
  for (let i = 0; i < tok.length; i++) {
    const c = tok.charCodeAt(i);
    if (c >= 65 && c <= 90) upper++;
    else if (c >= 97 && c <= 122) lower++;
    else if (c >= 48 && c <= 57) digit++;
    else if (c > 127) {
      const ch = tok[i] ?? '';
      if (ch !== ch.toLowerCase()) upper++;
      else if (ch !== ch.toUpperCase()) lower++;
    }
  }
  if (upper + lower === 0) return digit > 0 ? C_DIGIT : C_OTHER;
  const first = tok[0] ?? '';
  const firstUpper = first !== first.toLowerCase();
  if (firstUpper) {
    if (lower === 0) return upper >= 2 ? C_ALLCAPS : C_MIXED;
    return C_INIT;
  }
  return upper > 0 ? C_MIXED : C_LOWER;
}

function shapeHashOf(tok: string): number {
  let h = HASH_SEED;
  let last = -1;
  const n = Math.min(tok.length, 40);
  for (let i = 0; i < n; i++) {
    const c = tok.charCodeAt(i);
    let k: number;
    if (c >= 65 && c <= 90)
      k = 88; // X
    else if (c >= 97 && c <= 122)
      k = 120; // x
    else if (c >= 48 && c <= 57)
      k = 100; // d
    else if (c > 127) {
      const ch = tok[i] ?? '';
      k = ch !== ch.toLowerCase() ? 88 : ch !== ch.toUpperCase() ? 120 : 63;
    } else k = c;
    if (k === last) continue;
    last = k;
    h = hashStep(h, k);
  }
  return h;
}

function normalise(lower: string): string {
  // Digits collapse to 0 so that numbers share statistics.
  return /\d/.test(lower) ? lower.replace(/\d/g, '0') : lower;
}

export function prepareTokens(sentences: readonly (readonly string[])[]): DocTokens {
  let total = 0;
  for (const s of sentences) total += s.length;
  const raw = new Array<string>(total);
  const lower = new Array<string>(total);
  const sentStart = new Int32Array(sentences.length + 1);
  const sentOf = new Int32Array(total);
  const normHash = new Uint32Array(total);
  const rawHash = new Uint32Array(total);
  const shapeHash = new Uint32Array(total);
  const capClass = new Uint8Array(total);
  const capsSentence = new Uint8Array(total);
  const cache = new Map<string, number>();
  let k = 0;
  for (let si = 0; si < sentences.length; si++) {
    const sent = sentences[si] ?? [];
    sentStart[si] = k;
    let caps = 0;
    let words = 0;
    for (let j = 0; j < sent.length; j++, k++) {
      const tok = typeof sent[j] === 'string' ? (sent[j] as string) : '';
      raw[k] = tok;
      const lw = tok.toLowerCase();
      lower[k] = lw;
      sentOf[k] = si;
      let rh = cache.get(tok);
      if (rh === undefined) {
        rh = hashString(tok);
        cache.set(tok, rh);
      }
      rawHash[k] = rh;
      normHash[k] = tok === lw && !/\d/.test(lw) ? rh : hashString(normalise(lw));
      shapeHash[k] = shapeHashOf(tok);
      const cc = classify(tok);
      capClass[k] = cc;
      if (cc === C_ALLCAPS || cc === C_INIT || cc === C_LOWER || cc === C_MIXED) {
        words++;
        if (cc === C_ALLCAPS) caps++;
      }
    }
    const isCaps = words >= 2 && caps >= words * 0.6 ? 1 : 0;
    if (isCaps) capsSentence.fill(1, sentStart[si], k);
  }
  sentStart[sentences.length] = k;
  return { raw, lower, sentStart, sentOf, normHash, rawHash, shapeHash, capClass, capsSentence };
}

/** Labels assigned by an earlier pass, used for the prediction-history features. Per flat token: -1 none, else label. */
export interface History {
  label: Int8Array;
  /** Span start/end per token for the span that covers it (flat indices), -1 if none. */
  spanStart: Int32Array;
  spanEnd: Int32Array;
}

export interface DocFeatures {
  /** Feature keys, all tokens concatenated. */
  keys: Uint32Array;
  /** offsets[t]..offsets[t+1] are token t's keys. */
  offsets: Uint32Array;
}

class KeyBuffer {
  buf: Uint32Array;
  n = 0;
  constructor(cap: number) {
    this.buf = new Uint32Array(cap);
  }
  push(k: number): void {
    if (this.n === this.buf.length) {
      const nb = new Uint32Array(this.buf.length * 2);
      nb.set(this.buf);
      this.buf = nb;
    }
    this.buf[this.n++] = k;
  }
}

/** Bitmask of capitalisation classes seen for a lowercased word in mid-sentence positions of ordinary sentences. */
function docCaseMasks(d: DocTokens): Map<string, number> {
  const m = new Map<string, number>();
  const n = d.raw.length;
  for (let t = 0; t < n; t++) {
    if (d.capsSentence[t] === 1) continue;
    if (t === d.sentStart[d.sentOf[t] ?? 0]) continue;
    const cc = d.capClass[t] ?? C_OTHER;
    if (cc === C_DIGIT || cc === C_OTHER) continue;
    const lw = d.lower[t] ?? '';
    m.set(lw, (m.get(lw) ?? 0) | (1 << cc));
  }
  return m;
}

/**
 * Context aggregation (Ratinov & Roth): for each capitalised word, the neighbouring words of its other
 * occurrences in the document. Returns per distinct lowercased word up to MAX_AGG prev/next word hashes.
 */
const MAX_AGG = 6;
function aggregateContexts(d: DocTokens): Map<string, { prev: number[]; next: number[] }> {
  const m = new Map<string, { prev: number[]; next: number[] }>();
  const n = d.raw.length;
  for (let t = 0; t < n; t++) {
    const cc = d.capClass[t] ?? C_OTHER;
    if (cc !== C_INIT && cc !== C_ALLCAPS && cc !== C_MIXED) continue;
    const si = d.sentOf[t] ?? 0;
    const s0 = d.sentStart[si] ?? 0;
    const s1 = d.sentStart[si + 1] ?? n;
    const lw = d.lower[t] ?? '';
    let e = m.get(lw);
    if (!e) {
      e = { prev: [], next: [] };
      m.set(lw, e);
    }
    const p = t > s0 ? (d.normHash[t - 1] ?? 0) : BOUNDARY_L;
    const q = t + 1 < s1 ? (d.normHash[t + 1] ?? 0) : BOUNDARY_R;
    if (e.prev.length < MAX_AGG && !e.prev.includes(p)) e.prev.push(p);
    if (e.next.length < MAX_AGG && !e.next.includes(q)) e.next.push(q);
  }
  return m;
}

/** Features that do not depend on an earlier pass. */
export function extractFeatures(d: DocTokens, res: Resources, cfg: FeatureConfig): DocFeatures {
  const n = d.raw.length;
  const out = new KeyBuffer(Math.max(16, n * 48));
  const offsets = new Uint32Array(n + 1);
  const gaz = cfg.gazetteer ? res.gazetteer : null;
  const nGaz = gaz ? gaz.names.length : 0;
  const gazCodes = gaz ? gaz.match(d.lower) : null;
  const clusters = cfg.clusters ? res.clusters : null;
  const clusterOf = new Int32Array(n).fill(-1);
  if (clusters) {
    for (let t = 0; t < n; t++) {
      const c = clusters.get(d.raw[t] ?? '') ?? clusters.get(d.lower[t] ?? '');
      if (c !== undefined) clusterOf[t] = c;
    }
  }
  const caseMasks = cfg.docCase ? docCaseMasks(d) : null;
  const agg = cfg.docContext ? aggregateContexts(d) : null;
  for (let si = 0; si + 1 < d.sentStart.length; si++) {
    const s0 = d.sentStart[si] ?? 0;
    const s1 = d.sentStart[si + 1] ?? s0;
    for (let t = s0; t < s1; t++) {
      offsets[t] = out.n;
      const wm2 = t - 2 >= s0 ? (d.normHash[t - 2] ?? 0) : BOUNDARY_L;
      const wm1 = t - 1 >= s0 ? (d.normHash[t - 1] ?? 0) : BOUNDARY_L;
      const w0 = d.normHash[t] ?? 0;
      const wp1 = t + 1 < s1 ? (d.normHash[t + 1] ?? 0) : BOUNDARY_R;
      const wp2 = t + 2 < s1 ? (d.normHash[t + 2] ?? 0) : BOUNDARY_R;
      const sm1 = t - 1 >= s0 ? (d.shapeHash[t - 1] ?? 0) : BOUNDARY_L;
      const s0h = d.shapeHash[t] ?? 0;
      const sp1 = t + 1 < s1 ? (d.shapeHash[t + 1] ?? 0) : BOUNDARY_R;
      const cc = d.capClass[t] ?? C_OTHER;
      const caps = d.capsSentence[t] ?? 0;
      const first = t === s0 ? 1 : 0;
      out.push(key1(T.bias, 0));
      out.push(key1(T.w0, w0));
      out.push(key1(T.raw0, d.rawHash[t] ?? 0));
      out.push(key1(T.wm1, wm1));
      out.push(key1(T.wp1, wp1));
      out.push(key1(T.wm2, wm2));
      out.push(key1(T.wp2, wp2));
      out.push(key1(T.rawm1, t - 1 >= s0 ? (d.rawHash[t - 1] ?? 0) : BOUNDARY_L));
      out.push(key1(T.rawp1, t + 1 < s1 ? (d.rawHash[t + 1] ?? 0) : BOUNDARY_R));
      out.push(key1(T.s0, s0h));
      out.push(key1(T.sm1, sm1));
      out.push(key1(T.sp1, sp1));
      out.push(key2(T.sm1s0, sm1, s0h));
      out.push(key2(T.s0sp1, s0h, sp1));
      out.push(key3(T.sm1s0sp1, sm1, s0h, sp1));
      out.push(key2(T.wm1w0, wm1, w0));
      out.push(key2(T.w0wp1, w0, wp1));
      out.push(key2(T.wm1s0, wm1, s0h));
      out.push(key2(T.s0wp1, s0h, wp1));
      out.push(key3(T.capPos, cc, first, caps));
      const lw = d.lower[t] ?? '';
      const len = lw.length;
      out.push(key1(T.len, Math.min(len, 12)));
      // Affixes of the lowercased word, lengths 1..4.
      if (len > 1) {
        let h = HASH_SEED;
        const maxP = Math.min(4, len - 1);
        for (let i = 0; i < maxP; i++) {
          h = hashStep(h, lw.charCodeAt(i));
          out.push(key2(T.pre, i + 1, h));
        }
        h = HASH_SEED;
        const maxS = Math.min(5, len - 1);
        for (let i = 0; i < maxS; i++) {
          h = hashStep(h, lw.charCodeAt(len - 1 - i));
          out.push(key2(T.suf, i + 1, h));
        }
      }
      if (clusters) {
        for (let off = -1; off <= 1; off++) {
          const u = t + off;
          if (u < s0 || u >= s1) continue;
          const c = clusterOf[u] ?? -1;
          if (c < 0) {
            out.push(key3(T.cluster, off + 1, 0, 0xffff));
            continue;
          }
          for (const p of CLUSTER_PREFIXES) out.push(key3(T.cluster, off + 1, p, c >>> (CLUSTER_BITS - p)));
        }
      }
      if (gazCodes) {
        const capFlag = cc === C_INIT || cc === C_ALLCAPS || cc === C_MIXED ? 1 : 0;
        for (let l = 0; l < nGaz; l++) {
          const code = gazCodes[t * nGaz + l] ?? 0;
          if (code !== 0) out.push(key3(T.gaz, l, code, capFlag));
          if (t > s0) {
            const cm = gazCodes[(t - 1) * nGaz + l] ?? 0;
            if (cm !== 0) out.push(key3(T.gazCtx, l, cm, 0));
          }
          if (t + 1 < s1) {
            const cp = gazCodes[(t + 1) * nGaz + l] ?? 0;
            if (cp !== 0) out.push(key3(T.gazCtx, l, cp, 1));
          }
        }
      }
      const capital = cc === C_INIT || cc === C_ALLCAPS || cc === C_MIXED;
      if (caseMasks && (capital || cc === C_LOWER)) {
        // How this word is cased elsewhere: a capitalised word also seen lowercased is probably not a name;
        // headline words borrow the casing seen in the body.
        const mask = caseMasks.get(lw) ?? 0;
        out.push(key3(T.docCase, mask, cc, caps * 2 + first));
      }
      if (agg && capital) {
        const e = agg.get(lw);
        if (e) {
          for (const p of e.prev) out.push(key1(T.aggPrev, p));
          for (const q of e.next) out.push(key1(T.aggNext, q));
        }
      }
    }
  }
  offsets[n] = out.n;
  return { keys: out.buf.subarray(0, out.n), offsets };
}

/**
 * Prediction-history features (Ratinov & Roth 2009), from the labels an earlier pass gave the document:
 * how often each capitalised word was labelled PER/ORG/LOC/MISC/nothing anywhere in the document, the label of
 * the longest span containing the word elsewhere, and the label this token itself received.
 */
export function extractHistoryFeatures(d: DocTokens, history: History): DocFeatures {
  const n = d.raw.length;
  const out = new KeyBuffer(Math.max(16, n * 4));
  const offsets = new Uint32Array(n + 1);
  const histCounts = new Map<string, Int32Array>();
  // For each word: the label of the longest multi-token span it occurs in.
  const longest = new Map<string, { len: number; label: number }>();
  for (let t = 0; t < n; t++) {
    const cc = d.capClass[t] ?? C_OTHER;
    if (cc === C_LOWER || cc === C_DIGIT || cc === C_OTHER) continue;
    const lab = history.label[t] ?? -1;
    const lw = d.lower[t] ?? '';
    let c = histCounts.get(lw);
    if (!c) {
      c = new Int32Array(5);
      histCounts.set(lw, c);
    }
    c[lab + 1] = (c[lab + 1] ?? 0) + 1;
    if (lab >= 0) {
      const len = (history.spanEnd[t] ?? 0) - (history.spanStart[t] ?? 0);
      const prev = longest.get(lw);
      if (len > 1 && (!prev || len > prev.len)) longest.set(lw, { len, label: lab });
    }
  }
  for (let t = 0; t < n; t++) {
    offsets[t] = out.n;
    const own = history.label[t] ?? -1;
    out.push(key2(T.histPhrase, 0, own + 1));
    const cc = d.capClass[t] ?? C_OTHER;
    if (cc === C_LOWER || cc === C_DIGIT || cc === C_OTHER) continue;
    const lw = d.lower[t] ?? '';
    const c = histCounts.get(lw);
    if (c) {
      let total = 0;
      for (let i = 0; i < 5; i++) total += c[i] ?? 0;
      for (let lab = 0; lab < 5; lab++) {
        const v = c[lab] ?? 0;
        if (v === 0) continue;
        const frac = Math.min(3, Math.floor((v / total) * 4));
        out.push(key2(T.hist, lab, frac));
      }
    }
    const lg = longest.get(lw);
    if (lg) out.push(key3(T.histPhrase, 1, lg.label, own === lg.label ? 1 : 0));
  }
  offsets[n] = out.n;
  return { keys: out.buf.subarray(0, out.n), offsets };
}

/** Per-token concatenation of two feature sets over the same tokens (training joins base and history features). */
export function mergeFeatures(a: DocFeatures, b: DocFeatures): DocFeatures {
  const n = a.offsets.length - 1;
  const keys = new Uint32Array(a.keys.length + b.keys.length);
  const offsets = new Uint32Array(n + 1);
  let k = 0;
  for (let t = 0; t < n; t++) {
    offsets[t] = k;
    keys.set(a.keys.subarray(a.offsets[t] ?? 0, a.offsets[t + 1] ?? 0), k);
    k += (a.offsets[t + 1] ?? 0) - (a.offsets[t] ?? 0);
    keys.set(b.keys.subarray(b.offsets[t] ?? 0, b.offsets[t + 1] ?? 0), k);
    k += (b.offsets[t + 1] ?? 0) - (b.offsets[t] ?? 0);
  }
  offsets[n] = k;
  return { keys, offsets };
}
