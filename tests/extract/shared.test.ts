/**
 * The extractor's read-only data shared with build workers (src/extract/shared.ts, src/extract/trie.ts): a worker
 * that adopts the main thread's data must extract exactly what a thread that loaded its own does, and the large
 * arrays must reach it shared, not copied. The worker runs the compiled code in dist/ (`npm run build` first).
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { runFileTask } from '../../src/corpus/task.js';
import { shareExtractor } from '../../src/extract/shared.js';
import { TokenTrie, TrieBuilder } from '../../src/extract/trie.js';
import { PACKAGE_ROOT } from '../../src/version.js';

const TEXTS: Array<{ file: string; text: string }> = [
  {
    file: 'a.txt',
    text: 'The Foreign Minister of Norway, Ingrid Halvorsen, met the President of Ghana in Accra on Monday. Halvorsen said the talks on fishing rights had been useful, and the African Union welcomed them.',
  },
  {
    file: 'b.txt',
    text: 'kenyan officials and the united nations agreed on a plan in nairobi on friday, a spokesman for the ministry said.',
  },
  {
    file: 'c.html',
    text: '<!DOCTYPE html><html><head><title>Port deal</title><meta property="article:published_time" content="2024-05-02"></head><body><nav>Home</nav><article><h1>Port deal</h1><p>Brazilian exporters signed a deal with the port of Rotterdam, the Dutch trade minister Pieter Smeets said in The Hague on Tuesday.</p><p>The European Commission is expected to review it.</p></article></body></html>',
  },
];

function inWorker(shared: unknown, tasks: typeof TEXTS): Promise<unknown[]> {
  const dist = (p: string) => JSON.stringify(pathToFileURL(join(PACKAGE_ROOT, 'dist', 'src', ...p.split('/'))).href);
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    (async () => {
      const { adoptExtractor } = await import(${dist('extract/shared.js')});
      adoptExtractor(workerData.shared);
      const { runFileTask } = await import(${dist('corpus/task.js')});
      const out = [];
      for (const t of workerData.tasks) out.push(await runFileTask({ file: t.file, id: t.file, encode: false, text: t.text }));
      parentPort.postMessage(out);
    })();`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(code, { eval: true, workerData: { shared, tasks } });
    worker.once('message', (m: unknown[]) => {
      resolve(m);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

describe('token trie', () => {
  it('finds token paths, and answers the same after its parts are copied to another thread', () => {
    const builder = new TrieBuilder();
    const newYork = builder.insert(['New', 'York']);
    const newYorkCity = builder.insert(['New', 'York', 'City']);
    const york = builder.insert(['York']);
    expect(builder.insert(['New', 'York'])).toBe(newYork);
    const trie = builder.freeze();
    const copy = new TokenTrie(structuredClone(trie.parts));
    for (const t of [trie, copy]) {
      const n = t.next(0, 'New');
      expect(n).toBeGreaterThan(0);
      expect(t.next(n, 'York')).toBe(newYork);
      expect(t.next(newYork, 'City')).toBe(newYorkCity);
      expect(t.next(0, 'York')).toBe(york);
      expect(t.next(0, 'City')).toBe(-1);
      expect(t.next(n, 'Jersey')).toBe(-1);
      expect(t.next(york, 'York')).toBe(-1);
    }
    expect(copy.parts.childNode.buffer).toBeInstanceOf(SharedArrayBuffer);
  });
});

describe('extractor data shared with worker threads', () => {
  it('keeps the weight table and tries in SharedArrayBuffers, so posting them shares rather than copies', () => {
    const shared = shareExtractor();
    expect(shared.tagger.table.weights.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(shared.tagger.table.weights.length).toBeGreaterThan(1_000_000);
    expect(shared.tagger.table.slots.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(shared.tagger.gazetteer?.trie.childNode.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(shared.gazetteer.trie.first.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(shared.gazetteer.entryAt.buffer).toBeInstanceOf(SharedArrayBuffer);
  });

  it('extracts in a worker that adopted the shared data exactly what this thread extracts', async () => {
    const here = await Promise.all(
      TEXTS.map((t) => runFileTask({ file: t.file, id: t.file, encode: false, text: t.text })),
    );
    for (const r of here) expect(r.ok).toBe(true);
    const there = await inWorker(shareExtractor(), TEXTS);
    expect(JSON.stringify(there)).toBe(JSON.stringify(here));
    const first = here[0] as { ok: true; extractions: Array<{ entities: Array<{ label: string }> }> };
    expect(first.extractions[0]?.entities.map((e) => e.label)).toEqual(
      expect.arrayContaining(['Norway', 'Ghana', 'Accra', 'African Union']),
    );
  }, 60_000);
});
