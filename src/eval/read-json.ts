/** Reads an evaluation data file as JSON; a missing, unreadable or malformed file is an InputError naming it. */
import { readFile } from 'node:fs/promises';
import { InputError } from '../errors.js';

export async function readJsonFile(file: string): Promise<unknown> {
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(file, code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? 'error'})`, { cause: error });
  }
  try {
    return JSON.parse(raw);
  } catch {
    throw new InputError(file, 'not valid JSON');
  }
}
