/**
 * Turning a graph file (text from a URL, a dropped file or the server) into a ViewerGraph, with errors a reader can
 * act on: the source, where in the file, and what is wrong. The checks are the CLI's own (src/graph/validate.ts).
 */
import { upgradeLegacyEdges } from '../../src/graph/legacy.js';
import type { SerializedNewsGraph } from '../../src/graph/schema.js';
import { validateGraphData } from '../../src/graph/validate.js';
import { seededRandom } from '../../src/util/random.js';
import { MultiDirectedGraph, type ViewerGraph, type ViewerNode, viewerKey } from './model.js';

export class GraphLoadError extends Error {
  constructor(
    readonly source: string,
    message: string,
  ) {
    super(message);
    this.name = 'GraphLoadError';
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export async function fetchGraphText(url: string): Promise<{ text: string; name: string }> {
  let response: Response;
  try {
    response = await fetch(url, { cache: 'no-store' });
  } catch (error) {
    throw new GraphLoadError(url, `${url}: could not be fetched (${describe(error)})`);
  }
  if (!response.ok)
    throw new GraphLoadError(url, `${url}: the server answered ${response.status} ${response.statusText}`.trim());
  const disposition = response.headers.get('Content-Disposition')?.match(/filename="([^"]+)"/)?.[1];
  const name = disposition ?? decodeURIComponent(new URL(url, location.href).pathname.split('/').pop() || url);
  return { text: await response.text(), name };
}

/** Parses, validates and imports; every failure becomes a GraphLoadError naming `source`. */
export interface LoadedGraph {
  graph: ViewerGraph;
  /** True when the file carried positions for every node (a layout was stored). */
  storedPositions: boolean;
}

/**
 * Checks the file in a worker: the main thread imports and draws meanwhile (validating 15 MB takes seconds). Resolves
 * with null when the file is valid, else with the reason, naming `source`.
 */
export function validateInWorker(text: string, source: string): Promise<string | null> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./validate.worker.ts', import.meta.url), { type: 'module' });
    } catch {
      // No workers (a very locked-down page): check here instead.
      resolve(checkHere(text, source));
      return;
    }
    worker.onmessage = (event: MessageEvent<string | null>) => {
      worker.terminate();
      resolve(event.data);
    };
    worker.onerror = () => {
      worker.terminate();
      resolve(checkHere(text, source));
    };
    worker.postMessage({ text, source });
  });
}

function checkHere(text: string, source: string): string | null {
  try {
    parseGraphText(text, source);
    return null;
  } catch (error) {
    return describe(error);
  }
}

/**
 * Parses and imports without the contract checks (validateInWorker runs them alongside). Throws GraphLoadError when
 * the text is not JSON or graphology cannot import it; the caller then waits for the worker's clearer reason.
 */
export function importGraphText(text: string, source: string): LoadedGraph {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new GraphLoadError(source, `${source}: not a JSON file (${describe(error)})`);
  }
  const graph: ViewerGraph = new MultiDirectedGraph({ allowSelfLoops: false });
  try {
    graph.import(upgradeLegacyEdges(data) as Parameters<ViewerGraph['import']>[0]);
  } catch (error) {
    throw new GraphLoadError(source, `${source}: not a newsgraph graph (${describe(error)})`);
  }
  if (graph.order === 0) throw new GraphLoadError(source, `${source}: the graph has no entities`);
  const placed = placeMissingNodes(graph);
  return { graph, storedPositions: placed === 0 };
}

/** @public Also loaded by tests/safety/viewer-keys.test.ts through a dynamic import that knip cannot follow. */
export function parseGraphText(text: string, source: string): LoadedGraph {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new GraphLoadError(source, `${source}: not a JSON file (${describe(error)})`);
  }
  let valid: unknown;
  try {
    valid = validateGraphData(data, source);
  } catch (error) {
    throw new GraphLoadError(source, describe(error));
  }
  const graph: ViewerGraph = new MultiDirectedGraph({ allowSelfLoops: false });
  try {
    graph.import(aliasKeys(valid as SerializedNewsGraph) as unknown as Parameters<ViewerGraph['import']>[0]);
  } catch (error) {
    throw new GraphLoadError(source, `${source}: not a newsgraph graph (${describe(error)})`);
  }
  if (graph.order === 0) throw new GraphLoadError(source, `${source}: the graph has no entities`);
  const placed = placeMissingNodes(graph);
  return { graph, storedPositions: placed === 0 };
}

/** The file's data with keys the viewer can index safely (see viewerKey); exports map them back. */
function aliasKeys(data: SerializedNewsGraph): SerializedNewsGraph {
  return {
    ...data,
    nodes: data.nodes.map((node) => ({ ...node, key: viewerKey(node.key) })),
    edges: data.edges.map((edge) => ({
      ...edge,
      ...(edge.key !== undefined ? { key: viewerKey(edge.key) } : {}),
      source: viewerKey(edge.source),
      target: viewerKey(edge.target),
    })),
  };
}

function hash(text: string): number {
  let value = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) value = Math.imul(value ^ text.charCodeAt(i), 0x01000193);
  return value >>> 0;
}

/**
 * Nodes without stored positions get a deterministic one: a disc whose radius grows with the graph, each node at a
 * place seeded by its key, so ForceAtlas2 starts from the same state on every load.
 */
function placeMissingNodes(graph: ViewerGraph): number {
  const radius = Math.sqrt(graph.order) * 10;
  let placed = 0;
  graph.updateEachNodeAttributes((key, attributes) => {
    if (Number.isFinite(attributes.x) && Number.isFinite(attributes.y)) return attributes;
    placed++;
    const random = seededRandom(hash(key));
    const angle = random() * 2 * Math.PI;
    const distance = radius * Math.sqrt(random());
    return { ...attributes, x: distance * Math.cos(angle), y: distance * Math.sin(angle) } as ViewerNode;
  });
  return placed;
}
