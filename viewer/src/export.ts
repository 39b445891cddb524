/**
 * Exports from the viewer: a PNG of what is on screen, and the filtered graph as newsgraph JSON (positions included,
 * so it reopens with this layout) or as GEXF for Gephi (flat attributes, viz colours, sizes and positions).
 */
import { downloadAsPNG } from '@sigma/export-image';
import { write as writeGexf } from 'graphology-gexf/browser';
import { MultiDirectedGraph } from 'graphology';
import { relationColor } from './appearance.js';
import { download } from './dom.js';
import type { ViewerGraph } from './model.js';
import type { ViewerSigma, Visuals } from './renderer.js';

export function baseName(name: string): string {
  return name.replace(/\.json$/i, '').replace(/[^\w.-]+/g, '_') || 'graph';
}

/** A copy holding only what passes the filters, in the file contract (newsgraph/1). */
export function filteredGraph(graph: ViewerGraph, nodes: ReadonlySet<string>, edges: ReadonlySet<string>): ViewerGraph {
  const copy: ViewerGraph = new MultiDirectedGraph({ allowSelfLoops: false });
  copy.replaceAttributes(structuredClone(graph.getAttributes()));
  graph.forEachNode((node, attributes) => {
    if (nodes.has(node)) copy.addNode(node, structuredClone(attributes));
  });
  graph.forEachEdge((edge, attributes, source, target) => {
    if (edges.has(edge)) copy.addEdgeWithKey(edge, source, target, structuredClone(attributes));
  });
  return copy;
}

export function exportJson(graph: ViewerGraph, name: string): void {
  download(`${baseName(name)}.filtered.json`, JSON.stringify(graph.export()), 'application/json');
}

export function exportGexf(graph: ViewerGraph, name: string, visuals: Visuals): void {
  const xml = writeGexf(graph, {
    version: '1.3',
    formatNode: (node, attributes) => ({
      label: attributes.label,
      attributes: {
        kind: attributes.kind,
        aliases: attributes.aliases.join('|'),
        mentions: attributes.mentions,
        articles: attributes.articles.join('|'),
      },
      viz: { color: visuals.color(node), size: visuals.size(node), x: attributes.x, y: attributes.y, z: 0 },
    }),
    formatEdge: (_edge, attributes) => ({
      label: attributes.relation,
      weight: attributes.weight,
      viz: { color: relationColor(attributes.relation) },
      attributes: {
        relation: attributes.relation,
        confidence: attributes.confidence,
        statements: attributes.evidence.length,
        evidence: attributes.evidence.map((evidence) => evidence.sentence).join(' | '),
        rules: attributes.rules.join('|'),
      },
    }),
  });
  download(`${baseName(name)}.filtered.gexf`, xml, 'application/xml');
}

export function exportPng(renderer: ViewerSigma, name: string): Promise<void> {
  return downloadAsPNG(renderer, { fileName: baseName(name), backgroundColor: '#ffffff' });
}
