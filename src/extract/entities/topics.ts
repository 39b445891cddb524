/**
 * Topics: the issues an article is about. Precision first: a noun phrase becomes a topic only when the text marks
 * it as an issue, never merely for being a noun phrase:
 * - it follows a topic cue ("in the field of X", "the issues of X", "principle of X", "support for X") or is the
 *   object of a verb that takes issues ("create X", "uphold X", "challenge X"), and ends in a generic issue head
 *   noun ("order", "law", "integrity", "control", ...);
 * - it is quoted as a term ("the so-called 'X'"), with such a head;
 * - it names a crisis of a state ("the Ukraine crisis", "the Ukrainian crisis", "the crisis in Ukraine");
 * - it recurs in the article (two or more times) with such a head.
 * Names after "the issue(s) of" ("the issues of Taiwan, Tibet and ...") are topics when nothing else typed them.
 * An underspecified phrase ("world order") joins the nearest more specific topic with the same head ("multipolar
 * order"), the way a short name joins the full name.
 * Cue words, head nouns and generic modifiers are data (data/topics.json), generic to international news.
 */
import { knowledgeFile } from '../../knowledge/loader.js';
import type { Sentence, Token } from '../types.js';
import { knowledge } from './knowledge.js';
import { isCapitalised, type MentionDraft } from './mentions.js';

interface TopicData {
  nominalCues: string[];
  verbCues: string[];
  heads: string[];
  eventHeads: string[];
  genericModifiers: string[];
  stopWords: string[];
}

interface Lexicon {
  nominal: Map<string, Set<string>>; // first word -> second words ("field" -> {"of"})
  verbStems: string[];
  heads: Set<string>;
  eventHeads: Set<string>;
  generic: Set<string>;
  stop: Set<string>;
}

let lexicon: Lexicon | null = null;

function load(): Lexicon {
  if (lexicon) return lexicon;
  const data: TopicData = knowledgeFile('topics');
  const nominal = new Map<string, Set<string>>();
  for (const cue of data.nominalCues) {
    const [a, b] = cue.split(' ') as [string, string];
    if (!nominal.has(a)) nominal.set(a, new Set());
    nominal.get(a)!.add(b);
  }
  lexicon = {
    nominal,
    verbStems: data.verbCues.map((v) => v.replace(/e$/, '')),
    heads: new Set(data.heads),
    eventHeads: new Set(data.eventHeads),
    generic: new Set(data.genericModifiers),
    stop: new Set(data.stopWords),
  };
  return lexicon;
}

const MAX_WORDS = 5;

/** Generic modifiers and words with adjective endings ("multipolar", "political", "bitter" is not needed). */
function looksLikeModifier(word: string, lex: Lexicon): boolean {
  return lex.generic.has(word) || /(al|ar|ic|ive|ous|ful|less|able|ible|ed|ing|ent|ant|ian|ary|ory|ern)$/.test(word);
}

function isInnerPunctuation(t: string): boolean {
  return t === ',' || t === '“' || t === '”' || t === '‘' || t === '’' || t === '"' || t === "'";
}

function isWord(text: string): boolean {
  return /^\p{Ll}[\p{Ll}\p{N}'’-]*$/u.test(text);
}

function isVerbCue(lower: string, lex: Lexicon): boolean {
  for (const stem of lex.verbStems) if (lower.startsWith(stem) && lower.length <= stem.length + 3) return true;
  return false;
}

interface Phrase {
  sentence: number;
  start: number;
  end: number;
  words: string[];
  rule: string;
  /** A fixed label (the crisis rule names the state by its canonical name). */
  label?: string;
}

/**
 * Reads a noun phrase starting at token `at`: skips determiners, possessive names ("Russia's") and opening quotes,
 * then takes lower-case content words (adjectives and nouns, also across ", " and quotes between modifiers).
 */
function readPhrase(
  tokens: readonly Token[],
  at: number,
  covered: Uint8Array,
  lex: Lexicon,
): { start: number; end: number; words: string[] } | null {
  let i = at;
  for (let guard = 0; guard < 6 && i < tokens.length; guard++) {
    const t = tokens[i]!.text;
    const lower = t.toLowerCase();
    if (
      lower === 'the' ||
      lower === 'a' ||
      lower === 'an' ||
      lower === 'its' ||
      lower === 'their' ||
      lower === 'our' ||
      lower === 'his' ||
      lower === 'her' ||
      lower === 'so-called'
    )
      i++;
    else if (t === '“' || t === '‘' || t === '"' || t === "'") i++;
    else if (covered[i] && /^['’]s$/.test(tokens[i + 1]?.text ?? '')) {
      while (i < tokens.length && covered[i]) i++;
      i++;
    } else break;
  }
  const start = i;
  const words: string[] = [];
  let end = i;
  while (i < tokens.length && words.length < MAX_WORDS) {
    const t = tokens[i]!.text;
    if (covered[i]) break;
    if (isWord(t) && !lex.stop.has(t.toLowerCase())) {
      words.push(t.toLowerCase().replace(/’/g, "'"));
      i++;
      end = i;
      continue;
    }
    // Punctuation between modifiers: "a new, multipolar order", "a “more just” world order".
    // A comma joins modifiers ("a new, multipolar order") but separates nouns in a list ("liberty, democracy").
    if (
      isInnerPunctuation(t) &&
      words.length > 0 &&
      !lex.heads.has(words[words.length - 1]!) &&
      (t !== ',' || looksLikeModifier(words[words.length - 1]!, lex))
    ) {
      let j = i + 1;
      while (j < tokens.length && j < i + 3 && isInnerPunctuation(tokens[j]!.text)) j++;
      if (isWord(tokens[j]?.text ?? '') && !covered[j]) {
        i = j;
        continue;
      }
    }
    if ((t === 'more' || t === 'less' || t === 'most') && isWord(tokens[i + 1]?.text ?? '')) {
      words.push(t);
      i++;
      continue;
    }
    break;
  }
  if (words.length === 0) return null;
  // The phrase ends at its last head noun: "arms control" in "arms control talks ..." is kept whole only if a head ends it.
  // The whole phrase must end in an issue head: "security" in "legitimate security interests" does not count.
  const last = words.length - 1;
  if (!lex.heads.has(words[last]!)) return null;
  // Map the kept words back to the token range.
  let count = 0;
  let tokenEnd = start;
  for (let k = start; k < end && count <= last; k++) {
    const w = tokens[k]!.text.toLowerCase().replace(/’/g, "'");
    if (w === words[count]) {
      count++;
      tokenEnd = k + 1;
    }
  }
  return { start, end: tokenEnd, words: words.slice(0, last + 1) };
}

/** The label of a topic phrase: leading generic modifiers dropped ("new multipolar order" -> "multipolar order"). */
function labelOf(words: string[], lex: Lexicon): string {
  let s = 0;
  while (s < words.length - 1 && lex.generic.has(words[s]!) && words.length - s > 2) s++;
  return words.slice(s).join(' ');
}

function coreOf(words: string[], lex: Lexicon): string[] {
  return words.filter((w, k) => k === words.length - 1 || !lex.generic.has(w));
}

/** Detects topic mentions; `drafts` are the named mentions already found (their tokens are not topics). */
export function detectTopics(sentences: Sentence[], drafts: MentionDraft[]): MentionDraft[] {
  const lex = load();
  const bySentence = new Map<number, MentionDraft[]>();
  for (const d of drafts) {
    if (!bySentence.has(d.sentence)) bySentence.set(d.sentence, []);
    bySentence.get(d.sentence)!.push(d);
  }
  const phrases: Phrase[] = [];
  const extraNames: MentionDraft[] = [];
  const candidates = new Map<string, Phrase[]>(); // for recurrence

  sentences.forEach((sentence, si) => {
    const tokens = sentence.tokens;
    const named = bySentence.get(si) ?? [];
    const covered = new Uint8Array(tokens.length);
    for (const d of named) for (let k = d.tokenStart; k < d.tokenEnd; k++) covered[k] = 1;

    for (let i = 0; i < tokens.length; i++) {
      const lower = tokens[i]!.text.toLowerCase();
      // Nominal cues: "field of", "issues of", "support for".
      const seconds = lex.nominal.get(lower);
      if (seconds?.has((tokens[i + 1]?.text ?? '').toLowerCase())) {
        const strong =
          lower.startsWith('issue') ||
          lower.startsWith('question') ||
          lower.startsWith('field') ||
          lower.startsWith('principle');
        const p = readPhrase(tokens, i + 2, covered, lex);
        if (p && (p.words.length >= 2 || strong)) phrases.push({ sentence: si, ...p, rule: 'rule:topic-cue' });
        if (lower.startsWith('issue') || lower.startsWith('question'))
          collectNamesAfter(tokens, i + 2, covered, si, extraNames);
        continue;
      }
      // Verb cues: "create a new order", "uphold international law".
      if (isWord(tokens[i]!.text) && isVerbCue(lower, lex)) {
        const p = readPhrase(tokens, i + 1, covered, lex);
        if (p && p.words.length >= 2) phrases.push({ sentence: si, ...p, rule: 'rule:topic-object' });
        continue;
      }
      // Quoted terms: "so-called 'rules-based order'".
      if (lower === 'so-called') {
        const p = readPhrase(tokens, i + 1, covered, lex);
        if (p) phrases.push({ sentence: si, ...p, rule: 'rule:topic-quoted' });
      }
    }
    // A crisis of a state: "the Ukraine crisis", "the Ukrainian crisis", "the crisis in Ukraine".
    for (const d of named) {
      if (d.kind !== 'state' || !d.stateCode) continue;
      const next = tokens[d.tokenEnd]?.text.toLowerCase() ?? '';
      const country = knowledge().countries.get(d.stateCode)?.label;
      if (!country) continue;
      if (lex.eventHeads.has(next)) {
        phrases.push({
          sentence: si,
          start: d.tokenStart,
          end: d.tokenEnd + 1,
          words: [country.toLowerCase(), next],
          rule: 'rule:topic-crisis',
          label: `${country} ${next}`,
        });
      } else if (
        tokens[d.tokenStart - 1]?.text === 'in' &&
        lex.eventHeads.has(tokens[d.tokenStart - 2]?.text.toLowerCase() ?? '')
      ) {
        phrases.push({
          sentence: si,
          start: d.tokenStart - 2,
          end: d.tokenEnd,
          words: [country.toLowerCase(), tokens[d.tokenStart - 2]!.text.toLowerCase()],
          rule: 'rule:topic-crisis',
          label: `${country} ${tokens[d.tokenStart - 2]!.text.toLowerCase()}`,
        });
      }
    }
    // Recurrence candidates: adjective + noun runs ending in a head, anywhere.
    for (let i = 0; i < tokens.length; i++) {
      if (!lex.heads.has(tokens[i]!.text.toLowerCase()) || covered[i]) continue;
      let s = i;
      while (
        s > 0 &&
        s > i - 3 &&
        isWord(tokens[s - 1]!.text) &&
        !lex.stop.has(tokens[s - 1]!.text.toLowerCase()) &&
        !covered[s - 1]
      )
        s--;
      if (s === i) continue;
      const words = tokens.slice(s, i + 1).map((t) => t.text.toLowerCase());
      const key = coreOf(words, lex).join(' ');
      if (!candidates.has(key)) candidates.set(key, []);
      candidates.get(key)!.push({ sentence: si, start: s, end: i + 1, words, rule: 'rule:topic-recurrent' });
    }
  });

  for (const [key, list] of candidates) {
    if (list.length >= 2 && key.includes(' ')) phrases.push(...list);
  }

  // One phrase per token range; the crisis rule keeps its canonical words.
  const seen = new Set<string>();
  const unique = phrases.filter((p) => {
    const k = `${p.sentence}:${p.start}:${p.end}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  // Drop phrases overlapping named mentions (crisis phrases include the state's tokens: those replace it).
  const result: MentionDraft[] = [];
  const labels = unique.map((p) => p.label ?? labelOf(p.words, lex));
  const cores = unique.map((p) => coreOf(p.words, lex));
  // Underspecified phrases join the nearest more specific phrase with the same head.
  joinUnderspecified(unique, cores, labels);
  unique.forEach((p, i) => {
    result.push({
      sentence: p.sentence,
      tokenStart: p.start,
      tokenEnd: p.end,
      kind: 'topic',
      rule: p.rule,
      canonical: labels[i]!,
    });
  });
  return [...result, ...extraNames];
}

/**
 * Each phrase takes the label of the nearest (by sentence; the first on a tie) phrase whose core is more specific:
 * same head, more words, and all of its modifiers. Phrases sharing a core share their candidates, so the matching is
 * done once per distinct core and the nearest phrase is found by binary search over the sentences it occurs in:
 * linear in the phrases of a long document rather than quadratic.
 */
function joinUnderspecified(phrases: readonly Phrase[], cores: readonly string[][], labels: string[]): void {
  interface CoreGroup {
    core: string[];
    /** Sentences the core occurs in (ascending) and the first phrase index in each. */
    sentences: number[];
    firstIndex: number[];
  }
  const groups = new Map<string, CoreGroup>();
  const keyOf = cores.map((c) => c.join('\u0000'));
  const order = phrases.map((_, i) => i).sort((a, b) => phrases[a]!.sentence - phrases[b]!.sentence || a - b);
  for (const i of order) {
    const key = keyOf[i]!;
    let g = groups.get(key);
    if (!g) {
      g = { core: cores[i]!, sentences: [], firstIndex: [] };
      groups.set(key, g);
    }
    const s = phrases[i]!.sentence;
    if (g.sentences[g.sentences.length - 1] !== s) {
      g.sentences.push(s);
      g.firstIndex.push(i);
    }
  }
  const byHead = new Map<string, CoreGroup[]>();
  for (const g of groups.values()) {
    const head = g.core[g.core.length - 1]!;
    const list = byHead.get(head);
    if (list) list.push(g);
    else byHead.set(head, [g]);
  }
  const specific = new Map<string, CoreGroup[]>();
  for (const [key, g] of groups) {
    const core = g.core;
    const modifiers = core.slice(0, -1);
    specific.set(
      key,
      (byHead.get(core[core.length - 1]!) ?? []).filter(
        (o) => o.core.length > core.length && modifiers.every((w) => o.core.includes(w)),
      ),
    );
  }
  phrases.forEach((p, i) => {
    let best = -1;
    let bestDistance = Infinity;
    const consider = (j: number, distance: number) => {
      if (distance < bestDistance || (distance === bestDistance && j < best)) {
        best = j;
        bestDistance = distance;
      }
    };
    for (const g of specific.get(keyOf[i]!) ?? []) {
      // The first sentence >= p.sentence, and the one before it.
      let lo = 0;
      let hi = g.sentences.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (g.sentences[mid]! < p.sentence) lo = mid + 1;
        else hi = mid;
      }
      if (lo < g.sentences.length) consider(g.firstIndex[lo]!, g.sentences[lo]! - p.sentence);
      if (lo > 0) consider(g.firstIndex[lo - 1]!, p.sentence - g.sentences[lo - 1]!);
    }
    if (best >= 0) labels[i] = labels[best]!;
  });
}

/** "the issues of Taiwan, Xinjiang, Tibet and Hong Kong": names nothing else typed become topics. */
function collectNamesAfter(
  tokens: readonly Token[],
  at: number,
  covered: Uint8Array,
  sentence: number,
  out: MentionDraft[],
): void {
  let i = at;
  if (/^the$/i.test(tokens[i]?.text ?? '')) i++;
  while (i < tokens.length) {
    if (covered[i]) {
      while (i < tokens.length && covered[i]) i++;
    } else if (isCapitalised(tokens[i]!.text) && /^\p{Lu}\p{Ll}+$/u.test(tokens[i]!.text)) {
      let j = i + 1;
      while (j < tokens.length && !covered[j] && /^\p{Lu}\p{Ll}+$/u.test(tokens[j]!.text)) j++;
      out.push({ sentence, tokenStart: i, tokenEnd: j, kind: 'topic', rule: 'rule:topic-issue-name', canonical: null });
      i = j;
    } else break;
    const sep = tokens[i]?.text;
    if (sep === ',' || sep === 'and' || sep === 'or') i++;
    else break;
    if (tokens[i]?.text === 'and') i++;
  }
}
