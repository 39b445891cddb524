/**
 * `newsgraph extract`: the extraction of every input (files, folders, feeds, sitemaps, pages) as JSON Lines, one
 * article a line, in the order a build would merge them. With a shard (K of N) a machine extracts every N-th input
 * of that order and numbers its lines, so that `newsgraph merge` over all N outputs rebuilds exactly the graph one
 * build over the same inputs would write.
 */

import { InputError, UsageError } from '../errors.js';
import type { Extraction } from '../extract/types.js';
import { type InputFile, walkInputs } from '../ingest/walk.js';
import {
  Fetcher,
  type FetchSettings,
  HttpCache,
  loadPage,
  partitionInputs,
  resolveSources,
  type WebEntry,
} from '../sources/index.js';
import { printableLine } from '../util/printable.js';
import { defaultCacheDir } from './cache.js';
import type { CorpusIO } from './io.js';
import { type FileTask, runFileTask } from './task.js';

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

export interface ExtractOptions {
  inputs: string[];
  sources?: string[];
  fetch?: Partial<FetchSettings>;
  /** Folder of the HTTP cache (validators for 304s), or false for none. Default: defaultCacheDir(). */
  cache?: string | false;
  maxFileSize?: number;
  /** Added to a "too large" reason: how the user raises the limit (the CLI names its flag). */
  limitHint?: string;
  shard?: Shard;
  io: CorpusIO;
}

/** One line of `extract --jsonl`. `seq` (the input's place in build order) and `shard` are set for sharded runs. */
export interface ExtractionLine {
  file: string;
  id: string;
  article: Extraction['article'];
  entities: Extraction['entities'];
  relations: Extraction['relations'];
  signature?: string;
  seq?: number;
  shard?: string;
}

function toLine(x: Extraction, seq: number | null, shard: Shard | undefined): ExtractionLine {
  const line: ExtractionLine = {
    file: x.file,
    id: x.articleId,
    article: x.article,
    entities: x.entities,
    relations: x.relations,
  };
  if (x.signature) line.signature = x.signature;
  if (shard && seq !== null) {
    line.seq = seq;
    line.shard = `${shard.index}/${shard.count}`;
  }
  return line;
}

export function parseShard(value: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count)
    throw new UsageError(`shard must be K/N with 1 <= K <= N, not '${value}'`);
  return { index, count };
}

/** Extracts every input in build order, calling `emit` per article. Returns the articles and the skipped inputs. */
export async function extractCorpus(
  options: ExtractOptions,
  emit: (line: ExtractionLine) => void,
): Promise<{ articles: number; skipped: number }> {
  const { io, shard } = options;
  const { paths, urls } = await partitionInputs(options.inputs);
  urls.push(...(options.sources ?? []));
  if (paths.length === 0 && urls.length === 0) throw new UsageError('no input files, folders or URLs given');
  let httpCache: HttpCache | null = null;
  if (urls.length > 0 && options.cache !== false) {
    try {
      httpCache = HttpCache.open(options.cache ?? defaultCacheDir());
    } catch {
      httpCache = null;
    }
  }
  const fetcher = urls.length > 0 ? new Fetcher(options.fetch ?? {}, httpCache, io.signal) : null;
  const result = { articles: 0, skipped: 0 };
  const skip = (file: string, reason: string) => {
    result.skipped++;
    io.err(printableLine(`newsgraph: skipped ${file}: ${reason}`));
  };
  try {
    const web = fetcher ? await resolveSources(urls, fetcher) : [];
    async function* entries(): AsyncGenerator<InputFile | WebEntry | InputError, void, undefined> {
      if (paths.length > 0) yield* walkInputs(paths, { signal: io.signal });
      yield* web;
    }
    let seq = -1;
    for await (const entry of entries()) {
      io.signal.throwIfAborted();
      if (entry instanceof InputError) {
        skip(entry.file, entry.reason);
        continue;
      }
      seq++;
      if (shard && seq % shard.count !== shard.index - 1) continue;
      let task: FileTask = {
        file: entry.file,
        id: entry.id,
        encode: false,
        ...(options.maxFileSize !== undefined ? { maxBytes: options.maxFileSize } : {}),
        ...(options.limitHint !== undefined ? { limitHint: options.limitHint } : {}),
      };
      if ((entry as WebEntry).kind === 'web') {
        try {
          const page = await loadPage(entry as WebEntry, fetcher as Fetcher);
          task = {
            file: entry.file,
            id: page.id,
            encode: false,
            text: page.text,
            format: page.format,
            hints: page.hints,
          };
        } catch (error) {
          if (!(error instanceof InputError)) throw error;
          skip(entry.file, error.reason);
          continue;
        }
      }
      const outcome = await runFileTask(task);
      if (!outcome.ok) {
        skip(entry.file, outcome.reason);
        continue;
      }
      for (const warning of outcome.warnings) io.err(printableLine(`newsgraph: warning: ${entry.file}: ${warning}`));
      for (const extraction of outcome.extractions) {
        emit(toLine(extraction, seq, shard));
        result.articles++;
      }
    }
  } finally {
    httpCache?.close();
  }
  return result;
}
