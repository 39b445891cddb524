/**
 * Positions for exports: ForceAtlas2 (settings inferred from the graph size) followed by noverlap, computed on a
 * light copy of the graph so the caller's graph is never changed. Deterministic: the start positions are a
 * sunflower spiral in node order, so the same graph gives the same picture on every run.
 */
import forceAtlas2Module from 'graphology-layout-forceatlas2';
import noverlapModule from 'graphology-layout-noverlap';
import { UndirectedGraph } from '../graph/graphology.js';
import type { NewsGraph } from '../graph/types.js';

// These CommonJS packages export the layout function itself; their typings describe it as `default`.
const forceAtlas2 = forceAtlas2Module as unknown as typeof forceAtlas2Module.default;
const noverlap = noverlapModule as unknown as typeof noverlapModule.default;

export interface Position {
  x: number;
  y: number;
}

export interface LayoutOptions {
  /** ForceAtlas2 iterations; by default bounded by graph size so large graphs stay quick. */
  iterations?: number;
}

/**
 * Work budgets, in node-iterations, measured on this project's 2-core machine: ForceAtlas2 (Barnes-Hut above
 * 2,000 nodes) costs 2-4 s per iteration at 50,000 nodes and noverlap about 1 s, so a 50,000-node export
 * gets 1 + 1 iterations (the breadth-first start below keeps neighbours close even then), while graphs of a
 * few hundred nodes get the full 300 iterations.
 */
const FA2_BUDGET = 60_000;
const NOVERLAP_BUDGET = 50_000;
const MIN_ITERATIONS = 1;
const MAX_ITERATIONS = 300;
const NOVERLAP_MAX_ITERATIONS = 50;

export function defaultIterations(order: number): number {
  return Math.max(MIN_ITERATIONS, Math.min(MAX_ITERATIONS, Math.round(FA2_BUDGET / Math.max(1, order))));
}

function noverlapIterations(order: number): number {
  return Math.max(1, Math.min(NOVERLAP_MAX_ITERATIONS, Math.round(NOVERLAP_BUDGET / Math.max(1, order))));
}

/** Node size from degree, shared by the GEXF export and the layout's overlap removal. */
export function sizeFromDegree(degree: number, maxDegree: number): number {
  if (maxDegree <= 0) return 5;
  return Math.round((5 + 25 * Math.sqrt(degree / maxDegree)) * 100) / 100;
}

/** Node sizes from degree, scaled to the graph's largest degree (as Gephi and the viewer size them). */
export function degreeSizes(graph: NewsGraph): Map<string, number> {
  let maxDegree = 0;
  graph.forEachNode((node) => {
    maxDegree = Math.max(maxDegree, graph.degree(node));
  });
  const sizes = new Map<string, number>();
  graph.forEachNode((node) => sizes.set(node, sizeFromDegree(graph.degree(node), maxDegree)));
  return sizes;
}

/** True when every node already carries finite x and y: exports keep them instead of running a layout. */
export function hasPositions(graph: NewsGraph): boolean {
  if (graph.order === 0) return false;
  let all = true;
  graph.forEachNode((_node, attributes) => {
    if (!Number.isFinite(attributes.x) || !Number.isFinite(attributes.y)) all = false;
  });
  return all;
}

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/**
 * Nodes in breadth-first order from the best-connected node of each component (largest components first), so
 * that laying them along a spiral puts neighbours near each other before any force has run.
 */
function breadthFirstOrder(graph: NewsGraph): string[] {
  const byDegree = graph.nodes().sort((a, b) => graph.degree(b) - graph.degree(a) || (a < b ? -1 : 1));
  const seen = new Set<string>();
  const components: string[][] = [];
  for (const root of byDegree) {
    if (seen.has(root)) continue;
    seen.add(root);
    const component = [root];
    for (let i = 0; i < component.length; i++) {
      graph.forEachNeighbor(component[i]!, (neighbour) => {
        if (!seen.has(neighbour)) {
          seen.add(neighbour);
          component.push(neighbour);
        }
      });
    }
    components.push(component);
  }
  // Stable sort: equal-sized components keep the degree order of their roots.
  return components.sort((a, b) => b.length - a.length).flat();
}

/** Layout positions for every node; existing positions are returned as they are. */
export function layoutPositions(
  graph: NewsGraph,
  sizes: Map<string, number>,
  options: LayoutOptions = {},
): Map<string, Position> {
  const positions = new Map<string, Position>();
  if (hasPositions(graph)) {
    graph.forEachNode((node, attributes) =>
      positions.set(node, { x: attributes.x as number, y: attributes.y as number }),
    );
    return positions;
  }
  // Parallel edges of different relations pull as one edge with their summed weight. The layout packages index
  // nodes in plain objects, so the light copy is keyed by position ('0', '1', ...), never by the graph's keys.
  const light = new UndirectedGraph<{ x: number; y: number; size: number }, { weight: number }>();
  const order = breadthFirstOrder(graph);
  const index = new Map<string, string>();
  order.forEach((node, i) => {
    const radius = 10 * Math.sqrt(i + 0.5);
    const angle = i * GOLDEN_ANGLE;
    index.set(node, String(i));
    light.addNode(String(i), { x: radius * Math.cos(angle), y: radius * Math.sin(angle), size: sizes.get(node) ?? 5 });
  });
  graph.forEachEdge((_edge, attributes, source, target) => {
    const weight = Number.isFinite(attributes.weight) && attributes.weight > 0 ? attributes.weight : 1;
    light.updateEdge(index.get(source)!, index.get(target)!, (current) => ({ weight: (current.weight ?? 0) + weight }));
  });
  if (light.order > 1) {
    const iterations = options.iterations ?? defaultIterations(light.order);
    forceAtlas2.assign(light, { iterations, settings: forceAtlas2.inferSettings(light), getEdgeWeight: 'weight' });
    // noverlap's grid has gridSize² cells: grow it with the graph so cells stay sparsely filled.
    const gridSize = Math.max(20, Math.round(Math.sqrt(light.order)));
    noverlap.assign(light, {
      maxIterations: noverlapIterations(light.order),
      settings: { gridSize, margin: 2, ratio: 1.1 },
    });
  }
  light.forEachNode((i, attributes) => {
    positions.set(order[Number(i)]!, { x: round(attributes.x), y: round(attributes.y) });
  });
  return positions;
}

function round(value: number): number {
  return Number.isFinite(value) ? Math.round(value * 100) / 100 : 0;
}
