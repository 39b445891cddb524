/**
 * `newsgraph build`: many input files in, one graph file out. Files are walked lazily and extracted on a pool of
 * worker threads with a bounded number of files in flight, so memory does not grow with the corpus; results are
 * merged strictly in walk order (out-of-order results wait in a small buffer), so the graph file has the same bytes
 * whatever the number of jobs. Extractions are cached by content; an interrupted or failed build writes nothing.
 */
import { readFile, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { InputError, UsageError } from '../errors.js';
import type { Extraction } from '../extract/types.js';
import { addExtraction, createGraph } from '../graph/build.js';
import { applyCorrections, type Corrections } from '../graph/corrections.js';
import { loadGraph, looksLikeGraphFile, saveGraph } from '../graph/file.js';
import { unifyIdentities } from '../graph/identity.js';
import type { NewsGraph } from '../graph/types.js';
import { defaultMaxBytes } from '../ingest/read.js';
import { type InputFile, walkInputs } from '../ingest/walk.js';
import {
  canonicalUrl,
  Fetcher,
  type FetchSettings,
  HttpCache,
  isUrl,
  loadPage,
  partitionInputs,
  resolveSources,
  type WebEntry,
} from '../sources/index.js';
import { checkOutput, fileIdentity, identitiesOf } from '../util/output.js';
import { printableLine } from '../util/printable.js';
import { cacheKey, defaultCacheDir, ExtractionCache } from './cache.js';
import { extractorFingerprint } from './fingerprint.js';
import type { CorpusIO } from './io.js';
import { createRunner, type TaskRunner } from './pool.js';
import { createProgress, formatDuration } from './progress.js';
import { FILES_PER_JOB, WINDOW_PER_JOB } from './settings.js';
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
  /** Added to a "too large" reason: how the user raises the limit (the CLI names its flag). */
  limitHint?: string;
  /** User corrections applied to the graph before it is written; `correctionsFile` names them in messages. */
  corrections?: Corrections;
  correctionsFile?: string;
  /** Source URLs besides those among `inputs` (feeds, sitemaps, pages), e.g. read from a source list. */
  sources?: string[];
  /** How sources are fetched (timeouts, sizes, delay, private addresses); defaults in src/sources/settings.ts. */
  fetch?: Partial<FetchSettings>;
  /** Print no start and summary lines and no progress bar (per-input failure lines are still printed): for watch. */
  quiet?: boolean;
  /** On Ctrl-C, write the articles merged so far before stopping (watch: a round's finished work is kept). */
  keepPartial?: boolean;
  io: CorpusIO;
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

/** What became of one input file, waiting in the reorder buffer to be merged. */
type Entry = InputFile | WebEntry;
type Outcome =
  | { kind: 'known'; entry: Entry }
  | { kind: 'done'; entry: Entry; result: FileResult; key: string | null; fromCache: boolean };

function isWeb(entry: Entry): entry is WebEntry {
  return (entry as WebEntry).kind === 'web';
}

/** The default number of jobs: one per core, but no more than one per FILES_PER_JOB files. */
export function defaultJobs(files: number, cores: number = availableParallelism()): number {
  return Math.max(1, Math.min(cores, Math.floor(files / FILES_PER_JOB)));
}

function checkJobs(jobs: number | undefined): void {
  if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 1))
    throw new UsageError(`jobs must be a whole number of at least 1, not ${jobs}`, { option: 'jobs' });
}

/**
 * A first pass over the folders (names only, no contents) for the progress total; also fails early on a missing
 * path. When the output exists (`output`), also returns the path under which the walk found it, if it did.
 */
async function countFiles(
  inputs: readonly string[],
  signal: AbortSignal,
  output: string | null,
): Promise<{ total: number; outputFoundAt: string | null }> {
  let total = 0;
  let outputFoundAt: string | null = null;
  for await (const item of walkInputs(inputs, { signal })) {
    if (item instanceof InputError) continue;
    total++;
    if (output !== null && outputFoundAt === null) {
      const info = await stat(item.file).catch(() => null);
      if (info && fileIdentity(info) === output) outputFoundAt = item.file;
    }
  }
  return { total, outputFoundAt };
}

/** The identity (fileIdentity) of the output when it already exists as a regular file: only then can it be an input. */
async function existingOutput(out: string): Promise<string | null> {
  const info = await stat(out).catch(() => null);
  return info?.isFile() === true ? fileIdentity(info) : null;
}

/**
 * Which inputs the output must not be, and which walked file to leave out. An output named as an input (the
 * file itself or a link to it) stays refused. One found only by walking a folder is left out of the walk when it
 * is a graph file, so `build dir -o dir/graph.json` works again on the second run; any other file (an article)
 * is refused, as it would otherwise be overwritten.
 */
async function outputAmongInputs(
  out: string,
  paths: readonly string[],
  output: string,
  foundAt: string | null,
): Promise<{ inputs: Set<string>; leaveOut: string | null }> {
  const inputs = await identitiesOf(paths);
  if (foundAt === null || inputs.has(output)) return { inputs, leaveOut: null };
  if (await looksLikeGraphFile(out)) return { inputs, leaveOut: foundAt };
  inputs.add(output);
  return { inputs, leaveOut: null };
}

function openHttpCache(options: BuildOptions): HttpCache | null {
  if (options.cache === false) return null;
  const dir = options.cache ?? defaultCacheDir();
  try {
    return HttpCache.open(dir);
  } catch (error) {
    options.io.err(
      printableLine(
        `newsgraph: HTTP cache in ${dir} cannot be used (${error instanceof Error ? error.message : String(error)}); fetching without it`,
      ),
    );
    return null;
  }
}

function openCache(options: BuildOptions, fingerprint: string): ExtractionCache | null {
  if (options.cache === false) return null;
  const dir = options.cache ?? defaultCacheDir();
  try {
    const cache = ExtractionCache.open(dir, fingerprint);
    if (cache.stats.rebuilt)
      options.io.err(
        printableLine(
          `newsgraph: cache ${cache.path} could not be trusted (${cache.stats.rebuilt}); started a fresh one`,
        ),
      );
    return cache;
  } catch (error) {
    options.io.err(
      printableLine(
        `newsgraph: cache in ${dir} cannot be used (${error instanceof Error ? error.message : String(error)}); building without it`,
      ),
    );
    return null;
  }
}

export async function buildCorpus(options: BuildOptions): Promise<BuildSummary> {
  const started = performance.now();
  const io: CorpusIO = options.quiet ? { ...options.io, isTTY: false } : options.io;
  const { signal } = io;
  const say = (text: string) => {
    if (!options.quiet) io.err(text);
  };
  checkJobs(options.jobs);
  const { paths, urls } = await partitionInputs(options.inputs);
  urls.push(...(options.sources ?? []));
  if (paths.length === 0 && urls.length === 0) throw new UsageError('no input files, folders or URLs given');
  const out = options.out ?? options.into ?? 'out/graph.json';
  // The inputs' identities are gathered only when the output exists: otherwise it cannot be one of them.
  const output = await existingOutput(out);
  const walked = paths.length > 0 ? await countFiles(paths, signal, output) : { total: 0, outputFoundAt: null };
  const { inputs, leaveOut } = output
    ? await outputAmongInputs(out, paths, output, walked.outputFoundAt)
    : { inputs: null, leaveOut: null };
  const files = walked.total - (leaveOut === null ? 0 : 1);
  const outputOptions = inputs ? { inputs } : {};
  // Refuse a bad output (an input, a folder, a virtual file system) before extracting anything.
  await checkOutput(out, outputOptions);
  if (leaveOut !== null) say(printableLine(`newsgraph: not reading ${leaveOut}: it is the graph this build writes`));
  const graph: NewsGraph = options.into ? await loadGraph(options.into) : createGraph();
  const known = new Set<string>();
  for (const article of graph.getAttribute('articles')) {
    known.add(article.id);
    // A web article is also known by the URL it was listed under, so a later round need not fetch it to find out.
    const listed = isUrl(article.file) ? canonicalUrl(article.file) : null;
    if (listed) known.add(listed);
  }
  signal.throwIfAborted();

  const httpCache = urls.length > 0 ? openHttpCache(options) : null;
  const fetcher = urls.length > 0 ? new Fetcher(options.fetch ?? {}, httpCache, signal) : null;
  let web: Array<WebEntry | InputError>;
  try {
    web = fetcher ? await resolveSources(urls, fetcher) : [];
  } catch (error) {
    httpCache?.close();
    throw error;
  }
  const links = web.filter((w) => !(w instanceof InputError)).length;
  const total = files + links;
  const requestedJobs = options.jobs ?? defaultJobs(total);
  const jobs = Math.max(1, Math.min(requestedJobs, total));

  const summary: BuildSummary = {
    files: total,
    articles: 0,
    added: 0,
    alreadyInGraph: 0,
    skipped: 0,
    cached: 0,
    extracted: 0,
    entities: 0,
    relations: 0,
    dated: 0,
    graphArticles: 0,
    seconds: 0,
    jobs,
    requests: 0,
    notModified: 0,
    written: null,
  };
  const cache = openCache(options, options.cache === false ? '' : await extractorFingerprint());
  const what =
    urls.length > 0
      ? `${files} ${files === 1 ? 'file' : 'files'} and ${links} web ${links === 1 ? 'article' : 'articles'}`
      : `${total} ${total === 1 ? 'file' : 'files'}`;
  say(
    printableLine(
      `newsgraph: building from ${what} with ${jobs} ${jobs === 1 ? 'job' : 'jobs'}, ${cache ? `cache ${cache.path}` : 'no cache'}`,
    ),
  );

  const progress = createProgress(io, total);
  const skip = (file: string, reason: string, stack: string | null = null) => {
    summary.skipped++;
    progress.note(printableLine(`newsgraph: skipped ${file}: ${reason}`));
    if (io.verbose && stack) progress.note(`${stack}\n`);
  };

  // The pool starts on the first cache miss: a rebuild served from the cache never pays for starting workers.
  // Without a cache every file is a miss, so it starts at once, while the first files are read.
  let runner: Promise<TaskRunner> | null = null;
  const getRunner = () => (runner ??= createRunner(jobs));
  if (!cache) void getRunner().catch(() => undefined);

  const failed = (entry: Entry, reason: string): Outcome => ({
    kind: 'done',
    entry,
    key: null,
    fromCache: false,
    result: { ok: false, reason, stack: null },
  });

  const obtainWeb = async (entry: WebEntry): Promise<Outcome> => {
    let page: Awaited<ReturnType<typeof loadPage>>;
    try {
      page = await loadPage(entry, fetcher as Fetcher);
    } catch (error) {
      if (error instanceof InputError) return failed(entry, error.reason);
      throw error;
    }
    // The page may name its canonical URL: an AMP or tracking-laden link to an article the graph already has.
    if (page.id !== entry.id && known.has(page.id)) return { kind: 'known', entry };
    const key = cache ? cacheKey(await extractorFingerprint(), page.id, entry.file, page.bytes) : null;
    const hit = key ? cache?.get(key) : undefined;
    if (hit)
      return {
        kind: 'done',
        entry,
        key,
        fromCache: true,
        result: { ok: true, extractions: hit, encoded: null, warnings: [] },
      };
    const result = await (await getRunner()).run({
      file: entry.file,
      id: page.id,
      encode: key !== null,
      text: page.text,
      format: page.format,
      hints: page.hints,
    });
    return { kind: 'done', entry, key, fromCache: false, result };
  };

  const obtain = async (entry: Entry): Promise<Outcome> => {
    if (known.has(entry.id)) return { kind: 'known', entry };
    if (isWeb(entry)) return obtainWeb(entry);
    let key: string | null = null;
    const maxBytes = options.maxFileSize ?? defaultMaxBytes(entry.file);
    // Hash only files the reader will accept: a multi-GB file must not be loaded just to compute a cache key.
    const size = cache
      ? await stat(entry.file).then(
          (s) => s.size,
          () => null,
        )
      : null;
    if (cache && size !== null && size <= maxBytes) {
      const bytes = await readFile(entry.file).catch(() => null);
      // An unreadable file goes to the task, whose ingest step words the reason.
      if (bytes) {
        key = cacheKey(await extractorFingerprint(), entry.id, entry.file, bytes);
        const hit = cache.get(key);
        if (hit)
          return {
            kind: 'done',
            entry,
            key,
            fromCache: true,
            result: { ok: true, extractions: hit, encoded: null, warnings: [] },
          };
      }
    }
    const result = await (await getRunner()).run({
      file: entry.file,
      id: entry.id,
      encode: key !== null,
      ...(options.maxFileSize !== undefined ? { maxBytes: options.maxFileSize } : {}),
      ...(options.limitHint !== undefined ? { limitHint: options.limitHint } : {}),
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
    for (const warning of result.warnings)
      progress.note(printableLine(`newsgraph: warning: ${entry.file}: ${warning}`));
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

  async function* entries(): AsyncGenerator<Entry | InputError, void, undefined> {
    if (paths.length > 0)
      for await (const item of walkInputs(paths, { signal }))
        if (item instanceof InputError || item.file !== leaveOut) yield item;
    yield* web;
  }

  try {
    for await (const entry of entries()) {
      if (entry instanceof InputError) {
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
    await (runner as Promise<TaskRunner> | null)?.then(
      (r) => r.destroy(),
      () => undefined,
    );
    await Promise.allSettled(inFlight);
    cache?.close();
    httpCache?.close();
  }
  summary.requests = fetcher?.stats.requests ?? 0;
  summary.notModified = fetcher?.stats.notModified ?? 0;
  if (signal.aborted && options.keepPartial && summary.added > 0 && !failure) await saveGraph(graph, out);
  signal.throwIfAborted();
  if (failure) throw (failure as { error: unknown }).error;

  unifyIdentities(graph);
  let corrected = false;
  if (options.corrections && summary.articles > 0) {
    // With --into, an entity a correction names may have been merged or dropped in an earlier run: skip, say so.
    const report = applyCorrections(graph, options.corrections, {
      source: options.correctionsFile ?? 'corrections',
      onMissing: options.into ? 'skip' : 'error',
    });
    for (const line of [...report.changes, ...report.skipped.map((s) => `skipped ${s}`)])
      io.err(`newsgraph: correction: ${line}\n`);
    corrected = report.changes.length > 0;
  }
  summary.entities = graph.order;
  summary.relations = graph.size;
  summary.graphArticles = graph.getAttribute('articles').length;
  summary.dated = graph.getAttribute('articles').filter((a) => a.published !== null).length;
  if (summary.articles === 0) {
    say('newsgraph: no articles found in the inputs; nothing written\n');
  } else if (summary.added > 0 || corrected || out !== options.into) {
    await saveGraph(graph, out, outputOptions);
    summary.written = out;
  }
  summary.seconds = (performance.now() - started) / 1000;
  if (cache && cache.stats.badRows > 0) {
    io.err(
      `newsgraph: ${cache.stats.badRows} cache entries failed their checks; those articles were extracted again\n`,
    );
  }
  say(printableLine(describe(summary, cache, out).trimEnd()));
  if (summary.graphArticles > 0) say(describeDates(summary));
  return summary;
}

function mergeExtractions(
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
function describeDates(s: BuildSummary): string {
  const none =
    s.dated === 0
      ? '; date filters (query --from/--to) and timelines have nothing to go on'
      : s.dated < s.graphArticles
        ? '; date filters leave the others out'
        : '';
  return `newsgraph: ${s.dated} of ${s.graphArticles} ${s.graphArticles === 1 ? 'article has' : 'articles have'} a publication date${none}\n`;
}

function describe(s: BuildSummary, cache: ExtractionCache | null, out: string): string {
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
