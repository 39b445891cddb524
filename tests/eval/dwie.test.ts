import { describe, expect, it } from 'vitest';
import { type DwieDocument, dwieDocumentText, scoreDwieEntities } from '../../src/eval/dwie.js';

const mention = (name: string, type: string) => ({ name, type, pos: [0, 1] as [number, number], sent_id: 0 });

const DOC: DwieDocument = {
  title: 'test',
  sents: [['Germany', "'s", 'Merkel', 'met', 'EU', 'leaders', '.', '\n', 'German', 'firms', 'agreed', '.']],
  vertexSet: [
    [mention('Germany', 'type::location')],
    [mention('Merkel', 'type::person'), mention('Angela Merkel', 'type::person')],
    [mention('EU', 'type::organization'), mention('European Union', 'type::organization')],
    [mention('German', 'type::other')],
  ],
  labels: [],
};

const entity = (id: string, label: string, kind: string, aliases: string[] = [], mentions: string[] = []) => ({
  id,
  label,
  kind: kind as 'person',
  aliases,
  mentions: mentions.map((text) => ({ start: 0, end: text.length, text })),
});

describe('scoreDwieEntities', () => {
  it('matches clusters by any name, counts a second entity on a cluster as a false positive', () => {
    const r = scoreDwieEntities(DOC, [
      entity('a', 'Angela Merkel', 'person'),
      entity('b', 'European Union', 'organisation', ['EU']),
      entity('c', 'Merkel', 'person'),
      entity('d', 'Bonn', 'place'),
    ]);
    expect(r.tp).toBe(2);
    expect(r.fp).toBe(2);
    expect(r.fn).toBe(1);
    expect(r.misses).toEqual(['Germany (location)']);
  });

  it('does not count an entity that matches only a cluster of another type, nor topics', () => {
    const r = scoreDwieEntities(DOC, [
      entity('g', 'Germany', 'state', [], ['German']),
      entity('x', 'France', 'state', [], ['German']),
      entity('t', 'trade', 'topic'),
    ]);
    // "Germany" claims the location cluster; "France" (mentioned as "German") matches only the "other" cluster.
    expect(r.tp).toBe(1);
    expect(r.fp).toBe(0);
  });
});

describe('scoreDwieEntities: one count per node, kinds must agree', () => {
  const doc: DwieDocument = {
    ...DOC,
    vertexSet: [
      [mention('Lisbon', 'type::location')],
      [mention('Benfica', 'type::organization'), mention('Benfica Lisbon', 'type::organization')],
      [mention('Sporting', 'type::organization')],
      [mention('Porto', 'type::location')],
      [mention('Porto FC', 'type::organization')],
      [mention('Portuguese', 'type::ethnicity')],
    ],
  };
  const cases: Array<{
    name: string;
    nodes: ReturnType<typeof entity>[];
    tp: number;
    fp: number;
    fn: number;
    reasons: string[];
  }> = [
    {
      name: 'a node of the wrong kind is a false positive and leaves its cluster missed',
      nodes: [entity('a', 'Lisbon', 'place'), entity('b', 'Benfica', 'place')],
      tp: 1,
      fp: 1,
      fn: 4,
      reasons: ['wrong kind'],
    },
    {
      name: 'the node labelled like a cluster claims it first; a second node is a duplicate',
      nodes: [entity('a', 'Benfica Lisbon', 'organisation', ['Benfica']), entity('b', 'Benfica', 'organisation')],
      tp: 1,
      fp: 1,
      fn: 4,
      reasons: ['duplicate'],
    },
    {
      name: 'a node naming two clusters of its kind claims one and covers the other (counted once, neither missed)',
      nodes: [entity('a', 'Sporting', 'organisation', ['Porto FC'])],
      tp: 1,
      fp: 0,
      fn: 3,
      reasons: [],
    },
    {
      name: 'a node naming only an unscored cluster is not counted; one naming nothing is junk',
      nodes: [entity('a', 'Portuguese', 'place'), entity('b', 'Meanwhile', 'organisation')],
      tp: 0,
      fp: 1,
      fn: 5,
      reasons: ['junk'],
    },
    {
      name: 'state and place both count as location; topics are not scored',
      nodes: [entity('a', 'Lisbon', 'state'), entity('b', 'Porto', 'place'), entity('c', 'Sporting', 'topic')],
      tp: 2,
      fp: 0,
      fn: 3,
      reasons: [],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = scoreDwieEntities(doc, c.nodes);
      expect([r.tp, r.fp, r.fn]).toEqual([c.tp, c.fp, c.fn]);
      expect(r.falsePositives.map((f) => f.reason)).toEqual(c.reasons);
    });
  }
});

describe('dwieDocumentText', () => {
  it('joins tokens with single spaces and keeps line breaks', () => {
    expect(dwieDocumentText(DOC)).toBe("Germany 's Merkel met EU leaders .\n German firms agreed .");
  });

  it('joins the hyphen of a hyphenated name back, but not a dash or a lower-case compound', () => {
    const doc = {
      ...DOC,
      sents: [
        [
          'Frank',
          '-',
          'Walter',
          'Steinmeier',
          'met',
          'al',
          '-',
          'Assad',
          '-',
          'a',
          'long',
          '-',
          'awaited',
          'talk',
          '.',
        ],
      ],
    };
    expect(dwieDocumentText(doc)).toBe('Frank-Walter Steinmeier met al-Assad - a long - awaited talk .');
  });
});
