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
}

export function emptyFilters(): Filters {
  return { hiddenKinds: new Set(), hiddenRelations: new Set(), minConfidence: 0, dateFrom: null, dateTo: null };
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
  };
}
