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
import { Readability } from '@mozilla/readability';
import { Parser } from 'htmlparser2';
import { parseHTML } from 'linkedom';
import { cleanup } from '../cleanup.js';
import { MappedTextBuilder, type MappedText } from '../mapped.js';
import type { Ingested } from './types.js';
import { htmlMetadata, type DomDocument, type DomElement, type DomNode } from './html-meta.js';
import { InputError } from '../../errors.js';

/** Elements whose text never reaches a reader. */
const NON_TEXT = new Set(['script', 'style', 'noscript', 'template', 'title', 'svg', 'math', 'head', 'textarea', 'select', 'iframe', 'object']);

/** The decoded text of every text chunk of `html`, each character mapped to its raw source position. */
export function sourceText(html: string): MappedText {
  const out = new MappedTextBuilder(html.length);
  let hidden = 0;
  const parser: Parser = new Parser(
    {
      onopentag(name) {
        if (NON_TEXT.has(name)) hidden++;
      },
      onclosetag(name) {
        if (NON_TEXT.has(name) && hidden > 0) hidden--;
      },
      ontext(data) {
        if (hidden > 0) return;
        out.decoded(data, parser.startIndex, parser.endIndex + 1);
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.end(html);
  return out.build();
}

/** Whitespace-collapsed view of a MappedText: `text` plus, per character, its index in the uncollapsed text. */
interface Collapsed {
  text: string;
  index: Int32Array;
}

const isWs = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 0xa0 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x3000;

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

const collapseString = (s: string): string => s.replace(/[\s\u00a0\u2000-\u200a\u202f\u3000]+/g, ' ').trim();

const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset', 'figcaption',
  'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre',
  'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'br', 'caption',
]);
const SKIP_TAGS = new Set([...NON_TEXT, 'button', 'img', 'picture', 'video', 'audio', 'canvas']);

/** The text blocks (paragraph-like runs of inline text) of an element, in document order. */
export function textBlocks(root: DomNode): string[] {
  const blocks: string[] = [];
  let current: string[] = [];
  const flush = () => {
    const text = collapseString(current.join(''));
    if (text) blocks.push(text);
    current = [];
  };
  const walk = (node: DomNode) => {
    if (node.nodeType === 3) {
      current.push(node.textContent ?? '');
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const tag = node.nodeName.toLowerCase();
    if (SKIP_TAGS.has(tag)) return;
    const block = BLOCK_TAGS.has(tag);
    if (block) flush();
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) walk(children[i] as DomNode);
    if (block) flush();
  };
  walk(root);
  flush();
  return blocks;
}

const WORD_WINDOW = 4000;

/** Locates `blocks` in the source text, in order, and returns each as a MappedText over the raw HTML. */
function alignBlocks(blocks: string[], stream: MappedText): MappedText[] {
  const collapsed = collapse(stream.text);
  const cs = collapsed.text;
  const out: MappedText[] = [];
  let cursor = 0;
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
    const at = cs.indexOf(block, cursor);
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
      const found = cs.slice(cursor, cursor + WORD_WINDOW + word.length).indexOf(word);
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

type ReadabilityCtor = new (doc: unknown, options: { serializer: (node: unknown) => unknown; charThreshold?: number }) => {
  parse(): { title?: string | null; content?: unknown; siteName?: string | null; publishedTime?: string | null } | null;
};

/** The article element Readability finds, or the page body without its page furniture when it finds none. */
function mainContent(document: DomDocument): DomNode | null {
  const ReadabilityClass = Readability as unknown as ReadabilityCtor;
  const fallback = document.body;
  try {
    const article = new ReadabilityClass(document, { serializer: (node) => node, charThreshold: 200 }).parse();
    const content = article?.content as DomNode | null | undefined;
    if (content && collapseString(content.textContent ?? '').length > 0) return content;
  } catch {
    // Readability gives up on some malformed documents; fall back to the body below
  }
  if (!fallback) return null;
  for (const tag of ['nav', 'header', 'footer', 'aside', 'form', 'script', 'style', 'noscript']) {
    for (const el of Array.from(fallback.querySelectorAll(tag))) (el as DomElement).remove();
  }
  return fallback;
}

export function ingestHtml(original: string, file: string): Ingested {
  const stream = sourceText(original);
  const { document } = parseHTML(original) as unknown as { document: DomDocument };
  const meta = htmlMetadata(document);
  const content = mainContent(document);
  if (!content) throw new InputError(file, 'HTML has no body text');
  let blocks = textBlocks(content);
  // Readability sometimes keeps the headline as the first block: it is the title, not body text
  const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();
  if (meta.title && blocks[0] && norm(blocks[0]) === norm(meta.title)) blocks = blocks.slice(1);
  const body = new MappedTextBuilder(original.length / 2);
  for (const block of alignBlocks(blocks, stream)) {
    const cleaned = cleanup(block, { lineBreaks: 'join' });
    if (!cleaned.text) continue;
    if (body.size > 0) body.insert('\n\n');
    body.copy(cleaned, 0, cleaned.text.length);
  }
  return { meta, body: body.build() };
}
