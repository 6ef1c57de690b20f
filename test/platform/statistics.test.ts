/** The embedded engine gets planner statistics although it runs no autovacuum. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { openScratchDatabase } from '../helpers/scratch-db.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';
import { refreshStatistics } from '../../src/platform/db/statistics.ts';
import { makeWorkspace } from '../helpers/factories.ts';
import { createParty } from '../../src/modules/parties/party-service.ts';

test('refreshing statistics gives the planner row counts of the customer tables', async () => {
  const scratch = await openScratchDatabase('pglite');
  try {
    await migrateToLatest(scratch.db);
    const ws = await makeWorkspace(scratch.db);
    for (let i = 0; i < 5; i++) await createParty(ws.ctx, 'person', { lastName: `Statistique ${i}` });
    const estimate = () =>
      sql<{ n: number }>`select reltuples::int as n from pg_class where relname = 'parties'`.execute(scratch.db).then((r) => r.rows[0]!.n);
    assert.ok((await estimate()) < 5, 'no statistics before');
    await refreshStatistics(scratch.db);
    assert.equal(await estimate(), 5);
  } finally {
    await scratch.close();
  }
});
