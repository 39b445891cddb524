/**
 * GEXF 1.3 for Gephi. graphology-gexf writes every <node> and <edge> element (labels, typed attribute values,
 * viz colour, size, position, thickness, edge kind and weight); this module writes the document around them,
 * where that writer falls short of the official RelaxNG grammar or of what Gephi needs:
 * - <meta> holds only creator, description, keywords and lastmodifieddate (graphology-gexf turns every graph
 *   attribute into an element the schema rejects), and no xsi:schemaLocation (RelaxNG allows no foreign attributes);
 * - attribute declarations are explicit and typed instead of inferred from values (a graph whose confidences
 *   happen to be whole numbers must still declare a double);
 * - a timeline: with dated articles the graph is mode="dynamic" timeformat="date" and every node and edge gets
 *   start = the first date it was seen, so Gephi's timeline plays the story in order (graphology-gexf writes no
 *   dynamics, so the start attributes are added to its output).
 * Colours come from the palette shared with the viewer; sizes from degree; positions from the export layout.
 */
import gexf from 'graphology-gexf';
import { MultiDirectedGraph } from '../graph/graphology.js';
import { kindColor, relationColor } from '../graph/palette.js';
import type { EdgeAttributes, NewsGraph, NodeAttributes } from '../graph/types.js';
import { VERSION } from '../version.js';
import { degreeSizes, type LayoutOptions, layoutPositions } from './layout.js';
import { articleTimeline, edgeFirstSeen, nodeFirstSeen } from './timeline.js';
import { escapeXmlAttribute, escapeXmlText, stripForbiddenXmlChars, toXmlToken, withXmlIds } from './xml.js';

export interface GexfOptions extends LayoutOptions {
  /** Date written as <meta lastmodifieddate>; defaults to today. */
  now?: Date;
  /** Pretty-print with indentation (default: for graphs up to 10,000 nodes; larger files stay compact). */
  pretty?: boolean;
}

const PRETTY_MAX_NODES = 10_000;

interface AttributeDeclaration {
  id: string;
  title: string;
  type: 'string' | 'integer' | 'double' | 'liststring' | 'boolean';
  /** The value of elements that leave the attribute out (GEXF <default>). */
  default?: string;
}

/**
 * The typed columns Gephi's data laboratory shows; ids are the attribute names graphology-gexf reads back.
 * Kept few on purpose: every column costs an element per node or edge (first-seen dates are the `start`
 * attributes; rules and full evidence stay in the JSON, GraphML and CSV exports).
 */
const GEXF_NODE_ATTRIBUTES: readonly AttributeDeclaration[] = [
  { id: 'kind', title: 'kind', type: 'string' },
  { id: 'aliases', title: 'aliases', type: 'liststring' },
  { id: 'mentions', title: 'mentions', type: 'integer' },
  { id: 'article_count', title: 'article count', type: 'integer' },
];

const GEXF_EDGE_ATTRIBUTES: readonly AttributeDeclaration[] = [
  { id: 'relation', title: 'relation', type: 'string' },
  { id: 'confidence', title: 'confidence', type: 'double' },
  { id: 'evidence_count', title: 'evidence count', type: 'integer' },
  { id: 'sentence', title: 'first evidence sentence', type: 'string' },
  { id: 'basis', title: 'basis', type: 'string' },
  { id: 'qualifiers', title: 'qualifiers', type: 'string' },
  // Written only on former roles; every other edge takes the default.
  { id: 'former', title: 'former', type: 'boolean', default: 'false' },
];

type AttributeValue = string | number;

/**
 * A GEXF 1.3 list value, `["a", "b, c"]`, written here rather than by graphology-gexf, which leaves items
 * unquoted unless they hold a quote, so an alias with a comma ("Zinc, the café") would read back as two.
 * Every item is double-quoted with backslash escapes, the form graphology-gexf's and Gephi's parsers read.
 * Empty lists are left out.
 */
function gexfList(values: readonly string[] | undefined): string | undefined {
  const items = (values ?? []).map(stripForbiddenXmlChars).filter((v) => v.length > 0);
  if (!items.length) return undefined;
  const quoted = items.map(
    (v) =>
      `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')}"`,
  );
  return `[${quoted.join(', ')}]`;
}

/**
 * Qualifiers ({issue: 'Kashmir'}) as one JSON string: GEXF has no map type, and a column per qualifier would
 * grow with every new one. Empty or missing qualifiers are left out.
 */
function qualifiersJson(qualifiers: Readonly<Record<string, string>> | undefined): string | undefined {
  // JSON escapes control characters and lone surrogates; U+FFFE/U+FFFF are dropped like in any other text.
  return qualifiers && Object.keys(qualifiers).length ? stripForbiddenXmlChars(JSON.stringify(qualifiers)) : undefined;
}

function compact(record: Record<string, AttributeValue | null | undefined>): Record<string, AttributeValue> {
  const out: Record<string, AttributeValue> = {};
  for (const [key, value] of Object.entries(record))
    if (value !== null && value !== undefined && value !== '') out[key] = value;
  return out;
}

/** The same escaping xml-writer applies to attribute values, so written ids can be mapped back to keys. */
function xmlWriterAttributeEscape(text: string): string {
  if (!/[&<"\t\n\r]/.test(text)) return text;
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#x9;')
    .replace(/\n/g, '&#xA;')
    .replace(/\r/g, '&#xD;');
}

function declarations(kind: 'node' | 'edge', list: readonly AttributeDeclaration[], pretty: boolean): string {
  const [nl, inner, outer] = pretty ? ['\n', '      ', '    '] : ['', '', ''];
  const lines = list.map((a) => {
    const open = `${inner}<attribute id="${escapeXmlAttribute(a.id)}" title="${escapeXmlAttribute(a.title)}" type="${a.type}"`;
    return a.default === undefined
      ? `${open}/>`
      : `${open}><default>${escapeXmlAttribute(a.default)}</default></attribute>`;
  });
  return `<attributes class="${kind}" mode="static">${nl}${lines.join(nl)}${nl}${outer}</attributes>`;
}

function metaElement(graph: NewsGraph, now: Date, pretty: boolean): string {
  const articles = graph.getAttribute('articles') ?? [];
  const kinds = new Set<string>();
  graph.forEachNode((_n, a) => kinds.add(a.kind));
  const relations = new Set<string>();
  graph.forEachEdge((_e, a) => relations.add(a.relation));
  const creator = graph.getAttribute('createdWith') || `newsgraph ${VERSION}`;
  const description =
    `Knowledge graph of ${graph.order} entities and ${graph.size} relations from ${articles.length} news ` +
    `article${articles.length === 1 ? '' : 's'}; every edge carries the sentences that state it.`;
  const keywords = ['news', 'knowledge graph', 'newsgraph', ...[...kinds].sort(), ...[...relations].sort()].join(', ');
  const date = now.toISOString().slice(0, 10);
  const [nl, inner, outer] = pretty ? ['\n', '    ', '  '] : ['', '', ''];
  return (
    `<meta lastmodifieddate="${date}">${nl}` +
    `${inner}<creator>${escapeXmlText(creator)}</creator>${nl}` +
    `${inner}<description>${escapeXmlText(description)}</description>${nl}` +
    `${inner}<keywords>${escapeXmlText(keywords)}</keywords>${nl}` +
    `${outer}</meta>`
  );
}

/** Writes the graph as a GEXF 1.3 document (a string). The graph is not modified. */
export function writeGexf(graph: NewsGraph, options: GexfOptions = {}): string {
  const timeline = articleTimeline(graph);
  const sizes = degreeSizes(graph);
  const positions = layoutPositions(graph, sizes, options);

  // Start dates by the id as xml-writer will spell it, to add them in one pass over the written document.
  const starts = new Map<string, string>();
  const {
    written: source,
    originalNode,
    originalEdge,
  } = withXmlIds(graph, (): NewsGraph => new MultiDirectedGraph({ allowSelfLoops: false }));

  const formatNode = (id: string, attributes: NodeAttributes) => {
    const key = originalNode(id);
    const firstSeen = nodeFirstSeen(graph, timeline, key);
    if (firstSeen) starts.set(`node\u0000${xmlWriterAttributeEscape(id)}`, firstSeen);
    const position = positions.get(key);
    return {
      label: toXmlToken(attributes.label) || id,
      attributes: compact({
        kind: attributes.kind,
        aliases: gexfList(attributes.aliases),
        mentions: attributes.mentions,
        article_count: attributes.articles?.length ?? 0,
      }),
      viz: {
        color: kindColor(attributes.kind),
        size: sizes.get(key) ?? 5,
        ...(position ? { x: position.x, y: position.y } : {}),
      },
    };
  };

  const formatEdge = (id: string, attributes: EdgeAttributes) => {
    const firstSeen = edgeFirstSeen(graph, timeline, originalEdge(id));
    if (firstSeen) starts.set(`edge\u0000${xmlWriterAttributeEscape(id)}`, firstSeen);
    const evidence = attributes.evidence ?? [];
    const relation = toXmlToken(attributes.relation);
    const weight = Number.isFinite(attributes.weight) ? attributes.weight : evidence.length || 1;
    return {
      // kind and label carry the relation: Gephi keeps parallel edges of different kinds apart.
      label: relation,
      kind: relation,
      weight,
      attributes: compact({
        relation,
        confidence: attributes.confidence,
        evidence_count: evidence.length,
        sentence: evidence[0] ? stripForbiddenXmlChars(evidence[0].sentence) : undefined,
        // Files written before basis existed read as 'text'.
        basis: attributes.basis ?? 'text',
        qualifiers: qualifiersJson(attributes.qualifiers),
        former: attributes.former === true ? 'true' : undefined,
      }),
      viz: {
        color: relationColor(attributes.relation),
        thickness: Math.round((1 + Math.log2(Math.max(1, weight))) * 100) / 100,
      },
    };
  };

  const pretty = options.pretty ?? graph.order <= PRETTY_MAX_NODES;
  const nl = pretty ? '\n' : '';
  const indent = (depth: number) => (pretty ? '  '.repeat(depth) : '');
  const parts: string[] = [
    `<?xml version="1.0" encoding="UTF-8"?>${nl}`,
    `<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">${nl}`,
    `${indent(1)}${metaElement(graph, options.now ?? new Date(), pretty)}${nl}`,
    `${indent(1)}${graphOpenElement(timeline)}${nl}`,
    `${indent(2)}${declarations('node', GEXF_NODE_ATTRIBUTES, pretty)}${nl}`,
    `${indent(2)}${declarations('edge', GEXF_EDGE_ATTRIBUTES, pretty)}${nl}`,
  ];
  const addStarts = (text: string): string =>
    timeline.dated && starts.size
      ? // '<' is always escaped inside attribute values, so this only matches element starts.
        text.replace(/<(node|edge) id="([^"]*)"/g, (match, element: string, id: string) => {
          const start = starts.get(`${element}\u0000${id}`);
          return start ? `${match} start="${start}"` : match;
        })
      : text;

  // graphology-gexf writes the <node> and <edge> elements; the document around them is written above.
  const written = gexf.write(source, { version: '1.3', pretty, pedantic: true, formatNode, formatEdge });
  parts.push(
    `${indent(2)}<nodes>`,
    addStarts(between(written, '<nodes>', '</nodes>')),
    `${graph.order ? indent(2) : ''}</nodes>${nl}`,
  );
  parts.push(
    `${indent(2)}<edges>`,
    addStarts(between(written, '<edges>', '</edges>')),
    `${graph.size ? indent(2) : ''}</edges>${nl}`,
  );
  parts.push(`${indent(1)}</graph>${nl}`, `</gexf>${nl}`);
  return parts.join('');
}

/** The text between the first `open` and the first `close` after it ('' for an empty <nodes/> or <edges/>). */
function between(text: string, open: string, close: string): string {
  const start = text.indexOf(open);
  let end = start < 0 ? -1 : text.indexOf(close, start);
  if (start < 0 || end < start) return '';
  // Drop the closing tag's indentation; the caller writes its own.
  while (end > start && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  return text.slice(start + open.length, end);
}

function graphOpenElement(timeline: { dated: boolean; first: string | null; last: string | null }): string {
  return timeline.dated
    ? `<graph defaultedgetype="directed" mode="dynamic" timeformat="date"${timeline.first ? ` start="${timeline.first}"` : ''}${timeline.last ? ` end="${timeline.last}"` : ''}>`
    : '<graph defaultedgetype="directed" mode="static">';
}
