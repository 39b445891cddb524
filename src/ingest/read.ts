/**
 * Reading an input file's bytes into text. Real folders hold PDFs, images, empty files, UTF-16 exports and old
 * Windows-1252 archives; this module reads what is text and refuses the rest with an InputError whose reason
 * a user can act on ("binary file (PDF)", "too large: 50.0 MB, over the 8 MB limit").
 *
 * Decisions (see the README section "Bad input"):
 * - UTF-8 (with or without BOM) and UTF-16 LE/BE with a BOM are read exactly; the BOM is removed.
 *   UTF-16 without a BOM is recognised by its pattern of zero bytes. UTF-32 is refused (no Node decoder).
 * - Bytes that are not UTF-8: when the file holds no valid multi-byte UTF-8 sequence at all it is a legacy
 *   8-bit file, read as Windows-1252 (a superset of Latin-1: names keep their accents, "Müller" stays "Müller").
 *   When it mixes valid UTF-8 with a few broken sequences (a file cut mid-character, a bad copy) the broken
 *   bytes become U+FFFD. Both are warned about, not skipped: the text is usable and offsets stay exact.
 * - Binary: known magic numbers, NUL bytes, or more than 5% control / replacement characters after decoding.
 * - Size: files over a limit (8 MiB; 256 MiB for .json/.jsonl collections) are refused before being read,
 *   so a 50 MB log never reaches the extractor or fills memory. `maxBytes` raises it.
 * - FIFOs, sockets and devices are refused before opening: opening a FIFO would block forever.
 */
import { isUtf8 } from 'node:buffer';
import { constants } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { InputError } from '../errors.js';
import { READ_REASONS } from '../util/read-file.js';
import { BINARY_CONTROL_RATIO, DEFAULT_MAX_BYTES, DEFAULT_MAX_COLLECTION_BYTES } from './settings.js';

type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface ReadOptions {
  /** Largest file accepted, in bytes. Default: defaultMaxBytes(file). */
  maxBytes?: number;
  /** Appended to the "too large" reason, e.g. "raise it with --max-file-size". */
  limitHint?: string;
  /** Told about files that were read but repaired (encoding fallback, replaced bytes, truncated UTF-16). */
  onWarning?: (warning: InputWarning) => void;
}

/** A file that was read, with something the user should know. Printed like an InputError, as one line. */
export interface InputWarning {
  file: string;
  reason: string;
}

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  /** Reasons the text is not exactly what the bytes said (empty when it is). */
  warnings: string[];
}

export function defaultMaxBytes(file: string): number {
  const ext = extname(file).toLowerCase();
  return ext === '.json' || ext === '.jsonl' ? DEFAULT_MAX_COLLECTION_BYTES : DEFAULT_MAX_BYTES;
}

/**
 * Reads a file as text. Throws InputError naming the file and the reason when it is missing, unreadable,
 * not a regular file, too large, binary, empty or only whitespace. Warnings go to `options.onWarning`.
 */
export async function readTextFile(file: string, options: ReadOptions = {}): Promise<string> {
  const bytes = await readBytes(file, options);
  const decoded = decodeText(bytes, file);
  for (const reason of decoded.warnings) options.onWarning?.({ file, reason });
  return decoded.text;
}

async function readBytes(file: string, options: ReadOptions): Promise<Uint8Array> {
  const maxBytes = options.maxBytes ?? defaultMaxBytes(file);
  // stat before open: opening a FIFO blocks until a writer appears, which would hang the build.
  const info = await stat(file).catch((error: unknown) => {
    throw fsError(file, error);
  });
  checkKind(file, info);
  if (info.size > maxBytes) throw tooLarge(file, info.size, maxBytes, options.limitHint);
  const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK).catch((error: unknown) => {
    throw fsError(file, error);
  });
  try {
    // The file may have changed since stat: check again on the open handle, then read at most size bytes.
    const opened = await handle.stat();
    checkKind(file, opened);
    if (opened.size > maxBytes) throw tooLarge(file, opened.size, maxBytes, options.limitHint);
    const buffer = Buffer.allocUnsafe(opened.size);
    let filled = 0;
    while (filled < buffer.length) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return buffer.subarray(0, filled);
  } catch (error) {
    throw error instanceof InputError ? error : fsError(file, error);
  } finally {
    await handle.close().catch(() => {});
  }
}

function checkKind(file: string, info: import('node:fs').Stats): void {
  if (info.isFile()) return;
  if (info.isDirectory()) throw new InputError(file, 'is a folder, not a file');
  const kind = info.isFIFO()
    ? 'a named pipe'
    : info.isSocket()
      ? 'a socket'
      : info.isCharacterDevice() || info.isBlockDevice()
        ? 'a device'
        : 'special';
  throw new InputError(file, `not a regular file (${kind})`);
}

function tooLarge(file: string, size: number, maxBytes: number, hint: string | undefined): InputError {
  return new InputError(
    file,
    `too large: ${formatBytes(size)}, over the ${formatBytes(maxBytes)} limit${hint ? ` (${hint})` : ''}`,
  );
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${trim(bytes / 1024)} KB`;
  return `${trim(bytes / (1024 * 1024))} MB`;
}

function trim(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/** Turns a Node file-system error into a one-line reason. */
export function fsError(file: string, error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return new InputError(file, (code && READ_REASONS[code]) ?? `cannot be read (${code ?? String(error)})`, {
    cause: error,
  });
}

/**
 * Magic numbers of formats people drop into article folders. Checked before any decoding. `weak` signatures
 * are short or printable enough to open a real sentence ("MZ", "ID3", "RIFF"), so they count only when a NUL
 * byte follows in the first kilobyte.
 */
const MAGIC: ReadonlyArray<{ name: string; offset: number; bytes: readonly number[]; weak?: true }> = [
  { name: 'PDF', offset: 0, bytes: ascii('%PDF-') },
  { name: 'PNG image', offset: 0, bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { name: 'JPEG image', offset: 0, bytes: [0xff, 0xd8, 0xff] },
  { name: 'GIF image', offset: 0, bytes: ascii('GIF87a') },
  { name: 'GIF image', offset: 0, bytes: ascii('GIF89a') },
  { name: 'TIFF image', offset: 0, bytes: [0x49, 0x49, 0x2a, 0x00] },
  { name: 'TIFF image', offset: 0, bytes: [0x4d, 0x4d, 0x00, 0x2a] },
  { name: 'ZIP archive; DOCX, XLSX and EPUB are ZIP too', offset: 0, bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'ZIP archive', offset: 0, bytes: [0x50, 0x4b, 0x05, 0x06] },
  { name: 'gzip archive', offset: 0, bytes: [0x1f, 0x8b, 0x08] },
  { name: 'xz archive', offset: 0, bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00] },
  { name: '7-Zip archive', offset: 0, bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { name: 'RAR archive', offset: 0, bytes: ascii('Rar!\x1a\x07') },
  { name: 'tar archive', offset: 257, bytes: ascii('ustar') },
  { name: 'legacy Office document (DOC/XLS/PPT)', offset: 0, bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
  { name: 'RTF document; save it as plain text', offset: 0, bytes: ascii('{\\rtf1') },
  { name: 'SQLite database', offset: 0, bytes: ascii('SQLite format 3\0') },
  { name: 'ELF executable', offset: 0, bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { name: 'WebAssembly module', offset: 0, bytes: [0x00, 0x61, 0x73, 0x6d] },
  { name: 'bzip2 archive', offset: 0, bytes: ascii('BZh'), weak: true },
  { name: 'Windows executable', offset: 0, bytes: ascii('MZ'), weak: true },
  { name: 'MP3 audio', offset: 0, bytes: ascii('ID3'), weak: true },
  { name: 'MP4 video', offset: 4, bytes: ascii('ftyp'), weak: true },
  { name: 'Ogg media', offset: 0, bytes: ascii('OggS'), weak: true },
  { name: 'RIFF media (WAV/AVI/WebP)', offset: 0, bytes: ascii('RIFF'), weak: true },
];

function ascii(text: string): number[] {
  return [...text].map((c) => c.charCodeAt(0));
}

/** The binary format `bytes` start with, or null. */
function sniffBinaryFormat(bytes: Uint8Array): string | null {
  for (const magic of MAGIC) {
    if (bytes.length < magic.offset + magic.bytes.length) continue;
    if (!magic.bytes.every((b, i) => bytes[magic.offset + i] === b)) continue;
    if (magic.weak && !bytes.subarray(0, 1024).includes(0)) continue;
    return magic.name;
  }
  return null;
}

/**
 * Decodes a file's bytes (see the module comment for the rules). Pure and linear in the input size.
 * Throws InputError(file, reason) for what is not text.
 */
export function decodeText(bytes: Uint8Array, file: string): DecodedText {
  if (bytes.length === 0) throw new InputError(file, 'empty file');
  const format = sniffBinaryFormat(bytes);
  if (format) throw new InputError(file, `binary file (${format})`);

  const decoded = decodeBytes(bytes, file);
  const garbage = countGarbage(decoded.text, decoded.encoding === 'windows-1252' ? 0 : countFffd(bytes));
  if (garbage > 0 && garbage > decoded.text.length * BINARY_CONTROL_RATIO) {
    const percent = Math.round((100 * garbage) / Math.max(1, decoded.text.length));
    throw new InputError(file, `binary file (${percent}% control or undecodable characters)`);
  }
  if (!/\S/u.test(decoded.text))
    throw new InputError(file, decoded.text.length ? 'no text (only whitespace)' : 'empty file');
  return decoded;
}

function decodeBytes(bytes: Uint8Array, file: string): DecodedText {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (
    (b0 === 0xff && b1 === 0xfe && bytes[2] === 0 && bytes[3] === 0) ||
    (b0 === 0 && b1 === 0 && bytes[2] === 0xfe && bytes[3] === 0xff)
  ) {
    throw new InputError(file, 'UTF-32 text is not supported (save it as UTF-8)');
  }
  if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf) return decodeUtf8(bytes.subarray(3));
  if (b0 === 0xff && b1 === 0xfe) return decodeUtf16(bytes.subarray(2), 'utf-16le');
  if (b0 === 0xfe && b1 === 0xff) return decodeUtf16(bytes.subarray(2), 'utf-16be');
  const utf16 = guessBomlessUtf16(bytes);
  if (utf16) return decodeUtf16(bytes, utf16);
  if (bytes.includes(0)) throw new InputError(file, 'binary file (contains NUL bytes)');
  return decodeUtf8(bytes);
}

function decodeUtf8(bytes: Uint8Array): DecodedText {
  if (isUtf8(bytes))
    return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes), encoding: 'utf-8', warnings: [] };
  const { invalid, multibyte } = scanUtf8(bytes);
  if (multibyte === 0) {
    // No valid multi-byte sequence anywhere: an 8-bit legacy file, not damaged UTF-8.
    return {
      text: decodeWindows1252(bytes),
      encoding: 'windows-1252',
      warnings: ['not valid UTF-8; read as Windows-1252 (Latin-1)'],
    };
  }
  const plural = invalid === 1 ? 'sequence' : 'sequences';
  return {
    text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes),
    encoding: 'utf-8',
    warnings: [`${invalid} invalid UTF-8 byte ${plural} replaced with U+FFFD`],
  };
}

/**
 * Windows-1252 by hand: Node 20's TextDecoder('windows-1252') decodes as ISO-8859-1 and leaves 0x80-0x9F as
 * C1 controls, which would lose curly quotes, dashes and the euro sign. The five bytes 1252 leaves undefined
 * stay C1 controls (and count towards the binary check), as in the WHATWG decoder.
 */
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return latin1.replace(/[\x80-\x9f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] as string);
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): DecodedText {
  const warnings: string[] = [];
  let body = bytes;
  if (body.length % 2 === 1) {
    warnings.push(`odd number of bytes for ${encoding.toUpperCase()}; the last byte was dropped`);
    body = body.subarray(0, body.length - 1);
  }
  const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(body);
  return { text, encoding, warnings };
}

/**
 * UTF-16 without a BOM, recognised by its zero bytes: text in Latin scripts has a zero in every other byte.
 * Looks at the first 4 KB only.
 */
function guessBomlessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero >= pairs * 0.4 && evenZero <= pairs * 0.02) return 'utf-16le';
  if (evenZero >= pairs * 0.4 && oddZero <= pairs * 0.02) return 'utf-16be';
  return null;
}

/** Counts invalid sequences and valid multi-byte sequences of UTF-8 (WHATWG rules: no overlongs, no surrogates). */
export function scanUtf8(bytes: Uint8Array): { invalid: number; multibyte: number } {
  let invalid = 0;
  let multibyte = 0;
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need = 0;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else {
      invalid++;
      i++;
      continue;
    }
    let j = 1;
    for (; j <= need; j++) {
      const c = bytes[i + j];
      const min = j === 1 ? lo : 0x80;
      const max = j === 1 ? hi : 0xbf;
      if (c === undefined || c < min || c > max) break;
    }
    if (j > need) {
      multibyte++;
      i += need + 1;
    } else {
      invalid++;
      i += j; // the decoder replaces the maximal bad prefix with one U+FFFD, then resumes at the offending byte
    }
  }
  return { invalid, multibyte };
}

/** U+FFFD characters that were already in the file (encoded as EF BF BD) are text, not decoding damage. */
function countFffd(bytes: Uint8Array): number {
  let count = 0;
  let i = bytes.indexOf(0xef);
  while (i >= 0 && i + 2 < bytes.length) {
    if (bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) count++;
    i = bytes.indexOf(0xef, i + 1);
  }
  return count;
}

/**
 * Control characters (other than tab, newlines, form feed) and U+FFFD replacement characters: what binary
 * data turns into when decoded. `genuineFffd` replacement characters that were in the file are not counted.
 */
function countGarbage(text: string, genuineFffd: number): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20) {
      if (c !== 0x09 && c !== 0x0a && c !== 0x0b && c !== 0x0c && c !== 0x0d) count++;
    } else if ((c >= 0x7f && c <= 0x9f) || c === 0xfffd) count++;
  }
  return Math.max(0, count - genuineFffd);
}
