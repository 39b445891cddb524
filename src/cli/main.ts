/**
 * The CLI entry: parses arguments, runs a command, and is the one place that turns errors into a one-line
 * message and an exit code (0 ok, 1 failed input or graph, 2 usage). Each command imports its machinery when it
 * runs, so `--help` answers at once and a build's main thread, which only merges, never loads the extractor.
 */
import { Command, CommanderError } from 'commander';
import { GraphFileError, NewsgraphError } from '../errors.js';
import { printable, printableLine } from '../util/printable.js';
import { VERSION } from '../version.js';
import { registerBuild } from './commands/build.js';
import { registerCorrect } from './commands/correct.js';
import { registerEval } from './commands/eval.js';
import { registerExport } from './commands/export.js';
import { registerExtract } from './commands/extract.js';
import { registerMerge } from './commands/merge.js';
import { registerQuery } from './commands/query.js';
import { registerStats } from './commands/stats.js';
import { registerView } from './commands/view.js';
import { registerWatch } from './commands/watch.js';
import { type CliIO, processIO } from './context.js';
import { inCliTerms } from './flags.js';

export function createProgram(io: CliIO, setExit: (code: number) => void): Command {
  const program = new Command('newsgraph')
    .description('Build an explainable knowledge graph from news articles')
    .version(VERSION)
    .option('--verbose', 'show stack traces for errors')
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err, outputError: () => {} })
    .showSuggestionAfterError(true);
  program.hook('preAction', (cmd) => {
    io.verbose = Boolean(cmd.opts().verbose);
  });
  for (const register of [
    registerBuild,
    registerCorrect,
    registerExtract,
    registerMerge,
    registerExport,
    registerQuery,
    registerStats,
    registerEval,
    registerView,
    registerWatch,
  ]) {
    register(program, io, setExit);
  }
  for (const cmd of program.commands)
    cmd.exitOverride().configureOutput({ writeOut: io.out, writeErr: io.err, outputError: () => {} });
  return program;
}

/** Runs the CLI with `argv` (without node and script) and resolves to the exit code. Never throws. */
export async function main(argv: string[], io?: CliIO): Promise<number> {
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  if (!io) process.once('SIGINT', onSigint);
  const cli = io ?? processIO(controller.signal);
  let exitCode = 0;
  try {
    await createProgram(cli, (code) => (exitCode = code)).parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    return report(inCliTerms(error), cli);
  } finally {
    process.off('SIGINT', onSigint);
  }
}

function report(error: unknown, io: CliIO): number {
  if (error instanceof CommanderError) {
    // help and version are "errors" to commander, with exit code 0
    if (error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.version')
      return 0;
    // commander's own line breaks (a "Did you mean" hint) stay; the arguments quoted in its lines are escaped.
    io.err(
      `newsgraph: ${error.message
        .replace(/^error: /, '')
        .split('\n')
        .map(printable)
        .join('\n')}\n`,
    );
    return 2;
  }
  if (error instanceof GraphFileError && error.isArticle && error.file) {
    // The library cannot name commands; the CLI can teach the next step.
    io.err(
      `newsgraph: ${error.message}; build a graph from articles with: newsgraph build ${error.file} -o graph.json\n`,
    );
    return error.exitCode;
  }
  if (error instanceof NewsgraphError) {
    io.err(printableLine(`newsgraph: ${error.message}`));
    if (io.verbose && error.cause instanceof Error) io.err(`${error.cause.stack}\n`);
    return error.exitCode;
  }
  if (io.signal.aborted) {
    io.err('newsgraph: interrupted; earlier outputs left intact\n');
    return 130;
  }
  // An unexpected error is our bug, not the user's: say so in one line; --verbose shows the trace.
  const message = error instanceof Error ? error.message : String(error);
  io.err(printableLine(`newsgraph: internal error: ${message} (run with --verbose for details)`));
  if (io.verbose && error instanceof Error) io.err(`${error.stack}\n`);
  return 1;
}
