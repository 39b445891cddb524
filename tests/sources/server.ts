/**
 * A web server for the source tests, on 127.0.0.1 and a free port: no test reaches beyond this machine. Routes are
 * plain functions; every request is logged (path, user agent, validators) so tests can check what was asked.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

interface Logged {
  path: string;
  host: string;
  userAgent: string;
  ifNoneMatch: string | null;
  ifModifiedSince: string | null;
  at: number;
}

export type Route = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface TestServer {
  /** http://127.0.0.1:PORT */
  origin: string;
  port: number;
  log: Logged[];
  /** Requests in flight right now and the most seen at once. */
  maxConcurrent: number;
  routes: Map<string, Route>;
  close(): Promise<void>;
}

/** A route answering `body` with `type`, an ETag, and 304 to a request that presents that ETag. */
export function page(body: string, type = 'text/html; charset=utf-8'): Route {
  const etag = `"${Buffer.from(body).length.toString(16)}-${body.length}"`;
  return (req, res) => {
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag });
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': type, etag, 'content-length': Buffer.byteLength(body) });
    res.end(body);
  };
}

export async function startServer(routes: Record<string, Route> = {}): Promise<TestServer> {
  let active = 0;
  const state: TestServer = {
    origin: '',
    port: 0,
    log: [],
    maxConcurrent: 0,
    routes: new Map(Object.entries(routes)),
    close: async () => {},
  };
  const server: Server = createServer((req, res) => {
    active++;
    state.maxConcurrent = Math.max(state.maxConcurrent, active);
    res.on('close', () => active--);
    const path = req.url ?? '/';
    state.log.push({
      path,
      host: req.headers.host ?? '',
      userAgent: req.headers['user-agent'] ?? '',
      ifNoneMatch: (req.headers['if-none-match'] as string | undefined) ?? null,
      ifModifiedSince: (req.headers['if-modified-since'] as string | undefined) ?? null,
      at: Date.now(),
    });
    const route = state.routes.get(path.split('?')[0] as string);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    void Promise.resolve(route(req, res)).catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  state.port = port;
  state.origin = `http://127.0.0.1:${port}`;
  state.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return state;
}

/** A news page in HTML around `paragraphs`, with optional canonical link. */
export function articleHtml(
  title: string,
  paragraphs: string[],
  options: { canonical?: string; site?: string; date?: string } = {},
): string {
  const head = [
    `<title>${title}</title>`,
    options.canonical ? `<link rel="canonical" href="${options.canonical}">` : '',
    options.site ? `<meta property="og:site_name" content="${options.site}">` : '',
    options.date ? `<meta property="article:published_time" content="${options.date}">` : '',
  ].join('\n');
  const body = paragraphs.map((p) => `<p>${p}</p>`).join('\n');
  return `<!doctype html><html><head>${head}</head><body><nav><a href="/">Home</a></nav><article><h1>${title}</h1>${body}</article><footer>Contact us</footer></body></html>`;
}

/** Story texts written for these tests (invented people and a plausible diplomatic story). */
export const STORY = [
  'The Foreign Minister of Portugal, Marta Vilanova, met the President of Ghana, Kwame Ofori-Atta, in Lisbon on Monday to discuss a new shipping agreement.',
  'Vilanova said Portugal supports the agreement and criticised the European Commission for delaying the talks.',
  'The United Nations welcomed the meeting. Ofori-Atta, a member of the New Patriotic Party, said Ghana opposes new tariffs on cocoa exports.',
  'Officials from the World Trade Organization are expected to join the next round of talks in Geneva later this month.',
];

export const OTHER_STORY = [
  'The Prime Minister of Norway, Eirik Lundgaard, travelled to Ottawa on Thursday for talks with Canadian officials about Arctic fisheries.',
  'Lundgaard, the leader of the Centre Party, said Norway would back a joint research fund with Canada.',
  'Environmental groups in both countries said the plan did not go far enough to protect cod stocks in the Barents Sea.',
];
