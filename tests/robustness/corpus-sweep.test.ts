/**
 * A sweep over nlp-corpus (100,000 odd English sentences: lyrics, SMS, legal text, transcripts, unicode) through
 * ingest and the extractor: no throw, the offset contract kept, and no sentence slower than a generous bound,
 * which is what catastrophic regex backtracking or a quadratic loop on an odd sentence looks like.
 *
 * The extractor reads about 25 KB/s on this machine and pays a few ms per article, so the default is a fixed,
 * evenly spaced sample (every 40th sentence: 2,500) to stay within the suite's time budget.
 * NEWSGRAPH_SWEEP_STRIDE=1 sweeps all of it (about 10 minutes).
 */
import corpus from 'nlp-corpus';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { type Extraction, extractArticle } from '../../src/extract/index.js';
import { type Article, ingestString } from '../../src/ingest/index.js';
import { contractBreaches } from './contract.js';

const STRIDE = Math.max(1, Number(process.env.NEWSGRAPH_SWEEP_STRIDE ?? 40) || 40);
/** Not a speed test: a sentence of a few hundred characters taking this long is stuck, not slow. */
const BOUND_MS = 200;

function articlesOf(sentence: string, i: number): Article[] {
  try {
    return ingestString(sentence, `corpus-${i}.txt`, `corpus-${i}`, 'text');
  } catch (error) {
    if (error instanceof InputError) return []; // blank "sentences" are not articles
    throw error;
  }
}

function timeExtraction(articles: Article[]): { ms: number; extractions: Extraction[] } {
  const started = performance.now();
  const extractions = articles.map((article) => extractArticle(article));
  return { ms: performance.now() - started, extractions };
}

describe(`nlp-corpus sweep (every ${STRIDE}th sentence)`, () => {
  it('extracts every sampled sentence without a throw, a broken offset or a stall', { timeout: 600_000 }, () => {
    const all = corpus.all();
    expect(all.length).toBeGreaterThanOrEqual(50_000);
    timeExtraction(articlesOf('Warm-up: the tagger loads on first use in Berlin.', -1)); // loads models and data
    const throws: string[] = [];
    const breaches: string[] = [];
    const slow: string[] = [];
    let swept = 0;
    let slowest = { ms: 0, sentence: '' };
    for (let i = 0; i < all.length; i += STRIDE) {
      const sentence = all[i] as string;
      swept++;
      let articles: Article[];
      try {
        articles = articlesOf(sentence, i);
        const first = timeExtraction(articles);
        let ms = first.ms;
        // A slow run may be a GC pause or a JIT deoptimisation; the fastest of three is the sentence's own cost.
        if (ms > BOUND_MS / 4) ms = Math.min(ms, timeExtraction(articles).ms, timeExtraction(articles).ms);
        if (ms > slowest.ms) slowest = { ms, sentence };
        if (ms > BOUND_MS) slow.push(`#${i} ${ms.toFixed(0)} ms: ${JSON.stringify(sentence.slice(0, 200))}`);
        articles.forEach((article, k) => {
          const problems = contractBreaches(article, first.extractions[k] as Extraction);
          breaches.push(...problems.map((b) => `#${i} ${JSON.stringify(sentence.slice(0, 120))}: ${b}`));
        });
      } catch (error) {
        throws.push(
          `#${i} ${JSON.stringify(sentence.slice(0, 200))}: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
    console.info(
      `nlp-corpus sweep: ${swept} of ${all.length} sentences; slowest ${slowest.ms.toFixed(1)} ms: ${JSON.stringify(slowest.sentence.slice(0, 100))}`,
    );
    expect(throws).toEqual([]);
    expect(breaches.slice(0, 20)).toEqual([]);
    expect(slow).toEqual([]);
  });
});
