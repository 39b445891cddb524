/**
 * The filtered graph as files, kept apart from the PNG export (which loads sigma and needs WebGL): the copy with
 * the file's own keys (see viewerKey) and its GEXF text.
 */
import { write as writeGexf } from 'graphology-gexf/browser';
import { stripForbiddenXmlChars, toXmlToken, withXmlIds } from '../../src/io/xml.js';
import { relationColor } from './appearance.js';
import { fileKey, MultiDirectedGraph, type ViewerGraph, viewerKey } from './model.js';
import type { Visuals } from './renderer.js';

/** A copy holding only what passes the filters, in the file contract (newsgraph/1), with the file's own keys. */
export function filteredGraph(graph: ViewerGraph, nodes: ReadonlySet<string>, edges: ReadonlySet<string>): ViewerGraph {
  const copy: ViewerGraph = new MultiDirectedGraph({ allowSelfLoops: false });
  copy.replaceAttributes(structuredClone(graph.getAttributes()));
  graph.forEachNode((node, attributes) => {
    if (nodes.has(node)) copy.addNode(fileKey(node), structuredClone(attributes));
  });
  graph.forEachEdge((edge, attributes, source, target) => {
    if (edges.has(edge))
      copy.addEdgeWithKey(fileKey(edge), fileKey(source), fileKey(target), structuredClone(attributes));
  });
  return copy;
}

/**
 * The GEXF text of a filtered graph (file keys). Ids go through withXmlIds and text through the XML filters, so
 * control characters from a key or an article cannot make the file unreadable; colours and sizes are looked up
 * under the viewer's keys.
 */
export function gexfText(graph: ViewerGraph, visuals: Pick<Visuals, 'color' | 'size'>): string {
  // Without the graph's own attributes: graphology-gexf writes each as a <meta> child, which the GEXF grammar rejects.
  const bare: ViewerGraph = new MultiDirectedGraph({ allowSelfLoops: false });
  graph.forEachNode((node, attributes) => bare.addNode(node, attributes));
  graph.forEachEdge((edge, attributes, source, target) => bare.addEdgeWithKey(edge, source, target, attributes));
  const { written, originalNode } = withXmlIds(
    bare,
    (): ViewerGraph => new MultiDirectedGraph({ allowSelfLoops: false }),
  );
  const text = (value: string) => stripForbiddenXmlChars(value);
  const xml = writeGexf(written, {
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
  // The GEXF RelaxNG grammar allows no foreign attributes on <gexf>, so no xsi:schemaLocation (as the CLI export).
  return xml.replace(/(<gexf\b[^>]*?)\s+xsi:schemaLocation="[^"]*"/, '$1');
}
