import { describe, expect, it } from 'vitest';
import { defaultIterations, hasPositions, layoutPositions, sizeFromDegree } from '../../src/io/layout.js';
import { loadFixture } from './helpers.js';

function sizes(graph: ReturnType<typeof loadFixture>): Map<string, number> {
  return new Map(graph.nodes().map((n) => [n, 5]));
}

function distance(a: { x: number; y: number }, b: { x: number; y: number }): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

describe('export layout', () => {
  it('gives the same positions for the same graph on every run', () => {
    const graph = loadFixture();
    expect([...layoutPositions(graph, sizes(graph))]).toEqual([...layoutPositions(loadFixture(), sizes(graph))]);
  });

  it('does not change the graph it lays out', () => {
    const graph = loadFixture();
    layoutPositions(graph, sizes(graph));
    expect(hasPositions(graph)).toBe(false);
    expect(graph.export()).toEqual(loadFixture().export());
  });

  it('places related entities closer than unrelated ones on average', () => {
    const graph = loadFixture();
    const positions = layoutPositions(graph, sizes(graph));
    const linked: number[] = [];
    graph.forEachEdge((_e, _a, s, t) => linked.push(distance(positions.get(s)!, positions.get(t)!)));
    const all: number[] = [];
    const nodes = graph.nodes();
    for (const a of nodes) for (const b of nodes) if (a < b) all.push(distance(positions.get(a)!, positions.get(b)!));
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean(linked)).toBeLessThan(mean(all));
  });

  it('bounds ForceAtlas2 iterations by graph size', () => {
    expect(defaultIterations(10)).toBe(300);
    expect(defaultIterations(1_000)).toBeLessThan(defaultIterations(100));
    expect(defaultIterations(50_000)).toBeGreaterThanOrEqual(1);
    expect(defaultIterations(50_000)).toBeLessThanOrEqual(2);
  });

  it.each([
    [0, 10, 5],
    [10, 10, 30],
    [0, 0, 5],
  ])('sizes a node of degree %i (max %i) as %d', (degree, max, size) => {
    expect(sizeFromDegree(degree, max)).toBe(size);
  });
});
