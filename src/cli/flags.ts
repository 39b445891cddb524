/**
 * Library errors name the option at fault in the library's terms (UsageError.option); the CLI says which of its flags
 * sets that option, so the library never speaks in flags and the messages still point the user at the right one.
 */
import { UsageError } from '../errors.js';

/** The flag that sets each library option named in a UsageError. */
const FLAGS: Readonly<Record<string, string>> = {
  jobs: '--jobs',
  port: '--port',
  format: '--format',
};

/** The error as the CLI reports it: a usage error about an option gains the flag that sets it. */
export function inCliTerms(error: unknown): unknown {
  if (!(error instanceof UsageError) || error.option === null) return error;
  const flag = FLAGS[error.option];
  return flag ? new UsageError(`${error.message} (${flag})`, { option: error.option }) : error;
}
