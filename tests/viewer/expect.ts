/**
 * Expected counts for the exploration tests, computed here from the graph file's JSON with plain loops (not with
 * the viewer's code), so a test compares two independent computations.
 */
export interface GraphData {
  attributes: { articles: Array<{ id: string; published: string | null; url: string | null; title: string | null }> };
  nodes: Array<{ key: string; attributes: { label: string; kind: string; articles: string[]; mentions: number } }>;
  edges: Array<{
    key: string;
    source: string;
    target: string;
    attributes: {
      relation: string;
      confidence: number;
      basis?: string;
      evidence: Array<{ article: string; sentence: string }>;
    };
  }>;
}

export type EdgeFilter = (edge: GraphData['edges'][number]) => boolean;

/** Distinct neighbours of each node over the edges that pass `keep`. */
export function neighbours(data: GraphData, keep: EdgeFilter = () => true): Map<string, Set<string>> {
  const map = new Map(data.nodes.map((n) => [n.key, new Set<string>()]));
  for (const edge of data.edges) {
    if (!keep(edge)) continue;
    map.get(edge.source)!.add(edge.target);
    map.get(edge.target)!.add(edge.source);
  }
  return map;
}

export function withDegreeAtLeast(data: GraphData, k: number): string[] {
  return [...neighbours(data)].filter(([, set]) => set.size >= k).map(([key]) => key);
}

/** The k-core by repeated removal until nothing changes (quadratic, fine for a test graph). */
export function kCore(data: GraphData, k: number): Set<string> {
  const adjacency = neighbours(data);
  const alive = new Set(adjacency.keys());
  for (let changed = true; changed; ) {
    changed = false;
    for (const node of [...alive]) {
      const degree = [...adjacency.get(node)!].filter((other) => alive.has(other)).length;
      if (degree < k) {
        alive.delete(node);
        changed = true;
      }
    }
  }
  return alive;
}

export function components(data: GraphData, among?: ReadonlySet<string>): string[][] {
  const adjacency = neighbours(data);
  const seen = new Set<string>();
  const list: string[][] = [];
  for (const start of adjacency.keys()) {
    if (seen.has(start) || (among && !among.has(start))) continue;
    const component = [start];
    seen.add(start);
    for (let i = 0; i < component.length; i++) {
      for (const other of adjacency.get(component[i]!)!) {
        if (seen.has(other) || (among && !among.has(other))) continue;
        seen.add(other);
        component.push(other);
      }
    }
    list.push(component);
  }
  return list.sort((a, b) => b.length - a.length);
}

/** Entities within `hops` of `node`, itself included. */
export function ball(data: GraphData, node: string, hops: number): Set<string> {
  const adjacency = neighbours(data);
  let frontier = new Set([node]);
  const seen = new Set([node]);
  for (let i = 0; i < hops; i++) {
    const next = new Set<string>();
    for (const current of frontier)
      for (const other of adjacency.get(current)!) {
        if (!seen.has(other)) {
          seen.add(other);
          next.add(other);
        }
      }
    frontier = next;
  }
  return seen;
}

/** Length in hops of the shortest path, or null. */
export function distance(data: GraphData, from: string, to: string, keep: EdgeFilter = () => true): number | null {
  const adjacency = neighbours(data, keep);
  const dist = new Map([[from, 0]]);
  const queue = [from];
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i]!;
    for (const other of adjacency.get(node)!) {
      if (dist.has(other)) continue;
      dist.set(other, dist.get(node)! + 1);
      queue.push(other);
    }
  }
  return dist.get(to) ?? null;
}
