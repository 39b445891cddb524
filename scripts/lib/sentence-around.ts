/** The sentence around [start, end) in a text: from the previous full stop or line break to the next. */
export function sentenceAround(text: string, start: number, end: number): string {
  let s = start;
  while (s > 0 && !/[.!?\n]/.test(text[s - 1]!)) s--;
  let e = end;
  while (e < text.length && !/[.!?\n]/.test(text[e]!)) e++;
  return text
    .slice(s, Math.min(text.length, e + 1))
    .replace(/\s+/g, ' ')
    .trim();
}
