/**
 * Runs one `newsgraph build` in this process and prints {code, seconds, maxRssKB, cpuSeconds} as JSON on stdout.
 * The benchmark spawns it so each build has a fresh process whose peak RSS (getrusage maxRSS) covers the main
 * thread and every worker thread of the pool: threads share the process, so this is the build's whole footprint.
 */
import { main } from '../src/cli/main.js';

const started = performance.now();
const code = await main(process.argv.slice(2));
const seconds = (performance.now() - started) / 1000;
const usage = process.resourceUsage();
process.stdout.write(
  `${JSON.stringify({ code, seconds, maxRssKB: usage.maxRSS, cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6 })}\n`,
);
