/** The graph as the viewer holds it: the newsgraph/1 file contract, with positions always present. */
import { MultiDirectedGraph } from 'graphology';
// Neighbour indexes without a prototype, for the graphs the viewer makes with file keys (exports).
import '../../src/graph/graphology.js';
import type { ArticleRecord, EdgeAttributes, GraphAttributes, NodeAttributes } from '../../src/graph/types.js';

export type { ArticleRecord, EdgeAttributes, EdgeEvidence } from '../../src/graph/types.js';

export type ViewerNode = NodeAttributes & { x: number; y: number };
export type ViewerGraph = MultiDirectedGraph<ViewerNode, EdgeAttributes, GraphAttributes>;

export { MultiDirectedGraph };

/**
 * Keys Object.prototype answers to. As keys they collide inside sigma and the layout and community packages, which
 * index nodes in plain objects (`cache['__proto__'] = data` changes the cache's prototype). The viewer holds them
 * under an alias: a leading NUL, one more than the key has, so the mapping is one-to-one and reversible.
 */
const INHERITED = new Set(Object.getOwnPropertyNames(Object.prototype));
const ALIAS_MARK = '\u0000';

function needsAlias(key: string): boolean {
  let core = key;
  while (core.startsWith(ALIAS_MARK)) core = core.slice(1);
  return INHERITED.has(core);
}

/** The key the viewer uses for a key of the file. */
export function viewerKey(fileKey: string): string {
  return needsAlias(fileKey) ? ALIAS_MARK + fileKey : fileKey;
}

/** The file's key for a key the viewer uses (viewerKey undone). */
export function fileKey(viewerKey: string): string {
  return needsAlias(viewerKey) ? viewerKey.slice(1) : viewerKey;
}

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
