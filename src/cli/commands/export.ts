/** `newsgraph export`: provisional registration; its issue implements it. */
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import type { CliIO } from '../context.js';

export function registerExport(program: Command, _io: CliIO, _setExit: (code: number) => void): void {
  program
    .command('export')
    .description('(not implemented yet)')
    .allowUnknownOption()
    .action(() => {
      throw new UsageError('export is not implemented yet');
    });
}
