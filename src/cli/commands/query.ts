/** `newsgraph query`: provisional registration; its issue implements it. */
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import type { CliIO } from '../context.js';

export function registerQuery(program: Command, _io: CliIO, _setExit: (code: number) => void): void {
  program
    .command('query')
    .description('(not implemented yet)')
    .allowUnknownOption()
    .action(() => {
      throw new UsageError('query is not implemented yet');
    });
}
