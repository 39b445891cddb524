/** `newsgraph build INPUT... [-o FILE] [--jobs N] [--no-cache] [--cache DIR] [--into GRAPH]`: articles in, graph out. */
import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import { CACHE_ENV, DEFAULT_GRAPH_FILE, FILES_PER_JOB } from '../../corpus/settings.js';
import { UsageError } from '../../errors.js';
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_COLLECTION_BYTES } from '../../ingest/settings.js';
import type { CliIO } from '../context.js';
import { fetchSettings, SOURCE_OPTIONS, type SourceFlags, sourceUrls } from '../source-options.js';

interface BuildFlags extends SourceFlags {
  out?: string;
  into?: string;
  jobs?: string;
  /** commander's --no-cache: false when given; a string when --cache DIR is given. */
  cache: boolean | string;
  maxFileSize?: string;
  corrections?: string;
}

/** Bytes in a megabyte as --max-file-size counts them (MiB). */
const MB = 1024 * 1024;

function parseMegabytes(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+(\.\d+)?$/.test(value) || Number(value) <= 0)
    throw new UsageError(`--max-file-size must be a positive number of megabytes, not '${value}'`);
  return Math.round(Number(value) * MB);
}

function parseJobs(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1)
    throw new UsageError(`--jobs must be a whole number of at least 1, not '${value}'`);
  return Number(value);
}

export function registerBuild(program: Command, io: CliIO, setExit: (code: number) => void): void {
  program
    .command('build')
    .description('extract articles (files, folders, feeds, sitemaps or pages) and write a graph file')
    .argument(
      '[input...]',
      'article files or folders (txt, md, html, json, jsonl), URLs of feeds, sitemaps or pages, .txt lists of URLs',
    )
    .option('-o, --out <file>', `graph file to write (default: the --into file, else ${DEFAULT_GRAPH_FILE})`)
    .option(
      '--into <graph>',
      'merge the new articles into this existing graph file (articles already in it are skipped)',
    )
    .option(
      '-j, --jobs <n>',
      `worker threads for extraction (default: the number of cores, ${availableParallelism()} here, but at most one per ${FILES_PER_JOB} files)`,
    )
    .option('--cache <dir>', `extraction cache folder (default: $${CACHE_ENV} or ~/.cache/newsgraph)`)
    .option('--no-cache', 'extract every article again; do not read or write the cache')
    .option(
      '--max-file-size <mb>',
      `largest input file or fetched page to read, in MB (default: ${DEFAULT_MAX_BYTES / MB}, or ${DEFAULT_MAX_COLLECTION_BYTES / MB} for .json/.jsonl)`,
    )
    .option(...SOURCE_OPTIONS.sources)
    .option(...SOURCE_OPTIONS.allowPrivate)
    .option(...SOURCE_OPTIONS.timeout)
    .option(...SOURCE_OPTIONS.delay)
    .option('--corrections <file>', 'apply user corrections (merge, aliases, kind, drop, distinct) from this JSON file')
    .action(async (inputs: string[], flags: BuildFlags) => {
      const sources = await sourceUrls(flags);
      if (inputs.length === 0 && sources.length === 0)
        throw new UsageError('build needs files, folders or URLs (or --sources FILE)');
      const { buildCorpus } = await import('../../corpus/build.js');
      // Checked before any extraction: a typo in the corrections file should not cost a build.
      const corrections = flags.corrections
        ? await (await import('../../graph/corrections.js')).loadCorrections(flags.corrections)
        : undefined;
      const summary = await buildCorpus({
        inputs,
        sources,
        fetch: fetchSettings(flags, parseMegabytes(flags.maxFileSize)),
        out: flags.out,
        into: flags.into,
        jobs: parseJobs(flags.jobs),
        cache: flags.cache === false ? false : typeof flags.cache === 'string' ? flags.cache : undefined,
        maxFileSize: parseMegabytes(flags.maxFileSize),
        limitHint: 'raise it with --max-file-size',
        ...(corrections ? { corrections, correctionsFile: flags.corrections } : {}),
        io,
      });
      setExit(summary.articles > 0 ? 0 : 1);
    });
}
