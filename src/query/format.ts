/** Plain-text rendering of query answers for the terminal: aligned columns, sensible truncation, no escapes. */

import { toIsoDate } from '../io/timeline.js';
import type { EvidenceItem, GraphStats, NameResolution, PathResult, RelationRow } from './types.js';

/** News text may carry control characters (even terminal escape sequences): show them as spaces. */
export function printable(text: string): string {
  return text
    .replace(/[\u0000-\u001F\u007F-\u009F\u2028\u2029]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Shortens to `width` characters with an ellipsis, cutting at a word boundary when one is near. */
function truncate(text: string, width: number): string {
  const chars = [...text];
  if (chars.length <= width) return text;
  const cut = chars.slice(0, Math.max(1, width - 1)).join('');
  const space = cut.lastIndexOf(' ');
  return `${space > width * 0.6 ? cut.slice(0, space) : cut}…`;
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - [...text].length));
}

/** Aligned columns; the last column is not padded. */
function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max([...h].length, ...rows.map((r) => [...(r[i] ?? '')].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : pad(c, widths[i]!)))
      .join('  ')
      .trimEnd();
  return `${[line(header), line(widths.map((w) => '─'.repeat(w))), ...rows.map(line)].join('\n')}\n`;
}

const NAME_WIDTH = 32;
const SENTENCE_WIDTH = 90;

/** Lines printed under a row of the table (its provenance, its sentences). */
export type RowDetails = (row: RelationRow) => string[];

/** The relation as the table shows it, with what qualifies it: "speaks-for (former)", "supports (hypothetical)". */
function relationCell(r: RelationRow): string {
  const notes = [...(r.former ? ['former'] : []), ...(r.modality ? [r.modality] : [])];
  return notes.length ? `${r.relation} (${notes.join(', ')})` : r.relation;
}

export function relationTable(rows: RelationRow[], details?: RowDetails): string {
  if (!rows.length) return 'no matching relations\n';
  const body = rows.map((r) => [
    truncate(printable(r.source.label), NAME_WIDTH),
    relationCell(r),
    truncate(printable(r.target.label), NAME_WIDTH),
    r.confidence.toFixed(2),
    truncate(printable(r.evidence[0]?.sentence ?? ''), SENTENCE_WIDTH) +
      (r.evidence.length > 1 ? ` (+${r.evidence.length - 1})` : ''),
  ]);
  let text = table(['source', 'relation', 'target', 'conf', 'evidence'], body);
  if (details) {
    const lines = text.split('\n');
    const out = lines.slice(0, 2);
    rows.forEach((row, i) => {
      out.push(lines[i + 2]!, ...details(row));
    });
    text = `${out.join('\n')}\n`;
  }
  return `${text}${rows.length} relation${rows.length === 1 ? '' : 's'}\n`;
}

/** Where a row comes from: how many articles, and the first one reported (earliest date, else first listed). */
export function provenanceLine(items: EvidenceItem[]): string {
  const articles = new Map<string, EvidenceItem>();
  for (const item of items) if (!articles.has(item.article)) articles.set(item.article, item);
  const list = [...articles.values()];
  const dated = list
    .filter((a) => toIsoDate(a.published))
    .sort((a, b) => toIsoDate(a.published)!.localeCompare(toIsoDate(b.published)!));
  const first = dated[0] ?? list[0];
  if (!first) return '    no statements';
  const parts = [
    truncate(printable(first.title ?? first.article), 70),
    first.source ? printable(first.source) : 'source unknown',
    toIsoDate(first.published) ?? 'undated',
  ];
  return `    ${list.length} article${list.length === 1 ? '' : 's'}; first: ${parts.join(' · ')}`;
}

/** Up to `limit` statements of a row, each with its article. */
export function evidenceLines(items: EvidenceItem[], limit: number): string[] {
  return items.slice(0, limit).map((e) => {
    const date = toIsoDate(e.published);
    // Whole sentences: asking for evidence means reading it, and the part that matters may come last.
    return `      “${printable(e.sentence)}” (${truncate(printable(e.title ?? e.article), 50)}${date ? `, ${date}` : ''})`;
  });
}

/** Everything about one entity: a section per relation, the entity's own statements first. */
export function aboutText(entity: { label: string; id: string }, rows: RelationRow[], details?: RowDetails): string {
  const outgoing = rows.filter((r) => r.direction === 'out').length;
  const head = `${printable(entity.label)} (${entity.id}): ${outgoing} relation${outgoing === 1 ? '' : 's'} from it, ${rows.length - outgoing} to it\n`;
  if (!rows.length) return `${head}no matching relations\n`;
  const groups = new Map<string, RelationRow[]>();
  for (const row of rows) {
    const group = groups.get(row.relation);
    if (group) group.push(row);
    else groups.set(row.relation, [row]);
  }
  const sections = [...groups].map(
    ([relation, group]) =>
      `\n${relation} (${group.length})\n${relationTable(group, details).replace(/\d+ relations?\n$/, '')}`,
  );
  return head + sections.join('');
}

/** One line saying which entity an ambiguous name was taken to mean, and what else it could mean. */
export function resolutionNote(resolution: NameResolution): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const describe = (c: NameResolution['chosen']) =>
    `${printable(c.label)} (${c.id}; ${plural(c.mentions, 'mention')}, ${plural(c.relations, 'relation')})`;
  const others = resolution.candidates.filter((c) => c.id !== resolution.chosen.id);
  return `"${printable(resolution.name)}" taken as ${describe(resolution.chosen)}; also matches ${others.map(describe).join(', ')}`;
}

export function pathText(path: PathResult): string {
  if (path.hops.length === 0) return `${printable(path.nodes[0]?.label ?? '')} (the same entity)\n`;
  const lines: string[] = [];
  let chain = printable(path.hops[0]!.from.label);
  for (const hop of path.hops) {
    const relations = hop.edges
      .map((e) => (e.direction === 'forward' ? `-[${e.relation}]->` : `<-[${e.relation}]-`))
      .join(' ');
    chain += ` ${relations} ${printable(hop.to.label)}`;
  }
  lines.push(chain, '');
  for (const hop of path.hops) {
    for (const edge of hop.edges) {
      const [s, t] = edge.direction === 'forward' ? [hop.from, hop.to] : [hop.to, hop.from];
      lines.push(`${printable(s.label)} ${edge.relation} ${printable(t.label)} (${edge.confidence.toFixed(2)})`);
      if (edge.sentence) lines.push(`  “${truncate(printable(edge.sentence), 120)}”`);
    }
  }
  return `${lines.join('\n')}\n`;
}

export function statsText(stats: GraphStats): string {
  const out: string[] = [];
  const dated =
    stats.datedArticles === stats.articles
      ? 'all dated'
      : stats.datedArticles === 0
        ? 'none dated'
        : `${stats.datedArticles} dated`;
  out.push(
    `${stats.nodes} entities, ${stats.edges} relations, ${stats.articles} articles${stats.articles ? ` (${dated})` : ''}`,
    '',
  );
  const counts = (title: string, record: Record<string, number>) => {
    const rows = Object.entries(record)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([k, v]) => [k, String(v)]);
    out.push(table([title, 'count'], rows));
  };
  counts('kind', stats.byKind);
  counts('relation', stats.byRelation);
  const ranked = (title: string, list: GraphStats['topByDegree'], digits: number) =>
    out.push(
      table(
        ['#', title, 'kind', 'score'],
        list.map((e, i) => [String(i + 1), truncate(printable(e.label), 40), e.kind, e.score.toFixed(digits)]),
      ),
    );
  ranked('top by degree', stats.topByDegree, 3);
  ranked('top by PageRank', stats.topByPagerank, 4);
  out.push(`${stats.communities.count} communities (Louvain), modularity ${stats.communities.modularity.toFixed(3)}`);
  for (const c of stats.communities.largest) {
    out.push(
      `  ${String(c.size).padStart(4)}  ${c.members.map((m) => truncate(printable(m.label), 30)).join(', ')}${c.size > c.members.length ? ', …' : ''}`,
    );
  }
  return `${out.join('\n')}\n`;
}
