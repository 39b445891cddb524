/**
 * The sidebar: layout control, colour and size modes, the kind and relation legends (which double as filters),
 * confidence and date filters, statistics and exports. It owns no state: it reads the app's and calls back.
 */
import { type Communities, kindColor, relationColor } from './appearance.js';
import { clear, el } from './dom.js';
import type { ViewerGraph } from './model.js';
import type { ColorMode, SizeMode, ViewState } from './state.js';
import { type Bucket, createTimeline } from './timeline.js';

export interface ControlsApi {
  graph: ViewerGraph;
  state: ViewState;
  kinds: Array<[string, number]>;
  relations: Array<[string, number]>;
  dates: { min: string; max: string } | null;
  /** Relations per basis (text, knowledge). */
  bases: Array<[string, number]>;
  /** Articles per day or week, for the timeline. */
  timeline: Bucket[];
  /** The Path form, placed in the sidebar. */
  pathForm: HTMLElement;
  filtersChanged(): void;
  setColorMode(mode: ColorMode): void;
  setSizeMode(mode: SizeMode): void;
  toggleLayout(): void;
  layoutRunning(): boolean;
  communities(): Communities | null;
  select(node: string): void;
  exportPng(): Promise<void>;
  exportGexf(): void;
  exportJson(): void;
  copyLink(): Promise<void>;
  exportCorrections(): void;
  correctionsCount(): number;
}

export interface Controls {
  /** Repaints what depends on state: counts, layout button, community legend, filter inputs. */
  update(): void;
}

function section(title: string, children: Array<Node | null>): HTMLElement {
  return el('section', { className: 'panel' }, [el('h2', { className: 'panel-title', text: title }), ...children]);
}

function legend(
  label: string,
  entries: Array<[string, number]>,
  color: (name: string) => string,
  hidden: Set<string>,
  changed: () => void,
): { root: HTMLElement; inputs: Map<string, HTMLInputElement> } {
  const inputs = new Map<string, HTMLInputElement>();
  const list = el('ul', { className: 'legend' });
  for (const [name, count] of entries) {
    const input = el('input', { attrs: { type: 'checkbox' } });
    input.checked = !hidden.has(name);
    input.addEventListener('change', () => {
      if (input.checked) hidden.delete(name);
      else hidden.add(name);
      changed();
    });
    inputs.set(name, input);
    const swatch = el('span', { className: 'swatch', attrs: { 'aria-hidden': 'true' } });
    swatch.style.background = color(name);
    list.appendChild(
      el('li', {}, [
        el('label', { className: 'legend-item' }, [
          input,
          swatch,
          el('span', { className: 'legend-name', text: name }),
          el('span', { className: 'count', text: String(count) }),
        ]),
      ]),
    );
  }
  const only = (visible: boolean) => {
    for (const [name, input] of inputs) {
      input.checked = visible;
      if (visible) hidden.delete(name);
      else hidden.add(name);
    }
    changed();
  };
  const all = el('button', {
    className: 'link',
    text: 'all',
    attrs: { type: 'button', 'aria-label': `Show all ${label.toLowerCase()}` },
  });
  const none = el('button', {
    className: 'link',
    text: 'none',
    attrs: { type: 'button', 'aria-label': `Hide all ${label.toLowerCase()}` },
  });
  all.addEventListener('click', () => only(true));
  none.addEventListener('click', () => only(false));
  const root = el('fieldset', { className: 'legend-group' }, [
    el('legend', { text: label }),
    el('div', { className: 'legend-tools' }, [all, ' · ', none]),
    list,
  ]);
  return { root, inputs };
}

/** Basis swatches echo the drawing: solid for text relations, striped for the dashed knowledge relations. */
const BASIS_COLORS: Record<string, string> = {
  text: '#475467',
  knowledge: 'repeating-linear-gradient(90deg, #475467 0 2px, transparent 2px 4px)',
};

/** A labelled range input with its value shown beside it. */
function slider(
  id: string,
  label: string,
  max: number,
  onChange: (value: number) => void,
): { root: HTMLElement; input: HTMLInputElement; output: HTMLOutputElement } {
  const input = el('input', { attrs: { type: 'range', min: '0', max: String(max), step: '1', id } });
  const output = el('output', { attrs: { for: id } });
  input.addEventListener('input', () => onChange(Number(input.value)));
  const root = el('div', { className: 'field' }, [
    el('label', { text: label, attrs: { for: id } }),
    el('div', { className: 'row' }, [input, output]),
  ]);
  return { root, input, output };
}

function checkbox(label: string, onChange: (checked: boolean) => void): { root: HTMLElement; input: HTMLInputElement } {
  const input = el('input', { attrs: { type: 'checkbox' } });
  input.addEventListener('change', () => onChange(input.checked));
  return { root: el('label', { className: 'legend-item' }, [input, el('span', { text: label })]), input };
}

function radios<T extends string>(
  name: string,
  label: string,
  options: Array<[T, string]>,
  current: T,
  onChange: (value: T) => void,
): { root: HTMLElement; inputs: Map<T, HTMLInputElement> } {
  const inputs = new Map<T, HTMLInputElement>();
  const root = el('fieldset', { className: 'segmented' }, [el('legend', { text: label })]);
  for (const [value, text] of options) {
    const input = el('input', { attrs: { type: 'radio', name, value } });
    input.checked = value === current;
    input.addEventListener('change', () => input.checked && onChange(value));
    inputs.set(value, input);
    root.appendChild(el('label', {}, [input, el('span', { text })]));
  }
  return { root, inputs };
}

export function createControls(container: HTMLElement, api: ControlsApi): Controls {
  clear(container);
  const { state, graph } = api;
  const filters = state.filters;

  // Layout
  const layoutButton = el('button', { className: 'button', attrs: { type: 'button', id: 'layout-toggle' } });
  layoutButton.addEventListener('click', () => api.toggleLayout());

  // Appearance
  const colorMode = radios<ColorMode>(
    'color-mode',
    'Colour by',
    [
      ['kind', 'Kind'],
      ['community', 'Community'],
    ],
    state.colorMode,
    (mode) => api.setColorMode(mode),
  );
  const sizeMode = radios<SizeMode>(
    'size-mode',
    'Size by',
    [
      ['degree', 'Degree'],
      ['pagerank', 'PageRank'],
    ],
    state.sizeMode,
    (mode) => api.setSizeMode(mode),
  );
  const communityLegend = el('div', { className: 'community-legend' });

  // Filters
  const kinds = legend('Entity kinds', api.kinds, kindColor, filters.hiddenKinds, api.filtersChanged);
  const relations = legend('Relations', api.relations, relationColor, filters.hiddenRelations, api.filtersChanged);
  const confidence = el('input', { attrs: { type: 'range', min: '0', max: '1', step: '0.05', id: 'min-confidence' } });
  const confidenceOut = el('output', { attrs: { for: 'min-confidence' } });
  confidence.addEventListener('input', () => {
    filters.minConfidence = Number(confidence.value);
    api.filtersChanged();
  });
  const confidenceRow = el('div', { className: 'field' }, [
    el('label', { text: 'Minimum confidence', attrs: { for: 'min-confidence' } }),
    el('div', { className: 'row' }, [confidence, confidenceOut]),
  ]);

  const bases =
    api.bases.length > 1 || api.bases.some(([name]) => name !== 'text')
      ? legend('Basis', api.bases, (name) => BASIS_COLORS[name] ?? '#98A2B3', filters.hiddenBases, api.filtersChanged)
      : null;

  // Reduce
  const unconnected = checkbox('Hide unconnected', (checked) => {
    filters.hideUnconnected = checked;
    api.filtersChanged();
  });
  const maxDegree = Math.min(50, graph.order > 0 ? Math.max(...graph.mapNodes((node) => graph.degree(node))) : 0);
  const minDegree = slider('min-degree', 'Minimum degree', Math.max(1, maxDegree), (value) => {
    filters.minDegree = value;
    api.filtersChanged();
  });
  const largest = checkbox('Largest component only', (checked) => {
    filters.largestComponent = checked;
    api.filtersChanged();
  });
  const kCore = slider('k-core', 'k-core', Math.max(1, Math.min(20, maxDegree)), (value) => {
    filters.kCore = value;
    api.filtersChanged();
  });

  const timeline =
    api.dates && api.timeline.length > 1
      ? createTimeline(api.timeline, {
          setRange(from, to) {
            filters.dateFrom = from;
            filters.dateTo = to;
            api.filtersChanged();
          },
        })
      : null;

  let dateRow: HTMLElement | null = null;
  const from = el('input', { attrs: { type: 'date', id: 'date-from', 'aria-label': 'Published from' } });
  const to = el('input', { attrs: { type: 'date', id: 'date-to', 'aria-label': 'Published until' } });
  if (api.dates) {
    for (const input of [from, to]) {
      input.min = api.dates.min;
      input.max = api.dates.max;
    }
    from.addEventListener('change', () => {
      filters.dateFrom = from.value || null;
      api.filtersChanged();
    });
    to.addEventListener('change', () => {
      filters.dateTo = to.value || null;
      api.filtersChanged();
    });
    dateRow = el('div', { className: 'field' }, [
      el('span', { className: 'field-label', text: `Published (${api.dates.min} – ${api.dates.max})` }),
      timeline?.root ?? null,
      el('div', { className: 'row dates' }, [from, el('span', { text: '–' }), to]),
    ]);
  }

  // Statistics
  const stats = el('dl', { className: 'stats' });
  const hubs = el('ol', { className: 'hubs' });

  // Exports
  const linkStatus = el('span', { className: 'muted', attrs: { role: 'status' } });
  const exportButton = (text: string, label: string, action: () => void | Promise<void>) => {
    const button = el('button', { className: 'button small', text, attrs: { type: 'button', 'aria-label': label } });
    const failed = (error: unknown) =>
      (linkStatus.textContent = `${text} failed: ${error instanceof Error ? error.message : String(error)}`);
    button.addEventListener('click', () => {
      linkStatus.textContent = '';
      try {
        void Promise.resolve(action()).catch(failed);
      } catch (error) {
        failed(error);
      }
    });
    return button;
  };
  const corrections = exportButton('Corrections', 'Export corrections as JSON', api.exportCorrections);
  const copy = exportButton('Copy link', 'Copy a link to this view', () => {
    api.copyLink().then(
      () => (linkStatus.textContent = 'Link copied'),
      () => (linkStatus.textContent = 'Link is in the address bar'),
    );
  });

  container.append(
    section('Layout', [el('div', { className: 'row' }, [layoutButton])]),
    section('Appearance', [colorMode.root, communityLegend, sizeMode.root]),
    section('Reduce', [unconnected.root, minDegree.root, largest.root, kCore.root]),
    section('Filters', [kinds.root, relations.root, bases?.root ?? null, confidenceRow, dateRow]),
    section('Path', [api.pathForm]),
    section('Statistics', [stats, el('h3', { className: 'subtitle', text: 'Most connected' }), hubs]),
    section('Export', [
      el('div', { className: 'row wrap' }, [
        exportButton('PNG', 'Export the current view as PNG', api.exportPng),
        exportButton('GEXF', 'Export the filtered graph as GEXF', api.exportGexf),
        exportButton('JSON', 'Export the filtered graph as JSON', api.exportJson),
        corrections,
        copy,
      ]),
      linkStatus,
    ]),
  );

  const update = () => {
    const running = api.layoutRunning();
    layoutButton.textContent = running ? 'Stop layout' : 'Run layout';
    layoutButton.setAttribute('aria-pressed', String(running));

    colorMode.inputs.get(state.colorMode)!.checked = true;
    sizeMode.inputs.get(state.sizeMode)!.checked = true;
    for (const [name, input] of kinds.inputs) input.checked = !filters.hiddenKinds.has(name);
    for (const [name, input] of relations.inputs) input.checked = !filters.hiddenRelations.has(name);
    confidence.value = String(filters.minConfidence);
    confidenceOut.textContent = filters.minConfidence.toFixed(2);
    from.value = filters.dateFrom ?? '';
    to.value = filters.dateTo ?? '';
    timeline?.update(filters.dateFrom, filters.dateTo);
    if (bases) for (const [name, input] of bases.inputs) input.checked = !filters.hiddenBases.has(name);
    unconnected.input.checked = filters.hideUnconnected;
    minDegree.input.value = String(filters.minDegree);
    minDegree.output.textContent = String(filters.minDegree);
    largest.input.checked = filters.largestComponent;
    kCore.input.value = String(filters.kCore);
    kCore.output.textContent = filters.kCore > 0 ? String(filters.kCore) : 'off';
    corrections.textContent = api.correctionsCount() ? `Corrections (${api.correctionsCount()})` : 'Corrections';

    clear(communityLegend);
    const communities = state.colorMode === 'community' ? api.communities() : null;
    if (communities) {
      const list = el('ul', { className: 'legend compact' });
      const names = communityNames(graph, communities.of, 8);
      communities.sizes.slice(0, 8).forEach((size, index) => {
        const swatch = el('span', { className: 'swatch', attrs: { 'aria-hidden': 'true' } });
        swatch.style.background = communities.color(index);
        const name = names[index] || `Community ${index + 1}`;
        list.appendChild(
          el('li', { className: 'legend-item' }, [
            swatch,
            el('span', { className: 'legend-name', text: name, title: name }),
            el('span', { className: 'count', text: String(size) }),
          ]),
        );
      });
      communityLegend.append(
        el('p', {
          className: 'muted',
          text: `${communities.count} communities (Louvain), modularity ${communities.modularity.toFixed(3)}`,
        }),
        list,
      );
    }

    clear(stats);
    const articles = graph.getAttribute('articles')?.length ?? 0;
    const rows: Array<[string, string]> = [
      ['Entities', `${state.visibleNodes.size.toLocaleString()} of ${graph.order.toLocaleString()}`],
      ['Relations', `${state.visibleEdges.size.toLocaleString()} of ${graph.size.toLocaleString()}`],
      ['Articles', articles.toLocaleString()],
    ];
    for (const [name, value] of rows) stats.append(el('dt', { text: name }), el('dd', { text: value }));

    clear(hubs);
    const top = [...state.visibleNodes].sort((a, b) => graph.degree(b) - graph.degree(a)).slice(0, 5);
    for (const node of top) {
      const button = el('button', {
        className: 'link entity-link',
        text: graph.getNodeAttribute(node, 'label'),
        attrs: { type: 'button' },
      });
      button.addEventListener('click', () => api.select(node));
      hubs.appendChild(el('li', {}, [button, el('span', { className: 'count', text: ` ${graph.degree(node)}` })]));
    }
  };
  update();
  return { update };
}

/** Each community named by its two most connected members ("Ruritania, Lena Vos"). */
function communityNames(graph: ViewerGraph, of: ReadonlyMap<string, number>, count: number): string[] {
  const best: Array<Array<[string, number]>> = Array.from({ length: count }, () => []);
  for (const [node, community] of of) {
    const top = best[community];
    if (!top) continue;
    top.push([node, graph.degree(node)]);
    top.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    if (top.length > 2) top.pop();
  }
  return best.map((top) => top.map(([node]) => graph.getNodeAttribute(node, 'label')).join(', '));
}
