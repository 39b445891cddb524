/**
 * Exports from the viewer: a PNG of what is on screen, and the filtered graph as newsgraph JSON (positions included,
 * so it reopens with this layout) or as GEXF for Gephi (flat attributes, viz colours, sizes and positions).
 */
import { downloadAsPNG } from '@sigma/export-image';
import { download } from './dom.js';
import { gexfText } from './graph-export.js';
import type { ViewerGraph } from './model.js';
import type { ViewerSigma, Visuals } from './renderer.js';

export { filteredGraph } from './graph-export.js';

export function baseName(name: string): string {
  return name.replace(/\.json$/i, '').replace(/[^\w.-]+/g, '_') || 'graph';
}

export function exportJson(graph: ViewerGraph, name: string): void {
  download(`${baseName(name)}.filtered.json`, JSON.stringify(graph.export()), 'application/json');
}

export function exportGexf(graph: ViewerGraph, name: string, visuals: Visuals): void {
  download(`${baseName(name)}.filtered.gexf`, gexfText(graph, visuals), 'application/xml');
}

export function exportPng(renderer: ViewerSigma, name: string): Promise<void> {
  return downloadAsPNG(renderer, { fileName: baseName(name), backgroundColor: '#ffffff' });
}
