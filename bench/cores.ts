/**
 * How much faster this machine runs two threads than one, on work that needs no coordination at all: the ceiling
 * for any 2-job speed-up measured in the same run. Virtual machines often give two "cores" that are one physical
 * core's two hyper-threads or share it with other tenants, and then even perfectly parallel work gains far less
 * than 2×. Each probe runs one unit of work twice in one thread, then once in each of two threads at the same time.
 */
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { median } from './table.js';

export interface CoreProbe {
  name: string;
  /** Seconds for two units in one thread, two units in two threads (medians over the rounds). */
  oneThread: number;
  twoThreads: number;
  /** oneThread / twoThreads: 2 on two real cores. */
  speedup: number;
}

/** The probes, as worker source: each defines unit(), a fixed amount of work that returns a number. */
const PROBES: { name: string; source: string }[] = [
  {
    name: 'integer loop (registers only)',
    source: `function unit() {
      let a = 1, b = 2, c = 3, d = 4;
      for (let i = 0; i < 2e8; i++) { a = (a + i) ^ (a >>> 3); b = (b + i) ^ (b >>> 5); c = (c + i) ^ (c >>> 7); d = (d + i) ^ (d >>> 11); }
      return a ^ b ^ c ^ d;
    }`,
  },
  {
    // Like the tagger's feature look-ups: hashed reads scattered over a 16 MB table, summed in floating point.
    name: 'scattered reads over 16 MB (like the NER weight table)',
    source: `const table = new Float32Array(4 << 20).map((_, i) => (i % 97) / 97);
    function unit() {
      let s = 0, h = 12345;
      for (let i = 0; i < 4e7; i++) { h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0; s += table[h & ((4 << 20) - 1)]; }
      return s;
    }`,
  },
];

/** Starts a thread with the probe, warms it up, and resolves to a function that runs `units` units there. */
async function startThread(
  source: string,
): Promise<{ run: (units: number) => Promise<void>; stop: () => Promise<number> }> {
  const worker = new Worker(
    `const { parentPort } = require('node:worker_threads');
    ${source}
    unit();
    parentPort.on('message', (units) => { let x = 0; for (let u = 0; u < units; u++) x += unit(); parentPort.postMessage(x); });
    parentPort.postMessage('ready');`,
    { eval: true },
  );
  // events.once rejects on the worker's 'error' and removes its listeners either way.
  await once(worker, 'message');
  return {
    run: async (units) => {
      worker.postMessage(units);
      await once(worker, 'message');
    },
    stop: () => worker.terminate(),
  };
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return (performance.now() - started) / 1000;
}

export async function probeCores(rounds = 3): Promise<CoreProbe[]> {
  const results: CoreProbe[] = [];
  for (const probe of PROBES) {
    const [first, second] = await Promise.all([startThread(probe.source), startThread(probe.source)]);
    const one: number[] = [];
    const two: number[] = [];
    for (let round = 0; round < rounds; round++) {
      one.push(await timed(() => first.run(2)));
      two.push(await timed(() => Promise.all([first.run(1), second.run(1)])));
    }
    await Promise.all([first.stop(), second.stop()]);
    const oneThread = median(one);
    const twoThreads = median(two);
    results.push({ name: probe.name, oneThread, twoThreads, speedup: oneThread / twoThreads });
  }
  return results;
}
