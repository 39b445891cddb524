/**
 * The piscina worker: each thread runs file tasks. Loaded from dist/ (compiled JS). The pool passes the extractor's
 * read-only data (built once by the main thread) as workerData; it is adopted here, while the worker starts, so
 * the first task finds the extractor ready. Without it (a worker started by other code) the extractor loads its own.
 */
import { workerData } from 'node:worker_threads';
import { adoptExtractor, type SharedExtractor } from '../extract/shared.js';
import { type FileResult, type FileTask, runFileTask } from './task.js';

const shared = (workerData as { extractor?: SharedExtractor } | null)?.extractor;
if (shared) adoptExtractor(shared);

export default function work(task: FileTask): Promise<FileResult> {
  return runFileTask(task);
}
