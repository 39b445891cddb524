/**
 * The entity stage: tokens and sentences, tagger spans plus gazetteers and rules, roles, resolution and topics.
 * Linear in the text (resolution indexes names instead of comparing mentions pairwise); never throws on any text.
 */

import { settleKinds } from './entities/kinds.js';
import { isStopWordCapitalised } from './entities/lexicon.js';
import { detectMentions, type MentionDraft } from './entities/mentions.js';
import { resolveDrafts } from './entities/resolve.js';
import { attachRoles } from './entities/roles.js';
import { detectTopics } from './entities/topics.js';
import { type NerSpan, tagDocument } from './ner/index.js';
import { groupSentences } from './sentences.js';
import { tokenize } from './tokenize.js';
import type { DocAnalysis, EntityMention, Sentence } from './types.js';

let taggerUnavailable = false;

/**
 * The tagger's spans; when the model cannot be loaded (not trained yet, corrupt file), capitalised runs marked as
 * untyped so that gazetteers and rules still find and type the names: a tagger failure must not lose the article.
 */
function safeTag(sentences: string[][]): NerSpan[][] {
  if (!taggerUnavailable) {
    try {
      const out = tagDocument(sentences);
      return sentences.map((_, i) => out[i] ?? []);
    } catch {
      taggerUnavailable = true;
    }
  }
  return sentences.map(capitalisedRuns);
}

function capitalisedRuns(tokens: string[]): NerSpan[] {
  const spans: NerSpan[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (/^\p{Lu}/u.test(tokens[i] ?? '')) {
      let j = i + 1;
      while (j < tokens.length && /^\p{Lu}/u.test(tokens[j] ?? '')) j++;
      spans.push({ start: i, end: j, label: 'MISC', score: 0 });
      i = j;
    } else i++;
  }
  return spans;
}

export interface AnalyseOptions {
  /** A tagger to use instead of the trained model (evaluation with oracle spans, tests). */
  tag?: (sentences: string[][]) => NerSpan[][];
}

export function analyse(text: string, options: AnalyseOptions = {}): DocAnalysis {
  const sentences = groupSentences(text, tokenize(text));
  const tokenLists = sentences.map((s) => s.tokens.map((t) => t.text));
  const tags = options.tag ? options.tag(tokenLists) : safeTag(tokenLists);
  const drafts: MentionDraft[] = [];
  const creditFrom = new Map<number, number>();
  sentences.forEach((s, i) => {
    const found = detectMentions(i, s.tokens, tags[i] ?? []);
    // The closing credits may be glued to the last sentence ("... the brink. mz/msh (AP, AFP, dpa)").
    const credit = i >= sentences.length - 2 ? creditLineStart(s.tokens.map((t) => t.text)) : -1;
    if (credit >= 0) creditFrom.set(i, credit);
    drafts.push(...(credit >= 0 ? found.filter((d) => d.tokenStart < credit) : found));
  });
  retypeByCoordination(sentences, drafts);
  drafts.push(
    ...repeatedNames(sentences, drafts).filter((d) => d.tokenStart < (creditFrom.get(d.sentence) ?? Infinity)),
  );
  const settled = settleKinds(sentences, drafts);
  const topics = detectTopics(sentences, settled);
  const all = [...settled, ...topics].sort((a, b) => a.sentence - b.sentence || a.tokenStart - b.tokenStart);
  const { resolved, entities } = resolveDrafts(all, sentences, text);

  const mentions: EntityMention[] = [];
  let from = 0;
  for (let si = 0; si < sentences.length; si++) {
    let to = from;
    while (to < resolved.length && resolved[to]!.sentence === si) to++;
    const inSentence = resolved.slice(from, to);
    const roles = attachRoles(sentences[si]!, inSentence, text);
    for (const r of inSentence) {
      const mention: EntityMention = {
        entityId: r.entityId,
        start: r.start,
        end: r.end,
        sentence: r.sentence,
        tokenStart: r.tokenStart,
        tokenEnd: r.tokenEnd,
        text: r.text,
        rule: r.rule,
      };
      const facts = roles.get(r);
      if (facts) mention.roles = facts;
      mentions.push(mention);
    }
    from = to;
  }
  mentions.sort((a, b) => a.start - b.start || a.end - b.end);
  return { text, sentences, entities, mentions };
}

/**
 * Where the article's closing credits start in a sentence, or -1: a byline ("Author: ...", "Editor: ..."), editors'
 * initials with agencies ("tkw/AFP/dpa", "mz/msh (AP, AFP)"), or a bracketed agency list after the last full stop.
 */
function creditLineStart(all: readonly string[]): number {
  let start = -1;
  for (let k = 0; k + 1 < all.length; k++) {
    const byline = /^(Author|Authors|Editor|Editors)$/.test(all[k]!) && all[k + 1] === ':';
    const reportedBy = k === 0 && /^(Reporting|Compiled|Written|Edited)$/.test(all[k]!) && all[k + 1] === 'by';
    if (byline || reportedBy) {
      start = k;
      break;
    }
    // "tkw / AFP / AP / dpa": lower-case initials, then a slash-separated list.
    if (/^\p{Ll}{1,4}$/u.test(all[k]!) && all[k + 1] === '/' && (k === 0 || /^[.!?"”’)]$/.test(all[k - 1]!))) {
      start = k;
      break;
    }
  }
  const bracketed = bracketedCreditStart(all);
  if (bracketed >= 0 && (start < 0 || bracketed < start)) start = bracketed;
  return start;
}

function bracketedCreditStart(all: readonly string[]): number {
  let from = 0;
  for (let i = all.length - 1; i >= 0; i--) {
    if (all[i] === '.' || all[i] === '!' || all[i] === '?') {
      from = i + 1;
      break;
    }
  }
  // Closing quotes of the last sentence come before the credit line.
  while (from < all.length && /^["”’'»)]$/.test(all[from]!)) from++;
  return creditTokens(all.slice(from)) ? from : -1;
}

function creditTokens(tokens: readonly string[]): boolean {
  const open = tokens.indexOf('(');
  if (open < 0 || open > 5 || tokens[tokens.length - 1] !== ')') return false;
  for (let i = 0; i < open; i++) if (!/^(\p{Ll}{1,4}|\/|,)$/u.test(tokens[i]!)) return false;
  const inner = tokens.slice(open + 1, -1);
  if (inner.length === 0) return false;
  // Inside: agency names (one or two capitalised words or acronyms) separated by commas or slashes.
  let words = 0;
  for (const t of inner) {
    if (t === ',' || t === '/' || t === 'and' || t === '&') words = 0;
    else if (/^[\p{L}.-]+$/u.test(t) && ++words <= 3) continue;
    else return false;
  }
  return true;
}

/**
 * Document-level consistency: once "Olaf Scholz" is a person, a later lone "Scholz" (or "Olaf") the tagger or the
 * rules left untyped is that person too.
 */
function repeatedNames(sentences: Sentence[], drafts: MentionDraft[]): MentionDraft[] {
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
 * places and states, never seen with a full name in the article, is a place the tagger mistyped.
 */
function retypeByCoordination(sentences: Sentence[], drafts: MentionDraft[]): void {
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
