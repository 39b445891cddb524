/**
 * The piscina worker: each thread runs file tasks. Loaded from dist/ (compiled JS). When the pool names a channel
 * in workerData, the worker waits here, once its modules are loaded, for the extractor data the main thread built
 * (src/corpus/share.ts) and adopts it, so the first task finds the extractor ready. Without one (a worker started
 * by other code) the extractor loads its own data on first use.
 */
import { workerData } from 'node:worker_threads';
import { adoptExtractor } from '../extract/shared.js';
import { receiveExtractor } from './share.js';
import { type FileResult, type FileTask, runFileTask } from './task.js';

const channel = (workerData as { extractorChannel?: string } | null)?.extractorChannel;
if (channel) adoptExtractor(await receiveExtractor(channel));

export default function work(task: FileTask): Promise<FileResult> {
  return runFileTask(task);
}
