/**
 * Markdown: optional front matter (YAML `key: value` between --- lines, or TOML `key = "value"` between +++ lines)
 * for metadata, then the document parsed with mdast-util-from-markdown. Prose blocks (paragraphs, headings, list
 * items, block quotes) become paragraphs of the text; code, HTML blocks and images are not prose and are left out.
 * Every character is aligned to its position in the source through the parser's positions (./align.ts).
 */

import type { Nodes, Parent, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { alignDecoded } from '../align.js';
import { cleanup } from '../cleanup.js';
import { parseDate } from '../dates.js';
import { type MappedText, MappedTextBuilder } from '../mapped.js';
import type { ArticleMeta } from '../types.js';
import type { Ingested } from './types.js';

interface FrontMatter {
  end: number;
  fields: Map<string, string>;
}

const FENCES: Array<{ open: RegExp; close: RegExp; assign: RegExp }> = [
  { open: /^---[ \t]*\r?\n/, close: /^(?:---|\.\.\.)[ \t]*$/, assign: /^([A-Za-z_][\w.-]{0,60})[ \t]*:[ \t]*(.*)$/ },
  { open: /^\+\+\+[ \t]*\r?\n/, close: /^\+\+\+[ \t]*$/, assign: /^([A-Za-z_][\w.-]{0,60})[ \t]*=[ \t]*(.*)$/ },
];

function unquote(value: string): string {
  const v = value.trim();
  if (v.length >= 2 && ((v.startsWith('"') && v.endsWith('"')) || (v.startsWith("'") && v.endsWith("'")))) {
    const inner = v.slice(1, -1);
    if (v.startsWith('"')) {
      try {
        return JSON.parse(v) as string;
      } catch {
        return inner;
      }
    }
    return inner.replace(/''/g, "'");
  }
  return v.replace(/\s+#.*$/, '');
}

/** Front matter at the very start of the file, or null. Only flat scalar fields are read. */
function readFrontMatter(text: string): FrontMatter | null {
  for (const fence of FENCES) {
    const open = fence.open.exec(text);
    if (!open) continue;
    let pos = open[0].length;
    const fields = new Map<string, string>();
    while (pos <= text.length) {
      let end = text.indexOf('\n', pos);
      if (end < 0) end = text.length;
      const line = text.slice(pos, end).replace(/\r$/, '');
      if (fence.close.test(line)) return { end: Math.min(text.length, end + 1), fields };
      const assign = fence.assign.exec(line);
      if (assign) fields.set(assign[1]!.toLowerCase(), unquote(assign[2]!));
      if (end >= text.length) break;
      pos = end + 1;
    }
    return null; // unclosed: not front matter
  }
  return null;
}

function pick(fields: Map<string, string> | undefined, keys: string[]): string | null {
  for (const key of keys) {
    const value = fields?.get(key);
    if (value) return value;
  }
  return null;
}

function frontMatterMeta(fields: Map<string, string> | undefined): ArticleMeta {
  const dateText = pick(fields, [
    'published',
    'date',
    'datepublished',
    'publishdate',
    'pubdate',
    'published_at',
    'publication_date',
    'created',
  ]);
  return {
    title: pick(fields, ['title', 'headline']),
    source: pick(fields, ['source', 'publisher', 'site', 'site_name', 'outlet', 'publication']),
    published: dateText ? parseDate(dateText) : null,
    url: pick(fields, ['url', 'canonical', 'canonical_url', 'link', 'source_url', 'permalink']),
  };
}

const PROSE_BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);
const SKIPPED = new Set([
  'code',
  'html',
  'image',
  'imageReference',
  'definition',
  'footnoteDefinition',
  'thematicBreak',
  'yaml',
]);

function isParent(node: Nodes): node is Nodes & Parent {
  return 'children' in node;
}

/** Appends the inline text of `node` to `out`, aligned with `source`. */
function inlineText(node: Nodes, source: string, out: MappedTextBuilder): void {
  if (SKIPPED.has(node.type)) return;
  if (node.type === 'text' || node.type === 'inlineCode') {
    const from = node.position?.start.offset;
    const to = node.position?.end.offset;
    if (from === undefined || to === undefined) out.insert(node.value);
    else alignDecoded(out, node.value, source, from, to);
    return;
  }
  if (node.type === 'break') {
    out.insert(' ');
    return;
  }
  if (isParent(node)) for (const child of node.children) inlineText(child as Nodes, source, out);
}

function plainText(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if (isParent(node)) return node.children.map((c) => plainText(c as Nodes)).join('');
  return '';
}

/** Prose blocks in document order. */
function collectBlocks(node: Nodes, blocks: Nodes[]): void {
  if (SKIPPED.has(node.type)) return;
  if (PROSE_BLOCKS.has(node.type)) {
    blocks.push(node);
    return;
  }
  if (isParent(node)) for (const child of node.children as RootContent[]) collectBlocks(child, blocks);
}

const normalise = (s: string): string => s.replace(/\s+/g, ' ').trim().toLowerCase();

export function ingestMarkdown(original: string): Ingested {
  const front = readFrontMatter(original);
  const meta = frontMatterMeta(front?.fields);
  // blank the front matter (same length, same line breaks) so parser positions stay file positions
  const source = front ? original.slice(0, front.end).replace(/[^\n]/g, ' ') + original.slice(front.end) : original;
  const tree = fromMarkdown(source);
  const blocks: Nodes[] = [];
  collectBlocks(tree, blocks);

  // a leading top-level heading is the title, not body text
  const first = blocks[0];
  if (first && first.type === 'heading' && first.depth <= 1) {
    const headline = plainText(first).trim();
    if (!meta.title) meta.title = headline || null;
    if (normalise(headline) === normalise(meta.title ?? '')) blocks.shift();
  }

  const body = new MappedTextBuilder(original.length);
  for (const block of blocks) {
    const raw = new MappedTextBuilder(64);
    inlineText(block, original, raw);
    const cleaned: MappedText = cleanup(raw.build(), { lineBreaks: 'join' });
    if (!cleaned.text) continue;
    if (body.size > 0) body.insert('\n\n');
    body.copy(cleaned, 0, cleaned.text.length);
  }
  return { meta, body: body.build() };
}
