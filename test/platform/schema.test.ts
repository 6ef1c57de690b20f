import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { sql, type Kysely } from 'kysely';
import { generateSchemaSource, SCHEMA_FILE } from '../../scripts/generate-db-types.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';
import { openScratchDatabase, type ScratchDatabase } from '../helpers/scratch-db.ts';

test('schema.ts is what the migrations produce', async () => {
  const [generated, onDisk] = await Promise.all([generateSchemaSource(), readFile(SCHEMA_FILE, 'utf8')]);
  if (generated === onDisk) return;
  const want = generated.split('\n');
  const have = onDisk.split('\n');
  const line = want.findIndex((text, i) => text !== have[i]);
  const at = line === -1 ? want.length : line;
  assert.fail(
    'src/platform/db/schema.ts does not match the migrations: run `npm run db:types` ' +
      `(node scripts/generate-db-types.ts) and commit the result.\nFirst difference, line ${at + 1}:\n` +
      `  file:      ${have[at] ?? '(end of file)'}\n  generated: ${want[at] ?? '(end of file)'}`,
  );
});

/** Tables that break the tenancy rule, and primary keys or unique indexes that don't include workspace_id. */
async function tenancyViolations(db: Kysely<any>): Promise<{ tables: string[]; indexes: string[] }> {
  const tables = await sql<{ name: string }>`
    select c.relname::text as name
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p') and c.relname not like 'kysely\_%'
      and c.relname <> 'workspaces'
      and not exists (select 1 from pg_attribute a
        where a.attrelid = c.oid and a.attname = 'workspace_id' and not a.attisdropped)
    order by 1`.execute(db);
  // Unique indexes cover primary keys and unique constraints too; exclusion constraints are checked beside them.
  const indexes = await sql<{ definition: string }>`
    select pg_get_indexdef(i.indexrelid) as definition
    from pg_index i
    join pg_class c on c.oid = i.indrelid
    join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relname not like 'kysely\_%' and c.relname <> 'workspaces'
      and (i.indisunique or exists (select 1 from pg_constraint x where x.conindid = i.indexrelid and x.contype = 'x'))
      and not exists (
        select 1 from unnest(i.indkey) with ordinality k(attnum, ord)
        join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
        where k.ord <= i.indnkeyatts and a.attname = 'workspace_id')
    order by 1`.execute(db);
  return { tables: tables.rows.map((r) => r.name), indexes: indexes.rows.map((r) => r.definition) };
}

describe('tenancy rule: every table but workspaces is per workspace', () => {
  let scratch: ScratchDatabase;

  before(async () => {
    scratch = await openScratchDatabase();
    await migrateToLatest(scratch.db);
  });

  after(async () => {
    await scratch?.close();
  });

  test('every table has workspace_id, and every primary key and unique index includes it', async () => {
    assert.deepEqual(await tenancyViolations(scratch.db), { tables: [], indexes: [] });
  });

  test('workspaces itself is keyed by its id, which is the workspace id', async () => {
    const { rows } = await sql<{ definition: string }>`
      select pg_get_constraintdef(oid) as definition from pg_constraint
      where conrelid = 'workspaces'::regclass and contype = 'p'`.execute(scratch.db);
    assert.deepEqual(rows, [{ definition: 'PRIMARY KEY (id)' }]);
  });

  test('the check catches tables and indexes that break the rule', async () => {
    const probe = scratch.db.transaction().execute(async (trx) => {
      await sql`create table rule_probe_a (
        workspace_id uuid, id uuid primary key, code text unique, unique (workspace_id, code),
        unique (code) include (workspace_id))`.execute(trx);
      await sql`create table rule_probe_b (id uuid, code text)`.execute(trx);
      const found = await tenancyViolations(trx);
      assert.deepEqual(found.tables, ['rule_probe_b']);
      assert.equal(found.indexes.length, 3, found.indexes.join('\n'));
      throw new RollbackProbe();
    });
    await assert.rejects(probe, RollbackProbe);
  });
});

class RollbackProbe extends Error {}
