/**
 * Quality guard (issue 14, density): the graph `newsgraph build` makes of DWIE dev (one text file per document, named
 * by its title) links most of its nodes. The bounds sit just outside the figures measured when the guard was set
 * (`node dist/scripts/density.js` prints them), so a change that drops edges fails here.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDwieGraph, type Density, graphDensity } from '../../src/eval/density.js';
import { readDwie } from '../../src/eval/dwie.js';
import { dataFiles } from './data.js';

const files = dataFiles('the DWIE dev density guard', 'dwie/dev.json');

describe.runIf(files)('DWIE dev build density (quality guard)', () => {
  let d: Density;
  beforeAll(async () => {
    d = graphDensity(buildDwieGraph(await readDwie(files![0]!)).graph);
  }, 120_000);
  it('has few nodes without an edge', () => {
    expect(d.isolatedShare).toBeLessThanOrEqual(0.4);
  });
  it('has at least 8.7 edges per article', () => {
    expect(d.edgesPerArticle).toBeGreaterThanOrEqual(8.7);
  });
  it('links persons and organisations', () => {
    const share = (k: string) => d.byKind[k]!.isolated / d.byKind[k]!.nodes;
    expect(share('person')).toBeLessThanOrEqual(0.45);
    expect(share('organisation')).toBeLessThanOrEqual(0.4);
  });
});
