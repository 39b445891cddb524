/**
 * What one build worker pays before it is useful: time from spawn to its module loaded and to its first article
 * extracted, and the memory it adds to the process. Measured on fresh worker threads started as the build's pool
 * starts them (the pool's worker module, which asks for the extractor data the main thread shares), one at a time and two at
 * once; and, when a baseline package root is given (an older build of newsgraph), on that code's workers in the
 * same rounds, alternating, so that the machine's drifting load hits both alike.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

export interface StartupTimes {
  /** From spawn to the worker module loaded (ms). */
  loadedMs: number;
  /** From spawn to the first article extracted: the worker is ready (ms). */
  readyMs: number;
  /** A second article (warm), for scale (ms). */
  secondMs: number;
}

export interface StartupSample {
  times: StartupTimes[];
  /** Process RSS added per worker once ready (MB): RSS after the workers are ready minus RSS before spawning them. */
  rssPerWorkerMB: number;
}

const TEXT_A =
  'The Foreign Minister of Portugal, Marta Vilanova, met the President of Ghana in Lisbon on Monday to discuss shipping.';
const TEXT_B =
  'Kenya and Tanzania signed a border agreement in Arusha on Friday, and the African Union welcomed the deal.';

/** The worker's code: loads the pool's worker module (which adopts workerData, if any) and runs two file tasks. */
function workerCode(workerUrl: string): string {
  return `
    const { parentPort } = require('node:worker_threads');
    const now = () => performance.timeOrigin + performance.now();
    (async () => {
      const work = (await import(${JSON.stringify(workerUrl)})).default;
      const loaded = now();
      await work({ file: 'a.txt', id: 'a', encode: false, text: ${JSON.stringify(TEXT_A)} });
      const ready = now();
      await work({ file: 'b.txt', id: 'b', encode: false, text: ${JSON.stringify(TEXT_B)} });
      parentPort.postMessage({ loaded, ready, second: now() - ready });
      parentPort.once('message', () => process.exit(0));
    })();`;
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/**
 * Starts `count` workers of the package at `root` at once, waits until all are ready, samples RSS, then stops them.
 * `workerData` is what the pool passes (the channel that offers the shared extractor data), or undefined for a
 * worker that loads its own.
 */
async function startWorkers(root: string, count: number, workerData: unknown): Promise<StartupSample> {
  const url = pathToFileURL(join(root, 'dist', 'src', 'corpus', 'worker.js')).href;
  gc();
  const rssBefore = process.memoryUsage().rss;
  const workers: Worker[] = [];
  const started = performance.timeOrigin + performance.now();
  const results = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<StartupTimes>((resolve, reject) => {
          const worker = new Worker(workerCode(url), { eval: true, workerData });
          workers.push(worker);
          worker.once('message', (m: { loaded: number; ready: number; second: number }) =>
            resolve({ loadedMs: m.loaded - started, readyMs: m.ready - started, secondMs: m.second }),
          );
          worker.once('error', reject);
        }),
    ),
  );
  const rssPerWorkerMB = (process.memoryUsage().rss - rssBefore) / count / 1024 / 1024;
  await Promise.all(
    workers.map(
      (w) =>
        new Promise<void>((resolve) => {
          w.once('exit', () => resolve());
          w.postMessage('stop');
        }),
    ),
  );
  return { times: results, rssPerWorkerMB };
}

export interface StartupRun {
  /** Build time of the shared data in the main thread (ms), once per build; 0 when the code shares nothing. */
  shareMs: number;
  alone: StartupSample[];
  paired: StartupSample[];
}

/**
 * `rounds` rounds of: one worker alone, then two at once, for the current code (`root`, with the data the main
 * thread shares) and, if given, the baseline (`baseRoot`, its workers loading their own), alternating.
 */
export async function measureStartup(
  root: string,
  rounds: number,
  baseRoot: string | null,
): Promise<{ current: StartupRun; baseline: StartupRun | null }> {
  const module = (path: string) => import(pathToFileURL(join(root, 'dist', 'src', ...path.split('/'))).href);
  const { shareExtractor } = (await module('extract/shared.js')) as { shareExtractor(): unknown };
  const { openExtractorOffer } = (await module('corpus/share.js')) as {
    openExtractorOffer(name: string): { offer(data: unknown): void; close(): void };
  };
  const t0 = performance.now();
  const extractor = shareExtractor();
  const current: StartupRun = { shareMs: performance.now() - t0, alone: [], paired: [] };
  const extractorChannel = `newsgraph-bench-${process.pid}`;
  const channel = openExtractorOffer(extractorChannel);
  channel.offer(extractor);
  const baseline: StartupRun | null = baseRoot ? { shareMs: 0, alone: [], paired: [] } : null;
  for (let i = 0; i < rounds; i++) {
    for (const count of [1, 2]) {
      const key = count === 1 ? 'alone' : 'paired';
      if (baseline && baseRoot) baseline[key].push(await startWorkers(baseRoot, count, undefined));
      current[key].push(await startWorkers(root, count, { extractorChannel }));
    }
  }
  channel.close();
  return { current, baseline };
}
