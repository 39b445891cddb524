/**
 * A build's policy before it extracts anything: how many jobs, and which inputs the output must not be (a build
 * never overwrites an article it reads, and leaves out a graph file it finds among the inputs it writes itself).
 */
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { InputError, UsageError } from '../errors.js';
import { looksLikeGraphFile } from '../graph/file.js';
import { walkInputs } from '../ingest/walk.js';
import { fileIdentity, identitiesOf } from '../util/output.js';
import { FILES_PER_JOB } from './settings.js';

/** The default number of jobs: one per core, but no more than one per FILES_PER_JOB files. */
export function defaultJobs(files: number, cores: number = availableParallelism()): number {
  return Math.max(1, Math.min(cores, Math.floor(files / FILES_PER_JOB)));
}

export function checkJobs(jobs: number | undefined): void {
  if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 1))
    throw new UsageError(`jobs must be a whole number of at least 1, not ${jobs}`, { option: 'jobs' });
}

/**
 * A first pass over the folders (names only, no contents) for the progress total; also fails early on a missing
 * path. When the output exists (`output`), also returns the path under which the walk found it, if it did.
 */
export async function countFiles(
  inputs: readonly string[],
  signal: AbortSignal,
  output: string | null,
): Promise<{ total: number; outputFoundAt: string | null }> {
  let total = 0;
  let outputFoundAt: string | null = null;
  for await (const item of walkInputs(inputs, { signal })) {
    if (item instanceof InputError) continue;
    total++;
    if (output !== null && outputFoundAt === null) {
      const info = await stat(item.file).catch(() => null);
      if (info && fileIdentity(info) === output) outputFoundAt = item.file;
    }
  }
  return { total, outputFoundAt };
}

/** The identity (fileIdentity) of the output when it already exists as a regular file: only then can it be an input. */
export async function existingOutput(out: string): Promise<string | null> {
  const info = await stat(out).catch(() => null);
  return info?.isFile() === true ? fileIdentity(info) : null;
}

/**
 * Which inputs the output must not be, and which walked file to leave out. An output named as an input (the
 * file itself or a link to it) stays refused. One found only by walking a folder is left out of the walk when it
 * is a graph file, so `build dir -o dir/graph.json` works again on the second run; any other file (an article)
 * is refused, as it would otherwise be overwritten.
 */
export async function outputAmongInputs(
  out: string,
  paths: readonly string[],
  output: string,
  foundAt: string | null,
): Promise<{ inputs: Set<string>; leaveOut: string | null }> {
  const inputs = await identitiesOf(paths);
  if (foundAt === null || inputs.has(output)) return { inputs, leaveOut: null };
  if (await looksLikeGraphFile(out)) return { inputs, leaveOut: foundAt };
  inputs.add(output);
  return { inputs, leaveOut: null };
}
