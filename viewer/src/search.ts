/**
 * The "Search entities" combobox (and the Path form's From and To): autocomplete over labels and aliases (word
 * prefixes rank before substrings, then more-mentioned entities first). When nothing matches, the closest names
 * are offered, as the CLI does (src/query/names.ts). Entities that share a label are told apart by kind,
 * mentions and their strongest relation. Choosing a suggestion, or Enter, chooses that entity.
 */

import type { NewsGraph } from '../../src/graph/types.js';
import { NameIndex } from '../../src/query/names.js';
import { kindColor } from './appearance.js';
import { clear, el } from './dom.js';
import type { ViewerGraph } from './model.js';

interface Entry {
  node: string;
  label: string;
  /** Lower-cased label and aliases. */
  names: string[];
  mentions: number;
  kind: string;
}

export interface Match {
  node: string;
  label: string;
  kind: string;
  /** The alias that matched, when it was not the label. */
  via: string | null;
  /** Set when another match has the same label: kind, mentions and the strongest relation. */
  detail: string | null;
  /** A close spelling, offered because nothing matched as typed. */
  closest: boolean;
}

const LIMIT = 10;

export class SearchIndex {
  private readonly entries: Entry[] = [];
  private names: NameIndex | null = null;

  constructor(private readonly graph: ViewerGraph) {
    graph.forEachNode((node, attributes) => {
      this.entries.push({
        node,
        label: attributes.label,
        names: [attributes.label, ...(attributes.aliases ?? [])].map((name) => name.toLowerCase()),
        mentions: attributes.mentions ?? 0,
        kind: attributes.kind,
      });
    });
  }

  find(query: string, visible: ReadonlySet<string> | null = null): Match[] {
    const q = query.trim().toLowerCase();
    if (!q) return [];
    const scored: Array<{ entry: Entry; score: number; via: string | null }> = [];
    for (const entry of this.entries) {
      let best = Infinity;
      let via: string | null = null;
      entry.names.forEach((name, index) => {
        let score = Infinity;
        if (name === q) score = 0;
        else if (name.startsWith(q)) score = 1;
        else if (name.split(/[\s\-–'’.]+/).some((word) => word.startsWith(q))) score = 2;
        else if (name.includes(q)) score = 3;
        if (index > 0) score += 0.5; // the label beats an alias at the same rank
        if (score < best) {
          best = score;
          via = index > 0 ? name : null;
        }
      });
      if (best < Infinity) scored.push({ entry, score: best + (visible && !visible.has(entry.node) ? 10 : 0), via });
    }
    scored.sort(
      (a, b) => a.score - b.score || b.entry.mentions - a.entry.mentions || a.entry.label.localeCompare(b.entry.label),
    );
    const matches = scored.slice(0, LIMIT).map(({ entry, via }) => this.match(entry.node, via, false));
    return this.disambiguate(matches.length ? matches : this.closest(query));
  }

  /** The nearest names, through the CLI's trigram index and edit distance (built on the first miss). */
  private closest(query: string): Match[] {
    this.names ??= new NameIndex(this.graph as unknown as NewsGraph);
    const nodes: string[] = [];
    for (const label of this.names.suggest(query, LIMIT))
      for (const node of this.names.lookup(label)) if (!nodes.includes(node)) nodes.push(node);
    return nodes.slice(0, LIMIT).map((node) => this.match(node, null, true));
  }

  private match(node: string, via: string | null, closest: boolean): Match {
    const attributes = this.graph.getNodeAttributes(node);
    return { node, label: attributes.label, kind: attributes.kind, via, detail: null, closest };
  }

  private disambiguate(matches: Match[]): Match[] {
    const counts = new Map<string, number>();
    for (const match of matches)
      counts.set(match.label.toLowerCase(), (counts.get(match.label.toLowerCase()) ?? 0) + 1);
    for (const match of matches)
      if ((counts.get(match.label.toLowerCase()) ?? 0) > 1) match.detail = this.describe(match.node);
    return matches;
  }

  /** "person · 12 mentions · speaks-for Ruritania". */
  describe(node: string): string {
    const graph = this.graph;
    const attributes = graph.getNodeAttributes(node);
    let best: string | null = null;
    let bestWeight = -1;
    graph.forEachEdge(node, (_edge, edge, source, target) => {
      if (edge.weight <= bestWeight) return;
      bestWeight = edge.weight;
      best =
        source === node
          ? `${edge.relation} ${graph.getNodeAttribute(target, 'label')}`
          : `${graph.getNodeAttribute(source, 'label')} ${edge.relation}`;
    });
    return [attributes.kind, `${attributes.mentions} mention${attributes.mentions === 1 ? '' : 's'}`, best]
      .filter(Boolean)
      .join(' · ');
  }
}

export interface SearchBox {
  setIndex(index: SearchIndex, visible: () => ReadonlySet<string>): void;
  clear(): void;
}

export interface ComboboxOptions {
  /** The accessible name. */
  label: string;
  /** Prefix for element ids (unique per page). */
  id: string;
  placeholder: string;
}

export interface Combobox extends SearchBox {
  input: HTMLInputElement;
  /** The entity last chosen, or null. */
  chosen(): string | null;
  setChosen(node: string | null, label: string): void;
}

export function createSearchBox(container: HTMLElement, onChoose: (node: string) => void): SearchBox {
  return createCombobox(
    container,
    { label: 'Search entities', id: 'search', placeholder: 'Search entities…' },
    onChoose,
  );
}

export function createCombobox(
  container: HTMLElement,
  options: ComboboxOptions,
  onChoose: (node: string) => void,
): Combobox {
  const input = el('input', {
    className: 'search-input',
    attrs: {
      type: 'search',
      'aria-label': options.label,
      placeholder: options.placeholder,
      role: 'combobox',
      'aria-autocomplete': 'list',
      'aria-expanded': 'false',
      'aria-controls': `${options.id}-results`,
      autocomplete: 'off',
      spellcheck: 'false',
    },
  });
  const list = el('ul', {
    className: 'search-results',
    attrs: { id: `${options.id}-results`, role: 'listbox', 'aria-label': `Matching entities (${options.label})` },
  });
  list.hidden = true;
  container.append(input, list);

  let index: SearchIndex | null = null;
  let visible: () => ReadonlySet<string> = () => new Set();
  let matches: Match[] = [];
  let active = -1;
  let chosenNode: string | null = null;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const choose = (match: Match | undefined) => {
    if (!match) return;
    input.value = match.label;
    chosenNode = match.node;
    close();
    onChoose(match.node);
  };
  const paint = () => {
    clear(list);
    matches.forEach((match, i) => {
      const swatch = el('span', { className: 'swatch' });
      swatch.style.background = kindColor(match.kind);
      const option = el(
        'li',
        { attrs: { role: 'option', id: `${options.id}-option-${i}`, 'aria-selected': String(i === active) } },
        [
          swatch,
          el('span', { className: 'option-text' }, [
            el('span', { className: 'option-label', text: match.label }),
            match.detail ? el('span', { className: 'option-detail', text: match.detail }) : null,
          ]),
          match.via ? el('span', { className: 'option-via', text: `“${match.via}”` }) : null,
          el('span', { className: 'option-kind', text: match.closest ? `closest · ${match.kind}` : match.kind }),
        ],
      );
      // mousedown, not click: it fires before the input loses focus and closes the list.
      option.addEventListener('mousedown', (event) => {
        event.preventDefault();
        choose(match);
      });
      list.appendChild(option);
    });
    if (active >= 0) input.setAttribute('aria-activedescendant', `${options.id}-option-${active}`);
    else input.removeAttribute('aria-activedescendant');
    list.hidden = matches.length === 0;
    input.setAttribute('aria-expanded', String(matches.length > 0));
  };

  input.addEventListener('input', () => {
    chosenNode = null;
    matches = index ? index.find(input.value, visible()) : [];
    active = -1;
    paint();
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!matches.length) return;
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      active = (active + step + matches.length) % matches.length;
      paint();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (!matches.length && index) matches = index.find(input.value, visible());
      choose(matches[Math.max(active, 0)]);
    } else if (event.key === 'Escape') {
      close();
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 100));
  input.addEventListener('focus', () => {
    if (matches.length) paint();
  });

  return {
    input,
    chosen: () => chosenNode,
    setChosen(node, label) {
      chosenNode = node;
      input.value = label;
    },
    setIndex(next, getVisible) {
      index = next;
      visible = getVisible;
      matches = [];
      close();
    },
    clear() {
      input.value = '';
      chosenNode = null;
      matches = [];
      close();
    },
  };
}
