/** `newsgraph stats`: provisional registration; its issue implements it. */
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import type { CliIO } from '../context.js';

export function registerStats(program: Command, _io: CliIO, _setExit: (code: number) => void): void {
  program
    .command('stats')
    .description('(not implemented yet)')
    .allowUnknownOption()
    .action(() => {
      throw new UsageError('stats is not implemented yet');
    });
}
