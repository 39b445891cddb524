/**
 * One open graph: renderer, layout, search, panels and URL state wired together. Opening another graph disposes
 * this one and creates a new App.
 */
import { computeCommunities, computeSizes, kindColor, type Communities } from './appearance.js';
import { createControls, type Controls } from './controls.js';
import { renderDetails, revealRelation } from './details.js';
import { byId } from './dom.js';
import { exportGexf, exportJson, exportPng, filteredGraph } from './export.js';
import { computeVisibility, dateBounds } from './filters.js';
import { LayoutController, warmUp } from './layout.js';
import { articleDay, articleIndex, countBy, type ArticleRecord, type ViewerGraph } from './model.js';
import { createRenderer, type ViewerSigma, type Visuals } from './renderer.js';
import { SearchIndex, type SearchBox } from './search.js';
import { initialState, type ColorMode, type SizeMode, type ViewState } from './state.js';
import { decodeView, encodeView } from './url.js';

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

    const fromUrl = decodeView(location.hash);
    Object.assign(this.state, { filters: fromUrl.filters, colorMode: fromUrl.colorMode, sizeMode: fromUrl.sizeMode });
    this.sizes = computeSizes(graph, this.state.sizeMode);
    if (this.state.colorMode === 'community') this.communities = computeCommunities(graph);
    this.visuals = {
      size: (node) => this.sizes.get(node) ?? 4,
      color: (node) => {
        if (this.state.colorMode === 'community' && this.communities) return this.communities.color(this.communities.of.get(node) ?? -1);
        return kindColor(graph.getNodeAttribute(node, 'kind'));
      },
    };
    this.applyFilters(false);

    if (!storedPositions) warmUp(graph);
    this.renderer = createRenderer(byId('graph'), graph, this.state, this.visuals);
    this.metrics = { parsedAt, firstRenderAt: 0, layout: null };
    // Sigma draws the first frame synchronously in its constructor.
    this.metrics.firstRenderAt = performance.now();
    this.bindEvents();

    const viewPixels = () => {
      const { width, height } = this.renderer.getDimensions();
      return Math.min(width, height) - 80; // minus the stage padding on both sides
    };
    this.layout = new LayoutController(graph, (node) => this.sizes.get(node) ?? 4, viewPixels, (running, run) => {
      if (run) this.metrics.layout = run;
      this.state.layoutRunning = running;
      if (!running) this.renderer.refresh({ skipIndexation: true });
      this.status.textContent = running
        ? 'Laying out…'
        : run
          ? `Layout ${run.converged ? 'settled' : 'stopped'} after ${(run.ms / 1000).toFixed(1)} s`
          : '';
      this.controls?.update();
    });

    this.controls = createControls(byId('controls'), {
      graph,
      state: this.state,
      kinds: countBy(graph.mapNodes((_, attributes) => attributes.kind)),
      relations: countBy(graph.mapEdges((_, attributes) => attributes.relation)),
      dates: dateBounds(this.days),
      filtersChanged: () => this.applyFilters(true),
      setColorMode: (mode) => this.setColorMode(mode),
      setSizeMode: (mode) => this.setSizeMode(mode),
      toggleLayout: () => (this.layout.running ? this.layout.stop(false) : this.layout.start()),
      layoutRunning: () => this.layout.running,
      communities: () => this.communities,
      select: (node) => this.select(node, true),
      exportPng: () => exportPng(this.renderer, this.name),
      exportGexf: () => exportGexf(this.filtered(), this.name, this.visuals),
      exportJson: () => exportJson(this.filtered(), this.name),
      copyLink: () => navigator.clipboard.writeText(location.href),
    });
    byId('controls').hidden = false;
    this.search.setIndex(new SearchIndex(graph), () => this.state.visibleNodes);

    if (fromUrl.camera) this.renderer.getCamera().setState(fromUrl.camera);
    if (fromUrl.selected && graph.hasNode(fromUrl.selected)) this.select(fromUrl.selected, !fromUrl.camera);
    // ForceAtlas2 starts from the stored layout when the file has one (it then settles within a few checks),
    // otherwise from the seeded placement.
    // It starts after the first frame, so it does not compete with it; its time bound counts from there.
    requestAnimationFrame(() => this.layout.start());
    this.storedPositions = storedPositions;
  }

  get layoutIterations(): number {
    return this.layout.iterationCount;
  }

  get layoutRunning(): boolean {
    return this.layout.running;
  }

  dispose(): void {
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
    renderer.on('clickEdge', ({ edge }) => {
      this.select(this.graph.source(edge), false);
      revealRelation(this.detailsPanel, edge);
    });
    renderer.on('enterEdge', () => (this.renderer.getContainer().style.cursor = 'pointer'));
    renderer.on('leaveEdge', () => (this.renderer.getContainer().style.cursor = ''));
    renderer.getCamera().on('updated', () => this.scheduleUrl());
  }

  hover(node: string | null): void {
    this.state.hovered = node;
    this.state.hoveredNeighbours = node ? new Set(this.graph.neighbors(node)) : new Set();
    this.renderer.refresh({ skipIndexation: true });
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

  private showDetails(node: string): void {
    renderDetails(this.detailsPanel, {
      graph: this.graph,
      articles: this.articles,
      visibleEdges: this.state.visibleEdges,
      select: (other) => this.select(other, true),
      close: () => this.select(null, false),
    }, node);
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
    void camera.animate({ x: display.x + (b.x - a.x) * scale, y: display.y + (b.y - a.y) * scale, ratio }, { duration: 500 });
  }

  private applyFilters(redraw: boolean): void {
    const { nodes, edges } = computeVisibility(this.graph, this.state.filters, this.days);
    this.state.visibleNodes = nodes;
    this.state.visibleEdges = edges;
    if (!redraw) return;
    if (this.state.selected) this.showDetails(this.state.selected);
    this.renderer.refresh({ skipIndexation: true });
    this.controls.update();
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
    this.urlTimer = setTimeout(() => {
      const camera = this.renderer.getCamera().getState();
      const hash = encodeView({
        selected: this.state.selected,
        filters: this.state.filters,
        colorMode: this.state.colorMode,
        sizeMode: this.state.sizeMode,
        camera: { x: camera.x, y: camera.y, ratio: camera.ratio },
      });
      history.replaceState(null, '', `${location.pathname}${location.search}${hash ? `#${hash}` : ''}`);
    }, 250);
  }
}
