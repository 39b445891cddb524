/** The viewer's exploration logic without a browser: reduce filters, shortest paths, URL state. */

import { MultiDirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { computeVisibility } from '../../viewer/src/filters.js';
import type { ViewerGraph } from '../../viewer/src/model.js';
import { shortestPaths } from '../../viewer/src/paths.js';
import { emptyFilters } from '../../viewer/src/state.js';
import { decodeView, encodeView } from '../../viewer/src/url.js';

/** a-b-c-h is a chain, d-e-f a triangle, g alone; b and d are joined by a weak 'meets'. */
function sample(withBridge = false): ViewerGraph {
  const graph: ViewerGraph = new MultiDirectedGraph({ allowSelfLoops: false });
  for (const key of ['a', 'b', 'c', 'h', 'd', 'e', 'f', 'g']) {
    graph.addNode(key, {
      label: key.toUpperCase(),
      kind: 'person',
      aliases: [],
      mentions: 1,
      articles: [],
      rules: [],
      examples: [],
      x: 0,
      y: 0,
    });
  }
  const link = (source: string, target: string, relation = 'supports', confidence = 0.9, basis?: string) =>
    graph.addEdgeWithKey(`${source}|${relation}|${target}`, source, target, {
      relation,
      label: relation,
      weight: 1,
      confidence,
      evidence: [],
      rules: [],
      ...(basis ? { basis } : {}),
    } as never);
  link('a', 'b');
  link('b', 'c');
  link('c', 'h', 'member-of', 0.9, 'knowledge');
  link('d', 'e');
  link('e', 'f');
  link('f', 'd', 'opposes');
  if (withBridge) link('b', 'd', 'meets', 0.3);
  return graph;
}

const visible = (graph: ViewerGraph, change: Partial<ReturnType<typeof emptyFilters>>) =>
  [...computeVisibility(graph, { ...emptyFilters(), ...change }, new Map()).nodes].sort();

describe('reduce filters', () => {
  it('hide unconnected, minimum degree, k-core and largest component', () => {
    const graph = sample();
    expect(visible(graph, {})).toHaveLength(8);
    expect(visible(graph, { hideUnconnected: true })).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'h']);
    expect(visible(graph, { minDegree: 2 })).toEqual(['b', 'c', 'd', 'e', 'f']);
    // The 2-core peels the chain away entirely (a, then b... ), the triangle stays.
    expect(visible(graph, { kCore: 2 })).toEqual(['d', 'e', 'f']);
    expect(visible(graph, { largestComponent: true })).toEqual(['a', 'b', 'c', 'h']);
  });

  it('the basis filter hides knowledge relations; a missing basis counts as text', () => {
    const graph = sample();
    const { edges } = computeVisibility(graph, { ...emptyFilters(), hiddenBases: new Set(['knowledge']) }, new Map());
    expect([...edges].sort()).toEqual(['a|supports|b', 'b|supports|c', 'd|supports|e', 'e|supports|f', 'f|opposes|d']);
    const text = computeVisibility(graph, { ...emptyFilters(), hiddenBases: new Set(['text']) }, new Map());
    expect([...text.edges]).toEqual(['c|member-of|h']);
  });
});

describe('shortest paths', () => {
  it('lists every shortest path, either direction, within the limits', () => {
    const graph = sample(true);
    const all = new Set(graph.edges());
    const found = shortestPaths(graph, 'a', 'e', all, { relations: new Set(), minConfidence: 0 });
    expect(found.length).toBe(3);
    expect(found.paths).toEqual([['a', 'b', 'd', 'e']]);
    const both = shortestPaths(graph, 'a', 'f', all, { relations: new Set(), minConfidence: 0 });
    expect(both.paths).toEqual([['a', 'b', 'd', 'f']]); // d-f is reached against the direction of f->d
    expect(shortestPaths(graph, 'a', 'e', all, { relations: new Set(), minConfidence: 0.5 }).length).toBeNull();
    expect(
      shortestPaths(graph, 'a', 'e', all, { relations: new Set(['supports']), minConfidence: 0 }).length,
    ).toBeNull();
    expect(shortestPaths(graph, 'a', 'g', all, { relations: new Set(), minConfidence: 0 }).paths).toEqual([]);
  });
});

describe('URL state', () => {
  it('leaves defaults out and restores focus and reduce filters', () => {
    const filters = emptyFilters(2000);
    expect(filters.hideUnconnected).toBe(true);
    const base = { selected: null, colorMode: 'kind', sizeMode: 'degree', camera: null } as const;
    expect(encodeView({ ...base, filters, focus: null }, 2000)).toBe('');
    filters.hideUnconnected = false;
    filters.kCore = 3;
    filters.largestComponent = true;
    const hash = encodeView({ ...base, filters, focus: { node: 'state:x', hops: 2 } }, 2000);
    expect(hash).toBe('focus=state%3Ax&hops=2&unconnected=show&largest=1&kcore=3');
    const view = decodeView(`#${hash}`, 2000);
    expect(view.focus).toEqual({ node: 'state:x', hops: 2 });
    expect(view.filters).toMatchObject({ hideUnconnected: false, kCore: 3, largestComponent: true, minDegree: 0 });
    expect(decodeView('#kcore=-4&minDegree=abc&hops=9&focus=n', 10).filters).toMatchObject({ kCore: 0, minDegree: 0 });
    expect(decodeView('#focus=n&hops=9', 10).focus).toEqual({ node: 'n', hops: 1 });
  });
});
