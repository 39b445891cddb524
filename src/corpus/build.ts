/**
 * `newsgraph build`: many input files in, one graph file out. Files are walked lazily and extracted on a pool of
 * worker threads through the task window (./window.ts: bounded in flight, merged in walk order, so the graph file has
 * the same bytes whatever the number of jobs). Extractions are cached by content; an interrupted or failed build
 * writes nothing. The policy checks come from ./policy.ts, the summary from ./summary.ts.
 */
import { readFile, stat } from 'node:fs/promises';
import { InputError, UsageError } from '../errors.js';
import { createGraph } from '../graph/build.js';
import { applyCorrections, type Corrections } from '../graph/corrections.js';
import { loadGraph, saveGraph } from '../graph/file.js';
import { unifyIdentities } from '../graph/identity.js';
import type { NewsGraph } from '../graph/types.js';
import { defaultMaxBytes } from '../ingest/read.js';
import { type InputFile, walkInputs } from '../ingest/walk.js';
import {
  canonicalUrl,
  Fetcher,
  type FetchSettings,
  isUrl,
  loadPage,
  partitionInputs,
  resolveSources,
  type WebEntry,
} from '../sources/index.js';
import { checkOutput } from '../util/output.js';
import { printableLine } from '../util/printable.js';
import { cacheKey } from './cache.js';
import { extractorFingerprint } from './fingerprint.js';
import type { CorpusIO } from './io.js';
import { openCache, openHttpCache } from './open-caches.js';
import { checkJobs, countFiles, defaultJobs, existingOutput, outputAmongInputs } from './policy.js';
import { createRunner, type TaskRunner } from './pool.js';
import { createProgress } from './progress.js';
import { DEFAULT_GRAPH_FILE, WINDOW_PER_JOB } from './settings.js';
import { type BuildSummary, describe, describeDates, mergeExtractions } from './summary.js';
import type { FileResult } from './task.js';
import { runOrdered } from './window.js';

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

/** What became of one input file, waiting in the reorder buffer to be merged. */
type Entry = InputFile | WebEntry;
type Outcome =
  | { kind: 'known'; entry: Entry }
  | { kind: 'done'; entry: Entry; result: FileResult; key: string | null; fromCache: boolean };

function isWeb(entry: Entry): entry is WebEntry {
  return (entry as WebEntry).kind === 'web';
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
  const out = options.out ?? options.into ?? DEFAULT_GRAPH_FILE;
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

  const httpCache = urls.length > 0 ? openHttpCache(options.cache, options.io) : null;
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
  const cache = openCache(options.cache, options.cache === false ? '' : await extractorFingerprint(), options.io);
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

  const window = Math.max(16, jobs * WINDOW_PER_JOB);
  async function* entries(): AsyncGenerator<Entry | InputError, void, undefined> {
    if (paths.length > 0)
      for await (const item of walkInputs(paths, { signal }))
        if (item instanceof InputError || item.file !== leaveOut) yield item;
    yield* web;
  }

  let failure: { error: unknown } | null;
  try {
    failure = await runOrdered<Entry, Outcome>({
      entries: entries(),
      window,
      signal,
      obtain,
      // A worker that died (out of memory on a huge file) or a pool torn down by Ctrl-C: the file is skipped.
      failed: (entry, error) =>
        failed(entry, `extraction failed (${error instanceof Error ? error.message : String(error)})`),
      merge: (outcome, count) => {
        merge(outcome);
        progress.update(count);
      },
      skip: (error) => skip(error.file, error.reason),
      stop: async () => {
        progress.stop();
        // On Ctrl-C this abandons running tasks; their files are simply not merged.
        await (runner as Promise<TaskRunner> | null)?.then(
          (r) => r.destroy(),
          () => undefined,
        );
      },
    });
  } finally {
    cache?.close();
    httpCache?.close();
  }
  summary.requests = fetcher?.stats.requests ?? 0;
  summary.notModified = fetcher?.stats.notModified ?? 0;
  if (signal.aborted && options.keepPartial && summary.added > 0 && !failure) await saveGraph(graph, out);
  signal.throwIfAborted();
  if (failure) throw failure.error;

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
