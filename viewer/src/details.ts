/**
 * The "Entity details" panel: what an entity is, where it was read, and each relation with the sentences that
 * justify it. Everything from the graph goes in through textContent (see ./dom.ts).
 */

import { ENTITY_KINDS } from '../../src/extract/types.js';
import { kindColor, relationColor } from './appearance.js';
import { clear, el } from './dom.js';
import { highlightNames } from './evidence.js';
import { type ArticleRecord, articleDay, type EdgeEvidence, edgeBasis, type ViewerGraph } from './model.js';

export interface DetailsContext {
  graph: ViewerGraph;
  articles: ReadonlyMap<string, ArticleRecord>;
  visibleEdges: ReadonlySet<string>;
  /** The neighbourhood shown now, if any: the Focus button then reads "Focus here". */
  focusHops: 1 | 2;
  select(node: string): void;
  close(): void;
  focus(node: string, hops: 1 | 2): void;
  openArticle(id: string, evidence: EdgeEvidence | null): void;
  correctKind(node: string, kind: string): void;
  merge(from: string, into: string): void;
  /** A combobox over the entities, for "Merge into". */
  entityPicker(container: HTMLElement, label: string): { chosen(): string | null };
}

const EVIDENCE_SHOWN = 3;
/** Articles listed before "Show all". */
const ARTICLES_SHOWN = 5;

function names(graph: ViewerGraph, node: string): string[] {
  const attributes = graph.getNodeAttributes(node);
  return [attributes.label, ...(attributes.aliases ?? [])];
}

/** An article's title as a button that opens it in the Article region (at `evidence`, when given). */
function articleLine(context: DetailsContext, id: string, evidence: EdgeEvidence | null): HTMLElement {
  const article = context.articles.get(id);
  const day = articleDay(article);
  const title = article?.title || article?.file || id;
  const parts = [article?.source, day].filter((part): part is string => Boolean(part));
  const titleNode = el('button', {
    className: 'link article-open',
    text: title,
    attrs: { type: 'button' },
    title: 'Read the article',
  });
  titleNode.addEventListener('click', () => context.openArticle(id, evidence));
  return el('span', { className: 'article' }, [
    el('cite', {}, [titleNode]),
    parts.length ? el('span', { className: 'article-meta', text: ` — ${parts.join(', ')}` }) : null,
  ]);
}

function evidenceItem(context: DetailsContext, evidence: EdgeEvidence, focus: string, other: string): HTMLElement {
  const sentence = el('q', { className: 'sentence', title: 'Read in the article' });
  // The sentence itself opens the article there (the title button is the keyboard route).
  sentence.addEventListener('click', () => context.openArticle(evidence.article, evidence));
  sentence.appendChild(
    highlightNames(evidence.sentence, [
      { names: names(context.graph, focus), className: 'mark-focus' },
      { names: names(context.graph, other), className: 'mark-other' },
    ]),
  );
  const qualifiers = Object.entries(evidence.qualifiers ?? {}).map(([key, value]) => `${key}: ${value}`);
  if (evidence.former === true) qualifiers.unshift('former');
  return el('li', { className: 'evidence' }, [
    sentence,
    el('div', { className: 'evidence-source' }, [
      articleLine(context, evidence.article, evidence),
      el('span', {
        className: 'rule',
        text: `rule ${evidence.rule}${qualifiers.length ? ` · ${qualifiers.join(', ')}` : ''}`,
      }),
    ]),
  ]);
}

function relationItem(context: DetailsContext, edge: string, focus: string): HTMLElement {
  const { graph } = context;
  const attributes = graph.getEdgeAttributes(edge);
  const outgoing = graph.source(edge) === focus;
  const other = outgoing ? graph.target(edge) : graph.source(edge);
  const otherAttributes = graph.getNodeAttributes(other);
  const otherButton = el('button', {
    className: 'link entity-link',
    text: otherAttributes.label,
    attrs: { type: 'button' },
    title: `Show ${otherAttributes.label}`,
  });
  otherButton.addEventListener('click', () => context.select(other));
  const chip = el('span', { className: 'relation-chip', text: attributes.relation });
  chip.style.setProperty('--chip', relationColor(attributes.relation));
  const statements = attributes.evidence.length;
  // Read as a sentence about the focused entity: "Sergei Lavrov speaks-for" (incoming), "opposes NATO" (outgoing).
  const direction = outgoing
    ? `${graph.getNodeAttribute(focus, 'label')} ${attributes.relation} ${otherAttributes.label}`
    : `${otherAttributes.label} ${attributes.relation} ${graph.getNodeAttribute(focus, 'label')}`;
  chip.title = direction;
  const header = el('div', { className: 'relation-head', attrs: { 'aria-label': direction } }, [
    outgoing ? chip : otherButton,
    outgoing ? otherButton : chip,
    edgeBasis(attributes) === 'knowledge'
      ? el('span', {
          className: 'basis',
          text: 'knowledge',
          title: 'Added from background knowledge, not read in the text',
        })
      : null,
    attributes.former === true
      ? el('span', { className: 'basis', text: 'former', title: 'Every statement gives this role as past' })
      : null,
    el('span', {
      className: 'confidence',
      text: `confidence ${attributes.confidence.toFixed(2)}`,
      title: `${statements} statement${statements === 1 ? '' : 's'}`,
    }),
  ]);
  const list = el('ol', { className: 'evidence-list' });
  const render = (count: number) => {
    clear(list);
    for (const evidence of attributes.evidence.slice(0, count))
      list.appendChild(evidenceItem(context, evidence, focus, other));
  };
  render(EVIDENCE_SHOWN);
  const item = el('li', { className: 'relation', attrs: { 'data-edge': edge } }, [header, list]);
  if (statements > EVIDENCE_SHOWN) {
    const more = el('button', {
      className: 'link more',
      text: `Show all ${statements} statements`,
      attrs: { type: 'button' },
    });
    more.addEventListener('click', () => {
      render(statements);
      more.remove();
    });
    item.appendChild(more);
  }
  return item;
}

export function renderDetails(panel: HTMLElement, context: DetailsContext, node: string): void {
  const { graph } = context;
  const attributes = graph.getNodeAttributes(node);
  clear(panel);
  const close = el('button', {
    className: 'icon-button close',
    text: '×',
    attrs: { type: 'button', 'aria-label': 'Close details' },
  });
  close.addEventListener('click', () => context.close());
  const kind = el('span', { className: 'kind-chip', text: attributes.kind });
  kind.style.setProperty('--chip', kindColor(attributes.kind));

  const edges = [...graph.edges(node)];
  const shown = edges
    .filter((edge) => context.visibleEdges.has(edge))
    .sort((a, b) => {
      const x = graph.getEdgeAttributes(a);
      const y = graph.getEdgeAttributes(b);
      return y.confidence - x.confidence || y.weight - x.weight || x.relation.localeCompare(y.relation);
    });

  const facts = el('dl', { className: 'facts' }, [
    el('dt', { text: 'Kind' }),
    el('dd', {}, [kind]),
    el('dt', { text: 'Mentions' }),
    el('dd', { text: String(attributes.mentions) }),
    attributes.aliases.length ? el('dt', { text: 'Also called' }) : null,
    attributes.aliases.length ? el('dd', { className: 'aliases', text: attributes.aliases.join(' · ') }) : null,
    attributes.rules.length ? el('dt', { text: 'Found by' }) : null,
    attributes.rules.length ? el('dd', { className: 'rule', text: attributes.rules.join(', ') }) : null,
  ]);

  // Newest first: a reader usually wants the latest coverage.
  const articleIds = [...attributes.articles].sort((a, b) =>
    (articleDay(context.articles.get(b)) ?? '').localeCompare(articleDay(context.articles.get(a)) ?? ''),
  );
  const articles = el('ul', { className: 'articles', attrs: { 'aria-label': 'Articles' } });
  const listArticles = (count: number) =>
    articles.replaceChildren(...articleIds.slice(0, count).map((id) => el('li', {}, [articleLine(context, id, null)])));
  listArticles(ARTICLES_SHOWN);
  let moreArticles: HTMLElement | null = null;
  if (articleIds.length > ARTICLES_SHOWN) {
    moreArticles = el('button', {
      className: 'link more',
      text: `Show all ${articleIds.length} articles`,
      attrs: { type: 'button' },
    });
    moreArticles.addEventListener('click', () => {
      listArticles(articleIds.length);
      moreArticles?.remove();
    });
  }

  const hops = el('select', { className: 'hops', attrs: { 'aria-label': 'Hops' } }, [
    el('option', { text: '1 hop', attrs: { value: '1' } }),
    el('option', { text: '2 hops', attrs: { value: '2' } }),
  ]);
  hops.value = String(context.focusHops);
  const focus = el('button', {
    className: 'button small',
    text: 'Focus',
    attrs: { type: 'button' },
    title: 'Show only this entity and its neighbours',
  });
  focus.addEventListener('click', () => context.focus(node, hops.value === '2' ? 2 : 1));

  const kindSelect = el(
    'select',
    { attrs: { 'aria-label': 'Correct kind' } },
    ENTITY_KINDS.map((k) => el('option', { text: k, attrs: { value: k } })),
  );
  kindSelect.value = attributes.kind;
  const setKind = el('button', { className: 'button small', text: 'Set kind', attrs: { type: 'button' } });
  setKind.addEventListener('click', () => context.correctKind(node, kindSelect.value));
  const pickerBox = el('div', { className: 'search merge-picker' });
  const picker = context.entityPicker(pickerBox, 'Merge into');
  const merge = el('button', { className: 'button small', text: 'Merge', attrs: { type: 'button' } });
  merge.addEventListener('click', () => {
    const into = picker.chosen();
    if (into && into !== node) context.merge(node, into);
  });
  const corrections = el('details', { className: 'corrections' }, [
    el('summary', { text: 'Correct this entity' }),
    el('div', { className: 'row' }, [kindSelect, setKind]),
    el('div', { className: 'row' }, [pickerBox, merge]),
  ]);

  const relations = el(
    'ol',
    { className: 'relations', attrs: { 'aria-label': 'Relations' } },
    shown.map((edge) => relationItem(context, edge, node)),
  );
  const hidden = edges.length - shown.length;

  panel.replaceChildren(
    el('header', { className: 'details-head' }, [
      el('h2', { text: attributes.label, attrs: { id: 'details-title' } }),
      close,
    ]),
    facts,
    el('div', { className: 'row focus-row' }, [focus, hops]),
    el('h3', { text: `Relations (${shown.length})` }),
    shown.length ? relations : el('p', { className: 'muted', text: 'No relations pass the current filters.' }),
  );
  if (hidden > 0) panel.appendChild(el('p', { className: 'muted', text: `${hidden} more hidden by the filters.` }));
  panel.append(el('h3', { text: `Articles (${attributes.articles.length})` }), articles);
  if (moreArticles) panel.appendChild(moreArticles);
  panel.appendChild(corrections);
  panel.hidden = false;
  panel.scrollTop = 0;
}

/** Scrolls the details panel to one relation (after a click on its edge) and marks it for a moment. */
export function revealRelation(panel: HTMLElement, edge: string): void {
  for (const item of panel.querySelectorAll<HTMLElement>('li.relation')) {
    if (item.dataset.edge !== edge) continue;
    item.scrollIntoView({ block: 'center' });
    item.classList.add('flash');
    setTimeout(() => item.classList.remove('flash'), 1600);
  }
}
