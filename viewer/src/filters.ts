/**
 * Which entities and relations pass the filters. Computed once per filter change (linear in the graph), so the
 * reducers only look keys up in two sets.
 */
import type { Filters } from './state.js';
import type { ViewerGraph } from './model.js';

/** article id -> publication day (YYYY-MM-DD), for the articles that have one. */
export type ArticleDays = ReadonlyMap<string, string>;

function inRange(day: string | undefined, filters: Filters): boolean {
  if (!day) return false;
  return (!filters.dateFrom || day >= filters.dateFrom) && (!filters.dateTo || day <= filters.dateTo);
}

function dateFiltered(filters: Filters): boolean {
  return filters.dateFrom !== null || filters.dateTo !== null;
}

export function computeVisibility(graph: ViewerGraph, filters: Filters, days: ArticleDays): { nodes: Set<string>; edges: Set<string> } {
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
    // With a date range, a relation shows when one of its statements comes from an article in the range.
    if (byDate && !attributes.evidence.some((evidence) => inRange(days.get(evidence.article), filters))) return;
    edges.add(key);
  });
  return { nodes, edges };
}

/** The earliest and latest publication days, or null when no article is dated (the date filter is then hidden). */
export function dateBounds(days: ArticleDays): { min: string; max: string } | null {
  const sorted = [...new Set(days.values())].sort();
  const min = sorted[0];
  const max = sorted[sorted.length - 1];
  return min && max ? { min, max } : null;
}
