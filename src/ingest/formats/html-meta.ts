/**
 * Article metadata of an HTML page: Open Graph and article: meta tags, JSON-LD (schema.org NewsArticle and its
 * kin), <link rel="canonical">, <time datetime>, Dublin Core and the usual publisher-specific date tags.
 * Read before Readability runs, because Readability removes <script> elements (and with them the JSON-LD).
 */
import { dateFromValue, parseDate, parseDateAt } from '../dates.js';
import type { ArticleMeta } from '../types.js';

/** The few DOM members ingestion uses (the project compiles without the DOM library; linkedom provides these). */
export interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}
export interface DomElement extends DomNode {
  getAttribute(name: string): string | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  remove(): void;
}
export interface DomDocument extends DomNode {
  body: DomElement | null;
  title: string;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

const ARTICLE_TYPES = new Set([
  'newsarticle',
  'article',
  'reportagenewsarticle',
  'analysisnewsarticle',
  'opinionnewsarticle',
  'backgroundnewsarticle',
  'reviewnewsarticle',
  'askpublicnewsarticle',
  'blogposting',
  'socialmediaposting',
  'report',
  'scholarlyarticle',
  'liveblogposting',
]);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isObject(value: Json | undefined): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function types(node: { [key: string]: Json }): string[] {
  const t = node['@type'];
  const list = Array.isArray(t) ? t : [t];
  return list.filter((x): x is string => typeof x === 'string').map((x) => x.toLowerCase());
}

/**
 * A JSON-LD block, leniently: pages often break the JSON (raw line breaks inside strings, trailing commas, HTML
 * comment or CDATA wrappers, several objects side by side). When even the repaired text does not parse, the
 * date and headline are read with patterns, as one object.
 */
function parseJsonLd(text: string): Json | null {
  try {
    return JSON.parse(text) as Json;
  } catch {
    // repaired below
  }
  const repaired = text
    .replace(/^\s*(?:<!--|\/\/\s*<!\[CDATA\[|<!\[CDATA\[)/, '')
    .replace(/(?:-->|\/\/\s*\]\]>|\]\]>)\s*$/, '')
    .replace(/[\u0000-\u001f]+/g, ' ') // control characters are whitespace outside strings and invalid inside
    .replace(/,\s*([}\]])/g, '$1')
    .replace(/}\s*{/g, '},{')
    .trim();
  try {
    return JSON.parse(repaired.startsWith('{') && repaired.includes('},{') ? `[${repaired}]` : repaired) as Json;
  } catch {
    // read the fields this module needs with patterns
  }
  const field = (name: string): string | null => {
    const m = new RegExp(`"${name}"\\s*:\\s*"((?:[^"\\\\]|\\\\.){1,400})"`).exec(text);
    return m ? m[1]!.replace(/\\(.)/g, '$1') : null;
  };
  const found: { [key: string]: Json } = {};
  for (const name of ['datePublished', 'dateCreated', 'headline', '@type']) {
    const value = field(name);
    if (value !== null) found[name] = value;
  }
  return Object.keys(found).length > 0 ? found : null;
}

/**
 * The page's JSON-LD objects of interest: the first schema.org article object (arrays and @graph included), and the
 * first object of any type with a datePublished (a WebPage, ClaimReview, MedicalWebPage, VideoObject, ...), which
 * dates a page whose article object has no date or that has none.
 */
function jsonLd(document: DomDocument): {
  article: { [key: string]: Json } | null;
  dated: { [key: string]: Json } | null;
} {
  let article: { [key: string]: Json } | null = null;
  let dated: { [key: string]: Json } | null = null;
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    const data = parseJsonLd(script.textContent ?? '');
    if (data === null) continue; // a block beyond repair is common and harmless
    const queue: Json[] = [data];
    for (let n = 0; n < queue.length && n < 500; n++) {
      const node = queue[n];
      if (Array.isArray(node)) queue.push(...node);
      else if (isObject(node)) {
        if (!article && types(node).some((t) => ARTICLE_TYPES.has(t))) article = node;
        if (!dated && node.datePublished !== undefined && dateFromValue(node.datePublished)) dated = node;
        if (article && dated) return { article, dated };
        const graph = node['@graph'];
        if (graph !== undefined) queue.push(graph);
        const main = node.mainEntity;
        if (isObject(main ?? null) || Array.isArray(main)) queue.push(main as Json);
      }
    }
  }
  return { article, dated };
}

/** A name from a string, or from {name} of an object, or from the first of an array. */
function nameOf(value: Json | undefined): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (Array.isArray(value)) return nameOf(value[0]);
  if (isObject(value)) return nameOf(value.name) ?? nameOf(value.title);
  return null;
}

function urlOf(value: Json | undefined): string | null {
  if (typeof value === 'string') return /^https?:\/\//i.test(value.trim()) ? value.trim() : null;
  if (Array.isArray(value)) return urlOf(value[0]);
  if (isObject(value)) return urlOf(value['@id']) ?? urlOf(value.url);
  return null;
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

export function htmlMetadata(document: DomDocument): ArticleMeta {
  const meta = new Map<string, string>();
  for (const el of Array.from(document.querySelectorAll('meta'))) {
    const key = (el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop') ?? '')
      .trim()
      .toLowerCase();
    const content = el.getAttribute('content')?.trim();
    if (key && content && !meta.has(key)) meta.set(key, content);
  }
  const get = (...keys: string[]): string | null => {
    for (const key of keys) {
      const value = meta.get(key);
      if (value) return value;
    }
    return null;
  };
  const { article: ld, dated } = jsonLd(document);

  const firstDate = (...candidates: Array<string | Json | null | undefined>): string | null => {
    for (const c of candidates) {
      const d = typeof c === 'string' ? parseDate(c) : dateFromValue(c ?? null);
      if (d) return d;
    }
    return null;
  };
  const timeElement = document.querySelectorAll(
    'article time[datetime], time[pubdate][datetime], time[itemprop="datePublished"], time[datetime]',
  )[0];
  const published =
    firstDate(
      get('article:published_time', 'og:article:published_time', 'article:published', 'og:article:published'),
      ld?.datePublished,
      dated?.datePublished,
      get(
        'datepublished',
        'pubdate',
        'publishdate',
        'publish-date',
        'publication_date',
        'date',
        'dc.date',
        'dc.date.issued',
        'dcterms.created',
        'dcterms.date',
        'sailthru.date',
        'parsely-pub-date',
        'article.published',
        'og:published_time',
        'published_time',
        'publish_date',
        'article_date_original',
        'cxenseparse:recs:publishtime',
      ),
      timeElement?.getAttribute('datetime'),
      ld?.dateCreated,
    ) ?? textualDate(document);

  const canonical = Array.from(document.querySelectorAll('link[rel="canonical"]'))[0]?.getAttribute('href')?.trim();
  const url =
    (canonical && /^https?:\/\//i.test(canonical) ? canonical : null) ??
    urlOf(get('og:url') ?? undefined) ??
    urlOf(ld?.url) ??
    urlOf(ld?.mainEntityOfPage);

  const source =
    get('og:site_name', 'application-name', 'publisher', 'dc.publisher', 'twitter:site:name') ??
    nameOf(ld?.publisher) ??
    hostOf(url);

  let title = nameOf(ld?.headline) ?? get('og:title', 'twitter:title', 'dc.title', 'title', 'headline');
  if (!title) {
    const h1 = document.querySelectorAll('h1')[0]?.textContent?.replace(/\s+/g, ' ').trim();
    title = h1 || document.title.replace(/\s+/g, ' ').trim() || null;
  }
  return { title: title && source ? withoutSiteName(title, source) : title, source, published, url };
}

/** "Headline | The Site" -> "Headline": page titles often carry the site name, which is metadata of its own. */
function withoutSiteName(title: string, site: string): string {
  for (const sep of [' | ', ' - ', ' \u2013 ', ' \u2014 ', ' :: ', ' \u00b7 ']) {
    const suffix = `${sep}${site}`;
    if (title.length > suffix.length && title.toLowerCase().endsWith(suffix.toLowerCase()))
      return title.slice(0, -suffix.length).trim();
    const prefix = `${site}${sep}`;
    if (title.length > prefix.length && title.toLowerCase().startsWith(prefix.toLowerCase()))
      return title.slice(prefix.length).trim();
  }
  return title;
}

/** Elements whose text is a page's dateline ("Published 01:38 PM IST Nov 20, 2019") on pages that state no date in markup. */
const DATELINE_SELECTOR =
  'time, [itemprop="datePublished"], [class*="date" i], [class*="publish" i], [class*="posted" i], [class*="timestamp" i], [id*="date" i], [class*="byline" i]';
const MAX_DATELINES = 30;
const MAX_DATELINE_LENGTH = 200;

/** The first date written in a dateline-like element's text (a label such as "Updated:" before it is skipped). */
function textualDate(document: DomDocument): string | null {
  const elements = Array.from(document.querySelectorAll(DATELINE_SELECTOR));
  for (const el of elements.slice(0, MAX_DATELINES)) {
    const text = (el.textContent ?? '')
      .replace(/\s+/g, ' ')
      .trim()
      // a dateline's short US date before a time ("3/09/15 8:00am") is of this century
      .replace(/\b(\d{1,2}\/\d{1,2}\/)(\d{2}) (?=\d{1,2}:\d{2})/g, '$120$2 ');
    if (!text || text.length > MAX_DATELINE_LENGTH) continue;
    const date = dateIn(text);
    if (date) return date;
  }
  return null;
}

/** The first date that starts at a word boundary of `text`. */
function dateIn(text: string): string | null {
  for (let i = 0; i < text.length; i++) {
    if (i > 0 && /[\p{L}\p{N}]/u.test(text[i - 1]!)) continue;
    if (!/[\p{L}\p{N}]/u.test(text[i]!)) continue;
    const parsed = parseDateAt(text.slice(i));
    if (parsed) return parsed.iso;
  }
  return null;
}
