/**
 * Which entities and relations pass the filters. Computed once per filter change (linear in the graph), so the
 * reducers only look keys up in two sets.
 */
import { UndirectedGraph } from 'graphology';
import { largestConnectedComponent } from 'graphology-components';
import { edgeBasis, type ViewerGraph } from './model.js';
import type { Filters } from './state.js';

/** article id -> publication day (YYYY-MM-DD), for the articles that have one. */
export type ArticleDays = ReadonlyMap<string, string>;

function inRange(day: string | undefined, filters: Filters): boolean {
  if (!day) return false;
  return (!filters.dateFrom || day >= filters.dateFrom) && (!filters.dateTo || day <= filters.dateTo);
}

function dateFiltered(filters: Filters): boolean {
  return filters.dateFrom !== null || filters.dateTo !== null;
}

export function computeVisibility(
  graph: ViewerGraph,
  filters: Filters,
  days: ArticleDays,
): { nodes: Set<string>; edges: Set<string> } {
  const byDate = dateFiltered(filters);
  const nodes = new Set<string>();
  graph.forEachNode((key, attributes) => {
    if (filters.hiddenKinds.has(attributes.kind)) return;
    // With a date range, an entity shows when an article in the range mentions it.
    if (byDate && !attributes.articles.some((article) => inRange(days.get(article), filters))) return;
    nodes.add(key);
  });
  const edges = new Set<string>();
  graph.forEachEdge((key, attributes, source, target) => {
    if (!nodes.has(source) || !nodes.has(target)) return;
    if (filters.hiddenRelations.has(attributes.relation)) return;
    if (attributes.confidence < filters.minConfidence) return;
    if (filters.hiddenBases.has(edgeBasis(attributes))) return;
    // With a date range, a relation shows when one of its statements comes from an article in the range.
    if (byDate && !attributes.evidence.some((evidence) => inRange(days.get(evidence.article), filters))) return;
    edges.add(key);
  });
  return reduceVisibility(graph, filters, nodes, edges);
}

/** Whether any reduce filter is on (they cost a projection of the visible graph). */
function reducing(filters: Filters): boolean {
  return filters.hideUnconnected || filters.minDegree > 0 || filters.largestComponent || filters.kCore > 0;
}

/**
 * The reduce filters, on what the other filters left: degree counts distinct visible neighbours (parallel
 * statements between two entities count once). Order: unconnected and minimum degree (one pass), then the
 * k-core (peeled until every remaining entity has k neighbours left), then the largest component of the rest.
 */
function reduceVisibility(
  graph: ViewerGraph,
  filters: Filters,
  nodes: Set<string>,
  edges: Set<string>,
): { nodes: Set<string>; edges: Set<string> } {
  if (!reducing(filters)) return { nodes, edges };
  const projection = new UndirectedGraph();
  for (const node of nodes) projection.addNode(node);
  for (const edge of edges) projection.mergeEdge(graph.source(edge), graph.target(edge));
  const minimum = Math.max(filters.hideUnconnected ? 1 : 0, filters.minDegree);
  if (minimum > 0) {
    const low = projection.filterNodes((node) => projection.degree(node) < minimum);
    for (const node of low) projection.dropNode(node);
  }
  if (filters.kCore > 0) peelToCore(projection, filters.kCore);
  if (filters.largestComponent && projection.order > 0) {
    const keep = new Set(largestConnectedComponent(projection));
    const rest = projection.filterNodes((node) => !keep.has(node));
    for (const node of rest) projection.dropNode(node);
  }
  const keptEdges = new Set<string>();
  for (const edge of edges)
    if (projection.hasNode(graph.source(edge)) && projection.hasNode(graph.target(edge))) keptEdges.add(edge);
  return { nodes: new Set(projection.nodes()), edges: keptEdges };
}

/** The k-core: repeatedly removes entities with fewer than k neighbours (linear with a work queue). */
function peelToCore(projection: UndirectedGraph, k: number): void {
  const degree = new Map<string, number>();
  const queue: string[] = [];
  projection.forEachNode((node) => {
    const d = projection.degree(node);
    degree.set(node, d);
    if (d < k) queue.push(node);
  });
  const removed = new Set<string>();
  while (queue.length) {
    const node = queue.pop()!;
    if (removed.has(node)) continue;
    removed.add(node);
    projection.forEachNeighbor(node, (neighbour) => {
      if (removed.has(neighbour)) return;
      const d = (degree.get(neighbour) ?? 0) - 1;
      degree.set(neighbour, d);
      if (d < k) queue.push(neighbour);
    });
  }
  for (const node of removed) projection.dropNode(node);
}

/** The earliest and latest publication days, or null when no article is dated (the date filter is then hidden). */
export function dateBounds(days: ArticleDays): { min: string; max: string } | null {
  const sorted = [...new Set(days.values())].sort();
  const min = sorted[0];
  const max = sorted[sorted.length - 1];
  return min && max ? { min, max } : null;
}
