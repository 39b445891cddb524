/**
 * Asking as an analyst does, through the CLI entry: names that mean who a person means (surnames, --exact),
 * everything about one entity, forgiving patterns, provenance in every answer, honest dates, messages that teach.
 * Fixture: tests/fixtures/graphs/politics.json (invented names; two of three articles undated).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { UsageError } from '../../src/errors.js';
import { GraphQuery, RelationNotFoundError } from '../../src/query/graph-query.js';
import { parseQuery } from '../../src/query/pattern.js';
import { captureIO, FIXTURE, loadFixture, REPO_ROOT, tempDir } from '../io/helpers.js';

const POLITICS = join(REPO_ROOT, 'tests', 'fixtures', 'graphs', 'politics.json');

interface RawEdge {
  key: string;
  source: string;
  target: string;
  attributes: {
    relation: string;
    confidence: number;
    evidence: { article: string; sentence: string }[];
    basis?: string;
  };
}
interface RawArticle {
  id: string;
  title: string | null;
  source: string | null;
  published: string | null;
  url: string | null;
}
const raw = JSON.parse(readFileSync(POLITICS, 'utf8')) as { attributes: { articles: RawArticle[] }; edges: RawEdge[] };
const article = (id: string) => raw.attributes.articles.find((a) => a.id === id)!;

interface JsonRow {
  source: { id: string };
  relation: string;
  target: { id: string };
  edge: string;
  evidence: { article: string; sentence: string }[];
  basis: string;
  articles: number;
  provenance: {
    article: string;
    title: string | null;
    source: string | null;
    published: string | null;
    url: string | null;
  }[];
  direction?: 'out' | 'in';
  resolution?: {
    name: string;
    chosen: { id: string };
    candidates: { id: string; mentions: number; relations: number }[];
  }[];
}

async function run(args: string[], file = POLITICS) {
  const io = captureIO();
  const code = await main(['query', file, ...args], io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

async function json(args: string[], file = POLITICS): Promise<{ rows: JsonRow[]; stderr: string }> {
  const r = await run([...args, '--json'], file);
  expect(r.code, r.stderr).toBe(0);
  return { rows: JSON.parse(r.stdout) as JsonRow[], stderr: r.stderr };
}

describe('names resolve the way a person means them', () => {
  it('takes a surname as the best-known person of that name, says so on stderr and lists the others', async () => {
    const r = await run(['Lindqvist ? ?']);
    expect(r.code).toBe(0);
    const notes = r.stderr.trim().split('\n');
    expect(notes).toHaveLength(1);
    expect(notes[0]).toContain('"Lindqvist" taken as Maria Lindqvist (person:maria-lindqvist');
    expect(notes[0]).toContain('Erik Lindqvist (person:erik-lindqvist');
    // The lone "Lindqvist" node has no relations: it is named, never silently chosen.
    expect(notes[0]).toContain('Lindqvist (person:lindqvist; 1 mention, 0 relations)');
    expect(r.stdout).toContain('Maria Lindqvist  speaks-for');
  });

  it("--json rows are the chosen entity's edges and carry the candidates", async () => {
    const { rows } = await json(['Lindqvist ? ?']);
    const want = raw.edges
      .filter((e) => e.source === 'person:maria-lindqvist')
      .map((e) => e.key)
      .sort();
    expect(rows.map((r) => r.edge).sort()).toEqual(want);
    for (const row of rows) {
      expect(row.resolution?.[0]?.chosen.id).toBe('person:maria-lindqvist');
      expect(row.resolution?.[0]?.candidates.map((c) => c.id)).toEqual([
        'person:maria-lindqvist',
        'person:erik-lindqvist',
        'person:lindqvist',
      ]);
    }
  });

  it('--exact takes only exact label matches: the lone node, with nothing to say, and says who else it could be', async () => {
    const r = await run(['Lindqvist ? ?', '--exact', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([]);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(
      '"Lindqvist" exactly is person:lindqvist, with no relations; without --exact it means Maria Lindqvist',
    );
  });

  it('a full name is that person, without a note', async () => {
    const { rows, stderr } = await json(['Erik Lindqvist ? ?']);
    expect(stderr).toBe('');
    expect(rows.map((r) => r.edge).sort()).toEqual(
      raw.edges
        .filter((e) => e.source === 'person:erik-lindqvist')
        .map((e) => e.key)
        .sort(),
    );
  });

  it('--path resolves names the same way (and --exact finds no path from the lone node)', async () => {
    const io = captureIO();
    expect(await main(['query', POLITICS, '--path', 'Lindqvist', 'Sweden'], io)).toBe(0);
    expect(io.stdout.split('\n')[0]).toBe('Maria Lindqvist -[speaks-for]-> Sweden');
    expect(io.stderr).toContain('taken as Maria Lindqvist');
    const exact = captureIO();
    expect(await main(['query', POLITICS, '--path', 'Lindqvist', 'Sweden', '--exact'], exact)).toBe(1);
    expect(exact.stderr).toContain('no path between "Lindqvist" and "Sweden"');
  });

  it('the library chooses the same way and reports the candidates', () => {
    const query = new GraphQuery(loadFixture(POLITICS));
    expect(query.findEntity('Lindqvist').id).toBe('person:maria-lindqvist');
    expect(query.findEntity('Lindqvist', { exact: true }).id).toBe('person:lindqvist');
    const resolution = query.resolveName('lindqvist');
    expect(resolution.candidates.map((c) => [c.id, c.match])).toEqual([
      ['person:maria-lindqvist', 'alias'],
      ['person:erik-lindqvist', 'surname'],
      ['person:lindqvist', 'label'],
    ]);
    expect(query.relations({ source: 'Lindqvist' }).every((r) => r.source.id === 'person:maria-lindqvist')).toBe(true);
  });
});

describe('everything about one entity', () => {
  it('a bare name lists its relations in both directions, grouped by relation', async () => {
    const { rows } = await json(['Maria Lindqvist']);
    const id = 'person:maria-lindqvist';
    const want = raw.edges.filter((e) => e.source === id || e.target === id);
    expect(rows.map((r) => r.edge).sort()).toEqual(want.map((e) => e.key).sort());
    for (const row of rows) expect(row.direction).toBe(row.source.id === id ? 'out' : 'in');
    expect(rows.some((r) => r.direction === 'in')).toBe(true);
    const relations = rows.map((r) => r.relation);
    expect(relations).toEqual([...relations].sort());
  });

  it('prints a section per relation under a line counting both directions', async () => {
    const r = await run(['Maria', 'Lindqvist']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('Maria Lindqvist (person:maria-lindqvist): 3 relations from it, 1 to it');
    const sections = lines.filter((l) => /^[a-z-]+ \(\d+\)$/.test(l));
    expect(sections).toEqual(['meets (1)', 'member-of (1)', 'speaks-for (1)', 'supports (1)']);
    expect(r.stdout).toMatch(/Erik Lindqvist\s+supports\s+Maria Lindqvist/);
  });

  it("the end of a person's name, several words long, is a name too", async () => {
    const r = await run(['der Leyen ? ?'], FIXTURE);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Ursula von der Leyen\s+speaks-for/m);
    const bare = await run(['der', 'Leyen'], FIXTURE);
    expect(bare.stdout.split('\n')[0]).toMatch(/^Ursula von der Leyen \(person:ursula-von-der-leyen\): /);
    // Only people have surnames: the end of an organisation's name is not a name.
    const alliance = await run(['Alliance']);
    expect(alliance.code).toBe(1);
    expect(alliance.stderr).toContain('no entity named "Alliance"; did you mean "Green Alliance"?');
  });

  it('a relation at either end leaves the other side open; multi-word names need no quotes', async () => {
    const trailing = await json(['Maria Lindqvist speaks-for']);
    expect(trailing.rows.map((r) => r.edge)).toEqual(['person:maria-lindqvist|speaks-for|state:sweden']);
    const leading = await json(['member-of Green Alliance']);
    expect(leading.rows.map((r) => r.edge)).toEqual(['person:maria-lindqvist|member-of|organisation:green-alliance']);
  });

  it('a relation written with spaces is the kebab-case relation', async () => {
    const { rows } = await json(['? member of Green Alliance']);
    expect(rows.map((r) => r.edge)).toEqual(['person:maria-lindqvist|member-of|organisation:green-alliance']);
  });

  it.each([
    ['? member Green Alliance', 'no relation "member"', '"member-of"'],
    ['Erik Lindqvist suports Maria Lindqvist', 'no relation "suports"', '"supports"'],
    ['Maria Lindqvst', 'no entity named "Maria Lindqvst"', '"Maria Lindqvist"'],
    ['Oskar Bergg speaks-for ?', 'no entity named "Oskar Bergg"', '"Oskar Berg"'],
  ])('%s: not found, with the closest names (exit 1)', async (pattern, message, suggestion) => {
    const r = await run([pattern]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain(`did you mean ${suggestion}`);
  });
});

describe('provenance in every answer', () => {
  it('the table shows per row the number of articles and the first article: title, source, date', async () => {
    const r = await run(['? speaks-for Sweden']);
    const lines = r.stdout.split('\n');
    const row = lines.findIndex((l) => /^Maria Lindqvist\s+speaks-for\s+Sweden/.test(l));
    expect(lines[row + 1]).toBe(`    2 articles; first: ${article('p1').title} · ${article('p1').source} · 2025-01-10`);
  });

  it('an undated article without a source says so', async () => {
    const r = await run(['? meets ?']);
    expect(r.stdout).toContain(`    1 article; first: ${article('p3').title} · source unknown · undated`);
  });

  it("--json rows carry each evidence item's article id, title, source, date and URL", async () => {
    const { rows } = await json(['? ? ?']);
    expect(rows).toHaveLength(raw.edges.length);
    for (const row of rows) {
      const edge = raw.edges.find((e) => e.key === row.edge)!;
      expect(row.provenance).toEqual(
        edge.attributes.evidence.map((e) => {
          const a = article(e.article);
          return { article: a.id, title: a.title, source: a.source, published: a.published, url: a.url };
        }),
      );
      expect(row.articles).toBe(new Set(edge.attributes.evidence.map((e) => e.article)).size);
    }
  });

  it('--evidence N prints up to N sentences under each row', async () => {
    const quoted = (stdout: string) => stdout.split('\n').filter((l) => l.startsWith('      “'));
    const one = await run(['? speaks-for Sweden', '--evidence', '1']);
    expect(quoted(one.stdout)).toEqual([
      `      “${raw.edges[0]!.attributes.evidence[0]!.sentence}” (${article('p1').title}, 2025-01-10)`,
    ]);
    const two = await run(['? speaks-for Sweden', '--evidence', '5']);
    expect(quoted(two.stdout)).toHaveLength(2);
    expect((await run(['? ? ?', '--evidence', '0'])).code).toBe(2);
  });
});

describe('the library speaks without CLI flags', () => {
  const query = new GraphQuery(loadFixture(POLITICS));
  it.each([
    [{ from: '2005-13-45' }, "the 'from' date must be a calendar date"],
    [{ from: '2025-03-01', to: '2025-01-01' }, 'the date range starts (2025-03-01) after it ends (2025-01-01)'],
  ])('%j throws a UsageError', (pattern, message) => {
    expect(() => query.relations(pattern)).toThrow(UsageError);
    expect(() => query.relations(pattern)).toThrow(message);
    expect(() => query.relations(pattern)).not.toThrow(/--/);
  });

  it('filters by basis and suggests the closest relations', () => {
    expect(query.relations({ basis: 'knowledge' }).map((r) => r.edge)).toEqual([
      'state:sweden|member-of|place:northern-union',
    ]);
    expect(() => query.relations({ relation: 'member' })).toThrow(RelationNotFoundError);
    try {
      query.relations({ relation: 'membr-of' });
    } catch (error) {
      expect((error as RelationNotFoundError).suggestions).toEqual(['member-of']);
    }
    expect(query.about('Erik Lindqvist').map((r) => [r.relation, r.direction])).toEqual([
      ['member-of', 'out'],
      ['supports', 'out'],
    ]);
  });
});

describe('--basis', () => {
  it('keeps relations of one basis; a missing basis counts as text', async () => {
    const knowledge = await json(['? ? ?', '--basis', 'knowledge']);
    expect(knowledge.rows.map((r) => r.edge)).toEqual(
      raw.edges.filter((e) => e.attributes.basis === 'knowledge').map((e) => e.key),
    );
    const text = await json(['? ? ?', '--basis', 'text']);
    expect(text.rows.map((r) => r.edge).sort()).toEqual(
      raw.edges
        .filter((e) => e.attributes.basis !== 'knowledge')
        .map((e) => e.key)
        .sort(),
    );
    expect(text.rows.every((r) => r.basis === 'text')).toBe(true);
    expect((await run(['? ? ?', '--basis', 'rumour'])).code).toBe(2);
  });
});

describe('honest dates', () => {
  it('stats counts the dated articles', async () => {
    const io = captureIO();
    expect(await main(['stats', POLITICS, '--json'], io)).toBe(0);
    expect(JSON.parse(io.stdout)).toMatchObject({ articles: 3, datedArticles: 1 });
    const text = captureIO();
    await main(['stats', POLITICS], text);
    expect(text.stdout).toContain('3 articles (1 dated)');
  });

  it('says in one line when the articles have no dates at all (exit 1)', async () => {
    const data = JSON.parse(readFileSync(POLITICS, 'utf8')) as { attributes: { articles: RawArticle[] } };
    for (const a of data.attributes.articles) a.published = null;
    const file = join(tempDir(), 'undated.json');
    writeFileSync(file, JSON.stringify(data));
    const r = await run(['? ? ?', '--from', '2025-01-01'], file);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('none of the 3 articles');
    expect(r.stdout).toBe('');
  });

  it('notes the undated articles a date range leaves out, and answers from the dated ones', async () => {
    const r = await run(['? ? ?', '--from', '2025-01-01', '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('2 of 3 articles have no publication date');
    const rows = JSON.parse(r.stdout) as JsonRow[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.evidence.every((e) => e.article === 'p1'))).toBe(true);
  });

  it.each([
    [['--from', '2005-13-45'], '--from must be a calendar date'],
    [['--to', '2025-02-30'], '--to must be a calendar date'],
    [['--from', '2025-03-01', '--to', '2025-01-31'], '--from 2025-03-01 is after --to 2025-01-31'],
  ])('%j is a usage error (exit 2)', async (flags, message) => {
    const r = await run(['? ? ?', ...flags]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });
});

describe('messages that teach', () => {
  it.each([
    ['a text article', 'politics-001.txt', 'Ministers met on Monday to discuss the budget.\nThe talks went on late.\n'],
    [
      'a JSON article',
      'story.json',
      JSON.stringify({ title: 'Budget talks', text: 'Ministers met on Monday to discuss the budget.' }),
    ],
    ['an HTML page', 'page.html', '<html><body><p>Ministers met on Monday to discuss the budget.</p></body></html>'],
  ])('%s given where a graph is expected names newsgraph build (exit 1)', async (_what, name, content) => {
    const file = join(tempDir(), name);
    writeFileSync(file, content);
    for (const command of [
      ['stats', file],
      ['query', file, '? ? ?'],
    ]) {
      const io = captureIO();
      expect(await main(command, io)).toBe(1);
      expect(io.stderr.trim().split('\n')).toHaveLength(1);
      expect(io.stderr).toContain('not a graph file but an article');
      expect(io.stderr).toContain(`newsgraph build ${file}`);
    }
  });
});

describe('parseQuery', () => {
  const known = ['member-of', 'speaks-for', 'supports'];
  const names = new Set(['jane doe', 'supports group', 'acme']);
  const isName = (name: string) => names.has(name.toLowerCase());
  it.each([
    ['Jane Doe', { kind: 'entity', name: 'Jane Doe' }],
    ['Supports Group', { kind: 'entity', name: 'Supports Group' }], // a name with a relation's word in it
    ['Jane Dough', { kind: 'entity', name: 'Jane Dough' }], // unknown: answered with the nearest names
    ['Jane Doe supports', { kind: 'pattern', source: 'Jane Doe', relation: 'supports', target: null }],
    ['member of Acme', { kind: 'pattern', source: null, relation: 'member-of', target: 'Acme' }],
    ['? speaks for Acme', { kind: 'pattern', source: null, relation: 'speaks-for', target: 'Acme' }],
    ['Jane Doe suports Acme', { kind: 'pattern', source: 'Jane Doe', relation: 'suports', target: 'Acme' }],
    ['Jane Doe ? ?', { kind: 'pattern', source: 'Jane Doe', relation: null, target: null }],
  ])('%s', (text, parsed) => {
    expect(parseQuery(text, known, isName)).toEqual(parsed);
  });
});
