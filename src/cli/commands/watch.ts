/** `newsgraph watch SOURCES... --into GRAPH [--every 15m]`: keep a graph current with its sources. */
import type { Command } from 'commander';
import { CACHE_ENV, DEFAULT_WATCH_INTERVAL } from '../../corpus/settings.js';
import { UsageError } from '../../errors.js';
import type { CliIO } from '../context.js';
import { addSourceOptions, fetchSettings, type SourceFlags, sourceUrls } from '../source-options.js';

interface WatchFlags extends SourceFlags {
  into: string;
  every: string;
  rounds?: string;
  jobs?: string;
  cache: boolean | string;
}

export function registerWatch(program: Command, io: CliIO, setExit: (code: number) => void): void {
  const command = program
    .command('watch')
    .description('poll feeds, sitemaps and pages, adding new articles to a graph after each round (Ctrl-C stops)')
    .argument('[source...]', 'URLs of feeds, sitemaps or pages, .txt lists of URLs (files and folders too)')
    .requiredOption('--into <graph>', 'the graph file to keep current (created by the first round if missing)')
    .option('--every <interval>', 'pause between rounds: 30s, 15m, 1h', DEFAULT_WATCH_INTERVAL)
    .option('--rounds <n>', 'stop after n rounds (default: run until Ctrl-C)')
    .option('-j, --jobs <n>', 'worker threads for extraction (default: as for build)')
    .option('--cache <dir>', `extraction and HTTP cache folder (default: $${CACHE_ENV} or ~/.cache/newsgraph)`)
    .option('--no-cache', 'no cache: every round fetches and extracts new articles without validators');
  addSourceOptions(command).action(async (inputs: string[], flags: WatchFlags) => {
    const { parseInterval, watchSources } = await import('../../corpus/watch.js');
    const everyMs = parseInterval(flags.every);
    const positive = (flag: string, value: string | undefined) => {
      if (value === undefined) return undefined;
      if (!/^\d+$/.test(value) || Number(value) < 1)
        throw new UsageError(`${flag} must be a whole number of at least 1, not '${value}'`);
      return Number(value);
    };
    const rounds = positive('--rounds', flags.rounds);
    const jobs = positive('--jobs', flags.jobs);
    // Read once here so that a bad list is a usage error at once; the watcher reads the lists again every round.
    const sources = await sourceUrls(flags);
    if (inputs.length === 0 && sources.length === 0)
      throw new UsageError('watch needs sources: URLs, .txt lists of URLs, or --sources FILE');
    await watchSources({
      inputs,
      sourceLists: flags.sources ?? [],
      into: flags.into,
      everyMs,
      ...(rounds !== undefined ? { rounds } : {}),
      ...(jobs !== undefined ? { jobs } : {}),
      cache: flags.cache === false ? false : typeof flags.cache === 'string' ? flags.cache : undefined,
      fetch: fetchSettings(flags, undefined),
      io,
    });
    // Stopping a watcher with Ctrl-C is how it is meant to end: exit 0.
    setExit(0);
  });
}
