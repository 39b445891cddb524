/**
 * Quality floors of the relation stage on the dev data (issue 14), end to end through the extractor. Reads the data
 * from NEWSGRAPH_DATA or ../shared/data; skipped with a printed reason when it is missing. Floors sit a little below
 * the figures measured when they were set, so a regression shows and noise does not.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evalConll04, readConll04 } from '../../src/eval/conll04.js';
import { evalDwie, readDwie } from '../../src/eval/dwie.js';
import { evalGoldSet } from '../../src/eval/gold.js';
import { evalDwieRelations } from '../../src/eval/relations.js';
import type { Extraction } from '../../src/extract/types.js';

const DATA = resolve(process.env.NEWSGRAPH_DATA ?? join(process.cwd(), '..', 'shared', 'data'));
const have = existsSync(join(DATA, 'conll04', 'dev.json')) && existsSync(join(DATA, 'dwie', 'dev.json'));
if (!have) console.log(`relation quality tests skipped: no CoNLL04/DWIE dev data under ${DATA} (set NEWSGRAPH_DATA)`);

describe.skipIf(!have)('relation quality on dev data', () => {
  it('CoNLL04 dev: micro F1 at least 0.57 (0.15 before issue 14, 0.602 now)', async () => {
    const r = evalConll04(await readConll04(join(DATA, 'conll04', 'dev.json')));
    expect(r.micro.f1).toBeGreaterThanOrEqual(0.57);
    expect(r.families.Kill.precision).toBeGreaterThanOrEqual(0.65);
    // Relation recall is capped by the gold entities a node of the right kind covers (0.785 before issue 14's
    // entity work, 0.90 after it).
    const all = Object.values(r.coverage);
    const covered = all.reduce((n, c) => n + c.covered, 0);
    const gold = all.reduce((n, c) => n + c.covered + c['wrong-kind'] + c.boundary + c.untagged, 0);
    expect(covered / gold).toBeGreaterThanOrEqual(0.88);
  });

  it('DWIE dev: located-in and citizenship at precision 0.80, located-in recall 0.5', async () => {
    const docs = await readDwie(join(DATA, 'dwie', 'dev.json'));
    const byTitle = new Map<string, Extraction>();
    evalDwie(docs, { onExtraction: (d, x) => byTitle.set(d.title, x) });
    const r = evalDwieRelations(docs, (_t, title) => byTitle.get(title) ?? { entities: [], relations: [] });
    expect(r.families['located-in'].precision).toBeGreaterThanOrEqual(0.8);
    expect(r.families['located-in'].recall).toBeGreaterThanOrEqual(0.5);
    expect(r.families.citizenship.precision).toBeGreaterThanOrEqual(0.8);
    expect(r.families['speaks-for'].precision).toBeGreaterThanOrEqual(0.8);
  });

  // Measured 0.906 / 0.707 (29 of 41) after the holder, relative-clause, pronoun, urging, passive and nominal
  // readings of issue 14; the floors leave a little room.
  it('stance dev set: supports and opposes found at precision 0.85, recall 0.65', async () => {
    const r = await evalGoldSet(join(DATA, 'dwie', 'dev.json'), join(process.cwd(), 'data', 'eval', 'stance'));
    expect(r.total.tp).toBeGreaterThanOrEqual(27);
    expect(r.total.precision).toBeGreaterThanOrEqual(0.85);
    expect(r.total.recall).toBeGreaterThanOrEqual(0.65);
  });
});
