/** A CliIO that records what a command prints, so tests call `main(argv, io)` without touching process. */
import type { CliIO } from '../../src/cli/context.js';

export interface CapturedIO extends CliIO {
  stdout: string;
  stderr: string;
}

export interface CaptureOptions {
  signal?: AbortSignal;
  isTTY?: boolean;
  verbose?: boolean;
}

export function captureIO(options: CaptureOptions = {}): CapturedIO {
  const io: CapturedIO = {
    stdout: '',
    stderr: '',
    out(text: string) {
      io.stdout += text;
    },
    err(text: string) {
      io.stderr += text;
    },
    isTTY: options.isTTY ?? false,
    verbose: options.verbose ?? false,
    signal: options.signal ?? new AbortController().signal,
  };
  return io;
}
