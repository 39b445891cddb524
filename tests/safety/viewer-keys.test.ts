/**
 * Issue 18, the viewer's side of hostile keys (no browser needed): a graph whose keys are `__proto__`,
 * `constructor` or hold control characters loads, gets communities and PageRank sizes, and exports with the file's
 * own keys, as GEXF that the 1.3 grammar accepts.
 */
import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { NewsGraph } from '../../src/graph/types.js';
import { validateGexf } from '../helpers/relaxng.js';
import { fixtureData, renameNodes } from './helpers.js';

const NAMES = {
  'person:olaf-scholz': '__proto__',
  'state:germany': 'constructor',
  'state:france': 'hasOwnProperty',
  'state:spain': '\u0000constructor',
  'place:kyiv': 'k\u001by',
};

/**
 * The viewer's modules, typed here by what the test uses: they are compiled by the viewer's own tsconfig (bundler
 * resolution), which the project's tsconfig for tests cannot resolve.
 */
interface ViewerModules {
  parseGraphText(text: string, source: string): { graph: NewsGraph };
  computeCommunities(graph: NewsGraph): { of: Map<string, number>; count: number };
  filteredGraph(graph: NewsGraph, nodes: ReadonlySet<string>, edges: ReadonlySet<string>): NewsGraph;
  gexfText(graph: NewsGraph, visuals: { color(node: string): string; size(node: string): number }): string;
}

async function viewerModules(): Promise<ViewerModules> {
  // graphology-gexf's browser build makes a DOMParser when it loads (for reading, which this test does not use).
  const globals = globalThis as { DOMParser?: unknown; Document?: unknown };
  globals.DOMParser ??= DOMParser;
  globals.Document ??= class Document {};
  const paths = ['../../viewer/src/load.js', '../../viewer/src/appearance.js', '../../viewer/src/graph-export.js'];
  const modules = await Promise.all(
    paths.map((path) => import(/* @vite-ignore */ path) as Promise<Partial<ViewerModules>>),
  );
  return Object.assign({}, ...modules) as ViewerModules;
}

describe('the viewer with keys that are data', () => {
  it('loads, computes communities, and exports the file keys as valid GEXF', async () => {
    const { parseGraphText, computeCommunities, filteredGraph, gexfText } = await viewerModules();
    const data = renameNodes(fixtureData(), NAMES);
    const { graph } = parseGraphText(JSON.stringify(data), 'proto.json');
    expect(graph.order).toBe(data.nodes.length);
    expect(graph.size).toBe(data.edges.length);

    const communities = computeCommunities(graph);
    graph.forEachNode((node) => expect(communities.of.has(node)).toBe(true));
    expect(communities.count).toBeGreaterThan(0);

    const copy = filteredGraph(graph, new Set(graph.nodes()), new Set(graph.edges()));
    expect(new Set(copy.nodes())).toEqual(new Set(data.nodes.map((n) => n.key)));
    expect(copy.hasEdge('__proto__', 'constructor')).toBe(true);
    expect(copy.outDegree('constructor')).toBe(data.edges.filter((e) => e.source === 'constructor').length);

    const xml = gexfText(copy, { color: () => '#123456', size: () => 4 });
    expect(await validateGexf(xml)).toEqual([]);
    expect(xml).toContain('id="__proto__"');
    expect(xml).toContain('id="k_x001B_y"');
  });
});
