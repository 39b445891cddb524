/** Calibration of relation confidences: precision of judged predictions per confidence band and per rule. */
import type { JudgedEdge } from './counts.js';
import { fixed, table } from './report.js';

export interface CalibrationRow {
  band: string;
  predicted: number;
  correct: number;
  precision: number;
}

/** Precision of judged predictions per confidence band (bands are [lo, hi)). */
export function calibration(
  judged: ReadonlyArray<{ confidence: number; correct: boolean }>,
  edges: readonly number[] = [0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01],
): CalibrationRow[] {
  const rows: CalibrationRow[] = [];
  for (let i = 0; i + 1 < edges.length; i++) {
    const lo = edges[i]!;
    const hi = edges[i + 1]!;
    const inBand = judged.filter((j) => j.confidence >= lo && j.confidence < hi);
    const correct = inBand.filter((j) => j.correct).length;
    rows.push({
      band: `${lo.toFixed(2)}-${Math.min(hi, 1).toFixed(2)}`,
      predicted: inBand.length,
      correct,
      precision: inBand.length ? correct / inBand.length : 0,
    });
  }
  return rows;
}

/** Precision per rule, most frequent first. */
export function perRule(
  judged: ReadonlyArray<{ rule: string; correct: boolean }>,
): Array<{ rule: string; predicted: number; correct: number; precision: number }> {
  const m = new Map<string, { predicted: number; correct: number }>();
  for (const j of judged) {
    // A model's edges name their top features in parentheses ("model:pair-scorer(bs=st, a)"): one row per model.
    const rule = j.rule.replace(/\(.*\)$/, '');
    const r = m.get(rule) ?? { predicted: 0, correct: 0 };
    r.predicted++;
    if (j.correct) r.correct++;
    m.set(rule, r);
  }
  return [...m.entries()]
    .map(([rule, r]) => ({ rule, ...r, precision: r.correct / r.predicted }))
    .sort((a, b) => b.predicted - a.predicted);
}

/**
 * Calibration table: one row per confidence band, one column per family, each cell "correct/predicted precision".
 * Printed by every relation evaluation so that a confidence can be read as a precision.
 */
export function calibrationTable(
  judged: ReadonlyArray<{ task: string; confidence: number; correct: boolean }>,
  families: readonly string[],
): string {
  const header = ['confidence', ...families, 'all'];
  const bands = calibration(judged).map((r) => r.band);
  const columns = [...families.map((f) => calibration(judged.filter((j) => j.task === f))), calibration(judged)];
  const rows = bands.map((band, i) => [
    band,
    ...columns.map((c) => (c[i]!.predicted ? `${c[i]!.correct}/${c[i]!.predicted} ${fixed(c[i]!.precision)}` : '-')),
  ]);
  return table([header, ...rows]);
}

/** Precision per rule, one table per family (rules that produced no edge of the family are left out). */
export function perRuleTables(judged: ReadonlyArray<JudgedEdge<string>>, families: readonly string[]): string {
  let out = '';
  for (const task of families) {
    const mine = judged.filter((j) => j.task === task);
    if (mine.length === 0) continue;
    out += `\n${task}: precision by rule\n`;
    out += table([
      ['rule', 'predicted', 'correct', 'P'],
      ...perRule(mine).map((r) => [r.rule, r.predicted, r.correct, fixed(r.precision)]),
    ]);
  }
  return out;
}
