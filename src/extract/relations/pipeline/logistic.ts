/**
 * A small binary logistic regression over sparse string features, for the pair scorer (scorer.ts reads the weights
 * it exports; scripts/train-relations.ts trains it). SGD with L2 shrinkage applied to the features of each example,
 * a learning rate that decays per epoch, and a seeded shuffle: the same data and seed give the same weights.
 */
import { seededRandom } from '../../../util/random.js';

export interface LogisticOptions {
  epochs: number;
  /** Features seen in fewer examples than this are dropped (rare features overfit). */
  minCount: number;
  seed: number;
  /** Initial learning rate and L2 strength. */
  rate?: number;
  l2?: number;
}

interface Labelled {
  features: readonly string[];
  label: boolean;
}

export interface LogisticModel {
  probability(features: readonly string[]): number;
  /** Bias and weights rounded to three decimals, near-zero weights dropped: the data file's content. */
  export(): { bias: number; weights: Record<string, number> };
}

const EXPORT_MIN = 0.005;

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

export function trainLogistic(examples: readonly Labelled[], options: LogisticOptions): LogisticModel {
  const rate0 = options.rate ?? 0.2;
  const l2 = options.l2 ?? 1e-4;
  const count = new Map<string, number>();
  for (const e of examples) for (const f of new Set(e.features)) count.set(f, (count.get(f) ?? 0) + 1);
  const index = new Map<string, number>();
  for (const [f, n] of [...count.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)))
    if (n >= options.minCount) index.set(f, index.size);
  const rows = examples.map((e) => ({
    x: [...new Set(e.features.map((f) => index.get(f)).filter((i): i is number => i !== undefined))],
    y: e.label ? 1 : 0,
  }));
  const w = new Float64Array(index.size);
  let bias = 0;
  const order = rows.map((_, i) => i);
  const rnd = seededRandom(options.seed);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      const t = order[i]!;
      order[i] = order[j]!;
      order[j] = t;
    }
    const rate = rate0 / (1 + epoch);
    for (const r of order) {
      const row = rows[r]!;
      let z = bias;
      for (const k of row.x) z += w[k]!;
      const g = 1 / (1 + Math.exp(-z)) - row.y;
      bias -= rate * g;
      for (const k of row.x) w[k] = w[k]! - rate * (g + l2 * w[k]!);
    }
  }
  const probability = (features: readonly string[]): number => {
    let z = bias;
    for (const f of new Set(features)) {
      const k = index.get(f);
      if (k !== undefined) z += w[k]!;
    }
    return 1 / (1 + Math.exp(-z));
  };
  return {
    probability,
    export() {
      const weights: Record<string, number> = {};
      for (const [f, k] of index) if (Math.abs(w[k]!) >= EXPORT_MIN) weights[f] = round3(w[k]!);
      return { bias: round3(bias), weights };
    },
  };
}
