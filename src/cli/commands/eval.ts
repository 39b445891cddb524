/** `newsgraph eval`: provisional registration; its issue implements it. */
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import type { CliIO } from '../context.js';

export function registerEval(program: Command, _io: CliIO, _setExit: (code: number) => void): void {
  program
    .command('eval')
    .description('(not implemented yet)')
    .allowUnknownOption()
    .action(() => {
      throw new UsageError('eval is not implemented yet');
    });
}
