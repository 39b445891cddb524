/**
 * The extraction cache: an SQLite file (better-sqlite3) mapping a content key to the extractions of one input file.
 * The key hashes the extractor fingerprint, the article id, the path and the file's bytes, so a rebuild re-extracts
 * exactly the files that changed. Nothing read from the cache is trusted: a file that is not a database, a database
 * with another schema or failing SQLite's integrity check is thrown away and started afresh, and every row carries a
 * checksum and is shape-checked when read; a bad row counts as a miss and is deleted.
 */
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import Database from 'better-sqlite3';
import type { Extraction } from '../extract/types.js';
import { ensureFolder } from '../util/output.js';
import { CACHE_ENV } from './settings.js';

/** Bumped when the table layout or the value encoding changes; any other value means "not our cache". */
const CACHE_SCHEMA = 'newsgraph-extraction-cache/1';
const DB_FILE = 'extractions.db';
/** Puts are written in batches: one transaction per batch is far faster than one per row. */
const BATCH = 256;

export interface CacheStats {
  hits: number;
  misses: number;
  /** Rows that failed their checksum or shape check: treated as misses and deleted. */
  badRows: number;
  /** Set when the whole database was unusable and replaced: the reason. */
  rebuilt: string | null;
}

/** Where the cache lives unless --cache says otherwise: $NEWSGRAPH_CACHE, else the user's cache folder. */
export function defaultCacheDir(): string {
  const env = process.env[CACHE_ENV];
  if (env) return env;
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'newsgraph');
}

/** The cache key of one input file: every input the extraction depends on. */
export function cacheKey(fingerprint: string, id: string, file: string, bytes: Uint8Array): string {
  return createHash('sha256').update(`${fingerprint}\0${id}\0${file}\0${bytes.length}\0`).update(bytes).digest('hex');
}

export function checksum(value: Uint8Array): string {
  return createHash('sha256').update(value).digest('hex');
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

/** A cheap structural check of decoded rows: enough that the graph builder cannot trip on what the cache returns. */
export function isExtractionList(value: unknown): value is Extraction[] {
  if (!Array.isArray(value)) return false;
  return value.every((x: unknown) => {
    if (typeof x !== 'object' || x === null) return false;
    const e = x as Record<string, unknown>;
    if (typeof e.articleId !== 'string' || typeof e.file !== 'string') return false;
    if (typeof e.article !== 'object' || e.article === null) return false;
    if (!Array.isArray(e.entities) || !Array.isArray(e.relations)) return false;
    const entitiesOk = e.entities.every((n: unknown) => {
      const entity = n as Record<string, unknown> | null;
      return (
        typeof entity === 'object' &&
        entity !== null &&
        typeof entity.id === 'string' &&
        typeof entity.label === 'string' &&
        typeof entity.kind === 'string' &&
        isStringArray(entity.aliases) &&
        isStringArray(entity.rules) &&
        Array.isArray(entity.mentions)
      );
    });
    const relationsOk = e.relations.every((r: unknown) => {
      const relation = r as Record<string, unknown> | null;
      return (
        typeof relation === 'object' &&
        relation !== null &&
        typeof relation.source === 'string' &&
        typeof relation.target === 'string' &&
        typeof relation.relation === 'string' &&
        typeof relation.confidence === 'number' &&
        isStringArray(relation.rules) &&
        Array.isArray(relation.evidence)
      );
    });
    return entitiesOk && relationsOk;
  });
}

type Db = Database.Database;

function openChecked(path: string): Db {
  const db = new Database(path, { timeout: 5000 });
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    const tables = db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
      .pluck()
      .all() as string[];
    if (tables.length === 0) {
      db.exec(`
        CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE extractions (key TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, checksum TEXT NOT NULL, value BLOB NOT NULL) WITHOUT ROWID;
      `);
      db.prepare('INSERT INTO meta (name, value) VALUES (?, ?)').run('schema', CACHE_SCHEMA);
      return db;
    }
    if (tables.join(',') !== 'extractions,meta') throw new Error(`unexpected tables (${tables.join(', ')})`);
    const schema = db.prepare("SELECT value FROM meta WHERE name = 'schema'").pluck().get();
    if (schema !== CACHE_SCHEMA) throw new Error(`schema ${JSON.stringify(schema ?? null)}, expected ${CACHE_SCHEMA}`);
    const columns = (db.pragma('table_info(extractions)') as Array<{ name: string }>).map((c) => c.name).join(',');
    if (columns !== 'key,fingerprint,checksum,value') throw new Error(`unexpected columns (${columns})`);
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`integrity check failed (${String(check)})`);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function removeDatabase(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(path + suffix, { force: true });
}

function reasonOf(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  return typeof code === 'string' && !message.includes(code) ? `${code}: ${message}` : message;
}

export class ExtractionCache {
  readonly path: string;
  readonly stats: CacheStats = { hits: 0, misses: 0, badRows: 0, rebuilt: null };
  private db: Db;
  private readonly fingerprint: string;
  private pending: Array<{ key: string; value: Uint8Array }> = [];

  private constructor(path: string, db: Db, fingerprint: string) {
    this.path = path;
    this.db = db;
    this.fingerprint = fingerprint;
  }

  /**
   * Opens (or creates) the cache in `dir`. A database that cannot be trusted is deleted and recreated; the reason
   * is kept in stats.rebuilt. Entries of other extractor fingerprints are pruned so the cache does not grow forever.
   */
  static open(dir: string, fingerprint: string): ExtractionCache {
    // Level by level, refusing virtual file systems: a recursive mkdir under /proc never returns.
    ensureFolder(dir);
    const path = join(dir, DB_FILE);
    let db: Db;
    let rebuilt: string | null = null;
    try {
      db = openChecked(path);
    } catch (error) {
      rebuilt = reasonOf(error);
      removeDatabase(path);
      db = openChecked(path);
    }
    db.prepare('DELETE FROM extractions WHERE fingerprint != ?').run(fingerprint);
    const cache = new ExtractionCache(path, db, fingerprint);
    cache.stats.rebuilt = rebuilt;
    return cache;
  }

  /** The cached extractions for `key`, or undefined (a miss, or a row that failed its checks). */
  get(key: string): Extraction[] | undefined {
    let row: { checksum: unknown; value: unknown } | undefined;
    try {
      row = this.db.prepare('SELECT checksum, value FROM extractions WHERE key = ?').get(key) as typeof row;
    } catch (error) {
      // The file went bad under us (or was never good past the pages checked): start over rather than trust it.
      this.replace(reasonOf(error));
      this.stats.misses++;
      return undefined;
    }
    if (!row) {
      this.stats.misses++;
      return undefined;
    }
    const decoded = this.decode(row);
    if (decoded) {
      this.stats.hits++;
      return decoded;
    }
    this.stats.badRows++;
    this.stats.misses++;
    this.db.prepare('DELETE FROM extractions WHERE key = ?').run(key);
    return undefined;
  }

  /** Stores a value produced by encodeExtractions (written with the next batch). */
  put(key: string, value: Uint8Array): void {
    this.pending.push({ key, value });
    if (this.pending.length >= BATCH) this.flush();
  }

  flush(): void {
    if (this.pending.length === 0) return;
    const rows = this.pending;
    this.pending = [];
    const insert = this.db.prepare(
      'INSERT OR REPLACE INTO extractions (key, fingerprint, checksum, value) VALUES (?, ?, ?, ?)',
    );
    try {
      this.db.transaction(() => {
        for (const { key, value } of rows) insert.run(key, this.fingerprint, checksum(value), value);
      })();
    } catch (error) {
      this.replace(reasonOf(error));
    }
  }

  close(): void {
    this.flush();
    this.db.close();
  }

  private decode(row: { checksum: unknown; value: unknown }): Extraction[] | undefined {
    if (typeof row.checksum !== 'string' || !(row.value instanceof Uint8Array)) return undefined;
    if (checksum(row.value) !== row.checksum) return undefined;
    try {
      const value: unknown = JSON.parse(inflateRawSync(row.value).toString('utf8'));
      return isExtractionList(value) ? value : undefined;
    } catch {
      return undefined;
    }
  }

  private replace(reason: string): void {
    try {
      this.db.close();
    } catch {
      // already unusable; it is being deleted anyway
    }
    removeDatabase(this.path);
    this.db = openChecked(this.path);
    this.stats.rebuilt = reason;
  }
}
