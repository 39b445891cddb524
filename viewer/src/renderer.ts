/**
 * The sigma renderer and its settings, grouped by concern: programs (arrows, curves for parallel edges; plain lines
 * when the graph is large), labels, and the reducers that turn the UI state into what is drawn.
 */
import { DEFAULT_EDGE_CURVATURE, EdgeCurvedArrowProgram, indexParallelEdgesIndex } from '@sigma/edge-curve';
import type { Attributes } from 'graphology-types';
import Sigma from 'sigma';
import { EdgeArrowProgram, EdgeLineProgram } from 'sigma/rendering';
import type { Settings } from 'sigma/settings';
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import { FADED_EDGE_COLOR, FADED_NODE_COLOR, relationColor } from './appearance.js';
import { EdgeDashedArrowProgram, EdgeDashedCurvedArrowProgram, EdgeDashedLineProgram } from './dashed.js';
import { type EdgeAttributes, edgeBasis, type ViewerGraph, type ViewerNode } from './model.js';
import type { ViewState } from './state.js';

/** The colour of a path found by the Path form. */
const PATH_COLOR = '#D92D20';

/** Above this many edges, drawing switches to the cheap programs and hides what is not needed while moving. */
const LARGE_GRAPH_EDGES = 5000;

/**
 * Sigma with plain attribute types: its program classes are typed for plain attributes, and the reducers below
 * read our typed attributes from the graph they close over.
 */
export type ViewerSigma = Sigma;

export interface Visuals {
  size(node: string): number;
  color(node: string): string;
}

export function isLarge(graph: ViewerGraph): boolean {
  return graph.size > LARGE_GRAPH_EDGES || graph.order > 3000;
}

/**
 * Whether the graph has relations from background knowledge, drawn dashed (./dashed.ts): the dashed programs are
 * compiled only then, as every program is a set of shaders to compile before the first frame.
 */
export function hasKnowledge(graph: ViewerGraph): boolean {
  return graph.someEdge((_edge, attributes) => edgeBasis(attributes) === 'knowledge');
}

/** The program that draws an edge: dashed when it comes from background knowledge, curved when it has parallels. */
function edgeType(knowledge: boolean, large: boolean, curvature: number | undefined): Partial<EdgeDisplayData> {
  if (large) return knowledge ? { type: 'dashedLine' } : {};
  if (curvature !== undefined)
    return { type: knowledge ? 'dashedCurved' : 'curved', curvature } as Partial<EdgeDisplayData>;
  return { type: knowledge ? 'dashed' : 'arrow' };
}

/**
 * Curvatures for parallel edges (same two entities, different relations or directions), so each stays visible and
 * clickable. Straight edges are absent from the map.
 */
function parallelCurvatures(graph: ViewerGraph): Map<string, number> {
  const scratch = graph.copy();
  indexParallelEdgesIndex(scratch, {
    edgeIndexAttribute: 'parallelIndex',
    edgeMinIndexAttribute: 'parallelMinIndex',
    edgeMaxIndexAttribute: 'parallelMaxIndex',
  });
  const curvature = (index: number, maxIndex: number): number => {
    if (index < 0) return -curvature(-index, maxIndex);
    const amplitude = 3.5;
    const maxCurvature = amplitude * (1 - Math.exp(-maxIndex / amplitude)) * DEFAULT_EDGE_CURVATURE;
    return (maxCurvature * index) / maxIndex;
  };
  const curvatures = new Map<string, number>();
  scratch.forEachEdge((edge, attributes) => {
    const { parallelIndex, parallelMaxIndex } = attributes as { parallelIndex?: number; parallelMaxIndex?: number };
    if (
      typeof parallelIndex === 'number' &&
      typeof parallelMaxIndex === 'number' &&
      parallelMaxIndex > 0 &&
      parallelIndex !== 0
    ) {
      curvatures.set(edge, curvature(parallelIndex, parallelMaxIndex));
    }
  });
  return curvatures;
}

function edgeThickness(weight: number, large: boolean): number {
  return large ? 0.6 : Math.min(5, 1.2 + Math.log2(Math.max(1, weight)));
}

export function createRenderer(
  container: HTMLElement,
  graph: ViewerGraph,
  state: ViewState,
  visuals: Visuals,
): ViewerSigma {
  const large = isLarge(graph);
  const dashed = hasKnowledge(graph);
  const curvatures = large ? new Map<string, number>() : parallelCurvatures(graph);

  const nodeReducer = (node: string, attributes: Attributes): Partial<NodeDisplayData> => {
    const data = attributes as ViewerNode;
    const display: Partial<NodeDisplayData> = {
      x: data.x,
      y: data.y,
      label: data.label,
      size: visuals.size(node),
      color: visuals.color(node),
      zIndex: 1,
    };
    if (!state.visibleNodes.has(node)) return { ...display, hidden: true };
    // The most central entities are named at any zoom; the label grid places the rest.
    if (state.namedNodes.has(node)) display.forceLabel = true;
    if (state.path) {
      if (state.path.nodes.has(node))
        return {
          ...display,
          highlighted: node === state.path.from || node === state.path.to,
          forceLabel: true,
          zIndex: 3,
        };
      if (node !== state.selected)
        return { ...display, color: FADED_NODE_COLOR, label: '', forceLabel: false, zIndex: 0 };
    }
    const focus = state.hovered ?? state.selected;
    if (node === state.selected) Object.assign(display, { highlighted: true, forceLabel: true, zIndex: 3 });
    if (focus) {
      const neighbours = state.hovered ? state.hoveredNeighbours : state.selectedNeighbours;
      if (node === focus) Object.assign(display, { highlighted: true, forceLabel: true, zIndex: 3 });
      else if (neighbours.has(node)) Object.assign(display, { forceLabel: true, zIndex: 2 });
      else if (node !== state.selected)
        Object.assign(display, { color: FADED_NODE_COLOR, label: '', forceLabel: false, zIndex: 0 });
    }
    return display;
  };

  const edgeReducer = (edge: string, attributes: Attributes): Partial<EdgeDisplayData> => {
    const data = attributes as EdgeAttributes;
    if (!state.visibleEdges.has(edge) || (large && state.layoutRunning)) return { hidden: true };
    const curvature = curvatures.get(edge);
    const knowledge = edgeBasis(data) === 'knowledge';
    const display: Partial<EdgeDisplayData> & { curvature?: number } = {
      color: relationColor(data.relation),
      size: edgeThickness(data.weight, large),
      label: '',
      zIndex: 1,
      ...edgeType(knowledge, large, curvature),
    };
    if (state.path) {
      if (state.path.edges.has(edge))
        return {
          ...display,
          color: PATH_COLOR,
          size: Math.max(3, (display.size ?? 1) * 1.5),
          label: data.relation,
          forceLabel: true,
          zIndex: 3,
        };
      if (large) return { hidden: true };
      return { ...display, color: FADED_EDGE_COLOR, zIndex: 0 };
    }
    const focus = state.hovered ?? state.selected;
    if (focus) {
      const touches = graph.source(edge) === focus || graph.target(edge) === focus;
      if (touches) Object.assign(display, { label: data.relation, forceLabel: true, zIndex: 2 });
      else if (large) return { hidden: true };
      else Object.assign(display, { color: FADED_EDGE_COLOR, zIndex: 0 });
    }
    return display;
  };

  return new Sigma<Attributes, Attributes, Attributes>(graph, container, {
    ...drawingSettings(large, dashed),
    nodeReducer,
    edgeReducer,
  });
}

/**
 * Everything sigma is told except the reducers. The bench's minimal sigma page (viewer/bench/) uses these same
 * settings, so the comparison measures what the viewer adds: reducers and overlays.
 */
export function drawingSettings(large: boolean, dashed: boolean): Partial<Settings> {
  return {
    // programs
    defaultEdgeType: large ? 'line' : 'arrow',
    // Only the programs in use: each one is a set of shaders to compile before the first frame.
    edgeProgramClasses: large
      ? { line: EdgeLineProgram, ...(dashed ? { dashedLine: EdgeDashedLineProgram } : {}) }
      : {
          arrow: EdgeArrowProgram,
          curved: EdgeCurvedArrowProgram,
          ...(dashed ? { dashed: EdgeDashedArrowProgram, dashedCurved: EdgeDashedCurvedArrowProgram } : {}),
        },
    // performance
    hideEdgesOnMove: large,
    hideLabelsOnMove: large,
    enableEdgeEvents: !large,
    // labels: the larger nodes always, the rest as the zoom makes them large enough
    renderEdgeLabels: !large,
    labelFont: 'Inter, "Segoe UI", system-ui, -apple-system, sans-serif',
    labelSize: 13,
    labelWeight: '500',
    labelColor: { color: '#1F2430' },
    edgeLabelFont: 'Inter, "Segoe UI", system-ui, sans-serif',
    edgeLabelSize: 11,
    edgeLabelColor: { attribute: 'color' },
    labelRenderedSizeThreshold: large ? 9 : 7,
    labelDensity: large ? 0.25 : 1,
    labelGridCellSize: large ? 120 : 60,
    // drawing order and camera
    zIndex: !large,
    stagePadding: 40,
    minCameraRatio: 0.02,
    maxCameraRatio: 8,
  };
}
