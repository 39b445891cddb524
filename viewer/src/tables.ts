/**
 * The "Tables" region: entities (label, kind, degree, PageRank, articles) and relations (source, relation, target,
 * confidence, evidence count), filtered like the graph, sortable by any column, exportable as CSV. A row selects
 * its entity (or the relation's source, scrolled to that relation); Enter does the same from the keyboard.
 */
import pagerank from 'graphology-metrics/centrality/pagerank';
import { clear, download, el } from './dom.js';
import type { ViewerGraph } from './model.js';

type Cell = string | number;

interface Column {
  name: string;
  numeric: boolean;
}

export interface TablesContext {
  graph: ViewerGraph;
  visibleNodes(): ReadonlySet<string>;
  visibleEdges(): ReadonlySet<string>;
  selectNode(node: string): void;
  selectEdge(edge: string): void;
  fileName: string;
}

export interface TablesView {
  /** Redraws the open table (after a filter change). */
  update(): void;
  toggle(): void;
}

/** Rows drawn in the page; the CSV always holds all of them. */
const ROWS_SHOWN = 300;

const ENTITY_COLUMNS: Column[] = [
  { name: 'Label', numeric: false },
  { name: 'Kind', numeric: false },
  { name: 'Degree', numeric: true },
  { name: 'PageRank', numeric: true },
  { name: 'Articles', numeric: true },
];
const RELATION_COLUMNS: Column[] = [
  { name: 'Source', numeric: false },
  { name: 'Relation', numeric: false },
  { name: 'Target', numeric: false },
  { name: 'Confidence', numeric: true },
  { name: 'Evidence', numeric: true },
];

function csvCell(value: Cell): string {
  const text = String(value);
  // Quote when needed; a leading formula character is defused for spreadsheets (the data comes from the web).
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function toCsv(columns: Column[], rows: Cell[][]): string {
  const lines = [columns.map((c) => csvCell(c.name)), ...rows.map((row) => row.map(csvCell))].map((row) =>
    row.join(','),
  );
  return `${lines.join('\r\n')}\r\n`;
}

export function createTables(region: HTMLElement, toggleButton: HTMLButtonElement, context: TablesContext): TablesView {
  const { graph } = context;
  let which: 'entities' | 'relations' = 'entities';
  let sortColumn = 2;
  let descending = true;
  let ranks: Record<string, number> | null = null;

  const entitiesTab = el('button', {
    className: 'button small',
    text: 'Entities',
    attrs: { type: 'button', 'aria-pressed': 'true' },
  });
  const relationsTab = el('button', {
    className: 'button small',
    text: 'Relations',
    attrs: { type: 'button', 'aria-pressed': 'false' },
  });
  const csv = el('button', { className: 'button small', text: 'Export CSV', attrs: { type: 'button' } });
  const close = el('button', {
    className: 'icon-button close',
    text: '×',
    attrs: { type: 'button', 'aria-label': 'Close tables' },
  });
  const note = el('span', { className: 'muted', attrs: { role: 'status' } });
  const table = el('table', { className: 'data-table' });
  const scroller = el('div', { className: 'table-scroll' }, [table]);
  region.replaceChildren(
    el('div', { className: 'tables-head' }, [entitiesTab, relationsTab, csv, note, close]),
    scroller,
  );

  const columns = () => (which === 'entities' ? ENTITY_COLUMNS : RELATION_COLUMNS);

  const rows = (): Array<{ key: string; cells: Cell[] }> => {
    if (which === 'entities') {
      ranks ??= graph.size > 0 ? pagerank(graph, { getEdgeWeight: 'weight' }) : {};
      const edges = context.visibleEdges();
      return [...context.visibleNodes()].map((node) => {
        const attributes = graph.getNodeAttributes(node);
        // Distinct neighbours through visible relations, as the Minimum degree filter counts.
        const around = new Set<string>();
        graph.forEachEdge(
          node,
          (edge, _attributes, source, target) =>
            void (edges.has(edge) && around.add(source === node ? target : source)),
        );
        const degree = around.size;
        return {
          key: node,
          cells: [
            attributes.label,
            attributes.kind,
            degree,
            Number((ranks?.[node] ?? 0).toFixed(5)),
            attributes.articles.length,
          ],
        };
      });
    }
    return [...context.visibleEdges()].map((edge) => {
      const attributes = graph.getEdgeAttributes(edge);
      return {
        key: edge,
        cells: [
          graph.getNodeAttribute(graph.source(edge), 'label'),
          attributes.relation,
          graph.getNodeAttribute(graph.target(edge), 'label'),
          attributes.confidence,
          attributes.evidence.length,
        ],
      };
    });
  };

  const sorted = () => {
    const list = rows();
    const column = sortColumn;
    const sign = descending ? -1 : 1;
    list.sort((a, b) => {
      const x = a.cells[column] ?? '';
      const y = b.cells[column] ?? '';
      const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
      return sign * order || String(a.cells[0]).localeCompare(String(b.cells[0]));
    });
    return list;
  };

  const render = () => {
    entitiesTab.setAttribute('aria-pressed', String(which === 'entities'));
    relationsTab.setAttribute('aria-pressed', String(which === 'relations'));
    table.setAttribute('aria-label', which === 'entities' ? 'Entities' : 'Relations');
    clear(table);
    const head = el('tr');
    columns().forEach((column, index) => {
      const button = el('button', { className: 'sort', text: column.name, attrs: { type: 'button' } });
      button.addEventListener('click', () => {
        if (sortColumn === index) descending = !descending;
        else {
          sortColumn = index;
          descending = column.numeric;
        }
        render();
      });
      const th = el(
        'th',
        {
          attrs: {
            scope: 'col',
            'aria-sort': index === sortColumn ? (descending ? 'descending' : 'ascending') : 'none',
          },
        },
        [button],
      );
      head.appendChild(th);
    });
    const body = el('tbody');
    const list = sorted();
    for (const row of list.slice(0, ROWS_SHOWN)) {
      const tr = el(
        'tr',
        { attrs: { tabindex: '0', 'data-key': row.key } },
        row.cells.map((cell) => el('td', { text: String(cell) })),
      );
      const choose = () => (which === 'entities' ? context.selectNode(row.key) : context.selectEdge(row.key));
      tr.addEventListener('click', choose);
      tr.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          choose();
        }
      });
      body.appendChild(tr);
    }
    table.append(el('thead', {}, [head]), body);
    note.textContent =
      list.length > ROWS_SHOWN
        ? `first ${ROWS_SHOWN} of ${list.length.toLocaleString()} rows (the CSV has all)`
        : `${list.length.toLocaleString()} rows`;
  };

  entitiesTab.addEventListener('click', () => {
    which = 'entities';
    sortColumn = 2;
    descending = true;
    render();
  });
  relationsTab.addEventListener('click', () => {
    which = 'relations';
    sortColumn = 3;
    descending = true;
    render();
  });
  csv.addEventListener('click', () => {
    download(
      `${context.fileName}.${which}.csv`,
      toCsv(
        columns(),
        sorted().map((row) => row.cells),
      ),
      'text/csv',
    );
  });
  const toggle = () => {
    region.hidden = !region.hidden;
    toggleButton.setAttribute('aria-expanded', String(!region.hidden));
    if (!region.hidden) render();
  };
  close.addEventListener('click', toggle);
  return {
    update: () => void (!region.hidden && render()),
    toggle,
  };
}
