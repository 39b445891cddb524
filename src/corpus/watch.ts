/**
 * `newsgraph watch SOURCES --into GRAPH`: a build --into repeated every interval. Each round fetches the sources
 * (an unchanged feed costs a 304), reads only the articles the graph does not have, writes the graph atomically when
 * something was added (an unchanged round leaves its bytes alone), and prints one line. Ctrl-C during the pause
 * stops at once; during a round it keeps the articles merged so far and stops.
 */
import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { UsageError } from '../errors.js';
import { readSourceList } from '../sources/index.js';
import type { FetchSettings } from '../sources/settings.js';
import { printableLine } from '../util/printable.js';
import { buildCorpus } from './build.js';
import type { CorpusIO } from './io.js';

export interface WatchOptions {
  inputs: string[];
  sources?: string[];
  /**
   * Source list files (one URL a line), read again at the start of every round: a URL added to one is fetched from
   * the next round on, without restarting. A list that cannot be read in a later round keeps its last good URLs.
   */
  sourceLists?: string[];
  into: string;
  /** Pause between the end of one round and the start of the next, in milliseconds. */
  everyMs: number;
  /** Stop after this many rounds (default: until interrupted). */
  rounds?: number;
  jobs?: number;
  cache?: string | false;
  maxFileSize?: number;
  fetch?: Partial<FetchSettings>;
  io: CorpusIO;
}

export interface WatchSummary {
  rounds: number;
  added: number;
  /** True when stopped by Ctrl-C rather than by the round limit. */
  interrupted: boolean;
}

/** "15m", "30s", "1h", "1.5h" -> milliseconds. */
export function parseInterval(value: string): number {
  const match = /^(\d+(?:\.\d+)?)(s|m|h)$/.exec(value.trim());
  if (!match || Number(match[1]) <= 0)
    throw new UsageError(`interval must be a number with s, m or h (30s, 15m, 1h), not '${value}'`);
  return Math.round(Number(match[1]) * { s: 1000, m: 60_000, h: 3_600_000 }[match[2] as 's' | 'm' | 'h']);
}

function clock(): string {
  return new Date().toISOString().slice(11, 19);
}

/** The URLs of every list, read now; a list unreadable now gives its URLs from `last` (and one line on stderr). */
async function readLists(files: readonly string[], last: Map<string, string[]>, io: CorpusIO): Promise<string[]> {
  const urls: string[] = [];
  for (const file of files) {
    try {
      const list = await readSourceList(file);
      last.set(file, list);
      urls.push(...list);
    } catch (error) {
      const previous = last.get(file);
      if (!previous || !(error instanceof UsageError)) throw error;
      io.err(printableLine(`newsgraph: ${error.message}; using its URLs from the last round`));
      urls.push(...previous);
    }
  }
  return urls;
}

export async function watchSources(options: WatchOptions): Promise<WatchSummary> {
  const { io } = options;
  const result: WatchSummary = { rounds: 0, added: 0, interrupted: false };
  const lastLists = new Map<string, string[]>();
  for (;;) {
    if (io.signal.aborted) break;
    result.rounds++;
    const round = result.rounds;
    try {
      const listed = await readLists(options.sourceLists ?? [], lastLists, io);
      const s = await buildCorpus({
        inputs: options.inputs,
        sources: [...(options.sources ?? []), ...listed],
        out: options.into,
        ...(existsSync(options.into) ? { into: options.into } : {}),
        ...(options.jobs !== undefined ? { jobs: options.jobs } : {}),
        ...(options.cache !== undefined ? { cache: options.cache } : {}),
        ...(options.maxFileSize !== undefined ? { maxFileSize: options.maxFileSize } : {}),
        ...(options.fetch ? { fetch: options.fetch } : {}),
        quiet: true,
        keepPartial: true,
        io,
      });
      result.added += s.added;
      const target = s.written
        ? `${s.entities} entities, ${s.relations} relations -> ${s.written}`
        : `${options.into} unchanged`;
      io.err(
        printableLine(
          `newsgraph: round ${round} at ${clock()}: ${s.added} new, ${s.alreadyInGraph} unchanged, ${s.skipped} failed; ${target}`,
        ),
      );
    } catch (error) {
      if (!io.signal.aborted) throw error;
    }
    if (io.signal.aborted || (options.rounds !== undefined && round >= options.rounds)) break;
    try {
      await sleep(options.everyMs, undefined, { signal: io.signal });
    } catch {
      break; // Ctrl-C while waiting
    }
  }
  if (io.signal.aborted) {
    result.interrupted = true;
    io.err(
      printableLine(
        `newsgraph: stopped after ${result.rounds} ${result.rounds === 1 ? 'round' : 'rounds'}; ${options.into} holds every article merged`,
      ),
    );
  }
  return result;
}
