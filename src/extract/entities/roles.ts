/**
 * Role titles next to person mentions, kept as RoleFacts for the relation extractor:
 * - before the name: "French President Emmanuel Macron", "Germany's Foreign Minister Annalena Baerbock",
 *   "Russian Security Council Secretary N. N." (Secretary of the council, and Security Council Secretary of Russia);
 * - after the name: "N. N., Foreign Minister of Y", "N. N., the Chinese foreign minister", "N. N., a spokesman for Z".
 * Titles come from data/titles.json; the entity a role is held in is the mention right before the title, or the
 * "of/for X" after it.
 */
import { nodeKey } from '../../contract/keys.js';
import type { RoleFact, Sentence, Token } from '../types.js';
import { gazetteer, maxTitleTokens, titles } from './gazetteer.js';
import { knowledge } from './knowledge.js';
import type { ResolvedDraft } from './resolve.js';

function titleEndingAt(tokens: readonly Token[], end: number, floor: number): number {
  const set = titles();
  const max = maxTitleTokens();
  for (let len = Math.min(max, end - floor); len >= 1; len--) {
    const key = tokens
      .slice(end - len, end)
      .map((t) => t.text.toLowerCase())
      .join(' ');
    if (set.has(key)) return end - len;
  }
  return -1;
}

function titleStartingAt(tokens: readonly Token[], start: number): number {
  const set = titles();
  const max = maxTitleTokens();
  for (let len = Math.min(max, tokens.length - start); len >= 1; len--) {
    const key = tokens
      .slice(start, start + len)
      .map((t) => t.text.toLowerCase())
      .join(' ');
    if (set.has(key)) return start + len;
  }
  return -1;
}

function spanOf(tokens: readonly Token[], start: number, end: number): { start: number; end: number } {
  return { start: tokens[start]!.start, end: tokens[end - 1]!.end };
}

function textOf(tokens: readonly Token[], start: number, end: number, text: string): string {
  return text.slice(tokens[start]!.start, tokens[end - 1]!.end);
}

/** The state a demonym or country name at token `at` denotes ("Russian Security Council" -> state:russia). */
function stateMatchAt(tokens: readonly Token[], at: number): { id: string; end: number } | null {
  const m = gazetteer().longestAt(
    tokens.map((t) => t.text),
    at,
  );
  const e = m?.entries.find((x) => x.type === 'demonym' || x.type === 'country');
  if (!m || !e || (e.type !== 'demonym' && e.type !== 'country')) return null;
  const c = knowledge().countries.get(e.code);
  return c && c.kind === 'state' ? { id: nodeKey('state', c.label), end: m.end } : null;
}

/** Adds roles to the person mentions of one sentence (mentions sorted by token start). */
export function attachRoles(
  sentence: Sentence,
  mentions: ResolvedDraft[],
  text: string,
): Map<ResolvedDraft, RoleFact[]> {
  const out = new Map<ResolvedDraft, RoleFact[]>();
  const tokens = sentence.tokens;
  const endingAt = (end: number) =>
    mentions.find((m) => m.tokenEnd === end && m.kind !== 'person' && m.kind !== 'topic');
  const startingAt = (start: number) =>
    mentions.find((m) => m.tokenStart === start && m.kind !== 'person' && m.kind !== 'topic');
  mentions.forEach((person, index) => {
    if (person.kind !== 'person') return;
    const roles: RoleFact[] = [];
    const prevEnd = index > 0 ? mentions[index - 1]!.tokenEnd : 0;
    // Before the name.
    const titleStart = titleEndingAt(tokens, person.tokenStart, 0);
    if (titleStart >= 0) {
      // The holder: an organisation the title overlaps ("Security Council" in "Security Council Secretary"), or the
      // mention right before the title, possibly with a possessive ("Russia's Foreign Minister").
      let holder: ResolvedDraft | undefined = mentions.find(
        (m) =>
          m.kind === 'organisation' &&
          m.tokenStart <= titleStart &&
          m.tokenEnd > titleStart &&
          m.tokenEnd < person.tokenStart,
      );
      const roleStart = holder ? holder.tokenEnd : titleStart;
      if (!holder) {
        holder = endingAt(titleStart);
        if (!holder && /^['’]s?$/.test(tokens[titleStart - 1]?.text ?? '')) holder = endingAt(titleStart - 1);
        if (holder && holder.tokenStart < prevEnd && holder !== mentions[index - 1]) holder = undefined;
      }
      roles.push({
        title: textOf(tokens, roleStart, person.tokenStart, text),
        of: holder?.entityId ?? null,
        span: spanOf(tokens, roleStart, person.tokenStart),
      });
      if (holder?.kind === 'organisation') {
        // A national body's state: a demonym opening its name, or the state mention right before it.
        const inner = stateMatchAt(tokens, holder.tokenStart);
        const before = mentions.find((m) => m.kind === 'state' && m.tokenEnd === holder!.tokenStart);
        const state = inner?.id ?? before?.entityId ?? null;
        const from = inner && inner.end < holder.tokenEnd ? inner.end : holder.tokenStart;
        if (state)
          roles.push({
            title: textOf(tokens, from, person.tokenStart, text),
            of: state,
            span: spanOf(tokens, from, person.tokenStart),
          });
      }
    }
    // After the name: ", [the|a] [Chinese|China's] Title [of|for|at X]".
    let k = person.tokenEnd;
    if (tokens[k]?.text === ',') {
      k++;
      if (/^(the|a|an)$/i.test(tokens[k]?.text ?? '')) k++;
      const holder = startingAt(k);
      if (holder) {
        k = holder.tokenEnd;
        if (/^['’]s?$/.test(tokens[k]?.text ?? '')) k++;
      }
      const end = titleStartingAt(tokens, k);
      if (end > k) {
        let ofHolder = holder;
        if (!ofHolder && /^(of|for|at|to)$/i.test(tokens[end]?.text ?? '')) {
          let j = end + 1;
          if (/^the$/i.test(tokens[j]?.text ?? '')) j++;
          ofHolder = startingAt(j);
        }
        roles.push({
          title: textOf(tokens, k, end, text),
          of: ofHolder?.entityId ?? null,
          span: spanOf(tokens, k, end),
        });
      }
    }
    if (roles.length) out.set(person, roles);
  });
  return out;
}
