/**
 * The viewer's own files, listed once at start-up. The server answers only from this list (plus the graph file), so
 * no request path is ever joined onto a folder: `/../../etc/passwd`, `%2e%2e`, absolute paths and symlinks that
 * leave the folder simply are not in the list.
 */
import { existsSync } from 'node:fs';
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FileSystemError } from '../errors.js';

/** URL path ('/assets/index-abc.js') -> absolute file path. */
export type AssetMap = ReadonlyMap<string, string>;

/**
 * viewer/dist of this package. Found by walking up from this module, because it runs both from src/ (tests) and
 * from dist/src/ (the installed CLI).
 */
export function findViewerDist(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'viewer'))) return join(dir, 'viewer', 'dist');
    const parent = dirname(dir);
    if (parent === dir)
      throw new FileSystemError('viewer/dist', 'viewer folder not found next to the newsgraph package');
    dir = parent;
  }
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith('..') && !rel.startsWith(sep) && !/^[a-zA-Z]:/.test(rel);
}

/** Lists every regular file under `appDir`; symlinks count only when they resolve to a file inside `appDir`. */
export async function listAssets(appDir: string): Promise<AssetMap> {
  let root: string;
  try {
    root = await realpath(appDir);
  } catch {
    throw new FileSystemError(appDir, 'the viewer is not built (run `npm run build:viewer`)');
  }
  if (!existsSync(join(root, 'index.html')))
    throw new FileSystemError(appDir, 'the viewer is not built (no index.html; run `npm run build:viewer`)');
  const assets = new Map<string, string>();
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      const info = await lstat(path);
      let target = path;
      if (info.isSymbolicLink()) {
        target = await realpath(path).catch(() => '');
        if (!target || !isInside(root, target)) continue;
      }
      const real = info.isSymbolicLink() ? await stat(target) : info;
      if (real.isDirectory()) {
        if (!info.isSymbolicLink()) await walk(path);
      } else if (real.isFile()) {
        assets.set(`/${relative(root, path).split(sep).join('/')}`, target);
      }
    }
  };
  await walk(root);
  const index = assets.get('/index.html');
  if (index) assets.set('/', index);
  return assets;
}
