/**
 * Planner statistics for the embedded engine. PGlite runs no autovacuum, so nothing would ever ANALYZE its
 * tables: a workspace that grows from nothing to thousands of customers would keep being planned as empty. The
 * server refreshes them shortly after start and then every hour; PostgreSQL's autovacuum does this on its own.
 * ANALYZE samples each table (about 30,000 rows), so it takes a second or two even at a million records.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from './schema.ts';
import type { Engine } from './database.ts';

const FIRST_DELAY_MS = 60_000;
const INTERVAL_MS = 60 * 60_000;

export async function refreshStatistics(db: Kysely<DB>): Promise<void> {
  await sql`analyze`.execute(db);
}

/** On the embedded engine, refreshes statistics now and then; returns the stop function (a no-op on PostgreSQL). */
export function scheduleStatisticsRefresh(db: Kysely<DB>, engine: Engine, onError: (error: unknown) => void): () => void {
  if (engine !== 'pglite') return () => {};
  let timer: NodeJS.Timeout;
  const run = (delay: number) => {
    timer = setTimeout(() => {
      refreshStatistics(db)
        .catch(onError)
        .finally(() => run(INTERVAL_MS));
    }, delay);
    timer.unref();
  };
  run(FIRST_DELAY_MS);
  return () => clearTimeout(timer);
}
