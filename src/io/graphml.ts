/**
 * GraphML writer (graphology-graphml only parses). One <key> per attribute with its attr.type, directed edges,
 * one <data> per attribute value; list and object attributes (aliases, articles, evidence, qualifiers) are JSON
 * strings, so nothing is lost and yEd, Cytoscape or networkx read the file as plain strings. Text comes from news,
 * so every value is escaped and stripped of the characters XML 1.0 forbids.
 */
import type { EdgeAttributes, NewsGraph } from '../graph/types.js';
import { escapeXmlAttribute, escapeXmlText, xmlIdsFor } from './xml.js';

type GraphmlType = 'string' | 'int' | 'double' | 'boolean';
type Domain = 'graph' | 'node' | 'edge';

interface Key {
  id: string;
  domain: Domain;
  name: string;
  type: GraphmlType;
}

const GRAPHML_HEADER =
  '<?xml version="1.0" encoding="UTF-8"?>\n' +
  '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
  'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n';

function typeOf(value: unknown): GraphmlType | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'double';
  return 'string';
}

/** Widens a key's type as values are seen: int + double = double; anything + string = string. */
function widen(current: GraphmlType | undefined, next: GraphmlType): GraphmlType {
  if (!current || current === next) return next;
  if ((current === 'int' && next === 'double') || (current === 'double' && next === 'int')) return 'double';
  return 'string';
}

function encode(value: unknown, type: GraphmlType): string {
  if (type === 'string') return typeof value === 'string' ? value : JSON.stringify(value);
  return String(value);
}

/** Collects the attribute names and types of one domain, in first-seen order. */
function collectKeys(domain: Domain, records: Iterable<Record<string, unknown>>): Key[] {
  const types = new Map<string, GraphmlType>();
  for (const record of records) {
    for (const [name, value] of Object.entries(record)) {
      const type = typeOf(value);
      if (type) types.set(name, widen(types.get(name), type));
    }
  }
  const prefix = domain === 'graph' ? 'g' : domain === 'node' ? 'v' : 'e';
  return [...types].map(([name, type]) => ({ id: `${prefix}_${name}`, domain, name, type }));
}

function dataElements(keys: Key[], record: Record<string, unknown>, indent: string): string {
  let out = '';
  for (const key of keys) {
    const value = record[key.name];
    if (value === null || value === undefined) continue;
    out += `${indent}<data key="${escapeXmlAttribute(key.id)}">${escapeXmlText(encode(value, key.type))}</data>\n`;
  }
  return out;
}

function* nodeRecords(graph: NewsGraph): Generator<Record<string, unknown>> {
  for (const { attributes } of graph.nodeEntries()) yield attributes as unknown as Record<string, unknown>;
}

/**
 * An edge's attributes as written: basis always ('text' for files written before it existed), former always (a
 * boolean, false for current roles), qualifiers only when there are some.
 */
function edgeRecord(attributes: EdgeAttributes): Record<string, unknown> {
  const { qualifiers, ...rest } = attributes;
  return {
    ...rest,
    basis: attributes.basis ?? 'text',
    former: attributes.former === true,
    ...(qualifiers && Object.keys(qualifiers).length ? { qualifiers } : {}),
  };
}

function* edgeRecords(graph: NewsGraph): Generator<Record<string, unknown>> {
  for (const { attributes } of graph.edgeEntries()) yield edgeRecord(attributes);
}

/**
 * Edge keys declared whatever the values: a reader sees the same columns for every graph, even one whose edges
 * have no qualifiers (a JSON string of a string-to-string map, like the lists).
 */
const FIXED_EDGE_KEYS: readonly Key[] = [
  { id: 'e_basis', domain: 'edge', name: 'basis', type: 'string' },
  { id: 'e_qualifiers', domain: 'edge', name: 'qualifiers', type: 'string' },
  { id: 'e_former', domain: 'edge', name: 'former', type: 'boolean' },
];

function withFixedKeys(keys: Key[], fixed: readonly Key[]): Key[] {
  const fixedNames = new Set(fixed.map((key) => key.name));
  return [...keys.filter((key) => !fixedNames.has(key.name)), ...fixed];
}

/** Writes the graph as GraphML (a string). */
export function writeGraphml(graph: NewsGraph): string {
  const graphAttributes = graph.getAttributes() as unknown as Record<string, unknown>;
  const graphKeys = collectKeys('graph', [graphAttributes]);
  const nodeKeys = collectKeys('node', nodeRecords(graph));
  const edgeKeys = withFixedKeys(collectKeys('edge', edgeRecords(graph)), FIXED_EDGE_KEYS);

  const parts: string[] = [GRAPHML_HEADER];
  for (const key of [...graphKeys, ...nodeKeys, ...edgeKeys]) {
    parts.push(
      `  <key id="${escapeXmlAttribute(key.id)}" for="${key.domain}" attr.name="${escapeXmlAttribute(key.name)}" attr.type="${key.type}"/>\n`,
    );
  }
  parts.push('  <graph id="G" edgedefault="directed">\n');
  // graphology-graphml reads graph-level data only before the first node.
  parts.push(dataElements(graphKeys, graphAttributes, '    '));
  // Ids keep the keys, except for characters XML cannot carry (see xmlIdsFor): stripping them could merge two ids.
  const nodeIds = xmlIdsFor(graph.nodes());
  const edgeIds = xmlIdsFor(graph.edges());
  const nodeId = (key: string) => escapeXmlAttribute(nodeIds.get(key) ?? key);
  graph.forEachNode((node, attributes) => {
    parts.push(`    <node id="${nodeId(node)}">\n`);
    parts.push(dataElements(nodeKeys, attributes as unknown as Record<string, unknown>, '      '));
    parts.push('    </node>\n');
  });
  graph.forEachEdge((edge, attributes, source, target) => {
    parts.push(
      `    <edge id="${escapeXmlAttribute(edgeIds.get(edge) ?? edge)}" source="${nodeId(source)}" target="${nodeId(target)}">\n`,
    );
    parts.push(dataElements(edgeKeys, edgeRecord(attributes), '      '));
    parts.push('    </edge>\n');
  });
  parts.push('  </graph>\n</graphml>\n');
  return parts.join('');
}
