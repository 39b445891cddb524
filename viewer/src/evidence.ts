/** Evidence sentences with the entities' names marked, built from text nodes and <mark> elements only. */
import { el } from './dom.js';

export interface NameSet {
  names: string[];
  className: string;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Marks every whole-word occurrence of the given names (case-insensitive, longest name first so "European Union"
 * wins over "Union"). Returns a fragment: the sentence as text, with <mark> around the names.
 */
export function highlightNames(sentence: string, sets: NameSet[]): DocumentFragment {
  const classOf = new Map<string, string>();
  for (const set of sets) {
    for (const name of set.names) {
      const key = name.trim().toLowerCase();
      if (key.length >= 2 && !classOf.has(key)) classOf.set(key, set.className);
    }
  }
  const fragment = document.createDocumentFragment();
  const names = [...classOf.keys()].sort((a, b) => b.length - a.length);
  if (names.length === 0) {
    fragment.appendChild(document.createTextNode(sentence));
    return fragment;
  }
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${names.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  let last = 0;
  for (const match of sentence.matchAll(pattern)) {
    const start = match.index ?? 0;
    if (start > last) fragment.appendChild(document.createTextNode(sentence.slice(last, start)));
    fragment.appendChild(el('mark', { className: classOf.get(match[0].toLowerCase()) ?? '', text: match[0] }));
    last = start + match[0].length;
  }
  if (last < sentence.length) fragment.appendChild(document.createTextNode(sentence.slice(last)));
  return fragment;
}
