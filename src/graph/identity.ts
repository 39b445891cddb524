/**
 * Cross-document identity: one node per real-world entity over a whole build. Within an article the extractor has
 * already resolved surnames, titled short forms, acronyms and "also known as" to the full name; across articles the
 * same full name gets the same node key. What is left are nodes for short forms an article used without the full
 * name, and near-synonym topics. Each is merged into the one node it can stand for, and only when there is exactly
 * one (a short form that fits two nodes stays apart):
 * - a lone surname into the person whose full name ends with it ("Hale" -> "Jane Hale"); never a first name;
 * - a one-word name of a body into the body whose name starts or ends with it ("Bayern" -> "Bayern Munich");
 * - a body's or person's name that another node of the same kind lists as its alias (an acronym or short form an
 *   article defined);
 * - "X crisis", "X conflict", "X war" over the same X into one topic.
 * Two different full names are never merged. Every merge adds `identity:<reason>` to the surviving node's rules
 * and keeps the merged label as an alias. The result depends only on the set of nodes, not on the order articles
 * were added in.
 */
import { knowledge } from '../extract/entities/knowledge.js';
import type { EntityKind } from '../extract/types.js';
import { mergeStatement } from './build.js';
import { edgeKey } from './keys.js';
import type { MentionExample, NewsGraph, NodeAttributes } from './types.js';

/** Mention examples kept on a merged node (as many as the builder keeps on any node). */
const MAX_EXAMPLES = 12;

/** Topic heads that name the same situation over the same subject. */
const SITUATION_HEADS = new Set(['crisis', 'conflict', 'war']);

interface Merge {
  into: string;
  reason: string;
}

function words(label: string): string[] {
  return label.split(/\s+/).filter(Boolean);
}

/** Whether a one-word label reads as a name (not an acronym or a number). */
function isAcronym(label: string): boolean {
  return /^[A-Z][A-Z0-9&.]{1,7}$/.test(label);
}

/** The one node a short form can stand for, or undefined when none or several fit. */
function unique(candidates: ReadonlySet<string>, self: string): string | undefined {
  const others = [...candidates].filter((c) => c !== self);
  return others.length === 1 ? others[0] : undefined;
}

function add(index: Map<string, Set<string>>, key: string, node: string): void {
  const set = index.get(key);
  if (set) set.add(node);
  else index.set(key, new Set([node]));
}

/** Decides the merges from the node set alone (sorted keys), so any article order gives the same decisions. */
function planMerges(graph: NewsGraph): Map<string, Merge> {
  const nodes = graph.nodes().sort();
  const surnameOf = new Map<string, Set<string>>(); // "person|Hale" -> full-name person nodes
  const bodyWord = new Map<string, Set<string>>(); // "organisation|Bayern" -> multi-word bodies
  const aliasOf = new Map<string, Set<string>>(); // "kind|alias" -> nodes listing it
  const situation = new Map<string, string[]>(); // "subject" -> topic nodes "subject crisis|conflict|war"
  const styles = knowledge().styles;
  for (const key of nodes) {
    const a = graph.getNodeAttributes(key);
    const w = words(a.label);
    // "Prince Charles" ends with a first name, not a surname.
    if (a.kind === 'person' && w.length >= 2 && !styles.has(w[0]!)) add(surnameOf, w[w.length - 1]!, key);
    if (a.kind === 'organisation' && w.length >= 2) {
      add(bodyWord, w[0]!, key);
      add(bodyWord, w[w.length - 1]!, key);
    }
    for (const alias of a.aliases) add(aliasOf, `${a.kind}|${alias}`, key);
    if (a.kind === 'topic' && w.length >= 2 && SITUATION_HEADS.has(w[w.length - 1]!.toLowerCase())) {
      const subject = w.slice(0, -1).join(' ').toLowerCase();
      situation.set(subject, [...(situation.get(subject) ?? []), key]);
    }
  }
  const merges = new Map<string, Merge>();
  for (const key of nodes) {
    const a = graph.getNodeAttributes(key);
    const w = words(a.label);
    const kind: EntityKind = a.kind;
    let into: string | undefined;
    let reason = '';
    if (w.length === 1 && kind === 'person') {
      into = unique(surnameOf.get(a.label) ?? new Set(), key);
      reason = 'identity:surname';
    } else if (w.length === 1 && kind === 'organisation' && !isAcronym(a.label)) {
      into = unique(bodyWord.get(a.label) ?? new Set(), key);
      reason = 'identity:short-form';
    }
    // A short form another node lists as its alias: bodies, and people by one word (two full names never merge).
    // Places and states are not: their names come from the gazetteer, and "London" listed by "East London" in one
    // article is still the city.
    if (!into && (kind === 'organisation' || (kind === 'person' && w.length === 1))) {
      const listed = unique(aliasOf.get(`${kind}|${a.label}`) ?? new Set(), key);
      if (listed && words(graph.getNodeAttribute(listed, 'label')).length > w.length) {
        into = listed;
        reason = 'identity:alias';
      } else if (listed && isAcronym(a.label) && !isAcronym(graph.getNodeAttribute(listed, 'label'))) {
        into = listed;
        reason = 'identity:alias';
      }
    }
    if (into && graph.getNodeAttribute(into, 'kind') === kind) merges.set(key, { into, reason });
  }
  // Near-synonym topics: the most mentioned reading survives (ties: the first key).
  for (const group of situation.values()) {
    if (group.length < 2) continue;
    const ranked = [...group].sort(
      (x, y) => graph.getNodeAttribute(y, 'mentions') - graph.getNodeAttribute(x, 'mentions') || (x < y ? -1 : 1),
    );
    for (const other of ranked.slice(1)) merges.set(other, { into: ranked[0]!, reason: 'identity:topic-synonym' });
  }
  return merges;
}

/** Follows a chain of merges to the node that survives ("Hale" -> "J. Hale" -> "Jane Hale"). */
function root(merges: ReadonlyMap<string, Merge>, key: string): string {
  let at = key;
  const seen = new Set<string>();
  while (merges.has(at) && !seen.has(at)) {
    seen.add(at);
    at = merges.get(at)!.into;
  }
  return at;
}

function sortedUnion(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])].sort();
}

function byArticleAndStart(x: MentionExample, y: MentionExample): number {
  return x.article < y.article ? -1 : x.article > y.article ? 1 : x.start - y.start;
}

/** Merges node `from` into node `into`: names, counts, articles, rules, examples and every edge. */
function mergeNode(graph: NewsGraph, from: string, into: string, reason: string): void {
  const a: NodeAttributes = graph.getNodeAttributes(into);
  const b: NodeAttributes = graph.getNodeAttributes(from);
  a.aliases = sortedUnion(a.aliases, [b.label, ...b.aliases]).filter((x) => x !== a.label);
  a.mentions += b.mentions;
  a.articles = sortedUnion(a.articles, b.articles);
  a.rules = sortedUnion(a.rules, [...b.rules, reason]);
  a.examples = [...a.examples, ...b.examples].sort(byArticleAndStart).slice(0, MAX_EXAMPLES);
  if (a.iso === undefined && b.iso !== undefined) a.iso = b.iso;
  if (a.iso3 === undefined && b.iso3 !== undefined) a.iso3 = b.iso3;
  for (const edge of graph.edges(from)) {
    const e = graph.getEdgeAttributes(edge);
    const source = graph.source(edge) === from ? into : graph.source(edge);
    const target = graph.target(edge) === from ? into : graph.target(edge);
    graph.dropEdge(edge);
    if (source === target) continue;
    const key = edgeKey(source, e.relation, target);
    if (!graph.hasEdge(key)) {
      graph.addDirectedEdgeWithKey(key, source, target, e);
      continue;
    }
    const kept = graph.getEdgeAttributes(key);
    kept.weight += e.weight;
    mergeStatement(kept, e, true);
    kept.evidence.push(...e.evidence);
    kept.rules = sortedUnion(kept.rules, e.rules);
  }
  graph.dropNode(from);
}

/** Applies cross-document identity to a graph in place; returns the number of nodes merged away. */
export function unifyIdentities(graph: NewsGraph): number {
  const merges = planMerges(graph);
  let merged = 0;
  for (const from of [...merges.keys()].sort()) {
    const into = root(merges, from);
    if (into === from || !graph.hasNode(from) || !graph.hasNode(into)) continue;
    mergeNode(graph, from, into, merges.get(from)!.reason);
    merged++;
  }
  return merged;
}
