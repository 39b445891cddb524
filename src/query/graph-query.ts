/**
 * The query API over one loaded graph: names, neighbours, relation patterns, evidence, paths, ego networks,
 * centrality and communities. Indexes (names, the undirected projection) are built once per GraphQuery, so
 * many questions against one graph cost one load.
 */
import louvainModule from 'graphology-communities-louvain';
import pagerankModule from 'graphology-metrics/centrality/pagerank.js';
import { bidirectional } from 'graphology-shortest-path/unweighted.js';
import { EntityNotFoundError, NewsgraphError, UsageError } from '../errors.js';
import type { ArticleRecord, EdgeAttributes, NewsGraph } from '../graph/types.js';
import { loadGraph } from '../graph/file.js';
import { MultiDirectedGraph, UndirectedGraph } from '../graph/graphology.js';
import { toIsoDate } from '../io/timeline.js';
import { NameIndex } from './names.js';
import { seededRandom } from '../util/random.js';
import type {
  Community,
  EntityInfo,
  EntityRef,
  EvidenceItem,
  GraphStats,
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

/** A relation name that no edge of the graph carries; `known` lists the ones it has. */
export class RelationNotFoundError extends NewsgraphError {
  readonly relation: string;
  readonly known: string[];
  constructor(relation: string, known: string[]) {
    super('NOT_FOUND', `no relation "${relation}" in this graph; it has ${known.length ? known.join(', ') : 'no relations'}`);
    this.relation = relation;
    this.known = known;
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

function checkDate(value: string | undefined, option: string): string | undefined {
  if (value === undefined) return undefined;
  const date = toIsoDate(value);
  if (!date) throw new UsageError(`${option} must be a date like 2024-03-01, not '${value}'`);
  return date;
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
    return { id, label: a.label, kind: a.kind, aliases: [...(a.aliases ?? [])], mentions: a.mentions, articles: [...(a.articles ?? [])] };
  }

  /** Every entity a name stands for (label matches win over alias matches); empty when none. */
  findEntities(name: string): string[] {
    return this.names.lookup(name);
  }

  /**
   * The one entity a name stands for: among several, the most mentioned. Throws EntityNotFoundError with the
   * nearest names when nothing matches.
   */
  findEntity(name: string): EntityInfo {
    const ids = this.resolve(name);
    const best = [...ids].sort((a, b) => this.graph.getNodeAttribute(b, 'mentions') - this.graph.getNodeAttribute(a, 'mentions') || a.localeCompare(b))[0]!;
    return this.entity(best);
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
      return { ...e, title: article?.title ?? null, published: article?.published ?? null, url: article?.url ?? null };
    });
  }

  /** The evidence of one edge, with the articles' titles, dates and addresses. */
  evidence(edge: string): EvidenceItem[] {
    if (!this.graph.hasEdge(edge)) throw new UsageError(`no edge '${edge}' in this graph`);
    return this.evidenceItems(this.graph.getEdgeAttribute(edge, 'evidence'));
  }

  row(edge: string, evidence?: EdgeAttributes['evidence']): RelationRow {
    const a = this.graph.getEdgeAttributes(edge);
    return {
      edge,
      source: this.ref(this.graph.source(edge)),
      relation: a.relation,
      target: this.ref(this.graph.target(edge)),
      confidence: a.confidence,
      weight: a.weight,
      evidence: structuredClone(evidence ?? a.evidence ?? []),
    };
  }

  /**
   * Edges matching a pattern. Source and target are names (label or alias; '?' or absent = any), relation a
   * relation name. With a date range, an edge matches when one of its statements comes from an article
   * published in the range, and only those statements are returned. Sorted by confidence, highest first.
   */
  relations(pattern: RelationPattern = {}): RelationRow[] {
    const wildcard = (v: string | undefined) => v === undefined || v.trim() === '' || v.trim() === '?';
    const relation = wildcard(pattern.relation) ? null : pattern.relation!.trim().toLowerCase();
    if (relation !== null) {
      const known = this.relationNames();
      if (!known.includes(relation)) throw new RelationNotFoundError(relation, known);
    }
    const sources = wildcard(pattern.source) ? null : new Set(this.resolve(pattern.source!.trim()));
    const targets = wildcard(pattern.target) ? null : new Set(this.resolve(pattern.target!.trim()));
    const minConfidence = pattern.minConfidence ?? 0;
    const from = checkDate(pattern.from, '--from');
    const to = checkDate(pattern.to, '--to');
    const dated = from !== undefined || to !== undefined;

    const rows: RelationRow[] = [];
    const visit = (edge: string, a: EdgeAttributes, source: string, target: string) => {
      if (relation !== null && a.relation !== relation) return;
      if (sources && !sources.has(source)) return;
      if (targets && !targets.has(target)) return;
      if (!(a.confidence >= minConfidence)) return;
      if (!dated) {
        rows.push(this.row(edge));
        return;
      }
      const inRange = (a.evidence ?? []).filter((e) => {
        const date = this.articleDates.get(e.article);
        return date !== undefined && (from === undefined || date >= from) && (to === undefined || date <= to);
      });
      if (inRange.length) rows.push(this.row(edge, inRange));
    };
    if (sources) for (const s of sources) this.graph.forEachOutEdge(s, visit);
    else if (targets) for (const t of targets) this.graph.forEachInEdge(t, visit);
    else this.graph.forEachEdge(visit);

    return rows.sort(
      (x, y) => y.confidence - x.confidence || x.source.label.localeCompare(y.source.label) || x.relation.localeCompare(y.relation) || x.target.label.localeCompare(y.target.label),
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
      out.push({ entity: { ...this.ref(other), kind }, relation: a.relation, direction: dir, edge, confidence: a.confidence });
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
      projection.updateEdge(index.get(source)!, index.get(target)!, (current) => ({ weight: (current.weight ?? 0) + weight }));
    });
    this.projectionCache = { graph: projection, keys, index };
    return this.projectionCache;
  }

  /** The shortest chain of relations joining two entities, in either direction; null when they are not connected. */
  shortestPath(from: string, to: string): PathResult | null {
    const a = this.findEntity(from).id;
    const b = this.findEntity(to).id;
    const projection = this.projection();
    const found = a === b ? [projection.index.get(a)!] : bidirectional(projection.graph, projection.index.get(a)!, projection.index.get(b)!);
    if (!found) return null;
    const nodes = found.map((id) => projection.keys[Number(id)]!);
    const hops = [];
    for (let i = 0; i + 1 < nodes.length; i++) {
      const x = nodes[i]!;
      const y = nodes[i + 1]!;
      const edges: PathResult['hops'][number]['edges'] = [];
      const push = (edge: string, attributes: EdgeAttributes, direction: 'forward' | 'backward') =>
        edges.push({ edge, relation: attributes.relation, direction, confidence: attributes.confidence, sentence: attributes.evidence?.[0]?.sentence ?? null });
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
    return this.ranked(this.graph.mapNodes((n): [string, number] => [n, this.graph.degree(n) * scale]), limit);
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
    this.graph.forEachEdge((_e, a, source, target) => numbered.addEdge(index.get(source)!, index.get(target)!, { weight: a.weight }));
    let scores: Record<string, number>;
    try {
      scores = pagerank(numbered, { getEdgeWeight: 'weight' });
    } catch {
      // Convergence can fail on odd weightings; more iterations and a looser tolerance settle it.
      scores = pagerank(numbered, { getEdgeWeight: 'weight', maxIterations: 1000, tolerance: 1e-6 });
    }
    return this.ranked(keys.map((key, i): [string, number] => [key, scores[String(i)] ?? 0]), limit);
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
        members: members.sort((x, y) => this.graph.degree(y) - this.graph.degree(x) || x.localeCompare(y)).map((m) => this.ref(m)),
      }))
      .sort((x, y) => y.size - x.size || x.id - y.id);
    return { count: result.count, modularity: result.modularity, communities };
  }

  stats(limit = 10): GraphStats {
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
