/**
 * Corrections an analyst can keep: `newsgraph correct GRAPH FILE -o OUT` and `newsgraph build --corrections FILE`,
 * through the CLI entry. Fixture: tests/fixtures/graphs/politics.json (invented names).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { extract } from '../../src/extract/index.js';
import { buildGraph } from '../../src/graph/build.js';
import { captureIO, REPO_ROOT, tempDir } from '../io/helpers.js';

const POLITICS = join(REPO_ROOT, 'tests', 'fixtures', 'graphs', 'politics.json');

interface Node {
  key: string;
  attributes: { label: string; kind: string; aliases: string[]; mentions: number; articles: string[]; rules: string[] };
}
interface Edge {
  key: string;
  source: string;
  target: string;
  attributes: { relation: string; weight: number; evidence: { article: string; sentence: string }[]; rules: string[] };
}
interface Graph {
  attributes: { dropped?: string[] };
  nodes: Node[];
  edges: Edge[];
}
const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Graph;
const original = read(POLITICS);

const CORRECTIONS = {
  merge: [{ from: 'Greens', into: 'Green Alliance' }],
  aliases: [{ entity: 'Maria Lindqvist', add: ['Minister Lindqvist'] }],
  kind: [{ entity: 'Northern Union', kind: 'organisation' }],
  drop: ['Weather Desk'],
  distinct: [['Oskar Berg', 'Prince Oskar']],
};

async function correct(corrections: unknown, graph = POLITICS) {
  const dir = tempDir();
  const file = join(dir, 'corrections.json');
  writeFileSync(file, typeof corrections === 'string' ? corrections : JSON.stringify(corrections));
  const out = join(dir, 'out.json');
  const io = captureIO();
  const code = await main(['correct', graph, file, '-o', out], io);
  return { code, stderr: io.stderr, out, file };
}

describe('newsgraph correct', () => {
  it('merges: the entity, its names and its relations with their evidence move to the other', async () => {
    const r = await correct({ merge: CORRECTIONS.merge });
    expect(r.code, r.stderr).toBe(0);
    const g = read(r.out);
    expect(g.nodes.find((n) => n.key === 'organisation:greens')).toBeUndefined();
    const alliance = g.nodes.find((n) => n.key === 'organisation:green-alliance')!;
    expect(alliance.attributes.aliases).toContain('Greens');
    expect(alliance.attributes.rules).toContain('user:merge');
    const before = original.nodes.map((n) => n.attributes);
    const mentions = (label: string) => before.find((a) => a.label === label)!.mentions;
    expect(alliance.attributes.mentions).toBe(mentions('Greens') + mentions('Green Alliance'));
    for (const old of original.edges.filter(
      (e) => e.source === 'organisation:greens' || e.target === 'organisation:greens',
    )) {
      const source = old.source === 'organisation:greens' ? 'organisation:green-alliance' : old.source;
      const target = old.target === 'organisation:greens' ? 'organisation:green-alliance' : old.target;
      const moved = g.edges.find((e) => e.key === `${source}|${old.attributes.relation}|${target}`)!;
      expect(moved.attributes.evidence).toEqual(old.attributes.evidence);
      expect(moved.attributes.rules).toContain('user:merge');
    }
    expect(g.edges.some((e) => e.source === 'organisation:greens' || e.target === 'organisation:greens')).toBe(false);
  });

  it('applies aliases, kinds, drops and distinct pairs, each node recording why', async () => {
    const r = await correct(CORRECTIONS);
    expect(r.code, r.stderr).toBe(0);
    const g = read(r.out);
    const node = (key: string) => g.nodes.find((n) => n.key === key);

    expect(node('person:maria-lindqvist')!.attributes.aliases).toContain('Minister Lindqvist');
    expect(node('person:maria-lindqvist')!.attributes.rules).toContain('user:alias');

    // A kind is part of the key: the node is re-keyed and its relations follow.
    expect(node('place:northern-union')).toBeUndefined();
    expect(node('organisation:northern-union')!.attributes).toMatchObject({
      kind: 'organisation',
      rules: expect.arrayContaining(['user:kind']),
    });
    expect(g.edges.map((e) => e.key)).toContain('state:sweden|member-of|organisation:northern-union');

    expect(node('organisation:weather-desk')).toBeUndefined();
    expect(g.edges.some((e) => e.key.includes('weather-desk'))).toBe(false);
    expect(g.attributes.dropped).toContain('Weather Desk');

    // "Prince Oskar" was an alias of Oskar Berg: now its own entity, with the statement that names it.
    const prince = node('person:prince-oskar')!;
    expect(prince.attributes.rules).toEqual(['user:distinct']);
    expect(node('person:oskar-berg')!.attributes.aliases).not.toContain('Prince Oskar');
    const princeEdges = g.edges.filter((e) => e.source === 'person:prince-oskar');
    expect(princeEdges.flatMap((e) => e.attributes.evidence.map((x) => x.sentence))).toEqual([
      'Prince Oskar said he backed the Green Alliance.',
    ]);
    const berg = g.edges.find((e) => e.key === 'person:oskar-berg|supports|organisation:green-alliance')!;
    expect(berg.attributes.evidence.map((x) => x.sentence)).toEqual([
      'Oskar Berg supports the Green Alliance, aides said.',
    ]);
    expect(berg.attributes.weight).toBe(1);

    // The result is a valid graph that queries find the corrected names in.
    const io = captureIO();
    expect(await main(['query', r.out, 'Minister Lindqvist ? ?', '--json'], io)).toBe(0);
    expect((JSON.parse(io.stdout) as { source: { id: string } }[])[0]!.source.id).toBe('person:maria-lindqvist');
  });

  it('applying the same corrections again changes nothing', async () => {
    const first = await correct(CORRECTIONS);
    const again = await correct(CORRECTIONS, first.out);
    expect(again.code, again.stderr).toBe(0);
    expect(readFileSync(again.out, 'utf8')).toBe(readFileSync(first.out, 'utf8'));
    expect(again.stderr).toContain('0 changes');
  });

  it.each([
    [
      { merge: [{ from: 'Grens', into: 'Green Alliance' }] },
      'merge[0].from: no entity named "Grens"; did you mean "Greens"',
    ],
    [{ drop: ['Wether Desk'] }, 'drop[0]: no entity named "Wether Desk"; did you mean "Weather Desk"'],
    [
      { kind: [{ entity: 'Northern Onion', kind: 'organisation' }] },
      'kind[0].entity: no entity named "Northern Onion"; did you mean "Northern Union"',
    ],
    [{ merges: [] }, "unknown field 'merges'"],
    [{ kind: [{ entity: 'Sweden', kind: 'country' }] }, 'kind[0].kind'],
    [{ distinct: [['Oskar Berg']] }, 'distinct[0]'],
    ['{"merge": [', 'not JSON'],
    [
      { merge: [{ from: 'Greens', into: 'Green Alliance' }], distinct: [['Greens', 'Green Alliance']] },
      'also listed as distinct',
    ],
    [{ distinct: [['Oskar Berg', 'oskar berg']] }, 'distinct[0]: names "Oskar Berg" twice'],
    [original, 'this is a graph file, not a corrections file'],
  ])('%j is refused with one line saying what and where (exit 1), nothing written', async (corrections, message) => {
    const r = await correct(corrections);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(r.file);
    expect(r.stderr).toContain(message);
    expect(existsSync(r.out)).toBe(false);
  });

  it('needs -o (exit 2)', async () => {
    const io = captureIO();
    expect(await main(['correct', POLITICS, POLITICS], io)).toBe(2);
  });

  it('the corrections schema module stays browser-safe for the viewer (no Node imports)', () => {
    const source = readFileSync(join(REPO_ROOT, 'src', 'graph', 'corrections-schema.ts'), 'utf8');
    const imports = [...source.matchAll(/^import .* from '([^']+)';$/gm)].map((m) => m[1]);
    expect(imports).toEqual(['zod', '../extract/types.js']);
  });
});

describe('newsgraph build --corrections', () => {
  const ARTICLES: Record<string, string> = {
    'a1.txt':
      'Coalition talks resume\nDate: 2025-01-10\n\nSwedish Prime Minister Maria Lindqvist said on Monday that Sweden supports Finland in the dispute. ' +
      'Lindqvist, who leads the Green Alliance, met the Finnish Prime Minister Juhani Korpela in Stockholm.\n',
    'a2.txt':
      'The Greens said on Tuesday that they would back the budget. Erik Salo, a member of the Greens, said Finland would wait.\n',
  };

  it('builds with the corrections applied: relations and evidence follow the merged entity', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'in'));
    for (const [name, text] of Object.entries(ARTICLES)) writeFileSync(join(dir, 'in', name), text);
    const corrections = join(dir, 'corrections.json');
    writeFileSync(
      corrections,
      JSON.stringify({ merge: [{ from: 'Greens', into: 'Green Alliance' }], drop: ['Stockholm'] }),
    );
    const plain = join(dir, 'plain.json');
    const fixed = join(dir, 'fixed.json');
    const first = captureIO();
    expect(await main(['build', join(dir, 'in'), '-o', plain, '--no-cache', '--jobs', '1'], first)).toBe(0);
    expect(first.stderr).toContain('1 of 2 articles have a publication date');
    const io = captureIO();
    expect(
      await main(
        ['build', join(dir, 'in'), '-o', fixed, '--no-cache', '--jobs', '1', '--corrections', corrections],
        io,
      ),
    ).toBe(0);
    expect(io.stderr).toContain('correction: merged "Greens"');

    const before = read(plain);
    const after = read(fixed);
    // The extractor found both organisations and a relation of the Greens; the corrected build has one organisation.
    expect(before.nodes.map((n) => n.key)).toEqual(
      expect.arrayContaining(['organisation:greens', 'organisation:green-alliance', 'place:stockholm']),
    );
    const greensEdges = before.edges.filter(
      (e) => e.target === 'organisation:greens' || e.source === 'organisation:greens',
    );
    expect(greensEdges.length).toBeGreaterThan(0);
    expect(after.nodes.map((n) => n.key)).not.toContain('organisation:greens');
    expect(after.nodes.map((n) => n.key)).not.toContain('place:stockholm');
    for (const old of greensEdges) {
      const key = old.key.replace('organisation:greens', 'organisation:green-alliance');
      expect(after.edges.find((e) => e.key === key)?.attributes.evidence).toEqual(old.attributes.evidence);
    }

    // The next build adds an article that names the Greens again: the same corrections fold them in again.
    mkdirSync(join(dir, 'more'));
    writeFileSync(
      join(dir, 'more', 'a3.txt'),
      'Anna Berg, a member of the Greens, said the vote in Finland would be close.\n',
    );
    const next = captureIO();
    expect(
      await main(
        ['build', join(dir, 'more'), '--into', fixed, '--no-cache', '--jobs', '1', '--corrections', corrections],
        next,
      ),
    ).toBe(0);
    const grown = read(fixed);
    expect(grown.nodes.map((n) => n.key)).not.toContain('organisation:greens');
    expect(grown.nodes.find((n) => n.key === 'organisation:green-alliance')!.attributes.articles).toContain('a3.txt');
  });

  it('refuses a malformed corrections file before extracting anything (exit 1)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.txt'), ARTICLES['a2.txt']!);
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ merge: [{ from: 'Greens' }] }));
    const io = captureIO();
    expect(
      await main(
        ['build', join(dir, 'a.txt'), '-o', join(dir, 'g.json'), '--no-cache', '--corrections', join(dir, 'bad.json')],
        io,
      ),
    ).toBe(1);
    expect(io.stderr).toContain('merge[0].into');
    expect(io.stderr).not.toContain('building from');
    expect(existsSync(join(dir, 'g.json'))).toBe(false);
  });
});

describe('buildGraph(extractions, corrections)', () => {
  it('applies the corrections to the graph it builds', () => {
    const text = 'Erik Salo, a member of the Greens, said Finland would wait. The Green Alliance met in Turku.';
    const plain = buildGraph(extract(text));
    expect(plain.hasNode('organisation:greens')).toBe(true);
    const graph = buildGraph(extract(text), { merge: [{ from: 'Greens', into: 'Green Alliance' }] });
    expect(graph.hasNode('organisation:greens')).toBe(false);
    expect(graph.getNodeAttribute('organisation:green-alliance', 'aliases')).toContain('Greens');
    const moved = plain
      .edges()
      .filter((e) => plain.target(e) === 'organisation:greens' || plain.source(e) === 'organisation:greens');
    expect(moved.length).toBeGreaterThan(0);
    for (const edge of moved)
      expect(graph.hasEdge(edge.replaceAll('organisation:greens', 'organisation:green-alliance'))).toBe(true);
    expect(() => buildGraph(extract(text), { drop: ['Grens'] })).toThrow(
      /drop\[0\]: no entity named "Grens"; did you mean "Greens"\?/,
    );
  });
});
