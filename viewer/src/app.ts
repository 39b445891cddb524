/**
 * One open graph: renderer, layout, search, panels and URL state wired together. Opening another graph disposes
 * this one and creates a new App.
 */
import { type Communities, computeCommunities, computeSizes, kindColor } from './appearance.js';
import { type ArticleView, createArticleView } from './article.js';
import { type Controls, createControls } from './controls.js';
import { Corrections } from './corrections.js';
import { renderDetails, revealRelation } from './details.js';
import { byId, download } from './dom.js';
import { baseName, exportGexf, exportJson, exportPng, filteredGraph } from './export.js';
import { computeVisibility, dateBounds } from './filters.js';
import { layoutNeighbourhood, neighbourhood } from './focus.js';
import { LayoutController, warmUp } from './layout.js';
import {
  type ArticleRecord,
  articleDay,
  articleIndex,
  countBy,
  type EdgeEvidence,
  edgeBasis,
  type ViewerGraph,
} from './model.js';
import { createPathForm, type PathForm } from './pathform.js';
import { type PathLimits, shortestPaths } from './paths.js';
import { createRenderer, type ViewerSigma, type Visuals } from './renderer.js';
import { createCombobox, type SearchBox, SearchIndex } from './search.js';
import { type ColorMode, type Focus, initialState, type SizeMode, type ViewState } from './state.js';
import { createTables, type TablesView } from './tables.js';
import { buckets } from './timeline.js';
import { decodeView, encodeView } from './url.js';

/** Entities always labelled, whatever the zoom: the most central visible ones. */
const NAMED_NODES = 12;

export interface AppMetrics {
  /** performance.now() when the graph text was parsed, and when sigma first drew it. */
  parsedAt: number;
  firstRenderAt: number;
  layout: { ms: number; iterations: number; converged: boolean } | null;
}

export class App {
  readonly state: ViewState = initialState();
  readonly renderer: ViewerSigma;
  readonly metrics: AppMetrics;
  private readonly layout: LayoutController;
  private readonly controls: Controls;
  private readonly articles: Map<string, ArticleRecord>;
  private readonly days = new Map<string, string>();
  private sizes: Map<string, number>;
  private communities: Communities | null = null;
  private readonly visuals: Visuals;
  private urlTimer: ReturnType<typeof setTimeout> | null = null;
  /** Whether the file carried a layout (shown in the status line). */
  storedPositions = false;
  private readonly detailsPanel = byId('details');
  private readonly status = byId('layout-status');
  private readonly focusBar = byId('focus-bar');
  private readonly articleView: ArticleView;
  private readonly tables: TablesView;
  private readonly pathForm: PathForm;
  private readonly corrections = new Corrections();
  private readonly searchIndex: SearchIndex;
  private readonly onPopState = () => this.restoreFromHistory();
  /** The Focus control's choice, kept between entities. */
  private focusHops: 1 | 2 = 1;

  constructor(
    readonly graph: ViewerGraph,
    readonly name: string,
    private readonly search: SearchBox,
    storedPositions: boolean,
  ) {
    const parsedAt = performance.now();
    this.articles = articleIndex(graph);
    for (const [id, article] of this.articles) {
      const day = articleDay(article);
      if (day) this.days.set(id, day);
    }

    const fromUrl = decodeView(location.hash, graph.order);
    Object.assign(this.state, { filters: fromUrl.filters, colorMode: fromUrl.colorMode, sizeMode: fromUrl.sizeMode });
    if (fromUrl.focus && graph.hasNode(fromUrl.focus.node)) {
      this.state.focus = fromUrl.focus;
      this.focusHops = fromUrl.focus.hops;
    }
    this.sizes = computeSizes(graph, this.state.sizeMode);
    if (this.state.colorMode === 'community') this.communities = computeCommunities(graph);
    this.visuals = {
      size: (node) => this.sizes.get(node) ?? 4,
      color: (node) => {
        if (this.state.colorMode === 'community' && this.communities)
          return this.communities.color(this.communities.of.get(node) ?? -1);
        return kindColor(graph.getNodeAttribute(node, 'kind'));
      },
    };
    // The warm-up moves every entity: before a focus from the URL places its neighbourhood.
    if (!storedPositions) warmUp(graph);
    this.applyFilters(false);

    this.renderer = createRenderer(byId('graph'), graph, this.state, this.visuals);
    this.metrics = { parsedAt, firstRenderAt: 0, layout: null };
    // Sigma draws the first frame synchronously in its constructor.
    this.metrics.firstRenderAt = performance.now();
    if (this.state.focus) this.applyFocusFrame(false);
    this.bindEvents();

    const viewPixels = () => {
      const { width, height } = this.renderer.getDimensions();
      return Math.min(width, height) - 80; // minus the stage padding on both sides
    };
    this.layout = new LayoutController(
      graph,
      (node) => this.sizes.get(node) ?? 4,
      viewPixels,
      (running, run) => {
        if (run) this.metrics.layout = run;
        this.state.layoutRunning = running;
        this.showProgress(running);
        if (!running) this.renderer.refresh({ skipIndexation: true });
        this.status.textContent = running
          ? 'Laying out…'
          : run
            ? `Layout ${run.converged ? 'settled' : 'stopped'} after ${(run.ms / 1000).toFixed(1)} s`
            : '';
        this.controls?.update();
      },
    );

    this.searchIndex = new SearchIndex(graph);
    this.articleView = createArticleView(byId('article'), {
      graph,
      articles: this.articles,
      select: (node) => this.choose(node),
    });
    const relations = countBy(graph.mapEdges((_, attributes) => attributes.relation));
    this.pathForm = createPathForm({
      graph,
      relations,
      find: (from, to, limits) => this.showPath(from, to, limits),
      clear: () => this.clearPath(),
      selectNode: (node) => this.select(node, true),
      openEdge: (edge) => this.openEdge(edge),
    });
    this.pathForm.setIndex(this.searchIndex, () => this.state.visibleNodes);
    const tablesButton = byId<HTMLButtonElement>('tables-toggle');
    tablesButton.hidden = false;
    this.tables = createTables(byId('tables'), tablesButton, {
      graph,
      visibleNodes: () => this.state.visibleNodes,
      visibleEdges: () => this.state.visibleEdges,
      selectNode: (node) => this.choose(node),
      selectEdge: (edge) => this.openEdge(edge),
      fileName: baseName(name),
    });
    tablesButton.onclick = () => this.tables.toggle();
    byId<HTMLButtonElement>('focus-back').onclick = () => this.setFocus(null, true);

    const dates = dateBounds(this.days);
    this.controls = createControls(byId('controls'), {
      graph,
      state: this.state,
      kinds: countBy(graph.mapNodes((_, attributes) => attributes.kind)),
      relations,
      bases: countBy(graph.mapEdges((_, attributes) => edgeBasis(attributes))),
      timeline: dates ? buckets(this.days.values(), dates.min, dates.max) : [],
      pathForm: this.pathForm.root,
      exportCorrections: () =>
        download(
          `${baseName(name)}.corrections.json`,
          `${JSON.stringify(this.corrections.toJson(), null, 2)}\n`,
          'application/json',
        ),
      correctionsCount: () => this.corrections.count,
      dates,
      filtersChanged: () => this.applyFilters(true),
      setColorMode: (mode) => this.setColorMode(mode),
      setSizeMode: (mode) => this.setSizeMode(mode),
      // A focus has its own layout: ForceAtlas2 over the whole graph waits until it ends.
      toggleLayout: () => (this.layout.running ? this.layout.stop(false) : !this.state.focus && this.layout.start()),
      layoutRunning: () => this.layout.running,
      communities: () => this.communities,
      select: (node) => this.choose(node),
      exportPng: () => exportPng(this.renderer, this.name),
      exportGexf: () => exportGexf(this.filtered(), this.name, this.visuals),
      exportJson: () => exportJson(this.filtered(), this.name),
      copyLink: () => navigator.clipboard.writeText(location.href),
    });
    byId('controls').hidden = false;
    this.search.setIndex(this.searchIndex, () => this.state.visibleNodes);
    window.addEventListener('popstate', this.onPopState);

    if (fromUrl.camera) this.renderer.getCamera().setState(fromUrl.camera);
    if (fromUrl.selected && graph.hasNode(fromUrl.selected)) this.select(fromUrl.selected, !fromUrl.camera);
    // ForceAtlas2 starts from the stored layout when the file has one (it then settles within a few checks),
    // otherwise from the seeded placement.
    // It starts after the first frame, so it does not compete with it; its time bound counts from there.
    requestAnimationFrame(() => !this.state.focus && this.layout.start());
    this.storedPositions = storedPositions;
  }

  private progressTimer: ReturnType<typeof setInterval> | null = null;

  /** The progress bar and its Stop button, shown while ForceAtlas2 runs (the bar fills towards the time bound). */
  private showProgress(running: boolean): void {
    const box = byId('layout-progress');
    const bar = byId<HTMLProgressElement>('layout-progress-bar');
    box.hidden = !running;
    if (this.progressTimer) clearInterval(this.progressTimer);
    this.progressTimer = null;
    if (!running) return;
    byId<HTMLButtonElement>('layout-stop').onclick = () => this.layout.stop(false);
    bar.title = `stops once stable, at most ${Math.round(this.layout.maxMs / 1000)} s`;
    const tick = () => (bar.value = this.layout.progress);
    tick();
    this.progressTimer = setInterval(tick, 500);
  }

  get layoutIterations(): number {
    return this.layout.iterationCount;
  }

  get layoutRunning(): boolean {
    return this.layout.running;
  }

  dispose(): void {
    window.removeEventListener('popstate', this.onPopState);
    if (this.progressTimer) clearInterval(this.progressTimer);
    if (this.hoverFrame) cancelAnimationFrame(this.hoverFrame);
    byId('layout-progress').hidden = true;
    this.articleView.close();
    this.focusBar.hidden = true;
    byId('tables').hidden = true;
    this.layout.kill();
    this.renderer.kill();
    if (this.urlTimer) clearTimeout(this.urlTimer);
    this.detailsPanel.hidden = true;
  }

  private bindEvents(): void {
    const renderer = this.renderer;
    renderer.on('enterNode', ({ node }) => {
      this.renderer.getContainer().style.cursor = 'pointer';
      this.hover(node);
    });
    renderer.on('leaveNode', () => {
      this.renderer.getContainer().style.cursor = '';
      this.hover(null);
    });
    renderer.on('clickNode', ({ node }) => this.select(node, false));
    renderer.on('clickStage', () => this.select(null, false));
    // An edge opens onto its evidence: the source's details, scrolled to that relation.
    renderer.on('clickEdge', ({ edge }) => this.openEdge(edge));
    renderer.on('enterEdge', () => (this.renderer.getContainer().style.cursor = 'pointer'));
    renderer.on('leaveEdge', () => (this.renderer.getContainer().style.cursor = ''));
    renderer.getCamera().on('updated', () => this.scheduleUrl());
  }

  private hoverFrame = 0;

  /**
   * Hovering fades everything else, which re-runs the reducers over the whole graph: not while the mouse drags the
   * camera (the pointer then crosses nodes without pointing at them), and at most once per frame.
   */
  hover(node: string | null): void {
    if (node !== null && this.renderer.getMouseCaptor().isMouseDown) return;
    if (this.state.hovered === node) return;
    this.state.hovered = node;
    this.state.hoveredNeighbours = node ? new Set(this.graph.neighbors(node)) : new Set();
    if (this.hoverFrame) return;
    this.hoverFrame = requestAnimationFrame(() => {
      this.hoverFrame = 0;
      this.renderer.refresh({ skipIndexation: true });
    });
  }

  select(node: string | null, moveCamera: boolean): void {
    this.state.selected = node;
    this.state.selectedNeighbours = node ? new Set(this.graph.neighbors(node)) : new Set();
    if (node) {
      this.showDetails(node);
      if (moveCamera) this.focusCamera(node);
    } else {
      this.detailsPanel.hidden = true;
    }
    this.renderer.refresh({ skipIndexation: true });
    this.scheduleUrl();
  }

  /**
   * An entity chosen by the reader (search, a related entity, a table row, an article): selected, and when a
   * neighbourhood is shown the focus moves to it, as one expects from "show me who is around this one".
   */
  choose(node: string): void {
    if (this.state.focus && this.state.focus.node !== node)
      this.setFocus({ node, hops: this.state.focus.hops }, true, node);
    else this.select(node, true);
  }

  /** Shows one entity's neighbourhood on its own (null: the whole graph again). `push` adds a history entry. */
  setFocus(focus: Focus | null, push: boolean, select: string | null = focus?.node ?? null): void {
    this.state.focus = focus;
    if (focus) this.focusHops = focus.hops;
    this.state.selected = select;
    this.state.selectedNeighbours = select ? new Set(this.graph.neighbors(select)) : new Set();
    this.applyFilters(false);
    if (select) this.showDetails(select);
    else this.detailsPanel.hidden = true;
    this.applyFocusFrame(true);
    this.controls.update();
    this.tables.update();
    if (push) history.pushState(null, '', this.currentUrl());
  }

  /** Frames the neighbourhood (or the whole graph) and redraws with the positions in use. */
  private applyFocusFrame(animate: boolean): void {
    this.focusBar.hidden = !this.state.focus;
    if (this.state.focus) {
      const label = this.graph.getNodeAttribute(this.state.focus.node, 'label');
      byId('focus-label').textContent =
        `${label} and ${this.state.visibleNodes.size - 1} entities within ${this.state.focus.hops} hop${this.state.focus.hops === 1 ? '' : 's'}`;
    }
    if (!this.renderer) return;
    this.renderer.setCustomBBox(this.focusBBox);
    // Positions changed: sigma re-indexes them (label grid, picking).
    this.renderer.refresh();
    if (animate) this.frameWhole();
  }

  /** The whole picture (the neighbourhood, in a focus), centred in the part of the view the details panel leaves. */
  private frameWhole(): void {
    const camera = this.renderer.getCamera();
    const { width, height } = this.renderer.getDimensions();
    const panel = this.detailsPanel.hidden ? 0 : Math.min(this.detailsPanel.offsetWidth, width / 2);
    const ratio = width / Math.max(1, width - panel);
    const a = this.renderer.viewportToFramedGraph({ x: width / 2, y: height / 2 });
    const b = this.renderer.viewportToFramedGraph({ x: width / 2 + panel / 2, y: height / 2 });
    void camera.animate({ x: 0.5 + ((b.x - a.x) * ratio) / camera.ratio, y: 0.5, ratio, angle: 0 }, { duration: 400 });
  }

  private focusBBox: { x: [number, number]; y: [number, number] } | null = null;
  /** Where the focused entities stood in the whole graph, to put them back when the focus ends or moves. */
  private savedPositions: Map<string, { x: number; y: number }> | null = null;

  /**
   * Moves the neighbourhood's entities to their own layout and puts every other moved entity back. Sigma draws the
   * graph's own x and y (a reducer cannot move nodes), so the focus layout is written into the graph, in one batch,
   * and ForceAtlas2 is stopped first so that it does not pull them back.
   */
  private placeNodes(positions: ReadonlyMap<string, { x: number; y: number }>): void {
    if (this.layout?.running) this.layout.stop(false);
    const saved = this.savedPositions ?? new Map<string, { x: number; y: number }>();
    this.graph.updateEachNodeAttributes(
      (node, attributes) => {
        const target = positions.get(node);
        if (target) {
          if (!saved.has(node)) saved.set(node, { x: attributes.x, y: attributes.y });
          return { ...attributes, x: target.x, y: target.y };
        }
        const original = saved.get(node);
        if (!original) return attributes;
        saved.delete(node);
        return { ...attributes, x: original.x, y: original.y };
      },
      { attributes: ['x', 'y'] },
    );
    this.savedPositions = saved.size ? saved : null;
  }

  /** Back and forward: the focus and selection the URL of that history entry describes. */
  private restoreFromHistory(): void {
    const view = decodeView(location.hash, this.graph.order);
    const focus = view.focus && this.graph.hasNode(view.focus.node) ? view.focus : null;
    const selected = view.selected && this.graph.hasNode(view.selected) ? view.selected : null;
    this.setFocus(focus, false, selected);
  }

  private showPath(from: string, to: string, limits: PathLimits) {
    const found = shortestPaths(this.graph, from, to, this.state.visibleEdges, limits);
    this.state.path = found.length === null ? null : { from, to, nodes: found.nodes, edges: found.edges };
    this.renderer.refresh({ skipIndexation: true });
    return found;
  }

  private clearPath(): void {
    this.state.path = null;
    this.renderer.refresh({ skipIndexation: true });
  }

  /** A relation opens onto its evidence: its source's details, scrolled to it. */
  openEdge(edge: string): void {
    this.select(this.graph.source(edge), false);
    revealRelation(this.detailsPanel, edge);
  }

  openArticle(id: string, evidence: EdgeEvidence | null): void {
    void this.articleView.open(id, evidence);
  }

  private showDetails(node: string): void {
    renderDetails(
      this.detailsPanel,
      {
        graph: this.graph,
        articles: this.articles,
        visibleEdges: this.state.visibleEdges,
        focusHops: this.focusHops,
        select: (other) => this.choose(other),
        close: () => this.select(null, false),
        focus: (target, hops) => this.setFocus({ node: target, hops }, true),
        openArticle: (id, evidence) => this.openArticle(id, evidence),
        correctKind: (target, kind) => {
          this.corrections.setKind(target, kind);
          this.controls.update();
        },
        merge: (from, into) => {
          this.corrections.merge(from, into);
          this.controls.update();
        },
        entityPicker: (container, label) => {
          const box = createCombobox(container, { label, id: 'merge-into', placeholder: `${label}…` }, () => undefined);
          box.setIndex(this.searchIndex, () => this.state.visibleNodes);
          return box;
        },
      },
      node,
    );
  }

  /** Centres the node in the part of the view the details panel leaves free. */
  private focusCamera(node: string): void {
    const display = this.renderer.getNodeDisplayData(node);
    if (!display) return;
    const camera = this.renderer.getCamera();
    const ratio = Math.min(camera.ratio, 0.65);
    const { width, height } = this.renderer.getDimensions();
    const panel = this.detailsPanel.hidden ? 0 : Math.min(this.detailsPanel.offsetWidth, width / 2);
    // Framed-graph units per viewport pixel scale linearly with the camera ratio.
    const a = this.renderer.viewportToFramedGraph({ x: width / 2, y: height / 2 });
    const b = this.renderer.viewportToFramedGraph({ x: width / 2 + panel / 2, y: height / 2 });
    const scale = ratio / camera.ratio;
    void camera.animate(
      { x: display.x + (b.x - a.x) * scale, y: display.y + (b.y - a.y) * scale, ratio },
      { duration: 500 },
    );
  }

  private applyFilters(redraw: boolean): void {
    let { nodes, edges } = computeVisibility(this.graph, this.state.filters, this.days);
    const focus = this.state.focus;
    if (focus) {
      const around = neighbourhood(this.graph, focus.node, focus.hops, edges);
      nodes = new Set([...around]);
      edges = new Set(
        [...edges].filter((edge) => around.has(this.graph.source(edge)) && around.has(this.graph.target(edge))),
      );
      const layout = layoutNeighbourhood(this.graph, focus.node, nodes, edges);
      this.placeNodes(layout.positions);
      this.focusBBox = layout.bbox;
    } else if (this.savedPositions) {
      this.placeNodes(new Map());
      this.focusBBox = null;
    }
    this.state.visibleNodes = nodes;
    this.state.visibleEdges = edges;
    this.state.namedNodes = new Set(
      [...nodes].sort((a, b) => (this.sizes.get(b) ?? 0) - (this.sizes.get(a) ?? 0)).slice(0, NAMED_NODES),
    );
    if (this.state.path && !(nodes.has(this.state.path.from) && nodes.has(this.state.path.to))) this.state.path = null;
    if (!redraw) return;
    if (this.state.selected) this.showDetails(this.state.selected);
    // In a focus, the neighbourhood's layout changes with the filters: positions need re-indexing.
    if (focus) this.applyFocusFrame(false);
    else this.renderer.refresh({ skipIndexation: true });
    this.controls.update();
    this.tables.update();
    this.scheduleUrl();
  }

  private setColorMode(mode: ColorMode): void {
    this.state.colorMode = mode;
    if (mode === 'community' && !this.communities) this.communities = computeCommunities(this.graph);
    this.renderer.refresh({ skipIndexation: true });
    this.controls.update();
    this.scheduleUrl();
  }

  private setSizeMode(mode: SizeMode): void {
    this.state.sizeMode = mode;
    this.sizes = computeSizes(this.graph, mode);
    this.state.namedNodes = new Set(
      [...this.state.visibleNodes]
        .sort((a, b) => (this.sizes.get(b) ?? 0) - (this.sizes.get(a) ?? 0))
        .slice(0, NAMED_NODES),
    );
    // Sizes change the node index (label grid, picking), so this refresh re-indexes.
    this.renderer.refresh();
    this.controls.update();
    this.scheduleUrl();
  }

  private filtered(): ViewerGraph {
    return filteredGraph(this.graph, this.state.visibleNodes, this.state.visibleEdges);
  }

  /** Camera moves come in bursts; the URL follows once they settle. */
  private scheduleUrl(): void {
    if (this.urlTimer) clearTimeout(this.urlTimer);
    this.urlTimer = setTimeout(() => history.replaceState(null, '', this.currentUrl()), 250);
  }

  private currentUrl(): string {
    const camera = this.renderer.getCamera().getState();
    const hash = encodeView(
      {
        selected: this.state.selected,
        filters: this.state.filters,
        colorMode: this.state.colorMode,
        sizeMode: this.state.sizeMode,
        camera: { x: camera.x, y: camera.y, ratio: camera.ratio },
        focus: this.state.focus,
      },
      this.graph.order,
    );
    return `${location.pathname}${location.search}${hash ? `#${hash}` : ''}`;
  }
}
