/**
 * Entry point: decides which graph to open (?graph=URL, the server's graph.json, a dropped or picked file), shows
 * a readable error when it cannot, and exposes a small read-only probe for the browser tests and the bench.
 */
import './style.css';
import { App } from './app.js';
import { byId } from './dom.js';
import { fetchGraphText, GraphLoadError, importGraphText, validateInWorker } from './load.js';
import { createSearchBox } from './search.js';

let app: App | null = null;
const search = createSearchBox(byId('search'), (node) => app?.choose(node));

function showError(message: string): void {
  const box = byId('error');
  box.replaceChildren();
  const title = document.createElement('strong');
  title.textContent = 'Could not open the graph';
  const detail = document.createElement('p');
  detail.textContent = message;
  box.append(title, detail);
  box.hidden = false;
}

function clearError(): void {
  byId('error').hidden = true;
}

function showOpen(visible: boolean): void {
  byId('open').hidden = !visible;
}

/** Counts opens, so a slow check of an earlier file does not act on a later one. */
let opening = 0;

/**
 * Imports and draws the graph while a worker checks it against the contract (which takes seconds on a large file);
 * the state turns 'ready' once the check passed. A file that fails the check is closed again with the check's
 * one-line reason; one that cannot even be imported waits for that reason before saying so.
 */
async function open(text: string, name: string): Promise<void> {
  const started = performance.now();
  const token = ++opening;
  performance.mark('newsgraph:read');
  const checked = validateInWorker(text, name);
  const fail = (message: string) => {
    if (token !== opening) return;
    app?.dispose();
    app = null;
    showError(message);
    showOpen(true);
    probe.state = 'error';
  };
  const describe = (error: unknown) => (error instanceof GraphLoadError ? error.message : `${name}: ${String(error)}`);
  let loaded: ReturnType<typeof importGraphText>;
  try {
    loaded = importGraphText(text, name);
    performance.mark('newsgraph:parsed');
  } catch (error) {
    fail((await checked) ?? describe(error));
    return;
  }
  clearError();
  showOpen(false);
  app?.dispose();
  app = null;
  search.clear();
  byId('graph-name').textContent =
    `${name} · ${loaded.graph.order.toLocaleString()} entities · ${loaded.graph.size.toLocaleString()} relations`;
  document.title = `${name} — newsgraph`;
  try {
    app = new App(loaded.graph, name, search, loaded.storedPositions);
  } catch (error) {
    fail((await checked) ?? describe(error));
    return;
  }
  performance.mark('newsgraph:ready');
  probe.openedAt = started;
  const reason = await checked;
  if (token !== opening) return;
  if (reason) return fail(reason);
  probe.state = 'ready';
}

async function openUrl(url: string): Promise<void> {
  probe.state = 'loading';
  try {
    const { text, name } = await fetchGraphText(url);
    await open(text, name);
  } catch (error) {
    showError(error instanceof GraphLoadError ? error.message : String(error));
    showOpen(true);
    probe.state = 'error';
  }
}

async function openFile(file: File): Promise<void> {
  probe.state = 'loading';
  // Opening a local file: the old ?graph= no longer describes what is shown, nor does the old view state.
  history.replaceState(null, '', location.pathname);
  await open(await file.text(), file.name);
}

/** What the tests and the bench may read. Nothing here changes the app. */
const probe = {
  state: 'loading' as 'loading' | 'ready' | 'error' | 'empty',
  openedAt: 0,
  metrics: () => app?.metrics ?? null,
  /** Milestones of the last open (ms since navigation start): read, parsed, ready. */
  marks: () =>
    Object.fromEntries(
      performance
        .getEntriesByType('mark')
        .filter((m) => m.name.startsWith('newsgraph:'))
        .map((m) => [m.name.slice(10), Math.round(m.startTime)]),
    ),
  /** Per kind: how many nodes sigma currently draws (not hidden). */
  drawnKinds(): Record<string, number> {
    const counts: Record<string, number> = {};
    if (!app) return counts;
    const renderer = app.renderer;
    app.graph.forEachNode((node, attributes) => {
      const display = renderer.getNodeDisplayData(node);
      if (display && !display.hidden) counts[attributes.kind] = (counts[attributes.kind] ?? 0) + 1;
    });
    return counts;
  },
  selected: () => app?.state.selected ?? null,
  /** What the app shows now: visible counts (after filters, reduce and focus), focus, path, always-named entities. */
  view() {
    if (!app) return null;
    const state = app.state;
    let drawn = 0;
    app.graph.forEachNode((node) => {
      const display = app!.renderer.getNodeDisplayData(node);
      if (display && !display.hidden) drawn++;
    });
    return {
      nodes: state.visibleNodes.size,
      edges: state.visibleEdges.size,
      drawn,
      visible: [...state.visibleNodes],
      focus: state.focus,
      path: state.path
        ? { from: state.path.from, to: state.path.to, nodes: [...state.path.nodes], edges: [...state.path.edges] }
        : null,
      named: [...state.namedNodes],
      filters: {
        ...state.filters,
        hiddenKinds: [...state.filters.hiddenKinds],
        hiddenRelations: [...state.filters.hiddenRelations],
        hiddenBases: [...state.filters.hiddenBases],
      },
    };
  },
  /** The colour sigma draws a node with right now (after reducers); null when it is hidden. */
  nodeColor(node: string): string | null {
    const display = app?.renderer.getNodeDisplayData(node);
    return display && !display.hidden ? display.color : null;
  },
  camera: () => app?.renderer.getCamera().getState() ?? null,
  /** Every node's position (the bench gives the same layout to its minimal sigma page). */
  positions(): Record<string, [number, number]> {
    const positions: Record<string, [number, number]> = {};
    app?.graph.forEachNode((node, attributes) => void (positions[node] = [attributes.x, attributes.y]));
    return positions;
  },
  layoutRunning: () => app?.layoutRunning ?? false,
  layoutIterations: () => app?.layoutIterations ?? 0,
  nodeLabel: (node: string) => (app?.graph.hasNode(node) ? app.graph.getNodeAttribute(node, 'label') : null),
  /** Viewport position of a node, for hovering it in tests. */
  nodeViewport(node: string): { x: number; y: number } | null {
    const display = app?.renderer.getNodeDisplayData(node);
    return display && app ? app.renderer.framedGraphToViewport(display) : null;
  },
};
declare global {
  interface Window {
    newsgraph: typeof probe;
  }
}
window.newsgraph = probe;

// Drag and drop anywhere on the page.
const overlay = byId('drop-overlay');
let dragDepth = 0;
window.addEventListener('dragenter', (event) => {
  if (!event.dataTransfer?.types.includes('Files')) return;
  dragDepth++;
  overlay.hidden = false;
});
window.addEventListener('dragleave', () => {
  dragDepth = Math.max(0, dragDepth - 1);
  if (dragDepth === 0) overlay.hidden = true;
});
window.addEventListener('dragover', (event) => event.preventDefault());
window.addEventListener('drop', (event) => {
  event.preventDefault();
  dragDepth = 0;
  overlay.hidden = true;
  const file = event.dataTransfer?.files[0];
  if (file) void openFile(file);
});

byId<HTMLInputElement>('file-input').addEventListener('change', (event) => {
  const file = (event.target as HTMLInputElement).files?.[0];
  if (file) void openFile(file);
});
byId<HTMLFormElement>('url-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const url = byId<HTMLInputElement>('url-input').value.trim();
  if (!url) return;
  const params = new URLSearchParams(location.search);
  params.set('graph', url);
  history.replaceState(null, '', `${location.pathname}?${params.toString()}`);
  void openUrl(url);
});

async function start(): Promise<void> {
  const requested = new URLSearchParams(location.search).get('graph');
  if (requested) return openUrl(requested);
  // Served by `newsgraph view`: the graph sits next to the app. A static build has none, and shows the open screen.
  if (location.protocol.startsWith('http')) {
    const head = await fetch('graph.json', { method: 'HEAD', cache: 'no-store' }).catch(() => null);
    if (head?.ok) return openUrl('graph.json');
  }
  probe.state = 'empty';
  showOpen(true);
}

void start();
