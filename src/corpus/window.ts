/**
 * The task window of a build: entries are dispatched as they are walked, with at most `window` in flight
 * (dispatched, not yet merged), so memory does not grow with the corpus; outcomes are merged strictly in entry order
 * (out-of-order ones wait in a small buffer), so the graph's bytes do not depend on which worker finished first.
 */
import { InputError } from '../errors.js';

export interface OrderedRun<E, O> {
  entries: AsyncIterable<E | InputError>;
  /** Most entries in flight at once. */
  window: number;
  signal: AbortSignal;
  /** The task of one entry. */
  obtain(entry: E): Promise<O>;
  /** The outcome of an entry whose task threw. */
  failed(entry: E, error: unknown): O;
  /** Merges one outcome, in entry order; `merged` is how many are merged with it. */
  merge(outcome: O, merged: number): void;
  /** An entry the walk could not read. */
  skip(error: InputError): void;
  /** Called once dispatching ends, before waiting for the tasks still in flight: stops them (Ctrl-C) or lets them end. */
  stop(): Promise<void>;
}

/**
 * Runs every entry's task and merges the outcomes in order. Returns the error a merge threw (a bug, not bad input),
 * or null; on abort it stops dispatching and returns, leaving unmerged outcomes unmerged.
 */
export async function runOrdered<E, O>(run: OrderedRun<E, O>): Promise<{ error: unknown } | null> {
  const { signal } = run;
  const buffer = new Map<number, O>();
  let dispatched = 0;
  let merged = 0;
  let wake: (() => void) | null = null;
  const notify = () => {
    const resume = wake;
    wake = null;
    resume?.();
  };
  signal.addEventListener('abort', notify);
  const inFlight = new Set<Promise<void>>();
  let failure: { error: unknown } | null = null;
  const halted = () => signal.aborted || failure !== null;

  const start = (seq: number, entry: E) => {
    const task = run
      .obtain(entry)
      .catch((error: unknown): O => run.failed(entry, error))
      .then((outcome) => {
        buffer.set(seq, outcome);
        // Merge strictly in walk order: the graph's bytes must not depend on which worker finished first.
        try {
          for (let next = buffer.get(merged); next !== undefined && !halted(); next = buffer.get(merged)) {
            buffer.delete(merged);
            merged++;
            run.merge(next, merged);
          }
        } catch (error) {
          // A failure while merging is a bug, not bad input: stop the build and report it; nothing is written.
          failure ??= { error };
        }
        notify();
      });
    inFlight.add(task);
    void task.finally(() => inFlight.delete(task));
  };

  try {
    for await (const entry of run.entries) {
      if (entry instanceof InputError) {
        run.skip(entry);
        continue;
      }
      while (dispatched - merged >= run.window && !halted()) await new Promise<void>((resolve) => (wake = resolve));
      if (halted()) break;
      start(dispatched++, entry);
    }
    const aborted = new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
    while (inFlight.size > 0 && !halted()) await Promise.race([...inFlight, aborted]);
  } finally {
    signal.removeEventListener('abort', notify);
    await run.stop();
    await Promise.allSettled(inFlight);
  }
  return failure;
}
