/**
 * The static server behind `newsgraph view`: the built viewer plus one graph file, nothing else.
 *
 * Safety comes from lookup, not from sanitising: a request path is compared with the list of the viewer's files
 * (see ./assets.ts) and with '/graph.json'; anything else is a 404. It binds to 127.0.0.1 unless told otherwise
 * and, when bound to loopback, refuses foreign Host headers (DNS rebinding).
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo, isIPv4, isIPv6 } from 'node:net';
import { basename, extname } from 'node:path';
import { FileSystemError, UsageError } from '../errors.js';
import { ArticleTexts } from './articles.js';
import { type AssetMap, findViewerDist, listAssets } from './assets.js';
import { ARTICLE_PATH, DEFAULT_HOST, DEFAULT_PORT, GRAPH_PATH } from './settings.js';

export interface ViewServerOptions {
  /** The one graph file to serve at /graph.json. Read on every request, so a rebuild shows on reload. */
  graphFile: string;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** The built viewer; defaults to this package's viewer/dist. */
  appDir?: string;
}

export interface ViewServer {
  url: string;
  host: string;
  port: number;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Labels and evidence in a graph come from the web; the viewer renders them as text, and this policy makes sure
 * that even a mistake there could not run a script. The layout worker is created from a blob: URL.
 */
const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; worker-src 'self' blob:; style-src 'self' 'unsafe-inline'; " +
    "img-src 'self' data: blob:; connect-src 'self' http: https:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/**
 * True for addresses only this machine can reach: localhost, all of 127.0.0.0/8 (not just 127.0.0.1), ::1 and
 * IPv4-mapped loopback. Those keep the Host check; anything else is reachable by others.
 */
export function isLoopbackHost(host: string): boolean {
  const name = host
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '');
  if (name === 'localhost') return true;
  const v4 = name.startsWith('::ffff:') ? name.slice(7) : name;
  if (isIPv4(v4)) return v4.startsWith('127.');
  if (!isIPv6(name)) return false;
  // ::1 in any spelling (0:0:0:0:0:0:0:1, ::0:1): every group zero but the last, which is 1.
  const [head = '', tail = ''] = name.split('::');
  const groups = name.includes('::')
    ? [...head.split(':').filter(Boolean), ...tail.split(':').filter(Boolean)]
    : name.split(':');
  const numbers = groups.map((g) => parseInt(g, 16));
  return numbers.length > 0 && numbers.at(-1) === 1 && numbers.slice(0, -1).every((n) => n === 0);
}

/** The path part of a request target, percent-decoded; null when it is not an origin-form path or not decodable. */
export function requestPath(target: string | undefined): string | null {
  if (!target?.startsWith('/')) return null;
  const raw = target.split(/[?#]/, 1)[0] ?? '';
  try {
    const path = decodeURIComponent(raw);
    return path.includes('\0') ? null : path;
  } catch {
    return null;
  }
}

function hostAllowed(header: string | undefined, port: number, bound: string): boolean {
  if (!header) return false;
  const shown = isIPv6(bound) ? `[${bound}]` : bound;
  const allowed = [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, `${shown.toLowerCase()}:${port}`];
  return allowed.includes(header.toLowerCase());
}

function send(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  res.end(`${text}\n`);
}

async function sendFile(
  req: IncomingMessage,
  res: ServerResponse,
  file: string,
  headers: Record<string, string>,
): Promise<void> {
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) return send(res, 404, 'not found');
  res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Length': String(info.size), ...headers });
  if (req.method === 'HEAD') return void res.end();
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}

function createViewHandler(assets: AssetMap, graphFile: string, checkHost: (host: string | undefined) => boolean) {
  const graphName = basename(graphFile).replace(/[^\w.-]+/g, '_');
  const texts = new ArticleTexts(graphFile);
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (!checkHost(req.headers.host)) return send(res, 421, 'misdirected request');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return send(res, 405, 'method not allowed');
    }
    const path = requestPath(req.url);
    if (path === GRAPH_PATH) {
      return sendFile(req, res, graphFile, {
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Disposition': `inline; filename="${graphName}"`,
        'Cache-Control': 'no-store',
      });
    }
    if (path === ARTICLE_PATH) {
      const id = new URLSearchParams((req.url ?? '').split('?')[1]?.split('#')[0] ?? '').get('id');
      const article = id ? await texts.get(id) : null;
      if (!article) return send(res, 404, 'not found');
      const body = JSON.stringify(article);
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Length': String(Buffer.byteLength(body)),
        'Cache-Control': 'no-store',
      });
      return void res.end(req.method === 'HEAD' ? undefined : body);
    }
    const file = path === null ? undefined : assets.get(path);
    if (!file || path === null) return send(res, 404, 'not found');
    const immutable = path.startsWith('/assets/');
    return sendFile(req, res, file, {
      'Content-Type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
  };
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      if (error.code === 'EADDRINUSE')
        reject(new UsageError(`port ${port} on ${host} is in use; choose another port`, { option: 'port' }));
      else if (error.code === 'EACCES')
        reject(new UsageError(`not allowed to listen on port ${port}; choose one above 1023`, { option: 'port' }));
      else if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND')
        reject(new UsageError(`cannot listen on host ${host}`));
      else
        reject(
          new FileSystemError(`${host}:${port}`, `cannot listen (${error.code ?? error.message})`, { cause: error }),
        );
    };
    const onListening = () => {
      server.off('error', onError);
      resolve(server.address() as AddressInfo);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

export async function startViewServer(options: ViewServerOptions): Promise<ViewServer> {
  const host = options.host ?? DEFAULT_HOST;
  const assets = await listAssets(options.appDir ?? findViewerDist());
  let boundPort = 0;
  let boundAddress = host;
  const checkHost = isLoopbackHost(host)
    ? (header: string | undefined) => hostAllowed(header, boundPort, boundAddress)
    : () => true;
  const handler = createViewHandler(assets, options.graphFile, checkHost);
  const server = createServer((req, res) => {
    handler(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, 'internal error');
      else res.destroy();
    });
  });
  const address = await listen(server, options.port ?? DEFAULT_PORT, host);
  boundPort = address.port;
  boundAddress = address.address;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${shownHost}:${address.port}/`,
    host: address.address,
    port: address.port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
