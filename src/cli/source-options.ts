/** The options about fetching sources, shared by build, extract and watch: declared once, parsed once. */
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { FETCH_DEFAULTS, type FetchSettings } from '../sources/settings.js';

export interface SourceFlags {
  sources?: string[];
  allowPrivate?: boolean;
  timeout?: string;
  delay?: string;
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** The options as commander arguments, so each command lists them in its own option chain. */
export const SOURCE_OPTIONS = {
  sources: ['--sources <file>', 'a .txt list of feed, sitemap or page URLs, one a line (repeatable)', collect] as const,
  allowPrivate: [
    '--allow-private',
    'follow links in feeds and pages to loopback, private or link-local addresses of other hosts',
  ] as const,
  timeout: [
    '--timeout <seconds>',
    `give up on one HTTP request after this long (default: ${FETCH_DEFAULTS.timeoutMs / 1000})`,
  ] as const,
  delay: [
    '--delay <seconds>',
    `pause between two requests to the same host (default: ${FETCH_DEFAULTS.delayMs / 1000}; robots.txt Crawl-delay can raise it)`,
  ] as const,
};

export function addSourceOptions(command: Command): Command {
  return command
    .option(...SOURCE_OPTIONS.sources)
    .option(...SOURCE_OPTIONS.allowPrivate)
    .option(...SOURCE_OPTIONS.timeout)
    .option(...SOURCE_OPTIONS.delay);
}

function seconds(flag: string, value: string | undefined, allowZero: boolean): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+(\.\d+)?$/.test(value) || (!allowZero && Number(value) <= 0)) {
    throw new UsageError(
      `${flag} must be a ${allowZero ? 'non-negative' : 'positive'} number of seconds, not '${value}'`,
    );
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
