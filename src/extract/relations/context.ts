/** Builds the article-wide context the rules share: state lookup, state bodies, the main state, capitals. */
import type { DocAnalysis } from '../types.js';
import type { ArticleContext } from './rule.js';
import { bodyCountry, COUNTRIES, statesByCountry } from './states.js';
import { sentenceUnits } from './units.js';

const capitalCountry = new Map<string, string>();
for (const c of COUNTRIES) for (const cap of c.capital) capitalCountry.set(cap.toLowerCase(), c.cca2);

export function articleContext(doc: DocAnalysis): ArticleContext {
  const stateOf = statesByCountry(doc);
  const bodyOf = new Map<string, string>();
  const capitalOf = new Map<string, string>();
  for (const e of doc.entities.values()) {
    if (e.kind === 'organisation') {
      for (const name of [e.label, ...e.aliases]) {
        const code = bodyCountry(name);
        const state = code ? stateOf.get(code) : undefined;
        if (state) {
          bodyOf.set(e.id, state);
          break;
        }
      }
    } else if (e.kind === 'place') {
      const code = capitalCountry.get(e.label.toLowerCase());
      const state = code ? stateOf.get(code) : undefined;
      if (state) capitalOf.set(e.id, state);
    }
  }
  // The main state: the state with the most mentions, when it has at least two, leads and holds half of them.
  const counts = new Map<string, number>();
  for (const m of doc.mentions) {
    const e = doc.entities.get(m.entityId);
    if (e?.kind === 'state') counts.set(e.id, (counts.get(e.id) ?? 0) + 1);
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const top = ranked[0];
  const second = ranked[1];
  const total = ranked.reduce((n, [, c]) => n + c, 0);
  // Half of all state mentions: below that, "President X" is as likely a foreign leader (measured on DWIE dev).
  const mainState = top && top[1] >= 2 && (!second || top[1] > second[1]) && top[1] >= 0.5 * total ? top[0] : undefined;
  return {
    doc,
    sentences: sentenceUnits(doc),
    stateOf,
    bodyOf,
    voice: new Map(),
    mainState,
    capitalOf,
    pendingTitles: [],
  };
}
