/**
 * `newsgraph view` serves the built viewer and the one graph file it was given, and nothing else. Requests are sent
 * as raw HTTP over a socket, so paths reach the server exactly as written (clients would normalise `..`).
 */
import { cpSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/context.js';
import { main } from '../../src/cli/main.js';
import { requestPath, startViewServer, type ViewServer } from '../../src/view/server.js';
import { tempDir, VIEWER_DIST } from './browser.js';
import { diplomacyGraph } from './fixtures.js';

interface RawResponse {
  status: number;
  headers: string;
  body: string;
}

function rawRequest(
  server: ViewServer,
  target: string,
  options: { method?: string; host?: string } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, '127.0.0.1');
    let data = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk) => (data += chunk));
    socket.on('error', reject);
    socket.on('end', () => {
      const [head = '', ...body] = data.split('\r\n\r\n');
      resolve({ status: Number(head.split(' ')[1]), headers: head, body: body.join('\r\n\r\n') });
    });
    socket.write(
      `${options.method ?? 'GET'} ${target} HTTP/1.1\r\nHost: ${options.host ?? `127.0.0.1:${server.port}`}\r\nConnection: close\r\n\r\n`,
    );
  });
}

const dir = tempDir('view-server');
const graphFile = join(dir, 'graph.json');
const secret = join(dir, 'secret.txt');
const appDir = join(dir, 'app');
let server: ViewServer;

beforeAll(async () => {
  writeFileSync(graphFile, JSON.stringify(diplomacyGraph()));
  writeFileSync(secret, 'TOP SECRET\n');
  // A copy of the built viewer with links pointing out of it, and one pointing inside it.
  cpSync(VIEWER_DIST, appDir, { recursive: true });
  symlinkSync(secret, join(appDir, 'leak.txt'));
  symlinkSync('/etc', join(appDir, 'etc'));
  symlinkSync(join(appDir, 'index.html'), join(appDir, 'home.html'));
  mkdirSync(join(appDir, 'nested'));
  server = await startViewServer({ graphFile, port: 0, appDir });
});

afterAll(() => server?.close());

describe('view server', () => {
  it('binds to 127.0.0.1 by default and serves the app and the graph', async () => {
    expect(server.host).toBe('127.0.0.1');
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
    const index = await rawRequest(server, '/');
    expect(index.status).toBe(200);
    expect(index.body).toContain('<div id="app"');
    expect(index.headers).toMatch(/content-security-policy: default-src 'self'; script-src 'self'/i);
    const graph = await rawRequest(server, '/graph.json');
    expect(graph.status).toBe(200);
    expect(JSON.parse(graph.body).attributes.schema).toBe('newsgraph/1');
    const asset = index.body.match(/src="\.(\/assets\/[^"]+\.js)"/)?.[1];
    expect(asset).toBeDefined();
    expect((await rawRequest(server, asset!)).status).toBe(200);
    expect((await rawRequest(server, '/home.html')).status).toBe(200); // a link that stays inside
  });

  it.each([
    '/../../etc/passwd',
    '/../secret.txt',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd',
    '/..%2f..%2fetc%2fpasswd',
    '/assets/../../secret.txt',
    '/assets/%2e%2e/index.html',
    '/..\\..\\etc\\passwd',
    '//etc/passwd',
    '/etc/passwd',
    `/${'..%252f'.repeat(6)}etc/passwd`,
    '/leak.txt',
    '/etc/passwd%00.html',
    '/etc/hostname',
    '/nested',
    '/graph.json/../../secret.txt',
    '/%',
    'http://127.0.0.1/etc/passwd',
    '*',
  ])('answers %s with 404 and no file content', async (target) => {
    const response = await rawRequest(server, target);
    expect([400, 404]).toContain(response.status);
    expect(response.body).not.toMatch(/root:|TOP SECRET/);
  });

  it('serves the text of an article the graph lists, read from its file; nothing else', async () => {
    // The fixture's records name 'articles/<id>', relative to the graph file's folder here.
    mkdirSync(join(dir, 'articles'), { recursive: true });
    writeFileSync(
      join(dir, 'articles', 'arctic-council.txt'),
      'Arctic talks\n\nFinland formally joined the alliance on a cold Tuesday.\n',
    );
    const article = await rawRequest(server, '/article?id=arctic-council.txt');
    expect(article.status).toBe(200);
    expect(article.headers).toMatch(/content-type: application\/json/i);
    const body = JSON.parse(article.body) as { id: string; text: string };
    expect(body.id).toBe('arctic-council.txt');
    expect(body.text).toContain('Finland formally joined the alliance on a cold Tuesday.');
    // Listed but its file is gone; not listed; a path instead of an id.
    for (const id of ['berlin-sanctions.txt', 'nowhere.txt', '../secret.txt', encodeURIComponent(secret)]) {
      const response = await rawRequest(server, `/article?id=${id}`);
      expect(response.status, id).toBe(404);
      expect(response.body).not.toContain('TOP SECRET');
    }
    expect((await rawRequest(server, '/article')).status).toBe(404);
  });

  it('refuses other methods and foreign Host headers', async () => {
    expect((await rawRequest(server, '/graph.json', { method: 'POST' })).status).toBe(405);
    expect((await rawRequest(server, '/graph.json', { host: 'evil.example:80' })).status).toBe(421);
    expect((await rawRequest(server, '/graph.json', { host: `localhost:${server.port}` })).status).toBe(200);
  });

  it.each([
    ['/a/b', '/a/b'],
    ['/%2e%2e/x?y=1', '/../x'],
    ['/%E0%A4%A', null],
    ['/a%00b', null],
    ['relative', null],
  ])('reads the request path of %s as %s', (target, expected) => {
    expect(requestPath(target)).toBe(expected);
  });
});

describe('newsgraph view (CLI)', () => {
  function capture(): CliIO & { output: () => string; errors: () => string } {
    let out = '';
    let err = '';
    return {
      out: (text) => void (out += text),
      err: (text) => void (err += text),
      isTTY: false,
      verbose: false,
      signal: AbortSignal.timeout(60_000),
      output: () => out,
      errors: () => err,
    };
  }

  it.each([
    [['view'], 2],
    [['view', graphFile, '--port', 'eighty'], 2],
    [['view', graphFile, '--port', '70000'], 2],
    [['view', join(dir, 'missing.json')], 1],
  ])('%j exits with %i and a one-line message', async (argv, code) => {
    const io = capture();
    expect(await main(argv as string[], io)).toBe(code);
    expect(io.errors()).toMatch(/^newsgraph: .+\n$/);
  });

  it('rejects a malformed graph file before serving it', async () => {
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, JSON.stringify({ ...diplomacyGraph(), nodes: [] }));
    const io = capture();
    expect(await main(['view', broken, '--port', '0'], io)).toBe(1);
    expect(io.errors()).toMatch(/broken\.json: edge 0 .*is not a node/);
  });

  it('prints the URL, serves until interrupted, then exits 0', async () => {
    const controller = new AbortController();
    const io = { ...capture(), signal: controller.signal };
    let out = '';
    io.out = (text: string) => void (out += text);
    const running = main(['view', graphFile, '--port', '0'], io);
    for (let i = 0; i < 100 && !out.includes('open http'); i++) await new Promise((resolve) => setTimeout(resolve, 20));
    const url = out.match(/open (http:\/\/127\.0\.0\.1:\d+\/)/)?.[1];
    expect(url).toBeDefined();
    expect(out).toContain('14 entities, 18 relations');
    const response = await fetch(`${url}graph.json`);
    expect(response.status).toBe(200);
    controller.abort();
    expect(await running).toBe(0);
  });
});
