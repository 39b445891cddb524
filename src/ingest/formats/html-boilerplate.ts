/**
 * Boilerplate that survives Readability's content scoring, removed by general rules (no site names):
 * - neighbouring items: a container that holds the article and the next ones (infinite scroll, "up next") keeps
 *   only the article the page is about;
 * - comment sections and tag lists, found by their class or id, and by their labels ("Tags:", "3 comments");
 * - repeated captions (a gallery prints one beside the image and again in its viewer): kept once;
 * - link-only blocks (menus, "Read more: <a>another story</a>") at the edges of the text, while a list of links
 *   between paragraphs of the article (a reading list, sources) and embedded posts (quoted tweets) stay.
 */
import { LINK_BLOCK_DENSITY, LINK_BLOCK_MAX_LENGTH, LINK_BLOCK_MIN_WORDS, MAX_NEIGHBOURS } from '../settings.js';
import type { DomElement } from './html-meta.js';

/** One paragraph-like run of text, with the share of its characters inside links. */
export interface TextBlock {
  text: string;
  linkShare: number;
  /** inside an embedded post (a quoted tweet, an Instagram post), whose links do not make it boilerplate */
  quoted: boolean;
  /** inside a figure, a figcaption or an element classed as a caption or credit */
  caption: boolean;
}

const CAPTION_CLASS = /caption|credit/i;
const EMBED_CLASS = /tweet|twitter|instagram|tiktok|facebook|fb-xfbml|bluesky|mastodon|threads|reddit|embed/i;

/** Whether a blockquote is an embedded social-media post (the platforms' embed codes class it so). */
export function isEmbeddedPost(el: DomElement): boolean {
  const cls = el.getAttribute?.('class');
  return cls ? EMBED_CLASS.test(cls) : false;
}

/** Whether an element holds an image caption or credit. */
export function isCaption(el: DomElement, tag: string): boolean {
  if (tag === 'figure' || tag === 'figcaption' || tag === 'caption') return tag !== 'caption';
  const cls = el.getAttribute?.('class');
  return cls ? CAPTION_CLASS.test(cls) : false;
}

/** Class and id tokens of comment sections and tag lists. */
const BOILERPLATE_TOKEN =
  /^(?:comments?|comment-?(?:list|section|area|form|thread|s-?(?:area|section|list|wrapper|container))|commentlist|disqus_thread|respond|reply-?form|post-?tags|entry-?tags|article-?tags|story-?tags|tag-?(?:list|links|cloud)|tags|tagcloud|keywords|topics-?list)$/i;

/** Labels that open a block of page furniture rather than article text. */
const BOILERPLATE_LABEL =
  /^(?:tags?|tagged(?: with)?|filed under|topics|categories|related topics|more on|read more|related|see also|also read|recommended|more from)\s*[:\-–—]/i;
const COMMENT_LINE =
  /^(?:\d+\s+comments?|comments?\s*\(\d+\)|(?:leave|post|add|write) a (?:comment|reply)|show comments|view comments|join the (?:conversation|discussion)|comments are closed)(?![\p{L}\p{N}])/iu;

function tokensOf(el: DomElement): string[] {
  return `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.split(/\s+/).filter(Boolean);
}

const norm = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * Removes from Readability's article element what belongs around the article: comment sections, tag lists, and
 * the neighbouring items of a container that holds several articles (all but the one titled `title`, else the
 * longest).
 */
export function pruneContent(content: DomElement, title: string | null): void {
  for (const el of Array.from(content.querySelectorAll('[class], [id]')))
    if (tokensOf(el).some((t) => BOILERPLATE_TOKEN.test(t))) el.remove();
  const articles = topArticles(content);
  if (articles.length < 2) return;
  const titled = titledArticle(articles, title);
  // without a title to go by, only a few headed articles side by side are neighbours: the many entries of a live
  // blog, or headless items, are one text
  if (!titled && (articles.length > MAX_NEIGHBOURS || !articles.every(headed))) return;
  const length = (a: DomElement) => (a.textContent ?? '').length;
  const keep = titled ?? articles.reduce((best, a) => (length(a) > length(best) ? a : best));
  for (const a of articles) if (a !== keep) a.remove();
}

/**
 * Before Readability reads a page of several articles (an infinite-scroll page, "up next" items), removes all but
 * the one whose heading is the page's title, so that Readability cannot choose a neighbour or a container of all.
 */
export function keepTitledArticle(body: DomElement, title: string | null): void {
  const articles = topArticles(body);
  if (articles.length < 2) return;
  const keep = titledArticle(articles, title);
  if (keep) for (const a of articles) if (a !== keep) a.remove();
}

const headed = (a: DomElement): boolean => (a.querySelectorAll('h1, h2')[0]?.textContent ?? '').trim() !== '';

function topArticles(root: DomElement): DomElement[] {
  return Array.from(root.querySelectorAll('article')).filter((a) => !hasArticleAncestor(a, root));
}

/** The one article among `articles` whose first heading is `title` (or a part of it), if exactly one is. */
function titledArticle(articles: DomElement[], title: string | null): DomElement | undefined {
  const wanted = title ? norm(title) : '';
  if (!wanted) return undefined;
  const titled = articles.filter((a) => {
    const heading = norm(a.querySelectorAll('h1, h2, h3')[0]?.textContent ?? '');
    return heading !== '' && (heading === wanted || wanted.includes(heading));
  });
  return titled.length === 1 ? titled[0] : undefined;
}

function hasArticleAncestor(el: DomElement, root: DomElement): boolean {
  let node = (el as DomElement & { parentElement: DomElement | null }).parentElement;
  while (node && node !== root) {
    if (node.nodeName.toLowerCase() === 'article') return true;
    node = (node as DomElement & { parentElement: DomElement | null }).parentElement;
  }
  return false;
}

const words = (s: string): number => s.split(' ').filter(Boolean).length;

/** The article's blocks among `blocks`: furniture, repeats and edge link blocks left out (see the module comment). */
export function articleBlocks(blocks: TextBlock[]): string[] {
  const isLinkBlock = (b: TextBlock) => !b.quoted && b.linkShare > LINK_BLOCK_DENSITY;
  // the article's text runs from its first to its last block that is not mostly links
  let first = blocks.findIndex((b) => !isLinkBlock(b));
  if (first < 0) first = blocks.length;
  let last = blocks.length - 1;
  while (last >= first && isLinkBlock(blocks[last]!)) last--;
  // the length of the run of consecutive link blocks each block belongs to: a list of links is a run
  const run = new Array<number>(blocks.length).fill(0);
  for (let i = 0; i < blocks.length; ) {
    let j = i;
    while (j < blocks.length && isLinkBlock(blocks[j]!)) j++;
    for (let k = i; k < j; k++) run[k] = j - i;
    i = Math.max(j, i + 1);
  }
  const seen = new Set<string>();
  const out: string[] = [];
  blocks.forEach((b, i) => {
    if (BOILERPLATE_LABEL.test(b.text) && b.linkShare > 0.3) return;
    if (COMMENT_LINE.test(b.text) && b.text.length <= LINK_BLOCK_MAX_LENGTH) return;
    if (isLinkBlock(b) && b.text.length <= LINK_BLOCK_MAX_LENGTH) {
      // a list of links between paragraphs of the article (a reading list, sources) is part of it; links at its
      // edges, a lone link paragraph (an inline teaser for another story) and buttons are not
      const listItem = i > first && i < last && (run[i] ?? 0) >= 2 && words(b.text) >= LINK_BLOCK_MIN_WORDS;
      if (!listItem) return;
    }
    // a caption seen before is a repeat (a gallery prints it beside the image and again in its viewer); repeated
    // running text is kept, as the page repeats it
    const key = norm(b.text);
    if (b.caption && seen.has(key)) return;
    seen.add(key);
    out.push(b.text);
  });
  return out;
}
