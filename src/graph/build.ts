/** Builds and merges graphs from extractions. One edge per (source, relation, target); more statements add evidence. */

import { bandKeys, isNearDuplicate } from '../extract/minhash.js';
import type { Extraction } from '../extract/types.js';
import { CREATED_WITH } from '../version.js';
import { applyCorrections } from './corrections.js';
import type { Corrections } from './corrections-schema.js';
import { MultiDirectedGraph } from './graphology.js';
import { unifyIdentities } from './identity.js';
import { edgeKey } from './keys.js';
import { type ArticleRecord, type EdgeAttributes, type EdgeEvidence, type NewsGraph, SCHEMA } from './types.js';

/** Mention examples kept per node and article: enough to explain a node without bloating the file. */
const EXAMPLES_PER_ARTICLE = 2;
/** Mention examples kept per node over all articles: a node in 5,000 articles still explains itself in a few. */
export const MAX_EXAMPLES = 12;

export function createGraph(): NewsGraph {
  const graph: NewsGraph = new MultiDirectedGraph({ allowSelfLoops: false });
  graph.replaceAttributes({ schema: SCHEMA, createdWith: CREATED_WITH, articles: [] });
  return graph;
}

/** Confidences are stored to three decimals: 0.7999999999999999 would fail a `>= 0.8` filter the user reads as met. */
function roundConfidence(c: number): number {
  return Math.round(c * 1000) / 1000;
}

/** Independent statements raise confidence: noisy-or, kept below 1 because no extractor is certain. */
export function combineConfidence(a: number, b: number): number {
  return roundConfidence(Math.min(0.99, 1 - (1 - a) * (1 - b)));
}

/** What a statement adds to an edge besides its evidence. */
interface Statement {
  confidence: number;
  qualifiers?: Record<string, string> | undefined;
  former?: boolean | undefined;
}

/** A statement under a modality ("would support", "may visit") says what might be, not what is. */
function unasserted(qualifiers: Record<string, string> | undefined): boolean {
  return qualifiers?.modality !== undefined;
}

function withoutModality(qualifiers: Record<string, string> | undefined): Record<string, string> {
  const rest = { ...qualifiers };
  delete rest.modality;
  return rest;
}

/**
 * Merges one more statement's confidence and qualifiers into an edge. Independent statements of a fact raise the
 * confidence (noisy-or; `counted` false for a copy of a story the edge already has). A statement under a modality
 * never raises it: hypothetical edges stay at their ceiling however often the hypothesis is repeated, and a factual
 * statement makes the edge factual (its modality dropped, its confidence the fact's). Likewise one statement of a
 * role as current makes the edge current. Other qualifiers: the first value wins.
 */
export function mergeStatement(edge: EdgeAttributes, add: Statement, counted: boolean): void {
  const wasUnasserted = unasserted(edge.qualifiers);
  const isUnasserted = unasserted(add.qualifiers);
  if (wasUnasserted && !isUnasserted) {
    edge.confidence = roundConfidence(Math.max(edge.confidence, add.confidence));
    edge.qualifiers = withoutModality(edge.qualifiers);
  } else if (wasUnasserted && isUnasserted) {
    edge.confidence = roundConfidence(Math.max(edge.confidence, add.confidence));
  } else if (!isUnasserted && counted) {
    edge.confidence = combineConfidence(edge.confidence, add.confidence);
  }
  if (add.qualifiers) {
    const keep = isUnasserted && !wasUnasserted ? withoutModality(add.qualifiers) : add.qualifiers;
    edge.qualifiers = { ...keep, ...edge.qualifiers };
  }
  if (edge.qualifiers && Object.keys(edge.qualifiers).length === 0) delete edge.qualifiers;
  if (!add.former) delete edge.former;
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

/** The graph's articles by id (in list order), and their MinHash bands for finding copies of one story. */
interface ArticleIndex {
  records: Map<string, ArticleRecord>;
  position: Map<string, number>;
  bands: Map<string, string[]>;
  length: number;
}

/**
 * Kept beside each graph so that merging stays linear in the number of articles. Rebuilt from the graph's
 * `articles` attribute whenever that attribute no longer has the length we recorded (an import or edit).
 */
const articleIndex = new WeakMap<NewsGraph, ArticleIndex>();

function indexArticle(index: ArticleIndex, record: ArticleRecord): void {
  index.position.set(record.id, index.records.size);
  index.records.set(record.id, record);
  if (!record.minhash) return;
  for (const key of bandKeys(record.minhash)) {
    const list = index.bands.get(key);
    if (list) list.push(record.id);
    else index.bands.set(key, [record.id]);
  }
}

function articlesOf(graph: NewsGraph): ArticleIndex {
  const articles = graph.getAttribute('articles');
  let index = articleIndex.get(graph);
  if (!index || index.length !== articles.length) {
    index = { records: new Map(), position: new Map(), bands: new Map(), length: 0 };
    for (const record of articles) indexArticle(index, record);
    index.length = articles.length;
    articleIndex.set(graph, index);
  }
  return index;
}

/** The group (first article's id) of the earliest article that is a copy of the story `signature` stands for. */
function findGroup(index: ArticleIndex, signature: string): string | null {
  let best: ArticleRecord | null = null;
  let bestPosition = Infinity;
  const tried = new Set<string>();
  for (const key of bandKeys(signature)) {
    for (const id of index.bands.get(key) ?? []) {
      if (tried.has(id)) continue;
      tried.add(id);
      const record = index.records.get(id) as ArticleRecord;
      const position = index.position.get(id) as number;
      if (position < bestPosition && record.minhash && isNearDuplicate(signature, record.minhash)) {
        best = record;
        bestPosition = position;
      }
    }
  }
  if (!best) return null;
  // The earlier article becomes the group's first member when it had no group yet (mutated in place, as below).
  best.group ??= best.id;
  return best.group;
}

/**
 * Adds one article's extraction to the graph. An article whose id is already in the graph is skipped and
 * `false` returned: merging the same article twice must not double its weights.
 */
export function addExtraction(graph: NewsGraph, extraction: Extraction): boolean {
  const index = articlesOf(graph);
  if (index.records.has(extraction.articleId)) return false;
  const record: ArticleRecord = { id: extraction.articleId, ...extraction.article, file: extraction.file };
  const group = extraction.signature ? findGroup(index, extraction.signature) : null;
  if (extraction.signature) record.minhash = extraction.signature;
  if (group) record.group = group;
  // Appended in place: copying the list for every article would make a corpus build quadratic.
  graph.getAttribute('articles').push(record);
  indexArticle(index, record);
  index.length++;
  const groupOf = (article: string) => index.records.get(article)?.group ?? article;

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
    if (node.examples.length < MAX_EXAMPLES)
      node.examples.push(...examples.slice(0, MAX_EXAMPLES - node.examples.length));
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
      ...(relation.former ? { former: true } : {}),
    }));
    const key = edgeKey(source, relation.relation, target);
    const basis = relation.basis ?? 'text';
    if (!graph.hasEdge(key)) {
      graph.addDirectedEdgeWithKey(key, source, target, {
        relation: relation.relation,
        label: relation.relation,
        weight: evidence.length,
        confidence: roundConfidence(relation.confidence),
        evidence,
        rules: [...relation.rules].sort(),
        basis,
        ...(relation.qualifiers ? { qualifiers: { ...relation.qualifiers } } : {}),
        ...(relation.former ? { former: true } : {}),
      });
      continue;
    }
    const edge = graph.getEdgeAttributes(key);
    // One sentence that states the relation makes it a text edge, whatever the data files add.
    if (basis === 'text' || edge.basis === undefined) edge.basis = 'text';
    for (const rule of relation.rules) insertSorted(edge.rules, rule);
    // A copy of a story the edge already has evidence from is listed (every outlet shows) but not counted again.
    const copy = group !== null && edge.evidence.some((e) => groupOf(e.article) === group);
    if (!copy) edge.weight += evidence.length;
    mergeStatement(edge, relation, !copy);
    edge.evidence.push(...evidence);
  }
  return true;
}

/** Builds a graph from extractions, in the order given (callers sort by article id for determinism). */
export function buildGraph(extractions: Iterable<Extraction>, corrections?: Corrections): NewsGraph {
  const graph = createGraph();
  for (const extraction of extractions) addExtraction(graph, extraction);
  unifyIdentities(graph);
  if (corrections) applyCorrections(graph, corrections);
  return graph;
}
