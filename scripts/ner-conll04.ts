/**
 * CoNLL04 train (Roth & Yih 2004; SpERT JSON) as extra training documents for the tagger, in the CoNLL-2003
 * conventions the tagger is scored on, so that it also learns the wire-news style CoNLL04 is written in (AP
 * datelines, FBIS headers, US state abbreviations, lone surnames):
 * - each sentence is one document, rebuilt with single spaces and tokenized and split by the extractor's own
 *   tokenizer and sentence splitter (what the tagger sees at run time), the gold spans mapped onto those tokens;
 * - Peop -> PER without leading titles and honorifics ("President X", "Sen. X": CoNLL-2003 tags the name only);
 *   Org -> ORG; Loc -> LOC, split at commas ("Omaha , Neb" is two places); Other -> MISC for names only (dates,
 *   amounts and times, also Other in CoNLL04, are outside every CoNLL-2003 span);
 * - trailing punctuation the tokenizer split from a name is left out of its span ("Museum." -> "Museum").
 * Never read the dev split here: it measures the extractor.
 */
import { readFileSync } from 'node:fs';
import { TITLE_WORDS } from '../src/extract/entities/lexicon.js';
import { LABELS, type LabelledSpan } from '../src/extract/ner/tags.js';
import { groupSentences } from '../src/extract/sentences.js';
import { tokenize } from '../src/extract/tokenize.js';
import type { ConllDoc } from './ner-conll.js';

interface Conll04Sentence {
  tokens: string[];
  entities: Array<{ type: string; start: number; end: number }>;
}

const LABEL_OF: Record<string, string> = { Peop: 'PER', Org: 'ORG', Loc: 'LOC', Other: 'MISC' };

/** Months and weekdays (also as news abbreviations): CoNLL04 marks dates as Other, CoNLL-2003 leaves them out. */
const DATE_WORD =
  /^(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\.?$/i;

/** Whether an Other span is a name (MISC in CoNLL-2003): capitalised, no digits or amounts, not a date word. */
function isNameSpan(words: readonly string[]): boolean {
  return (
    /^\p{Lu}/u.test(words[0] ?? '') && words.every((w) => !/[\d$%]/.test(w)) && !words.some((w) => DATE_WORD.test(w))
  );
}

/** Character spans [start, end) of one gold entity, after the conversions above. */
function goldCharSpans(
  words: readonly string[],
  starts: readonly number[],
  ends: readonly number[],
  e: { type: string; start: number; end: number },
): Array<{ start: number; end: number; label: string }> {
  const label = LABEL_OF[e.type];
  if (!label) return [];
  let s = e.start;
  if (label === 'PER')
    while (
      s < e.end - 1 &&
      TITLE_WORDS.has(words[s]!.toLowerCase()) &&
      /^\p{Lu}/u.test(words[s + 1]!) &&
      words[s + 1] !== 'of'
    )
      s++;
  if (label === 'MISC' && !isNameSpan(words.slice(s, e.end))) return [];
  const parts: Array<[number, number]> = [];
  let from = s;
  for (let i = s; i <= e.end; i++) {
    if (i === e.end || (label === 'LOC' && words[i] === ',')) {
      if (i > from) parts.push([from, i]);
      from = i + 1;
    }
  }
  return parts.map(([a, b]) => ({ start: starts[a]!, end: ends[b - 1]!, label }));
}

/** One CoNLL04 sentence as a tagger training document (see the file comment). */
export function conll04Doc(sentence: Conll04Sentence): ConllDoc {
  const words = sentence.tokens;
  const starts: number[] = [];
  const ends: number[] = [];
  let text = '';
  for (const w of words) {
    if (text) text += ' ';
    starts.push(text.length);
    text += w;
    ends.push(text.length);
  }
  const gold = sentence.entities.flatMap((e) => goldCharSpans(words, starts, ends, e));
  const doc: ConllDoc = { sentences: [], spans: [] };
  for (const s of groupSentences(text, tokenize(text))) {
    const spans: LabelledSpan[] = [];
    for (const g of gold) {
      const inside = s.tokens.flatMap((t, i) => (t.start >= g.start && t.end <= g.end ? [i] : []));
      let first = inside[0];
      let last = inside[inside.length - 1];
      if (first === undefined || last === undefined) continue;
      // A name cut by the sentence splitter, or a token that crosses the gold span's edge, is left out.
      if (s.tokens[first]!.start !== g.start && first > 0 && s.tokens[first - 1]!.end > g.start) continue;
      while (last >= first && /^\p{P}+$/u.test(s.tokens[last]!.text)) last--;
      while (first <= last && /^\p{P}+$/u.test(s.tokens[first]!.text)) first++;
      if (last < first) continue;
      spans.push({ start: first, end: last + 1, label: LABELS.indexOf(g.label as (typeof LABELS)[number]) });
    }
    doc.sentences.push(s.tokens.map((t) => t.text));
    doc.spans.push(spans.sort((a, b) => a.start - b.start));
  }
  return doc;
}

/** Reads a CoNLL04 file (SpERT JSON) as tagger training documents, one per sentence. */
export function readConll04ForTagger(path: string): ConllDoc[] {
  const data = JSON.parse(readFileSync(path, 'utf8')) as Conll04Sentence[];
  return data.map(conll04Doc);
}
