import graphology from 'graphology';
import gexf from 'graphology-gexf';
import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { KIND_COLORS, relationColor } from '../../src/graph/palette.js';
import type { NewsGraph } from '../../src/graph/types.js';
import { writeGexf } from '../../src/io/gexf.js';
import { validateGexf } from '../helpers/relaxng.js';
import { KNOWLEDGE_EDGE, loadFixture, loadFixtureWithBasis, QUALIFIED_EDGE, QUALIFIERS, TEXT_EDGE } from './helpers.js';
import { seedGraph } from './seed-graph.js';

const { MultiDirectedGraph } = graphology;

async function exportAndValidate(graph: NewsGraph): Promise<string> {
  const text = writeGexf(graph, { now: new Date('2024-05-01T12:00:00Z') });
  expect(await validateGexf(text)).toEqual([]);
  return text;
}

/** The few DOM members the assertions use (the project's TypeScript lib has no DOM types). */
interface XmlElement {
  tagName: string;
  nodeType: number;
  getAttribute(name: string): string | null;
  childNodes: ArrayLike<XmlElement>;
}

function elements(text: string, tag: string): XmlElement[] {
  const doc = new DOMParser().parseFromString(text, 'text/xml');
  return Array.from(doc.getElementsByTagName(tag) as unknown as ArrayLike<XmlElement>);
}

describe('GEXF export of a hand-made graph', () => {
  const graph = loadFixture();
  const text = writeGexf(graph, { now: new Date('2024-05-01T12:00:00Z') });
  const back = gexf.parse(MultiDirectedGraph, text);

  it('is valid against the GEXF 1.3 RelaxNG grammar', async () => {
    expect(await validateGexf(text)).toEqual([]);
  });

  it('reads back through graphology-gexf with the same nodes and edges', () => {
    expect(back.order).toBe(graph.order);
    expect(back.size).toBe(graph.size);
    expect(new Set(back.nodes())).toEqual(new Set(graph.nodes()));
    graph.forEachEdge((edge, _a, source, target) => {
      expect(back.hasEdge(edge)).toBe(true);
      expect(back.source(edge)).toBe(source);
      expect(back.target(edge)).toBe(target);
    });
  });

  it('keeps node attributes typed: kind, aliases as a list, mentions and article count as numbers', () => {
    graph.forEachNode((node, a) => {
      const b = back.getNodeAttributes(node);
      expect(b.label).toBe(a.label);
      expect(b.kind).toBe(a.kind);
      expect(b.mentions).toBe(a.mentions);
      expect(b.article_count).toBe(a.articles.length);
      // Control characters cannot exist in XML 1.0; every other character of every alias survives.
      const expected = a.aliases.map((alias) => alias.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, ''));
      expect(b.aliases ?? []).toEqual(expected);
    });
    expect(back.getNodeAttribute('organisation:cafe-le-zinc', 'aliases')).toEqual(['Le Zinc', 'Zinc, the café']);
  });

  it('keeps edge relation, confidence and weight, with kind and label set to the relation', () => {
    graph.forEachEdge((edge, a) => {
      const b = back.getEdgeAttributes(edge);
      expect(b.relation).toBe(a.relation);
      expect(b.kind).toBe(a.relation);
      expect(b.label).toBe(a.relation);
      expect(b.confidence).toBeCloseTo(a.confidence, 10);
      expect(b.weight).toBe(a.weight);
      expect(b.evidence_count).toBe(a.evidence.length);
      expect(b.sentence).toBe(a.evidence[0]!.sentence);
    });
  });

  it('keeps two edges of different relations between the same pair apart', () => {
    const pair = back
      .edges('person:ursula-von-der-leyen', 'organisation:european-union')
      .map((e) => back.getEdgeAttribute(e, 'kind'));
    expect(pair.sort()).toEqual(['member-of', 'speaks-for']);
  });

  it('colours nodes by kind and edges by relation from the shared palette, sizes by degree', () => {
    graph.forEachNode((node, a) => expect(back.getNodeAttribute(node, 'color')).toBe(KIND_COLORS[a.kind]));
    graph.forEachEdge((edge, a) => expect(back.getEdgeAttribute(edge, 'color')).toBe(relationColor(a.relation)));
    // The most connected entity is drawn largest.
    const sizes = back.mapNodes((node, a) => ({ node, size: a.size as number }));
    const largest = sizes.reduce((x, y) => (y.size > x.size ? y : x));
    const maxDegree = Math.max(...graph.mapNodes((n) => graph.degree(n)));
    expect(graph.degree(largest.node)).toBe(maxDegree);
  });

  it('writes positions from the layout, all finite and not all the same', () => {
    const xs = back.mapNodes((_n, a) => a.x as number);
    const ys = back.mapNodes((_n, a) => a.y as number);
    expect([...xs, ...ys].every(Number.isFinite)).toBe(true);
    expect(new Set(xs.map((x, i) => `${x},${ys[i]}`)).size).toBe(graph.order);
  });

  it('writes a valid <meta> with creator, description, keywords and lastmodifieddate only', () => {
    const [meta] = elements(text, 'meta');
    expect(meta!.getAttribute('lastmodifieddate')).toBe('2024-05-01');
    const children = Array.from(meta!.childNodes)
      .filter((n) => n.nodeType === 1)
      .map((n) => n.tagName);
    expect(children.sort()).toEqual(['creator', 'description', 'keywords']);
    expect(text).not.toContain('schemaLocation');
  });

  it('plays as a timeline: dynamic, dated, each node and edge starting on its first article date', () => {
    const [graphElement] = elements(text, 'graph');
    expect(graphElement!.getAttribute('mode')).toBe('dynamic');
    expect(graphElement!.getAttribute('timeformat')).toBe('date');
    const nodeStarts = new Map(elements(text, 'node').map((n) => [n.getAttribute('id'), n.getAttribute('start')]));
    expect(nodeStarts.get('person:olaf-scholz')).toBe('2024-02-12'); // a1 (2024-02-12T09:30Z) and a2
    expect(nodeStarts.get('state:france')).toBe('2024-02-14');
    expect(nodeStarts.get('person:ursula-von-der-leyen')).toBe('2024-03-01');
    // Kyiv is only in an undated article: no start, it is there from the beginning.
    expect(nodeStarts.get('place:kyiv')).toBeNull();
    // The EU is in a1, a3 (undated) and a4: the earliest date counts.
    expect(nodeStarts.get('organisation:european-union')).toBe('2024-02-12');
    const edgeStarts = new Map(elements(text, 'edge').map((e) => [e.getAttribute('id'), e.getAttribute('start')]));
    expect(edgeStarts.get('state:germany|supports|state:ukraine')).toBe('2024-02-12');
    expect(edgeStarts.get('state:france|supports|state:ukraine')).toBe('2024-02-14');
    expect(edgeStarts.get('state:spain|supports|state:ukraine')).toBeNull();
  });

  it('escapes labels from news text: quotes, ampersands, angle brackets', () => {
    expect(back.getNodeAttribute('organisation:cafe-le-zinc', 'label')).toBe('Café "Le Zinc" & <Bar>');
  });
});

describe('GEXF export of edge basis and qualifiers', () => {
  const graph = loadFixtureWithBasis();
  const text = writeGexf(graph, { now: new Date('2024-05-01T12:00:00Z') });
  const back = gexf.parse(MultiDirectedGraph, text);

  it('declares basis and qualifiers as string edge attributes and stays valid GEXF 1.3', async () => {
    expect(await validateGexf(text)).toEqual([]);
    const edgeDeclarations = elements(text, 'attributes').find((a) => a.getAttribute('class') === 'edge')!;
    const declared = Array.from(edgeDeclarations.childNodes)
      .filter((n) => n.nodeType === 1)
      .map((n) => [n.getAttribute('id'), n.getAttribute('type')]);
    expect(declared).toEqual(
      expect.arrayContaining([
        ['basis', 'string'],
        ['qualifiers', 'string'],
        ['former', 'boolean'],
      ]),
    );
  });

  it('reads back former as a boolean: true on the former role, the declared default false elsewhere', () => {
    expect(back.getEdgeAttribute(QUALIFIED_EDGE, 'former')).toBe(true);
    graph.forEachEdge((edge) => {
      if (edge !== QUALIFIED_EDGE) expect(back.getEdgeAttribute(edge, 'former') ?? false, edge).toBe(false);
    });
  });

  it('reads back each edge basis, a missing basis as text', () => {
    expect(back.getEdgeAttribute(KNOWLEDGE_EDGE, 'basis')).toBe('knowledge');
    expect(back.getEdgeAttribute(TEXT_EDGE, 'basis')).toBe('text');
    graph.forEachEdge((edge, a) => expect(back.getEdgeAttribute(edge, 'basis'), edge).toBe(a.basis ?? 'text'));
  });

  it('reads back qualifiers as a JSON string, and none where the edge has none', () => {
    expect(JSON.parse(back.getEdgeAttribute(QUALIFIED_EDGE, 'qualifiers') as string)).toEqual(QUALIFIERS);
    graph.forEachEdge((edge, a) => {
      if (!a.qualifiers) expect(back.getEdgeAttribute(edge, 'qualifiers'), edge).toBeUndefined();
    });
  });

  it('stays valid with qualifiers holding characters XML forbids, and an empty qualifier map is left out', async () => {
    const g = loadFixtureWithBasis();
    g.setEdgeAttribute(QUALIFIED_EDGE, 'qualifiers', { issue: 'bell\u0007 \uFFFF end' });
    g.setEdgeAttribute(TEXT_EDGE, 'qualifiers', {});
    const b = gexf.parse(MultiDirectedGraph, await exportAndValidate(g));
    // The control character survives as a JSON escape; U+FFFF cannot be written and is dropped.
    expect(JSON.parse(b.getEdgeAttribute(QUALIFIED_EDGE, 'qualifiers') as string)).toEqual({
      issue: 'bell\u0007  end',
    });
    expect(b.getEdgeAttribute(TEXT_EDGE, 'qualifiers')).toBeUndefined();
  });
});

describe('GEXF export edge cases', () => {
  it('is needed: graphology-gexf alone writes a file the GEXF 1.3 grammar rejects', async () => {
    const graph = loadFixture();
    // Without the list-of-objects attributes, which make the stock writer throw outright.
    graph.updateEachNodeAttributes((_n, a) => ({ ...a, examples: [] }));
    graph.updateEachEdgeAttributes((_e, a) => ({ ...a, evidence: [] }));
    // ... and without the control character, which it writes as is, so the file would not even be XML.
    graph.setNodeAttribute('organisation:cafe-le-zinc', 'aliases', ['Le Zinc']);
    // Graph attributes become elements <meta> may not hold; xsi:schemaLocation is not in the grammar.
    expect((await validateGexf(gexf.write(graph, { version: '1.3' }))).join('\n')).toMatch(/Relax-NG validity error/);
  });

  it('writes a static graph without start dates when no article is dated', async () => {
    const graph = loadFixture();
    graph.setAttribute(
      'articles',
      graph.getAttribute('articles').map((a) => ({ ...a, published: null })),
    );
    const text = await exportAndValidate(graph);
    expect(elements(text, 'graph')[0]!.getAttribute('mode')).toBe('static');
    expect(text).not.toMatch(/<(node|edge) [^>]*start=/);
  });

  it('writes the same graph without indentation (the default for large graphs), equally valid', async () => {
    const graph = loadFixture();
    const text = writeGexf(graph, { pretty: false });
    expect(await validateGexf(text)).toEqual([]);
    expect(text.split('\n').length).toBeLessThanOrEqual(2);
    const back = gexf.parse(MultiDirectedGraph, text);
    expect(new Set(back.edges())).toEqual(new Set(graph.edges()));
  });

  it('keeps positions a graph already has instead of running a layout', async () => {
    const graph = loadFixture();
    graph.forEachNode((node, _a) => {
      graph.mergeNodeAttributes(node, { x: graph.degree(node) * 10, y: -graph.degree(node) });
    });
    const back = gexf.parse(MultiDirectedGraph, await exportAndValidate(graph));
    graph.forEachNode((node, a) => {
      expect(back.getNodeAttribute(node, 'x')).toBe(a.x);
      expect(back.getNodeAttribute(node, 'y')).toBe(a.y);
    });
  });

  it('writes a valid file for an empty graph and for a single node', async () => {
    const empty: NewsGraph = new MultiDirectedGraph({ allowSelfLoops: false });
    empty.replaceAttributes({ schema: 'newsgraph/1', createdWith: 'test', articles: [] });
    await exportAndValidate(empty);
    empty.addNode('topic:inflation', {
      label: 'inflation',
      kind: 'topic',
      aliases: [],
      mentions: 1,
      articles: [],
      rules: [],
      examples: [],
    });
    // A file without edges has no edge type to infer, so the reader is told to keep the graph's own type.
    const back = gexf.parse(MultiDirectedGraph, await exportAndValidate(empty), { respectInputGraphType: true });
    expect(back.nodes()).toEqual(['topic:inflation']);
  });

  it('drops characters XML forbids from labels and sentences but keeps the rest', async () => {
    const graph = loadFixture();
    graph.setNodeAttribute('state:spain', 'label', 'Spain\u0001 \u001b[31m(red)');
    graph.updateEdgeAttribute('state:spain|supports|state:ukraine', 'evidence', (evidence) => [
      { ...evidence![0]!, sentence: 'Tab\there, bell\u0007, lone \uD800 surrogate & "quotes".' },
    ]);
    const back = gexf.parse(MultiDirectedGraph, await exportAndValidate(graph));
    expect(back.getNodeAttribute('state:spain', 'label')).toBe('Spain [31m(red)');
    expect(back.getEdgeAttribute('state:spain|supports|state:ukraine', 'sentence')).toBe(
      'Tab\there, bell, lone  surrogate & "quotes".',
    );
  });
});

describe('GEXF export of a graph built from the seed article through the real pipeline', () => {
  it('validates and reads back with the same nodes, edges and attributes', async () => {
    const graph = await seedGraph();
    const text = await exportAndValidate(graph);
    const back = gexf.parse(MultiDirectedGraph, text);
    expect(new Set(back.nodes())).toEqual(new Set(graph.nodes()));
    expect(new Set(back.edges())).toEqual(new Set(graph.edges()));
    graph.forEachNode((node, a) => {
      expect(back.getNodeAttribute(node, 'kind')).toBe(a.kind);
      expect(back.getNodeAttribute(node, 'mentions')).toBe(a.mentions);
    });
    graph.forEachEdge((edge, a) => {
      expect(back.getEdgeAttribute(edge, 'relation')).toBe(a.relation);
      expect(back.getEdgeAttribute(edge, 'confidence')).toBeCloseTo(a.confidence, 10);
    });
  });
});
