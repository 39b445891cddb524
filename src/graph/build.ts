/** Builds and merges graphs from extractions. One edge per (source, relation, target); more statements add evidence. */
import graphology from 'graphology';
import type { Extraction } from '../extract/types.js';
import { CREATED_WITH } from '../version.js';
import { unifyIdentities } from './identity.js';
import { edgeKey } from './keys.js';
import { SCHEMA, type ArticleRecord, type EdgeEvidence, type NewsGraph } from './types.js';

const { MultiDirectedGraph } = graphology;

/** Mention examples kept per node and article: enough to explain a node without bloating the file. */
const EXAMPLES_PER_ARTICLE = 2;
/** Mention examples kept per node over all articles: a node in 5,000 articles still explains itself in a few. */
const MAX_EXAMPLES = 12;

export function createGraph(): NewsGraph {
  const graph: NewsGraph = new MultiDirectedGraph({ allowSelfLoops: false });
  graph.replaceAttributes({ schema: SCHEMA, createdWith: CREATED_WITH, articles: [] });
  return graph;
}

/** Independent statements raise confidence: noisy-or, kept below 1 because no extractor is certain. */
export function combineConfidence(a: number, b: number): number {
  return Math.min(0.99, 1 - (1 - a) * (1 - b));
}

/** Inserts `value` into the sorted list `list` unless present: binary search, no re-sort. */
function insertSorted(list: string[], value: string): void {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((list[mid] as string) < value) lo = mid + 1;
    else hi = mid;
  }
  if (list[lo] !== value) list.splice(lo, 0, value);
}

/**
 * Article ids per graph, kept beside it so that merging stays linear in the number of articles. Rebuilt from the
 * graph's `articles` attribute whenever that attribute no longer has the length we recorded (an import or edit).
 */
const articleIndex = new WeakMap<NewsGraph, { ids: Set<string>; length: number }>();

function articleIds(graph: NewsGraph): Set<string> {
  const articles = graph.getAttribute('articles');
  let entry = articleIndex.get(graph);
  if (!entry || entry.length !== articles.length) {
    entry = { ids: new Set(articles.map((a) => a.id)), length: articles.length };
    articleIndex.set(graph, entry);
  }
  return entry.ids;
}

/**
 * Adds one article's extraction to the graph. An article whose id is already in the graph is skipped and
 * `false` returned: merging the same article twice must not double its weights.
 */
export function addExtraction(graph: NewsGraph, extraction: Extraction): boolean {
  const ids = articleIds(graph);
  if (ids.has(extraction.articleId)) return false;
  const record: ArticleRecord = { id: extraction.articleId, ...extraction.article, file: extraction.file };
  // Appended in place: copying the list for every article would make a corpus build quadratic.
  graph.getAttribute('articles').push(record);
  ids.add(extraction.articleId);
  articleIndex.set(graph, { ids, length: ids.size });

  for (const entity of extraction.entities) {
    const examples = entity.mentions
      .slice(0, EXAMPLES_PER_ARTICLE)
      .map((m) => ({ article: extraction.articleId, start: m.start, end: m.end, text: m.text }));
    if (!graph.hasNode(entity.id)) {
      graph.addNode(entity.id, {
        label: entity.label,
        kind: entity.kind,
        aliases: [...new Set(entity.aliases)].filter((a) => a !== entity.label).sort(),
        mentions: entity.mentions.length,
        articles: [extraction.articleId],
        rules: [...entity.rules].sort(),
        examples,
        ...(entity.iso ? { iso: entity.iso } : {}),
        ...(entity.iso3 ? { iso3: entity.iso3 } : {}),
      });
      continue;
    }
    // Node attributes are mutated in place for the same reason; sorted inserts keep the lists deterministic.
    const node = graph.getNodeAttributes(entity.id);
    if (entity.iso && node.iso === undefined) node.iso = entity.iso;
    if (entity.iso3 && node.iso3 === undefined) node.iso3 = entity.iso3;
    for (const alias of [...entity.aliases, entity.label]) {
      if (alias !== node.label) insertSorted(node.aliases, alias);
    }
    for (const rule of entity.rules) insertSorted(node.rules, rule);
    insertSorted(node.articles, extraction.articleId);
    node.mentions += entity.mentions.length;
    if (node.examples.length < MAX_EXAMPLES) node.examples.push(...examples.slice(0, MAX_EXAMPLES - node.examples.length));
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
    const edge = graph.getEdgeAttributes(key);
    for (const rule of relation.rules) insertSorted(edge.rules, rule);
    edge.weight += evidence.length;
    edge.confidence = combineConfidence(edge.confidence, relation.confidence);
    edge.evidence.push(...evidence);
  }
  return true;
}

/** Builds a graph from extractions, in the order given (callers sort by article id for determinism). */
export function buildGraph(extractions: Iterable<Extraction>): NewsGraph {
  const graph = createGraph();
  for (const extraction of extractions) addExtraction(graph, extraction);
  unifyIdentities(graph);
  return graph;
}
