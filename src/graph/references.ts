/**
 * The checks a graph file's shape cannot express: unique keys, edges whose ends are nodes, evidence that names a
 * listed article, real calendar dates, offsets that agree with the quoted text.
 */
import { GraphFileError } from '../errors.js';
import type { SerializedNewsGraph } from './schema.js';
import { show, showKey } from './schema-messages.js';
import type { ArticleRecord, EdgeEvidence, MentionExample } from './types.js';

/**
 * The checks a per-value schema cannot make. One pass over nodes, edges and evidence; place names are built
 * only for the failure (building them for every item would cost more than the checks).
 */
export function checkReferences(graph: SerializedNewsGraph, file: string | null): void {
  const fail = (where: string, reason: string): never => {
    throw new GraphFileError(file, where, reason);
  };
  // An attribute called `__proto__` would become the prototype of graphology's copy of the attributes (it copies
  // with Object.assign) and vanish from every output: refused, since it cannot be kept as data.
  const protoAttribute = (record: object): boolean => Object.hasOwn(record, '__proto__');
  const noProto = "attribute name '__proto__' is not allowed (it cannot be kept as data)";
  if (protoAttribute(graph.attributes)) fail('attributes', noProto);
  const articleIds = new Set<string>();
  const articles = graph.attributes.articles;
  for (let i = 0; i < articles.length; i++) {
    const id = (articles[i] as ArticleRecord).id;
    if (articleIds.has(id)) fail(`attributes.articles[${i}]`, `duplicate article id ${show(id)}`);
    articleIds.add(id);
    const published = (articles[i] as ArticleRecord).published;
    const dateProblem = published === null ? null : calendarDateProblem(published);
    if (dateProblem) fail(`attributes.articles[${i}].published`, dateProblem);
  }
  const unknownArticle = (id: string) => `article ${show(id)} is not in attributes.articles`;

  const nodeKeys = new Set<string>();
  const nodes = graph.nodes;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i] as SerializedNewsGraph['nodes'][number];
    const where = () => `node ${i} (${showKey(node.key)})`;
    if (nodeKeys.has(node.key)) fail(where(), `duplicate node key ${showKey(node.key)}`);
    nodeKeys.add(node.key);
    if (protoAttribute(node.attributes)) fail(where(), noProto);
    const { articles: ids, examples } = node.attributes;
    for (let j = 0; j < ids.length; j++) {
      const id = ids[j] as string;
      if (!articleIds.has(id)) fail(`${where()} articles[${j}]`, unknownArticle(id));
    }
    for (let j = 0; j < examples.length; j++) {
      const example = examples[j] as MentionExample;
      if (!articleIds.has(example.article)) fail(`${where()} examples[${j}]`, unknownArticle(example.article));
      const problem = spanProblem(example.start, example.end, example.text);
      if (problem) fail(`${where()} examples[${j}]`, problem);
    }
  }

  const edgeKeys = new Set<string>();
  const edges = graph.edges;
  for (let i = 0; i < edges.length; i++) {
    const edge = edges[i] as SerializedNewsGraph['edges'][number];
    const where = () => `edge ${i}${edge.key !== undefined ? ` (${showKey(edge.key)})` : ''}`;
    if (edge.key !== undefined) {
      if (edgeKeys.has(edge.key)) fail(where(), `duplicate edge key ${showKey(edge.key)}`);
      edgeKeys.add(edge.key);
    }
    if (!nodeKeys.has(edge.source)) fail(where(), `source ${showKey(edge.source)} is not a node`);
    if (!nodeKeys.has(edge.target)) fail(where(), `target ${showKey(edge.target)} is not a node`);
    if (edge.source === edge.target) fail(where(), `self-loop on ${showKey(edge.source)} (not allowed)`);
    if (protoAttribute(edge.attributes)) fail(where(), noProto);
    const evidence = edge.attributes.evidence;
    for (let j = 0; j < evidence.length; j++) {
      const item = evidence[j] as EdgeEvidence;
      if (!articleIds.has(item.article)) fail(`${where()} evidence[${j}]`, unknownArticle(item.article));
      const problem = spanProblem(item.start, item.end, item.sentence);
      if (problem) fail(`${where()} evidence[${j}]`, problem);
    }
  }
}

/**
 * Why an ISO 8601 string (already shape-checked) names no real moment, or null when it does: the month must be
 * 1-12, the day must exist in that month and year, the time must be on the clock (a leap second :60 is allowed).
 */
function calendarDateProblem(iso: string): string | null {
  const [year, month, day] = [Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))];
  if (month < 1 || month > 12) return `${show(iso)} has no month ${month}`;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > days) return `${show(iso)} is not a calendar date (${iso.slice(0, 7)} has ${days} days)`;
  const time = /T(\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(?:Z|([+-])(\d{2}):?(\d{2})?)?$/.exec(iso);
  if (time) {
    const [hour, minute, second, zoneHour, zoneMinute] = [time[1], time[2], time[3], time[5], time[6]].map((v) =>
      Number(v ?? 0),
    ) as [number, number, number, number, number];
    if (hour > 23 || minute > 59 || second > 60 || zoneHour > 23 || zoneMinute > 59)
      return `${show(iso)} is not a time of day`;
  }
  return null;
}

/** The quoted text is original.slice(start, end), so it must be exactly end - start long. */
function spanProblem(start: number, end: number, text: string): string | null {
  if (end < start) return `end ${end} is before start ${start}`;
  if (text.length !== end - start)
    return `text is ${text.length} characters long but spans ${start}..${end} (${end - start})`;
  return null;
}
