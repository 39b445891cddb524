/** `newsgraph view`: provisional registration; its issue implements it. */
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import type { CliIO } from '../context.js';

export function registerView(program: Command, _io: CliIO, _setExit: (code: number) => void): void {
  program
    .command('view')
    .description('(not implemented yet)')
    .allowUnknownOption()
    .action(() => {
      throw new UsageError('view is not implemented yet');
    });
}
