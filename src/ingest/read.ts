/** Reading input files as text. Provisional; the bad-input issue adds encodings, binary detection and limits. */
import { readFile } from 'node:fs/promises';
import { InputError } from '../errors.js';

/** Reads a file as text (UTF-8, BOM removed). Throws InputError naming the file and the reason. */
export async function readTextFile(file: string): Promise<string> {
  try {
    return (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(file, code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? 'error'})`, { cause: error });
  }
}
