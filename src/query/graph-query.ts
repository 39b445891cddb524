/**
 * The query API over one loaded graph: names, neighbours, relation patterns, evidence, paths, ego networks,
 * centrality and communities. Indexes (names, the undirected projection) are built once per GraphQuery, so
 * many questions against one graph cost one load.
 */
import louvainModule from 'graphology-communities-louvain';
import pagerankModule from 'graphology-metrics/centrality/pagerank.js';
import { bidirectional } from 'graphology-shortest-path/unweighted.js';
import { EntityNotFoundError, NewsgraphError, UsageError } from '../errors.js';
import { loadGraph } from '../graph/file.js';
import { MultiDirectedGraph, UndirectedGraph } from '../graph/graphology.js';
import type { ArticleRecord, EdgeAttributes, NewsGraph } from '../graph/types.js';
import { toIsoDate } from '../io/timeline.js';
import { seededRandom } from '../util/random.js';
import { parseQueryDate } from './dates.js';
import { NameIndex } from './names.js';
import { closestRelations } from './pattern.js';
import { DEFAULT_TOP } from './settings.js';
import type {
  AboutOptions,
  Basis,
  Community,
  EntityInfo,
  EntityRef,
  EvidenceItem,
  GraphStats,
  NameCandidate,
  NameOptions,
  NameResolution,
  Neighbour,
  NeighbourOptions,
  PathResult,
  RankedEntity,
  RelationPattern,
  RelationRow,
} from './types.js';

// CommonJS packages whose typings describe the exported function as `default`.
const louvain = louvainModule as unknown as typeof louvainModule.default;
const pagerank = pagerankModule as unknown as typeof pagerankModule.default;

/** A relation name that no edge of the graph carries; `suggestions` are the closest, `known` all it has. */
export class RelationNotFoundError extends NewsgraphError {
  readonly relation: string;
  readonly known: string[];
  readonly suggestions: string[];
  constructor(relation: string, known: string[]) {
    const suggestions = closestRelations(relation, known);
    const hint = suggestions.length ? `; did you mean ${suggestions.map((r) => `"${r}"`).join(' or ')}?` : '';
    const list = known.length ? known.join(', ') : 'no relations';
    super(
      'NOT_FOUND',
      `no relation "${relation}" in this graph${hint ? `${hint} It has ${list}` : `; it has ${list}`}`,
    );
    this.relation = relation;
    this.known = known;
    this.suggestions = suggestions;
  }
}

type Projection = InstanceType<typeof UndirectedGraph<Record<string, never>, { weight: number }>>;

/**
 * The undirected projection. Its nodes are numbered ('0', '1', ... in the graph's node order): the algorithms run
 * on it (louvain, shortest paths) index nodes in plain objects, where a key such as `__proto__` or `constructor`
 * would collide with Object.prototype. `keys` maps a number back to the graph's key.
 */
interface IndexedProjection {
  graph: Projection;
  keys: string[];
  index: Map<string, string>;
}

function checkDate(value: string | undefined, which: 'from' | 'to'): string | undefined {
  if (value === undefined) return undefined;
  const date = parseQueryDate(value);
  if (!date) throw new UsageError(`the '${which}' date must be a calendar date like 2024-03-01, not '${value}'`);
  return date;
}

/** Validated date bounds; a range that ends before it starts is a mistake, not an empty answer. */
function checkRange(
  from: string | undefined,
  to: string | undefined,
): { from: string | undefined; to: string | undefined } {
  const range = { from: checkDate(from, 'from'), to: checkDate(to, 'to') };
  if (range.from !== undefined && range.to !== undefined && range.from > range.to) {
    throw new UsageError(`the date range starts (${range.from}) after it ends (${range.to})`);
  }
  return range;
}

/** An edge's basis; files written before the attribute existed hold only text relations. */
function basisOf(a: EdgeAttributes): Basis {
  return (a as EdgeAttributes & { basis?: Basis }).basis === 'knowledge' ? 'knowledge' : 'text';
}

interface EdgeFilter {
  relation: string | null;
  minConfidence: number;
  from: string | undefined;
  to: string | undefined;
  basis: Basis | undefined;
  /** Only current facts: edges and statements not given as past roles. */
  current: boolean;
}

export class GraphQuery {
  readonly graph: NewsGraph;
  readonly names: NameIndex;
  private readonly articles = new Map<string, ArticleRecord>();
  private readonly articleDates = new Map<string, string>();
  private projectionCache: IndexedProjection | null = null;

  constructor(graph: NewsGraph) {
    this.graph = graph;
    this.names = new NameIndex(graph);
    for (const article of graph.getAttribute('articles') ?? []) {
      this.articles.set(article.id, article);
      const date = toIsoDate(article.published);
      if (date) this.articleDates.set(article.id, date);
    }
  }

  /** Loads a graph file (GraphFileError when it breaks the file contract) and indexes it. */
  static async open(file: string): Promise<GraphQuery> {
    return new GraphQuery(await loadGraph(file));
  }

  ref(id: string): EntityRef {
    return { id, label: this.graph.getNodeAttribute(id, 'label') };
  }

  entity(id: string): EntityInfo {
    const a = this.graph.getNodeAttributes(id);
    return {
      id,
      label: a.label,
      kind: a.kind,
      aliases: [...(a.aliases ?? [])],
      mentions: a.mentions,
      articles: [...(a.articles ?? [])],
    };
  }

  /** Every entity a name stands for (label matches win over alias matches); empty when none. */
  findEntities(name: string): string[] {
    return this.names.lookup(name);
  }

  /**
   * The one entity a name stands for (see resolveName). Throws EntityNotFoundError with the nearest names when
   * nothing matches.
   */
  findEntity(name: string, options: NameOptions = {}): EntityInfo {
    return this.entity(this.resolveName(name, options).chosen.id);
  }

  /** True when a name matches some entity: label, alias or (for people) the end of a label. */
  knows(name: string): boolean {
    const { label, alias, surname } = this.names.matches(name.trim());
    return label.length + alias.length + surname.length > 0;
  }

  /** Articles with a usable publication date. */
  get datedArticles(): number {
    return this.articleDates.size;
  }

  /** Articles in the graph. */
  get articleCount(): number {
    return this.articles.size;
  }

  private candidate(id: string, match: NameCandidate['match']): NameCandidate {
    const a = this.graph.getNodeAttributes(id);
    return { id, label: a.label, kind: a.kind, mentions: a.mentions, relations: this.graph.degree(id), match };
  }

  /**
   * What a name stands for, the way a person means it. A node key means its node. Otherwise the name matches
   * labels, aliases, and the ends of people's labels (surnames). An entity whose label is the name wins, unless
   * it is a lone surname node (a one-word person label such as "Blair" while people called "... Blair" exist):
   * the extractor leaves such fragments behind, and a reader asking for "Blair" means the best-known Blair. Then
   * the entity with the most mentions and relations wins. `exact` turns all this off: exact label matches (else
   * alias matches), every one of them. Throws EntityNotFoundError with the nearest names when nothing matches.
   */
  resolveName(name: string, options: NameOptions = {}): NameResolution {
    const { label, alias, surname } = this.names.matches(name.trim());
    const seen = new Map<string, NameCandidate>();
    const add = (ids: string[], match: NameCandidate['match']) => {
      for (const id of ids) if (!seen.has(id)) seen.set(id, this.candidate(id, match));
    };
    add(label, 'label');
    add(label.length ? [] : alias, 'alias');
    if (!options.exact) {
      add(alias, 'alias');
      add(surname, 'surname');
    }
    if (!seen.size) throw new EntityNotFoundError(name, this.names.suggest(name));
    const score = (c: NameCandidate) => c.mentions + c.relations;
    const ranked = [...seen.values()].sort((a, b) => score(b) - score(a) || a.id.localeCompare(b.id));
    if (options.exact) {
      const byMentions = [...ranked].sort((a, b) => b.mentions - a.mentions || a.id.localeCompare(b.id));
      return { name, chosen: byMentions[0]!, candidates: byMentions, ids: byMentions.map((c) => c.id) };
    }
    const isFragment = (c: NameCandidate) =>
      c.kind === 'person' && !c.label.trim().includes(' ') && surname.some((id) => id !== c.id);
    const full = ranked.filter((c) => c.match === 'label' && !isFragment(c));
    const chosen = full[0] ?? ranked[0]!;
    return { name, chosen, candidates: [chosen, ...ranked.filter((c) => c !== chosen)], ids: [chosen.id] };
  }

  /** Like findEntities, but throws EntityNotFoundError (with suggestions) when nothing matches. */
  resolve(name: string): string[] {
    const ids = this.names.lookup(name);
    if (!ids.length) throw new EntityNotFoundError(name, this.names.suggest(name));
    return ids;
  }

  /** The relation names present in the graph, sorted. */
  relationNames(): string[] {
    const names = new Set<string>();
    this.graph.forEachEdge((_e, a) => names.add(a.relation));
    return [...names].sort();
  }

  evidenceItems(evidence: EdgeAttributes['evidence']): EvidenceItem[] {
    return (evidence ?? []).map((e) => {
      const article = this.articles.get(e.article);
      return {
        ...e,
        title: article?.title ?? null,
        source: article?.source ?? null,
        published: article?.published ?? null,
        url: article?.url ?? null,
      };
    });
  }

  /** The evidence of one edge, with the articles' titles, dates and addresses. */
  evidence(edge: string): EvidenceItem[] {
    if (!this.graph.hasEdge(edge)) throw new UsageError(`no edge '${edge}' in this graph`);
    return this.evidenceItems(this.graph.getEdgeAttribute(edge, 'evidence'));
  }

  row(edge: string, evidence?: EdgeAttributes['evidence']): RelationRow {
    const a = this.graph.getEdgeAttributes(edge);
    const statements = structuredClone(evidence ?? a.evidence ?? []);
    return {
      edge,
      source: this.ref(this.graph.source(edge)),
      relation: a.relation,
      target: this.ref(this.graph.target(edge)),
      confidence: a.confidence,
      weight: a.weight,
      evidence: statements,
      basis: basisOf(a),
      ...(a.former === true ? { former: true as const } : {}),
      ...(typeof a.qualifiers?.modality === 'string' ? { modality: a.qualifiers.modality } : {}),
      articles: new Set(statements.map((e) => e.article)).size,
    };
  }

  /** The row for an edge if it passes the filter (with only the statements in the date range), else null. */
  private filtered(edge: string, a: EdgeAttributes, filter: EdgeFilter): RelationRow | null {
    if (filter.relation !== null && a.relation !== filter.relation) return null;
    if (!(a.confidence >= filter.minConfidence)) return null;
    if (filter.basis !== undefined && basisOf(a) !== filter.basis) return null;
    // A past role ("former president") is a fact of the past, never a current one: the edge, or its past statements.
    if (filter.current && a.former === true) return null;
    const evidence = a.evidence ?? [];
    const current = filter.current ? evidence.filter((e) => e.former !== true) : evidence;
    if (filter.from === undefined && filter.to === undefined)
      return current.length === evidence.length ? this.row(edge) : current.length ? this.row(edge, current) : null;
    const { from, to } = filter;
    const inRange = current.filter((e) => {
      const date = this.articleDates.get(e.article);
      return date !== undefined && (from === undefined || date >= from) && (to === undefined || date <= to);
    });
    return inRange.length ? this.row(edge, inRange) : null;
  }

  private edgeFilter(options: {
    relation?: string | undefined;
    minConfidence?: number | undefined;
    from?: string | undefined;
    to?: string | undefined;
    basis?: Basis | undefined;
    current?: boolean | undefined;
  }): EdgeFilter {
    const wildcard = (v: string | undefined) => v === undefined || v.trim() === '' || v.trim() === '?';
    const relation = wildcard(options.relation) ? null : options.relation!.trim().toLowerCase();
    if (relation !== null) {
      const known = this.relationNames();
      if (!known.includes(relation)) throw new RelationNotFoundError(relation, known);
    }
    if (options.basis !== undefined && options.basis !== 'text' && options.basis !== 'knowledge') {
      throw new UsageError(`basis must be 'text' or 'knowledge', not '${String(options.basis)}'`);
    }
    const { from, to } = checkRange(options.from, options.to);
    return {
      relation,
      minConfidence: options.minConfidence ?? 0,
      from,
      to,
      basis: options.basis,
      current: options.current === true,
    };
  }

  /**
   * Everything stated about one entity, in both directions: rows grouped by relation (relations in name order),
   * the entity's own statements ('out') before those about it ('in'), then by confidence.
   */
  about(name: string, options: AboutOptions = {}): RelationRow[] {
    const filter = this.edgeFilter(options);
    const ids = this.resolveName(name, options).ids;
    const rows: RelationRow[] = [];
    for (const id of ids) {
      this.graph.forEachOutEdge(id, (edge, a) => {
        const row = this.filtered(edge, a, filter);
        if (row) rows.push({ ...row, direction: 'out' });
      });
      this.graph.forEachInEdge(id, (edge, a) => {
        const row = this.filtered(edge, a, filter);
        if (row) rows.push({ ...row, direction: 'in' });
      });
    }
    const order = (d: RelationRow['direction']) => (d === 'out' ? 0 : 1);
    return rows.sort(
      (x, y) =>
        x.relation.localeCompare(y.relation) ||
        order(x.direction) - order(y.direction) ||
        y.confidence - x.confidence ||
        x.source.label.localeCompare(y.source.label) ||
        x.target.label.localeCompare(y.target.label),
    );
  }

  /**
   * Edges matching a pattern. Source and target are names (label or alias; '?' or absent = any), relation a
   * relation name. With a date range, an edge matches when one of its statements comes from an article
   * published in the range, and only those statements are returned. Sorted by confidence, highest first.
   */
  relations(pattern: RelationPattern = {}): RelationRow[] {
    const wildcard = (v: string | undefined) => v === undefined || v.trim() === '' || v.trim() === '?';
    const filter = this.edgeFilter(pattern);
    const names = { exact: pattern.exact ?? false };
    const sources = wildcard(pattern.source) ? null : new Set(this.resolveName(pattern.source!.trim(), names).ids);
    const targets = wildcard(pattern.target) ? null : new Set(this.resolveName(pattern.target!.trim(), names).ids);

    const rows: RelationRow[] = [];
    const visit = (edge: string, a: EdgeAttributes, source: string, target: string) => {
      if (sources && !sources.has(source)) return;
      if (targets && !targets.has(target)) return;
      const row = this.filtered(edge, a, filter);
      if (row) rows.push(row);
    };
    if (sources) for (const s of sources) this.graph.forEachOutEdge(s, visit);
    else if (targets) for (const t of targets) this.graph.forEachInEdge(t, visit);
    else this.graph.forEachEdge(visit);

    return rows.sort(
      (x, y) =>
        y.confidence - x.confidence ||
        x.source.label.localeCompare(y.source.label) ||
        x.relation.localeCompare(y.relation) ||
        x.target.label.localeCompare(y.target.label),
    );
  }

  /** The entities joined to `name` by an edge, filtered by relation, direction and kind. */
  neighbours(name: string, options: NeighbourOptions = {}): Neighbour[] {
    const id = this.findEntity(name).id;
    const direction = options.direction ?? 'both';
    const out: Neighbour[] = [];
    const add = (edge: string, a: EdgeAttributes, other: string, dir: 'out' | 'in') => {
      if (options.relation && a.relation !== options.relation) return;
      const kind = this.graph.getNodeAttribute(other, 'kind');
      if (options.kind && kind !== options.kind) return;
      out.push({
        entity: { ...this.ref(other), kind },
        relation: a.relation,
        direction: dir,
        edge,
        confidence: a.confidence,
      });
    };
    if (direction !== 'in') this.graph.forEachOutEdge(id, (edge, a, _s, target) => add(edge, a, target, 'out'));
    if (direction !== 'out') this.graph.forEachInEdge(id, (edge, a, source) => add(edge, a, source, 'in'));
    return out.sort((x, y) => y.confidence - x.confidence || x.entity.label.localeCompare(y.entity.label));
  }

  /** The graph as undirected and simple, parallel edges merged with summed weights: for paths and communities. */
  private projection(): IndexedProjection {
    if (this.projectionCache) return this.projectionCache;
    const projection: Projection = new UndirectedGraph();
    const keys: string[] = [];
    const index = new Map<string, string>();
    this.graph.forEachNode((node) => {
      const id = String(keys.length);
      keys.push(node);
      index.set(node, id);
      projection.addNode(id);
    });
    this.graph.forEachEdge((_e, a, source, target) => {
      const weight = Number.isFinite(a.weight) && a.weight > 0 ? a.weight : 1;
      projection.updateEdge(index.get(source)!, index.get(target)!, (current) => ({
        weight: (current.weight ?? 0) + weight,
      }));
    });
    this.projectionCache = { graph: projection, keys, index };
    return this.projectionCache;
  }

  /** The shortest chain of relations joining two entities, in either direction; null when they are not connected. */
  shortestPath(from: string, to: string): PathResult | null {
    const a = this.findEntity(from).id;
    const b = this.findEntity(to).id;
    const projection = this.projection();
    const found =
      a === b
        ? [projection.index.get(a)!]
        : bidirectional(projection.graph, projection.index.get(a)!, projection.index.get(b)!);
    if (!found) return null;
    const nodes = found.map((id) => projection.keys[Number(id)]!);
    const hops = [];
    for (let i = 0; i + 1 < nodes.length; i++) {
      const x = nodes[i]!;
      const y = nodes[i + 1]!;
      const edges: PathResult['hops'][number]['edges'] = [];
      const push = (edge: string, attributes: EdgeAttributes, direction: 'forward' | 'backward') =>
        edges.push({
          edge,
          relation: attributes.relation,
          direction,
          confidence: attributes.confidence,
          sentence: attributes.evidence?.[0]?.sentence ?? null,
        });
      this.graph.forEachDirectedEdge(x, y, (edge, attributes, source) => {
        if (source === x) push(edge, attributes, 'forward');
      });
      this.graph.forEachDirectedEdge(y, x, (edge, attributes, source) => {
        if (source === y) push(edge, attributes, 'backward');
      });
      hops.push({ from: this.ref(x), to: this.ref(y), edges });
    }
    return { nodes: nodes.map((n) => this.ref(n)), hops };
  }

  /** The entities within `depth` edges of `name` (either direction), with every edge among them, as a graph. */
  ego(name: string, depth = 1): NewsGraph {
    const center = this.findEntity(name).id;
    const reached = new Set([center]);
    let frontier = [center];
    for (let level = 0; level < depth && frontier.length; level++) {
      const next: string[] = [];
      for (const node of frontier) {
        this.graph.forEachNeighbor(node, (neighbour) => {
          if (!reached.has(neighbour)) {
            reached.add(neighbour);
            next.push(neighbour);
          }
        });
      }
      frontier = next;
    }
    const sub: NewsGraph = new MultiDirectedGraph({ allowSelfLoops: false });
    const used = new Set<string>();
    for (const node of reached) {
      const attributes = this.graph.getNodeAttributes(node);
      sub.addNode(node, structuredClone(attributes));
      for (const article of attributes.articles ?? []) used.add(article);
    }
    for (const node of reached) {
      this.graph.forEachOutEdge(node, (edge, attributes, _source, target) => {
        if (reached.has(target)) sub.addEdgeWithKey(edge, node, target, structuredClone(attributes));
      });
    }
    const attributes = this.graph.getAttributes();
    sub.replaceAttributes({ ...attributes, articles: (attributes.articles ?? []).filter((a) => used.has(a.id)) });
    return sub;
  }

  private ranked(scores: Iterable<[string, number]>, limit: number): RankedEntity[] {
    return [...scores]
      .sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))
      .slice(0, limit)
      .map(([id, score]) => ({ ...this.ref(id), kind: this.graph.getNodeAttribute(id, 'kind'), score }));
  }

  /** Degree centrality (degree / (n - 1), parallel edges counted), highest first. */
  topByDegree(limit = 10): RankedEntity[] {
    const scale = this.graph.order < 2 ? 0 : 1 / (this.graph.order - 1);
    return this.ranked(
      this.graph.mapNodes((n): [string, number] => [n, this.graph.degree(n) * scale]),
      limit,
    );
  }

  /** PageRank over the directed relations, weighted by the number of statements, highest first. */
  topByPagerank(limit = 10): RankedEntity[] {
    if (this.graph.order === 0) return [];
    // Numbered copy: pagerank indexes nodes in plain objects (see IndexedProjection).
    const keys: string[] = [];
    const index = new Map<string, string>();
    const numbered = new MultiDirectedGraph<Record<string, never>, { weight: number }>();
    this.graph.forEachNode((node) => {
      index.set(node, String(keys.length));
      numbered.addNode(String(keys.length));
      keys.push(node);
    });
    this.graph.forEachEdge((_e, a, source, target) =>
      numbered.addEdge(index.get(source)!, index.get(target)!, { weight: a.weight }),
    );
    let scores: Record<string, number>;
    try {
      scores = pagerank(numbered, { getEdgeWeight: 'weight' });
    } catch {
      // Convergence can fail on odd weightings; more iterations and a looser tolerance settle it.
      scores = pagerank(numbered, { getEdgeWeight: 'weight', maxIterations: 1000, tolerance: 1e-6 });
    }
    return this.ranked(
      keys.map((key, i): [string, number] => [key, scores[String(i)] ?? 0]),
      limit,
    );
  }

  /** Louvain communities on the undirected projection (deterministic seed); largest first. */
  communities(): { count: number; modularity: number; communities: Community[] } {
    const projection = this.projection();
    if (projection.graph.size === 0) {
      return { count: 0, modularity: 0, communities: [] };
    }
    const result = louvain.detailed(projection.graph, { getEdgeWeight: 'weight', rng: seededRandom(42) });
    const groups = new Map<number, string[]>();
    for (const [id, community] of Object.entries(result.communities)) {
      const node = projection.keys[Number(id)]!;
      const list = groups.get(community);
      if (list) list.push(node);
      else groups.set(community, [node]);
    }
    const communities = [...groups]
      .map(([id, members]) => ({
        id,
        size: members.length,
        members: members
          .sort((x, y) => this.graph.degree(y) - this.graph.degree(x) || x.localeCompare(y))
          .map((m) => this.ref(m)),
      }))
      .sort((x, y) => y.size - x.size || x.id - y.id);
    return { count: result.count, modularity: result.modularity, communities };
  }

  stats(limit = DEFAULT_TOP): GraphStats {
    // No prototype: a relation may be called `constructor` (kebab-case allows it).
    const byKind: Record<string, number> = Object.create(null) as Record<string, number>;
    this.graph.forEachNode((_n, a) => {
      byKind[a.kind] = (byKind[a.kind] ?? 0) + 1;
    });
    const byRelation: Record<string, number> = Object.create(null) as Record<string, number>;
    this.graph.forEachEdge((_e, a) => {
      byRelation[a.relation] = (byRelation[a.relation] ?? 0) + 1;
    });
    const communities = this.communities();
    return {
      nodes: this.graph.order,
      edges: this.graph.size,
      articles: this.articles.size,
      datedArticles: this.articleDates.size,
      byKind,
      byRelation,
      topByDegree: this.topByDegree(limit),
      topByPagerank: this.topByPagerank(limit),
      communities: {
        count: communities.count,
        modularity: communities.modularity,
        largest: communities.communities.slice(0, limit).map((c) => ({ ...c, members: c.members.slice(0, 8) })),
      },
    };
  }
}
