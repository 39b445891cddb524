/**
 * Word clusters learnt from unlabelled text, for the tagger's cluster features (the role Brown clusters play in
 * Ratinov & Roth 2009). Unlabelled text used:
 *   - the tokens of CoNLL-2003 train.txt (labels ignored);
 *   - the nlp-corpus npm package (≈100,000 English sentences of mixed genres), tokenised here.
 * Not used: CoNLL dev text and DWIE text, which are evaluation sets.
 *
 * Method: each word seen at least MIN_COUNT times is described by its left and right neighbours (the most frequent
 * CONTEXTS lowercased words, positive PMI weights, one dimension per context word and side), then split recursively by
 * spherical 2-means into a binary tree of depth CLUSTER_BITS: a word's path down the tree is its cluster, and path
 * prefixes give coarser clusters. Deterministic (fixed seed).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLUSTER_BITS } from '../src/extract/ner/features.js';
import { seededRandom as mulberry32 } from '../src/util/random.js';
import { PACKAGE_ROOT } from '../src/version.js';
import { readConll } from './ner-conll.js';

export interface Clusters {
  words: string[];
  paths: Uint16Array;
  source: string;
}

const MIN_COUNT = 3;
const CONTEXTS = 300;
const DIM = 2 * (CONTEXTS + 1);

/** Rough PTB-like tokenisation for the unlabelled corpus (enough for neighbour statistics). */
export function roughTokens(text: string): string[] {
  const out: string[] = [];
  const re = /[\p{L}\p{N}]+(?:[-.'][\p{L}\p{N}]+)*\.?|\S/gu;
  for (const m of text
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .matchAll(re)) {
    let t = m[0];
    // Keep abbreviations like "U.S." but split a sentence-final period off ordinary words.
    if (t.endsWith('.') && !/^(?:\p{L}\.)+$/u.test(t) && t.length > 1) {
      out.push(t.slice(0, -1));
      t = '.';
    }
    const poss = /^(.+)('s)$/i.exec(t);
    if (poss?.[1] && poss[2]) {
      out.push(poss[1], poss[2]);
      continue;
    }
    out.push(t);
  }
  return out;
}

export function unlabelledSentences(dataDir: string): string[][] {
  const sents: string[][] = [];
  for (const doc of readConll(join(dataDir, 'train.txt'))) sents.push(...doc.sentences);
  const dir = join(PACKAGE_ROOT, 'node_modules', 'nlp-corpus', 'builds');
  const files = readdirSync(dir)
    .filter((f) => /^doc-\d+\.json$/.test(f))
    .sort((a, b) => Number(a.replace(/\D/g, '')) - Number(b.replace(/\D/g, '')));
  for (const f of files) {
    const texts = JSON.parse(readFileSync(join(dir, f), 'utf8')) as unknown;
    if (!Array.isArray(texts)) continue;
    for (const t of texts) if (typeof t === 'string') sents.push(roughTokens(t));
  }
  return sents;
}

export function learnClusters(
  sentences: string[][],
  log: (m: string) => void,
): { words: string[]; paths: Uint16Array } {
  const count = new Map<string, number>();
  const ctxCount = new Map<string, number>();
  let tokens = 0;
  for (const s of sentences) {
    for (const w of s) {
      count.set(w, (count.get(w) ?? 0) + 1);
      const l = w.toLowerCase();
      ctxCount.set(l, (ctxCount.get(l) ?? 0) + 1);
      tokens++;
    }
  }
  const words = [...count.entries()]
    .filter(([, c]) => c >= MIN_COUNT)
    .map(([w]) => w)
    .sort();
  const wordIdx = new Map(words.map((w, i) => [w, i]));
  const ctxWords = [...ctxCount.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, CONTEXTS)
    .map(([w]) => w);
  const ctxIdx = new Map(ctxWords.map((w, i) => [w, i]));
  log(`  clusters: ${tokens} tokens, ${words.length} words, ${ctxWords.length} context words`);
  // Sparse co-occurrence counts: word x (left ctx | right ctx), ctx index CONTEXTS = boundary/other.
  const C2 = 2 * (CONTEXTS + 1);
  const co = new Map<number, number>();
  const colTotal = new Float64Array(C2);
  const rowTotal = new Float64Array(words.length);
  for (const s of sentences) {
    for (let i = 0; i < s.length; i++) {
      const wi = wordIdx.get(s[i] ?? '');
      if (wi === undefined) continue;
      const left = i > 0 ? (ctxIdx.get((s[i - 1] ?? '').toLowerCase()) ?? CONTEXTS) : CONTEXTS;
      const right = i + 1 < s.length ? (ctxIdx.get((s[i + 1] ?? '').toLowerCase()) ?? CONTEXTS) : CONTEXTS;
      for (const col of [left, CONTEXTS + 1 + right]) {
        const k = wi * C2 + col;
        co.set(k, (co.get(k) ?? 0) + 1);
        colTotal[col] = (colTotal[col] ?? 0) + 1;
        rowTotal[wi] = (rowTotal[wi] ?? 0) + 1;
      }
    }
  }
  let grand = 0;
  for (const v of colTotal) grand += v;
  const rnd = mulberry32(1234);
  const vec = new Float32Array(words.length * DIM);
  for (const [k, v] of co) {
    const wi = Math.floor(k / C2);
    const col = k - wi * C2;
    const pmi = Math.log((v * grand) / ((rowTotal[wi] ?? 1) * (colTotal[col] ?? 1)));
    if (pmi <= 0) continue;
    vec[wi * DIM + col] = pmi;
  }
  for (let w = 0; w < words.length; w++) {
    let n = 0;
    for (let d = 0; d < DIM; d++) n += (vec[w * DIM + d] ?? 0) ** 2;
    n = Math.sqrt(n) || 1;
    for (let d = 0; d < DIM; d++) vec[w * DIM + d] = (vec[w * DIM + d] ?? 0) / n;
  }
  // Recursive spherical 2-means.
  const paths = new Uint16Array(words.length);
  const split = (members: Int32Array, depth: number, path: number): void => {
    if (depth === CLUSTER_BITS || members.length < 2) {
      for (const m of members) paths[m] = path << (CLUSTER_BITS - depth);
      return;
    }
    const ca = new Float32Array(DIM);
    const cb = new Float32Array(DIM);
    // Seeds: a random member and the member least similar to it.
    const a0 = members[Math.floor(rnd() * members.length)] ?? 0;
    let b0 = a0;
    let minSim = Infinity;
    for (const m of members) {
      let s = 0;
      for (let d = 0; d < DIM; d++) s += (vec[a0 * DIM + d] ?? 0) * (vec[m * DIM + d] ?? 0);
      if (s < minSim) {
        minSim = s;
        b0 = m;
      }
    }
    ca.set(vec.subarray(a0 * DIM, a0 * DIM + DIM));
    cb.set(vec.subarray(b0 * DIM, b0 * DIM + DIM));
    const side = new Uint8Array(members.length);
    for (let iter = 0; iter < 8; iter++) {
      let changed = 0;
      members.forEach((m, i) => {
        let sa = 0;
        let sb = 0;
        for (let d = 0; d < DIM; d++) {
          const x = vec[m * DIM + d] ?? 0;
          sa += x * (ca[d] ?? 0);
          sb += x * (cb[d] ?? 0);
        }
        const s = sb > sa ? 1 : 0;
        if (s !== side[i]) changed++;
        side[i] = s;
      });
      if (iter > 0 && changed === 0) break;
      ca.fill(0);
      cb.fill(0);
      members.forEach((m, i) => {
        const c = side[i] ? cb : ca;
        for (let d = 0; d < DIM; d++) c[d] = (c[d] ?? 0) + (vec[m * DIM + d] ?? 0);
      });
      // Spherical k-means: compare with unit centroids, or the larger side swallows everything.
      for (const c of [ca, cb]) {
        let n = 0;
        for (let d = 0; d < DIM; d++) n += (c[d] ?? 0) ** 2;
        n = Math.sqrt(n) || 1;
        for (let d = 0; d < DIM; d++) c[d] = (c[d] ?? 0) / n;
      }
    }
    const left: number[] = [];
    const right: number[] = [];
    members.forEach((m, i) => {
      (side[i] ? right : left).push(m);
    });
    if (left.length === 0 || right.length === 0) {
      for (const m of members) paths[m] = path << (CLUSTER_BITS - depth);
      return;
    }
    split(Int32Array.from(left), depth + 1, path * 2);
    split(Int32Array.from(right), depth + 1, path * 2 + 1);
  };
  split(Int32Array.from(words.map((_, i) => i)), 0, 0);
  return { words, paths };
}

/** Learns clusters (or reads them from `cache`, a JSON file written by an earlier run with the same inputs). */
export function loadClusters(dataDir: string, log: (m: string) => void, cache: string | null = null): Clusters {
  let words: string[];
  let paths: Uint16Array;
  if (cache && existsSync(cache)) {
    const c = JSON.parse(readFileSync(cache, 'utf8')) as { words: string[]; paths: number[] };
    words = c.words;
    paths = Uint16Array.from(c.paths);
    log(`  clusters read from ${cache}`);
  } else {
    ({ words, paths } = learnClusters(unlabelledSentences(dataDir), log));
    if (cache) writeFileSync(cache, JSON.stringify({ words, paths: [...paths] }));
  }
  return {
    words,
    paths,
    source: `learnt by scripts/ner-clusters.ts (PPMI neighbour vectors, recursive 2-means, ${CLUSTER_BITS} bits) from CoNLL-2003 train tokens (labels ignored) and nlp-corpus`,
  };
}

/**
 * Case map for truecasing all-lowercase input: the usual written form of words that are mostly capitalised in
 * mid-sentence positions of the unlabelled text (at least MIN_COUNT such occurrences), plus `extra` forms (gazetteer
 * words) whose lower-case form the text never shows.
 */
export function learnCaseMap(sentences: string[][], extra: readonly string[] = []): string[] {
  const forms = new Map<string, Map<string, number>>();
  for (const s of sentences) {
    for (let i = 1; i < s.length; i++) {
      const w = s[i] ?? '';
      if (!/\p{L}/u.test(w)) continue;
      const l = w.toLowerCase();
      let m = forms.get(l);
      if (!m) {
        m = new Map();
        forms.set(l, m);
      }
      m.set(w, (m.get(w) ?? 0) + 1);
    }
  }
  const out: string[] = [];
  for (const [l, m] of forms) {
    let best = l;
    let bestN = 0;
    let total = 0;
    for (const [w, n] of m) {
      total += n;
      if (n > bestN || (n === bestN && w < best)) {
        best = w;
        bestN = n;
      }
    }
    if (best !== l && total >= MIN_COUNT && bestN * 2 > total) out.push(best);
  }
  const seen = new Set(forms.keys());
  for (const w of extra) {
    const l = w.toLowerCase();
    if (w !== l && !seen.has(l) && /^\p{L}/u.test(w)) {
      seen.add(l);
      out.push(w);
    }
  }
  return out.sort();
}
