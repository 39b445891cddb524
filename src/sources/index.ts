/**
 * Sources as inputs: URLs of feeds, sitemaps and article pages, and text files that list such URLs, turned into the
 * articles to read. A source is fetched once to learn what it is; a feed or sitemap gives links (fetched later, when
 * the build gets to them and only if the graph does not have them yet); a page is an article itself.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { InputError, UsageError } from '../errors.js';
import { decodeText } from '../ingest/read.js';
import type { ArticleFormat, ArticleMeta } from '../ingest/types.js';
import { canonicalUrl, siteOf } from './canonical.js';
import { classifyDocument, type LinkedItem } from './documents.js';
import type { FetchedDocument, Fetcher } from './fetcher.js';

export { canonicalUrl } from './canonical.js';
export { type FetchedDocument, Fetcher } from './fetcher.js';
export { HttpCache } from './http-cache.js';
export { FETCH_DEFAULTS, type FetchSettings } from './settings.js';

/** An article to fetch (or already fetched) from the web. */
export interface WebEntry {
  kind: 'web';
  /** The URL as listed or given: what failure lines and the graph's `file` name. */
  file: string;
  /** The article id: the canonical URL (tracking parameters, AMP and fragments removed). */
  id: string;
  /** What the feed or sitemap said about the article; the page's own metadata wins where it has any. */
  hints: Partial<ArticleMeta>;
  /** The host of the document that listed it (its own host for a URL the user gave): for the address guard. */
  sourceHost: string;
  /** The page itself, when the source was an article page (fetched to learn what it is). */
  document: FetchedDocument | null;
}

/** A page ready to be ingested. */
export interface LoadedPage {
  id: string;
  text: string;
  format: ArticleFormat;
  bytes: Uint8Array;
  hints: Partial<ArticleMeta>;
}

export function isUrl(input: string): boolean {
  return /^https?:\/\//i.test(input.trim());
}

/** A source list: every line that is not blank or a # comment is an http(s) URL (and there is at least one). */
export function parseSourceList(text: string): string[] | null {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  return lines.length > 0 && lines.every((l) => isUrl(l) && !/\s/.test(l)) ? lines : null;
}

/** Reads a --sources file. Throws UsageError when it is missing or holds something other than URLs. */
export async function readSourceList(file: string): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`${file}: cannot read the source list (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const urls = parseSourceList(text);
  if (!urls)
    throw new UsageError(`${file}: not a source list (one http(s) URL a line; blank lines and # comments allowed)`);
  return urls;
}

/**
 * Splits command-line inputs into paths and source URLs. A .txt file named on the command line whose every line is
 * a URL is a source list, not an article (an article made only of links has nothing to extract).
 */
export async function partitionInputs(inputs: readonly string[]): Promise<{ paths: string[]; urls: string[] }> {
  const paths: string[] = [];
  const urls: string[] = [];
  for (const input of inputs) {
    if (isUrl(input)) {
      urls.push(input.trim());
      continue;
    }
    if (extname(input).toLowerCase() === '.txt') {
      const size = await stat(input).then(
        (s) => (s.isFile() ? s.size : -1),
        () => -1,
      );
      if (size > 0 && size < 1 << 20) {
        const list = parseSourceList(await readFile(input, 'utf8').catch(() => ''));
        if (list) {
          urls.push(...list);
          continue;
        }
      }
    }
    paths.push(input);
  }
  return { paths, urls };
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

function decode(document: FetchedDocument): string {
  return decodeText(document.body, document.url).text;
}

function hintsOf(item: LinkedItem): Partial<ArticleMeta> {
  const hints: Partial<ArticleMeta> = {};
  if (item.title) hints.title = item.title;
  if (item.published) hints.published = item.published;
  if (item.source) hints.source = item.source;
  return hints;
}

async function expand(
  url: string,
  fetcher: Fetcher,
  sourceHost: string,
  depth: number,
): Promise<Array<WebEntry | InputError>> {
  let document: FetchedDocument;
  let body: string;
  try {
    document = await fetcher.fetch(url, { sourceHost });
    body = decode(document);
  } catch (error) {
    if (error instanceof InputError) return [error];
    throw error;
  }
  let kind: ReturnType<typeof classifyDocument>;
  try {
    kind = classifyDocument(body, document.contentType, document.finalUrl);
  } catch (error) {
    if (error instanceof InputError) return [new InputError(url, error.reason)];
    throw error;
  }
  const host = hostOf(document.finalUrl) || sourceHost;
  const out: Array<WebEntry | InputError> = [];
  if (kind.kind === 'article') {
    const id = canonicalUrl(document.finalUrl) ?? url;
    return [{ kind: 'web', file: url, id, hints: {}, sourceHost, document }];
  }
  for (const item of kind.items) {
    const id = canonicalUrl(item.url);
    if (!id) out.push(new InputError(item.url, `not an http(s) link (listed in ${url})`));
    else out.push({ kind: 'web', file: item.url, id, hints: hintsOf(item), sourceHost: host, document: null });
  }
  if (kind.kind === 'sitemap') {
    for (const child of kind.sitemaps) {
      if (depth >= fetcher.settings.maxSitemapDepth)
        out.push(
          new InputError(
            child,
            `sitemap nested deeper than ${fetcher.settings.maxSitemapDepth} levels (listed in ${url})`,
          ),
        );
      else out.push(...(await expand(child, fetcher, host, depth + 1)));
    }
  }
  return out;
}

/**
 * Fetches every source (concurrently; the fetcher spaces requests per host) and lists the articles they give, in
 * source order then document order, each canonical URL once. Failures are InputErrors in the list.
 */
export async function resolveSources(urls: readonly string[], fetcher: Fetcher): Promise<Array<WebEntry | InputError>> {
  const expanded = await Promise.all(urls.map((url) => expand(url, fetcher, hostOf(url), 0)));
  const seen = new Set<string>();
  const out: Array<WebEntry | InputError> = [];
  for (const entry of expanded.flat()) {
    if (entry instanceof InputError) out.push(entry);
    else if (!seen.has(entry.id)) {
      seen.add(entry.id);
      out.push(entry);
    }
  }
  return out;
}

const CANONICAL_LINK = /<link\b[^>]*>/gi;

/** The page's <link rel="canonical"> href, read from the head with a light scan (no DOM on the main thread). */
export function canonicalLink(html: string, base: string): string | null {
  const head = html.slice(0, 65536);
  for (const match of head.matchAll(CANONICAL_LINK)) {
    const tag = match[0];
    if (!/\brel\s*=\s*["']?\s*canonical\b/i.test(tag)) continue;
    const href = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag);
    const value = href?.[1] ?? href?.[2] ?? href?.[3];
    if (value) return canonicalUrl(value.replace(/&amp;/g, '&'), base);
  }
  return null;
}

/**
 * Fetches (unless already fetched) and decodes one article page. Its id is the canonical URL, or the page's own
 * canonical link when that stays on the same site (an AMP or mobile edition names its original); a canonical link
 * to another outlet is a syndicated copy and keeps its own id, so that both outlets are listed.
 */
export async function loadPage(entry: WebEntry, fetcher: Fetcher): Promise<LoadedPage> {
  const document = entry.document ?? (await fetcher.fetch(entry.file, { sourceHost: entry.sourceHost }));
  const text = decode(document);
  const kind = classifyDocument(text, document.contentType, document.finalUrl);
  if (kind.kind !== 'article') throw new InputError(entry.file, `a ${kind.kind} where an article page was expected`);
  const finalId = canonicalUrl(document.finalUrl) ?? entry.id;
  const linked = kind.format === 'html' ? canonicalLink(text, document.finalUrl) : null;
  const id = linked && siteOf(linked) === siteOf(finalId) ? linked : entry.id;
  const hints: Partial<ArticleMeta> = { url: linked ?? finalId, ...entry.hints };
  return { id, text, format: kind.format, bytes: document.body, hints };
}
