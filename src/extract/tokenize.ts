/**
 * A PTB/CoNLL-like tokenizer with offsets into the text. One left-to-right pass over the characters (linear time,
 * no regular expressions that can backtrack), total on any input.
 *
 * Conventions (chosen so that a CoNLL-2003 document rebuilt with single spaces tokenizes back to its own tokens):
 * - punctuation is split off ("Russia," -> "Russia" ","), runs of dots ("...") and dashes ("--") stay one token;
 * - abbreviations keep their dot ("U.S.", "Mr.", "Inc.", "J."), numbers keep inner dots, commas and colons
 *   ("3.5", "1,000", "21.02.2023", "17:12");
 * - hyphenated words stay whole ("rules-based", "Russia-China");
 * - the possessive and clitics are split as in the Penn Treebank ("Russia's" -> "Russia" "'s", "don't" -> "do" "n't");
 * - a dot glued between two words ("order.The") is split, so a missing space after a full stop does no harm.
 */
import type { Token } from './types.js';

const APOSTROPHES = new Set(["'", '’', '‘', '`']);
const DASHES = new Set(['-', '–', '—', '‒', '―']);

function isWordChar(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return /[\p{L}\p{N}\p{M}]/u.test(ch);
}

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

function isLetter(ch: string | undefined): boolean {
  return isWordChar(ch) && !isDigit(ch);
}

function isUpper(ch: string | undefined): boolean {
  return ch !== undefined && ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

function isSpace(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 160 ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0xfeff ||
    (c >= 0x2000 && c <= 0x200b) ||
    c === 0x3000 ||
    c === 0x202f ||
    c === 0x205f
  );
}

/** Tokenizes text[from, to) (the whole text by default). */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  const push = (start: number, end: number): void => {
    if (end > start) tokens.push({ text: text.slice(start, end), start, end });
  };
  let i = from;
  while (i < to) {
    const ch = text[i] as string;
    if (isSpace(ch)) {
      i++;
      continue;
    }
    // Surrogate pairs (emoji etc.) and other symbols: one token per code point.
    if (isWordChar(ch)) {
      i = scanWord(text, i, to, push);
      continue;
    }
    // Signed and leading-dot numbers: "+0.435", ".596", "-3" (after a space, so "6-4" is untouched).
    if (
      (ch === '+' || ch === '-' || ch === '.') &&
      isDigit(text[i + 1]) &&
      (i === from || isSpace(text[i - 1] as string))
    ) {
      i = scanWord(text, i + 1, to, push, i);
      continue;
    }
    if (ch === '.') {
      let j = i + 1;
      while (j < to && text[j] === '.') j++;
      push(i, j);
      i = j;
      continue;
    }
    if (DASHES.has(ch)) {
      let j = i + 1;
      while (j < to && text[j] === ch) j++;
      push(i, j);
      i = j;
      continue;
    }
    if (APOSTROPHES.has(ch)) {
      // "'s" after a space is still a clitic in rebuilt CoNLL text ("Russia 's"); so is "n't".
      const next = text[i + 1];
      if (
        (next === 's' || next === 'S' || next === 'd' || next === 'm') &&
        !isWordChar(text[i + 2]) &&
        i + 2 <= to &&
        tokens.length > 0
      ) {
        push(i, i + 2);
        i += 2;
        continue;
      }
      if (
        i + 3 <= to &&
        /^(ll|re|ve|LL|RE|VE)$/.test(text.slice(i + 1, i + 3)) &&
        !isWordChar(text[i + 3]) &&
        tokens.length > 0
      ) {
        push(i, i + 3);
        i += 3;
        continue;
      }
      if (ch === '`' && text[i + 1] === '`') {
        push(i, i + 2);
        i += 2;
        continue;
      }
      if (ch === "'" && text[i + 1] === "'") {
        push(i, i + 2);
        i += 2;
        continue;
      }
      push(i, i + 1);
      i++;
      continue;
    }
    const cp = text.codePointAt(i) ?? 0;
    const width = cp > 0xffff ? 2 : 1;
    push(i, Math.min(to, i + width));
    i += width;
  }
  return tokens;
}

/** An abbreviation in capitals starts at `at` ("CIA", "US", "U.S."): two or more capitals or dots, then a word end. */
function isAbbreviationAt(text: string, at: number): boolean {
  let j = at;
  while (j < text.length && (isUpper(text[j]) || (text[j] === '.' && j > at))) j++;
  return j - at >= 2 && !isWordChar(text[j]);
}

/**
 * Scans a word starting at `start` and pushes its token(s); returns the index after it.
 * A word is a run of letters/digits joined by inner connectors: hyphens, apostrophes, dots (abbreviations and
 * numbers), and commas, colons or slashes between digits.
 */
function scanWord(
  text: string,
  wordStart: number,
  to: number,
  push: (s: number, e: number) => void,
  tokenStart = wordStart,
): number {
  const start = tokenStart;
  let i = wordStart;
  let segmentStart = wordStart; // start of the current dot-separated segment
  let hasInnerDot = false;
  while (i < to) {
    const ch = text[i] as string;
    if (isWordChar(ch)) {
      i++;
      continue;
    }
    const next = text[i + 1];
    if (i + 1 >= to) break;
    if (DASHES.has(ch) && ch === '-' && isWordChar(next)) {
      // "then-US president", "ex-CIA officer": a time prefix glued to a name is split off so the name is found
      // ("then-" before any capital; "ex-" only before an abbreviation, as CoNLL keeps "ex-England" whole).
      if (i === start + 4 || i === start + 2) {
        const prefix = text.slice(start, i).toLowerCase();
        if ((prefix === 'then' && isUpper(next)) || (prefix === 'ex' && isAbbreviationAt(text, i + 1))) {
          push(start, i);
          push(i, i + 1);
          return i + 1;
        }
      }
      i++;
      segmentStart = i;
      continue;
    }
    // "U.S.-led": an abbreviation's dot followed by a hyphenated continuation.
    if (ch === '.' && hasInnerDot && text[i + 1] === '-' && isWordChar(text[i + 2])) {
      i += 2;
      segmentStart = i;
      continue;
    }
    if (ch === '&' && isUpper(text[i - 1]) && isUpper(next)) {
      i++;
      continue;
    }
    if ((ch === ',' || ch === ':' || ch === '/') && isDigit(text[i - 1]) && isDigit(next)) {
      i++;
      continue;
    }
    if (ch === '.' && isWordChar(next)) {
      const segLen = i - segmentStart;
      const numeric = isDigit(text[i - 1]) && isDigit(next);
      // "U.S", "e.g", "a.m": one-letter segments; "example.com": a lowercase continuation.
      // "order.The": a longer segment followed by a capital is two words glued at a full stop.
      if (numeric || segLen === 1 || (!isUpper(next) && isLetter(next) && !isUpper(text[segmentStart]))) {
        hasInnerDot = true;
        i++;
        segmentStart = i;
        continue;
      }
      break;
    }
    if (APOSTROPHES.has(ch) && ch !== '`' && isLetter(next)) {
      // Clitics split off: 's 'd 'm 'll 're 've and n't; inner apostrophes (O'Brien) stay.
      const rest2 = text.slice(i + 1, i + 3);
      const tailEnds = (n: number) => !isWordChar(text[i + 1 + n]);
      if ((next === 's' || next === 'S' || next === 'd' || next === 'm' || next === 'D' || next === 'M') && tailEnds(1))
        break;
      if (/^(ll|re|ve|LL|RE|VE)$/.test(rest2) && tailEnds(2)) break;
      if (
        (text[i - 1] === 'n' || text[i - 1] === 'N') &&
        (next === 't' || next === 'T') &&
        tailEnds(1) &&
        i - 1 > start
      ) {
        // "don't" -> "do" "n't"
        push(start, i - 1);
        push(i - 1, i + 2);
        return i + 2;
      }
      i++;
      continue;
    }
    break;
  }
  // A trailing dot belongs to an abbreviation: "U.S.", "J.", "Mr.", "Inc.".
  if (text[i] === '.' && i < to && text[i + 1] !== '.') {
    const word = text.slice(start, i);
    if (hasInnerDot && isLetter(text[i - 1])) i++;
    else if (word.length === 1 && isUpper(word)) i++;
    else if (isKnownAbbreviation(word)) i++;
    else if (word.length <= 3 && isAllDigits(word) && startsLine(text, start) && text[i + 1] === ' ') i++; // "1. Jan Ullrich"
  }
  // Sports results and tables as CoNLL writes them: "6-" before a space, "1=" (tied first), currencies "A$", "US$".
  if (i < to && i > wordStart) {
    const ch = text[i];
    const after = text[i + 1];
    if (ch === '-' && isDigit(text[i - 1]) && (after === ' ' || after === undefined)) i++;
    else if (ch === '=' && isDigit(text[i - 1]) && (after === ' ' || after === undefined)) i++;
    else if (ch === '$' && isUpper(text[i - 1]) && i - wordStart <= 3 && isAllUpper(text.slice(wordStart, i))) i++;
  }
  // Possessive after a plural: "countries'" keeps the apostrophe as its own token (done by the caller's loop).
  push(start, i);
  return i;
}

/**
 * Words that keep a following dot (English news usage). Capitalised forms: titles, company forms, months, days
 * ("Mr.", "Inc.", "Sept."); lower-case forms: a few Latin and reference abbreviations ("vs.", "etc."). Single capital
 * letters (initials) and dotted forms ("U.S.") are recognised by shape, not listed.
 */
const CAPITALISED_ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof sen rep gov gen col lt sgt capt cmdr adm maj brig cpl pvt rev fr st mt ft jr sr ' +
    'inc corp co ltd plc bros llc ave blvd rd dept univ assn ' +
    'ala ariz ark calif colo conn fla ga ill ind kan ky md mass mich minn miss mo mont neb nev okla ore pa tenn tex va vt wis wyo ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun no nos vol'
  ).split(' '),
);
const LOWERCASE_ABBREVIATIONS = new Set('vs etc approx cf pp'.split(' '));

function isKnownAbbreviation(word: string): boolean {
  const lower = word.toLowerCase();
  if (LOWERCASE_ABBREVIATIONS.has(lower)) return true;
  return isUpper(word[0]) && CAPITALISED_ABBREVIATIONS.has(lower);
}

/** Abbreviations that normally precede a name and so never end a sentence ("Mr. Smith", "Gen. Lee"). */
const TITLE_ABBREVIATIONS = new Set(
  'mr mrs ms dr prof sen rep gov gen col lt sgt capt cmdr adm maj brig cpl pvt rev fr st mt ft'.split(' '),
);

export function isTitleAbbreviation(word: string): boolean {
  return TITLE_ABBREVIATIONS.has(word.replace(/\.$/, '').toLowerCase());
}

function isAllDigits(word: string): boolean {
  for (const ch of word) if (!isDigit(ch)) return false;
  return word.length > 0;
}

/** True when only spaces separate `index` from the start of its line. */
function startsLine(text: string, index: number): boolean {
  for (let j = index - 1; j >= 0; j--) {
    const ch = text[j] as string;
    if (ch === '\n') return true;
    if (ch !== ' ' && ch !== '\t') return false;
  }
  return true;
}

function isAllUpper(word: string): boolean {
  for (const ch of word) if (!isUpper(ch)) return false;
  return word.length > 0;
}
