/**
 * What one build worker pays before its first result: loading the stages' modules, then the first article (which
 * loads the NER model, builds its weight table and gazetteers, and reads the knowledge files), then a second
 * article (warm). Measured in fresh worker threads, one at a time and two at once (as a 2-job build starts them).
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { PACKAGE_ROOT } from '../src/version.js';

export interface StartupTimes {
  importMs: number;
  firstMs: number;
  secondMs: number;
}

const TEXT_A =
  'The Foreign Minister of Portugal, Marta Vilanova, met the President of Ghana in Lisbon on Monday to discuss shipping.';
const TEXT_B =
  'Kenya and Tanzania signed a border agreement in Arusha on Friday, and the African Union welcomed the deal.';

/** The worker's code: CommonJS (eval), importing the compiled task module as a real build worker does. */
function workerCode(taskUrl: string): string {
  return `
    const { parentPort } = require('node:worker_threads');
    (async () => {
      const t0 = performance.now();
      const { runFileTask } = await import(${JSON.stringify(taskUrl)});
      const t1 = performance.now();
      await runFileTask({ file: 'a.txt', id: 'a', encode: false, text: ${JSON.stringify(TEXT_A)} });
      const t2 = performance.now();
      await runFileTask({ file: 'b.txt', id: 'b', encode: false, text: ${JSON.stringify(TEXT_B)} });
      const t3 = performance.now();
      parentPort.postMessage({ importMs: t1 - t0, firstMs: t2 - t1, secondMs: t3 - t2 });
    })();`;
}

function startWorker(): Promise<StartupTimes> {
  const taskUrl = pathToFileURL(join(PACKAGE_ROOT, 'dist', 'src', 'corpus', 'task.js')).href;
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerCode(taskUrl), { eval: true });
    worker.once('message', (times: StartupTimes) => {
      resolve(times);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

/** `rounds` workers one after another, then `rounds` pairs started together. */
export async function measureStartup(rounds: number): Promise<{ alone: StartupTimes[]; paired: StartupTimes[] }> {
  const alone: StartupTimes[] = [];
  const paired: StartupTimes[] = [];
  for (let i = 0; i < rounds; i++) alone.push(await startWorker());
  for (let i = 0; i < rounds; i++) paired.push(...(await Promise.all([startWorker(), startWorker()])));
  return { alone, paired };
}
