/** Averaging tagger passes trained alike with different shuffles (scripts/train-ner.ts --seeds). */
import type { PassExport } from '../src/extract/ner/model.js';
import { N_TAGS } from '../src/extract/ner/tags.js';

/** The average of passes trained alike (same features and tags): a feature row missing from one counts as zeros. */
export function averagePass(list: readonly PassExport[]): PassExport {
  const n = list.length;
  const rows = new Map<number, Float32Array>();
  for (const p of list)
    p.keys.forEach((key, r) => {
      let row = rows.get(key);
      if (!row) {
        row = new Float32Array(N_TAGS);
        rows.set(key, row);
      }
      for (let y = 0; y < N_TAGS; y++) row[y] = (row[y] ?? 0) + (p.weights[r * N_TAGS + y] ?? 0) / n;
    });
  const keys = Uint32Array.from([...rows.keys()].sort((a, b) => a - b));
  const weights = new Float32Array(keys.length * N_TAGS);
  keys.forEach((key, i) => {
    weights.set(rows.get(key)!, i * N_TAGS);
  });
  const mean = (pick: (p: PassExport) => Float32Array): Float32Array => {
    const out = new Float32Array(pick(list[0]!).length);
    for (const p of list) {
      const v = pick(p);
      for (let i = 0; i < out.length; i++) out[i] = (out[i] ?? 0) + (v[i] ?? 0) / n;
    }
    return out;
  };
  return { keys, weights, trans: mean((p) => p.trans), start: mean((p) => p.start), end: mean((p) => p.end) };
}
