/**
 * What a corpus build needs from whoever runs it, defined here so that the corpus stage depends on no caller. The CLI
 * passes its CliIO (which has these members); a library user passes any object of this shape.
 */
export interface CorpusIO {
  /** Progress and messages for the person watching (the CLI writes them to stderr). */
  err(text: string): void;
  /** True when `err` reaches a terminal: progress is drawn as a bar, otherwise written as occasional lines. */
  isTTY: boolean;
  /** Add stack traces to the notes about files that failed. */
  verbose: boolean;
  /** Aborting it stops the build; outputs written before stay intact. */
  signal: AbortSignal;
}
