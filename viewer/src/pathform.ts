/**
 * The "Path" form: From and To (with the search's suggestions), the relations a path may use and a minimum
 * confidence; it lists the shortest paths as chains whose relations open onto their evidence, and the graph
 * highlights them.
 */
import { clear, el } from './dom.js';
import type { ViewerGraph } from './model.js';
import type { FoundPaths, PathLimits } from './paths.js';
import { edgesBetween } from './paths.js';
import { type Combobox, createCombobox, type SearchIndex } from './search.js';

export interface PathFormApi {
  graph: ViewerGraph;
  relations: Array<[string, number]>;
  find(from: string, to: string, limits: PathLimits): FoundPaths;
  clear(): void;
  selectNode(node: string): void;
  openEdge(edge: string): void;
}

export interface PathForm {
  root: HTMLElement;
  setIndex(index: SearchIndex, visible: () => ReadonlySet<string>): void;
  /** Fills the form and runs it (a path restored from the URL). */
  run(from: string, to: string): void;
  fromBox: Combobox;
  toBox: Combobox;
}

export function createPathForm(api: PathFormApi): PathForm {
  const { graph } = api;
  const form = el('form', { className: 'path-form', attrs: { 'aria-label': 'Path' } });
  const fromWrap = el('div', { className: 'search inline' });
  const toWrap = el('div', { className: 'search inline' });
  const fromBox = createCombobox(fromWrap, { label: 'From', id: 'path-from', placeholder: 'From…' }, () => undefined);
  const toBox = createCombobox(toWrap, { label: 'To', id: 'path-to', placeholder: 'To…' }, () => undefined);
  const relations = el(
    'select',
    {
      attrs: {
        multiple: '',
        'aria-label': 'Path relations',
        size: String(Math.min(5, Math.max(2, api.relations.length))),
      },
    },
    api.relations.map(([name]) => el('option', { text: name, attrs: { value: name } })),
  );
  const confidence = el('input', {
    attrs: { type: 'number', min: '0', max: '1', step: '0.05', value: '0', 'aria-label': 'Path minimum confidence' },
  });
  const submit = el('button', { className: 'button small', text: 'Find paths', attrs: { type: 'submit' } });
  const reset = el('button', { className: 'button small', text: 'Clear path', attrs: { type: 'button' } });
  const status = el('p', { className: 'muted', attrs: { role: 'status' } });
  const results = el('ol', { className: 'paths', attrs: { 'aria-label': 'Paths found' } });
  form.append(
    fromWrap,
    toWrap,
    el('label', { className: 'field-label', text: 'Using relations (none selected: all)' }),
    relations,
    el('div', { className: 'row' }, [el('span', { text: 'Min. confidence' }), confidence]),
    el('div', { className: 'row' }, [submit, reset]),
    status,
    results,
  );

  const show = (found: FoundPaths) => {
    clear(results);
    if (found.length === null) {
      status.textContent = 'No path joins them through the relations shown.';
      return;
    }
    status.textContent = `${found.paths.length} shortest path${found.paths.length === 1 ? '' : 's'} of ${found.length} step${found.length === 1 ? '' : 's'}`;
    for (const path of found.paths) {
      const chain = el('li', { className: 'path-chain' });
      path.forEach((node, i) => {
        if (i > 0) {
          const edge = edgesBetween(graph, path[i - 1]!, node).find((e) => found.edges.has(e));
          if (edge) {
            const attributes = graph.getEdgeAttributes(edge);
            const forward = graph.source(edge) === path[i - 1];
            const step = el('button', {
              className: 'link relation-step',
              text: `${forward ? '' : '← '}${attributes.relation}${forward ? ' →' : ''}`,
              attrs: { type: 'button' },
              title: 'Show the evidence',
            });
            step.addEventListener('click', () => api.openEdge(edge));
            chain.append(' ', step, ' ');
          }
        }
        const entity = el('button', {
          className: 'link entity-link',
          text: graph.getNodeAttribute(node, 'label'),
          attrs: { type: 'button' },
        });
        entity.addEventListener('click', () => api.selectNode(node));
        chain.appendChild(entity);
      });
      results.appendChild(chain);
    }
  };

  const run = (from: string, to: string) => {
    const limits: PathLimits = {
      relations: new Set([...relations.selectedOptions].map((option) => option.value)),
      minConfidence: Math.min(1, Math.max(0, Number(confidence.value) || 0)),
    };
    show(api.find(from, to, limits));
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const from = fromBox.chosen();
    const to = toBox.chosen();
    if (!from || !to) {
      status.textContent = 'Choose both entities from the suggestions.';
      return;
    }
    if (from === to) {
      status.textContent = 'Choose two different entities.';
      return;
    }
    run(from, to);
  });
  reset.addEventListener('click', () => {
    fromBox.clear();
    toBox.clear();
    clear(results);
    status.textContent = '';
    api.clear();
  });

  return {
    root: form,
    fromBox,
    toBox,
    setIndex(index, visible) {
      fromBox.setIndex(index, visible);
      toBox.setIndex(index, visible);
    },
    run(from, to) {
      fromBox.setChosen(from, graph.getNodeAttribute(from, 'label'));
      toBox.setChosen(to, graph.getNodeAttribute(to, 'label'));
      run(from, to);
    },
  };
}
