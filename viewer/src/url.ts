/**
 * The shareable part of the view in the URL hash: selected entity, filters, colouring, sizing and camera.
 * The query string keeps `?graph=` (which graph to open), so a link names both the graph and the view of it.
 */
import { type CameraView, type ColorMode, emptyFilters, type Filters, type Focus, type SizeMode } from './state.js';

export interface UrlView {
  selected: string | null;
  filters: Filters;
  colorMode: ColorMode;
  sizeMode: SizeMode;
  camera: CameraView | null;
  focus: Focus | null;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function list(value: string | null): Set<string> {
  return new Set((value ?? '').split(',').filter(Boolean).map(decodeURIComponent));
}

/** `order` is the graph's size: it decides the defaults, which the URL leaves out. */
export function encodeView(view: UrlView, order: number): string {
  const params = new URLSearchParams();
  if (view.selected) params.set('node', view.selected);
  if (view.focus) {
    params.set('focus', view.focus.node);
    if (view.focus.hops !== 1) params.set('hops', String(view.focus.hops));
  }
  const f = view.filters;
  const defaults = emptyFilters(order);
  if (f.hiddenKinds.size) params.set('hideKinds', [...f.hiddenKinds].sort().map(encodeURIComponent).join(','));
  if (f.hiddenRelations.size)
    params.set('hideRelations', [...f.hiddenRelations].sort().map(encodeURIComponent).join(','));
  if (f.minConfidence > 0) params.set('minConfidence', String(f.minConfidence));
  if (f.dateFrom) params.set('from', f.dateFrom);
  if (f.dateTo) params.set('to', f.dateTo);
  if (f.hiddenBases.size) params.set('hideBasis', [...f.hiddenBases].sort().join(','));
  if (f.hideUnconnected !== defaults.hideUnconnected) params.set('unconnected', f.hideUnconnected ? 'hide' : 'show');
  if (f.minDegree > 0) params.set('minDegree', String(f.minDegree));
  if (f.largestComponent) params.set('largest', '1');
  if (f.kCore > 0) params.set('kcore', String(f.kCore));
  if (view.colorMode !== 'kind') params.set('color', view.colorMode);
  if (view.sizeMode !== 'degree') params.set('size', view.sizeMode);
  if (view.camera)
    params.set('camera', [view.camera.x, view.camera.y, view.camera.ratio].map((n) => n.toFixed(4)).join(','));
  return params.toString();
}

function count(value: string | null, max: number): number {
  const n = Number(value ?? 0);
  return Number.isInteger(n) ? Math.min(max, Math.max(0, n)) : 0;
}

export function decodeView(hash: string, order: number): UrlView {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const filters = emptyFilters(order);
  filters.hiddenKinds = list(params.get('hideKinds'));
  filters.hiddenRelations = list(params.get('hideRelations'));
  const confidence = Number(params.get('minConfidence') ?? 0);
  filters.minConfidence = Number.isFinite(confidence) ? Math.min(1, Math.max(0, confidence)) : 0;
  const from = params.get('from');
  const to = params.get('to');
  filters.dateFrom = from && DAY.test(from) ? from : null;
  filters.dateTo = to && DAY.test(to) ? to : null;
  filters.hiddenBases = list(params.get('hideBasis'));
  const unconnected = params.get('unconnected');
  if (unconnected === 'hide' || unconnected === 'show') filters.hideUnconnected = unconnected === 'hide';
  filters.minDegree = count(params.get('minDegree'), 1000);
  filters.largestComponent = params.get('largest') === '1';
  filters.kCore = count(params.get('kcore'), 1000);
  const focusNode = params.get('focus');
  const camera = (params.get('camera') ?? '').split(',').map(Number);
  const [x, y, ratio] = camera;
  return {
    selected: params.get('node') || null,
    filters,
    colorMode: params.get('color') === 'community' ? 'community' : 'kind',
    sizeMode: params.get('size') === 'pagerank' ? 'pagerank' : 'degree',
    camera:
      camera.length === 3 &&
      x !== undefined &&
      y !== undefined &&
      ratio !== undefined &&
      camera.every(Number.isFinite) &&
      ratio > 0
        ? { x, y, ratio }
        : null,
    focus: focusNode ? { node: focusNode, hops: params.get('hops') === '2' ? 2 : 1 } : null,
  };
}
