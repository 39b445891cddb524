import { describe, expect, it } from 'vitest';
import { EntityNotFoundError, UsageError } from '../../src/errors.js';
import { relationTable } from '../../src/query/format.js';
import { GraphQuery, RelationNotFoundError } from '../../src/query/graph-query.js';
import { editDistance, foldName } from '../../src/query/names.js';
import { parsePattern } from '../../src/query/pattern.js';
import { FIXTURE, loadFixture, loadFixtureWithBasis, QUALIFIED_EDGE } from '../io/helpers.js';

const query = new GraphQuery(loadFixture());

describe('finding entities by name', () => {
  it.each([
    ['Olaf Scholz', 'person:olaf-scholz'],
    ['olaf scholz', 'person:olaf-scholz'],
    ['OLAF  SCHOLZ', 'person:olaf-scholz'],
    ['Chancellor Scholz', 'person:olaf-scholz'], // alias
    ['Jose Manuel Albares', 'person:jose-manuel-albares'], // diacritics folded
    ['josé-manuel albares', 'person:jose-manuel-albares'],
    ['Kiev', 'place:kyiv'],
    ['north atlantic treaty organization', 'organisation:nato'],
    ['cafe le zinc bar', 'organisation:cafe-le-zinc'],
    ['state:germany', 'state:germany'], // the node key itself
  ])('%s -> %s', (name, id) => {
    expect(query.findEntity(name).id).toBe(id);
  });

  it('suggests the nearest names when nothing matches', () => {
    const error = (() => {
      try {
        query.findEntity('Emanuel Macron');
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(EntityNotFoundError);
    expect((error as EntityNotFoundError).suggestions[0]).toBe('Emmanuel Macron');
  });

  it('suggests nothing far-fetched', () => {
    expect(query.names.suggest('zzzzqqqq')).toEqual([]);
  });

  it('prefers an entity whose label is the name over one that has it as an alias', async () => {
    const graph = loadFixture();
    graph.addNode('place:paris', {
      label: 'Paris',
      kind: 'place',
      aliases: [],
      mentions: 1,
      articles: ['a2'],
      rules: [],
      examples: [],
    });
    const q = new GraphQuery(graph);
    expect(q.findEntities('Paris')).toEqual(['place:paris']);
    // Without the city, Paris still stands for France through the alias.
    expect(query.findEntities('Paris')).toEqual(['state:france']);
    expect(await GraphQuery.open(FIXTURE)).toBeInstanceOf(GraphQuery);
  });

  it.each([
    ['Jose', 'José', 0],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
  ])('edit distance of %s and %s after folding is %i', (a, b, d) => {
    expect(editDistance(foldName(a), foldName(b))).toBe(d);
  });
});

describe('relations by pattern', () => {
  it('filters by confidence and by article date range, keeping only statements in range', () => {
    const rows = query.relations({ relation: 'supports', from: '2024-02-13', to: '2024-02-28' });
    expect(rows.map((r) => r.edge).sort()).toEqual([
      'state:france|supports|state:ukraine',
      'state:germany|supports|state:ukraine',
    ]);
    const germany = rows.find((r) => r.source.id === 'state:germany')!;
    // Germany's support is stated in a1 (12 Feb) and a2 (14 Feb): only the a2 statement is in range.
    expect(germany.evidence.map((e) => e.article)).toEqual(['a2']);
    expect(query.relations({ minConfidence: 0.85 }).every((r) => r.confidence >= 0.85)).toBe(true);
  });

  it('throws typed errors for unknown relations, names and dates', () => {
    expect(() => query.relations({ relation: 'condemns' })).toThrow(RelationNotFoundError);
    expect(() => query.relations({ source: 'Atlantis' })).toThrow(EntityNotFoundError);
    expect(() => query.relations({ from: 'last week' })).toThrow(UsageError);
  });

  it('returns the evidence of an edge with its article', () => {
    const evidence = query.evidence('state:germany|member-of|organisation:nato');
    expect(evidence).toHaveLength(1);
    expect(evidence[0]).toMatchObject({
      article: 'a1',
      title: 'Berlin pledges more air defence for Ukraine',
      published: '2024-02-12T09:30:00Z',
      qualifiers: { since: '1955' },
    });
  });
});

describe('former roles in query answers', () => {
  const withFormer = new GraphQuery(loadFixtureWithBasis());
  it('marks a former role in the row (JSON) and the table; current roles carry no former', () => {
    const rows = withFormer.relations({ relation: 'speaks-for' });
    const former = rows.find((r) => r.edge === QUALIFIED_EDGE)!;
    expect(former.former).toBe(true);
    expect(rows.filter((r) => r.edge !== QUALIFIED_EDGE).every((r) => !('former' in r))).toBe(true);
    expect(relationTable([former])).toContain('speaks-for (former)');
  });
});

describe('pattern parsing', () => {
  const known = ['speaks-for', 'member-of', 'supports'];
  it.each([
    ['? supports China', { source: null, relation: 'supports', target: 'China' }],
    ['Russia member-of ?', { source: 'Russia', relation: 'member-of', target: null }],
    ['Jane Doe ? ?', { source: 'Jane Doe', relation: null, target: null }],
    ['? ? Jane Doe', { source: null, relation: null, target: 'Jane Doe' }],
    ['Supports Group member-of ?', { source: 'Supports Group', relation: 'member-of', target: null }],
    ['"Jane ? Doe" ? ?', { source: 'Jane ? Doe', relation: null, target: null }],
    [
      'United States speaks-for United Nations',
      { source: 'United States', relation: 'speaks-for', target: 'United Nations' },
    ],
    ['? criticises Jane Doe', { source: null, relation: 'criticises', target: 'Jane Doe' }],
  ])('%s', (pattern, parsed) => {
    expect(parsePattern(pattern, known)).toEqual(parsed);
  });

  it.each(['?', '? supports', 'a b c d'])('rejects %j', (pattern) => {
    expect(() => parsePattern(pattern, known)).toThrow(UsageError);
  });
});

describe('neighbours, ego networks, centrality, communities', () => {
  it('lists neighbours filtered by relation, direction and kind', () => {
    const all = query.neighbours('European Union');
    expect(all.map((n) => n.entity.id).sort()).toEqual(
      [
        'person:ursula-von-der-leyen',
        'person:ursula-von-der-leyen',
        'state:germany',
        'state:spain',
        'topic:energy-security',
      ].sort(),
    );
    expect(query.neighbours('EU', { direction: 'out' }).map((n) => n.entity.id)).toEqual(['topic:energy-security']);
    expect(query.neighbours('EU', { relation: 'member-of', kind: 'state' }).map((n) => n.entity.id)).toEqual([
      'state:spain',
    ]);
    expect(query.neighbours('Germany', { direction: 'in' })).toEqual([
      expect.objectContaining({
        entity: { id: 'person:olaf-scholz', label: 'Olaf Scholz', kind: 'person' },
        relation: 'speaks-for',
        direction: 'in',
      }),
    ]);
  });

  it('cuts the ego network at the asked depth', () => {
    const one = query.ego('Spain', 1);
    expect(one.nodes().sort()).toEqual([
      'organisation:european-union',
      'person:jose-manuel-albares',
      'state:spain',
      'state:ukraine',
    ]);
    expect(one.size).toBe(3);
    const two = query.ego('Spain', 2);
    expect(two.hasNode('state:germany')).toBe(true);
    expect(two.hasNode('place:kyiv')).toBe(false);
    // Only the articles its nodes come from.
    expect(
      one
        .getAttribute('articles')
        .map((a) => a.id)
        .sort(),
    ).toEqual(['a1', 'a2', 'a3', 'a4']);
    expect(
      query
        .ego('Kyiv', 3)
        .getAttribute('articles')
        .map((a) => a.id),
    ).toEqual(['a3']);
  });

  it('ranks by PageRank with scores summing to one', () => {
    const ranked = query.topByPagerank(100);
    expect(ranked).toHaveLength(query.graph.order);
    expect(ranked.reduce((s, r) => s + r.score, 0)).toBeCloseTo(1, 6);
  });

  it('finds the same Louvain communities on every run, each node in one', () => {
    const a = query.communities();
    const b = new GraphQuery(loadFixture()).communities();
    expect(b).toEqual(a);
    const members = a.communities.flatMap((c) => c.members.map((m) => m.id));
    expect(members.sort()).toEqual(
      query.graph
        .nodes()
        .filter((n) => query.graph.degree(n) > 0)
        .concat(query.graph.nodes().filter((n) => query.graph.degree(n) === 0))
        .sort(),
    );
    // Germany and its chancellor belong together.
    const community = (id: string) => a.communities.find((c) => c.members.some((m) => m.id === id))!.id;
    expect(community('person:olaf-scholz')).toBe(community('state:germany'));
  });
});
