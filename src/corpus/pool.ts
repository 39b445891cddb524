/** Where file tasks run: a piscina pool of worker threads, or this thread when one job is asked for. */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { SharedExtractor } from '../extract/shared.js';
import { PACKAGE_ROOT } from '../version.js';
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

/** Loaded on first use: with worker threads, this thread never needs the extractor (the workers load it sooner). */
let taskModule: Promise<typeof import('./task.js')> | null = null;

class InProcessRunner implements TaskRunner {
  async run(task: FileTask): Promise<FileResult> {
    taskModule ??= import('./task.js');
    return (await taskModule).runFileTask(task);
  }
  async destroy(): Promise<void> {}
}

class PoolRunner implements TaskRunner {
  private readonly pool: Piscina<FileTask, FileResult>;
  constructor(jobs: number, extractor: SharedExtractor) {
    // Threads start together and stay up for the whole build; idle ones are not reaped mid-build.
    this.pool = new Piscina({
      filename: workerFile(),
      workerData: { extractor },
      minThreads: jobs,
      maxThreads: jobs,
      idleTimeout: 60_000,
      concurrentTasksPerWorker: 2,
    });
  }
  run(task: FileTask): Promise<FileResult> {
    return this.pool.run(task);
  }
  destroy(): Promise<void> {
    return this.pool.destroy();
  }
}

/**
 * With several jobs, this thread first builds the extractor's read-only data once (src/extract/shared.ts), then
 * starts the workers with it: they share it instead of each building and holding their own.
 */
export async function createRunner(jobs: number): Promise<TaskRunner> {
  if (jobs <= 1) return new InProcessRunner();
  const { shareExtractor } = await import('../extract/shared.js');
  return new PoolRunner(jobs, shareExtractor());
}
