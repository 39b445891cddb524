/** Rules over the whole document's mention drafts: a name's kind is kept consistent across sentences and lists. */

import type { Sentence } from '../types.js';
import { isStopWordCapitalised } from './lexicon.js';
import type { MentionDraft } from './mentions.js';

/**
 * Document-level consistency: once "Olaf Scholz" is a person, a later lone "Scholz" (or "Olaf") the tagger or the
 * rules left untyped is that person too.
 */
export function repeatedNames(sentences: Sentence[], drafts: MentionDraft[]): MentionDraft[] {
  const parts = new Set<string>();
  for (const d of drafts) {
    if (d.kind !== 'person' || d.tokenEnd - d.tokenStart < 2) continue;
    const tokens = sentences[d.sentence]!.tokens;
    for (const k of [d.tokenStart, d.tokenEnd - 1]) {
      const t = tokens[k]!.text;
      if (/^\p{Lu}\p{L}+$/u.test(t) && !isStopWordCapitalised(t)) parts.add(t);
    }
  }
  if (parts.size === 0) return [];
  const out: MentionDraft[] = [];
  const bySentence = new Map<number, MentionDraft[]>();
  for (const d of drafts) {
    const list = bySentence.get(d.sentence) ?? [];
    list.push(d);
    bySentence.set(d.sentence, list);
  }
  sentences.forEach((s, si) => {
    const taken = new Uint8Array(s.tokens.length);
    for (const d of bySentence.get(si) ?? []) taken.fill(1, d.tokenStart, d.tokenEnd);
    s.tokens.forEach((t, k) => {
      if (!parts.has(t.text)) return;
      if (taken[k]) return;
      // A lone name: not glued to another capitalised word ("Scholz Group" is something else).
      const next = s.tokens[k + 1]?.text ?? '';
      const prev = s.tokens[k - 1]?.text ?? '';
      if (/^\p{Lu}/u.test(next) || (k > 0 && /^\p{Lu}/u.test(prev) && !isStopWordCapitalised(prev))) return;
      out.push({
        sentence: si,
        tokenStart: k,
        tokenEnd: k + 1,
        kind: 'person',
        rule: 'rule:known-name',
        canonical: null,
      });
    });
  });
  return out;
}

/**
 * Coordinated names share a type: in "Taiwan, Tibet, Xinjiang and Hong Kong", a lone single-word "person" among
 * places and states, never seen with a full name in the article, is a place the tagger mistyped; in a list with
 * two or more bodies the data knows, a lone single-word "person" or "place" is a body.
 */
export function retypeByCoordination(sentences: Sentence[], drafts: MentionDraft[]): void {
  const fullNames = new Set<string>();
  for (const d of drafts) {
    if (d.kind !== 'person' || d.tokenEnd - d.tokenStart < 2) continue;
    for (const t of sentences[d.sentence]!.tokens.slice(d.tokenStart, d.tokenEnd)) fullNames.add(t.text);
  }
  const bySentence = new Map<number, MentionDraft[]>();
  for (const d of drafts) {
    const list = bySentence.get(d.sentence);
    if (list) list.push(d);
    else bySentence.set(d.sentence, [d]);
  }
  for (const [si, list] of bySentence) {
    const tokens = sentences[si]!.tokens;
    list.sort((a, b) => a.tokenStart - b.tokenStart);
    let run: MentionDraft[] = [];
    const settle = () => {
      const located = run.filter((d) => d.kind === 'place' || d.kind === 'state').length;
      if (run.length >= 3 && located >= 2) {
        for (const d of run) {
          const text = tokens[d.tokenStart]!.text;
          if (
            d.kind === 'person' &&
            d.tokenEnd - d.tokenStart === 1 &&
            d.rule.startsWith('ner:') &&
            !fullNames.has(text)
          ) {
            d.kind = 'place';
            d.rule = 'rule:coordination';
          }
        }
      }
      // "Volkswagen, Daimler and BMW": a list of bodies the data knows makes its other single names bodies too; so
      // does a list that is half bodies or more, or holds one such body and another ("X, Y, Z Music and W Play"), or a pair with a body the data
      // knows ("Hamas and X").
      const known = run.filter((d) => d.gazetteer?.type === 'organisation').length;
      const bodies = run.filter((d) => d.kind === 'organisation').length;
      if (
        (run.length >= 3 && (known >= 2 || bodies * 2 >= run.length || (known >= 1 && bodies >= 2))) ||
        (run.length === 2 && known === 1)
      ) {
        for (const d of run) {
          const text = tokens[d.tokenStart]!.text;
          if (
            (d.kind === 'person' || d.kind === 'place') &&
            d.tokenEnd - d.tokenStart === 1 &&
            d.rule.startsWith('ner:') &&
            !fullNames.has(text)
          ) {
            d.kind = 'organisation';
            d.rule = 'rule:coordination';
          }
        }
      }
      run = [];
    };
    for (const d of list) {
      const prev = run[run.length - 1];
      if (prev) {
        const between = tokens
          .slice(prev.tokenEnd, d.tokenStart)
          .map((t) => t.text.toLowerCase())
          .join(' ');
        if (!(between === ',' || between === 'and' || between === 'or' || between === ', and' || between === ', or'))
          settle();
      }
      run.push(d);
    }
    settle();
  }
}
