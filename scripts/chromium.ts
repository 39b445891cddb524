/**
 * A headless Chromium for the browser tests and the viewer bench that needs no system browser: the npm package
 * @sparticuz/chromium (a dev dependency) ships a Linux x64 Chromium build, brotli-compressed, with SwiftShader (software
 * WebGL), a font and the NSS libraries. This unpacks it once per package version into
 * node_modules/.cache/newsgraph-chromium/<version>/ and says how to launch it. `CHROMIUM_PATH` overrides it all.
 *
 * The package's own `executablePath()` is not used: it unpacks into the bare temp folder under fixed names, so two
 * versions or two test runs starting at once would overwrite each other.
 */
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, normalize, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { brotliDecompressSync, createBrotliDecompress } from 'node:zlib';

/** What playwright-core's `chromium.launch` needs; plain data, so a vitest global setup can hand it to the tests. */
export interface ChromiumLaunch {
  executablePath: string;
  /** Extra environment for the browser process (its fonts and libraries); empty for a browser from CHROMIUM_PATH. */
  env: Record<string, string>;
}

/**
 * Flags for headless runs in containers and CI. Rendering is software WebGL2 (ANGLE on SwiftShader) on purpose, so that
 * screenshots do not depend on the machine's GPU; no sandbox because CI containers usually run as root.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The browser to launch: CHROMIUM_PATH when set, otherwise the bundled build, unpacked on first use. */
export async function chromiumLaunch(
  env: NodeJS.ProcessEnv = process.env,
  platform = `${process.platform}-${process.arch}`,
): Promise<ChromiumLaunch> {
  const override = env.CHROMIUM_PATH;
  if (override) return { executablePath: override, env: {} };
  // The package ships one build; elsewhere it would unpack a binary that cannot start.
  if (platform !== 'linux-x64') {
    throw new Error(
      `the bundled Chromium runs on linux-x64 only, not ${platform}: set CHROMIUM_PATH to a Chrome or Chromium`,
    );
  }
  return unpackBundledChromium();
}

/** Unpacks @sparticuz/chromium's archives (a no-op when this version is already unpacked). */
async function unpackBundledChromium(): Promise<ChromiumLaunch> {
  // The package exports only its entry point (build/index.js); its archives sit in ../bin beside it.
  const packageDir = join(dirname(createRequire(import.meta.url).resolve('@sparticuz/chromium')), '..');
  const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string };
  const cacheRoot = join(packageDir, '..', '..', '.cache', 'newsgraph-chromium');
  const target = join(cacheRoot, version);
  if (!existsSync(join(target, 'chromium'))) {
    // Unpack beside the target and rename into place: a rename is atomic, so concurrent runs never see half a browser.
    const partial = `${target}.partial-${process.pid}-${randomBytes(4).toString('hex')}`;
    try {
      await unpackInto(join(packageDir, 'bin'), partial, target);
      try {
        renameSync(partial, target);
      } catch (error) {
        // Another run finished first: its copy is as good as ours.
        if (!existsSync(join(target, 'chromium'))) throw error;
      }
    } finally {
      rmSync(partial, { recursive: true, force: true });
    }
  }
  return {
    executablePath: join(target, 'chromium'),
    env: { FONTCONFIG_PATH: join(target, 'fonts'), LD_LIBRARY_PATH: join(target, 'lib') },
  };
}

/** Writes the browser into `dir`, which will be renamed to `final` (fonts.conf must name the final folder). */
async function unpackInto(bin: string, dir: string, final: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  await pipeline(
    createReadStream(join(bin, 'chromium.br')),
    createBrotliDecompress(),
    createWriteStream(join(dir, 'chromium')),
  );
  chmodSync(join(dir, 'chromium'), 0o755);
  // SwiftShader's libraries must sit beside the executable; the Amazon Linux libraries (NSS, expat) go to lib/.
  untar(brotliDecompressSync(readFileSync(join(bin, 'swiftshader.tar.br'))), dir);
  untar(brotliDecompressSync(readFileSync(join(bin, 'al2023.tar.br'))), dir);
  untar(brotliDecompressSync(readFileSync(join(bin, 'fonts.tar.br'))), join(dir, 'fonts'));
  // The packaged fonts.conf names Lambda's folders; this one names ours.
  writeFileSync(
    join(dir, 'fonts', 'fonts.conf'),
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n` +
      `  <dir>${join(final, 'fonts', 'fonts')}</dir>\n  <cachedir>${join(final, 'fonts-cache')}</cachedir>\n</fontconfig>\n`,
  );
}

/** Extracts a tar archive of plain files and folders (all these archives hold); anything else is refused. */
export function untar(archive: Buffer, dir: string): void {
  const text = (start: number, length: number) =>
    archive.toString('latin1', start, start + length).replace(/\0.*$/s, '');
  for (let offset = 0; offset + 512 <= archive.length; ) {
    const name = text(offset, 100);
    if (name === '') break; // two zero blocks end the archive
    const size = Number.parseInt(text(offset + 124, 12).trim() || '0', 8);
    const mode = Number.parseInt(text(offset + 100, 8).trim() || '644', 8);
    const typeflag = String.fromCharCode(archive[offset + 156] ?? 0);
    // POSIX ustar keeps a name prefix at 345; GNU tar ("ustar  ") uses those bytes for times.
    const prefix = text(offset + 257, 6) === 'ustar' && archive[offset + 262] === 0 ? text(offset + 345, 155) : '';
    const path = normalize(prefix ? `${prefix}/${name}` : name);
    if (path.startsWith('..') || path.startsWith(sep))
      throw new Error(`untar: entry outside the target folder: ${path}`);
    const body = offset + 512;
    if (typeflag === '5') mkdirSync(join(dir, path), { recursive: true });
    else if (typeflag === '0' || typeflag === '\0') {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), archive.subarray(body, body + size), { mode });
    } else throw new Error(`untar: unsupported entry type '${typeflag}' for ${path}`);
    offset = body + Math.ceil(size / 512) * 512;
  }
}
