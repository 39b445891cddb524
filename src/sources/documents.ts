/**
 * What a fetched document is: an RSS 2.0 / RSS 1.0 / Atom feed, a JSON Feed, a (news) sitemap or sitemap index, or
 * an article to read. Feeds and sitemaps give the links to fetch, with the title, date and outlet they state for
 * each. XML is checked by fast-xml-parser's validator first, so a broken feed is reported with its line number.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { InputError } from '../errors.js';
import { dateFromValue } from '../ingest/dates.js';
import type { ArticleFormat } from '../ingest/types.js';

export interface LinkedItem {
  /** Absolute URL as the feed gives it (resolved against the feed's URL). */
  url: string;
  title: string | null;
  published: string | null;
  source: string | null;
}

export type SourceDocument =
  | { kind: 'feed'; format: 'rss' | 'atom' | 'json-feed' | 'rdf'; title: string | null; items: LinkedItem[] }
  | { kind: 'sitemap'; items: LinkedItem[]; sitemaps: string[] }
  | { kind: 'article'; format: ArticleFormat };

type Node = Record<string, unknown>;

const LISTS = new Set(['item', 'entry', 'url', 'sitemap', 'link']);
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  isArray: (name) => LISTS.has(name),
});

const XML_ROOT =
  /^(?:\uFEFF)?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*<(rss|feed|urlset|sitemapindex|rdf:RDF|RDF)[\s>]/i;

function text(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return text(value[0]);
  if (value && typeof value === 'object') return text((value as Node)['#text']);
  return null;
}

function list(value: unknown): Node[] {
  if (Array.isArray(value)) return value.filter((v): v is Node => typeof v === 'object' && v !== null);
  return value && typeof value === 'object' ? [value as Node] : [];
}

function absolute(href: string | null, base: string): string | null {
  if (!href) return null;
  try {
    return new URL(href, base).href;
  } catch {
    return null;
  }
}

function item(url: string | null, title: string | null, date: unknown, source: string | null): LinkedItem[] {
  return url ? [{ url, title, published: dateFromValue(typeof date === 'string' ? date.trim() : date), source }] : [];
}

function rss(root: Node, base: string): SourceDocument {
  const channel = list(root.channel)[0] ?? {};
  const title = text(channel.title);
  const items = list(channel.item).flatMap((i) =>
    // RSS puts the article URL in <link>; a permalink <guid> is the fallback when <link> is missing.
    item(
      absolute(text(i.link) ?? (list(i.guid)[0]?.['@isPermaLink'] !== 'false' ? text(i.guid) : null), base),
      text(i.title),
      text(i.pubDate) ?? text(i.date),
      text(i.source) ?? title,
    ),
  );
  return { kind: 'feed', format: 'rss', title, items };
}

function rdf(root: Node, base: string): SourceDocument {
  const title = text(list(root.channel)[0]?.title);
  const items = list(root.item).flatMap((i) =>
    item(absolute(text(i.link) ?? text(i['@about']), base), text(i.title), text(i.date), title),
  );
  return { kind: 'feed', format: 'rdf', title, items };
}

function atomLink(entry: Node): string | null {
  const links = list(entry.link);
  const alternate = links.find((l) => (l['@rel'] ?? 'alternate') === 'alternate') ?? links[0];
  return typeof alternate?.['@href'] === 'string' ? alternate['@href'] : text(entry.link);
}

function atom(root: Node, base: string): SourceDocument {
  const title = text(root.title);
  const items = list(root.entry).flatMap((e) =>
    item(
      absolute(atomLink(e), base),
      text(e.title),
      text(e.published) ?? text(e.updated),
      text(list(e.source)[0]?.title) ?? title,
    ),
  );
  return { kind: 'feed', format: 'atom', title, items };
}

function sitemap(root: Node, base: string): SourceDocument {
  const items = list(root.url).flatMap((u) => {
    const news = list(u.news)[0];
    const publication = list(news?.publication)[0];
    return item(
      absolute(text(u.loc), base),
      text(news?.title),
      text(news?.publication_date) ?? text(u.lastmod),
      text(publication?.name),
    );
  });
  return { kind: 'sitemap', items, sitemaps: [] };
}

function sitemapIndex(root: Node, base: string): SourceDocument {
  const sitemaps = list(root.sitemap).flatMap((s) => absolute(text(s.loc), base) ?? []);
  return { kind: 'sitemap', items: [], sitemaps };
}

function parseXml(body: string, url: string): SourceDocument {
  const valid = XMLValidator.validate(body);
  if (valid !== true) throw new InputError(url, `malformed XML (line ${valid.err.line}: ${valid.err.msg})`);
  const doc = parser.parse(body) as Node;
  const [name, root] =
    Object.entries(doc).find(([key, value]) => !key.startsWith('?') && typeof value === 'object') ?? [];
  const node = (root ?? {}) as Node;
  switch (name) {
    case 'rss':
      return rss(node, url);
    case 'RDF':
      return rdf(node, url);
    case 'feed':
      return atom(node, url);
    case 'urlset':
      return sitemap(node, url);
    case 'sitemapindex':
      return sitemapIndex(node, url);
    default:
      throw new InputError(url, `XML document <${name ?? '?'}> is neither a feed nor a sitemap`);
  }
}

function parseJsonFeed(feed: Node, url: string): SourceDocument {
  const title = text(feed.title);
  const items = list(feed.items).flatMap((i) =>
    item(absolute(text(i.url) ?? text(i.external_url), url), text(i.title), i.date_published ?? i.date_modified, title),
  );
  return { kind: 'feed', format: 'json-feed', title, items };
}

/** Decides what `body` (fetched from `url` with `contentType`) is, and for feeds and sitemaps lists their links. */
export function classifyDocument(body: string, contentType: string, url: string): SourceDocument {
  const head = body.slice(0, 4096);
  if (XML_ROOT.test(head)) return parseXml(body, url);
  if (
    /[/+]xml$/.test(contentType) &&
    !/html/.test(contentType) &&
    !/^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!doctype\s+html|<html)/i.test(head)
  ) {
    return parseXml(body, url);
  }
  if (contentType === 'application/feed+json' || contentType === 'application/json' || /^\s*\{/.test(head)) {
    let value: unknown;
    try {
      value = JSON.parse(body);
    } catch (error) {
      if (contentType === 'application/feed+json')
        throw new InputError(url, `malformed JSON Feed (${(error as Error).message})`);
      return { kind: 'article', format: contentType === 'text/plain' ? 'text' : 'html' };
    }
    const version = (value as Node | null)?.version;
    if (typeof version === 'string' && version.startsWith('https://jsonfeed.org/version/'))
      return parseJsonFeed(value as Node, url);
    return { kind: 'article', format: 'json' };
  }
  return { kind: 'article', format: contentType === 'text/plain' ? 'text' : 'html' };
}
