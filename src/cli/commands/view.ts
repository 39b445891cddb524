/** `newsgraph view GRAPH [--port N] [--host H]`: checks the graph file, then serves the viewer with it until Ctrl-C. */
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { printableLine } from '../../util/printable.js';
import { isLoopbackHost, startViewServer } from '../../view/server.js';
import { DEFAULT_HOST, DEFAULT_PORT } from '../../view/settings.js';
import type { CliIO } from '../context.js';

interface ViewOptions {
  port: string;
  host: string;
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || !Number.isInteger(port) || port > 65535)
    throw new UsageError(`--port: expected a number from 0 to 65535, got '${text}'`);
  return port;
}

export function registerView(program: Command, io: CliIO, _setExit: (code: number) => void): void {
  program
    .command('view')
    .description('serve the graph viewer with a graph file (on 127.0.0.1 unless --host says otherwise)')
    .argument('<graph>', 'graph file written by `newsgraph build`')
    .option('-p, --port <n>', 'port to listen on (0 picks a free one)', String(DEFAULT_PORT))
    .option('--host <host>', 'address to bind to', DEFAULT_HOST)
    .action(async (graphFile: string, options: ViewOptions) => {
      const port = parsePort(options.port);
      const { loadGraph } = await import('../../graph/file.js');
      // Fail here, with the file and the reason, rather than with an error page in the browser.
      const graph = await loadGraph(graphFile);
      const server = await startViewServer({ graphFile, host: options.host, port });
      io.out(printableLine(`newsgraph: viewing ${graphFile} (${graph.order} entities, ${graph.size} relations)`));
      io.out(`  open ${server.url}\n`);
      if (!isLoopbackHost(options.host)) {
        io.err(
          printableLine(
            `newsgraph: warning: listening on ${options.host}; anyone who can reach this machine can read the graph`,
          ),
        );
      }
      io.out('  press Ctrl-C to stop\n');
      await new Promise<void>((resolve) => {
        if (io.signal.aborted) resolve();
        else io.signal.addEventListener('abort', () => resolve(), { once: true });
      });
      await server.close();
    });
}
