/** Counts of a relation evaluation and the precision, recall and F1 read from them (gold files, DWIE, CoNLL04). */
import { type Prf, toPrf } from './match.js';

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
  /** Gold units covered by a right prediction, when one prediction can cover several (DWIE's plain and -x units). */
  covered?: number;
}

export type { Prf };

/** Precision over predictions (tp, fp); recall over gold units (covered, or tp, against fn). */
export function prf(c: Counts): Prf {
  const base = toPrf(c.tp, c.fp, c.fn);
  if (c.covered === undefined) return base;
  const recall = c.covered + c.fn === 0 ? 0 : c.covered / (c.covered + c.fn);
  const f1 = base.precision + recall === 0 ? 0 : (2 * base.precision * recall) / (base.precision + recall);
  return { ...base, recall, f1 };
}

/** One scored prediction: its family, confidence, rule and whether it was right (for calibration). */
export interface JudgedEdge<T extends string = string> {
  task: T;
  confidence: number;
  rule: string;
  correct: boolean;
  edge: string;
}
