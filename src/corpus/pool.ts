/** Where file tasks run: a piscina pool of worker threads, or this thread when one job is asked for. */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { PACKAGE_ROOT } from '../version.js';
import { openExtractorOffer } from './share.js';
import type { FileResult, FileTask } from './task.js';

export interface TaskRunner {
  run(task: FileTask): Promise<FileResult>;
  /** Stops the workers; tasks still running are abandoned (their promises reject). */
  destroy(): Promise<void>;
}

/**
 * The worker module. Workers must load compiled JavaScript, so when this module runs from source (vitest), the
 * pool still uses dist/src/corpus/worker.js (`npm run build` first).
 */
function workerFile(): string {
  const here = fileURLToPath(import.meta.url);
  const file = here.endsWith('.ts')
    ? join(PACKAGE_ROOT, 'dist', 'src', 'corpus', 'worker.js')
    : join(dirname(here), 'worker.js');
  if (!existsSync(file)) throw new Error(`worker module ${file} is missing; run \`npm run build\``);
  return file;
}

/** Loaded on first use: with worker threads, this thread loads the extractor only to build the data they share. */
let taskModule: Promise<typeof import('./task.js')> | null = null;

class InProcessRunner implements TaskRunner {
  async run(task: FileTask): Promise<FileResult> {
    taskModule ??= import('./task.js');
    return (await taskModule).runFileTask(task);
  }
  async destroy(): Promise<void> {}
}

/** Channels are named per pool: one process may run several builds (watch rounds, tests). */
let pools = 0;

class PoolRunner implements TaskRunner {
  private constructor(
    private readonly pool: Piscina<FileTask, FileResult>,
    private readonly closeOffer: () => void,
  ) {}

  /**
   * Starts the workers first (they load their modules meanwhile), then loads the extractor here and builds the
   * data they share (once), and offers it on the channel they ask on (src/corpus/share.ts).
   */
  static async start(jobs: number): Promise<PoolRunner> {
    const channel = `newsgraph-extractor-${process.pid}-${++pools}`;
    const offer = openExtractorOffer(channel);
    // Threads start together and stay up for the whole build; idle ones are not reaped mid-build.
    const pool = new Piscina<FileTask, FileResult>({
      filename: workerFile(),
      workerData: { extractorChannel: channel },
      minThreads: jobs,
      maxThreads: jobs,
      idleTimeout: 60_000,
      concurrentTasksPerWorker: 2,
    });
    try {
      const { shareExtractor } = await import('../extract/shared.js');
      offer.offer(shareExtractor());
      return new PoolRunner(pool, offer.close);
    } catch (error) {
      offer.close();
      await pool.destroy();
      throw error;
    }
  }
  run(task: FileTask): Promise<FileResult> {
    return this.pool.run(task);
  }
  destroy(): Promise<void> {
    this.closeOffer();
    return this.pool.destroy();
  }
}

/**
 * With several jobs, this thread builds the extractor's read-only data once (src/extract/shared.ts) while the
 * workers start: they share it instead of each building and holding their own.
 */
export async function createRunner(jobs: number): Promise<TaskRunner> {
  return jobs <= 1 ? new InProcessRunner() : PoolRunner.start(jobs);
}
