/** The graph as the viewer holds it: the newsgraph/1 file contract, with positions always present. */
import { MultiDirectedGraph } from 'graphology';
import type { EdgeAttributes, GraphAttributes, NodeAttributes, ArticleRecord } from '../../src/graph/types.js';

export type { ArticleRecord, EdgeAttributes, EdgeEvidence, GraphAttributes, NodeAttributes } from '../../src/graph/types.js';

export type ViewerNode = NodeAttributes & { x: number; y: number };
export type ViewerGraph = MultiDirectedGraph<ViewerNode, EdgeAttributes, GraphAttributes>;

export { MultiDirectedGraph };

export function articleIndex(graph: ViewerGraph): Map<string, ArticleRecord> {
  const articles = graph.getAttribute('articles') ?? [];
  return new Map(articles.map((article) => [article.id, article]));
}

/** Every kind present, most frequent first, with counts. */
export function countBy(values: Iterable<string>): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** The date part (YYYY-MM-DD) of an article's published field, or null when it has none or it is not a date. */
export function articleDay(article: ArticleRecord | undefined): string | null {
  const match = article?.published?.match(/^(\d{4}-\d{2}-\d{2})/);
  return match?.[1] ?? null;
}

export type EdgeBasis = 'text' | 'knowledge';

/** Where a relation comes from: read in the text, or added from background knowledge. Older files have no basis: text. */
export function edgeBasis(attributes: EdgeAttributes): EdgeBasis {
  return (attributes as EdgeAttributes & { basis?: unknown }).basis === 'knowledge' ? 'knowledge' : 'text';
}

/** An article's full text when the graph file carries it (optional `text` field of an article record). */
export function articleText(article: ArticleRecord | undefined): string | null {
  const text = (article as (ArticleRecord & { text?: unknown }) | undefined)?.text;
  return typeof text === 'string' ? text : null;
}
