import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import graphology from 'graphology';
import gexf from 'graphology-gexf';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { parseGraph } from '../../src/graph/file.js';
import { csvFolder, resolveFormat } from '../../src/io/export.js';
import { validateGexf } from '../helpers/relaxng.js';
import { captureIO, FIXTURE, loadFixture, tempDir } from './helpers.js';

const { MultiDirectedGraph } = graphology;

describe('newsgraph export', () => {
  it('writes GEXF chosen by the extension, valid and complete', async () => {
    const out = join(tempDir(), 'graph.gexf');
    const io = captureIO();
    expect(await main(['export', FIXTURE, '-o', out], io)).toBe(0);
    expect(await validateGexf(readFileSync(out, 'utf8'))).toEqual([]);
    const back = gexf.parse(MultiDirectedGraph, readFileSync(out, 'utf8'));
    expect(back.order).toBe(loadFixture().order);
    expect(io.stderr).toContain('as gexf');
  });

  it('writes GraphML, JSON and a CSV folder', async () => {
    const dir = tempDir();
    for (const [name, extra] of [
      ['g.graphml', []],
      ['g.json', []],
      ['neo4j', ['--format', 'csv']],
    ] as const) {
      expect(await main(['export', FIXTURE, '-o', join(dir, name), ...extra], captureIO())).toBe(0);
    }
    expect(readFileSync(join(dir, 'g.graphml'), 'utf8')).toContain('<graphml');
    const json = parseGraph(readFileSync(join(dir, 'g.json'), 'utf8'));
    expect(json.order).toBe(loadFixture().order);
    // The JSON export carries the layout positions the viewer and Gephi can use directly.
    json.forEachNode((_n, a) => expect(Number.isFinite(a.x) && Number.isFinite(a.y)).toBe(true));
    expect(readdirSync(join(dir, 'neo4j')).sort()).toEqual(['edges.csv', 'nodes.csv']);
    // Atomic writes leave no temporary files behind.
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it.each([
    ['out/graph.gexf', undefined, 'gexf'],
    ['out/graph.GraphML', undefined, 'graphml'],
    ['out/graph.csv', undefined, 'csv'],
    ['out/neo4j/', undefined, 'csv'],
    ['out/anything', 'json', 'json'],
  ])('resolves %s (format %s) to %s', (output, format, expected) => {
    expect(resolveFormat(output, format)).toBe(expected);
  });

  it('puts a .csv output into a folder of that name', () => {
    expect(csvFolder('out/graph.csv')).toBe('out/graph');
    expect(csvFolder('out/neo4j/')).toBe('out/neo4j');
  });

  it.each([
    [['-o', 'out/graph.xyz'], 'cannot tell the format'],
    [['-o', 'out/graph.gexf', '--format', 'dot'], "unknown format 'dot'"],
    [[], 'needs an output'],
  ])('answers bad options %j with a usage error (exit 2)', async (args, message) => {
    const io = captureIO();
    expect(await main(['export', FIXTURE, ...args], io)).toBe(2);
    expect(io.stderr).toContain(message);
    expect(io.stderr.trim().split('\n')).toHaveLength(1);
  });

  it.each([
    ['not JSON', '{"attributes": '],
    ['wrong schema', '{"attributes": {"schema": "other/2"}, "nodes": [], "edges": []}'],
  ])('answers a malformed graph file (%s) with one line saying what is wrong, exit 1', async (_name, content) => {
    const file = join(tempDir(), 'bad.json');
    writeFileSync(file, content);
    const out = join(tempDir(), 'x.gexf');
    const io = captureIO();
    expect(await main(['export', file, '-o', out], io)).toBe(1);
    expect(io.stderr).toContain('bad.json');
    expect(io.stderr.trim().split('\n')).toHaveLength(1);
    expect(io.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  });

  it('answers a missing graph file with exit 1', async () => {
    const io = captureIO();
    expect(await main(['export', join(tempDir(), 'none.json'), '-o', join(tempDir(), 'x.gexf')], io)).toBe(1);
    expect(io.stderr).toContain('no such file');
  });
});
