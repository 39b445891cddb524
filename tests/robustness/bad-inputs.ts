/**
 * Builders for bad inputs: binary files, odd encodings, huge and deeply nested files, written at run time into
 * a temporary folder (nothing big or binary is committed). Small readable fixtures live in tests/fixtures/bad.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CapturedIO, captureIO as capture } from '../helpers/cli.js';

export const FIXTURES = fileURLToPath(new URL('../fixtures/bad/', import.meta.url));

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `newsgraph-${prefix}-`));
}

export function captureIO(verbose = false): CapturedIO {
  return capture({ verbose });
}

/** Tests run as root in CI containers, where chmod 000 does not stop a read. */
export const RUNNING_AS_ROOT = process.getuid?.() === 0;

/** Deterministic pseudo-random bytes (xorshift32), so a failure can be replayed. */
export function randomBytes(length: number, seed = 0x9e3779b9, { noNul = false } = {}): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    do {
      x ^= x << 13;
      x >>>= 0;
      x ^= x >>> 17;
      x ^= x << 5;
      x >>>= 0;
    } while (noNul && (x & 0xff) === 0);
    out[i] = x & 0xff;
  }
  return out;
}

/** A minimal but well-formed one-page PDF. */
export function pdfBytes(): Uint8Array {
  const body =
    '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n';
  return Buffer.from(body, 'latin1');
}

/** A 1x1 transparent PNG. */
export function pngBytes(): Uint8Array {
  return Buffer.from(
    '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4560000000049454e44ae426082',
    'hex',
  );
}

export function utf16(text: string, order: 'le' | 'be', bom = true): Uint8Array {
  const le = Buffer.from(text, 'utf16le');
  if (order === 'be') le.swap16();
  return Buffer.concat([bom ? Buffer.from(order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]) : Buffer.alloc(0), le]);
}

/** Text in Windows-1252, as old news archives hold it. Only for characters that exist in 1252. */
export function cp1252(text: string): Uint8Array {
  const high: Record<string, number> = {
    '€': 0x80,
    '‚': 0x82,
    '„': 0x84,
    '…': 0x85,
    '‘': 0x91,
    '’': 0x92,
    '“': 0x93,
    '”': 0x94,
    '–': 0x96,
    '—': 0x97,
  };
  return Uint8Array.from([...text].map((c) => high[c] ?? c.charCodeAt(0)));
}

export const SENTENCE_EN = 'The mayor of Lyon said on Monday that the city would open two new tram lines next year.';

/** A 1 MB "sentence": words and no punctuation at all (built in its own test: it is the slow one). */
export function longSentence(bytes = 1024 * 1024): string {
  const words = [
    'the',
    'council',
    'of',
    'Lyon',
    'and',
    'Marseille',
    'voted',
    'for',
    'new',
    'trams',
    'while',
    'ministers',
    'in',
    'Paris',
    'waited',
  ];
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < bytes; i++) {
    const word = words[(i * 7 + (i >> 3)) % words.length] as string;
    parts.push(word);
    length += word.length + 1;
  }
  return parts.join(' ');
}

/** HTML nested `depth` levels deep and never closed, with a real sentence at the bottom. */
function deepHtml(depth: number): string {
  return `<html><body>${'<div>'.repeat(depth)}<p>${SENTENCE_EN}</p>`;
}

/**
 * What becomes of each file in the folder made by writeBadFolder: `skip` with a reason pattern, or `read`
 * (valid text, however odd). Paths are relative to the folder.
 */
export interface Expectation {
  name: string;
  outcome: 'skip' | 'read';
  reason?: RegExp;
}

/**
 * Writes one folder with every kind of bad input from issue 8 plus one good article. Returns what the build
 * must do with each file. Unreadable files and folders are added by the caller (they depend on the user id).
 */
export function writeBadFolder(dir: string, { huge = true }: { huge?: boolean } = {}): Expectation[] {
  mkdirSync(dir, { recursive: true });
  const put = (name: string, data: string | Uint8Array) => writeFileSync(join(dir, name), data);
  copyFileSync(join(FIXTURES, 'good-article.txt'), join(dir, 'good-article.txt'));
  for (const name of ['russian.txt', 'chinese.txt', 'arabic.txt', 'not-an-article.json', 'unclosed.html'])
    copyFileSync(join(FIXTURES, name), join(dir, name));
  put('empty.txt', '');
  put('whitespace.md', ' \n\t\r\n\u00a0\u2003\n');
  put('nul-bytes.txt', `${SENTENCE_EN}\0\0\0\u0001binary tail\0`);
  put('report-as-text.txt', pdfBytes()); // a PDF saved under a text name
  put('photo.md', pngBytes());
  put('random.txt', randomBytes(4096));
  put('random-no-nul.txt', randomBytes(4096, 12345, { noNul: true }));
  put(
    'invalid-utf8.txt',
    Buffer.concat([
      Buffer.from(`${SENTENCE_EN} Z\u00fcrich `),
      Buffer.from([0xff, 0xc3]),
      Buffer.from(' and more text.\n'),
    ]),
  );
  put(
    'latin1.txt',
    cp1252(
      `Der B\u00fcrgermeister von M\u00fcnchen sagte am Montag, die Stadt baue \u201eneue\u201c Stra\u00dfenbahnen.\n`,
    ),
  );
  put('utf16le-bom.txt', utf16(`${SENTENCE_EN}\n`, 'le'));
  put('utf16be-bom.txt', utf16(`${SENTENCE_EN}\n`, 'be'));
  // 20,000 levels: far past what a recursive walk survives (stack overflow near 10,000 frames), cheap to parse.
  put('deep.html', deepHtml(20_000));
  if (huge) put('huge.txt', Buffer.alloc(50 * 1024 * 1024, `${SENTENCE_EN} `));
  put('ignored.pdf', pdfBytes()); // not an article extension: passed over silently inside a folder
  put('.hidden.txt', SENTENCE_EN); // hidden: passed over silently
  mkdirSync(join(dir, 'nested', 'deeper'), { recursive: true });
  writeFileSync(join(dir, 'nested', 'deeper', 'second.txt'), `${SENTENCE_EN}\n`);
  symlinkSync('..', join(dir, 'nested', 'loop')); // nested/loop -> the folder itself
  symlinkSync('self.txt', join(dir, 'self.txt')); // a link to itself: ELOOP
  symlinkSync('nowhere.txt', join(dir, 'dangling.txt'));
  execFileSync('mkfifo', [join(dir, 'pipe.txt')]);

  const expectations: Expectation[] = [
    { name: 'good-article.txt', outcome: 'read' },
    { name: 'russian.txt', outcome: 'read' },
    { name: 'chinese.txt', outcome: 'read' },
    { name: 'arabic.txt', outcome: 'read' },
    { name: 'unclosed.html', outcome: 'read' },
    { name: 'deep.html', outcome: 'read' },
    { name: 'invalid-utf8.txt', outcome: 'read' },
    { name: 'latin1.txt', outcome: 'read' },
    { name: 'utf16le-bom.txt', outcome: 'read' },
    { name: 'utf16be-bom.txt', outcome: 'read' },
    { name: 'nested/deeper/second.txt', outcome: 'read' },
    { name: 'not-an-article.json', outcome: 'skip', reason: /./ },
    { name: 'empty.txt', outcome: 'skip', reason: /^empty file$/ },
    { name: 'whitespace.md', outcome: 'skip', reason: /^no text \(only whitespace\)$/ },
    { name: 'nul-bytes.txt', outcome: 'skip', reason: /^binary file \(contains NUL bytes\)$/ },
    { name: 'report-as-text.txt', outcome: 'skip', reason: /^binary file \(PDF\)$/ },
    { name: 'photo.md', outcome: 'skip', reason: /^binary file \(PNG image\)$/ },
    { name: 'random.txt', outcome: 'skip', reason: /^binary file \(/ },
    { name: 'random-no-nul.txt', outcome: 'skip', reason: /^binary file \(\d+% control or undecodable characters\)$/ },
    { name: 'nested/loop', outcome: 'skip', reason: /^symbolic link loop \(leads back to / },
    { name: 'self.txt', outcome: 'skip', reason: /^symbolic link loop$/ },
    { name: 'dangling.txt', outcome: 'skip', reason: /^broken symbolic link$/ },
    { name: 'pipe.txt', outcome: 'skip', reason: /^not a regular file \(a named pipe\)$/ },
  ];
  if (huge) expectations.push({ name: 'huge.txt', outcome: 'skip', reason: /^too large: 50 MB, over the 8 MB limit/ });
  return expectations;
}
