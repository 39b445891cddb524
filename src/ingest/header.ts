/**
 * The metadata header that scraped news text files start with, e.g.
 *
 *   Headline of the story                      <- title (first line: short, no closing period)
 *   Lead teaser of the story ends like this... 21.02.2023, Some Agency   <- teaser + "date, Source"
 *   2023-02-21T17:12+0000                      <- timestamps (published = the earliest)
 *   By Jane Doe | Reuters                      <- byline
 *   Source: Reuters / URL: https://...         <- "key: value" lines
 *
 * Header lines are metadata: the body starts at the first line that is none of these. Only the top of the file is
 * examined (a bounded number of lines), so detection is cheap on any input.
 */
import { earliest, parseDate, parseDateAt } from './dates.js';
import { MAX_HEADER_LINES, MAX_TITLE_LENGTH, MAX_TITLE_WORDS } from './settings.js';

export interface TextHeader {
  title: string | null;
  source: string | null;
  published: string | null;
  url: string | null;
  /** Offset in the text where the body starts (0 when there is no header). */
  bodyStart: number;
}

interface Line {
  start: number;
  end: number;
  text: string;
}

type LineKind = { kind: 'meta'; title?: string; source?: string; dates?: string[]; url?: string } | { kind: 'body' };

const KEY_VALUE =
  /^(title|headline|source|publisher|site|outlet|date|dated|published|publication date|published on|updated|last updated|modified|url|link|source url|original url|canonical|by|author|authors|byline|written by)\s{0,3}[:：]\s{0,8}(\S.{0,400})$/i;
const URL_LINE = /^<?(https?:\/\/[^\s<>]{1,2000})>?$/i;
const DATE_PREFIX =
  /^(?:(?:first\s+)?published|updated|last\s+updated|posted|modified|dated)(?:\s+on)?\s{0,3}:?\s{0,3}/i;
const BYLINE = /^by\s+\p{Lu}/iu;
const SEPARATORS = [' | ', ' · ', ' • ', ' — ', ' – ', ' - ', ', ', ' |', '| ', '|'];

function words(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

/** A plausible publication name: short, capitalised, not a sentence. */
function asSource(s: string): string | null {
  const t = s.trim().replace(/^[\s|·•—–,:-]+|[\s|·•—–,:-]+$/g, '');
  if (!t || t.length > 60 || words(t) > 6) return null;
  if (!/^[\p{Lu}\p{N}]/u.test(t)) return null;
  if (/[.!?]$/.test(t) && !/\b(?:Inc|Ltd|Co|Corp|Com)\.$/i.test(t)) return null;
  if (BYLINE.test(t)) return null;
  return t;
}

/** "21.02.2023, Sputnik International", "Reuters | February 21, 2023", "Updated 21 Feb 2023 17:12 GMT". */
export function parseDateline(raw: string): { date: string; source: string | null; byline: boolean } | null {
  const line = raw.trim().replace(DATE_PREFIX, '');
  if (!line || line.length > 200) return null;
  const whole = parseDate(line);
  if (whole) return { date: whole, source: null, byline: false };
  const head = parseDateAt(line);
  if (head) {
    const rest = line.slice(head.end);
    if (/^\s*[,|·•—–-]?\s*$/.test(rest)) return { date: head.iso, source: null, byline: false };
    if (!/^\s*[,|·•—–-]|^\s+\p{Lu}/u.test(rest)) return null;
    const source = asSource(rest);
    return source ? { date: head.iso, source, byline: false } : null;
  }
  for (const sep of SEPARATORS) {
    const at = line.lastIndexOf(sep);
    if (at <= 0) continue;
    const date = parseDate(line.slice(at + sep.length).replace(DATE_PREFIX, ''));
    if (!date) continue;
    const left = line.slice(0, at).trim();
    if (BYLINE.test(left) && words(left) <= 10) return { date, source: null, byline: true };
    const source = asSource(left);
    return source ? { date, source, byline: false } : null;
  }
  return null;
}

function endsWithEllipsis(s: string): boolean {
  return /(?:\.\.\.|…)\s*$/.test(s);
}

function classify(text: string): LineKind {
  const line = text.trim();
  const kv = KEY_VALUE.exec(line);
  if (kv) {
    const key = kv[1]!.toLowerCase();
    const value = kv[2]!.trim();
    if (key === 'title' || key === 'headline') return { kind: 'meta', title: value };
    if (['source', 'publisher', 'site', 'outlet'].includes(key)) return { kind: 'meta', source: value };
    if (['url', 'link', 'source url', 'original url', 'canonical'].includes(key)) {
      return /^https?:\/\//i.test(value) ? { kind: 'meta', url: value } : { kind: 'meta' };
    }
    if (['by', 'author', 'authors', 'byline', 'written by'].includes(key)) return { kind: 'meta' };
    const date = parseDate(value) ?? parseDateline(value)?.date;
    return { kind: 'meta', dates: date ? [date] : [] };
  }
  const url = URL_LINE.exec(line);
  if (url) return { kind: 'meta', url: url[1]! };
  const dateline = parseDateline(line);
  if (dateline)
    return { kind: 'meta', dates: [dateline.date], ...(dateline.source ? { source: dateline.source } : {}) };
  if (BYLINE.test(line) && words(line) <= 10 && !/[.!?]$/.test(line)) return { kind: 'meta' };
  // a lead teaser cut off with an ellipsis, possibly followed on the same line by "date, Source"
  const ellipsis = Math.max(line.lastIndexOf('...'), line.lastIndexOf('…'));
  if (ellipsis > 0) {
    const after = line.slice(ellipsis).replace(/^(?:\.\.\.|…)/, '');
    if (after.trim() === '') return { kind: 'meta' };
    const tail = parseDateline(after);
    if (tail) return { kind: 'meta', dates: [tail.date], ...(tail.source ? { source: tail.source } : {}) };
  }
  return { kind: 'body' };
}

function looksLikeTitle(line: string): boolean {
  const t = line.trim();
  if (t.length < 3 || t.length > MAX_TITLE_LENGTH || words(t) > MAX_TITLE_WORDS) return false;
  if (!/\p{L}/u.test(t)) return false;
  if (/[.,;:]$/.test(t) && !endsWithEllipsis(t)) return false;
  return true;
}

function topLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  let nonBlank = 0;
  while (start <= text.length && nonBlank < MAX_HEADER_LINES + 2) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end).replace(/\r$/, '');
    lines.push({ start, end, text: line });
    if (line.trim()) nonBlank++;
    start = end + 1;
  }
  return lines;
}

/** Detects the header of a plain-text article. */
export function detectHeader(text: string): TextHeader {
  const none: TextHeader = { title: null, source: null, published: null, url: null, bodyStart: 0 };
  const lines = topLines(text).filter((l) => l.text.trim() !== '');
  const first = lines[0];
  if (!first) return none;

  let title: string | null = null;
  let source: string | null = null;
  let url: string | null = null;
  const dates: string[] = [];
  let metaLines = 0;
  const take = (k: Extract<LineKind, { kind: 'meta' }>) => {
    if (k.title && !title) title = k.title;
    if (k.source && !source) source = k.source;
    if (k.url && !url) url = k.url;
    if (k.dates) dates.push(...k.dates);
    metaLines++;
  };

  let i = 0;
  let leadSeen = false;
  const firstKind = classify(first.text);
  if (firstKind.kind === 'meta') take(firstKind);
  else if (looksLikeTitle(first.text)) title = first.text.trim();
  else return none;
  i = 1;

  for (; i < lines.length && i < MAX_HEADER_LINES; i++) {
    const line = lines[i]!;
    const kind = classify(line.text);
    if (kind.kind === 'meta') {
      take(kind);
      continue;
    }
    // a lead paragraph directly followed by metadata lines is a teaser of the body, not the body
    const next = lines[i + 1];
    if (!leadSeen && next && line.text.length <= 800 && classify(next.text).kind === 'meta') {
      leadSeen = true;
      metaLines++;
      continue;
    }
    break;
  }
  const bodyLine = lines[i];
  if (!bodyLine) {
    // everything looked like header: keep the metadata but read the whole file as body
    return { ...none, title, source, published: earliest(dates), url };
  }
  if (metaLines === 0) {
    // a title alone: trust it when a blank line or a clearly longer paragraph follows it
    const between = text.slice(first.end, bodyLine.start);
    const blankAfter = (between.match(/\n/g) ?? []).length >= 2;
    if (!blankAfter && bodyLine.text.length < first.text.length * 2) return none;
  }
  return { title, source, published: earliest(dates), url, bodyStart: bodyLine.start };
}
