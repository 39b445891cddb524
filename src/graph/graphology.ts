/**
 * graphology, made safe for keys that are data. graphology indexes each node's neighbours in plain objects keyed
 * by the neighbour's key, so a node called `constructor`, `hasOwnProperty` or `__proto__` (a graph file may hold
 * any string as a key, and article text reaches labels and keys) finds a "neighbour" inherited from
 * Object.prototype and crashes traversals with "Cannot read properties of undefined". This module gives those
 * indexes no prototype, and replaces the three methods that call `index.hasOwnProperty(...)` on them with the
 * static form. It is the only place the graph classes are taken from; browser-safe, for the viewer too.
 *
 * Algorithms from other graphology packages (metrics, communities, layouts, sigma) keep their own plain-object
 * indexes: callers run them on a copy numbered '0'..'n-1' and map the results back (query, export layout).
 */
import { MultiDirectedGraph, MultiGraph, UndirectedGraph } from 'graphology';

/** The base class every graph class extends (not in the typings' namespace). */
const Graph = Object.getPrototypeOf(MultiDirectedGraph) as { prototype: object };

type Adjacency = Record<string, unknown> | undefined;
interface NodeData {
  in?: Adjacency;
  out?: Adjacency;
  undirected?: Adjacency;
}
interface GraphInternals {
  type: string;
  _nodes: Map<string, NodeData>;
}
type HasEdge = (this: GraphInternals, source: unknown, target?: unknown) => boolean;

const PATCHED = Symbol.for('newsgraph.safeKeys');
const own = (index: Adjacency, key: string): boolean => index !== undefined && Object.hasOwn(index, key);

function patchNodeData(probe: { addNode(key: string): unknown }): void {
  probe.addNode('probe');
  const data = (probe as unknown as GraphInternals)._nodes.get('probe');
  if (!data) return;
  const proto = Object.getPrototypeOf(data) as { clear: (this: NodeData) => void; [PATCHED]?: true };
  if (proto[PATCHED]) return;
  const clear = proto.clear;
  proto.clear = function (this: NodeData) {
    clear.call(this);
    if (this.in) this.in = Object.create(null) as Record<string, unknown>;
    if (this.out) this.out = Object.create(null) as Record<string, unknown>;
    if (this.undirected) this.undirected = Object.create(null) as Record<string, unknown>;
  };
  Object.defineProperty(proto, PATCHED, { value: true });
}

function patchHasEdge(
  name: 'hasDirectedEdge' | 'hasUndirectedEdge' | 'hasEdge',
  pairTest: (graph: GraphInternals, data: NodeData, target: string) => boolean,
): void {
  const proto = Graph.prototype as unknown as Record<string, HasEdge>;
  const original = proto[name] as HasEdge;
  proto[name] = function (this: GraphInternals, ...args: unknown[]): boolean {
    if (args.length !== 2) return original.apply(this, args as [unknown, unknown?]);
    const data = this._nodes.get(String(args[0]));
    return data !== undefined && pairTest(this, data, String(args[1]));
  };
}

function patch(): void {
  const marker = Graph.prototype as unknown as { [PATCHED]?: true };
  if (marker[PATCHED]) return;
  patchNodeData(new MultiDirectedGraph());
  patchNodeData(new UndirectedGraph());
  patchNodeData(new MultiGraph());
  patchHasEdge('hasDirectedEdge', (graph, data, target) => graph.type !== 'undirected' && own(data.out, target));
  patchHasEdge('hasUndirectedEdge', (graph, data, target) => graph.type !== 'directed' && own(data.undirected, target));
  patchHasEdge('hasEdge', (_graph, data, target) => own(data.out, target) || own(data.undirected, target));
  Object.defineProperty(marker, PATCHED, { value: true });
}

patch();

export { MultiDirectedGraph, UndirectedGraph };
