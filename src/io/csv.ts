/**
 * CSV in the neo4j-admin import layout: a folder with nodes.csv and edges.csv whose headers carry the Neo4j
 * roles and types (`id:ID`, `:LABEL`, `mentions:int`, `aliases:string[]`; `:START_ID`, `:END_ID`, `:TYPE`,
 * `confidence:float`). Fields follow RFC 4180 (quoted when needed, quotes doubled, CRLF line ends), so the same
 * files open in a spreadsheet. Arrays are joined with ';', neo4j-admin's default array delimiter.
 *
 * Neo4j conventions: labels in PascalCase (`Person`), relationship types in UPPER_SNAKE_CASE (`SPEAKS_FOR`);
 * the original kind and relation stay available as the `kind` and `relation` properties. Edges carry their `basis`
 * (text or knowledge), their `qualifiers` as JSON text and `former:boolean` (true for a role stated as past).
 *
 * Text cells that a spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage return) get a
 * leading apostrophe, as OWASP recommends against CSV injection: article text reaches these cells unchanged, and
 * `=HYPERLINK(...)` in a sentence must not become a live link. Spreadsheets hide the apostrophe; tools that want
 * the raw values (neo4j-admin) turn it off with `neutraliseFormulas: false`. Numbers are never changed.
 */
import type { NewsGraph } from '../graph/types.js';
import { articleTimeline, edgeFirstSeen, nodeFirstSeen } from './timeline.js';

const ARRAY_DELIMITER = ';';

const NODE_HEADER = [
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

const EDGE_HEADER = [
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
  'basis',
  'qualifiers',
  'former:boolean',
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

/** Characters that make a spreadsheet read a cell as a formula (OWASP, CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell made inert for spreadsheets: a leading apostrophe when it would start a formula. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export interface CsvOptions {
  /** Prefix text cells that would start a spreadsheet formula with an apostrophe (default true). */
  neutraliseFormulas?: boolean;
}

/**
 * RFC 4180 field: quoted when it holds a comma, quote, CR or LF, or has edge spaces a spreadsheet would trim.
 * Text (not numbers) is neutralised against formulas unless `neutralise` is false.
 */
export function csvField(value: string | number | null | undefined, neutralise = true): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' && neutralise ? neutraliseFormula(value) : String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * An array property. neo4j-admin has no escape for the array delimiter, so a ';' inside an item becomes ','
 * (the only lossy step of the CSV export; the JSON and GraphML exports keep the text exactly).
 */
function csvArray(values: readonly string[] | undefined): string {
  return (values ?? []).map((v) => v.replaceAll(ARRAY_DELIMITER, ',')).join(ARRAY_DELIMITER);
}

/**
 * Qualifiers ({issue: 'Kashmir'}) as JSON text: a map has no neo4j-admin type, and a column per qualifier would
 * change the header with every new one. Empty when there are none.
 */
function qualifiersJson(qualifiers: Readonly<Record<string, string>> | undefined): string {
  return qualifiers && Object.keys(qualifiers).length ? JSON.stringify(qualifiers) : '';
}

function csvRow(fields: (string | number | null | undefined)[], neutralise: boolean): string {
  return `${fields.map((field) => csvField(field, neutralise)).join(',')}\r\n`;
}

export interface CsvFiles {
  nodes: string;
  edges: string;
}

/** Writes nodes.csv and edges.csv contents for the graph. */
export function writeCsv(graph: NewsGraph, options: CsvOptions = {}): CsvFiles {
  const neutralise = options.neutraliseFormulas ?? true;
  const timeline = articleTimeline(graph);
  const nodes: string[] = [csvRow([...NODE_HEADER], neutralise)];
  graph.forEachNode((node, a) => {
    nodes.push(
      csvRow(
        [
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
        ],
        neutralise,
      ),
    );
  });
  const edges: string[] = [csvRow([...EDGE_HEADER], neutralise)];
  graph.forEachEdge((edge, a, source, target) => {
    const evidence = a.evidence ?? [];
    edges.push(
      csvRow(
        [
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
          // Files written before basis existed read as 'text'.
          a.basis ?? 'text',
          qualifiersJson(a.qualifiers),
          a.former === true ? 'true' : 'false',
        ],
        neutralise,
      ),
    );
  });
  return { nodes: nodes.join(''), edges: edges.join('') };
}
