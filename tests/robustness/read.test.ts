/** Reading a file's bytes into text: encodings, binary detection, limits, and the reasons given for refusals. */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { decodeText, type InputWarning, readTextFile, scanUtf8 } from '../../src/ingest/read.js';
import { cp1252, pdfBytes, pngBytes, RUNNING_AS_ROOT, randomBytes, SENTENCE_EN, tempDir, utf16 } from './bad-inputs.js';

const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

function refusal(data: Uint8Array): string {
  try {
    decodeText(data, 'f.txt');
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).file).toBe('f.txt');
    return (error as InputError).reason;
  }
  throw new Error('expected the bytes to be refused');
}

describe('decodeText: what is text', () => {
  const text = `${SENTENCE_EN}\n“Quotes”, em—dash, naïve café, 東京, Москва, 😀.\n`;

  it.each([
    ['UTF-8', bytes(text), 'utf-8'],
    ['UTF-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...bytes(text)]), 'utf-8'],
    ['UTF-16 LE with BOM', utf16(text, 'le'), 'utf-16le'],
    ['UTF-16 BE with BOM', utf16(text, 'be'), 'utf-16be'],
    ['UTF-16 LE without BOM', utf16(text, 'le', false), 'utf-16le'],
    ['UTF-16 BE without BOM', utf16(text, 'be', false), 'utf-16be'],
  ])('reads %s exactly, without the BOM', (_name, data, encoding) => {
    const decoded = decodeText(data, 'f.txt');
    expect(decoded.text).toBe(text);
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.warnings).toEqual([]);
  });

  it('reads legacy Windows-1252 bytes as Windows-1252 (accents and curly quotes kept) and warns', () => {
    const decoded = decodeText(cp1252('Der Bürgermeister von München sagte: „Straßenbahnen“ – 5 €.'), 'f.txt');
    expect(decoded.text).toBe('Der Bürgermeister von München sagte: „Straßenbahnen“ – 5 €.');
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.warnings).toEqual(['not valid UTF-8; read as Windows-1252 (Latin-1)']);
  });

  it('replaces the few broken sequences of damaged UTF-8 with U+FFFD and says how many', () => {
    const data = Buffer.concat([
      Buffer.from(`Zürich said ${SENTENCE_EN} `),
      Buffer.from([0xff]),
      Buffer.from(' no '),
      Buffer.from([0xe2, 0x80]),
      Buffer.from(' more.'),
    ]);
    const decoded = decodeText(data, 'f.txt');
    expect(decoded.text).toBe(`Zürich said ${SENTENCE_EN} \ufffd no \ufffd more.`);
    expect(decoded.warnings).toEqual(['2 invalid UTF-8 byte sequences replaced with U+FFFD']);
  });

  it('keeps replacement characters that were in the file and does not count them as damage', () => {
    const decoded = decodeText(bytes('\ufffd\ufffd\ufffd ok'), 'f.txt');
    expect(decoded.text).toBe('\ufffd\ufffd\ufffd ok');
    expect(decoded.warnings).toEqual([]);
  });

  it('warns about and drops the last byte of an odd-length UTF-16 file', () => {
    const data = Buffer.concat([utf16('Hello', 'le'), Buffer.from([0x41])]);
    const decoded = decodeText(data, 'f.txt');
    expect(decoded.text).toBe('Hello');
    expect(decoded.warnings).toEqual(['odd number of bytes for UTF-16LE; the last byte was dropped']);
  });

  it('takes text with tabs, form feeds and CRLF line ends as text', () => {
    expect(decodeText(bytes('a\tb\r\nc\fd\u000be'), 'f.txt').text).toBe('a\tb\r\nc\fd\u000be');
  });

  it('does not take a sentence that starts like a short magic number ("MZ", "ID3") for binary', () => {
    expect(decodeText(bytes('MZ Media reported strong sales.'), 'f.txt').text).toBe('MZ Media reported strong sales.');
    expect(decodeText(bytes('ID3 tags were stripped.'), 'f.txt').text).toBe('ID3 tags were stripped.');
  });
});

describe('decodeText: what is refused, and why', () => {
  it.each([
    ['empty', new Uint8Array(0), 'empty file'],
    ['whitespace only', bytes(' \n\t\r\n\u00a0\u2003 '), 'no text (only whitespace)'],
    ['a UTF-16 BOM and nothing else', new Uint8Array([0xff, 0xfe]), 'empty file'],
    ['NUL bytes in text', bytes(`${SENTENCE_EN}\0\0tail`), 'binary file (contains NUL bytes)'],
    ['a PDF', pdfBytes(), 'binary file (PDF)'],
    ['a PNG', pngBytes(), 'binary file (PNG image)'],
    ['a JPEG', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]), 'binary file (JPEG image)'],
    [
      'a ZIP (DOCX, EPUB)',
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]),
      'binary file (ZIP archive; DOCX, XLSX and EPUB are ZIP too)',
    ],
    ['a gzip file', new Uint8Array([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0]), 'binary file (gzip archive)'],
    [
      'an RTF document',
      bytes('{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}} Hello}'),
      'binary file (RTF document; save it as plain text)',
    ],
    ['an ELF executable', new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), 'binary file (ELF executable)'],
    [
      'UTF-32 with BOM',
      new Uint8Array([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0]),
      'UTF-32 text is not supported (save it as UTF-8)',
    ],
  ])('refuses %s', (_name, data, reason) => {
    expect(refusal(data)).toBe(reason);
  });

  it.each([1, 2, 3, 4, 5])('refuses random bytes (seed %i) as binary', (seed) => {
    expect(refusal(randomBytes(2048, seed * 7919))).toMatch(/^binary file \(/);
  });

  it.each([1, 2, 3, 4, 5])(
    'refuses random bytes without NULs (seed %i) by their share of control characters',
    (seed) => {
      expect(refusal(randomBytes(2048, seed * 104729, { noNul: true }))).toMatch(
        /^binary file \(\d+% control or undecodable characters\)$/,
      );
    },
  );

  it('refuses text drowned in control characters (a terminal dump) but not text with a few', () => {
    expect(refusal(bytes('\u001b[31m\u0007'.repeat(50) + SENTENCE_EN))).toMatch(/^binary file \(\d+% control/);
    expect(decodeText(bytes(`\u001b[1m${SENTENCE_EN.repeat(3)}`), 'f.txt').text).toContain('Lyon');
  });
});

describe('scanUtf8', () => {
  it.each([
    ['ascii', [0x41, 0x42], { invalid: 0, multibyte: 0 }],
    ['two valid 2- and 4-byte chars', [...Buffer.from('é😀')], { invalid: 0, multibyte: 2 }],
    ['a lone continuation byte', [0x80], { invalid: 1, multibyte: 0 }],
    ['an overlong encoding of "/"', [0xc0, 0xaf], { invalid: 2, multibyte: 0 }],
    ['an encoded surrogate', [0xed, 0xa0, 0x80], { invalid: 3, multibyte: 0 }],
    ['a truncated 3-byte char at the end', [0x41, 0xe2, 0x82], { invalid: 1, multibyte: 0 }],
    ['Latin-1 "Müller"', [0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72], { invalid: 1, multibyte: 0 }],
  ])('counts %s like the WHATWG decoder', (_name, data, expected) => {
    const array = new Uint8Array(data);
    expect(scanUtf8(array)).toEqual(expected);
    // the count of invalid sequences is the count of U+FFFD the standard decoder produces
    expect([...new TextDecoder().decode(array)].filter((c) => c === '\ufffd')).toHaveLength(expected.invalid);
  });
});

describe('readTextFile', () => {
  const dir = tempDir('read');

  async function reason(file: string, options = {}): Promise<string> {
    const error = await readTextFile(file, options).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).file).toBe(file);
    return (error as InputError).reason;
  }

  it('reads a UTF-16 file with BOM into the same text as its UTF-8 twin', async () => {
    writeFileSync(join(dir, 'a16.txt'), utf16(`${SENTENCE_EN}\n`, 'le'));
    writeFileSync(join(dir, 'a8.txt'), `\ufeff${SENTENCE_EN}\n`);
    expect(await readTextFile(join(dir, 'a16.txt'))).toBe(`${SENTENCE_EN}\n`);
    expect(await readTextFile(join(dir, 'a8.txt'))).toBe(`${SENTENCE_EN}\n`);
  });

  it('passes repairs to onWarning with the file name', async () => {
    const file = join(dir, 'latin.txt');
    writeFileSync(file, cp1252('Zürich'));
    const warnings: InputWarning[] = [];
    expect(await readTextFile(file, { onWarning: (w) => warnings.push(w) })).toBe('Zürich');
    expect(warnings).toEqual([{ file, reason: 'not valid UTF-8; read as Windows-1252 (Latin-1)' }]);
  });

  it('refuses a 50 MB text file before reading it, and reads it when the limit is raised', async () => {
    const file = join(dir, 'huge.txt');
    writeFileSync(file, Buffer.alloc(50 * 1024 * 1024, 'All work and no play. '));
    expect(await reason(file)).toBe('too large: 50 MB, over the 8 MB limit');
    expect(await reason(file, { maxBytes: 1024, limitHint: 'raise it with --max-file-size' })).toBe(
      'too large: 50 MB, over the 1 KB limit (raise it with --max-file-size)',
    );
    const text = await readTextFile(file, { maxBytes: 64 * 1024 * 1024 });
    expect(text.length).toBe(50 * 1024 * 1024);
    rmSync(file);
  });

  it('gives .jsonl collections a larger default limit than single articles', async () => {
    const file = join(dir, 'many.jsonl');
    writeFileSync(file, `${JSON.stringify({ text: SENTENCE_EN })}\n`.repeat(250_000)); // about 26 MB
    expect((await readTextFile(file)).length).toBeGreaterThan(20 * 1024 * 1024);
    rmSync(file);
  });

  it.each([
    ['a missing file', () => join(dir, 'missing.txt'), 'no such file'],
    ['a folder', () => dir, 'is a folder, not a file'],
    [
      'a named pipe (never opened: that would block)',
      () => {
        const fifo = join(dir, 'fifo.txt');
        execFileSync('mkfifo', [fifo]);
        return fifo;
      },
      'not a regular file (a named pipe)',
    ],
    ['a character device', () => '/dev/zero', 'not a regular file (a device)'],
    ['a path through a file', () => join(dir, 'a8.txt', 'x.txt'), 'a part of the path is not a folder'],
  ])('refuses %s with a reason', async (_name, make, expected) => {
    expect(await reason(make())).toBe(expected);
  });

  it('refuses an unreadable file with "permission denied" (not checkable as root: root reads mode 000 files)', async () => {
    const file = join(dir, 'locked.txt');
    writeFileSync(file, SENTENCE_EN);
    chmodSync(file, 0);
    if (RUNNING_AS_ROOT) {
      // Root bypasses file modes; tests/robustness/unreadable.test.ts simulates EACCES instead.
      expect(await readTextFile(file)).toBe(SENTENCE_EN);
    } else {
      expect(await reason(file)).toBe('permission denied');
    }
  });

  it('reads a file in a folder with a name in any script', async () => {
    const sub = join(dir, 'Новости 東京');
    mkdirSync(sub);
    writeFileSync(join(sub, 'статья.txt'), SENTENCE_EN);
    expect(await readTextFile(join(sub, 'статья.txt'))).toBe(SENTENCE_EN);
  });
});
