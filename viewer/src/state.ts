/**
 * All UI state in one typed object. Reducers read it; handlers change it and ask sigma to redraw with
 * refresh({ skipIndexation: true }). Derived sets (neighbours, visibility) are computed when the state changes,
 * never inside a reducer.
 */

export type ColorMode = 'kind' | 'community';
export type SizeMode = 'degree' | 'pagerank';

export interface Filters {
  hiddenKinds: Set<string>;
  hiddenRelations: Set<string>;
  /** Edges below this confidence are hidden (0..1). */
  minConfidence: number;
  /** Inclusive day bounds (YYYY-MM-DD) on the articles' publication dates; null leaves that side open. */
  dateFrom: string | null;
  dateTo: string | null;
  /** Relations whose basis ('text' or 'knowledge'; missing means 'text') is hidden. */
  hiddenBases: Set<string>;
  /** Reduce: entities with no visible relation are hidden. */
  hideUnconnected: boolean;
  /** Reduce: entities with fewer visible relations than this are hidden (0 = off). */
  minDegree: number;
  /** Reduce: only the largest connected part of what is visible stays. */
  largestComponent: boolean;
  /** Reduce: only the k-core of what is visible stays (0 = off). */
  kCore: number;
}

/** The neighbourhood of one entity, shown on its own. */
export interface Focus {
  node: string;
  hops: 1 | 2;
}

/** Shortest paths between two entities: what the Path form found. */
interface PathView {
  from: string;
  to: string;
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
}

export interface CameraView {
  x: number;
  y: number;
  ratio: number;
}

export interface ViewState {
  hovered: string | null;
  /** The hovered node's neighbours, computed once per hover. */
  hoveredNeighbours: ReadonlySet<string>;
  selected: string | null;
  selectedNeighbours: ReadonlySet<string>;
  filters: Filters;
  /** ForceAtlas2 is running: large graphs hide their edges meanwhile, so each iteration redraws cheaply. */
  layoutRunning: boolean;
  colorMode: ColorMode;
  sizeMode: SizeMode;
  /** Nodes and edges that pass the filters; recomputed on each filter change. */
  visibleNodes: ReadonlySet<string>;
  visibleEdges: ReadonlySet<string>;
  focus: Focus | null;
  path: PathView | null;
  /** The most central visible entities: always labelled, whatever the zoom. */
  namedNodes: ReadonlySet<string>;
}

/** Above this many entities, unconnected ones are hidden unless the reader asks for them. */
const HIDE_UNCONNECTED_ABOVE = 1000;

export function emptyFilters(order = 0): Filters {
  return {
    hiddenKinds: new Set(),
    hiddenRelations: new Set(),
    minConfidence: 0,
    dateFrom: null,
    dateTo: null,
    hiddenBases: new Set(),
    hideUnconnected: order > HIDE_UNCONNECTED_ABOVE,
    minDegree: 0,
    largestComponent: false,
    kCore: 0,
  };
}

export function initialState(): ViewState {
  return {
    hovered: null,
    hoveredNeighbours: new Set(),
    selected: null,
    selectedNeighbours: new Set(),
    filters: emptyFilters(),
    layoutRunning: false,
    colorMode: 'kind',
    sizeMode: 'degree',
    visibleNodes: new Set(),
    visibleEdges: new Set(),
    focus: null,
    path: null,
    namedNodes: new Set(),
  };
}
