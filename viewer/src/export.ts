/**
 * Exports from the viewer: a PNG of what is on screen, and the filtered graph as newsgraph JSON (positions included,
 * so it reopens with this layout) or as GEXF for Gephi (flat attributes, viz colours, sizes and positions).
 */
import { downloadAsPNG } from '@sigma/export-image';
import { write as writeGexf } from 'graphology-gexf/browser';
import { stripForbiddenXmlChars, toXmlToken, withXmlIds } from '../../src/io/xml.js';
import { relationColor } from './appearance.js';
import { download } from './dom.js';
import { fileKey, MultiDirectedGraph, viewerKey, type ViewerGraph } from './model.js';
import type { ViewerSigma, Visuals } from './renderer.js';

export function baseName(name: string): string {
  return name.replace(/\.json$/i, '').replace(/[^\w.-]+/g, '_') || 'graph';
}

/** A copy holding only what passes the filters, in the file contract (newsgraph/1), with the file's own keys. */
export function filteredGraph(graph: ViewerGraph, nodes: ReadonlySet<string>, edges: ReadonlySet<string>): ViewerGraph {
  const copy: ViewerGraph = new MultiDirectedGraph({ allowSelfLoops: false });
  copy.replaceAttributes(structuredClone(graph.getAttributes()));
  graph.forEachNode((node, attributes) => {
    if (nodes.has(node)) copy.addNode(fileKey(node), structuredClone(attributes));
  });
  graph.forEachEdge((edge, attributes, source, target) => {
    if (edges.has(edge)) copy.addEdgeWithKey(fileKey(edge), fileKey(source), fileKey(target), structuredClone(attributes));
  });
  return copy;
}

/**
 * The GEXF text of a filtered graph (file keys). Ids go through withXmlIds and text through the XML filters, so
 * control characters from a key or an article cannot make the file unreadable; colours and sizes are looked up
 * under the viewer's keys.
 */
export function gexfText(graph: ViewerGraph, visuals: Pick<Visuals, 'color' | 'size'>): string {
  const { written, originalNode } = withXmlIds(graph, (): ViewerGraph => new MultiDirectedGraph({ allowSelfLoops: false }));
  const text = (value: string) => stripForbiddenXmlChars(value);
  return writeGexf(written, {
    version: '1.3',
    formatNode: (node, attributes) => {
      const key = viewerKey(originalNode(node));
      return {
        label: toXmlToken(attributes.label) || node,
        attributes: {
          kind: attributes.kind,
          aliases: text(attributes.aliases.join('|')),
          mentions: attributes.mentions,
          articles: text(attributes.articles.join('|')),
        },
        viz: { color: visuals.color(key), size: visuals.size(key), x: attributes.x, y: attributes.y, z: 0 },
      };
    },
    formatEdge: (_edge, attributes) => ({
      label: toXmlToken(attributes.relation),
      weight: attributes.weight,
      viz: { color: relationColor(attributes.relation) },
      attributes: {
        relation: toXmlToken(attributes.relation),
        confidence: attributes.confidence,
        statements: attributes.evidence.length,
        evidence: text(attributes.evidence.map((evidence) => evidence.sentence).join(' | ')),
        rules: text(attributes.rules.join('|')),
      },
    }),
  });
}

export function exportJson(graph: ViewerGraph, name: string): void {
  download(`${baseName(name)}.filtered.json`, JSON.stringify(graph.export()), 'application/json');
}

export function exportGexf(graph: ViewerGraph, name: string, visuals: Visuals): void {
  download(`${baseName(name)}.filtered.gexf`, gexfText(graph, visuals), 'application/xml');
}

export function exportPng(renderer: ViewerSigma, name: string): Promise<void> {
  return downloadAsPNG(renderer, { fileName: baseName(name), backgroundColor: '#ffffff' });
}
