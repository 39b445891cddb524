/**
 * Reading a data file that is not an article (graph files, evaluation data) as UTF-8 text. Like the article
 * reader, it refuses what would hang or exhaust memory before reading a byte: folders, FIFOs (opening one blocks
 * until a writer appears), devices (`/dev/zero` never ends), and files over a size limit, named in the message.
 * A UTF-8 byte order mark is skipped: editors on Windows add one, and JSON.parse would call it "not JSON".
 */
import { constants, type Stats } from 'node:fs';
import { open, stat } from 'node:fs/promises';

/**
 * Default limit: V8 strings stop at about 512 MiB (2^29 - 24 UTF-16 units), so a larger file cannot be parsed as
 * one JSON text anyway; a little under that leaves room for the one-byte-per-character worst case.
 */
const DEFAULT_MAX_DATA_BYTES = 500 * 1024 * 1024;

export interface ReadDataOptions {
  /** Largest file accepted, in bytes. Default DEFAULT_MAX_DATA_BYTES. */
  maxBytes?: number;
}

/** Builds the error a reader throws: its own class, naming the file, with a one-line reason. */
export type ReadFailure = (reason: string, cause?: unknown) => Error;

/** 1536 -> '1.5 KB', 600 * 2^20 -> '600 MB'. */
function formatBytes(bytes: number): string {
  const trim = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1));
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${trim(bytes / 1024)} KB`;
  return `${trim(bytes / (1024 * 1024))} MB`;
}

/** One-line reasons for the file-system errors a read meets; the ingest stage words its refusals the same way. */
export const READ_REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a folder, not a file',
  ELOOP: 'symbolic link loop',
  ENAMETOOLONG: 'path too long',
  ENOTDIR: 'a part of the path is not a folder',
  EMFILE: 'too many open files',
  EIO: 'input/output error while reading',
};

/** A Node file-system error as a one-line reason for a read. */
function describeReadError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return (
    (code && READ_REASONS[code]) ??
    `cannot be read (${code ?? (error instanceof Error ? error.message : String(error))})`
  );
}

function kindProblem(info: Stats): string | null {
  if (info.isFile()) return null;
  if (info.isDirectory()) return 'is a folder, not a file';
  if (info.isFIFO()) return 'not a regular file (a named pipe)';
  if (info.isSocket()) return 'not a regular file (a socket)';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'not a regular file (a device)';
  return 'not a regular file';
}

function sizeProblem(size: number, maxBytes: number): string | null {
  return size > maxBytes ? `too large: ${formatBytes(size)}, over the ${formatBytes(maxBytes)} limit` : null;
}

/** Reads `file` as UTF-8 text without a BOM; every refusal goes through `fail`. */
export async function readDataFile(file: string, fail: ReadFailure, options: ReadDataOptions = {}): Promise<string> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_DATA_BYTES;
  const raised = new WeakSet<Error>();
  const refuse = (reason: string, cause?: unknown): Error => {
    const error = fail(reason, cause);
    raised.add(error);
    return error;
  };
  const check = (info: Stats) => {
    const problem = kindProblem(info) ?? sizeProblem(info.size, maxBytes);
    if (problem) throw refuse(problem);
  };
  // stat before open: opening a FIFO would block until a writer appears.
  check(await stat(file).catch((error: unknown) => Promise.reject(refuse(describeReadError(error), error))));
  const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK).catch((error: unknown) =>
    Promise.reject(refuse(describeReadError(error), error)),
  );
  let bytes: Buffer;
  try {
    // The path may have been swapped since stat: check the opened file again, then read at most its size.
    const opened = await handle.stat();
    check(opened);
    bytes = Buffer.allocUnsafe(opened.size);
    let filled = 0;
    while (filled < bytes.length) {
      const { bytesRead } = await handle.read(bytes, filled, bytes.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    bytes = bytes.subarray(0, filled);
  } catch (error) {
    throw error instanceof Error && raised.has(error) ? error : refuse(describeReadError(error), error);
  } finally {
    await handle.close().catch(() => {});
  }
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return bytes.toString('utf8', start);
}
