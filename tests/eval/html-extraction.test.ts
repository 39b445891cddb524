import { describe, expect, it } from 'vitest';
import { extractionScore, htmlText, shingleMatch } from '../../src/eval/html-extraction.js';

describe('shingle scoring as the article-extraction benchmarks compute it', () => {
  it('counts 4-token shingles in common, extra and missing, normalised to sum 1', () => {
    // expected: a b c d e -> shingles abcd, bcde; predicted: a b c d x -> abcd, bcdx
    expect(shingleMatch('a b c d e', 'a b c d x')).toEqual({ tp: 1 / 3, fp: 1 / 3, fn: 1 / 3 });
    // tokens are \w+ runs: punctuation and case of separators do not matter, the case of words does
    expect(shingleMatch('One, two; three four!', 'one two three four')).toEqual({ tp: 0, fp: 0.5, fn: 0.5 });
    expect(shingleMatch('Über straße 10 km', 'Über straße 10 km')).toEqual({ tp: 1, fp: 0, fn: 0 });
  });

  it('gives a text shorter than one shingle one shorter shingle, and an empty text none', () => {
    expect(shingleMatch('two words', 'two words')).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(shingleMatch('two words', '')).toEqual({ tp: 0, fp: 0, fn: 1 });
  });

  it('averages precision and recall over pages, and F1 from the two means', () => {
    const score = extractionScore([
      { tp: 1, fp: 0, fn: 0 }, // a perfect page
      { tp: 0.5, fp: 0.5, fn: 0 }, // precision 0.5, recall 1
      { tp: 0, fp: 0, fn: 1 }, // predicted nothing: no precision, recall 0
    ]);
    expect(score.precision).toBeCloseTo(0.75, 10);
    expect(score.recall).toBeCloseTo(2 / 3, 10);
    expect(score.f1).toBeCloseTo((2 * 0.75 * (2 / 3)) / (0.75 + 2 / 3), 10);
  });

  it('reads the text of an expected-output HTML file block by block', () => {
    expect(htmlText('<div><p>First &amp; <b>bold</b></p><script>x()</script><p>Second</p></div>')).toBe(
      'First & bold\nSecond',
    );
  });
});
