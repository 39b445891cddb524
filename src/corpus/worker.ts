/** The piscina worker: each thread loads the extractor once and runs file tasks. Loaded from dist/ (compiled JS). */
import { type FileResult, type FileTask, runFileTask } from './task.js';

export default function work(task: FileTask): Promise<FileResult> {
  return runFileTask(task);
}
