/**
 * Issue 18, `view --host`: every loopback address (all of 127.0.0.0/8, ::1, localhost) keeps the Host check
 * against DNS rebinding and gets no warning; only addresses others can reach are warned about.
 */
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { isLoopbackHost, startViewServer } from '../../src/view/server.js';
import { captureIO } from '../helpers/cli.js';
import { FIXTURE } from './helpers.js';

const GRAPH = FIXTURE.pathname;

function status(port: number, address: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: address, port, path: '/graph.json', headers: { Host: host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

/** Runs `newsgraph view` through the CLI entry until it prints its address, then stops it like Ctrl-C. */
async function viewOutput(host: string): Promise<{ stdout: string; stderr: string; code: number }> {
  const controller = new AbortController();
  const io = captureIO({ signal: controller.signal });
  const running = main(['view', GRAPH, '--host', host, '--port', '0'], io);
  for (let i = 0; i < 200 && !io.stdout.includes('press Ctrl-C'); i++) await new Promise((r) => setTimeout(r, 25));
  controller.abort();
  const code = await running;
  return { stdout: io.stdout, stderr: io.stderr, code };
}

describe('view --host', () => {
  it('tells loopback addresses from reachable ones', () => {
    for (const host of [
      '127.0.0.1',
      '127.0.0.2',
      '127.255.255.254',
      '::1',
      '[::1]',
      '0:0:0:0:0:0:0:1',
      '::ffff:127.0.0.5',
      'localhost',
      'LOCALHOST',
    ]) {
      expect(isLoopbackHost(host), host).toBe(true);
    }
    for (const host of [
      '0.0.0.0',
      '::',
      '10.0.0.1',
      '192.168.1.10',
      '128.0.0.1',
      '::2',
      'example.org',
      '127.0.0.1.example.org',
      'evil.localhost',
    ]) {
      expect(isLoopbackHost(host), host).toBe(false);
    }
  });

  it('keeps the Host check on 127.0.0.2 and accepts the address it serves on', async () => {
    const server = await startViewServer({ graphFile: GRAPH, host: '127.0.0.2', port: 0 });
    try {
      expect(await status(server.port, '127.0.0.2', 'evil.example')).toBe(421);
      expect(await status(server.port, '127.0.0.2', `127.0.0.2:${server.port}`)).toBe(200);
      expect(await status(server.port, '127.0.0.2', `localhost:${server.port}`)).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('warns for an address others can reach, not for a loopback one', async () => {
    const loopback = await viewOutput('127.0.0.2');
    expect(loopback.stdout).toContain('open http://127.0.0.2:');
    expect(loopback.stderr).toBe('');
    const open = await viewOutput('0.0.0.0');
    expect(open.stderr).toContain(
      'warning: listening on 0.0.0.0; anyone who can reach this machine can read the graph',
    );
  });
});
