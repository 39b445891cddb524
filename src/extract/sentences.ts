/**
 * Sentence splitting over tokens, robust to news text: abbreviations and initials do not end a sentence, closing
 * quotes and brackets stay with the sentence they close, line breaks separate headlines and paragraphs, and a full
 * stop glued to the next word ("order.The") is already split by the tokenizer. Linear time, total.
 */
import { isTitleAbbreviation, tokenize } from './tokenize.js';
import type { Sentence, Token } from './types.js';

const TERMINALS = new Set(['.', '!', '?', '...', '…', '?!', '!?']);
const CLOSERS = new Set(['"', '”', '’', "'", ')', ']', '}', '»', "''"]);
/** Capitalised words that usually start a sentence: after an abbreviation such as "U.S." they signal a boundary. */
const SENTENCE_STARTERS = new Set(
  (
    'The A An He She It They We I You His Her Its Their Our This That These Those There But And Yet So ' +
    'In On At For If When While After Before Although Though As Meanwhile However Still Now Then Last Earlier ' +
    'Later According Some Many Most Other Others Both All No Not What Who Why How Where'
  ).split(' '),
);
/** Hard cap: a "sentence" longer than this (tables, lists without punctuation) is cut so later stages stay fast. */
const MAX_TOKENS = 300;

function startsUpper(text: string): boolean {
  const ch = text[0];
  return ch !== undefined && ch !== ch.toLowerCase();
}

function startsLower(text: string): boolean {
  const ch = text[0];
  return ch !== undefined && ch !== ch.toUpperCase();
}

function isOpener(token: Token, text: string): boolean {
  return (
    token.text === '“' ||
    token.text === '‘' ||
    token.text === '(' ||
    token.text === '«' ||
    token.text === '``' ||
    ((token.text === '"' || token.text === "'") && !/\s/.test(text[token.end] ?? ' '))
  );
}

/** Number of line breaks in text between two offsets. */
function lineBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

/** Splits text into sentences of tokens. */
export function splitSentences(text: string): Sentence[] {
  return groupSentences(text, tokenize(text));
}

/** Groups an already tokenized text into sentences. */
export function groupSentences(text: string, tokens: Token[]): Sentence[] {
  const sentences: Sentence[] = [];
  let current: Token[] = [];
  const close = (): void => {
    const first = current[0];
    const last = current[current.length - 1];
    if (first && last) sentences.push({ start: first.start, end: last.end, tokens: current });
    current = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    const prev = current[current.length - 1];
    if (prev && startsNewSentence(text, current, token)) close();
    current.push(token);
    if (current.length >= MAX_TOKENS) close();
  }
  close();
  return sentences;
}

/** Decides whether `next` begins a new sentence after the tokens in `current` (non-empty). */
function startsNewSentence(text: string, current: Token[], next: Token): boolean {
  const prev = current[current.length - 1] as Token;
  const breaks = lineBreaks(text, prev.end, next.start);
  if (breaks >= 2) return true;
  // Closing quotes and brackets right after a terminal stay with the sentence they end.
  let k = current.length - 1;
  while (k > 0 && CLOSERS.has((current[k] as Token).text)) k--;
  const lastWord = current[k] as Token;
  const endsWithTerminal = TERMINALS.has(lastWord.text);
  if (breaks === 1) {
    // A wrapped line continues a sentence only when the line did not end it and the next line starts lower-case.
    return endsWithTerminal || !startsLower(next.text);
  }
  if (CLOSERS.has(next.text) && !isOpener(next, text)) return false;
  if (endsWithTerminal) {
    // "... the world.“Specifically" / "... order. The" / "... 1996. 12 people": a boundary unless lower case follows.
    if (startsLower(next.text)) return false;
    if (next.text === ',' || next.text === ';' || next.text === ':') return false;
    return true;
  }
  // An abbreviation with its dot ("U.S.") ends a sentence when a typical sentence opener follows.
  if (lastWord.text.length > 1 && lastWord.text.endsWith('.') && k === current.length - 1) {
    if (isTitleAbbreviation(lastWord.text)) return false;
    if (SENTENCE_STARTERS.has(next.text) && startsUpper(next.text)) return true;
  }
  return false;
}
