/**
 * JSON and JSON Lines articles: an object such as {title, text|body|content|articleBody, published|date|
 * datePublished|publishedAt, source|publisher (a string or {name}), url}, an array of them, an object holding such an
 * array (`articles`, `items`, `data`, ...: the NewsAPI shape), or one object per line (JSON Lines). The body text is
 * decoded from its string literal with every escape (\n, \", \u00e9) mapped, so offsets point into the raw file.
 */
import { decodeHTML } from 'entities';
import { InputError } from '../../errors.js';
import { cleanup } from '../cleanup.js';
import { dateFromValue } from '../dates.js';
import { type MappedText, MappedTextBuilder } from '../mapped.js';
import { MAX_JSON_DEPTH } from '../settings.js';
import type { ArticleMeta } from '../types.js';
import { htmlFragmentText, looksLikeHtml } from './html.js';
import type { Ingested } from './types.js';

/** A JSON value with the source range of its literal; containers deeper than needed are not expanded. */
type JNode =
  | { kind: 'object'; start: number; end: number; fields: Map<string, JNode> }
  | { kind: 'array'; start: number; end: number; items: JNode[] }
  | { kind: 'string'; start: number; end: number }
  | { kind: 'scalar'; start: number; end: number; value: number | boolean | null }
  | { kind: 'deep'; start: number; end: number };

class Scanner {
  pos: number;
  constructor(
    private readonly src: string,
    start: number,
    private readonly limit: number,
  ) {
    this.pos = start;
  }

  private fail(what: string): never {
    throw new SyntaxError(`${what} at offset ${this.pos}`);
  }

  private ws(): void {
    const s = this.src;
    while (this.pos < this.limit) {
      const c = s.charCodeAt(this.pos);
      if (c === 32 || c === 9 || c === 10 || c === 13) this.pos++;
      else break;
    }
  }

  /** Skips a string literal starting at pos (on the opening quote); returns its end. */
  private skipString(): number {
    const s = this.src;
    let i = this.pos + 1;
    while (i < this.limit) {
      const c = s.charCodeAt(i);
      if (c === 92) i += 2;
      else if (c === 34) return (this.pos = i + 1);
      else i++;
    }
    return this.fail('unterminated string');
  }

  /** Skips any value without building it (iteratively, so depth does not matter). */
  private skipValue(): void {
    const s = this.src;
    let depth = 0;
    do {
      this.ws();
      const c = s[this.pos];
      if (c === '"') this.skipString();
      else if (c === '{' || c === '[') {
        depth++;
        this.pos++;
      } else if (c === '}' || c === ']') {
        depth--;
        this.pos++;
      } else if (c === ',' || c === ':') this.pos++;
      else if (c === undefined || this.pos >= this.limit) this.fail('unexpected end');
      else {
        while (this.pos < this.limit && !',:{}[]" \t\r\n'.includes(s[this.pos] as string)) this.pos++;
      }
    } while (depth > 0);
  }

  value(depth = 0): JNode {
    this.ws();
    const s = this.src;
    const start = this.pos;
    const c = s[start];
    if (c === '"') {
      this.skipString();
      return { kind: 'string', start, end: this.pos };
    }
    if (c === '{' || c === '[') {
      if (depth >= MAX_JSON_DEPTH) {
        this.skipValue();
        return { kind: 'deep', start, end: this.pos };
      }
      this.pos++;
      if (c === '{') {
        const fields = new Map<string, JNode>();
        this.ws();
        if (s[this.pos] === '}') {
          this.pos++;
          return { kind: 'object', start, end: this.pos, fields };
        }
        for (;;) {
          this.ws();
          if (s[this.pos] !== '"') this.fail('expected a key');
          const keyStart = this.pos;
          this.skipString();
          const key = JSON.parse(s.slice(keyStart, this.pos)) as string;
          this.ws();
          if (s[this.pos] !== ':') this.fail("expected ':'");
          this.pos++;
          const v = this.value(depth + 1);
          if (!fields.has(key)) fields.set(key, v);
          this.ws();
          if (s[this.pos] === ',') this.pos++;
          else if (s[this.pos] === '}') {
            this.pos++;
            return { kind: 'object', start, end: this.pos, fields };
          } else this.fail("expected ',' or '}'");
        }
      }
      const items: JNode[] = [];
      this.ws();
      if (s[this.pos] === ']') {
        this.pos++;
        return { kind: 'array', start, end: this.pos, items };
      }
      for (;;) {
        items.push(this.value(depth + 1));
        this.ws();
        if (s[this.pos] === ',') this.pos++;
        else if (s[this.pos] === ']') {
          this.pos++;
          return { kind: 'array', start, end: this.pos, items };
        } else this.fail("expected ',' or ']'");
      }
    }
    while (this.pos < this.limit && !',:{}[]" \t\r\n'.includes(s[this.pos] as string)) this.pos++;
    if (this.pos === start) this.fail('unexpected character');
    const value = JSON.parse(s.slice(start, this.pos)) as number | boolean | null;
    return { kind: 'scalar', start, end: this.pos, value };
  }
}

/** Decodes a JSON string literal src[start, end) (quotes included), mapping every character to the raw source. */
function decodeString(src: string, node: { start: number; end: number }, out: MappedTextBuilder): void {
  let i = node.start + 1;
  const end = node.end - 1;
  let runStart = i;
  while (i < end) {
    if (src.charCodeAt(i) !== 92) {
      i++;
      continue;
    }
    out.raw(src.slice(runStart, i), runStart);
    const e = src[i + 1];
    if (e === 'u') {
      const code = parseInt(src.slice(i + 2, i + 6), 16);
      out.decoded(String.fromCharCode(code), i, i + 6);
      i += 6;
    } else {
      const map: Record<string, string> = {
        n: '\n',
        t: '\t',
        r: '\r',
        b: '\b',
        f: '\f',
        '"': '"',
        '\\': '\\',
        '/': '/',
      };
      out.decoded(map[e ?? ''] ?? e ?? '', i, i + 2);
      i += 2;
    }
    runStart = i;
  }
  out.raw(src.slice(runStart, end), runStart);
}

function stringValue(src: string, node: JNode | undefined): string | null {
  if (node?.kind !== 'string') return null;
  return (JSON.parse(src.slice(node.start, node.end)) as string).trim() || null;
}

const BODY_KEYS = [
  'text',
  'body',
  'articleBody',
  'article_body',
  'content',
  'maintext',
  'fullText',
  'full_text',
  'story',
  'paragraphs',
];
const TITLE_KEYS = ['title', 'headline', 'name'];
const DATE_KEYS = [
  'published',
  'date',
  'datePublished',
  'publishedAt',
  'published_at',
  'pubDate',
  'publishDate',
  'publish_date',
  'date_publish',
  'publication_date',
  'created_at',
  'timestamp',
  'time',
];
const SOURCE_KEYS = [
  'source',
  'publisher',
  'source_name',
  'sourceName',
  'site_name',
  'siteName',
  'site',
  'outlet',
  'source_domain',
  'domain',
];
const URL_KEYS = ['url', 'link', 'canonical', 'canonical_url', 'uri', 'href', 'permalink', 'mainEntityOfPage'];
const LIST_KEYS = [
  'articles',
  'items',
  'data',
  'results',
  'posts',
  'entries',
  'records',
  'docs',
  'documents',
  'stories',
];

function field(node: JNode, keys: string[]): JNode | undefined {
  if (node.kind !== 'object') return undefined;
  for (const key of keys) {
    const v = node.fields.get(key);
    if (v && !(v.kind === 'scalar' && v.value === null)) return v;
  }
  return undefined;
}

/**
 * The body field: a string of prose (at least two words: a bare name or a path such as an annotation file's
 * "article": "seeds/x.txt" is not a body), or an array of strings (paragraphs).
 */
function bodyNode(src: string, node: JNode): JNode | undefined {
  if (node.kind !== 'object') return undefined;
  for (const key of BODY_KEYS) {
    let v = node.fields.get(key);
    if (v?.kind === 'object') v = v.fields.get('rendered'); // WordPress REST API: {"content": {"rendered": "<p>..."}}
    if (!v) continue;
    if (v.kind === 'string' && /\S(?:\s|\\[nrt])+\S/.test(src.slice(v.start + 1, v.end - 1))) return v;
    if (v.kind === 'array' && v.items.length > 0 && v.items.every((x) => x.kind === 'string')) return v;
  }
  return undefined;
}

function nameValue(src: string, node: JNode | undefined): string | null {
  if (!node) return null;
  if (node.kind === 'string') return stringValue(src, node);
  if (node.kind === 'object') {
    return (
      stringValue(src, node.fields.get('name')) ??
      stringValue(src, node.fields.get('title')) ??
      decodedRendered(src, node.fields.get('rendered'))
    );
  }
  if (node.kind === 'array') return nameValue(src, node.items[0]);
  return null;
}

/** A WordPress "rendered" string: HTML-escaped text ("Rates rise &#8211; again"). */
function decodedRendered(src: string, node: JNode | undefined): string | null {
  const value = stringValue(src, node);
  return value === null
    ? null
    : decodeHTML(value)
        .replace(/<[^<>]{0,200}>/g, '')
        .trim() || null;
}

function recordMeta(src: string, node: JNode): ArticleMeta {
  const dateNode = field(node, DATE_KEYS);
  let published: string | null = null;
  if (dateNode?.kind === 'string')
    published = dateFromValue(JSON.parse(src.slice(dateNode.start, dateNode.end)) as string);
  else if (dateNode?.kind === 'scalar') published = dateFromValue(dateNode.value);
  const urlNode = field(node, URL_KEYS);
  const url =
    urlNode?.kind === 'object'
      ? (stringValue(src, urlNode.fields.get('@id')) ?? stringValue(src, urlNode.fields.get('url')))
      : stringValue(src, urlNode);
  return {
    title: nameValue(src, field(node, TITLE_KEYS)),
    source: nameValue(src, field(node, SOURCE_KEYS)),
    published,
    url: url && /^https?:\/\//i.test(url) ? url : null,
  };
}

function recordBody(src: string, body: JNode): MappedText {
  const raw = new MappedTextBuilder(body.end - body.start);
  if (body.kind === 'string') decodeString(src, body, raw);
  else if (body.kind === 'array') {
    body.items.forEach((item, n) => {
      if (n > 0) raw.insert('\n\n');
      decodeString(src, item, raw);
    });
  }
  const decoded = raw.build();
  // bodies exported from a CMS often hold HTML markup ("<p>...</p>"): read its text, not its tags
  return cleanup(looksLikeHtml(decoded.text) ? htmlFragmentText(decoded) : decoded, { lineBreaks: 'keep' });
}

export interface JsonRecord extends Ingested {
  /** 1-based number of the record (array index + 1, or line number in JSON Lines); null for a single object. */
  n: number | null;
}

const NOT_ARTICLE = 'JSON is not an article (no text or body field)';

function parseAt(file: string, src: string, start: number, end: number): JNode {
  try {
    JSON.parse(src.slice(start, end)); // exact JSON validation and error messages
    const scanner = new Scanner(src, start, end);
    return scanner.value();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InputError(file, `invalid JSON (${reason})`, { cause: error });
  }
}

/** Articles of a JSON file. */
export function ingestJson(original: string, file: string): JsonRecord[] {
  const root = parseAt(file, original, 0, original.length);
  let candidates: Array<{ node: JNode; n: number | null }> = [];
  if (root.kind === 'object' && bodyNode(original, root)) candidates = [{ node: root, n: null }];
  else {
    let list: JNode | undefined = root.kind === 'array' ? root : undefined;
    if (root.kind === 'object') list = LIST_KEYS.map((k) => root.fields.get(k)).find((v) => v?.kind === 'array');
    if (list?.kind === 'array') candidates = list.items.map((node, i) => ({ node, n: i + 1 }));
  }
  const records: JsonRecord[] = [];
  for (const { node, n } of candidates) {
    const body = bodyNode(original, node);
    if (!body) continue;
    const text = recordBody(original, body);
    if (text.text) records.push({ n, meta: recordMeta(original, node), body: text });
  }
  if (records.length === 0) throw new InputError(file, NOT_ARTICLE);
  return records;
}

/** Articles of a JSON Lines file: one per line that holds an article object; other lines are passed over. */
export function ingestJsonLines(original: string, file: string): JsonRecord[] {
  const records: JsonRecord[] = [];
  let firstError: string | null = null;
  let lineNo = 0;
  let start = 0;
  while (start < original.length) {
    let end = original.indexOf('\n', start);
    if (end < 0) end = original.length;
    lineNo++;
    const line = original.slice(start, end);
    if (line.trim()) {
      try {
        const node = parseAt(file, original, start, end);
        const body = bodyNode(original, node);
        if (body) {
          const text = recordBody(original, body);
          if (text.text) records.push({ n: lineNo, meta: recordMeta(original, node), body: text });
        }
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        firstError ??= `line ${lineNo}: ${error.reason}`;
      }
    }
    start = end + 1;
  }
  if (records.length === 0)
    throw new InputError(
      file,
      firstError ? `no article in JSON Lines (${firstError})` : 'JSON Lines holds no article (no text or body field)',
    );
  return records;
}
