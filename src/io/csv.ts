/**
 * CSV in the neo4j-admin import layout: a folder with nodes.csv and edges.csv whose headers carry the Neo4j
 * roles and types (`id:ID`, `:LABEL`, `mentions:int`, `aliases:string[]`; `:START_ID`, `:END_ID`, `:TYPE`,
 * `confidence:float`). Fields follow RFC 4180 (quoted when needed, quotes doubled, CRLF line ends), so the same
 * files open in a spreadsheet. Arrays are joined with ';', neo4j-admin's default array delimiter.
 *
 * Neo4j conventions: labels in PascalCase (`Person`), relationship types in UPPER_SNAKE_CASE (`SPEAKS_FOR`);
 * the original kind and relation stay available as the `kind` and `relation` properties.
 */
import type { NewsGraph } from '../graph/types.js';
import { articleTimeline, edgeFirstSeen, nodeFirstSeen } from './timeline.js';

export const ARRAY_DELIMITER = ';';

export const NODE_HEADER = [
  'id:ID',
  ':LABEL',
  'label',
  'kind',
  'mentions:int',
  'aliases:string[]',
  'articles:string[]',
  'article_count:int',
  'first_seen:date',
  'rules:string[]',
  'x:double',
  'y:double',
] as const;

export const EDGE_HEADER = [
  ':START_ID',
  ':END_ID',
  ':TYPE',
  'id',
  'relation',
  'confidence:float',
  'weight:int',
  'evidence_count:int',
  'first_seen:date',
  'sentences:string[]',
  'articles:string[]',
  'rules:string[]',
] as const;

/** 'organisation' -> 'Organisation'. */
export function neo4jLabel(kind: string): string {
  return kind
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}

/** 'speaks-for' -> 'SPEAKS_FOR'. */
export function neo4jType(relation: string): string {
  return relation
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toUpperCase();
}

/** RFC 4180 field: quoted when it holds a comma, quote, CR or LF, or has edge spaces a spreadsheet would trim. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * An array property. neo4j-admin has no escape for the array delimiter, so a ';' inside an item becomes ','
 * (the only lossy step of the CSV export; the JSON and GraphML exports keep the text exactly).
 */
export function csvArray(values: readonly string[] | undefined): string {
  return (values ?? []).map((v) => v.replaceAll(ARRAY_DELIMITER, ',')).join(ARRAY_DELIMITER);
}

function csvRow(fields: (string | number | null | undefined)[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

export interface CsvFiles {
  nodes: string;
  edges: string;
}

/** Writes nodes.csv and edges.csv contents for the graph. */
export function writeCsv(graph: NewsGraph): CsvFiles {
  const timeline = articleTimeline(graph);
  const nodes: string[] = [csvRow([...NODE_HEADER])];
  graph.forEachNode((node, a) => {
    nodes.push(
      csvRow([
        node,
        neo4jLabel(a.kind),
        a.label,
        a.kind,
        a.mentions,
        csvArray(a.aliases),
        csvArray(a.articles),
        a.articles?.length ?? 0,
        nodeFirstSeen(graph, timeline, node),
        csvArray(a.rules),
        Number.isFinite(a.x) ? a.x : null,
        Number.isFinite(a.y) ? a.y : null,
      ]),
    );
  });
  const edges: string[] = [csvRow([...EDGE_HEADER])];
  graph.forEachEdge((edge, a, source, target) => {
    const evidence = a.evidence ?? [];
    edges.push(
      csvRow([
        source,
        target,
        neo4jType(a.relation),
        edge,
        a.relation,
        a.confidence,
        a.weight,
        evidence.length,
        edgeFirstSeen(graph, timeline, edge),
        csvArray(evidence.map((e) => e.sentence)),
        csvArray([...new Set(evidence.map((e) => e.article))]),
        csvArray(a.rules),
      ]),
    );
  });
  return { nodes: nodes.join(''), edges: edges.join('') };
}
