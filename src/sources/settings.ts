/** Defaults for fetching sources over HTTP: one place, so the CLI, watch and the tests agree on them. */
import { VERSION } from '../version.js';

/** An honest user agent: who we are and where to read about us, so a site operator can reach the project. */
export const USER_AGENT = `newsgraph/${VERSION} (+https://www.npmjs.com/package/newsgraph; news knowledge-graph builder)`;
/** The product token robots.txt groups are matched against. */
export const ROBOTS_AGENT = 'newsgraph';

export interface FetchSettings {
  /** Whole request (connect, headers, body), in milliseconds. */
  timeoutMs: number;
  /** Largest body accepted, in bytes: news pages and feeds are far below this. */
  maxBytes: number;
  /** Redirects followed before giving up. */
  maxRedirects: number;
  /** Requests in flight to one host at a time. */
  perHost: number;
  /** Pause between the starts of two requests to one host, in milliseconds (robots.txt Crawl-delay can raise it). */
  delayMs: number;
  /** Crawl-delay from robots.txt is honoured up to this, in milliseconds: a site asking for an hour gets this. */
  maxCrawlDelayMs: number;
  /** Nested sitemap indexes followed this deep. */
  maxSitemapDepth: number;
  /** Links to loopback, private or link-local addresses of another host than the source are followed too. */
  allowPrivate: boolean;
}

export const FETCH_DEFAULTS: FetchSettings = {
  timeoutMs: 20_000,
  maxBytes: 8 * 1024 * 1024,
  maxRedirects: 5,
  perHost: 2,
  delayMs: 1000,
  maxCrawlDelayMs: 30_000,
  maxSitemapDepth: 2,
  allowPrivate: false,
};

export interface HttpCacheSettings {
  /** Responses not used (stored, or confirmed by a 304) for this many days are removed when the cache is opened. */
  maxAgeDays: number;
  /** Then the least recently used responses are removed until the stored bodies fit in this many bytes. */
  maxBytes: number;
}

export const HTTP_CACHE_DEFAULTS: HttpCacheSettings = {
  maxAgeDays: 30,
  maxBytes: 256 * 1024 * 1024,
};

/** Content types read as pages, feeds or sitemaps; anything else (images, PDFs, video) is refused before reading. */
export const ACCEPTED_TYPES: readonly string[] = [
  'text/html',
  'application/xhtml+xml',
  'text/xml',
  'application/xml',
  'application/rss+xml',
  'application/atom+xml',
  'application/rdf+xml',
  'application/feed+json',
  'application/json',
  'text/plain',
];

export const ACCEPT_HEADER =
  'text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, text/plain;q=0.5';

/**
 * Query parameters that only say how a reader arrived (campaign tags, click ids, share buttons): removed when two
 * URLs are compared, so the same article shared through different channels is one article.
 */
export const TRACKING_PARAMS: readonly string[] = [
  'fbclid',
  'gclid',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'igshid',
  'mc_cid',
  'mc_eid',
  '_ga',
  '_gl',
  'ref',
  'ref_src',
  'ref_url',
  'cmpid',
  'cmp',
  'ito',
  'smid',
  'smtyp',
  'ocid',
  's_cid',
  'taid',
  'at_medium',
  'at_campaign',
  'at_custom1',
  'at_custom2',
  'at_custom3',
  'at_custom4',
  'CMP',
  'share',
  'src',
  'xtor',
  'ncid',
  'sr_share',
  'mbid',
  'amp',
  'outputType',
  'amp_js_v',
  'usqp',
  '__twitter_impression',
];
/** Parameter prefixes with the same role (utm_source, utm_medium, ...; ns_campaign, ...). */
export const TRACKING_PREFIXES: readonly string[] = ['utm_', 'ns_', 'pk_', 'mtm_', 'hsa_', 'oly_'];
