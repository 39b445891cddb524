/**
 * The "Entity details" panel: what an entity is, where it was read, and each relation with the sentences that
 * justify it. Everything from the graph goes in through textContent (see ./dom.ts).
 */
import { kindColor, relationColor } from './appearance.js';
import { clear, el } from './dom.js';
import { highlightNames } from './evidence.js';
import { articleDay, type ArticleRecord, type EdgeEvidence, type ViewerGraph } from './model.js';

export interface DetailsContext {
  graph: ViewerGraph;
  articles: ReadonlyMap<string, ArticleRecord>;
  visibleEdges: ReadonlySet<string>;
  select(node: string): void;
  close(): void;
}

const EVIDENCE_SHOWN = 3;

function names(graph: ViewerGraph, node: string): string[] {
  const attributes = graph.getNodeAttributes(node);
  return [attributes.label, ...(attributes.aliases ?? [])];
}

function articleLine(article: ArticleRecord | undefined, id: string): HTMLElement {
  const day = articleDay(article);
  const title = article?.title || article?.file || id;
  const parts = [article?.source, day].filter((part): part is string => Boolean(part));
  const titleNode = article?.url && /^https?:\/\//i.test(article.url)
    ? el('a', { text: title, attrs: { href: article.url, target: '_blank', rel: 'noopener noreferrer' } })
    : el('span', { text: title });
  return el('span', { className: 'article' }, [el('cite', {}, [titleNode]), parts.length ? el('span', { className: 'article-meta', text: ` — ${parts.join(', ')}` }) : null]);
}

function evidenceItem(context: DetailsContext, evidence: EdgeEvidence, focus: string, other: string): HTMLElement {
  const sentence = el('q', { className: 'sentence' });
  sentence.appendChild(
    highlightNames(evidence.sentence, [
      { names: names(context.graph, focus), className: 'mark-focus' },
      { names: names(context.graph, other), className: 'mark-other' },
    ]),
  );
  const qualifiers = Object.entries(evidence.qualifiers ?? {}).map(([key, value]) => `${key}: ${value}`);
  return el('li', { className: 'evidence' }, [
    sentence,
    el('div', { className: 'evidence-source' }, [
      articleLine(context.articles.get(evidence.article), evidence.article),
      el('span', { className: 'rule', text: `rule ${evidence.rule}${qualifiers.length ? ` · ${qualifiers.join(', ')}` : ''}` }),
    ]),
  ]);
}

function relationItem(context: DetailsContext, edge: string, focus: string): HTMLElement {
  const { graph } = context;
  const attributes = graph.getEdgeAttributes(edge);
  const outgoing = graph.source(edge) === focus;
  const other = outgoing ? graph.target(edge) : graph.source(edge);
  const otherAttributes = graph.getNodeAttributes(other);
  const otherButton = el('button', { className: 'link entity-link', text: otherAttributes.label, attrs: { type: 'button' }, title: `Show ${otherAttributes.label}` });
  otherButton.addEventListener('click', () => context.select(other));
  const chip = el('span', { className: 'relation-chip', text: attributes.relation });
  chip.style.setProperty('--chip', relationColor(attributes.relation));
  const statements = attributes.evidence.length;
  // Read as a sentence about the focused entity: "Sergei Lavrov speaks-for" (incoming), "opposes NATO" (outgoing).
  const direction = outgoing ? `${graph.getNodeAttribute(focus, 'label')} ${attributes.relation} ${otherAttributes.label}` : `${otherAttributes.label} ${attributes.relation} ${graph.getNodeAttribute(focus, 'label')}`;
  chip.title = direction;
  const header = el('div', { className: 'relation-head', attrs: { 'aria-label': direction } }, [
    outgoing ? chip : otherButton,
    outgoing ? otherButton : chip,
    el('span', { className: 'confidence', text: `confidence ${attributes.confidence.toFixed(2)}`, title: `${statements} statement${statements === 1 ? '' : 's'}` }),
  ]);
  const list = el('ol', { className: 'evidence-list' });
  const render = (count: number) => {
    clear(list);
    for (const evidence of attributes.evidence.slice(0, count)) list.appendChild(evidenceItem(context, evidence, focus, other));
  };
  render(EVIDENCE_SHOWN);
  const item = el('li', { className: 'relation', attrs: { 'data-edge': edge } }, [header, list]);
  if (statements > EVIDENCE_SHOWN) {
    const more = el('button', { className: 'link more', text: `Show all ${statements} statements`, attrs: { type: 'button' } });
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
  const close = el('button', { className: 'icon-button close', text: '×', attrs: { type: 'button', 'aria-label': 'Close details' } });
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

  const articles = el(
    'ul',
    { className: 'articles' },
    attributes.articles.map((id) => el('li', {}, [articleLine(context.articles.get(id), id)])),
  );

  const relations = el('ol', { className: 'relations', attrs: { 'aria-label': 'Relations' } }, shown.map((edge) => relationItem(context, edge, node)));
  const hidden = edges.length - shown.length;

  panel.replaceChildren(
    el('header', { className: 'details-head' }, [el('h2', { text: attributes.label, attrs: { id: 'details-title' } }), close]),
    facts,
    el('h3', { text: `Articles (${attributes.articles.length})` }),
    articles,
    el('h3', { text: `Relations (${shown.length})` }),
    shown.length ? relations : el('p', { className: 'muted', text: 'No relations pass the current filters.' }),
  );
  if (hidden > 0) panel.appendChild(el('p', { className: 'muted', text: `${hidden} more hidden by the filters.` }));
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
