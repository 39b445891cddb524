/**
 * The "Article" region: one article's title, source, date, link and full text, with every entity the graph found
 * in it marked and clickable. Text and links come from the web: text goes in through text nodes only, and a link
 * is made only for an http(s) URL, opening with rel="noopener noreferrer".
 *
 * The text comes from the graph file when its article record carries `text`, otherwise from the `newsgraph view`
 * server (GET article?id=ID), which reads the article's file again.
 */
import { kindColor } from './appearance.js';
import { clear, el } from './dom.js';
import { type ArticleRecord, articleDay, articleText, type EdgeEvidence, type ViewerGraph } from './model.js';

export interface ArticleContext {
  graph: ViewerGraph;
  articles: ReadonlyMap<string, ArticleRecord>;
  select(node: string): void;
}

export interface ArticleView {
  open(id: string, evidence: EdgeEvidence | null): Promise<void>;
  close(): void;
  /** The id of the article shown, or null. */
  current(): string | null;
}

interface NameEntry {
  node: string;
  kind: string;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Entities that the graph says this article mentions, by every name they go by (longest first). */
function namesIn(graph: ViewerGraph, id: string): Map<string, NameEntry> {
  const names = new Map<string, NameEntry>();
  graph.forEachNode((node, attributes) => {
    if (!attributes.articles.includes(id)) return;
    for (const name of [attributes.label, ...(attributes.aliases ?? [])]) {
      const key = name.trim().toLowerCase();
      if (key.length >= 2 && !names.has(key)) names.set(key, { node, kind: attributes.kind });
    }
  });
  return names;
}

/** Text with each known name as a button that selects its entity. */
function linkNames(
  text: string,
  names: Map<string, NameEntry>,
  pattern: RegExp | null,
  select: (node: string) => void,
  graph: ViewerGraph,
): DocumentFragment {
  const fragment = document.createDocumentFragment();
  if (!pattern) {
    fragment.appendChild(document.createTextNode(text));
    return fragment;
  }
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const start = match.index ?? 0;
    const entry = names.get(match[0].toLowerCase());
    if (!entry) continue;
    if (start > last) fragment.appendChild(document.createTextNode(text.slice(last, start)));
    const button = el('button', {
      className: 'entity-mark',
      text: match[0],
      attrs: { type: 'button', 'data-node': entry.node },
      title: `${graph.getNodeAttribute(entry.node, 'label')} (${entry.kind})`,
    });
    button.style.setProperty('--chip', kindColor(entry.kind));
    button.addEventListener('click', () => select(entry.node));
    fragment.appendChild(button);
    last = start + match[0].length;
  }
  if (last < text.length) fragment.appendChild(document.createTextNode(text.slice(last)));
  return fragment;
}

/** Where the evidence sentence stands in the text: by its wording (offsets refer to the file, which may differ). */
function locate(text: string, sentence: string): { start: number; end: number } | null {
  const at = text.indexOf(sentence);
  if (at >= 0) return { start: at, end: at + sentence.length };
  // Ingest may normalise quotes and whitespace: match the words with any spacing and any quote mark.
  const quotes = /["'“”‘’«»]/g;
  const words = sentence
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => escapeRegExp(word).replace(quotes, `["'“”‘’«»]`));
  if (!words.length) return null;
  const loose = new RegExp(words.join('\\s+'));
  const match = loose.exec(text);
  return match ? { start: match.index, end: match.index + match[0].length } : null;
}

async function fetchArticleText(id: string): Promise<string | null> {
  if (!location.protocol.startsWith('http')) return null;
  const response = await fetch(`article?id=${encodeURIComponent(id)}`, { cache: 'no-store' }).catch(() => null);
  if (!response?.ok) return null;
  const body = (await response.json().catch(() => null)) as { text?: unknown } | null;
  return typeof body?.text === 'string' ? body.text : null;
}

export function createArticleView(panel: HTMLElement, context: ArticleContext): ArticleView {
  let shown: string | null = null;
  const cache = new Map<string, string | null>();

  const close = () => {
    shown = null;
    panel.hidden = true;
    clear(panel);
  };

  const open = async (id: string, evidence: EdgeEvidence | null) => {
    shown = id;
    const article = context.articles.get(id);
    const closeButton = el('button', {
      className: 'icon-button close',
      text: '×',
      attrs: { type: 'button', 'aria-label': 'Close article' },
    });
    closeButton.addEventListener('click', close);
    const day = articleDay(article);
    const url = article?.url && /^https?:\/\//i.test(article.url) ? article.url : null;
    const body = el('div', { className: 'article-text' }, [el('p', { className: 'muted', text: 'Loading the text…' })]);
    const meta = [article?.source, day].filter(Boolean).join(' · ') || 'No source or date';
    panel.replaceChildren(
      el('header', { className: 'details-head' }, [
        el('h2', { text: article?.title || article?.file || id }),
        closeButton,
      ]),
      el('p', { className: 'article-meta', text: meta }),
    );
    if (url)
      panel.appendChild(
        el('p', {}, [el('a', { text: url, attrs: { href: url, target: '_blank', rel: 'noopener noreferrer' } })]),
      );
    panel.appendChild(body);
    panel.hidden = false;
    panel.scrollTop = 0;

    let text = articleText(article) ?? cache.get(id);
    if (text === undefined) {
      text = await fetchArticleText(id);
      cache.set(id, text);
    }
    if (shown !== id) return; // another article was opened meanwhile
    if (text === null) {
      body.replaceChildren(
        el('p', {
          className: 'muted',
          text: 'The text of this article is not available: the graph file does not carry it and no newsgraph server can read it.',
        }),
      );
      if (evidence) body.appendChild(el('blockquote', { className: 'evidence-focus', text: evidence.sentence }));
      return;
    }
    const names = namesIn(context.graph, id);
    const keys = [...names.keys()].sort((a, b) => b.length - a.length);
    const pattern = keys.length
      ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${keys.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'giu')
      : null;
    const span = evidence ? locate(text, evidence.sentence) : null;
    clear(body);
    let offset = 0;
    let target: HTMLElement | null = null;
    for (const paragraph of text.split(/\n\s*\n/)) {
      const start = text.indexOf(paragraph, offset);
      offset = start + paragraph.length;
      if (!paragraph.trim()) continue;
      const p = el('p');
      if (span && span.start < offset && span.end > start) {
        const from = Math.max(0, span.start - start);
        const to = Math.min(paragraph.length, span.end - start);
        const mark = el('mark', { className: 'evidence-focus' });
        mark.appendChild(linkNames(paragraph.slice(from, to), names, pattern, context.select, context.graph));
        p.append(
          linkNames(paragraph.slice(0, from), names, pattern, context.select, context.graph),
          mark,
          linkNames(paragraph.slice(to), names, pattern, context.select, context.graph),
        );
        target ??= mark;
      } else {
        p.appendChild(linkNames(paragraph, names, pattern, context.select, context.graph));
      }
      body.appendChild(p);
    }
    target?.scrollIntoView({ block: 'center' });
  };

  return { open, close, current: () => shown };
}
