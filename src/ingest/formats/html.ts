/**
 * HTML: the article's main text, found by @mozilla/readability over a linkedom document (navigation, adverts,
 * cookie banners, related links and footers are left out by Readability's content scoring, not by patterns here),
 * and the article's metadata from meta tags, JSON-LD and <time>.
 *
 * Offsets: every text chunk of the source is located with htmlparser2 (the tokenizer linkedom itself builds on), so
 * the decoded source text is known character by character with its position in the raw HTML ("&amp;" included).
 * Each paragraph Readability keeps is then found in that source text, in order, whitespace-insensitively; a
 * paragraph Readability altered is aligned word by word, and words that cannot be found stay unmapped.
 */
import { createRequire } from 'node:module';
import type { Parser } from 'htmlparser2';
import { InputError } from '../../errors.js';
import { cleanup } from '../cleanup.js';
import { parseDateAt } from '../dates.js';
import { type MappedText, MappedTextBuilder } from '../mapped.js';
import { ALIGN_BLOCK_WINDOW, ALIGN_WORD_WINDOW, MAX_READABILITY_DEPTH, MAX_UNBOUNDED_MISSES } from '../settings.js';
import type { ArticleMeta } from '../types.js';
import {
  articleBlocks,
  isCaption,
  isEmbeddedPost,
  keepTitledArticle,
  pruneContent,
  type TextBlock,
} from './html-boilerplate.js';
import { type DomDocument, type DomElement, type DomNode, htmlMetadata } from './html-meta.js';
import type { Ingested } from './types.js';

interface HtmlLibraries {
  Parser: typeof Parser;
  parseHTML: (html: string) => unknown;
  Readability: unknown;
}

let libraries: HtmlLibraries | null = null;

/**
 * The HTML libraries, loaded on the first page met: linkedom alone takes about 0.7 s to load, which a build over
 * text files (and every build worker before its first page) need not pay. Their CommonJS builds are loaded, since
 * ingestion is synchronous and `import()` is not.
 */
function lib(): HtmlLibraries {
  if (!libraries) {
    const require = createRequire(import.meta.url);
    libraries = {
      Parser: (require('htmlparser2') as { Parser: typeof Parser }).Parser,
      parseHTML: (require('linkedom') as { parseHTML: (html: string) => unknown }).parseHTML,
      Readability: (require('@mozilla/readability') as { Readability: unknown }).Readability,
    };
  }
  return libraries;
}

/** Elements whose text never reaches a reader. */
const NON_TEXT = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'title',
  'svg',
  'math',
  'textarea',
  'select',
  'iframe',
  'object',
]);

/**
 * The decoded text of every text chunk of `html`, each character mapped to its raw source position, and the
 * deepest element nesting seen.
 */
export function sourceText(html: string): { text: MappedText; depth: number } {
  const out = new MappedTextBuilder(html.length);
  let hidden = 0;
  let depth = 0;
  let maxDepth = 0;
  const parser: Parser = new (lib().Parser)(
    {
      onopentag(name) {
        if (NON_TEXT.has(name)) hidden++;
        else if (name === 'body') hidden = 0; // an element left unclosed in <head> (broken pages) hides nothing after it
        if (++depth > maxDepth) maxDepth = depth;
      },
      onclosetag(name) {
        if (NON_TEXT.has(name) && hidden > 0) hidden--;
        depth--;
      },
      ontext(data) {
        if (hidden > 0) return;
        out.decoded(data, parser.startIndex, parser.endIndex + 1);
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.end(html);
  return { text: out.build(), depth: maxDepth };
}

/** Whitespace-collapsed view of a MappedText: `text` plus, per character, its index in the uncollapsed text. */
interface Collapsed {
  text: string;
  index: Int32Array;
}

const isWs = (c: number): boolean =>
  c === 32 ||
  c === 9 ||
  c === 10 ||
  c === 13 ||
  c === 12 ||
  c === 0xa0 ||
  (c >= 0x2000 && c <= 0x200a) ||
  c === 0x202f ||
  c === 0x3000;

function collapse(text: string): Collapsed {
  const index = new Int32Array(text.length);
  const parts: string[] = [];
  let n = 0;
  let inWs = false;
  let runStart = 0;
  for (let i = 0; i < text.length; i++) {
    if (isWs(text.charCodeAt(i))) {
      if (!inWs) {
        if (i > runStart) parts.push(text.slice(runStart, i));
        parts.push(' ');
        index[n++] = i;
        inWs = true;
      }
      runStart = i + 1;
      continue;
    }
    if (inWs) {
      inWs = false;
      runStart = i;
    }
    index[n++] = i;
  }
  if (runStart < text.length) parts.push(text.slice(runStart));
  return { text: parts.join(''), index: index.slice(0, n) };
}

/** Collapses whitespace exactly as `collapse` does (same characters), so blocks and source text compare equal. */
const collapseString = (s: string): string =>
  s.replace(/[ \t\n\r\f\u00a0\u2000-\u200a\u202f\u3000]+/g, ' ').replace(/^ | $/g, '');

const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  'br',
  'caption',
]);
const SKIP_TAGS = new Set([...NON_TEXT, 'button', 'img', 'picture', 'video', 'audio', 'canvas']);

/** The text blocks (paragraph-like runs of inline text) of an element, in document order, with their link share. */
function textBlocks(root: DomNode): TextBlock[] {
  const blocks: TextBlock[] = [];
  let current: string[] = [];
  let linkChars = 0;
  let inLink = 0;
  let quoted = 0;
  let caption = 0;
  const flush = () => {
    const text = collapseString(current.join(''));
    if (text) blocks.push({ text, linkShare: linkChars / text.length, quoted: quoted > 0, caption: caption > 0 });
    current = [];
    linkChars = 0;
  };
  // iterative walk: pages nest elements thousands deep, which a recursive walk would not survive
  const FLUSH = 0;
  const LEAVE_LINK = 1;
  const LEAVE_QUOTE = 2;
  const LEAVE_CAPTION = 3;
  const stack: Array<DomNode | typeof FLUSH | typeof LEAVE_LINK | typeof LEAVE_QUOTE | typeof LEAVE_CAPTION> = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === undefined) break;
    if (node === FLUSH) {
      flush();
      continue;
    }
    if (node === LEAVE_LINK) {
      inLink--;
      continue;
    }
    if (node === LEAVE_QUOTE) {
      quoted--;
      continue;
    }
    if (node === LEAVE_CAPTION) {
      caption--;
      continue;
    }
    if (node.nodeType === 3) {
      const text = node.textContent ?? '';
      current.push(text);
      if (inLink > 0) linkChars += collapseString(text).length;
      continue;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) continue;
    const tag = node.nodeName.toLowerCase();
    if (SKIP_TAGS.has(tag)) continue;
    // pushed first so that it runs after the element's closing FLUSH: its last block is still quoted
    if (tag === 'blockquote' && isEmbeddedPost(node as DomElement)) {
      quoted++;
      stack.push(LEAVE_QUOTE);
    }
    if (isCaption(node as DomElement, tag)) {
      caption++;
      stack.push(LEAVE_CAPTION);
    }
    const block = BLOCK_TAGS.has(tag);
    if (block) {
      flush();
      stack.push(FLUSH);
    }
    if (tag === 'a') {
      inLink++;
      stack.push(LEAVE_LINK);
    }
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as DomNode);
  }
  flush();
  return blocks;
}

/** Locates `blocks` in the source text, in order, and returns each as a MappedText over the raw HTML. */
export function alignBlocks(blocks: string[], stream: MappedText): MappedText[] {
  const collapsed = collapse(stream.text);
  const cs = collapsed.text;
  const out: MappedText[] = [];
  let cursor = 0;
  let misses = 0;
  // copies collapsed[at, at + length) in stretches that are contiguous in the stream
  const copyCollapsed = (b: MappedTextBuilder, at: number, length: number) => {
    let k = 0;
    while (k < length) {
      const first = collapsed.index[at + k] as number;
      let last = first;
      k++;
      while (k < length && (collapsed.index[at + k] as number) === last + 1) {
        last++;
        k++;
      }
      b.copy(stream, first, last + 1);
    }
  };
  for (const block of blocks) {
    const b = new MappedTextBuilder(block.length);
    // an unbounded search costs the rest of the page; after many misses (a page Readability rewrote throughout)
    // search a window ahead instead, so alignment stays linear
    let at: number;
    if (misses < MAX_UNBOUNDED_MISSES) at = cs.indexOf(block, cursor);
    else {
      const found = cs.slice(cursor, cursor + ALIGN_BLOCK_WINDOW + block.length).indexOf(block);
      at = found < 0 ? -1 : cursor + found;
    }
    if (at < 0) misses++;
    if (at >= 0) {
      copyCollapsed(b, at, block.length);
      cursor = at + block.length;
      out.push(b.build());
      continue;
    }
    // Readability changed this paragraph: align it word by word, near the cursor
    const words = block.split(' ');
    let prevEnd = -1;
    for (let w = 0; w < words.length; w++) {
      const word = words[w] as string;
      const found = cs.slice(cursor, cursor + ALIGN_WORD_WINDOW + word.length).indexOf(word);
      const pos = found < 0 ? -1 : cursor + found;
      if (w > 0) {
        if (pos >= 0 && prevEnd >= 0 && pos === prevEnd + 1 && cs[prevEnd] === ' ') copyCollapsed(b, prevEnd, 1);
        else b.insert(' ');
      }
      if (pos < 0) {
        b.insert(word);
        prevEnd = -1;
        continue;
      }
      copyCollapsed(b, pos, word.length);
      cursor = prevEnd = pos + word.length;
    }
    out.push(b.build());
  }
  return out;
}

type ReadabilityCtor = new (
  doc: unknown,
  options: { serializer: (node: unknown) => unknown; charThreshold?: number; keepClasses?: boolean },
) => {
  parse(): { title?: string | null; content?: unknown; siteName?: string | null; publishedTime?: string | null } | null;
};

/** The article element Readability finds, or null when it finds none (or the page is too deep to try). */
function readableContent(document: DomDocument, depth: number, title: string | null): DomNode | null {
  // Readability's time grows with the square of the nesting depth; real pages stay far below this limit
  if (depth > MAX_READABILITY_DEPTH) return null;
  try {
    const ReadabilityClass = lib().Readability as ReadabilityCtor;
    const article = new ReadabilityClass(document, {
      serializer: (node) => node,
      charThreshold: 200,
      keepClasses: true, // the boilerplate rules read classes (captions, comments, embedded posts)
    }).parse();
    const content = article?.content as DomElement | null | undefined;
    if (!content) return null;
    // page furniture that survives Readability on short pages (it scores text, and a page header is text too)
    removeFurniture(content);
    pruneContent(content, title);
    return collapseString(content.textContent ?? '') ? content : null;
  } catch {
    return null; // Readability gives up on some malformed documents (and overflows on absurd nesting)
  }
}

/** The page body without its page furniture: the fallback when Readability finds no article. */
function bodyWithoutFurniture(document: DomDocument, title: string | null): DomNode | null {
  const body = document.body;
  if (body) {
    removeFurniture(body);
    pruneContent(body, title);
  }
  return body;
}

/** Removes the HTML5 sectioning elements that hold page furniture rather than article text. */
function removeFurniture(root: DomElement): void {
  for (const el of Array.from(
    root.querySelectorAll(
      'nav, header, footer, aside, form, script, style, noscript, [role="navigation"], [role="banner"], [role="contentinfo"], [role="complementary"], [aria-hidden="true"]',
    ),
  ))
    el.remove();
}

/**
 * A linkedom document for `html`. linkedom builds no <html> element for a bare fragment ("Some text", "<p>x</p>")
 * and then fails on it, so a fragment is parsed inside a document shell. (Offsets never come from this DOM, so the
 * shell changes none of them.)
 */
function parse(html: string): DomDocument {
  const read = (source: string) =>
    (lib().parseHTML(source) as { document: DomDocument & { documentElement: DomNode | null } }).document;
  const document = read(html);
  if (document.documentElement && document.body) return document;
  return read(`<!DOCTYPE html><html><head></head><body>${html}</body></html>`);
}

/** Metadata and text blocks from the DOM: Readability's article, else the body without its furniture. */
function domBlocks(original: string, depth: number): { meta: ArticleMeta; blocks: string[] } {
  const document = parse(original);
  const meta = htmlMetadata(document);
  if (document.body) keepTitledArticle(document.body, meta.title);
  const content =
    readableContent(document, depth, meta.title) ??
    // Readability changes the document it reads, so fall back on a fresh one when it has run
    bodyWithoutFurniture(depth > MAX_READABILITY_DEPTH ? document : parse(original), meta.title);
  return { meta, blocks: content ? articleBlocks(textBlocks(content)) : [] };
}

/** How many leading blocks may hold the article's dateline. */
const DATELINE_BLOCKS = 3;
/** What follows a dateline at the start of a paragraph: a dash, a colon, a bar, or the end of the block. */
const AFTER_DATELINE = /^\s*(?:--|[\u2013\u2014|:-]|$)/;

/** A date that opens one of the first paragraphs ("Feb. 23, 2015 -- Doctors said ..."), for pages with no date markup. */
function bodyDateline(blocks: string[]): string | null {
  for (const block of blocks.slice(0, DATELINE_BLOCKS)) {
    const line = block.replace(/^(?:published|posted|updated)(?:\s+on)?\s*:?\s*/i, '');
    const parsed = parseDateAt(line);
    if (parsed && AFTER_DATELINE.test(line.slice(parsed.end))) return parsed.iso;
  }
  return null;
}

export function ingestHtml(original: string, file: string): Ingested {
  const { text: stream, depth } = sourceText(original);
  let meta: ArticleMeta = { title: null, source: null, published: null, url: null };
  let blocks: string[];
  try {
    ({ meta, blocks } = domBlocks(original, depth));
  } catch {
    // a document linkedom cannot build: read its text chunks as they stand rather than fail the file
    blocks = stream.text
      .split(/\n\s*\n/)
      .map(collapseString)
      .filter(Boolean);
  }
  if (blocks.length === 0) throw new InputError(file, 'HTML has no body text');
  // Readability sometimes keeps the headline as the first block: it is the title, not body text
  const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();
  if (meta.title && blocks[0] && norm(blocks[0]) === norm(meta.title)) blocks = blocks.slice(1);
  if (!meta.published) meta = { ...meta, published: bodyDateline(blocks) };
  const body = new MappedTextBuilder(original.length / 2);
  for (const block of alignBlocks(blocks, stream)) {
    const cleaned = cleanup(block, { lineBreaks: 'join' });
    if (!cleaned.text) continue;
    if (body.size > 0) body.insert('\n\n');
    body.copy(cleaned, 0, cleaned.text.length);
  }
  return { meta, body: body.build() };
}

const FRAGMENT_TAG =
  /<\/?(?:p|br|div|span|a|em|strong|b|i|u|h[1-6]|ul|ol|li|blockquote|figure|figcaption|img|section|article|table|tr|td)\b[^<>]{0,500}>/i;

/** Whether text (say a JSON article body) is an HTML fragment rather than plain text. */
export function looksLikeHtml(text: string): boolean {
  return FRAGMENT_TAG.test(text);
}

/**
 * The text of an HTML fragment held in `input` (already mapped to the original, e.g. a decoded JSON string): tags
 * dropped, entities decoded, a blank line between blocks; origins are carried through.
 */
export function htmlFragmentText(input: MappedText): MappedText {
  const out = new MappedTextBuilder(input.text.length);
  let hidden = 0;
  let pendingBreak = '';
  const breakWith = (separator: string) => {
    if (out.size > 0 && pendingBreak.length < separator.length) pendingBreak = separator;
  };
  const parser: Parser = new (lib().Parser)(
    {
      onopentag(name) {
        if (NON_TEXT.has(name) || SKIP_TAGS.has(name)) hidden++;
        if (name === 'br') breakWith('\n');
        else if (BLOCK_TAGS.has(name)) breakWith('\n\n');
      },
      onclosetag(name) {
        if ((NON_TEXT.has(name) || SKIP_TAGS.has(name)) && hidden > 0) hidden--;
        if (BLOCK_TAGS.has(name) && name !== 'br') breakWith('\n\n');
      },
      ontext(data) {
        if (hidden > 0) return;
        const from = parser.startIndex;
        const to = parser.endIndex + 1;
        if (pendingBreak && /\S/.test(data)) {
          out.insert(pendingBreak);
          pendingBreak = '';
        }
        if (data.length === to - from) {
          out.copy(input, from, to);
          return;
        }
        const start = input.start[from] ?? -1;
        const end = input.end[to - 1] ?? -1;
        if (start < 0 || end < 0) out.insert(data);
        else out.decoded(data, start, end);
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.end(input.text);
  return out.build();
}
