/**
 * Fetching like a good citizen: robots.txt is read once per site and obeyed; at most `perHost` requests run against
 * one host at a time, their starts spaced by a delay (or the site's Crawl-delay); validators from earlier runs make
 * an unchanged document cost a 304; redirects, sizes and time are bounded; content types are checked before the body
 * is read; and every request names the project in its User-Agent. Every failure is an InputError naming the URL
 * and one reason, so a build reports it in one line and goes on.
 */

import { createRequire } from 'node:module';
import { setTimeout as sleep } from 'node:timers/promises';
import { Agent } from 'undici';
import { InputError } from '../errors.js';
import { AddressGuard } from './address.js';
import type { HttpCache } from './http-cache.js';
import {
  ACCEPT_HEADER,
  ACCEPTED_TYPES,
  FETCH_DEFAULTS,
  type FetchSettings,
  ROBOTS_AGENT,
  USER_AGENT,
} from './settings.js';

export interface FetchedDocument {
  /** The URL asked for. */
  url: string;
  /** Where the body came from, after redirects. */
  finalUrl: string;
  /** Media type without parameters, lower case ('text/html'). */
  contentType: string;
  body: Uint8Array;
  /** True when the server answered 304 and the body came from the HTTP cache. */
  notModified: boolean;
}

export interface FetchOptions {
  /**
   * The host of the feed or page this URL was found in. Set for links (and then redirects are checked against it
   * too); for a URL the user gave, the URL's own host, so that only its redirects are checked.
   */
  sourceHost: string;
}

interface Robots {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getCrawlDelay(ua?: string): number | undefined;
}

// robots-parser is CommonJS whose typings declare an ES default export; require() gives the function itself.
const robotsParser = createRequire(import.meta.url)('robots-parser') as (url: string, contents: string) => Robots;

type RobotsRule = { kind: 'rules'; robots: Robots } | { kind: 'allow-all' } | { kind: 'deny-all'; reason: string };

/** Per-host gate: a bounded number of requests in flight, starts spaced by a delay. */
class HostGate {
  private active = 0;
  private readonly waiting: Array<() => void> = [];
  private nextStart = 0;
  constructor(private readonly limit: number) {}

  async acquire(delayMs: number, signal: AbortSignal): Promise<void> {
    while (this.active >= this.limit) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
      signal.throwIfAborted();
    }
    this.active++;
    const now = Date.now();
    const start = Math.max(now, this.nextStart);
    this.nextStart = start + delayMs;
    if (start > now) {
      try {
        await sleep(start - now, undefined, { signal });
      } catch (error) {
        this.release();
        throw error;
      }
    }
  }

  release(): void {
    this.active--;
    this.waiting.shift()?.();
  }
}

function mediaType(header: string | null): string {
  return (header ?? '').split(';')[0]!.trim().toLowerCase();
}

function describeFailure(error: unknown, timeoutMs: number): string {
  if (
    error instanceof Error &&
    (error.name === 'TimeoutError' || (error.cause as Error | undefined)?.name === 'TimeoutError')
  ) {
    return `timed out after ${timeoutMs / 1000} s`;
  }
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  if (cause?.code === 'ECONNREFUSED') return 'connection refused';
  if (cause?.code === 'ENOTFOUND' || cause?.code === 'EAI_AGAIN') return 'host not found';
  if (cause?.code) return `network error (${cause.code})`;
  return `network error (${cause?.message ?? (error instanceof Error ? error.message : String(error))})`;
}

/** Reads a body up to `maxBytes`, cancelling the stream as soon as it is over. */
async function readLimited(response: Response, maxBytes: number, url: string): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => {});
    throw new InputError(url, `too large: ${declared} bytes, over the ${maxBytes}-byte limit`);
  }
  if (!response.body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new InputError(url, `too large: over the ${maxBytes}-byte limit`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

export class Fetcher {
  readonly settings: FetchSettings;
  private readonly gates = new Map<string, HostGate>();
  private readonly robots = new Map<string, Promise<RobotsRule>>();
  private readonly guard: AddressGuard;
  /** Requests actually sent, and how many were answered 304: for summaries and tests. */
  readonly stats = { requests: 0, notModified: 0 };

  constructor(
    settings: Partial<FetchSettings>,
    private readonly cache: HttpCache | null,
    private readonly signal: AbortSignal,
    guard: AddressGuard = new AddressGuard(),
  ) {
    this.settings = { ...FETCH_DEFAULTS, ...settings };
    this.guard = guard;
    // Connections go to the addresses the guard checked (resolved once per run), not to a fresh DNS answer.
    this.dispatcher = this.settings.allowPrivate ? undefined : new Agent({ connect: { lookup: guard.lookup() } });
  }

  private readonly dispatcher: Agent | undefined;

  /** Fetches `url` (following redirects), honouring robots.txt, the per-host gate and the address guard. */
  async fetch(url: string, options: FetchOptions): Promise<FetchedDocument> {
    let current: URL;
    try {
      current = new URL(url);
    } catch {
      throw new InputError(url, 'not a valid URL');
    }
    for (let hops = 0; ; hops++) {
      if (current.protocol !== 'http:' && current.protocol !== 'https:')
        throw new InputError(url, `unsupported scheme ${current.protocol}`);
      if (!this.settings.allowPrivate) {
        const refused = await this.guard.check(current, options.sourceHost);
        if (refused) throw new InputError(url, refused);
      }
      const rule = await this.robotsFor(current);
      if (rule.kind === 'deny-all') throw new InputError(url, rule.reason);
      if (rule.kind === 'rules' && rule.robots.isAllowed(current.href, ROBOTS_AGENT) === false) {
        throw new InputError(url, `disallowed by ${current.origin}/robots.txt`);
      }
      const delay = Math.max(
        this.settings.delayMs,
        Math.min(
          this.settings.maxCrawlDelayMs,
          (rule.kind === 'rules' ? (rule.robots.getCrawlDelay(ROBOTS_AGENT) ?? 0) : 0) * 1000,
        ),
      );
      const cached = this.cache?.get(current.href);
      const headers: Record<string, string> = { 'user-agent': USER_AGENT, accept: ACCEPT_HEADER };
      if (cached?.etag) headers['if-none-match'] = cached.etag;
      if (cached?.lastModified) headers['if-modified-since'] = cached.lastModified;
      const answer = await this.request(current, headers, delay, (response) =>
        this.handle(url, current, response, cached, hops),
      );
      if (answer instanceof URL) {
        current = answer;
        continue;
      }
      return answer;
    }
  }

  private gate(host: string): HostGate {
    let gate = this.gates.get(host);
    if (!gate) this.gates.set(host, (gate = new HostGate(this.settings.perHost)));
    return gate;
  }

  /** One request through the host's gate; `consume` reads the response while the slot is held. */
  private async request<T>(
    url: URL,
    headers: Record<string, string>,
    delayMs: number,
    consume: (response: Response) => Promise<T>,
  ): Promise<T> {
    const gate = this.gate(url.host);
    await gate.acquire(delayMs, this.signal);
    const signal = AbortSignal.any([this.signal, AbortSignal.timeout(this.settings.timeoutMs)]);
    try {
      this.stats.requests++;
      const response = await fetch(url, {
        headers,
        redirect: 'manual',
        signal,
        ...(this.dispatcher ? { dispatcher: this.dispatcher } : {}),
      } as RequestInit);
      return await consume(response);
    } catch (error) {
      if (error instanceof InputError) throw error;
      this.signal.throwIfAborted();
      throw new InputError(url.href, describeFailure(error, this.settings.timeoutMs));
    } finally {
      gate.release();
    }
  }

  private async handle(
    url: string,
    current: URL,
    response: Response,
    cached: ReturnType<HttpCache['get']>,
    hops: number,
  ): Promise<FetchedDocument | URL> {
    const { status } = response;
    if (status >= 300 && status < 400 && status !== 304) {
      await response.body?.cancel().catch(() => {});
      const location = response.headers.get('location');
      if (!location) throw new InputError(url, `HTTP ${status} without a Location`);
      if (hops + 1 > this.settings.maxRedirects)
        throw new InputError(url, `more than ${this.settings.maxRedirects} redirects`);
      try {
        return new URL(location, current);
      } catch {
        throw new InputError(url, `HTTP ${status} to an invalid Location`);
      }
    }
    if (status === 304 && cached) {
      await response.body?.cancel().catch(() => {});
      this.stats.notModified++;
      this.cache?.touch(cached.url);
      return { url, finalUrl: cached.finalUrl, contentType: cached.contentType, body: cached.body, notModified: true };
    }
    if (status < 200 || status >= 300) {
      await response.body?.cancel().catch(() => {});
      throw new InputError(url, `HTTP ${status}${response.statusText ? ` ${response.statusText}` : ''}`);
    }
    const contentType = mediaType(response.headers.get('content-type'));
    if (
      contentType &&
      !ACCEPTED_TYPES.includes(contentType) &&
      !contentType.endsWith('+xml') &&
      !contentType.endsWith('+json')
    ) {
      await response.body?.cancel().catch(() => {});
      throw new InputError(url, `unsupported content type ${contentType}`);
    }
    const body = await readLimited(response, this.settings.maxBytes, url);
    const etag = response.headers.get('etag');
    const lastModified = response.headers.get('last-modified');
    const document: FetchedDocument = { url, finalUrl: current.href, contentType, body, notModified: false };
    if (this.cache && (etag || lastModified))
      this.cache.put({ url: current.href, etag, lastModified, contentType, finalUrl: current.href, body });
    return document;
  }

  /** robots.txt of `url`'s origin, fetched once (RFC 9309: 4xx allows all; 5xx or unreachable denies all). */
  private robotsFor(url: URL): Promise<RobotsRule> {
    let rule = this.robots.get(url.origin);
    if (!rule) {
      rule = this.loadRobots(url.origin);
      this.robots.set(url.origin, rule);
    }
    return rule;
  }

  private async loadRobots(origin: string): Promise<RobotsRule> {
    const robotsUrl = `${origin}/robots.txt`;
    let target = new URL(robotsUrl);
    try {
      for (let hops = 0; hops <= this.settings.maxRedirects; hops++) {
        const answer = await this.request(
          target,
          { 'user-agent': USER_AGENT, accept: 'text/plain' },
          this.settings.delayMs,
          async (response): Promise<RobotsRule | URL> => {
            if (response.status >= 300 && response.status < 400 && response.headers.get('location')) {
              await response.body?.cancel().catch(() => {});
              return new URL(response.headers.get('location') as string, target);
            }
            if (response.status >= 400 && response.status < 500) {
              await response.body?.cancel().catch(() => {});
              return { kind: 'allow-all' };
            }
            if (response.status >= 500) {
              await response.body?.cancel().catch(() => {});
              return {
                kind: 'deny-all',
                reason: `${robotsUrl} answered HTTP ${response.status}; not fetching from a site whose rules cannot be read`,
              };
            }
            const text = new TextDecoder().decode(await readLimited(response, 512 * 1024, robotsUrl));
            return { kind: 'rules', robots: robotsParser(robotsUrl, text) };
          },
        );
        if (!(answer instanceof URL)) return answer;
        target = answer;
      }
      return { kind: 'allow-all' };
    } catch (error) {
      this.signal.throwIfAborted();
      // The site cannot be reached at all: its own failure (connection refused, timed out) is the reason to give.
      const reason = error instanceof InputError ? error.reason : String(error);
      return { kind: 'deny-all', reason };
    }
  }
}
