/** Quality guard: relation extraction on DWIE dev with oracle mentions (speaks-for, affiliation, calibration). */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type DwieDoc, evalDwieRelationsOracle } from '../../src/eval/relations.js';
import { dataFiles } from './data.js';

const files = dataFiles('the DWIE dev relation guards', 'dwie/dev.json');

describe.runIf(files)('DWIE dev, oracle mentions (quality guard)', () => {
  let r: ReturnType<typeof evalDwieRelationsOracle>;
  beforeAll(() => {
    const docs = JSON.parse(readFileSync(files![0]!, 'utf8')) as DwieDoc[];
    r = evalDwieRelationsOracle(docs);
  });
  it('speaks-for reaches F1 0.60 with precision 0.70', () => {
    expect(r.speaksFor.f1).toBeGreaterThanOrEqual(0.6);
    expect(r.speaksFor.precision).toBeGreaterThanOrEqual(0.7);
  });
  it('affiliation reaches F1 0.50 with precision 0.70', () => {
    expect(r.affiliation.f1).toBeGreaterThanOrEqual(0.5);
    expect(r.affiliation.precision).toBeGreaterThanOrEqual(0.7);
  });
  it('edges above 0.8 confidence are mostly right', () => {
    const high = r.judged.filter((j) => j.confidence >= 0.8);
    expect(high.filter((j) => j.correct).length / high.length).toBeGreaterThan(0.85);
  });
});
