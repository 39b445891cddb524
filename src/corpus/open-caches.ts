/**
 * Opening a build's caches (extractions, HTTP responses): a cache that cannot be used is said once and the build
 * goes on without it, since a cache only saves time.
 */
import { HttpCache } from '../sources/index.js';
import { printableLine } from '../util/printable.js';
import { defaultCacheDir, ExtractionCache } from './cache.js';
import type { CorpusIO } from './io.js';

export function openHttpCache(folder: string | false | undefined, io: CorpusIO): HttpCache | null {
  if (folder === false) return null;
  const dir = folder ?? defaultCacheDir();
  try {
    return HttpCache.open(dir);
  } catch (error) {
    io.err(
      printableLine(
        `newsgraph: HTTP cache in ${dir} cannot be used (${error instanceof Error ? error.message : String(error)}); fetching without it`,
      ),
    );
    return null;
  }
}

export function openCache(
  folder: string | false | undefined,
  fingerprint: string,
  io: CorpusIO,
): ExtractionCache | null {
  if (folder === false) return null;
  const dir = folder ?? defaultCacheDir();
  try {
    const cache = ExtractionCache.open(dir, fingerprint);
    if (cache.stats.rebuilt)
      io.err(
        printableLine(
          `newsgraph: cache ${cache.path} could not be trusted (${cache.stats.rebuilt}); started a fresh one`,
        ),
      );
    return cache;
  } catch (error) {
    io.err(
      printableLine(
        `newsgraph: cache in ${dir} cannot be used (${error instanceof Error ? error.message : String(error)}); building without it`,
      ),
    );
    return null;
  }
}
