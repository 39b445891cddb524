/**
 * Issue 18, property: any string as a node key, edge key or label survives graph file -> `newsgraph export`
 * (GEXF, GraphML, CSV, JSON) -> validation against the GEXF 1.3 grammar (xmllint-wasm) and reading back with
 * independent readers. Expectations are written from the formats' rules here, not taken from the writers.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import gexf from 'graphology-gexf';
import graphml from 'graphology-graphml';
import { describe, expect, it } from 'vitest';
import { MultiDirectedGraph } from '../../src/graph/graphology.js';
import { validateGexf } from '../helpers/relaxng.js';
import { cli, csvRecords, type GraphData, tempDir, writeGraph } from './helpers.js';

/** Characters XML 1.0 cannot carry at all (the Char production), lone surrogates included. */
const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const NOT_XML_ALL = new RegExp(NOT_XML.source, 'g');
/** OWASP: cells a spreadsheet would run as a formula. */
const FORMULA = /^[=+\-@\t\r]/;

const special = fc.constantFrom(
  '__proto__',
  'constructor',
  'hasOwnProperty',
  'toString',
  'valueOf',
  '=HYPERLINK("http://x.example","y")',
  '-1',
  '\u0000',
  '\u001b[2J',
  'a;b',
  '"quoted"',
  '&amp;<x>',
  ' edge ',
  '\uFEFFbom',
);
const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const text = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 10 }) },
  { weight: 2, arbitrary: fc.string({ unit: anyCodeUnit, minLength: 1, maxLength: 6 }) },
  { weight: 2, arbitrary: special },
);

interface Case {
  keys: string[];
  labels: string[];
  edgeKeys: string[];
}

const cases = fc.uniqueArray(text, { minLength: 2, maxLength: 5 }).chain((keys) =>
  fc.record({
    keys: fc.constant(keys),
    labels: fc.array(text, { minLength: keys.length, maxLength: keys.length }),
    edgeKeys: fc.uniqueArray(text, { minLength: keys.length - 1, maxLength: keys.length - 1 }),
  }),
);

function graphData({ keys, labels, edgeKeys }: Case): GraphData {
  return {
    attributes: {
      schema: 'newsgraph/1',
      createdWith: 'test',
      articles: [{ id: 'a1', title: null, source: null, published: '2024-01-02', url: null, file: 'a1.txt' }],
    },
    options: { type: 'directed', multi: true, allowSelfLoops: false },
    nodes: keys.map((key, i) => ({
      key,
      attributes: {
        label: labels[i]!,
        kind: 'person',
        aliases: [labels[(i + 1) % labels.length]!],
        mentions: 1,
        articles: ['a1'],
        rules: ['test'],
        examples: [],
      },
    })),
    edges: edgeKeys.map((key, i) => ({
      key,
      source: keys[i]!,
      target: keys[i + 1]!,
      attributes: {
        relation: 'supports',
        label: 'supports',
        weight: 1,
        confidence: 0.5,
        evidence: [{ article: 'a1', sentence: labels[i]!, start: 0, end: labels[i]!.length, rule: 'test' }],
        rules: ['test'],
      },
    })),
  } as GraphData;
}

async function exportTo(graph: string, out: string): Promise<void> {
  const run = await cli('export', graph, '-o', out, '--iterations', '5');
  expect(run.io.stderr).toMatch(/^exported /);
  expect(run.code).toBe(0);
}

describe('any string as a key or label', () => {
  it('survives export to GEXF (schema-valid), GraphML, CSV and JSON, and reads back', async () => {
    const root = tempDir('any-key');
    let n = 0;
    await fc.assert(
      fc.asyncProperty(cases, async (c) => {
        const dir = join(root, String(n++));
        mkdirSync(dir);
        const data = graphData(c);
        const graph = writeGraph(dir, 'graph.json', data);
        expect((await cli('stats', graph)).code).toBe(0);

        await exportTo(graph, join(dir, 'g.gexf'));
        const gexfText = readFileSync(join(dir, 'g.gexf'), 'utf8');
        expect(await validateGexf(gexfText)).toEqual([]);
        const fromGexf = gexf.parse(MultiDirectedGraph, gexfText);
        expect(fromGexf.order).toBe(c.keys.length);
        expect(fromGexf.size).toBe(c.edgeKeys.length);
        for (const key of c.keys) if (!NOT_XML.test(key)) expect(fromGexf.hasNode(key)).toBe(true);
        fromGexf.forEachNode((id) => expect(id).not.toMatch(NOT_XML));

        await exportTo(graph, join(dir, 'g.graphml'));
        const fromGraphml = graphml.parse(MultiDirectedGraph, readFileSync(join(dir, 'g.graphml'), 'utf8'));
        expect(fromGraphml.order).toBe(c.keys.length);
        expect(fromGraphml.size).toBe(c.edgeKeys.length);
        c.keys.forEach((key, i) => {
          if (NOT_XML.test(key)) return;
          expect(fromGraphml.getNodeAttribute(key, 'label')).toBe(c.labels[i]!.replace(NOT_XML_ALL, ''));
        });

        await exportTo(graph, join(dir, 'csv/'));
        const nodes = csvRecords(join(dir, 'csv', 'nodes.csv'));
        // A file holds UTF-8, where a lone surrogate can only be written as U+FFFD.
        const wellFormed = (value: string) =>
          value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
        const cell = (value: string) => `${FORMULA.test(value) ? "'" : ''}${wellFormed(value)}`;
        expect(nodes.map((r) => r['id:ID'])).toEqual(c.keys.map(cell));
        expect(nodes.map((r) => r.label)).toEqual(c.labels.map(cell));
        const edges = csvRecords(join(dir, 'csv', 'edges.csv'));
        expect(edges.map((r) => [r[':START_ID'], r[':END_ID'], r.id])).toEqual(
          c.edgeKeys.map((key, i) => [cell(c.keys[i]!), cell(c.keys[i + 1]!), cell(key)]),
        );

        await exportTo(graph, join(dir, 'g.json'));
        const back = JSON.parse(readFileSync(join(dir, 'g.json'), 'utf8')) as GraphData;
        expect(back.nodes.map((node) => [node.key, node.attributes.label])).toEqual(
          c.keys.map((key, i) => [key, c.labels[i]]),
        );
        expect(back.edges.map((edge) => [edge.key, edge.source, edge.target])).toEqual(
          c.edgeKeys.map((key, i) => [key, c.keys[i], c.keys[i + 1]]),
        );
      }),
      { numRuns: 25 },
    );
  }, 180_000);
});
