/** What a build reports: the counts it keeps while merging, and the lines that say them at the end. */
import type { Extraction } from '../extract/types.js';
import { addExtraction } from '../graph/build.js';
import type { NewsGraph } from '../graph/types.js';
import type { ExtractionCache } from './cache.js';
import { formatDuration } from './progress.js';

export interface BuildSummary {
  /** Input files found. */
  files: number;
  /** Articles read from the inputs (new, already in the graph, or from the cache). */
  articles: number;
  /** Articles added to the graph by this build. */
  added: number;
  /** Articles whose id the graph already had (--into, or the same id twice). */
  alreadyInGraph: number;
  /** Files that gave no article, each reported on stderr. */
  skipped: number;
  /** Articles whose extraction came from the cache / was computed. */
  cached: number;
  extracted: number;
  entities: number;
  relations: number;
  /** Articles in the graph with a publication date, of `graphArticles` in all. */
  dated: number;
  graphArticles: number;
  seconds: number;
  jobs: number;
  /** HTTP requests sent for sources, and how many of them were answered "not modified". */
  requests: number;
  notModified: number;
  /** The graph file written, or null when nothing was written. */
  written: string | null;
}

/** Adds one file's extractions to the graph and counts them. */
export function mergeExtractions(
  graph: NewsGraph,
  extractions: Extraction[],
  summary: BuildSummary,
  fromCache: boolean,
): void {
  for (const extraction of extractions) {
    summary.articles++;
    if (fromCache) summary.cached++;
    else summary.extracted++;
    if (addExtraction(graph, extraction)) summary.added++;
    else summary.alreadyInGraph++;
  }
}

/** Undated archives are common (scraped text without a header): say so, since date filters depend on it. */
export function describeDates(s: BuildSummary): string {
  const none =
    s.dated === 0
      ? '; date filters (query --from/--to) and timelines have nothing to go on'
      : s.dated < s.graphArticles
        ? '; date filters leave the others out'
        : '';
  return `newsgraph: ${s.dated} of ${s.graphArticles} ${s.graphArticles === 1 ? 'article has' : 'articles have'} a publication date${none}\n`;
}

export function describe(s: BuildSummary, cache: ExtractionCache | null, out: string): string {
  const parts = [`${s.articles} ${s.articles === 1 ? 'article' : 'articles'}`];
  if (s.alreadyInGraph > 0) parts.push(`${s.added} new, ${s.alreadyInGraph} already in the graph`);
  if (cache) parts.push(`${s.cached} from cache, ${s.extracted} extracted`);
  parts.push(`${s.skipped} skipped`, `${s.entities} entities`, `${s.relations} relations`);
  if (s.requests > 0)
    parts.push(`${s.requests} HTTP ${s.requests === 1 ? 'request' : 'requests'} (${s.notModified} not modified)`);
  const target = s.written ? ` -> ${s.written}` : s.articles > 0 ? ` (nothing new; ${out} left unchanged)` : '';
  const rate = s.seconds > 0 ? `, ${(s.articles / s.seconds).toFixed(1)} articles/s` : '';
  return `newsgraph: ${parts.join(', ')} in ${s.seconds < 60 ? `${s.seconds.toFixed(1)} s` : formatDuration(s.seconds)}${rate}${target}\n`;
}
