/** What a command needs from the outside world, passed in so tests can run commands without patching process. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** True when stderr is a terminal (progress bars); false in tests and pipes. */
  isTTY: boolean;
  /** Show stack traces for errors (the --verbose flag). */
  verbose: boolean;
  /** Aborted by Ctrl-C: long commands stop and leave earlier outputs intact. */
  signal: AbortSignal;
}

export function processIO(signal: AbortSignal): CliIO {
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    isTTY: Boolean(process.stderr.isTTY),
    verbose: false,
    signal,
  };
}
