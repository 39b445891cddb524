/**
 * Finding the input files of a build: the paths a user gave, folders searched recursively.
 *
 * - Order is deterministic: inputs in the order given, folder entries sorted by name (code-unit order, not the
 *   locale's), depth first. The same tree gives the same article order on every machine.
 * - Inside folders only article-like files are taken (ARTICLE_EXTENSIONS); hidden files and folders (".git",
 *   ".DS_Store") are passed over. Files named explicitly are taken whatever their extension.
 * - A missing input path is a usage error (exit 2), raised before anything is yielded.
 * - Everything else that goes wrong is yielded as an InputError and the walk goes on: unreadable folders,
 *   broken links, symbolic-link loops, FIFOs and devices with an article extension, the same file reached twice,
 *   two files that would get the same article id.
 */
import type { Dirent, Stats } from 'node:fs';
import { lstat, readdir, stat } from 'node:fs/promises';
import { extname, join, posix } from 'node:path';
import { InputError, UsageError } from '../errors.js';
import { fsError } from './read.js';

const ARTICLE_EXTENSIONS: readonly string[] = ['.txt', '.text', '.md', '.markdown', '.html', '.htm', '.json', '.jsonl'];

/** A file to ingest. `id` is its path relative to the folder it was found in (POSIX separators), or, for a file
 * named explicitly, the path as given (normalised). */
export interface InputFile {
  file: string;
  id: string;
}

export type WalkItem = InputFile | InputError;

export interface WalkOptions {
  /** Extensions taken inside folders (lower case, with the dot). Default ARTICLE_EXTENSIONS. */
  extensions?: readonly string[];
  /** Stops the walk (quietly) when aborted. */
  signal?: AbortSignal;
}

function isInputError(item: WalkItem): item is InputError {
  return item instanceof InputError;
}

/**
 * Yields every input file under `paths`, and an InputError for every path that cannot be used. Throws
 * UsageError (before yielding) when a given path does not exist or no path is given.
 */
export async function* walkInputs(
  paths: readonly string[],
  options: WalkOptions = {},
): AsyncGenerator<WalkItem, void, undefined> {
  if (paths.length === 0) throw new UsageError('no input files or folders given');
  const roots: Array<{ path: string; info: Stats | InputError }> = [];
  for (const path of paths) roots.push({ path, info: await statRoot(path) });

  const walker = new Walker(options);
  for (const { path, info } of roots) {
    if (options.signal?.aborted) return;
    if (info instanceof InputError) {
      yield info;
      continue;
    }
    if (info.isDirectory()) yield* walker.folder(path, '', info, [{ key: identity(info), path }]);
    else yield* walker.file(path, normaliseId(path), info);
  }
}

/** Convenience for callers that want everything at once: the files and the errors, in walk order. */
export async function collectInputs(
  paths: readonly string[],
  options: WalkOptions = {},
): Promise<{ files: InputFile[]; errors: InputError[] }> {
  const files: InputFile[] = [];
  const errors: InputError[] = [];
  for await (const item of walkInputs(paths, options)) {
    if (isInputError(item)) errors.push(item);
    else files.push(item);
  }
  return { files, errors };
}

async function statRoot(path: string): Promise<Stats | InputError> {
  try {
    return await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      const link = await lstat(path).catch(() => null);
      throw new UsageError(`${path}: ${link?.isSymbolicLink() ? 'broken symbolic link' : 'no such file or folder'}`);
    }
    if (code === 'ELOOP') throw new UsageError(`${path}: symbolic link loop`);
    return fsError(path, error);
  }
}

function identity(info: Stats): string {
  return `${info.dev}:${info.ino}`;
}

function normaliseId(path: string): string {
  const id = posix.normalize(path.replace(/\\/g, '/'));
  return id.startsWith('./') ? id.slice(2) : id;
}

function byName(a: Dirent, b: Dirent): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

function describeKind(info: Stats): string {
  if (info.isFIFO()) return 'a named pipe';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  return 'special';
}

class Walker {
  private readonly extensions: ReadonlySet<string>;
  private readonly signal: AbortSignal | undefined;
  /** dev:ino of every file yielded, so a file reached twice (links, overlapping inputs) is read once. */
  private readonly seenFiles = new Map<string, string>();
  /** dev:ino of every folder walked, so a folder reached twice through links is walked once. */
  private readonly seenFolders = new Map<string, string>();
  private readonly ids = new Map<string, string>();

  constructor(options: WalkOptions) {
    this.extensions = new Set((options.extensions ?? ARTICLE_EXTENSIONS).map((e) => e.toLowerCase()));
    this.signal = options.signal;
  }

  *file(path: string, id: string, info: Stats): Generator<WalkItem, void, undefined> {
    if (!info.isFile()) {
      yield new InputError(path, `not a regular file (${describeKind(info)})`);
      return;
    }
    const key = identity(info);
    const first = this.seenFiles.get(key);
    if (first !== undefined) {
      yield new InputError(path, `same file as ${first} (read once)`);
      return;
    }
    const owner = this.ids.get(id);
    if (owner !== undefined) {
      yield new InputError(
        path,
        `article id '${id}' is already used by ${owner}; give their common parent folder instead`,
      );
      return;
    }
    this.seenFiles.set(key, path);
    this.ids.set(id, path);
    yield { file: path, id };
  }

  /**
   * Walks a folder. `ancestors` are the folders on the way down (identity and path): a link back to one of them
   * is a loop and is reported, not followed.
   */
  async *folder(
    path: string,
    relId: string,
    info: Stats,
    ancestors: ReadonlyArray<{ key: string; path: string }>,
  ): AsyncGenerator<WalkItem, void, undefined> {
    const key = identity(info);
    const walked = this.seenFolders.get(key);
    if (walked !== undefined) {
      yield new InputError(path, `same folder as ${walked} (read once)`);
      return;
    }
    this.seenFolders.set(key, path);
    let entries: Dirent[];
    try {
      entries = await readdir(path, { withFileTypes: true });
    } catch (error) {
      const reason = fsError(path, error).reason;
      yield new InputError(path, `folder cannot be read (${reason})`, { cause: error });
      return;
    }
    entries.sort(byName);
    for (const entry of entries) {
      if (this.signal?.aborted) return;
      if (entry.name.startsWith('.')) continue;
      const child = join(path, entry.name);
      const childId = relId ? `${relId}/${entry.name}` : entry.name;
      const wanted = this.extensions.has(extname(entry.name).toLowerCase());
      if (entry.isFile()) {
        if (wanted) yield* this.fileFromFolder(child, childId);
        continue;
      }
      if (entry.isDirectory()) {
        yield* this.subfolder(child, childId, ancestors);
        continue;
      }
      // Symbolic links, and entries whose type the file system did not report: follow with stat.
      let target: Stats;
      try {
        target = await stat(child);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (entry.isSymbolicLink() && !wanted && code === 'ENOENT') continue; // a dangling link to a non-article
        yield code === 'ENOENT' && entry.isSymbolicLink()
          ? new InputError(child, 'broken symbolic link')
          : fsError(child, error);
        continue;
      }
      if (target.isDirectory()) {
        const loop = ancestors.find((a) => a.key === identity(target));
        if (loop) yield new InputError(child, `symbolic link loop (leads back to ${loop.path})`);
        else yield* this.subfolder(child, childId, ancestors, target);
      } else if (wanted) {
        yield* this.file(child, childId, target);
      }
    }
  }

  private async *fileFromFolder(path: string, id: string): AsyncGenerator<WalkItem, void, undefined> {
    let info: Stats;
    try {
      info = await stat(path);
    } catch (error) {
      yield fsError(path, error);
      return;
    }
    yield* this.file(path, id, info);
  }

  private async *subfolder(
    path: string,
    id: string,
    ancestors: ReadonlyArray<{ key: string; path: string }>,
    known?: Stats,
  ): AsyncGenerator<WalkItem, void, undefined> {
    let info: Stats;
    try {
      info = known ?? (await stat(path));
    } catch (error) {
      yield fsError(path, error);
      return;
    }
    const key = identity(info);
    const loop = ancestors.find((a) => a.key === key);
    if (loop) {
      yield new InputError(path, `folder loop (leads back to ${loop.path})`);
      return;
    }
    yield* this.folder(path, id, info, [...ancestors, { key, path }]);
  }
}
