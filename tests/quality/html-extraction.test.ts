/**
 * Guard on HTML article extraction over the page set in tests/fixtures/html-eval (real pages with expected article
 * text, see its README): shingle F1 as the public extraction benchmarks compute it, and date coverage. The floors
 * sit just under the figures measured when the guard was set (F1 0.981; dates found on 20 of 41 pages, 18 of the 19
 * stated dates correct).
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluateHtmlPages } from '../../src/eval/html-extraction.js';

const DIR = fileURLToPath(new URL('../fixtures/html-eval', import.meta.url));

describe('HTML extraction on the evaluation pages', () => {
  const result = evaluateHtmlPages(DIR);

  it('reads at least 40 pages', () => {
    expect(result.pages.length).toBeGreaterThanOrEqual(40);
  });

  it('keeps shingle F1 at or above its floor', () => {
    expect(result.f1).toBeGreaterThanOrEqual(0.975);
    expect(result.precision).toBeGreaterThanOrEqual(0.98);
    expect(result.recall).toBeGreaterThanOrEqual(0.97);
  });

  it('finds publication dates, and the right ones where the page states one', () => {
    expect(result.datesExpected).toBe(19);
    expect(result.datesFound).toBeGreaterThanOrEqual(20);
    expect(result.datesCorrect).toBeGreaterThanOrEqual(18);
  });
});
