import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nodeKey } from '../../src/contract/keys.js';
import { extract } from '../../src/extract/index.js';
import type { EntityKind, Extraction } from '../../src/extract/types.js';
import { buildGraph } from '../../src/graph/build.js';
import type { NewsGraph } from '../../src/graph/types.js';

/** A hand-made extraction: entities as [label, kind, aliases], relations as [source label, relation, target label]. */
function article(
  id: string,
  entities: Array<[string, EntityKind, string[]?]>,
  relations: Array<[string, string, string]> = [],
): Extraction {
  const idOf = (label: string) => {
    const e = entities.find(([l]) => l === label)!;
    return nodeKey(e[1], e[0]);
  };
  return {
    articleId: id,
    file: `${id}.txt`,
    article: { title: null, source: null, published: null, url: null },
    entities: entities.map(([label, kind, aliases]) => ({
      id: nodeKey(kind, label),
      label,
      kind,
      aliases: aliases ?? [],
      mentions: [{ start: 0, end: label.length, text: label }],
      rules: ['test'],
    })),
    relations: relations.map(([s, relation, t]) => ({
      source: idOf(s),
      target: idOf(t),
      relation,
      confidence: 0.8,
      rules: ['test'],
      evidence: [{ start: 0, end: 10, text: `${s} ${relation} ${t}` }],
    })),
  };
}

const SYNTHETIC: Extraction[] = [
  article('a1', [
    ['Jane Hale', 'person', ['Hale']],
    ['Bayern Munich', 'organisation'],
    ['Syria crisis', 'topic'],
  ]),
  article(
    'a2',
    [
      ['Hale', 'person'],
      ['Bayern', 'organisation'],
      ['Syria conflict', 'topic'],
    ],
    [['Hale', 'member-of', 'Bayern']],
  ),
  article('a3', [
    ['Prince Charles', 'person'],
    ['Charles Brody', 'person'],
    ['Charles', 'person'],
  ]),
  article('a4', [
    ['Ann Pike', 'person'],
    ['Tom Pike', 'person'],
    ['Pike', 'person'],
  ]),
  article('a5', [
    ['Regional Forum for Trade', 'organisation', ['RFT']],
    ['RFT', 'organisation'],
    ['Mark Ode', 'person'],
    ['Mark Oden', 'person'],
  ]),
  article(
    'a6',
    [
      ['Syria crisis', 'topic'],
      ['Syria war', 'topic'],
      ['Hale', 'person'],
    ],
    [['Hale', 'speaks-for', 'Syria war']],
  ),
];

function node(graph: NewsGraph, label: string) {
  const key = graph.findNode((_, a) => a.label === label);
  return key === undefined ? undefined : { key, ...graph.getNodeAttributes(key) };
}

describe('cross-document identity', () => {
  const graph = buildGraph(SYNTHETIC);
  const cases: Array<{ name: string; gone: string; into: string; rule: string }> = [
    {
      name: 'a lone surname joins the one full name ending with it',
      gone: 'Hale',
      into: 'Jane Hale',
      rule: 'identity:surname',
    },
    {
      name: "a club's one-word short form joins its full name",
      gone: 'Bayern',
      into: 'Bayern Munich',
      rule: 'identity:short-form',
    },
    {
      name: 'an acronym another node lists as its alias joins it',
      gone: 'RFT',
      into: 'Regional Forum for Trade',
      rule: 'identity:alias',
    },
    {
      name: 'crisis, conflict and war over the same subject are one topic',
      gone: 'Syria conflict',
      into: 'Syria crisis',
      rule: 'identity:topic-synonym',
    },
  ];
  it.each(cases)('$name', ({ gone, into, rule }) => {
    expect(node(graph, gone)).toBeUndefined();
    const survivor = node(graph, into)!;
    expect(survivor.aliases).toContain(gone);
    expect(survivor.rules).toContain(rule);
  });

  it('moves the merged node edges to the survivor', () => {
    const hale = node(graph, 'Jane Hale')!;
    const bayern = node(graph, 'Bayern Munich')!;
    expect(graph.hasEdge(`${hale.key}|member-of|${bayern.key}`)).toBe(true);
    expect(node(graph, 'Jane Hale')!.articles).toEqual(['a1', 'a2', 'a6']);
  });

  const kept: Array<{ name: string; labels: string[] }> = [
    {
      name: 'never on a first name alone (a royal style and a full name sharing it stay apart)',
      labels: ['Prince Charles', 'Charles Brody', 'Charles'],
    },
    { name: 'never when the short form fits two full names', labels: ['Ann Pike', 'Tom Pike', 'Pike'] },
    { name: 'never across two different full names', labels: ['Mark Ode', 'Mark Oden'] },
  ];
  it.each(kept)('$name', ({ labels }) => {
    for (const l of labels) expect(node(graph, l), l).toBeDefined();
  });
});

describe('merging is order-independent', () => {
  const dir = 'tests/fixtures/politics';
  const real = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .flatMap((f) => extract(readFileSync(join(dir, f), 'utf8'), { id: f }));
  const all = [...SYNTHETIC, ...real];
  const summary = (g: NewsGraph) =>
    g
      .nodes()
      .sort()
      .map((k) => {
        const a = g.getNodeAttributes(k);
        return {
          k,
          label: a.label,
          kind: a.kind,
          aliases: a.aliases,
          articles: a.articles,
          rules: a.rules,
          mentions: a.mentions,
        };
      });
  const edges = (g: NewsGraph) =>
    g
      .edges()
      .sort()
      .map((e) => [e, g.getEdgeAttribute(e, 'weight'), [...g.getEdgeAttribute(e, 'rules')].sort()]);
  const reference = buildGraph(all);

  it('the same articles in any order give the same nodes and edges', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length }), (order) => {
        const g = buildGraph(order);
        expect(summary(g)).toEqual(summary(reference));
        expect(edges(g)).toEqual(edges(reference));
      }),
      { numRuns: 40, seed: 13 },
    );
  });
});
