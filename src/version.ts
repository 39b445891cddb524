import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root, found upwards from this file (src/ when run from source, dist/src/ when built). */
export const PACKAGE_ROOT: string = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'package.json');
    if (
      existsSync(candidate) &&
      (JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string }).name === 'newsgraph'
    ) {
      return dir;
    }
    const up = dirname(dir);
    if (up === dir) throw new Error('newsgraph: package root not found');
    dir = up;
  }
})();

const pkg = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string };

export const VERSION: string = pkg.version;
export const CREATED_WITH = `newsgraph ${VERSION}`;
