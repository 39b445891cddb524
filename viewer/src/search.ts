/**
 * The "Search entities" combobox: autocomplete over labels and aliases (word prefixes rank before substrings,
 * then more-mentioned entities first). Choosing a suggestion, or Enter, selects that entity.
 */
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
}

const LIMIT = 10;

export class SearchIndex {
  private readonly entries: Entry[] = [];

  constructor(graph: ViewerGraph) {
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
    scored.sort((a, b) => a.score - b.score || b.entry.mentions - a.entry.mentions || a.entry.label.localeCompare(b.entry.label));
    return scored.slice(0, LIMIT).map(({ entry, via }) => ({ node: entry.node, label: entry.label, kind: entry.kind, via }));
  }
}

export interface SearchBox {
  setIndex(index: SearchIndex, visible: () => ReadonlySet<string>): void;
  clear(): void;
}

export function createSearchBox(container: HTMLElement, onChoose: (node: string) => void): SearchBox {
  const input = el('input', {
    className: 'search-input',
    attrs: {
      type: 'search',
      'aria-label': 'Search entities',
      placeholder: 'Search entities…',
      role: 'combobox',
      'aria-autocomplete': 'list',
      'aria-expanded': 'false',
      'aria-controls': 'search-results',
      autocomplete: 'off',
      spellcheck: 'false',
    },
  });
  const list = el('ul', { className: 'search-results', attrs: { id: 'search-results', role: 'listbox', 'aria-label': 'Matching entities' } });
  list.hidden = true;
  container.append(input, list);

  let index: SearchIndex | null = null;
  let visible: () => ReadonlySet<string> = () => new Set();
  let matches: Match[] = [];
  let active = -1;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const choose = (match: Match | undefined) => {
    if (!match) return;
    input.value = match.label;
    close();
    onChoose(match.node);
  };
  const paint = () => {
    clear(list);
    matches.forEach((match, i) => {
      const swatch = el('span', { className: 'swatch' });
      swatch.style.background = kindColor(match.kind);
      const option = el('li', { attrs: { role: 'option', id: `search-option-${i}`, 'aria-selected': String(i === active) } }, [
        swatch,
        el('span', { className: 'option-label', text: match.label }),
        match.via ? el('span', { className: 'option-via', text: `“${match.via}”` }) : null,
        el('span', { className: 'option-kind', text: match.kind }),
      ]);
      // mousedown, not click: it fires before the input loses focus and closes the list.
      option.addEventListener('mousedown', (event) => {
        event.preventDefault();
        choose(match);
      });
      list.appendChild(option);
    });
    if (active >= 0) input.setAttribute('aria-activedescendant', `search-option-${active}`);
    else input.removeAttribute('aria-activedescendant');
    list.hidden = matches.length === 0;
    input.setAttribute('aria-expanded', String(matches.length > 0));
  };

  input.addEventListener('input', () => {
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
    setIndex(next, getVisible) {
      index = next;
      visible = getVisible;
      matches = [];
      close();
    },
    clear() {
      input.value = '';
      matches = [];
      close();
    },
  };
}
