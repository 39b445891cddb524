/**
 * The bench's baseline (`npm run bench`, bench/viewer.ts): the least a page can do to draw a newsgraph file with
 * sigma. Same graph, same positions, same sizes and colours, same sigma settings as the viewer, but no reducers,
 * no panels, no validation. The viewer's frame rate and first render are reported as ratios to this page's.
 */
import { MultiDirectedGraph } from 'graphology';
import Sigma from 'sigma';
import { computeSizes, kindColor, relationColor } from '../src/appearance.js';
import type { ViewerGraph } from '../src/model.js';
import { drawingSettings, hasKnowledge, isLarge } from '../src/renderer.js';

declare global {
  interface Window {
    minimal: { state: 'loading' | 'ready'; firstRenderAt: number; parsedAt: number };
  }
}
window.minimal = { state: 'loading', firstRenderAt: 0, parsedAt: 0 };

async function start(): Promise<void> {
  const data = (await (await fetch('graph.json', { cache: 'no-store' })).json()) as Parameters<
    ViewerGraph['import']
  >[0];
  const graph: ViewerGraph = new MultiDirectedGraph({ allowSelfLoops: false });
  graph.import(data);
  window.minimal.parsedAt = performance.now();
  const sizes = computeSizes(graph, 'degree');
  const large = isLarge(graph);
  graph.updateEachNodeAttributes((node, attributes) => ({
    ...attributes,
    size: sizes.get(node) ?? 4,
    color: kindColor(attributes.kind),
  }));
  graph.updateEachEdgeAttributes((_edge, attributes) => ({
    ...attributes,
    color: relationColor(attributes.relation),
    size: large ? 0.6 : 1,
  }));
  new Sigma(graph, document.getElementById('graph')!, drawingSettings(large, hasKnowledge(graph)));
  // Sigma draws the first frame synchronously in its constructor, as in the viewer.
  window.minimal.firstRenderAt = performance.now();
  window.minimal.state = 'ready';
}

void start();
