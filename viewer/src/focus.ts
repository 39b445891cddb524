/**
 * Focus: one entity's neighbourhood (1 or 2 hops over the visible relations), laid out on its own so it reads as
 * a small picture rather than a highlighted corner of the whole graph.
 */

import { UndirectedGraph } from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { ViewerGraph } from './model.js';

export interface FocusLayout {
  positions: Map<string, { x: number; y: number }>;
  bbox: { x: [number, number]; y: [number, number] };
}

/** The entities within `hops` of `node`, walking visible relations in either direction; `node` itself included. */
export function neighbourhood(
  graph: ViewerGraph,
  node: string,
  hops: number,
  visibleEdges: ReadonlySet<string>,
): Set<string> {
  const seen = new Set<string>([node]);
  let frontier = [node];
  for (let hop = 0; hop < hops; hop++) {
    const next: string[] = [];
    for (const current of frontier) {
      graph.forEachEdge(current, (edge, _attributes, source, target) => {
        if (!visibleEdges.has(edge)) return;
        const other = source === current ? target : source;
        if (seen.has(other)) return;
        seen.add(other);
        next.push(other);
      });
    }
    frontier = next;
  }
  return seen;
}

/**
 * Rings by hop distance as a start (the focused entity in the middle), then ForceAtlas2 on the neighbourhood
 * alone. Deterministic: the same focus gives the same picture.
 */
export function layoutNeighbourhood(
  graph: ViewerGraph,
  node: string,
  nodes: ReadonlySet<string>,
  edges: ReadonlySet<string>,
): FocusLayout {
  const local = new UndirectedGraph<{ x: number; y: number }>();
  const ring = new Map<string, number>([[node, 0]]);
  let frontier = [node];
  while (frontier.length) {
    const next: string[] = [];
    for (const current of frontier) {
      graph.forEachNeighbor(current, (other) => {
        if (!nodes.has(other) || ring.has(other)) return;
        ring.set(other, (ring.get(current) ?? 0) + 1);
        next.push(other);
      });
    }
    frontier = next;
  }
  const byRing = new Map<number, string[]>();
  for (const member of nodes) {
    const r = ring.get(member) ?? 3;
    byRing.set(r, [...(byRing.get(r) ?? []), member]);
  }
  for (const [r, members] of byRing) {
    members.sort();
    members.forEach((member, i) => {
      const angle = (2 * Math.PI * i) / members.length + r * 0.4;
      local.addNode(member, { x: r * 100 * Math.cos(angle), y: r * 100 * Math.sin(angle) });
    });
  }
  for (const edge of edges) {
    const source = graph.source(edge);
    const target = graph.target(edge);
    if (local.hasNode(source) && local.hasNode(target)) local.mergeEdge(source, target);
  }
  if (local.order > 2) {
    const settings = { ...forceAtlas2.inferSettings(local), gravity: 1, adjustSizes: false };
    forceAtlas2.assign(local, { iterations: local.order > 600 ? 40 : 150, settings });
  }
  const positions = new Map<string, { x: number; y: number }>();
  let minX = Infinity,
    maxX = -Infinity,
    minY = Infinity,
    maxY = -Infinity;
  local.forEachNode((key, { x, y }) => {
    positions.set(key, { x, y });
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  });
  // A lone entity still needs an extent for the camera.
  const pad = Math.max(1, (maxX - minX) * 0.05, (maxY - minY) * 0.05);
  return { positions, bbox: { x: [minX - pad, maxX + pad], y: [minY - pad, maxY + pad] } };
}
