/**
 * Throwaway databases for tests. Without DATABASE_URL a test gets an in-memory PGlite; with it, a fresh database
 * of its own on that PostgreSQL server, so test files can run side by side without seeing each other's rows.
 * Nothing is migrated here: a test calls `migrateToLatest` when it wants the schema.
 */
import { randomBytes } from 'node:crypto';
import { setTimeout } from 'node:timers/promises';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { openDatabase, type Engine } from '../../src/platform/db/database.ts';
import { pgliteTemplate } from './pglite-template.ts';
import type { DB } from '../../src/platform/db/schema.ts';

export interface ScratchDatabase {
  db: Kysely<DB>;
  engine: Engine;
  /** Connection URL of the scratch database; null for in-memory PGlite. */
  url: string | null;
  /** Closes the handle and, on PostgreSQL, drops the scratch database. */
  close(): Promise<void>;
}

/** True when tests can reach a PostgreSQL server (DATABASE_URL is set). */
export function postgresAvailable(): boolean {
  return Boolean(process.env.DATABASE_URL);
}

/** Opens an empty database; `engine` defaults to PostgreSQL when DATABASE_URL is set, PGlite otherwise. */
export async function openScratchDatabase(engine?: Engine): Promise<ScratchDatabase> {
  const chosen = engine ?? (postgresAvailable() ? 'postgres' : 'pglite');
  if (chosen === 'pglite') {
    const { db, close } = await openDatabase({ dataDir: null, seed: await pgliteTemplate(false) });
    return { db, engine: 'pglite', url: null, close };
  }

  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error('a PostgreSQL scratch database needs DATABASE_URL');
  const name = `rapport_t_${randomBytes(6).toString('hex')}`;
  await onServer(serverUrl, (client) => client.query(`create database ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const { db } = await openDatabase({ url: url.toString(), poolSize: 4 });
  return {
    db,
    engine: 'postgres',
    url: url.toString(),
    async close() {
      await db.destroy();
      await onServer(serverUrl, async (client) => {
        // The pool's end() resolves before the server has seen its connections go; dropping WITH (FORCE) at that
        // moment kills one mid-goodbye and its client raises an uncaught error. Wait for them, force the rest.
        for (let attempt = 0; attempt < 100; attempt++) {
          const activity = 'select count(*)::int as n from pg_stat_activity where datname = $1';
          const { rows } = await client.query(activity, [name]);
          if (rows[0]?.n === 0) break;
          await setTimeout(20);
        }
        await client.query(`drop database if exists ${name} with (force)`);
      });
    },
  };
}

/** Runs `work` on its own connection to the server's default database (CREATE/DROP DATABASE need one). */
async function onServer(serverUrl: string, work: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}
