/**
 * Scores article-text extraction from HTML pages the way the public article-extraction benchmarks do (Zyte's
 * `evaluate.py`): each text is cut into `\w+` tokens, both are turned into bags of 4-token shingles, and per page
 * tp/fp/fn count shingles in common, only predicted and only expected, normalised to sum 1 so that long pages weigh
 * no more than short ones. Precision is the mean over pages that predicted anything, recall the mean over pages
 * that expected anything, and F1 is computed from those two means.
 *
 * A page folder holds `source.html` (the page), `expected.html` or `expected.txt` (the article text), and optionally
 * `expected-metadata.json` whose `published` (ISO date) is the expected publication date.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Parser } from 'htmlparser2';
import { ingestHtml } from '../ingest/formats/html.js';

const SHINGLE = 4;

export interface ShingleCounts {
  tp: number;
  fp: number;
  fn: number;
}

/** Python's `re.findall(r'\w+', text)` with Unicode: letters, marks, digits and connector punctuation. */
function tokens(text: string): string[] {
  return text.match(/[\p{L}\p{M}\p{Nd}\p{Pc}]+/gu) ?? [];
}

function shingles(text: string): Map<string, number> {
  const t = tokens(text);
  const bag = new Map<string, number>();
  // as the reference does: a text shorter than one shingle still gives one (shorter) shingle, an empty one none
  for (let i = 0; i < Math.max(1, t.length - SHINGLE + 1); i++) {
    const key = t.slice(i, i + SHINGLE).join('\u0001');
    if (key) bag.set(key, (bag.get(key) ?? 0) + 1);
  }
  return bag;
}

/** Normalised tp/fp/fn of the shingles of `predicted` against those of `expected`. */
export function shingleMatch(expected: string, predicted: string): ShingleCounts {
  const truth = shingles(expected);
  const pred = shingles(predicted);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const key of new Set([...truth.keys(), ...pred.keys()])) {
    const t = truth.get(key) ?? 0;
    const p = pred.get(key) ?? 0;
    tp += Math.min(t, p);
    fp += Math.max(0, p - t);
    fn += Math.max(0, t - p);
  }
  const sum = tp + fp + fn;
  return sum > 0 ? { tp: tp / sum, fp: fp / sum, fn: fn / sum } : { tp, fp, fn };
}

export interface ExtractionScore {
  precision: number;
  recall: number;
  f1: number;
}

/** Macro precision, recall and F1 over pages, as the reference computes them. */
export function extractionScore(counts: ShingleCounts[]): ExtractionScore {
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  const p = counts
    .filter((c) => c.tp + c.fp > 0)
    .map((c) => (c.fp === 0 && c.fn === 0 ? 1 : c.tp === 0 && c.fp === 0 ? 0 : c.tp / (c.tp + c.fp)));
  const r = counts
    .filter((c) => c.tp + c.fn > 0)
    .map((c) => (c.fp === 0 && c.fn === 0 ? 1 : c.tp === 0 && c.fn === 0 ? 0 : c.tp / (c.tp + c.fn)));
  const precision = mean(p);
  const recall = mean(r);
  return { precision, recall, f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0 };
}

const BLOCKS = /^(?:p|div|li|h[1-6]|blockquote|pre|tr|td|th|dd|dt|figcaption|section|article|br|table|ul|ol)$/;

/** The text of an expected-output HTML file: tags dropped, a line break between blocks. */
export function htmlText(html: string): string {
  const out: string[] = [];
  let hidden = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (name === 'script' || name === 'style') hidden++;
        if (BLOCKS.test(name)) out.push('\n');
      },
      onclosetag(name) {
        if ((name === 'script' || name === 'style') && hidden > 0) hidden--;
        if (BLOCKS.test(name)) out.push('\n');
      },
      ontext(data) {
        if (hidden === 0) out.push(data);
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.end(html);
  return out
    .join('')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

interface PageResult {
  page: string;
  counts: ShingleCounts;
  /** the expected publication date (YYYY-MM-DD), when the page folder states one */
  expectedDate: string | null;
  /** the date ingestion found (YYYY-MM-DD), if any */
  foundDate: string | null;
}

export interface HtmlEvaluation extends ExtractionScore {
  pages: PageResult[];
  /** pages with an expected date whose found date has the same day */
  datesCorrect: number;
  /** pages with an expected date */
  datesExpected: number;
  /** pages where ingestion found any date */
  datesFound: number;
}

/** Evaluates HTML ingestion on every page folder of `dir` (see the module comment for the layout). */
export function evaluateHtmlPages(dir: string): HtmlEvaluation {
  const pages: PageResult[] = [];
  for (const name of readdirSync(dir).sort()) {
    const folder = join(dir, name);
    const source = join(folder, 'source.html');
    if (!statSync(folder).isDirectory() || !existsSync(source)) continue;
    const expectedTxt = join(folder, 'expected.txt');
    const expected = existsSync(expectedTxt)
      ? readFileSync(expectedTxt, 'utf8')
      : htmlText(readFileSync(join(folder, 'expected.html'), 'utf8'));
    const metaFile = join(folder, 'expected-metadata.json');
    const meta = existsSync(metaFile) ? (JSON.parse(readFileSync(metaFile, 'utf8')) as { published?: unknown }) : {};
    const expectedDate = typeof meta.published === 'string' ? meta.published.slice(0, 10) : null;
    let predicted = '';
    let foundDate: string | null = null;
    try {
      const { meta: found, body } = ingestHtml(readFileSync(source, 'utf8'), source);
      predicted = body.text;
      foundDate = found.published?.slice(0, 10) ?? null;
    } catch {
      // a page the reader rejects extracted nothing: it scores as such
    }
    pages.push({ page: name, counts: shingleMatch(expected, predicted), expectedDate, foundDate });
  }
  const withDate = pages.filter((p) => p.expectedDate);
  return {
    ...extractionScore(pages.map((p) => p.counts)),
    pages,
    datesExpected: withDate.length,
    datesCorrect: withDate.filter((p) => p.foundDate === p.expectedDate).length,
    datesFound: pages.filter((p) => p.foundDate).length,
  };
}
