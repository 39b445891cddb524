/**
 * How entities look: colour by kind (the shared palette, so Gephi exports match) or by Louvain community, size by
 * degree or PageRank. Computed once per graph or per mode change into plain maps the reducers read.
 */

import { UndirectedGraph } from 'graphology';
import louvain from 'graphology-communities-louvain';
import pagerank from 'graphology-metrics/centrality/pagerank';
import { kindColor, relationColor } from '../../src/graph/palette.js';
import { seededRandom } from '../../src/util/random.js';
import type { ViewerGraph } from './model.js';
import type { SizeMode } from './state.js';

export { kindColor, relationColor };

/** Tableau 10 + 2: distinct hues for communities; communities past these share a neutral grey. */
const COMMUNITY_COLORS = [
  '#4E79A7',
  '#F28E2B',
  '#E15759',
  '#76B7B2',
  '#59A14F',
  '#EDC948',
  '#B07AA1',
  '#FF9DA7',
  '#9C755F',
  '#BAB0AC',
  '#1F77B4',
  '#8C564B',
];
const OTHER_COMMUNITY_COLOR = '#C8CCD2';

interface SizeRange {
  min: number;
  max: number;
}

/** Node sizes in pixels: small graphs get room for larger discs; large graphs stay readable. */
function sizeRange(order: number): SizeRange {
  if (order > 5000) return { min: 1.5, max: 12 };
  if (order > 500) return { min: 2.5, max: 16 };
  return { min: 5, max: 22 };
}

function scores(graph: ViewerGraph, mode: SizeMode): Map<string, number> {
  const values = new Map<string, number>();
  if (mode === 'pagerank' && graph.size > 0) {
    const ranks = pagerank(graph, { getEdgeWeight: 'weight' });
    for (const [key, value] of Object.entries(ranks)) values.set(key, value);
  } else {
    graph.forEachNode((key) => values.set(key, graph.degree(key)));
  }
  return values;
}

/** Maps scores to [min, max] through a square root, so the few hubs do not dwarf everything else. */
export function computeSizes(graph: ViewerGraph, mode: SizeMode): Map<string, number> {
  const values = scores(graph, mode);
  const range = sizeRange(graph.order);
  let low = Infinity;
  let high = -Infinity;
  for (const value of values.values()) {
    low = Math.min(low, value);
    high = Math.max(high, value);
  }
  const span = high - low;
  const sizes = new Map<string, number>();
  for (const [key, value] of values) {
    const t = span > 0 ? Math.sqrt((value - low) / span) : 0.3;
    sizes.set(key, range.min + t * (range.max - range.min));
  }
  return sizes;
}

export interface Communities {
  /** node -> community index, largest community first. */
  of: Map<string, number>;
  count: number;
  modularity: number;
  /** community index -> colour. */
  color(index: number): string;
  sizes: number[];
}

/**
 * Louvain on the undirected, weighted projection: two entities are as close as the statements that join them,
 * whatever the direction or relation. Seeded, so the same graph gets the same communities.
 */
export function computeCommunities(graph: ViewerGraph): Communities {
  const projection = new UndirectedGraph();
  graph.forEachNode((key) => projection.addNode(key));
  graph.forEachEdge((_edge, attributes, source, target) => {
    const weight = attributes.weight || 1;
    projection.updateEdge(source, target, (current: { weight?: number }) => ({
      weight: (current.weight ?? 0) + weight,
    }));
  });
  const result = louvain.detailed(projection, { getEdgeWeight: 'weight', rng: seededRandom(42) });
  const sizes = new Map<number, number>();
  for (const community of Object.values(result.communities)) sizes.set(community, (sizes.get(community) ?? 0) + 1);
  const order = [...sizes].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([community]) => community);
  const rank = new Map(order.map((community, index) => [community, index]));
  const of = new Map<string, number>();
  for (const [node, community] of Object.entries(result.communities)) of.set(node, rank.get(community) ?? 0);
  return {
    of,
    count: order.length,
    modularity: result.modularity,
    sizes: order.map((community) => sizes.get(community) ?? 0),
    color: (index) =>
      (sizes.get(order[index] ?? -1) ?? 0) > 1
        ? (COMMUNITY_COLORS[index] ?? OTHER_COMMUNITY_COLOR)
        : OTHER_COMMUNITY_COLOR,
  };
}

/** Mixes a colour towards the background: used to fade what is not highlighted. */
export const FADED_NODE_COLOR = '#E3E6EB';
export const FADED_EDGE_COLOR = '#EEF0F3';
