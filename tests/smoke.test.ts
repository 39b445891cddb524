import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { captureIO } from './helpers/cli.js';

describe('cli entry', () => {
  it('answers an unknown command with a one-line usage error and exit 2', async () => {
    const io = captureIO();
    expect(await main(['no-such-command'], io)).toBe(2);
    expect(io.stderr.trim().split('\n')).toHaveLength(1);
    expect(io.stderr).toContain("unknown command 'no-such-command'");
  });
});
