/** `newsgraph extract INPUT... --jsonl [--shard K/N]`: one JSON object per article, offsets into each file's original text. */
import type { Command } from 'commander';
import { CACHE_ENV } from '../../corpus/settings.js';
import { UsageError } from '../../errors.js';
import type { CliIO } from '../context.js';
import { addSourceOptions, fetchSettings, type SourceFlags, sourceUrls } from '../source-options.js';

interface ExtractFlags extends SourceFlags {
  shard?: string;
  /** commander's --no-cache: false when given; a string when --cache DIR is given. */
  cache: boolean | string;
}

export function registerExtract(program: Command, io: CliIO, setExit: (code: number) => void): void {
  const command = program
    .command('extract')
    .description('print the entities and relations of each article as JSON Lines')
    .argument('[input...]', 'article files or folders, URLs of feeds, sitemaps or pages, .txt lists of URLs')
    .option('--jsonl', 'print JSON Lines (the default and only format)', true)
    .option(
      '--shard <k/n>',
      'extract only the k-th of n interleaved shares of the inputs (for `newsgraph merge` on one machine later)',
    )
    .option('--cache <dir>', `folder of the HTTP cache for sources (default: $${CACHE_ENV} or ~/.cache/newsgraph)`)
    .option('--no-cache', 'do not remember or send HTTP validators');
  addSourceOptions(command).action(async (inputs: string[], flags: ExtractFlags) => {
    const fetch = fetchSettings(flags, undefined);
    const sources = await sourceUrls(flags);
    if (inputs.length === 0 && sources.length === 0)
      throw new UsageError('extract needs at least one file, folder or URL');
    const { extractCorpus, parseShard } = await import('../../corpus/extract.js');
    const shard = flags.shard !== undefined ? parseShard(flags.shard) : undefined;
    const { articles } = await extractCorpus(
      {
        inputs,
        sources,
        fetch,
        cache: flags.cache === false ? false : typeof flags.cache === 'string' ? flags.cache : undefined,
        ...(shard ? { shard } : {}),
        io,
      },
      (line) => io.out(`${JSON.stringify(line)}\n`),
    );
    setExit(articles > 0 ? 0 : 1);
  });
}
