/**
 * Measures HTML article extraction on a folder of pages (tests/fixtures/html-eval by default): shingle precision,
 * recall and F1 as the public article-extraction benchmarks compute them, per page and overall, plus date coverage.
 *
 *   npm run eval:html [-- DIR] [--pages]
 */
import { evaluateHtmlPages } from '../src/eval/html-extraction.js';

function main(): void {
  const argv = process.argv.slice(2);
  const perPage = argv.includes('--pages');
  const dir = argv.find((a) => !a.startsWith('--')) ?? 'tests/fixtures/html-eval';
  const result = evaluateHtmlPages(dir);
  if (perPage) {
    for (const p of result.pages) {
      const { tp, fp, fn } = p.counts;
      const prec = tp + fp > 0 ? tp / (tp + fp) : 0;
      const rec = tp + fn > 0 ? tp / (tp + fn) : 0;
      console.log(
        `${p.page.padEnd(36)} P=${prec.toFixed(3)} R=${rec.toFixed(3)} date=${p.foundDate ?? '-'}${p.expectedDate ? ` (expected ${p.expectedDate})` : ''}`,
      );
    }
  }
  const f = (x: number) => x.toFixed(3);
  console.log(
    `${result.pages.length} pages: precision=${f(result.precision)} recall=${f(result.recall)} F1=${f(result.f1)}`,
  );
  console.log(
    `dates: found on ${result.datesFound}/${result.pages.length}; correct ${result.datesCorrect}/${result.datesExpected} where expected`,
  );
}

main();
