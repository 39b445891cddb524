/** Defaults of the corpus stage, in one place: build, merge, watch and the cache read them, the CLI's help text quotes them. */

/**
 * Each worker thread repeats the start-up and JIT warm-up that the main thread would do once (1-3 s of CPU), so
 * threads only pay off on enough files: on the 2-core bench machine 2 jobs break even with 1 at about 1,000 files
 * (bench section b). The default is one job per core, but at most one per this many files.
 */
export const FILES_PER_JOB = 500;

/** Files in flight (dispatched, not yet merged) per job: enough to keep workers busy behind one slow file. */
export const WINDOW_PER_JOB = 32;

/** The graph file build and merge write when neither an output nor an --into graph is given. */
export const DEFAULT_GRAPH_FILE = 'out/graph.json';

/** The environment variable naming the cache folder (extractions and HTTP responses); else the user's cache folder. */
export const CACHE_ENV = 'NEWSGRAPH_CACHE';

/** Pause between two rounds of watch. */
export const DEFAULT_WATCH_INTERVAL = '15m';
