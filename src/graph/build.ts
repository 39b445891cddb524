/** Builds and merges graphs from extractions. One edge per (source, relation, target); more statements add evidence. */
import graphology from 'graphology';
import type { Extraction } from '../extract/types.js';
import { CREATED_WITH } from '../version.js';
import { edgeKey } from './keys.js';
import { SCHEMA, type ArticleRecord, type EdgeEvidence, type NewsGraph } from './types.js';

const { MultiDirectedGraph } = graphology;

/** Mention examples kept per node and article: enough to explain a node without bloating the file. */
const EXAMPLES_PER_ARTICLE = 2;

export function createGraph(): NewsGraph {
  const graph: NewsGraph = new MultiDirectedGraph({ allowSelfLoops: false });
  graph.replaceAttributes({ schema: SCHEMA, createdWith: CREATED_WITH, articles: [] });
  return graph;
}

/** Independent statements raise confidence: noisy-or, kept below 1 because no extractor is certain. */
export function combineConfidence(a: number, b: number): number {
  return Math.min(0.99, 1 - (1 - a) * (1 - b));
}

function pushSortedUnique(list: string[], value: string): void {
  if (!list.includes(value)) {
    list.push(value);
    list.sort();
  }
}

/**
 * Adds one article's extraction to the graph. An article whose id is already in the graph is skipped and
 * `false` returned: merging the same article twice must not double its weights.
 */
export function addExtraction(graph: NewsGraph, extraction: Extraction): boolean {
  const articles = graph.getAttribute('articles');
  if (articles.some((a) => a.id === extraction.articleId)) return false;
  const record: ArticleRecord = { id: extraction.articleId, ...extraction.article, file: extraction.file };
  graph.setAttribute('articles', [...articles, record]);

  for (const entity of extraction.entities) {
    const examples = entity.mentions
      .slice(0, EXAMPLES_PER_ARTICLE)
      .map((m) => ({ article: extraction.articleId, start: m.start, end: m.end, text: m.text }));
    if (!graph.hasNode(entity.id)) {
      graph.addNode(entity.id, {
        label: entity.label,
        kind: entity.kind,
        aliases: [...entity.aliases].sort(),
        mentions: entity.mentions.length,
        articles: [extraction.articleId],
        rules: [...entity.rules].sort(),
        examples,
      });
      continue;
    }
    graph.updateNodeAttributes(entity.id, (node) => {
      const aliases = [...node.aliases];
      for (const alias of [...entity.aliases, entity.label]) {
        if (alias !== node.label) pushSortedUnique(aliases, alias);
      }
      const rules = [...node.rules];
      for (const rule of entity.rules) pushSortedUnique(rules, rule);
      const ids = [...node.articles];
      pushSortedUnique(ids, extraction.articleId);
      return {
        ...node,
        aliases,
        rules,
        articles: ids,
        mentions: node.mentions + entity.mentions.length,
        examples: [...node.examples, ...examples],
      };
    });
  }

  for (const relation of extraction.relations) {
    const { source, target } = relation;
    if (source === target || !graph.hasNode(source) || !graph.hasNode(target)) continue;
    const evidence: EdgeEvidence[] = relation.evidence.map((e) => ({
      article: extraction.articleId,
      sentence: e.text,
      start: e.start,
      end: e.end,
      rule: relation.rules[0] ?? 'unknown',
      ...(relation.qualifiers ? { qualifiers: relation.qualifiers } : {}),
    }));
    const key = edgeKey(source, relation.relation, target);
    if (!graph.hasEdge(key)) {
      graph.addDirectedEdgeWithKey(key, source, target, {
        relation: relation.relation,
        label: relation.relation,
        weight: evidence.length,
        confidence: relation.confidence,
        evidence,
        rules: [...relation.rules].sort(),
      });
      continue;
    }
    graph.updateEdgeAttributes(key, (edge) => {
      const rules = [...edge.rules];
      for (const rule of relation.rules) pushSortedUnique(rules, rule);
      return {
        ...edge,
        weight: edge.weight + evidence.length,
        confidence: combineConfidence(edge.confidence, relation.confidence),
        evidence: [...edge.evidence, ...evidence],
        rules,
      };
    });
  }
  return true;
}

/** Builds a graph from extractions, in the order given (callers sort by article id for determinism). */
export function buildGraph(extractions: Iterable<Extraction>): NewsGraph {
  const graph = createGraph();
  for (const extraction of extractions) addExtraction(graph, extraction);
  return graph;
}
