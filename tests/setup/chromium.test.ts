import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { chromiumLaunch, untar } from '../../scripts/chromium.js';

const BIN = join(dirname(createRequire(import.meta.url).resolve('@sparticuz/chromium')), '..', 'bin');

/** One ustar header block for a plain file, followed by its data padded to 512 bytes. */
function tarEntry(name: string, body: string): Buffer {
  const header = Buffer.alloc(512);
  header.write(name, 0, 'latin1');
  header.write('0000644\0', 100, 'latin1');
  header.write(`${body.length.toString(8).padStart(11, '0')}\0`, 124, 'latin1');
  header.write('0', 156, 'latin1');
  header.write('ustar\u000000', 257, 'latin1');
  const data = Buffer.alloc(Math.ceil(body.length / 512) * 512);
  data.write(body, 0, 'latin1');
  return Buffer.concat([header, data]);
}

describe('bundled chromium', () => {
  it('unpacks the packaged font archive: folders, files and their bytes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsgraph-untar-'));
    untar(brotliDecompressSync(readFileSync(join(BIN, 'fonts.tar.br'))), dir);
    expect(readFileSync(join(dir, 'fonts.conf'), 'utf8')).toContain('<fontconfig>');
    for (const face of ['Regular', 'Bold', 'Italic']) {
      const file = join(dir, 'fonts', 'Open_Sans', `OpenSans-${face}.ttf`);
      // TrueType files start with the version 1.0 tag.
      expect(readFileSync(file).subarray(0, 4)).toEqual(Buffer.from([0, 1, 0, 0]));
      expect(statSync(file).size).toBeGreaterThan(100_000);
    }
  });

  it('refuses entries that would land outside the target folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsgraph-untar-'));
    const archive = Buffer.concat([tarEntry('../escaped.txt', 'x'), Buffer.alloc(1024)]);
    expect(() => untar(archive, dir)).toThrow(/outside the target folder/);
    expect(existsSync(join(dir, '..', 'escaped.txt'))).toBe(false);
    untar(Buffer.concat([tarEntry('inside.txt', 'hello'), Buffer.alloc(1024)]), dir);
    expect(readFileSync(join(dir, 'inside.txt'), 'utf8')).toBe('hello');
  });

  it('says what to do on a platform the bundled build does not run on', async () => {
    await expect(chromiumLaunch({}, 'darwin-arm64')).rejects.toThrow(
      /linux-x64 only, not darwin-arm64: set CHROMIUM_PATH/,
    );
  });

  it('CHROMIUM_PATH overrides the bundled build and adds no environment', async () => {
    expect(await chromiumLaunch({ CHROMIUM_PATH: '/opt/browser/chrome' })).toEqual({
      executablePath: '/opt/browser/chrome',
      env: {},
    });
  });
});
