/**
 * ForceAtlas2 in a web worker, with settings inferred from the graph, that stops by itself when the picture is
 * stable (or at a time bound), then runs noverlap once so discs and labels do not sit on each other.
 */
import forceAtlas2, { type ForceAtlas2Settings } from 'graphology-layout-forceatlas2';
import FA2LayoutSupervisor from 'graphology-layout-forceatlas2/worker';
import noverlap from 'graphology-layout-noverlap';
import type { ViewerGraph } from './model.js';

export interface LayoutSettings {
  /** How often stability is checked. */
  checkEveryMs: number;
  /** Mean node movement per check, as a share of the picture's extent, under which the layout counts as stable. */
  stableBelow: number;
  /** Stable checks in a row needed to stop. */
  stableChecks: number;
  /** Hard stop, whatever the movement. */
  maxMs: number;
}

function layoutSettingsFor(order: number): LayoutSettings {
  return { checkEveryMs: 400, stableBelow: 0.0015, stableChecks: 2, maxMs: Math.min(20_000, 4_000 + order * 2) };
}

/** graphology's inferred settings, with repeated statements pulling only gently (weights grow with coverage). */
function fa2SettingsFor(graph: ViewerGraph): ForceAtlas2Settings {
  const inferred = forceAtlas2.inferSettings(graph);
  // News graphs hold many entities with no relation yet; inferred gravity lets them drift to the rim, which
  // shrinks the connected part to a corner of the view. Small graphs get a firmer pull towards the centre.
  const gravity = graph.order <= WARM_UP_MAX_ORDER ? 0.6 : inferred.gravity;
  return { ...inferred, gravity, adjustSizes: false, edgeWeightInfluence: 0.5 };
}

/** Above this many nodes the final noverlap pass is skipped (see removeOverlaps). */
const NOVERLAP_MAX_ORDER = 3000;

/** Graphs up to this size get a synchronous head start before the first frame (a few milliseconds of work). */
const WARM_UP_MAX_ORDER = 300;

/**
 * The worker advances one iteration per round trip through the main thread, which is busy drawing; a small graph
 * would need seconds to untangle that way. Its first iterations are therefore run here, synchronously, and the
 * worker carries on from a picture that is already readable.
 */
export function warmUp(graph: ViewerGraph): void {
  if (graph.order > WARM_UP_MAX_ORDER || graph.order < 2) return;
  forceAtlas2.assign(graph, {
    iterations: graph.order <= 100 ? 400 : 200,
    settings: fa2SettingsFor(graph),
    getEdgeWeight: 'weight',
  });
}

interface LayoutRun {
  ms: number;
  iterations: number;
  converged: boolean;
}

export type LayoutListener = (running: boolean, run: LayoutRun | null) => void;

export class LayoutController {
  private readonly supervisor: FA2LayoutSupervisor;
  private readonly settings: LayoutSettings;
  private timer: ReturnType<typeof setInterval> | null = null;
  private startedAt = 0;
  private iterations = 0;
  private checkedIterations = 0;
  private previous: Float64Array | null = null;
  private stableCount = 0;
  private readonly countIteration = () => void this.iterations++;

  constructor(
    private readonly graph: ViewerGraph,
    /** A node's radius on screen, in pixels, and the smaller side of the view: noverlap works in graph units. */
    private readonly pixelRadius: (node: string) => number,
    private readonly viewPixels: () => number,
    private readonly onChange: LayoutListener,
  ) {
    this.supervisor = new FA2LayoutSupervisor(graph, { settings: fa2SettingsFor(graph), getEdgeWeight: 'weight' });
    this.settings = layoutSettingsFor(graph.order);
    // The supervisor writes every iteration's positions in one batch: counting those batches counts iterations.
    graph.on('eachNodeAttributesUpdated', this.countIteration);
  }

  /** Share of the run's time bound used so far (0..1): the layout stops earlier when the picture is stable. */
  get progress(): number {
    return this.running ? Math.min(1, (performance.now() - this.startedAt) / this.settings.maxMs) : 1;
  }

  /** The run's time bound, in ms. */
  get maxMs(): number {
    return this.settings.maxMs;
  }

  /** Iterations of the current (or last) run so far. */
  get iterationCount(): number {
    return this.iterations;
  }

  get running(): boolean {
    return this.supervisor.isRunning();
  }

  start(): void {
    if (this.running || this.graph.order < 2) return;
    this.startedAt = performance.now();
    this.iterations = 0;
    this.checkedIterations = 0;
    this.previous = null;
    this.stableCount = 0;
    this.supervisor.start();
    this.timer = setInterval(() => this.check(), this.settings.checkEveryMs);
    this.onChange(true, null);
  }

  /** Stops the layout; `converged` says whether it stopped because the picture was stable. */
  stop(converged = false): void {
    if (!this.running) return;
    this.supervisor.stop();
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.removeOverlaps();
    this.onChange(false, { ms: performance.now() - this.startedAt, iterations: this.iterations, converged });
  }

  kill(): void {
    if (this.timer) clearInterval(this.timer);
    this.graph.off('eachNodeAttributesUpdated', this.countIteration);
    this.supervisor.kill();
  }

  private check(): void {
    const positions = this.snapshot();
    const previous = this.previous;
    this.previous = positions;
    if (performance.now() - this.startedAt > this.settings.maxMs) {
      this.stop(false);
      return;
    }
    if (!previous || previous.length !== positions.length) return;
    let moved = 0;
    let minX = Infinity;
    let maxX = -Infinity;
    let minY = Infinity;
    let maxY = -Infinity;
    for (let i = 0; i < positions.length; i += 2) {
      const x = positions[i] ?? 0;
      const y = positions[i + 1] ?? 0;
      moved += Math.hypot(x - (previous[i] ?? 0), y - (previous[i + 1] ?? 0));
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
    }
    const extent = Math.max(maxX - minX, maxY - minY, 1e-9);
    const meanShare = moved / (positions.length / 2) / extent;
    // No iteration since the last check is not stability: the worker has not answered yet.
    const advanced = this.iterations > this.checkedIterations;
    this.checkedIterations = this.iterations;
    this.stableCount = advanced && meanShare < this.settings.stableBelow ? this.stableCount + 1 : 0;
    if (this.stableCount >= this.settings.stableChecks) this.stop(true);
  }

  private snapshot(): Float64Array {
    const positions = new Float64Array(this.graph.order * 2);
    let i = 0;
    this.graph.forEachNode((_key, attributes) => {
      positions[i++] = attributes.x;
      positions[i++] = attributes.y;
    });
    return positions;
  }

  private removeOverlaps(): void {
    // Past a few thousand nodes, overlaps are not what a reader sees at zoom 1, and noverlap in a dense
    // picture costs seconds on the main thread: large graphs skip it.
    if (this.graph.order > NOVERLAP_MAX_ORDER) return;
    const iterations = this.graph.order > 1000 ? 30 : 120;
    const positions = this.snapshot();
    let extent = 0;
    for (let axis = 0; axis < 2; axis++) {
      let low = Infinity;
      let high = -Infinity;
      for (let i = axis; i < positions.length; i += 2) {
        low = Math.min(low, positions[i] ?? 0);
        high = Math.max(high, positions[i] ?? 0);
      }
      extent = Math.max(extent, high - low);
    }
    // At zoom 1 sigma fits the graph's extent into the view, so one pixel is extent / viewPixels graph units.
    const unitsPerPixel = Math.max(extent, 1e-9) / Math.max(100, this.viewPixels());
    noverlap.assign(this.graph, {
      maxIterations: iterations,
      inputReducer: (key, attributes) => ({
        x: attributes.x,
        y: attributes.y,
        size: this.pixelRadius(key) * unitsPerPixel,
      }),
      settings: { margin: 0, ratio: 1.15 },
    });
  }
}
