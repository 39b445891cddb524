import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { captureIO, FIXTURE, tempDir } from '../io/helpers.js';

interface RawEdge {
  key: string;
  source: string;
  target: string;
  attributes: { relation: string; confidence: number; evidence: unknown[] };
}
interface RawNode {
  key: string;
  attributes: { label: string; kind: string; aliases: string[] };
}
const raw = JSON.parse(readFileSync(FIXTURE, 'utf8')) as { nodes: RawNode[]; edges: RawEdge[] };

/** The test's own notion of a name: accents, case and punctuation ignored. */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function named(name: string | null): Set<string> | null {
  if (name === null) return null;
  return new Set(
    raw.nodes
      .filter((n) => [n.attributes.label, ...n.attributes.aliases].some((x) => fold(x) === fold(name)))
      .map((n) => n.key),
  );
}

/** The edges of the file that a pattern should return, computed straight from the JSON. */
function expected(source: string | null, relation: string | null, target: string | null, minConfidence = 0) {
  const sources = named(source);
  const targets = named(target);
  return raw.edges
    .filter((e) => (!sources || sources.has(e.source)) && (!targets || targets.has(e.target)))
    .filter((e) => relation === null || e.attributes.relation === relation)
    .filter((e) => e.attributes.confidence >= minConfidence)
    .map((e) => ({
      source: e.source,
      relation: e.attributes.relation,
      target: e.target,
      confidence: e.attributes.confidence,
      evidence: e.attributes.evidence,
    }))
    .sort((a, b) => `${a.source}|${a.relation}|${a.target}`.localeCompare(`${b.source}|${b.relation}|${b.target}`));
}

interface JsonRow {
  source: { id: string; label: string };
  relation: string;
  target: { id: string; label: string };
  confidence: number;
  evidence: unknown[];
}

async function queryJson(args: string[]): Promise<JsonRow[]> {
  const io = captureIO();
  const code = await main(['query', FIXTURE, ...args, '--json'], io);
  expect(io.stderr).toBe('');
  expect(code).toBe(0);
  return JSON.parse(io.stdout) as JsonRow[];
}

function comparable(rows: JsonRow[]) {
  return rows
    .map((r) => ({
      source: r.source.id,
      relation: r.relation,
      target: r.target.id,
      confidence: r.confidence,
      evidence: r.evidence,
    }))
    .sort((a, b) => `${a.source}|${a.relation}|${a.target}`.localeCompare(`${b.source}|${b.relation}|${b.target}`));
}

describe('newsgraph query PATTERN --json', () => {
  it.each([
    ['? supports Ukraine', [null, 'supports', 'Ukraine']],
    ['? supports Ukrainian government', [null, 'supports', 'Ukrainian government']], // an alias
    ['Berlin ? ?', ['Berlin', null, null]], // an alias of Germany
    ['jose manuel albares speaks-for ?', ['José Manuel Albares', 'speaks-for', null]], // no accents, lower case
    ['? member-of NATO', [null, 'member-of', 'NATO']],
    ['? member-of north atlantic treaty organization', [null, 'member-of', 'NATO']],
    ['Ursula von der Leyen ? European Union', ['Ursula von der Leyen', null, 'European Union']], // parallel edges
    ['? speaks-for EU', [null, 'speaks-for', 'EU']],
    ['"Olaf Scholz" ? ?', ['Olaf Scholz', null, null]],
    ['? ? ?', [null, null, null]],
  ] as const)('%s returns exactly the matching edges of the file', async (pattern, [s, r, t]) => {
    const rows = await queryJson([pattern]);
    const want = expected(s, r, t);
    expect(want.length).toBeGreaterThan(0);
    expect(comparable(rows)).toEqual(want);
    for (const row of rows) {
      expect(row.source.label).toBe(raw.nodes.find((n) => n.key === row.source.id)!.attributes.label);
    }
  });

  it('applies --min-confidence', async () => {
    const rows = await queryJson(['? ? ?', '--min-confidence', '0.7']);
    const want = expected(null, null, null, 0.7);
    expect(want.length).toBeLessThan(raw.edges.length);
    expect(comparable(rows)).toEqual(want);
  });

  it('takes the pattern as separate words too', async () => {
    const rows = await queryJson(['?', 'supports', 'Ukraine']);
    expect(comparable(rows)).toEqual(expected(null, 'supports', 'Ukraine'));
  });

  it('answers a pattern that matches nothing with an empty array', async () => {
    expect(await queryJson(['Kyiv supports ?'])).toEqual([]);
  });
});

describe('newsgraph query table output', () => {
  it('prints aligned columns with the first evidence sentence', async () => {
    const io = captureIO();
    expect(await main(['query', FIXTURE, '? supports Ukraine'], io)).toBe(0);
    const lines = io.stdout.split('\n');
    expect(lines[0]).toMatch(/^source\s+relation\s+target\s+conf\s+evidence$/);
    const germany = lines.find((l) => l.startsWith('Germany'))!;
    expect(germany).toMatch(/^Germany\s+supports\s+Ukraine\s+0\.88\s+"We will stand with Ukraine/);
    // Columns line up: 'supports' starts at the same place on every row.
    const column = lines[0]!.indexOf('relation');
    for (const line of lines.slice(2).filter((l) => / supports /.test(l)))
      expect(line.indexOf('supports')).toBe(column);
    expect(io.stdout).toContain('3 relations');
  });
});

describe('newsgraph query errors', () => {
  it('answers an unknown name with one line naming the nearest names, exit 1', async () => {
    const io = captureIO();
    expect(await main(['query', FIXTURE, 'Olaf Scholtz ? ?'], io)).toBe(1);
    expect(io.stderr.trim().split('\n')).toHaveLength(1);
    expect(io.stderr).toContain('no entity named "Olaf Scholtz"');
    expect(io.stderr).toContain('"Olaf Scholz"');
    expect(io.stdout).toBe('');
  });

  it('answers an unknown relation by listing the relations the graph has, exit 1', async () => {
    const io = captureIO();
    expect(await main(['query', FIXTURE, '? condemns Ukraine'], io)).toBe(1);
    expect(io.stderr).toContain('no relation "condemns"');
    expect(io.stderr).toContain('speaks-for');
  });

  it.each([
    [['? supports'], 'a pattern is SOURCE RELATION TARGET'],
    [['? ? ?', '--min-confidence', '2'], '--min-confidence must be a number from 0 to 1'],
    [[], 'needs a PATTERN'],
    [['--path', 'Spain'], '--path takes exactly two names'],
  ])('answers %j with a usage error, exit 2', async (args, message) => {
    const io = captureIO();
    expect(await main(['query', FIXTURE, ...args], io)).toBe(2);
    expect(io.stderr).toContain(message);
  });

  it('answers a malformed graph file with what is wrong and no stack trace', async () => {
    const file = join(tempDir(), 'broken.json');
    writeFileSync(file, '{"nodes": [');
    const io = captureIO();
    expect(await main(['query', file, '? ? ?'], io)).toBe(1);
    expect(io.stderr).toMatch(/broken\.json: .*JSON/);
    expect(io.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('newsgraph query --path', () => {
  /** Shortest hop count by breadth-first search over the raw edges, either direction. */
  function hops(from: string, to: string): number {
    const seen = new Map([[from, 0]]);
    const queue = [from];
    while (queue.length) {
      const node = queue.shift()!;
      for (const e of raw.edges) {
        const next = e.source === node ? e.target : e.target === node ? e.source : null;
        if (next && !seen.has(next)) {
          seen.set(next, seen.get(node)! + 1);
          queue.push(next);
        }
      }
    }
    return seen.get(to) ?? -1;
  }

  it('finds a shortest chain, each hop an edge of the file', async () => {
    const io = captureIO();
    expect(await main(['query', FIXTURE, '--path', 'Albares', 'Olaf Scholz', '--json'], io)).toBe(0);
    const path = JSON.parse(io.stdout) as {
      nodes: { id: string }[];
      hops: { from: { id: string }; to: { id: string }; edges: { edge: string }[] }[];
    };
    expect(path.nodes[0]!.id).toBe('person:jose-manuel-albares');
    expect(path.nodes.at(-1)!.id).toBe('person:olaf-scholz');
    expect(path.hops).toHaveLength(hops('person:jose-manuel-albares', 'person:olaf-scholz'));
    for (const hop of path.hops) {
      expect(hop.edges.length).toBeGreaterThan(0);
      for (const { edge } of hop.edges) {
        const e = raw.edges.find((x) => x.key === edge)!;
        expect(new Set([e.source, e.target])).toEqual(new Set([hop.from.id, hop.to.id]));
      }
    }
  });

  it('prints the chain with arrows in the direction of each relation', async () => {
    const io = captureIO();
    expect(await main(['query', FIXTURE, '--path', 'Macron', 'NATO'], io)).toBe(0);
    expect(io.stdout.split('\n')[0]).toBe('Emmanuel Macron -[speaks-for]-> France -[member-of]-> NATO');
  });

  it('says so when two entities are not connected, exit 1', async () => {
    const io = captureIO();
    expect(await main(['query', FIXTURE, '--path', 'Kyiv', 'NATO'], io)).toBe(1);
    expect(io.stderr).toContain('no path between "Kyiv" and "NATO"');
  });
});

describe('newsgraph stats', () => {
  it('reports counts by kind and relation, central entities and communities as JSON', async () => {
    const io = captureIO();
    expect(await main(['stats', FIXTURE, '--json'], io)).toBe(0);
    const stats = JSON.parse(io.stdout) as {
      nodes: number;
      edges: number;
      byKind: Record<string, number>;
      byRelation: Record<string, number>;
      topByDegree: { id: string }[];
      topByPagerank: { id: string; score: number }[];
      communities: { count: number; largest: { size: number }[] };
    };
    expect(stats.nodes).toBe(raw.nodes.length);
    expect(stats.edges).toBe(raw.edges.length);
    const kinds: Record<string, number> = {};
    for (const n of raw.nodes) kinds[n.attributes.kind] = (kinds[n.attributes.kind] ?? 0) + 1;
    expect(stats.byKind).toEqual(kinds);
    const relations: Record<string, number> = {};
    for (const e of raw.edges) relations[e.attributes.relation] = (relations[e.attributes.relation] ?? 0) + 1;
    expect(stats.byRelation).toEqual(relations);
    // The EU touches the most edges in the file.
    const degree = (key: string) => raw.edges.filter((e) => e.source === key || e.target === key).length;
    const maxDegree = Math.max(...raw.nodes.map((n) => degree(n.key)));
    expect(degree(stats.topByDegree[0]!.id)).toBe(maxDegree);
    // PageRank flows along relations: nothing points at a spokesperson, so none ranks first.
    expect(stats.topByPagerank[0]!.id.startsWith('person:')).toBe(false);
    expect(stats.communities.count).toBeGreaterThan(1);
    expect(stats.communities.largest.reduce((sum, c) => sum + c.size, 0)).toBe(raw.nodes.length);
  });

  it('prints a readable summary', async () => {
    const io = captureIO();
    expect(await main(['stats', FIXTURE], io)).toBe(0);
    expect(io.stdout).toContain(`${raw.nodes.length} entities, ${raw.edges.length} relations, 4 articles`);
    expect(io.stdout).toMatch(/communities \(Louvain\), modularity 0\.\d{3}/);
  });
});
