/**
 * Opens the database: PGlite in a folder by default, a PostgreSQL server through a pool when a URL is given.
 * Both speak the same SQL and return the same JavaScript types (bigint as number, date and numeric as strings).
 */
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { PGliteDialect } from './pglite-dialect.ts';
import { lockDataDir } from './data-dir-lock.ts';
import type { DB } from './schema.ts';

export type Engine = 'pglite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  engine: Engine;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres:// URL; when absent the embedded engine is used. */
  url?: string | null;
  /** Folder for the embedded engine; `null` keeps it in memory (tests). */
  dataDir?: string | null;
  poolSize?: number;
  /** Embedded engine only: start from this data-folder dump (from `dumpDataDir`) instead of an empty cluster. */
  seed?: Blob;
}

/** Extensions the migrations create; PGlite must have them loaded before it opens a data folder that uses them. */
export const PGLITE_EXTENSIONS = { pg_trgm };

const INT8 = 20;
const DATE = 1082;
const NUMERIC = 1700;
const asNumber = (value: string) => Number(value);
const asIs = (value: string) => value;

/** Opens a database handle; the caller owns it and must `close()` it. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
          if (oid === INT8) return asNumber;
          if (oid === DATE || oid === NUMERIC) return asIs;
          return pg.types.getTypeParser(oid, format);
        }) as typeof pg.types.getTypeParser,
      },
    });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, engine: 'postgres', close: () => db.destroy() };
  }

  let dataDir: string | undefined;
  let unlock = () => {};
  if (options.dataDir) {
    fs.mkdirSync(options.dataDir, { recursive: true });
    unlock = lockDataDir(options.dataDir);
    dataDir = path.join(options.dataDir, 'pgdata');
  }
  try {
    const pglite = new PGlite({
      dataDir,
      extensions: PGLITE_EXTENSIONS,
      ...(options.seed ? { loadDataDir: options.seed } : {}),
      parsers: { [INT8]: asNumber, [DATE]: asIs, [NUMERIC]: asIs },
    });
    await pglite.waitReady;
    const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
    return {
      db,
      engine: 'pglite',
      async close() {
        await db.destroy();
        // Kysely only closes a driver it has used; a handle opened and never queried would keep the process alive.
        if (!pglite.closed) await pglite.close();
        unlock();
      },
    };
  } catch (error) {
    unlock();
    throw error;
  }
}

/** True when the database answers a trivial query. */
export async function pingDatabase(db: Kysely<DB>): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
