/** Reads an evaluation data file as JSON; a missing, unreadable or malformed file is an InputError naming it. */
import { InputError } from '../errors.js';
import { readDataFile } from '../util/read-file.js';

export async function readJsonFile(file: string): Promise<unknown> {
  const raw = await readDataFile(file, (reason, cause) => new InputError(file, reason, { cause }));
  try {
    return JSON.parse(raw);
  } catch {
    throw new InputError(file, 'not valid JSON');
  }
}
