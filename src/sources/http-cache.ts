/**
 * What the fetcher remembers between runs: per URL the validators (ETag, Last-Modified) and the body they stand
 * for, so an unchanged feed or page costs a 304 and its body comes from here. An SQLite file beside the extraction
 * cache. Like that cache it trusts nothing: a database it cannot read is thrown away and started afresh, and a row
 * whose checksum fails is a miss.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { HTTP_CACHE_DEFAULTS, type HttpCacheSettings } from './settings.js';

const SCHEMA = 'newsgraph-http-cache/2';
/** The first version kept no dates; its rows are kept, dated the day they were migrated. */
const SCHEMA_1 = 'newsgraph-http-cache/1';
const DB_FILE = 'http.db';

export interface CachedResponse {
  url: string;
  etag: string | null;
  lastModified: string | null;
  contentType: string;
  /** The URL the body came from after redirects. */
  finalUrl: string;
  body: Uint8Array;
}

function digest(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function open(path: string, now: number): Database.Database {
  const db = new Database(path, { timeout: 5000 });
  try {
    db.pragma('journal_mode = WAL');
    const tables = db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
      .pluck()
      .all() as string[];
    if (tables.length === 0) {
      db.exec(`CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE responses (url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, content_type TEXT NOT NULL,
          final_url TEXT NOT NULL, checksum TEXT NOT NULL, body BLOB NOT NULL,
          used_at INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;`);
      db.prepare('INSERT INTO meta (name, value) VALUES (?, ?)').run('schema', SCHEMA);
      return db;
    }
    const schema =
      tables.join(',') === 'meta,responses'
        ? db.prepare("SELECT value FROM meta WHERE name = 'schema'").pluck().get()
        : null;
    if (schema === SCHEMA_1) {
      db.exec('ALTER TABLE responses ADD COLUMN used_at INTEGER NOT NULL DEFAULT 0');
      db.prepare('UPDATE responses SET used_at = ?').run(now);
      db.prepare("UPDATE meta SET value = ? WHERE name = 'schema'").run(SCHEMA);
      return db;
    }
    if (schema !== SCHEMA) throw new Error('not a newsgraph HTTP cache');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

export class HttpCache {
  readonly path: string;
  private readonly db: Database.Database;

  /** The time this cache was opened: a build's rows share one date, so its output never depends on the clock. */
  private readonly now: number;

  private constructor(path: string, db: Database.Database, now: number) {
    this.path = path;
    this.db = db;
    this.now = now;
  }

  /**
   * Opens (or creates) the cache in `dir` and prunes it (see prune); an unusable file is replaced. Throws only when
   * `dir` cannot be used.
   */
  static open(dir: string, settings: Partial<HttpCacheSettings> = {}, now: number = Date.now()): HttpCache {
    mkdirSync(dir, { recursive: true });
    const path = join(dir, DB_FILE);
    let cache: HttpCache;
    try {
      cache = new HttpCache(path, open(path, now), now);
    } catch {
      for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(path + suffix, { force: true });
      cache = new HttpCache(path, open(path, now), now);
    }
    cache.prune({ ...HTTP_CACHE_DEFAULTS, ...settings });
    return cache;
  }

  /**
   * Removes responses not used (stored, or confirmed by a 304) for `maxAgeDays`, then the least recently used ones
   * until the bodies fit in `maxBytes`: a watcher over many feeds meets new article URLs every round, and an
   * article's page, once in the graph, is never asked for again. Returns how many were removed.
   */
  prune(settings: HttpCacheSettings): number {
    const cutoff = this.now - settings.maxAgeDays * 86_400_000;
    let removed = this.db.prepare('DELETE FROM responses WHERE used_at < ?').run(cutoff).changes;
    const rows = this.db
      .prepare('SELECT url, length(body) AS size FROM responses ORDER BY used_at DESC, url')
      .all() as Array<{ url: string; size: number }>;
    let total = 0;
    const drop = this.db.prepare('DELETE FROM responses WHERE url = ?');
    const over: string[] = [];
    for (const row of rows) {
      total += row.size;
      if (total > settings.maxBytes) over.push(row.url);
    }
    this.db.transaction(() => {
      for (const url of over) drop.run(url);
    })();
    removed += over.length;
    return removed;
  }

  /** Marks a response as used now (the server confirmed it with a 304), so pruning by age keeps it. */
  touch(url: string): void {
    this.db.prepare('UPDATE responses SET used_at = ? WHERE url = ?').run(this.now, url);
  }

  get(url: string): CachedResponse | undefined {
    const row = this.db
      .prepare('SELECT etag, last_modified, content_type, final_url, checksum, body FROM responses WHERE url = ?')
      .get(url) as
      | {
          etag: string | null;
          last_modified: string | null;
          content_type: string;
          final_url: string;
          checksum: string;
          body: Uint8Array;
        }
      | undefined;
    if (!row || !(row.body instanceof Uint8Array) || digest(row.body) !== row.checksum) return undefined;
    return {
      url,
      etag: row.etag,
      lastModified: row.last_modified,
      contentType: row.content_type,
      finalUrl: row.final_url,
      body: row.body,
    };
  }

  put(response: CachedResponse): void {
    this.db
      .prepare(
        'INSERT OR REPLACE INTO responses (url, etag, last_modified, content_type, final_url, checksum, body, used_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        response.url,
        response.etag,
        response.lastModified,
        response.contentType,
        response.finalUrl,
        digest(response.body),
        response.body,
        this.now,
      );
  }

  close(): void {
    this.db.close();
  }
}
