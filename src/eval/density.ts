/**
 * How connected a graph is: the share of nodes without any edge and the edges per article, overall and by node kind.
 * A graph of news is only useful when its nodes are linked; this measures the DWIE dev build (each document written
 * as a text file named by its title and built as `newsgraph build` would) that issue #14's density targets name.
 */

import { extractArticle } from '../extract/index.js';
import type { Extraction } from '../extract/types.js';
import { buildGraph } from '../graph/build.js';
import type { NewsGraph } from '../graph/types.js';
import { ingestString } from '../ingest/index.js';
import { type DwieDocument, dwieDocumentText } from './dwie.js';

interface KindDensity {
  nodes: number;
  isolated: number;
  /** Edges with an end of this kind (an edge between two nodes of the kind counts once). */
  edges: number;
}

export interface Density {
  articles: number;
  nodes: number;
  isolated: number;
  edges: number;
  /** isolated / nodes. */
  isolatedShare: number;
  /** edges / articles. */
  edgesPerArticle: number;
  byKind: Record<string, KindDensity>;
  /** Edges by relation name. */
  byRelation: Record<string, number>;
}

/** The density of a built graph. */
export function graphDensity(graph: NewsGraph): Density {
  const byKind: Record<string, KindDensity> = {};
  let isolated = 0;
  graph.forEachNode((key, a) => {
    const k = (byKind[a.kind] ??= { nodes: 0, isolated: 0, edges: 0 });
    k.nodes++;
    if (graph.degree(key) === 0) {
      k.isolated++;
      isolated++;
    }
  });
  const byRelation: Record<string, number> = {};
  graph.forEachEdge((_key, a, _source, _target, sa, ta) => {
    byRelation[a.relation] = (byRelation[a.relation] ?? 0) + 1;
    byKind[sa.kind]!.edges++;
    if (ta.kind !== sa.kind) byKind[ta.kind]!.edges++;
  });
  const articles = graph.getAttribute('articles').length;
  const nodes = graph.order;
  const edges = graph.size;
  return {
    articles,
    nodes,
    isolated,
    edges,
    isolatedShare: nodes === 0 ? 0 : isolated / nodes,
    edgesPerArticle: articles === 0 ? 0 : edges / articles,
    byKind,
    byRelation,
  };
}

/** Extractions of DWIE documents as `newsgraph build` reads them: one text file per document, named by its title. */
function extractDwieDocuments(docs: readonly DwieDocument[]): {
  extractions: Extraction[];
  texts: Map<string, string>;
} {
  const texts = new Map<string, string>();
  const extractions: Extraction[] = [];
  for (const doc of docs) {
    const file = `${doc.title}.txt`;
    const text = dwieDocumentText(doc);
    for (const article of ingestString(text, file)) {
      texts.set(article.id, article.original);
      extractions.push(extractArticle(article));
    }
  }
  extractions.sort((a, b) => (a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : 0));
  return { extractions, texts };
}

/** The graph `newsgraph build` makes of DWIE documents. */
export function buildDwieGraph(docs: readonly DwieDocument[]): { graph: NewsGraph; texts: Map<string, string> } {
  const { extractions, texts } = extractDwieDocuments(docs);
  return { graph: buildGraph(extractions), texts };
}
