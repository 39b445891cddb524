/**
 * `newsgraph build`: many input files in, one graph file out. Files are walked lazily and extracted on a pool of
 * worker threads with a bounded number of files in flight, so memory does not grow with the corpus; results are
 * merged strictly in walk order (out-of-order results wait in a small buffer), so the graph file has the same bytes
 * whatever the number of jobs. Extractions are cached by content; an interrupted or failed build writes nothing.
 */
import { readFile, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import type { CliIO } from '../cli/context.js';
import { UsageError } from '../errors.js';
import type { Extraction } from '../extract/types.js';
import { addExtraction, createGraph } from '../graph/build.js';
import { unifyIdentities } from '../graph/identity.js';
import { loadGraph, saveGraph } from '../graph/file.js';
import type { NewsGraph } from '../graph/types.js';
import { isInputError, walkInputs, type InputFile } from '../ingest/walk.js';
import { defaultMaxBytes } from '../ingest/read.js';
import { ExtractionCache, cacheKey, defaultCacheDir } from './cache.js';
import { extractorFingerprint } from './fingerprint.js';
import { createRunner, type TaskRunner } from './pool.js';
import { createProgress, formatDuration } from './progress.js';
import type { FileResult } from './task.js';

export interface BuildOptions {
  inputs: string[];
  /** The graph file to write. Default: the `into` file when merging, else out/graph.json. */
  out?: string;
  /** An existing graph file to merge the new articles into (articles already in it, by id, are skipped). */
  into?: string;
  /** Worker threads; default the number of cores, at most one per FILES_PER_JOB files. 1 extracts in this thread. */
  jobs?: number;
  /** The cache folder, or false for no cache. Default: defaultCacheDir(). */
  cache?: string | false;
  /** Largest input file accepted, in bytes. Default: the reader's limit for each format (defaultMaxBytes). */
  maxFileSize?: number;
  io: CliIO;
}

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
  seconds: number;
  jobs: number;
  /** The graph file written, or null when nothing was written. */
  written: string | null;
}

/** What became of one input file, waiting in the reorder buffer to be merged. */
type Outcome =
  | { kind: 'known'; entry: InputFile }
  | { kind: 'done'; entry: InputFile; result: FileResult; key: string | null; fromCache: boolean };

/** Files in flight (dispatched, not yet merged) per job: enough to keep workers busy behind one slow file. */
const WINDOW_PER_JOB = 32;

/**
 * Each worker thread repeats the start-up and JIT warm-up that the main thread would do once (1-3 s of CPU), so
 * threads only pay off on enough files: on the 2-core bench machine 2 jobs break even with 1 at about 1,000 files
 * (bench section b).
 */
export const FILES_PER_JOB = 500;

/** The default number of jobs: one per core, but no more than one per FILES_PER_JOB files. */
export function defaultJobs(files: number, cores: number = availableParallelism()): number {
  return Math.max(1, Math.min(cores, Math.floor(files / FILES_PER_JOB)));
}

function checkJobs(jobs: number | undefined): void {
  if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 1)) throw new UsageError(`--jobs must be a whole number of at least 1, not ${jobs}`);
}

/** A first pass over the folders (names only, no contents) for the progress total; also fails early on a missing path. */
async function countFiles(inputs: readonly string[], signal: AbortSignal): Promise<number> {
  let total = 0;
  for await (const item of walkInputs(inputs, { signal })) if (!isInputError(item)) total++;
  return total;
}

function openCache(options: BuildOptions, fingerprint: string): ExtractionCache | null {
  if (options.cache === false) return null;
  const dir = options.cache ?? defaultCacheDir();
  try {
    const cache = ExtractionCache.open(dir, fingerprint);
    if (cache.stats.rebuilt) options.io.err(`newsgraph: cache ${cache.path} could not be trusted (${cache.stats.rebuilt}); started a fresh one\n`);
    return cache;
  } catch (error) {
    options.io.err(`newsgraph: cache in ${dir} cannot be used (${error instanceof Error ? error.message : String(error)}); building without it\n`);
    return null;
  }
}

export async function buildCorpus(options: BuildOptions): Promise<BuildSummary> {
  const started = performance.now();
  const { io } = options;
  const { signal } = io;
  checkJobs(options.jobs);
  const total = await countFiles(options.inputs, signal);
  const requestedJobs = options.jobs ?? defaultJobs(total);
  const out = options.out ?? options.into ?? 'out/graph.json';
  const graph: NewsGraph = options.into ? await loadGraph(options.into) : createGraph();
  const known = new Set(graph.getAttribute('articles').map((a) => a.id));
  signal.throwIfAborted();
  const jobs = Math.max(1, Math.min(requestedJobs, total));

  const summary: BuildSummary = {
    files: total, articles: 0, added: 0, alreadyInGraph: 0, skipped: 0, cached: 0, extracted: 0,
    entities: 0, relations: 0, seconds: 0, jobs, written: null,
  };
  const cache = openCache(options, options.cache === false ? '' : await extractorFingerprint());
  io.err(`newsgraph: building from ${total} ${total === 1 ? 'file' : 'files'} with ${jobs} ${jobs === 1 ? 'job' : 'jobs'}, ${cache ? `cache ${cache.path}` : 'no cache'}\n`);

  const progress = createProgress(io, total);
  const skip = (file: string, reason: string, stack: string | null = null) => {
    summary.skipped++;
    progress.note(`newsgraph: skipped ${file}: ${reason}\n`);
    if (io.verbose && stack) progress.note(`${stack}\n`);
  };

  // The pool starts on the first cache miss: a rebuild served from the cache never pays for starting workers.
  let runner: TaskRunner | null = null;
  const getRunner = () => (runner ??= createRunner(jobs));

  const obtain = async (entry: InputFile): Promise<Outcome> => {
    if (known.has(entry.id)) return { kind: 'known', entry };
    let key: string | null = null;
    const maxBytes = options.maxFileSize ?? defaultMaxBytes(entry.file);
    // Hash only files the reader will accept: a multi-GB file must not be loaded just to compute a cache key.
    const size = cache ? await stat(entry.file).then((s) => s.size, () => null) : null;
    if (cache && size !== null && size <= maxBytes) {
      const bytes = await readFile(entry.file).catch(() => null);
      // An unreadable file goes to the task, whose ingest step words the reason.
      if (bytes) {
        key = cacheKey(await extractorFingerprint(), entry.id, entry.file, bytes);
        const hit = cache.get(key);
        if (hit) return { kind: 'done', entry, key, fromCache: true, result: { ok: true, extractions: hit, encoded: null, warnings: [] } };
      }
    }
    const result = await getRunner().run({
      file: entry.file,
      id: entry.id,
      encode: key !== null,
      ...(options.maxFileSize !== undefined ? { maxBytes: options.maxFileSize } : {}),
    });
    return { kind: 'done', entry, key, fromCache: false, result };
  };

  const merge = (outcome: Outcome) => {
    if (outcome.kind === 'known') {
      summary.articles++;
      summary.alreadyInGraph++;
      return;
    }
    const { entry, result } = outcome;
    if (!result.ok) {
      skip(entry.file, result.reason, result.stack);
      return;
    }
    for (const warning of result.warnings) progress.note(`newsgraph: warning: ${entry.file}: ${warning}\n`);
    mergeExtractions(graph, result.extractions, summary, outcome.fromCache);
    if (cache && outcome.key && result.encoded) cache.put(outcome.key, result.encoded);
  };

  const buffer = new Map<number, Outcome>();
  let dispatched = 0;
  let merged = 0;
  let wake: (() => void) | null = null;
  const notify = () => {
    const resume = wake;
    wake = null;
    resume?.();
  };
  signal.addEventListener('abort', notify);
  const inFlight = new Set<Promise<void>>();
  let failure: { error: unknown } | null = null;
  const halted = () => signal.aborted || failure !== null;
  const window = Math.max(16, jobs * WINDOW_PER_JOB);

  const start = (seq: number, entry: InputFile) => {
    const task = obtain(entry)
      .catch((error: unknown): Outcome => {
        // A worker that died (out of memory on a huge file) or a pool torn down by Ctrl-C: the file is skipped.
        const reason = `extraction failed (${error instanceof Error ? error.message : String(error)})`;
        return { kind: 'done', entry, key: null, fromCache: false, result: { ok: false, reason, stack: null } };
      })
      .then((outcome) => {
        buffer.set(seq, outcome);
        // Merge strictly in walk order: the graph's bytes must not depend on which worker finished first.
        try {
          for (let next = buffer.get(merged); next && !halted(); next = buffer.get(merged)) {
            buffer.delete(merged);
            merged++;
            merge(next);
            progress.update(merged);
          }
        } catch (error) {
          // A failure while merging is a bug, not bad input: stop the build and report it; nothing is written.
          failure ??= { error };
        }
        notify();
      });
    inFlight.add(task);
    void task.finally(() => inFlight.delete(task));
  };

  try {
    for await (const entry of walkInputs(options.inputs, { signal })) {
      if (isInputError(entry)) {
        skip(entry.file, entry.reason);
        continue;
      }
      while (dispatched - merged >= window && !halted()) await new Promise<void>((resolve) => (wake = resolve));
      if (halted()) break;
      start(dispatched++, entry);
    }
    const aborted = new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
    while (inFlight.size > 0 && !halted()) await Promise.race([...inFlight, aborted]);
  } finally {
    signal.removeEventListener('abort', notify);
    progress.stop();
    // On Ctrl-C this abandons running tasks; their files are simply not merged.
    await (runner as TaskRunner | null)?.destroy();
    await Promise.allSettled(inFlight);
    cache?.close();
  }
  signal.throwIfAborted();
  if (failure) throw (failure as { error: unknown }).error;

  unifyIdentities(graph);
  summary.entities = graph.order;
  summary.relations = graph.size;
  if (summary.articles === 0) {
    io.err('newsgraph: no articles found in the inputs; nothing written\n');
  } else if (summary.added > 0 || out !== options.into) {
    await saveGraph(graph, out);
    summary.written = out;
  }
  summary.seconds = (performance.now() - started) / 1000;
  if (cache && cache.stats.badRows > 0) {
    io.err(`newsgraph: ${cache.stats.badRows} cache entries failed their checks; those articles were extracted again\n`);
  }
  io.err(describe(summary, cache, out));
  return summary;
}

function mergeExtractions(graph: NewsGraph, extractions: Extraction[], summary: BuildSummary, fromCache: boolean): void {
  for (const extraction of extractions) {
    summary.articles++;
    if (fromCache) summary.cached++;
    else summary.extracted++;
    if (addExtraction(graph, extraction)) summary.added++;
    else summary.alreadyInGraph++;
  }
}

function describe(s: BuildSummary, cache: ExtractionCache | null, out: string): string {
  const parts = [`${s.articles} ${s.articles === 1 ? 'article' : 'articles'}`];
  if (s.alreadyInGraph > 0) parts.push(`${s.added} new, ${s.alreadyInGraph} already in the graph`);
  if (cache) parts.push(`${s.cached} from cache, ${s.extracted} extracted`);
  parts.push(`${s.skipped} skipped`, `${s.entities} entities`, `${s.relations} relations`);
  const target = s.written ? ` -> ${s.written}` : s.articles > 0 ? ` (nothing new; ${out} left unchanged)` : '';
  const rate = s.seconds > 0 ? `, ${(s.articles / s.seconds).toFixed(1)} articles/s` : '';
  return `newsgraph: ${parts.join(', ')} in ${s.seconds < 60 ? `${s.seconds.toFixed(1)} s` : formatDuration(s.seconds)}${rate}${target}\n`;
}
