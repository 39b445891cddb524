/**
 * Shortest paths between two entities over the relations that pass the view's filters and the Path form's own
 * limits (relation kinds, confidence). Direction is ignored: "how are these two connected" reads both ways.
 * Breadth-first from both ends; every shortest path is listed, up to a limit.
 */
import type { ViewerGraph } from './model.js';

export interface PathLimits {
  /** Relations allowed on the path; empty means all. */
  relations: ReadonlySet<string>;
  minConfidence: number;
}

export interface FoundPaths {
  /** Each path as its entities, from first to last. */
  paths: string[][];
  /** Every relation on some shortest path (parallel statements between two consecutive entities included). */
  edges: Set<string>;
  nodes: Set<string>;
  /** Hops of the shortest paths; null when the two are not connected. */
  length: number | null;
}

const MAX_PATHS = 10;

function distances(graph: ViewerGraph, start: string, usable: (edge: string) => boolean): Map<string, number> {
  const distance = new Map<string, number>([[start, 0]]);
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head]!;
    const d = distance.get(node)!;
    graph.forEachEdge(node, (edge, _attributes, source, target) => {
      if (!usable(edge)) return;
      const other = source === node ? target : source;
      if (distance.has(other)) return;
      distance.set(other, d + 1);
      queue.push(other);
    });
  }
  return distance;
}

export function shortestPaths(
  graph: ViewerGraph,
  from: string,
  to: string,
  visibleEdges: ReadonlySet<string>,
  limits: PathLimits,
): FoundPaths {
  const usable = (edge: string) => {
    if (!visibleEdges.has(edge)) return false;
    const attributes = graph.getEdgeAttributes(edge);
    return (
      attributes.confidence >= limits.minConfidence &&
      (limits.relations.size === 0 || limits.relations.has(attributes.relation))
    );
  };
  const none: FoundPaths = { paths: [], edges: new Set(), nodes: new Set(), length: null };
  if (!graph.hasNode(from) || !graph.hasNode(to) || from === to) return none;
  const fromStart = distances(graph, from, usable);
  const total = fromStart.get(to);
  if (total === undefined) return none;
  const fromEnd = distances(graph, to, usable);
  const onPath = (node: string, d: number) => fromStart.get(node) === d && fromEnd.get(node) === total - d;

  const paths: string[][] = [];
  const edges = new Set<string>();
  const walk = (path: string[]) => {
    if (paths.length >= MAX_PATHS) return;
    const node = path[path.length - 1]!;
    if (node === to) {
      paths.push([...path]);
      return;
    }
    const nextNodes = new Set<string>();
    graph.forEachEdge(node, (edge, _attributes, source, target) => {
      if (!usable(edge)) return;
      const other = source === node ? target : source;
      if (onPath(other, path.length)) nextNodes.add(other);
    });
    for (const next of [...nextNodes].sort()) {
      path.push(next);
      walk(path);
      path.pop();
    }
  };
  walk([from]);
  for (const path of paths) {
    for (let i = 1; i < path.length; i++)
      for (const edge of edgesBetween(graph, path[i - 1]!, path[i]!)) if (usable(edge)) edges.add(edge);
  }
  return { paths, edges, nodes: new Set(paths.flat()), length: total };
}

/** Relations joining two entities, either direction, most confident first. */
export function edgesBetween(graph: ViewerGraph, a: string, b: string): string[] {
  return [...graph.edges(a, b), ...graph.edges(b, a)].sort(
    (x, y) => graph.getEdgeAttribute(y, 'confidence') - graph.getEdgeAttribute(x, 'confidence'),
  );
}
