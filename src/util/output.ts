/**
 * The one way newsgraph writes an output file (graph, GEXF, GraphML, CSV, JSON) and creates an output folder
 * (exports, the extraction cache). An output must never destroy something it was not meant to replace:
 * - a regular file is replaced atomically: a temporary file in the same folder, then a rename, so readers never
 *   see half a file; the old file's permissions are kept;
 * - a symbolic link is followed and its target is replaced (the link stays a link), also for a link whose target
 *   does not exist yet;
 * - a character device or a FIFO (`/dev/null`, `/dev/stdout` in a pipe) is written through, never renamed over;
 *   sockets, block devices and folders are refused;
 * - a file that is one of the run's inputs is refused (compared by device and inode, so links and other spellings
 *   of the same path are caught); the caller decides what counts as an input (a build leaves its own graph file
 *   out of a folder it walks, see corpus/policy.ts);
 * - missing parent folders are created one level at a time (Node's recursive mkdir spins forever under /proc),
 *   and a folder on a virtual file system (proc, sysfs, ...) is refused before anything is tried;
 * - a failure says what went wrong in one line, naming the output as given, and leaves no temporary file.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, type Stats, statfsSync, statSync } from 'node:fs';
import { lstat, open, readlink, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { FileSystemError, UsageError } from '../errors.js';

export interface OutputOptions {
  /** Identities (fileIdentity) of the files this run reads: an output that is one of them is refused. */
  inputs?: ReadonlySet<string>;
}

/** Where an output goes once links are followed. */
export type OutputTarget =
  /** A regular file (existing or new) replaced atomically; `mode` is the existing file's permissions. */
  | { kind: 'file'; path: string; mode: number | null }
  /** A character device or FIFO, written through in place. */
  | { kind: 'stream'; path: string };

/** Symbolic links followed by hand (for links whose target does not exist yet) before giving up, as Linux does. */
const MAX_LINKS = 40;

/**
 * statfs(2) magic numbers of Linux virtual file systems: files there are kernel interfaces, not storage, and
 * creating folders in them fails in ways that made Node's recursive mkdir loop.
 */
const VIRTUAL_FILE_SYSTEMS: ReadonlyMap<number, string> = new Map([
  [0x9fa0, 'proc'],
  [0x62656572, 'sysfs'],
  [0x64626720, 'debugfs'],
  [0x74726163, 'tracefs'],
  [0x73636673, 'securityfs'],
  [0x0027e0eb, 'cgroup'],
  [0x63677270, 'cgroup2'],
  [0x62656570, 'configfs'],
  [0xcafe4a11, 'bpf'],
  [0x6165676c, 'pstore'],
  [0xde5e81e4, 'efivarfs'],
  [0x00001cd1, 'devpts'],
  [0xf97cff8c, 'selinuxfs'],
  [0x65735543, 'fusectl'],
  [0x42494e4d, 'binfmt_misc'],
  [0x6e736673, 'nsfs'],
]);

/** One-line reasons for the file-system error codes an output can meet. */
const REASONS: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EISDIR: 'is a folder',
  ENOTDIR: 'a part of the path is not a folder',
  ENAMETOOLONG: 'path too long',
  ELOOP: 'symbolic link loop',
  EMFILE: 'too many open files',
  EIO: 'input/output error',
  EXDEV: 'cannot rename across file systems',
  EBUSY: 'file is busy',
  ETXTBSY: 'file is busy',
};

/** The code of a Node file-system error as a few words. */
function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code && REASONS[code]) return REASONS[code];
  if (code) return `file-system error ${code}`;
  return error instanceof Error ? error.message : String(error);
}

/** A file's identity across links and path spellings: device and inode. */
export function fileIdentity(info: Pick<Stats, 'dev' | 'ino'>): string {
  return `${info.dev}:${info.ino}`;
}

function cannotWrite(file: string, reason: string, cause?: unknown): FileSystemError {
  return new FileSystemError(file, `cannot write: ${reason}`, cause === undefined ? undefined : { cause });
}

/** The kind of a special file, for messages. */
function specialKind(info: Stats): string {
  if (info.isSocket()) return 'a socket';
  if (info.isBlockDevice()) return 'a block device';
  return 'a special file';
}

/** The file system type name when `dir` is on a virtual file system, else null (also when statfs is unavailable). */
function virtualFileSystem(dir: string): string | null {
  try {
    return VIRTUAL_FILE_SYSTEMS.get(statfsSync(dir).type >>> 0) ?? null;
  } catch {
    return null;
  }
}

/**
 * Makes sure `dir` is a folder, creating missing levels one at a time (or, with `create: false`, only checks that
 * it could be created). `file` names the output in messages. Synchronous: a few stat calls, used also where the
 * caller is synchronous (the cache).
 */
export function ensureFolder(dir: string, file: string = dir, { create = true }: { create?: boolean } = {}): void {
  const missing: string[] = [];
  let current = resolve(dir);
  for (;;) {
    let info: Stats;
    try {
      info = statSync(current);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // ENOTDIR: a file further up; keep climbing until stat finds it and names it.
      if (code !== 'ENOENT' && code !== 'ENOTDIR')
        throw cannotWrite(file, `${current}: ${describeFsError(error)}`, error);
      const parent = dirname(current);
      if (parent === current) throw cannotWrite(file, `${current} does not exist`, error);
      missing.push(current);
      current = parent;
      continue;
    }
    if (!info.isDirectory()) throw cannotWrite(file, `${current} is not a folder`);
    break;
  }
  const virtual = virtualFileSystem(current);
  if (virtual) throw cannotWrite(file, `${current} is on a virtual file system (${virtual}), not storage`);
  if (!create) return;
  for (const folder of missing.reverse()) {
    try {
      mkdirSync(folder);
    } catch (error) {
      // Made by someone else in the meantime: fine, as long as it is a folder.
      if (
        (error as NodeJS.ErrnoException).code === 'EEXIST' &&
        statSync(folder, { throwIfNoEntry: false })?.isDirectory()
      )
        continue;
      throw cannotWrite(file, `cannot create folder ${folder} (${describeFsError(error)})`, error);
    }
  }
}

/** Follows a chain of links whose end does not exist; returns the path the output should be created at. */
async function followDanglingLinks(file: string): Promise<string> {
  let current = file;
  for (let i = 0; i < MAX_LINKS; i++) {
    const info = await lstat(current).catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR')
        return null;
      throw cannotWrite(file, describeFsError(error), error);
    });
    if (!info?.isSymbolicLink()) return current;
    current = resolve(dirname(current), await readlink(current));
  }
  throw cannotWrite(file, 'symbolic link loop');
}

/**
 * Where `file` would be written, after the checks: links followed, special files told apart, inputs refused.
 * Throws FileSystemError (or UsageError for an output that is an input) without touching the file system.
 */
async function resolveOutput(file: string, options: OutputOptions = {}): Promise<OutputTarget> {
  let info: Stats | null;
  try {
    info = await stat(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw cannotWrite(file, describeFsError(error), error);
    info = null;
  }
  if (!info) return { kind: 'file', path: await followDanglingLinks(file), mode: null };
  if (options.inputs?.has(fileIdentity(info)))
    throw new UsageError(`${file}: is one of the inputs; refusing to overwrite it (choose another output)`);
  if (info.isDirectory()) throw cannotWrite(file, 'is a folder');
  if (info.isCharacterDevice() || info.isFIFO()) return { kind: 'stream', path: file };
  if (!info.isFile()) throw cannotWrite(file, `is ${specialKind(info)}; refusing to write there`);
  return { kind: 'file', path: await realpath(file), mode: info.mode & 0o7777 };
}

/**
 * Checks that `file` can be an output (see resolveOutput) without creating anything: called before long work, so
 * a build fails at once rather than after extracting every article.
 */
export async function checkOutput(file: string, options: OutputOptions = {}): Promise<OutputTarget> {
  const target = await resolveOutput(file, options);
  if (target.kind === 'file') ensureFolder(dirname(target.path), file, { create: false });
  return target;
}

/** Identities (fileIdentity) of the files given that exist, for OutputOptions.inputs. */
export async function identitiesOf(files: readonly string[]): Promise<Set<string>> {
  const identities = new Set<string>();
  for (const file of files) {
    const info = await stat(file).catch(() => null);
    if (info) identities.add(fileIdentity(info));
  }
  return identities;
}

/** Writes an output file (see the module comment for what is refused and how). */
export async function writeOutput(file: string, data: string | Uint8Array, options: OutputOptions = {}): Promise<void> {
  const target = await resolveOutput(file, options);
  if (target.kind === 'stream') {
    try {
      await writeFile(target.path, data);
    } catch (error) {
      throw cannotWrite(file, describeFsError(error), error);
    }
    return;
  }
  const dir = dirname(target.path);
  ensureFolder(dir, file);
  const tmp = join(dir, `.${basename(target.path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let created = false;
  try {
    const handle = await open(tmp, 'wx', target.mode ?? 0o666);
    created = true;
    try {
      await handle.writeFile(data);
      // open() applies the umask; an existing output keeps the permissions it had.
      if (target.mode !== null) await handle.chmod(target.mode);
    } finally {
      await handle.close();
    }
    await rename(tmp, target.path);
  } catch (error) {
    // Cleanup must never replace the real cause in the message.
    if (created) await rm(tmp, { force: true }).catch(() => {});
    throw cannotWrite(file, describeFsError(error), error);
  }
}
