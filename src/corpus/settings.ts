/** Defaults of the corpus stage, in one place: the build reads them, the CLI's help text quotes them. */

/**
 * Each worker thread repeats the start-up and JIT warm-up that the main thread would do once (1-3 s of CPU), so
 * threads only pay off on enough files: on the 2-core bench machine 2 jobs break even with 1 at about 1,000 files
 * (bench section b). The default is one job per core, but at most one per this many files.
 */
export const FILES_PER_JOB = 500;

/** Files in flight (dispatched, not yet merged) per job: enough to keep workers busy behind one slow file. */
export const WINDOW_PER_JOB = 32;
