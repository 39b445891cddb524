/** The logistic regression behind the pair scorer: it learns, it is deterministic, it drops rare features. */
import { describe, expect, it } from 'vitest';
import { trainLogistic } from '../../src/extract/relations/pipeline/logistic.js';

/** A separable toy set: 'good' marks positives, 'bad' negatives; 'noise-*' features carry no signal. */
function toySet(): Array<{ features: string[]; label: boolean }> {
  const out: Array<{ features: string[]; label: boolean }> = [];
  for (let i = 0; i < 40; i++) {
    out.push({ features: ['good', `noise-${i % 3}`], label: true });
    out.push({ features: ['bad', `noise-${(i + 1) % 3}`], label: false });
  }
  return out;
}

describe('trainLogistic', () => {
  it('learns a separable set', () => {
    const m = trainLogistic(toySet(), { epochs: 10, minCount: 1, seed: 1 });
    expect(m.probability(['good', 'noise-0'])).toBeGreaterThan(0.9);
    expect(m.probability(['bad', 'noise-0'])).toBeLessThan(0.1);
    const w = m.export().weights;
    expect(w.good).toBeGreaterThan(0);
    expect(w.bad).toBeLessThan(0);
  });

  it('gives the same weights for the same data and seed', () => {
    const a = trainLogistic(toySet(), { epochs: 5, minCount: 1, seed: 7 }).export();
    const b = trainLogistic(toySet(), { epochs: 5, minCount: 1, seed: 7 }).export();
    expect(b).toEqual(a);
  });

  it('drops features seen in fewer examples than minCount', () => {
    const data = [...toySet(), { features: ['good', 'once'], label: true }];
    const w = trainLogistic(data, { epochs: 5, minCount: 2, seed: 3 }).export().weights;
    expect(w.once).toBeUndefined();
    expect(w.good).toBeGreaterThan(0);
  });

  it('ignores unknown and repeated features when scoring', () => {
    const m = trainLogistic(toySet(), { epochs: 5, minCount: 1, seed: 3 });
    expect(m.probability(['good', 'never-seen'])).toBeCloseTo(m.probability(['good']), 10);
    expect(m.probability(['good', 'good'])).toBeCloseTo(m.probability(['good']), 10);
  });
});
