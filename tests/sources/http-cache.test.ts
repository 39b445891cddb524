/** The HTTP cache is pruned when opened: by age of last use, then by total body size (src/sources/settings.ts). */
import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { HttpCache } from '../../src/sources/http-cache.js';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 1);

function response(url: string, size: number) {
  return {
    url,
    etag: `"${url.length}"`,
    lastModified: null,
    contentType: 'text/html',
    finalUrl: url,
    body: new Uint8Array(size).fill(65),
  };
}

function dir(): string {
  return mkdtempSync(join(tmpdir(), 'newsgraph-http-prune-'));
}

describe('HTTP cache pruning', () => {
  it('removes responses unused for longer than the age limit; a 304 (touch) counts as a use', () => {
    const d = dir();
    let cache = HttpCache.open(d, {}, T0);
    cache.put(response('https://a.example/feed', 10));
    cache.put(response('https://a.example/story', 10));
    cache.close();
    cache = HttpCache.open(d, { maxAgeDays: 30 }, T0 + 20 * DAY);
    expect(cache.get('https://a.example/feed')).toBeDefined();
    cache.touch('https://a.example/feed');
    cache.close();
    cache = HttpCache.open(d, { maxAgeDays: 30 }, T0 + 40 * DAY);
    expect(cache.get('https://a.example/feed')?.body.length).toBe(10);
    expect(cache.get('https://a.example/story')).toBeUndefined();
    cache.close();
  });

  it('removes the least recently used responses until the bodies fit the size limit', () => {
    const d = dir();
    for (const [i, url] of ['https://b.example/1', 'https://b.example/2', 'https://b.example/3'].entries()) {
      const cache = HttpCache.open(d, {}, T0 + i * DAY);
      cache.put(response(url, 100));
      cache.close();
    }
    const cache = HttpCache.open(d, { maxBytes: 250 }, T0 + 3 * DAY);
    expect(cache.get('https://b.example/1')).toBeUndefined();
    expect(cache.get('https://b.example/2')).toBeDefined();
    expect(cache.get('https://b.example/3')).toBeDefined();
    cache.close();
  });

  it('keeps the rows of a cache written before dates were stored, dated the day of the upgrade', () => {
    const d = dir();
    const db = new Database(join(d, 'http.db'));
    db.exec(`CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE responses (url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, content_type TEXT NOT NULL,
        final_url TEXT NOT NULL, checksum TEXT NOT NULL, body BLOB NOT NULL) WITHOUT ROWID;`);
    db.prepare('INSERT INTO meta VALUES (?, ?)').run('schema', 'newsgraph-http-cache/1');
    const body = Buffer.from('<rss></rss>');
    db.prepare('INSERT INTO responses VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      'https://c.example/old',
      '"v1"',
      null,
      'application/rss+xml',
      'https://c.example/old',
      createHash('sha256').update(body).digest('hex'),
      body,
    );
    db.close();
    // Dated by the migration: kept for the age limit from then, like a response stored that day.
    let cache = HttpCache.open(d, {}, 5 * DAY);
    expect(cache.get('https://c.example/old')?.etag).toBe('"v1"');
    cache.close();
    cache = HttpCache.open(d, { maxAgeDays: 30 }, 30 * DAY);
    expect(cache.get('https://c.example/old')).toBeDefined();
    cache.close();
    cache = HttpCache.open(d, { maxAgeDays: 30 }, 36 * DAY);
    expect(cache.get('https://c.example/old')).toBeUndefined();
    cache.close();
  });
});
