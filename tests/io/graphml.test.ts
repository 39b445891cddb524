import graphology from 'graphology';
import graphml from 'graphology-graphml';
import { describe, expect, it } from 'vitest';
import type { NewsGraph } from '../../src/graph/types.js';
import { writeGraphml } from '../../src/io/graphml.js';
import {
  KNOWLEDGE_EDGE,
  loadFixture,
  loadFixtureWithBasis,
  QUALIFIED_EDGE,
  QUALIFIERS,
  TEXT_EDGE,
  xmlSyntaxErrors,
} from './helpers.js';
import { seedGraph } from './seed-graph.js';

const { MultiDirectedGraph } = graphology;

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g;

/** GraphML keeps lists and objects as JSON strings: decode them to compare with the original. */
function decoded(value: unknown): unknown {
  if (typeof value === 'string' && /^[[{]/.test(value)) return JSON.parse(value);
  return value;
}

function readBack(graph: NewsGraph): ReturnType<typeof graphml.parse> {
  return graphml.parse(MultiDirectedGraph, writeGraphml(graph));
}

describe('GraphML export', () => {
  const graph = loadFixture();
  const back = readBack(graph);

  it('declares typed keys and directed edges', () => {
    const text = writeGraphml(graph);
    expect(text).toContain('edgedefault="directed"');
    expect(text).toContain('<key id="v_mentions" for="node" attr.name="mentions" attr.type="int"/>');
    expect(text).toContain('<key id="e_confidence" for="edge" attr.name="confidence" attr.type="double"/>');
    expect(text).toContain('<key id="e_weight" for="edge" attr.name="weight" attr.type="int"/>');
    expect(text).toContain('<key id="v_aliases" for="node" attr.name="aliases" attr.type="string"/>');
  });

  it('is well-formed XML by an independent parser (libxml2), which does reject broken XML', async () => {
    expect(await xmlSyntaxErrors(writeGraphml(graph))).toEqual([]);
    expect((await xmlSyntaxErrors('<graphml><graph></graphml>')).join('\n')).toMatch(/mismatch/);
  });

  it('reads back through graphology-graphml with the same nodes, edges and attributes', () => {
    expect(back.type).toBe('directed');
    expect(back.order).toBe(graph.order);
    expect(back.size).toBe(graph.size);
    graph.forEachNode((node, a) => {
      const b = back.getNodeAttributes(node);
      for (const [name, value] of Object.entries(a)) expect(decoded(b[name]), `${node}.${name}`).toEqual(value);
    });
    graph.forEachEdge((edge, a, source, target) => {
      expect(back.source(edge)).toBe(source);
      expect(back.target(edge)).toBe(target);
      const b = back.getEdgeAttributes(edge);
      for (const [name, value] of Object.entries(a)) expect(decoded(b[name]), `${edge}.${name}`).toEqual(value);
    });
  });

  it('keeps the graph attributes, the article list as JSON', () => {
    expect(back.getAttribute('schema')).toBe('newsgraph/1');
    expect(decoded(back.getAttribute('articles'))).toEqual(graph.getAttribute('articles'));
  });

  it('escapes news text: quotes, ampersands, angle brackets, newlines; drops what XML forbids in plain strings', async () => {
    expect(back.getNodeAttribute('organisation:cafe-le-zinc', 'label')).toBe('Café "Le Zinc" & <Bar>');
    // Inside JSON the control character is an escape sequence, so even it survives.
    expect(decoded(back.getNodeAttribute('organisation:cafe-le-zinc', 'aliases'))).toEqual([
      'Le Zinc\u0007',
      'Zinc, the café',
    ]);
    const g = loadFixture();
    g.setNodeAttribute('state:spain', 'label', 'Spain\u0001\u001b & Co\nnext line');
    expect(await xmlSyntaxErrors(writeGraphml(g))).toEqual([]);
    expect(readBack(g).getNodeAttribute('state:spain', 'label')).toBe(
      'Spain\u0001\u001b & Co\nnext line'.replace(CONTROL, ''),
    );
  });

  it('reads back the seed graph built through the real pipeline', async () => {
    const seed = await seedGraph();
    expect(await xmlSyntaxErrors(writeGraphml(seed))).toEqual([]);
    const b = readBack(seed);
    expect(new Set(b.nodes())).toEqual(new Set(seed.nodes()));
    expect(new Set(b.edges())).toEqual(new Set(seed.edges()));
    seed.forEachEdge((edge, a) => expect(decoded(b.getEdgeAttribute(edge, 'evidence'))).toEqual(a.evidence));
  });
});

describe('GraphML export of edge basis and qualifiers', () => {
  const graph = loadFixtureWithBasis();
  const text = writeGraphml(graph);
  const back = graphml.parse(MultiDirectedGraph, text);

  it('declares basis and qualifiers as string edge keys', () => {
    expect(text).toContain('<key id="e_basis" for="edge" attr.name="basis" attr.type="string"/>');
    expect(text).toContain('<key id="e_qualifiers" for="edge" attr.name="qualifiers" attr.type="string"/>');
  });

  it('is well-formed and reads back each edge basis, a missing basis as text', async () => {
    expect(await xmlSyntaxErrors(text)).toEqual([]);
    expect(back.getEdgeAttribute(KNOWLEDGE_EDGE, 'basis')).toBe('knowledge');
    expect(back.getEdgeAttribute(TEXT_EDGE, 'basis')).toBe('text');
    graph.forEachEdge((edge, a) => expect(back.getEdgeAttribute(edge, 'basis'), edge).toBe(a.basis ?? 'text'));
  });

  it('declares former as a boolean key and reads it back on every edge', () => {
    expect(text).toContain('<key id="e_former" for="edge" attr.name="former" attr.type="boolean"/>');
    graph.forEachEdge((edge) => expect(back.getEdgeAttribute(edge, 'former'), edge).toBe(edge === QUALIFIED_EDGE));
  });

  it('reads back qualifiers as a JSON string, and none where the edge has none', () => {
    expect(JSON.parse(back.getEdgeAttribute(QUALIFIED_EDGE, 'qualifiers') as string)).toEqual(QUALIFIERS);
    graph.forEachEdge((edge, a) => {
      if (!a.qualifiers) expect(back.getEdgeAttribute(edge, 'qualifiers'), edge).toBeUndefined();
    });
  });

  it('declares both keys for a graph written before they existed, with basis text on every edge', () => {
    const old = loadFixture();
    old.forEachEdge((_e, a) => expect(a.basis).toBeUndefined());
    const oldText = writeGraphml(old);
    expect(oldText).toContain('attr.name="basis" attr.type="string"');
    expect(oldText).toContain('attr.name="qualifiers" attr.type="string"');
    const b = graphml.parse(MultiDirectedGraph, oldText);
    expect(new Set(b.mapEdges((_e, a) => a.basis))).toEqual(new Set(['text']));
  });
});
