/**
 * One spelling per article URL: the same article reached through a campaign link, a share button, its AMP edition
 * or a fragment must get one id. Only what never changes the document is removed; the rest is kept verbatim
 * (a query parameter that selects the article, such as ?id=123, stays).
 */
import { TRACKING_PARAMS, TRACKING_PREFIXES } from './settings.js';

const TRACKING = new Set(TRACKING_PARAMS.map((p) => p.toLowerCase()));

function isTracking(name: string): boolean {
  const lower = name.toLowerCase();
  return TRACKING.has(lower) || TRACKING_PREFIXES.some((p) => lower.startsWith(p));
}

/** A Google AMP cache URL (https://example-org.cdn.ampproject.org/c/s/example.org/a.html) -> the publisher's URL. */
function unwrapAmpCache(url: URL): URL {
  if (!url.hostname.endsWith('.cdn.ampproject.org')) return url;
  const match = /^\/(?:[a-z]\/)*?(s\/)?([^/]+)(\/.*)?$/.exec(url.pathname.replace(/^\/(?:c|v|i|r)\//, '/'));
  if (!match) return url;
  try {
    return new URL(`${match[1] ? 'https' : 'http'}://${match[2]}${match[3] ?? '/'}${url.search}`);
  } catch {
    return url;
  }
}

/** The canonical form of an http(s) URL, or null when `raw` is not one. */
export function canonicalUrl(raw: string, base?: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim(), base);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url = unwrapAmpCache(url);
  url.hash = '';
  url.username = '';
  url.password = '';
  if (url.hostname.startsWith('amp.') && url.hostname.split('.').length > 2) url.hostname = url.hostname.slice(4);
  // AMP editions: /amp/ or /amp at the end of the path, .amp.html or .amp for the file.
  url.pathname = url.pathname
    .replace(/\/amp\/?$/i, '/')
    .replace(/\.amp\.html?$/i, '.html')
    .replace(/\.amp$/i, '')
    .replace(/^\/amp\//i, '/');
  const kept = [...url.searchParams].filter(([name]) => !isTracking(name));
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  url.search = kept.length ? `?${new URLSearchParams(kept).toString()}` : '';
  let href = url.href;
  // "https://example.org/news/x/" and ".../x" are the same page on every news site we know; keep the root's slash.
  if (url.pathname.length > 1 && url.pathname.endsWith('/') && !url.search) href = href.slice(0, -1);
  return href;
}

/** The host a reader would name: lower case, without www. or amp. (for "same outlet" comparisons). */
export function siteOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^(?:www|amp|m)\./, '');
  } catch {
    return '';
  }
}
