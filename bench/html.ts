/**
 * HTML ingestion speed: newsgraph's reader (Readability, boilerplate rules, metadata, offsets) against Readability
 * alone over a linkedom document, on the pages of tests/fixtures/html-eval, in the same process, best of three
 * alternating rounds.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { ingestHtml } from '../src/ingest/formats/html.js';
import { type BenchRow, fmt } from './table.js';

function loadPages(root: string): string[] {
  const dir = join(root, 'tests', 'fixtures', 'html-eval');
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => readFileSync(join(dir, d.name, 'source.html'), 'utf8'));
}

function time(run: () => void): number {
  const started = performance.now();
  run();
  return (performance.now() - started) / 1000;
}

type ReadabilityCtor = new (doc: unknown) => { parse(): unknown };

/** Rows for the bench table: MB/s of both and their ratio. */
export function benchHtml(root: string, rounds: number): BenchRow[] {
  const pages = loadPages(root);
  const mb = pages.reduce((sum, p) => sum + p.length, 0) / 1e6;
  const ours = () => {
    for (const [i, page] of pages.entries()) ingestHtml(page, `page-${i}.html`);
  };
  const theirs = () => {
    for (const page of pages) new (Readability as unknown as ReadabilityCtor)(parseHTML(page).document).parse();
  };
  ours();
  theirs();
  const a: number[] = [];
  const b: number[] = [];
  for (let r = 0; r < rounds; r++) {
    a.push(time(ours));
    b.push(time(theirs));
  }
  const oursRate = mb / Math.min(...a);
  const theirRate = mb / Math.min(...b);
  const section = 'f. HTML ingest (1 core)';
  return [
    {
      section,
      measure: 'newsgraph ingestHtml, MB/s',
      value: fmt(oursRate, 2),
      target: `${pages.length} pages (tests/fixtures/html-eval), ${fmt(mb, 1)} MB; best of ${rounds}`,
    },
    {
      section,
      measure: 'Readability alone on linkedom, MB/s',
      value: fmt(theirRate, 2),
      target: 'same pages, same process',
    },
    { section, measure: 'ratio newsgraph / Readability', value: `${fmt(oursRate / theirRate, 2)}×` },
  ];
}
