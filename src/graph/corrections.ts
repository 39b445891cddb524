/**
 * User corrections applied to a graph: merge two entities, add aliases, fix a kind, drop an entity, keep two
 * entities apart. Applied to a whole graph (after a build, or to an existing graph file), moving relations and
 * their evidence with the entities, so the result is what a build would give had the extractor known better.
 *
 * Every corrected node records why in its `rules` ('user:merge', 'user:alias', 'user:kind', 'user:distinct');
 * relations moved onto another node record 'user:merge'. A correction that names no entity is an error with the
 * nearest names (or, with `onMissing: 'skip'`, a note in the report: a later build may lack the entity).
 * Order: distinct (splits), merge, kind, aliases, drop; each step sees the graph the previous ones left.
 */
import { readFile } from 'node:fs/promises';
import { nodeKey } from '../contract/keys.js';
import { FileSystemError, InputError } from '../errors.js';
import { editDistance, foldName } from '../util/names.js';
import { MAX_EXAMPLES, mergeStatement } from './build.js';
import { type Corrections, checkCorrections } from './corrections-schema.js';
import { edgeKey } from './keys.js';
import type { EdgeAttributes, EdgeEvidence, NewsGraph, NodeAttributes } from './types.js';

export { CORRECTIONS_SCHEMA, type Corrections, checkCorrections, correctionsSchema } from './corrections-schema.js';

export interface CorrectionOptions {
  /** Names the corrections in error messages (the corrections file). */
  source?: string;
  /** 'error' (default): a correction naming no entity throws. 'skip': it is reported and passed over. */
  onMissing?: 'error' | 'skip';
}

export interface CorrectionReport {
  /** One line per change made, e.g. 'merged "Tories" into Conservative Party (organisation:conservative-party)'. */
  changes: string[];
  /** Corrections passed over because their entity is missing (onMissing: 'skip'). */
  skipped: string[];
}

/** Reads and checks a corrections file (InputError with the place and reason when it is not one). */
export async function loadCorrections(file: string): Promise<Corrections> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new FileSystemError(file, code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? 'error'})`, {
      cause: error,
    });
  }
  return parseCorrections(text, file);
}

export function parseCorrections(text: string, file: string): Corrections {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InputError(
      file,
      `not JSON (${(error as Error).message}); a corrections file is a JSON object such as {"merge": [{"from": "A", "into": "B"}]}`,
    );
  }
  if (typeof data === 'object' && data !== null && 'nodes' in data && 'edges' in data) {
    throw new InputError(
      file,
      'this is a graph file, not a corrections file (a JSON object with merge, aliases, kind, drop, distinct)',
    );
  }
  const check = checkCorrections(data);
  if (!check.ok) throw new InputError(file, `${check.where}: ${check.reason}`);
  return check.corrections;
}

/** Name lookup over the graph as it is now (rebuilt after each step that changes names or keys). */
class Names {
  private readonly byName = new Map<string, { label: string[]; alias: string[] }>();
  constructor(private readonly graph: NewsGraph) {
    graph.forEachNode((id, a) => {
      this.add(a.label, id, 'label');
      for (const alias of a.aliases) this.add(alias, id, 'alias');
    });
  }
  private add(name: string, id: string, how: 'label' | 'alias'): void {
    const folded = foldName(name);
    if (!folded) return;
    let entry = this.byName.get(folded);
    if (!entry) this.byName.set(folded, (entry = { label: [], alias: [] }));
    if (!entry[how].includes(id)) entry[how].push(id);
  }
  /** The entities a name stands for: a node key; else label matches; else alias matches. */
  lookup(name: string): string[] {
    if (this.graph.hasNode(name)) return [name];
    const entry = this.byName.get(foldName(name));
    if (!entry) return [];
    return entry.label.length ? entry.label : entry.alias;
  }
  suggest(name: string, limit = 3): string[] {
    const folded = foldName(name);
    const scored: { label: string; score: number }[] = [];
    const seen = new Set<string>();
    for (const [candidate, entry] of this.byName) {
      const distance = editDistance(folded, candidate, Math.ceil(Math.max(folded.length, candidate.length) * 0.5));
      const contains = candidate.split(' ').includes(folded) || folded.split(' ').includes(candidate);
      const score = distance / Math.max(folded.length, candidate.length, 1) - (contains ? 0.5 : 0);
      if (score > 0.5) continue;
      for (const id of [...entry.label, ...entry.alias]) {
        const label = this.graph.getNodeAttribute(id, 'label');
        if (seen.has(label)) continue;
        seen.add(label);
        scored.push({ label, score });
      }
    }
    return scored
      .sort((a, b) => a.score - b.score || a.label.localeCompare(b.label))
      .slice(0, limit)
      .map((s) => s.label);
  }
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function insertSorted(list: string[], value: string): void {
  if (!list.includes(value)) {
    list.push(value);
    list.sort();
  }
}

/** Adds (or merges into) an edge; merging follows the builder: weights add, confidences combine, evidence joins. */
function putEdge(
  graph: NewsGraph,
  source: string,
  target: string,
  attributes: EdgeAttributes,
  rule: string | null,
): void {
  if (source === target) return;
  const key = edgeKey(source, attributes.relation, target);
  const rules = rule ? [...new Set([...attributes.rules, rule])].sort() : [...attributes.rules];
  if (!graph.hasEdge(key)) {
    graph.addDirectedEdgeWithKey(key, source, target, { ...attributes, rules });
    return;
  }
  const edge = graph.getEdgeAttributes(key);
  for (const r of rules) insertSorted(edge.rules, r);
  edge.weight += attributes.weight;
  mergeStatement(edge, attributes, true);
  edge.evidence.push(...attributes.evidence);
}

/**
 * Moves node `from` onto `into` (created with from's attributes when missing): names, counts and relations,
 * parallel relations joined as the builder joins them; `rule` is recorded on the node and the moved relations.
 * Returns the number of relations moved. Exported for other passes that merge nodes (cross-document identity).
 */
export function moveNode(graph: NewsGraph, from: string, into: string, rule: string): number {
  const a = graph.getNodeAttributes(from);
  if (!graph.hasNode(into)) {
    graph.addNode(into, { ...structuredClone(a), rules: [...new Set([...a.rules, rule])].sort() });
  } else {
    const b = graph.getNodeAttributes(into);
    for (const alias of [a.label, ...a.aliases]) if (alias !== b.label) insertSorted(b.aliases, alias);
    for (const article of a.articles) insertSorted(b.articles, article);
    for (const r of [...a.rules, rule]) insertSorted(b.rules, r);
    b.mentions += a.mentions;
    b.examples.push(...a.examples.slice(0, Math.max(0, MAX_EXAMPLES - b.examples.length)));
  }
  const edges: { source: string; target: string; attributes: EdgeAttributes }[] = [];
  graph.forEachEdge(from, (_edge, attributes, source, target) =>
    edges.push({ source, target, attributes: structuredClone(attributes) }),
  );
  graph.dropNode(from);
  for (const e of edges)
    putEdge(
      graph,
      e.source === from ? into : e.source,
      e.target === from ? into : e.target,
      e.attributes,
      'user:merge',
    );
  return edges.length;
}

export function applyCorrections(
  graph: NewsGraph,
  corrections: Corrections,
  options: CorrectionOptions = {},
): CorrectionReport {
  const report: CorrectionReport = { changes: [], skipped: [] };
  const source = options.source ?? 'corrections';
  let names = new Names(graph);
  const label = (id: string) => graph.getNodeAttribute(id, 'label');

  /** The one entity a name stands for; null when missing and skipping. */
  const find = (name: string, where: string): string | null => {
    const ids = names.lookup(name);
    if (ids.length === 1) return ids[0]!;
    if (ids.length > 1) {
      throw new InputError(
        source,
        `${where}: "${name}" names ${ids.length} entities (${ids.join(', ')}); use one of these node keys`,
      );
    }
    const suggestions = names.suggest(name);
    const hint = suggestions.length ? `; did you mean ${suggestions.map((s) => `"${s}"`).join(', ')}?` : '';
    if (options.onMissing === 'skip') {
      report.skipped.push(`${where}: no entity named "${name}"${hint}`);
      return null;
    }
    throw new InputError(source, `${where}: no entity named "${name}"${hint}`);
  };

  // Pairs kept apart, by the entities they name after the splits.
  const apart: [string, string][] = [];
  (corrections.distinct ?? []).forEach(([first, second], i) => {
    if (foldName(first) === foldName(second))
      throw new InputError(source, `distinct[${i}]: names "${first}" twice; list two different names`);
    const a = find(first, `distinct[${i}][0]`);
    const b = find(second, `distinct[${i}][1]`);
    if (a === null || b === null) return;
    if (a !== b) {
      for (const id of [a, b]) insertSorted(graph.getNodeAttribute(id, 'rules'), 'user:distinct');
      apart.push([a, b]);
      return;
    }
    // One node holds both names: split off the one that is not its label.
    const node = graph.getNodeAttributes(a);
    const other = foldName(node.label) === foldName(first) ? second : first;
    const created = splitAlias(graph, a, other);
    apart.push([a, created]);
    report.changes.push(`split "${other}" off ${node.label} (${a}) as ${created}`);
    names = new Names(graph);
  });

  (corrections.merge ?? []).forEach(({ from, into }, i) => {
    const target = find(into, `merge[${i}].into`);
    if (target === null) return;
    const ids = names.lookup(from);
    // Already merged (a previous run, or a build that used these corrections): its name is now an alias of `into`.
    if (ids.length === 1 && ids[0] === target) return;
    const origin = find(from, `merge[${i}].from`);
    if (origin === null) return;
    const keptApart = apart.find(([x, y]) => (x === origin && y === target) || (x === target && y === origin));
    if (keptApart) throw new InputError(source, `merge[${i}]: "${from}" and "${into}" are also listed as distinct`);
    const moved = moveNode(graph, origin, target, 'user:merge');
    report.changes.push(
      `merged "${from}" (${origin}) into ${label(target)} (${target}); ${plural(moved, 'relation')} moved`,
    );
    for (const pair of apart) {
      pair.forEach((id, j) => {
        if (id === origin) pair[j] = target;
      });
    }
    names = new Names(graph);
  });

  (corrections.kind ?? []).forEach(({ entity, kind }, i) => {
    const id = find(entity, `kind[${i}].entity`);
    if (id === null) return;
    const node = graph.getNodeAttributes(id);
    if (node.kind === kind) return;
    const before = node.kind;
    node.kind = kind;
    insertSorted(node.rules, 'user:kind');
    // Keys carry the kind: re-key (joining an entity that already has the new key).
    const key = nodeKey(kind, node.label);
    if (key !== id) moveNode(graph, id, key, 'user:kind');
    report.changes.push(`${node.label}: kind ${before} -> ${kind} (${key})`);
    names = new Names(graph);
  });

  (corrections.aliases ?? []).forEach(({ entity, add }, i) => {
    const id = find(entity, `aliases[${i}].entity`);
    if (id === null) return;
    const node = graph.getNodeAttributes(id);
    const added = add.filter((alias) => alias !== node.label && !node.aliases.includes(alias));
    if (!added.length) return;
    for (const alias of added) insertSorted(node.aliases, alias);
    insertSorted(node.rules, 'user:alias');
    report.changes.push(`${node.label} (${id}): aliases ${added.map((a) => `"${a}"`).join(', ')} added`);
    names = new Names(graph);
  });

  // Dropped entities are remembered in the graph, so the same corrections can be applied again.
  const dropped = new Set((graph.getAttribute('dropped') ?? []).map(foldName));
  (corrections.drop ?? []).forEach((name, i) => {
    if (!names.lookup(name).length && dropped.has(foldName(name))) return;
    const id = find(name, `drop[${i}]`);
    if (id === null) return;
    const relations = graph.degree(id);
    const node = graph.getNodeAttributes(id);
    const record = graph.getAttribute('dropped') ?? [];
    for (const n of [name, node.label, id]) if (!record.includes(n)) record.push(n);
    graph.setAttribute('dropped', record);
    graph.dropNode(id);
    report.changes.push(`dropped ${name} (${id}) and its ${plural(relations, 'relation')}`);
    names = new Names(graph);
  });
  return report;
}

/** The word(s) of `name` in a sentence, case- and accent-insensitively, not inside other words. */
function mentions(sentence: string, name: string): boolean {
  const folded = ` ${foldName(sentence)} `;
  return folded.includes(` ${foldName(name)} `);
}

/**
 * Makes `alias` of node `id` an entity of its own: the alias, its mention examples and the statements whose
 * sentence names it (and not the node's label) move to a new node. Returns the new node's key.
 */
function splitAlias(graph: NewsGraph, id: string, alias: string): string {
  const node = graph.getNodeAttributes(id);
  let key = nodeKey(node.kind, alias);
  for (let n = 2; graph.hasNode(key); n++) key = `${nodeKey(node.kind, alias)}-${n}`;
  const folded = foldName(alias);
  const examples = node.examples.filter((e) => foldName(e.text) === folded);
  node.examples = node.examples.filter((e) => foldName(e.text) !== folded);
  node.aliases = node.aliases.filter((a) => foldName(a) !== folded);
  const moved = Math.max(1, examples.length);
  node.mentions = Math.max(1, node.mentions - moved);
  insertSorted(node.rules, 'user:distinct');
  const attributes: NodeAttributes = {
    label: alias,
    kind: node.kind,
    aliases: [],
    mentions: moved,
    articles: [...new Set(examples.map((e) => e.article))].sort(),
    rules: ['user:distinct'],
    examples,
  };
  graph.addNode(key, attributes);

  const edges: { edge: string; source: string; target: string; attributes: EdgeAttributes }[] = [];
  graph.forEachEdge(id, (edge, attributes, source, target) => edges.push({ edge, source, target, attributes }));
  const articles = new Set(attributes.articles);
  for (const e of edges) {
    const theirs: EdgeEvidence[] = e.attributes.evidence.filter(
      (x) => mentions(x.sentence, alias) && !mentions(x.sentence, node.label),
    );
    if (!theirs.length) continue;
    const kept = e.attributes.evidence.filter((x) => !theirs.includes(x));
    for (const x of theirs) articles.add(x.article);
    const copy: EdgeAttributes = { ...structuredClone(e.attributes), evidence: theirs, weight: theirs.length };
    if (kept.length) {
      e.attributes.evidence = kept;
      e.attributes.weight = kept.length;
    } else graph.dropEdge(e.edge);
    putEdge(graph, e.source === id ? key : e.source, e.target === id ? key : e.target, copy, 'user:distinct');
  }
  graph.setNodeAttribute(key, 'articles', [...articles].sort());
  return key;
}
