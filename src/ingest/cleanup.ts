/**
 * Cleanup that scraped news text needs, as one linear pass that keeps every character's origin (./mapped.ts):
 * - deletes soft hyphens, zero-width characters, byte-order marks and control characters;
 * - makes curly quotes and apostrophes straight and odd spaces (NBSP, thin space, ...) plain (1:1 replacements);
 * - collapses runs of whitespace: to one space, one line break, or one blank line (paragraph break), and trims;
 * - splits glued sentences ("world order.The Russian official") by inserting a space, but not inside "U.S.",
 *   "e.g.", decimals, URLs, e-mail addresses or domain names.
 */
import { type MappedText, MappedTextBuilder } from './mapped.js';

export interface CleanupOptions {
  /** 'keep': line breaks survive (one, or a blank line for a paragraph break); 'join': every break becomes a space. */
  lineBreaks?: 'keep' | 'join';
}

/** 1:1 replacements. */
const REPLACE: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201A': "'",
  '\u201B': "'",
  '\u2032': "'",
  '\u02BC': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u201E': '"',
  '\u201F': '"',
  '\u2033': '"',
  '\u00AB': '"',
  '\u00BB': '"',
};

function isDeleted(code: number): boolean {
  return (
    code === 0xad || // soft hyphen
    (code >= 0x200b && code <= 0x200d) || // zero-width space, non-joiner, joiner
    code === 0x2060 || // word joiner
    code === 0xfeff || // BOM / zero-width no-break space
    (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0b && code !== 0x0c) ||
    (code >= 0x7f && code <= 0x9f)
  );
}

function isLineBreak(code: number): boolean {
  return code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029;
}

function isSpace(code: number): boolean {
  return (
    code === 0x20 ||
    code === 0x09 ||
    code === 0x0b ||
    code === 0x0c ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

const isUpper = (c: string): boolean => c !== '' && c !== c.toLowerCase() && c === c.toUpperCase();
const isLower = (c: string): boolean => c !== '' && c !== c.toUpperCase() && c === c.toLowerCase();
const isDigit = (c: string): boolean => c >= '0' && c <= '9';
const SENTENCE_END = '.!?\u2026';
const CLOSERS = '"\u201D\u2019\')]\u00BB';
const OPENERS = '"\u201C\u2018\'\u00AB(';

function isWordBreak(code: number): boolean {
  return isSpace(code) || isLineBreak(code);
}

/**
 * If the sentence punctuation at `i` (the last of its run) is glued to a following sentence, the index before which
 * a space belongs; otherwise -1.
 */
function gluedBreakAfter(text: string, i: number): number {
  const n = text.length;
  // the word before the punctuation run
  let p = i;
  while (p > 0 && SENTENCE_END.includes(text[p - 1] as string)) p--;
  let wordStart = p;
  while (wordStart > 0 && !isWordBreak(text.charCodeAt(wordStart - 1)) && p - wordStart < 64) wordStart--;
  const before = text.slice(wordStart, p);
  const last = before.charAt(before.length - 1);
  if (!last) return -1;
  // closing quotes or brackets that belong to the finished sentence
  let j = i + 1;
  while (j < n && j - i <= 3 && CLOSERS.includes(text[j] as string)) {
    // a straight quote directly before a letter opens the next sentence rather than closing this one
    if ((text[j] === '"' || text[j] === "'") && /\p{L}/u.test(text[j + 1] ?? '')) break;
    j++;
  }
  if (j >= n) return -1;
  let k = j;
  if (OPENERS.includes(text[k] as string)) k++;
  const next = text[k] ?? '';
  if (!isUpper(next)) return -1;
  // the word that would start the next sentence
  let nextEnd = k;
  while (nextEnd < n && !isWordBreak(text.charCodeAt(nextEnd)) && nextEnd - k < 64) nextEnd++;
  const after = text.slice(k, nextEnd);
  if (/:\/\/|^www\.|@/i.test(before) || /@|\/\//.test(after)) return -1; // URL or e-mail address
  if (/\.[a-z]{2,}/.test(after)) return -1; // a domain name such as BBC.co.uk
  const core = before.replace(/^[\p{P}\p{S}]+/u, '');
  if (core.includes('.')) return -1; // "U.S.", "e.g.", "a.m.": abbreviations with inner dots
  if (isLower(last) || isDigit(last) || CLOSERS.includes(last) || last === '%') return j;
  // an all-capital word of two or more letters ("NATO.The") ends a sentence; a single initial ("J.K.") does not
  if (isUpper(last) && /^\p{Lu}{2,}$/u.test(core)) return j;
  return -1;
}

/** Cleans `input`, keeping the origin of every character. */
export function cleanup(input: MappedText, options: CleanupOptions = {}): MappedText {
  const join = options.lineBreaks === 'join';
  const text = input.text;
  const n = text.length;
  const out = new MappedTextBuilder(n + 16);
  let copyFrom = 0; // start of the pending verbatim stretch [copyFrom, i)
  let insertSpaceAt = -1;
  let i = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    const char = text[i] as string;
    if (i === insertSpaceAt) {
      out.copy(input, copyFrom, i);
      copyFrom = i;
      out.insert(' ');
    }
    if (isDeleted(code)) {
      out.copy(input, copyFrom, i);
      copyFrom = ++i;
      continue;
    }
    if (isSpace(code) || isLineBreak(code)) {
      out.copy(input, copyFrom, i);
      // one whitespace run (deleted characters inside it count as part of it)
      let breaks = 0;
      let firstBreak = -1;
      let secondBreak = -1;
      let j = i;
      for (; j < n; j++) {
        const c = text.charCodeAt(j);
        if (isLineBreak(c)) {
          if (c === 0x0d && text.charCodeAt(j + 1) === 0x0a) continue; // CRLF counts once, at its LF
          breaks++;
          if (firstBreak < 0) firstBreak = j;
          else if (secondBreak < 0) secondBreak = j;
        } else if (!isSpace(c) && !isDeleted(c)) break;
      }
      const atEdge = out.size === 0 || j >= n;
      if (!atEdge) {
        if (join || breaks === 0) out.replace(input, i, ' ');
        else {
          out.replace(input, firstBreak, '\n');
          if (breaks > 1) out.replace(input, secondBreak, '\n');
        }
      }
      copyFrom = i = j;
      continue;
    }
    const replacement = REPLACE[char];
    if (replacement !== undefined) {
      out.copy(input, copyFrom, i);
      out.replace(input, i, replacement);
      copyFrom = i + 1;
    }
    if (SENTENCE_END.includes(char) && !SENTENCE_END.includes(text[i + 1] ?? '')) {
      const at = gluedBreakAfter(text, i);
      if (at > i) insertSpaceAt = at;
    }
    i++;
  }
  out.copy(input, copyFrom, n);
  return out.build();
}
