/**
 * When things were first seen: the earliest published date of the articles that mention a node or state an edge.
 * Exports use it for Gephi's timeline (GEXF start) and as a first_seen column (CSV).
 */
import type { NewsGraph } from '../graph/types.js';

/** '2024-03-05T10:00:00Z' -> '2024-03-05'; unparseable, missing or not in the calendar (2023-02-30) -> null. */
export function toIsoDate(published: string | null | undefined): string | null {
  if (!published) return null;
  const direct = /^(\d{4})-(\d{2})-(\d{2})/.exec(published.trim());
  if (direct) {
    const [, year, month, day] = direct.map(Number) as [number, number, number, number];
    const date = new Date(Date.UTC(year, month - 1, day));
    // Date.UTC rolls 2023-02-30 over to March 2: a date that does not come back unchanged does not exist.
    return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
      ? direct[0]
      : null;
  }
  const time = Date.parse(published);
  return Number.isNaN(time) ? null : new Date(time).toISOString().slice(0, 10);
}

export interface Timeline {
  /** Article id -> ISO date, for the articles that have a usable published date. */
  articleDates: Map<string, string>;
  /** True when at least one article has a date: the export can be dynamic. */
  dated: boolean;
  /** Earliest and latest article dates. */
  first: string | null;
  last: string | null;
}

export function articleTimeline(graph: NewsGraph): Timeline {
  const articleDates = new Map<string, string>();
  let first: string | null = null;
  let last: string | null = null;
  for (const article of graph.getAttribute('articles') ?? []) {
    const date = toIsoDate(article.published);
    if (!date) continue;
    articleDates.set(article.id, date);
    if (first === null || date < first) first = date;
    if (last === null || date > last) last = date;
  }
  return { articleDates, dated: articleDates.size > 0, first, last };
}

/** Earliest date among the given article ids (ISO dates compare as strings). */
function earliestDate(timeline: Timeline, articleIds: Iterable<string>): string | null {
  let best: string | null = null;
  for (const id of articleIds) {
    const date = timeline.articleDates.get(id);
    if (date !== undefined && (best === null || date < best)) best = date;
  }
  return best;
}

export function nodeFirstSeen(graph: NewsGraph, timeline: Timeline, node: string): string | null {
  return earliestDate(timeline, graph.getNodeAttribute(node, 'articles') ?? []);
}

export function edgeFirstSeen(graph: NewsGraph, timeline: Timeline, edge: string): string | null {
  return earliestDate(
    timeline,
    (graph.getEdgeAttribute(edge, 'evidence') ?? []).map((e) => e.article),
  );
}
