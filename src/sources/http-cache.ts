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

const SCHEMA = 'newsgraph-http-cache/1';
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

function open(path: string): Database.Database {
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
          final_url TEXT NOT NULL, checksum TEXT NOT NULL, body BLOB NOT NULL) WITHOUT ROWID;`);
      db.prepare('INSERT INTO meta (name, value) VALUES (?, ?)').run('schema', SCHEMA);
      return db;
    }
    const schema =
      tables.join(',') === 'meta,responses'
        ? db.prepare("SELECT value FROM meta WHERE name = 'schema'").pluck().get()
        : null;
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

  private constructor(path: string, db: Database.Database) {
    this.path = path;
    this.db = db;
  }

  /** Opens (or creates) the cache in `dir`; an unusable file is replaced. Throws only when `dir` cannot be used. */
  static open(dir: string): HttpCache {
    mkdirSync(dir, { recursive: true });
    const path = join(dir, DB_FILE);
    try {
      return new HttpCache(path, open(path));
    } catch {
      for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(path + suffix, { force: true });
      return new HttpCache(path, open(path));
    }
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
        'INSERT OR REPLACE INTO responses (url, etag, last_modified, content_type, final_url, checksum, body) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        response.url,
        response.etag,
        response.lastModified,
        response.contentType,
        response.finalUrl,
        digest(response.body),
        response.body,
      );
  }

  close(): void {
    this.db.close();
  }
}
