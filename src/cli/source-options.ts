/** The options about fetching sources, shared by build, extract and watch: declared once, parsed once. */
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import type { FetchSettings } from '../sources/settings.js';

export interface SourceFlags {
  sources?: string[];
  allowPrivate?: boolean;
  timeout?: string;
  delay?: string;
}

export function addSourceOptions(command: Command): Command {
  return command
    .option('--sources <file>', 'a .txt list of feed, sitemap or page URLs, one a line (repeatable)', (value: string, previous: string[] = []) => [...previous, value])
    .option('--allow-private', 'follow links in feeds and pages to loopback, private or link-local addresses of other hosts')
    .option('--timeout <seconds>', 'give up on one HTTP request after this long (default: 20)')
    .option('--delay <seconds>', 'pause between two requests to the same host (default: 1; robots.txt Crawl-delay can raise it)');
}

function seconds(flag: string, value: string | undefined, allowZero: boolean): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+(\.\d+)?$/.test(value) || (!allowZero && Number(value) <= 0)) {
    throw new UsageError(`${flag} must be a ${allowZero ? 'non-negative' : 'positive'} number of seconds, not '${value}'`);
  }
  return Math.round(Number(value) * 1000);
}

export function fetchSettings(flags: SourceFlags, maxBytes: number | undefined): Partial<FetchSettings> {
  const settings: Partial<FetchSettings> = {};
  const timeout = seconds('--timeout', flags.timeout, false);
  const delay = seconds('--delay', flags.delay, true);
  if (timeout !== undefined) settings.timeoutMs = timeout;
  if (delay !== undefined) settings.delayMs = delay;
  if (flags.allowPrivate) settings.allowPrivate = true;
  if (maxBytes !== undefined) settings.maxBytes = maxBytes;
  return settings;
}

/** The URLs of every --sources file, in order. */
export async function sourceUrls(flags: SourceFlags): Promise<string[]> {
  const { readSourceList } = await import('../sources/index.js');
  const urls: string[] = [];
  for (const file of flags.sources ?? []) urls.push(...(await readSourceList(file)));
  return urls;
}
