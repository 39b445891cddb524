/**
 * XML text helpers for the writers. Labels and sentences come from news text, so they may hold quotes, '&', '<'
 * and characters XML 1.0 forbids outright (control characters, lone surrogates, U+FFFE/U+FFFF), which would make
 * the whole file unreadable. Forbidden characters are dropped; everything else is escaped.
 */

// XML 1.0 Char production: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
const FORBIDDEN_XML_CHARS =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function stripForbiddenXmlChars(text: string): string {
  return text.replace(FORBIDDEN_XML_CHARS, '');
}

/** Escapes for an attribute value in double quotes; tabs and newlines become references so they survive parsing. */
const NEEDS_ATTRIBUTE_ESCAPE = /[&<>"\t\n\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
const NEEDS_TEXT_ESCAPE = /[&<>\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

export function escapeXmlAttribute(text: string): string {
  // Most values need no change: one test instead of eight replacements keeps large exports fast.
  if (!NEEDS_ATTRIBUTE_ESCAPE.test(text)) return text;
  return stripForbiddenXmlChars(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#x9;')
    .replace(/\n/g, '&#xA;')
    .replace(/\r/g, '&#xD;');
}

/** Escapes for element text content. */
export function escapeXmlText(text: string): string {
  if (!NEEDS_TEXT_ESCAPE.test(text)) return text;
  return stripForbiddenXmlChars(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#xD;');
}

/** One-line text for places the schema types as xsd:token (GEXF labels): no control characters, single spaces. */
export function toXmlToken(text: string): string {
  return stripForbiddenXmlChars(text).replace(/\s+/g, ' ').trim();
}

/**
 * XML ids for keys. A key may hold characters XML 1.0 cannot carry at all (control characters, lone surrogates),
 * and dropping them could make two keys one id. A key without such characters is its own id; in any other, each
 * forbidden character is written as `_xHHHH_` and, should that id be taken, `~2`, `~3`, ... is appended, so ids
 * stay unique, readable and stable for the same set of keys. Returns only the keys whose id differs.
 */
export function xmlIdsFor(keys: Iterable<string>): Map<string, string> {
  const changed = new Map<string, string>();
  const all: string[] = [];
  for (const key of keys) {
    all.push(key);
    FORBIDDEN_XML_CHARS.lastIndex = 0;
    if (FORBIDDEN_XML_CHARS.test(key)) changed.set(key, '');
  }
  FORBIDDEN_XML_CHARS.lastIndex = 0;
  if (changed.size === 0) return changed;
  const taken = new Set(all.filter((key) => !changed.has(key)));
  for (const key of changed.keys()) {
    const base = key.replace(
      FORBIDDEN_XML_CHARS,
      (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`,
    );
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}~${n}`;
    taken.add(id);
    changed.set(key, id);
  }
  return changed;
}

/** The graph operations withXmlIds needs (any graphology graph has them). */
interface KeyedGraph<N, E, G> {
  nodes(): string[];
  edges(): string[];
  getAttributes(): G;
  replaceAttributes(attributes: G): unknown;
  forEachNode(callback: (key: string, attributes: N) => void): void;
  forEachEdge(callback: (key: string, attributes: E, source: string, target: string) => void): void;
  addNode(key: string, attributes: N): unknown;
  addEdgeWithKey(key: string, source: string, target: string, attributes: E): unknown;
}

/**
 * The graph to hand to an XML writer that uses keys as ids as they are (graphology-gexf): when a key holds
 * characters XML cannot carry, a copy made by `create` and keyed by xmlIdsFor (attributes shared, not copied), with
 * the way back to the real keys. Otherwise the graph itself.
 */
export function withXmlIds<N, E, G, T extends KeyedGraph<N, E, G>>(
  graph: T,
  create: () => T,
): { written: T; originalNode: (id: string) => string; originalEdge: (id: string) => string } {
  const nodeIds = xmlIdsFor(graph.nodes());
  const edgeIds = xmlIdsFor(graph.edges());
  const identity = (id: string) => id;
  if (nodeIds.size === 0 && edgeIds.size === 0)
    return { written: graph, originalNode: identity, originalEdge: identity };
  const nodeOf = new Map<string, string>();
  const edgeOf = new Map<string, string>();
  const copy = create();
  copy.replaceAttributes(graph.getAttributes());
  const nodeId = (key: string) => nodeIds.get(key) ?? key;
  graph.forEachNode((key, attributes) => {
    nodeOf.set(nodeId(key), key);
    copy.addNode(nodeId(key), attributes);
  });
  graph.forEachEdge((key, attributes, source, target) => {
    const id = edgeIds.get(key) ?? key;
    edgeOf.set(id, key);
    copy.addEdgeWithKey(id, nodeId(source), nodeId(target), attributes);
  });
  return { written: copy, originalNode: (id) => nodeOf.get(id) ?? id, originalEdge: (id) => edgeOf.get(id) ?? id };
}
