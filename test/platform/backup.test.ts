import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql, type Kysely } from 'kysely';
import { backupDatabase, restoreDatabase, type BackupSummary } from '../../src/platform/db/backup.ts';
import type { Engine } from '../../src/platform/db/database.ts';
import { migrateToLatest, migrationStatus } from '../../src/platform/db/migrate.ts';
import type { DB } from '../../src/platform/db/schema.ts';
import { openScratchDatabase, postgresAvailable, type ScratchDatabase } from '../helpers/scratch-db.ts';

const W1 = '11111111-1111-4111-8111-111111111111';
const W2 = '22222222-2222-4222-8222-222222222222';
const U1 = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const U2 = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';
const U3 = 'cccccccc-cccc-4ccc-8ccc-cccccccccccc';

/** Two workspaces with rows in every table, identity gaps, awkward text and jsonb a JS number can't hold. */
async function seed(db: Kysely<DB>): Promise<void> {
  await db
    .insertInto('workspaces')
    .values([
      { id: W1, name: 'Atelier Zoë', slug: 'atelier', created_at: '2026-01-02T03:04:05.123456Z' },
      { id: W2, name: 'Beta "quoted"\nand a newline', slug: 'beta' },
    ])
    .execute();
  await db
    .insertInto('users')
    .values([
      { workspace_id: W1, id: U1, email: 'ana@atelier.test', name: 'Ana', role: 'admin', password_hash: 'x',
        locale: 'fr' },
      { workspace_id: W1, id: U2, email: 'bo@atelier.test', name: 'Bo ✓', role: 'sales', status: 'invited',
        invite_token_hash: 'h', invite_expires_at: '2026-12-31T23:59:59.999999+01:00' },
      { workspace_id: W2, id: U3, email: 'cy@beta.test', name: 'Cy', role: 'read_only' },
    ])
    .execute();
  await db
    .insertInto('sessions')
    .values({ workspace_id: W1, id: U3, user_id: U1, token_hash: 't', csrf_token: 'c', expires_at: '2027-01-01' })
    .execute();
  await db
    .insertInto('api_tokens')
    .values({ workspace_id: W1, id: U3, user_id: U1, name: 'Zap', scope: 'read', token_hash: 't', token_hint: 'rp…' })
    .execute();
  for (let i = 1; i <= 5; i++) {
    await db
      .insertInto('events')
      .values({
        workspace_id: i % 2 ? W1 : W2,
        actor_type: 'user',
        actor_id: U1,
        entity: 'person',
        entity_id: String(i),
        action: 'update',
        // 12345678901234567890.5 is beyond a JS number: it must survive as jsonb text, not through JSON.parse.
        changes: `{"name": {"before": "Zoë\\n${i}", "after": null},
          "big": {"before": 12345678901234567890.5, "after": [1, {"a": true}]}}`,
      })
      .execute();
  }
  await db.deleteFrom('events').where('id', '=', 3).execute();
  await db
    .insertInto('jobs')
    .values([
      { workspace_id: W1, kind: 'webhook', payload: JSON.stringify({ url: 'https://example.test' }), event_id: 4 },
      { workspace_id: W2, kind: 'email', status: 'failed', attempts: 5, last_error: 'boom',
        completed_at: '2026-02-03T04:05:06Z' },
    ])
    .execute();
}

/** Every row of every table as PostgreSQL prints it (in UTC), so both engines and all precision compare exactly. */
async function dump(db: Kysely<DB>): Promise<Record<string, string[]>> {
  return db.transaction().execute(async (trx) => {
    await sql`set local timezone to 'UTC'`.execute(trx);
    const tables = await sql<{ name: string }>`
      select tablename::text as name from pg_tables
      where schemaname = 'public' and tablename not like 'kysely%' order by tablename`.execute(trx);
    const result: Record<string, string[]> = {};
    for (const { name } of tables.rows) {
      const rows = await sql<{ row: string }>`
        select row_to_json(t)::text as row from ${sql.table(name)} t
        order by row_to_json(t)::text collate "C"`.execute(trx);
      result[name] = rows.rows.map((r) => r.row);
    }
    return result;
  });
}

async function migratedWithOwnData(engine?: Engine): Promise<ScratchDatabase> {
  const scratch = await openScratchDatabase(engine);
  await migrateToLatest(scratch.db);
  await scratch.db.insertInto('workspaces').values({ id: W2, name: 'Someone else', slug: 'else' }).execute();
  await scratch.db
    .insertInto('events')
    .values({ workspace_id: W2, actor_type: 'system', entity: 'x', entity_id: '1', action: 'create' })
    .execute();
  return scratch;
}

/** Restores `file` into a fresh database of `engine`, checks it matches `expected`, then that new ids don't collide. */
async function restoreAndCompare(file: string, expected: Record<string, string[]>, engine: Engine): Promise<void> {
  const target = await openScratchDatabase(engine);
  try {
    const summary = await restoreDatabase(target.db, file);
    assert.deepEqual(await dump(target.db), expected);
    assert.equal(summary.tables.find((t) => t.name === 'events')?.rows, 4);

    const event = await target.db
      .insertInto('events')
      .values({ workspace_id: W1, actor_type: 'system', entity: 'x', entity_id: 'new', action: 'create' })
      .returning('id')
      .executeTakeFirstOrThrow();
    assert.equal(event.id, 6);
    const job = await target.db
      .insertInto('jobs')
      .values({ workspace_id: W1, kind: 'k' })
      .returning('id')
      .executeTakeFirstOrThrow();
    assert.equal(job.id, 3);
  } finally {
    await target.close();
  }
}

describe('backup and restore', () => {
  let dir: string;
  let source: ScratchDatabase;
  let file: string;
  let summary: BackupSummary;
  let expected: Record<string, string[]>;

  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'rapport-backup-'));
    source = await openScratchDatabase();
    await migrateToLatest(source.db);
    await seed(source.db);
    expected = await dump(source.db);
    file = path.join(dir, 'backup.jsonl.gz');
    summary = await backupDatabase(source.db, file);
  });

  after(async () => {
    await source?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test('the summary lists the applied migrations and every table, referenced tables first', async () => {
    assert.deepEqual(summary.migrations, (await migrationStatus(source.db)).map((m) => m.name));
    const names = summary.tables.map((t) => t.name);
    assert.deepEqual([...names].sort(), Object.keys(expected).sort());
    assert.ok(names.indexOf('workspaces') < names.indexOf('users'));
    assert.ok(names.indexOf('users') < names.indexOf('sessions'));
    assert.ok(names.indexOf('users') < names.indexOf('api_tokens'));
    for (const { name, rows } of summary.tables) assert.equal(rows, expected[name]?.length, name);
  });

  test('the source is left as it was', async () => {
    assert.deepEqual(await dump(source.db), expected);
  });

  const targets = [...new Set<Engine>([postgresAvailable() ? 'postgres' : 'pglite', 'pglite'])];
  for (const engine of targets) {
    test(`restores row for row into a fresh ${engine} database, and new ids follow the restored ones`, async () => {
      await restoreAndCompare(file, expected, engine);
    });
  }

  const noServer = !postgresAvailable() && 'DATABASE_URL not set';
  test('restores a PGlite backup into PostgreSQL', { skip: noServer }, async () => {
    const embedded = await openScratchDatabase('pglite');
    try {
      await migrateToLatest(embedded.db);
      await seed(embedded.db);
      const embeddedFile = path.join(dir, 'from-pglite.jsonl.gz');
      await backupDatabase(embedded.db, embeddedFile);
      await restoreAndCompare(embeddedFile, await dump(embedded.db), 'postgres');
    } finally {
      await embedded.close();
    }
  });

  describe('into a database that already holds data', () => {
    let target: ScratchDatabase;
    let untouched: Record<string, string[]>;
    let lines: string[];

    before(async () => {
      target = await migratedWithOwnData();
      untouched = await dump(target.db);
      lines = gunzipSync(await readFile(file)).toString('utf8').trimEnd().split('\n');
    });

    after(async () => {
      await target?.close();
    });

    /** Restoring `content` with force must fail with `message` and leave the target's own rows in place. */
    async function refused(name: string, content: Buffer, message: RegExp): Promise<void> {
      const damaged = path.join(dir, name);
      await writeFile(damaged, content);
      await assert.rejects(restoreDatabase(target.db, damaged, { force: true }), message);
      assert.deepEqual(await dump(target.db), untouched);
    }

    const rejoin = (list: string[]) => gzipSync(`${list.join('\n')}\n`);
    const eventRow = () => lines.findIndex((line) => line.includes('"entity_id":"2"'));

    test('refuses to restore without force', async () => {
      await assert.rejects(restoreDatabase(target.db, file), /already holds data \(in events, workspaces\)/);
      assert.deepEqual(await dump(target.db), untouched);
    });

    test('refuses a truncated file', async () => {
      const whole = await readFile(file);
      await refused('truncated.gz', whole.subarray(0, Math.floor(whole.length * 0.7)), /unexpected end of file/);
    });

    test('refuses a file cut at a line boundary, without its footer', async () => {
      await refused('no-footer.gz', rejoin(lines.slice(0, -1)), /is incomplete/);
    });

    test('refuses flipped bits in the compressed data and in its checksum', async () => {
      const whole = await readFile(file);
      const middle = Buffer.from(whole);
      middle[Math.floor(whole.length / 2)]! ^= 0x01;
      // A flipped bit may still inflate (to different bytes) before the checksum at the end is read: the restore then
      // stops on the first row it cannot take, which is as good a refusal as the inflater's own.
      await refused('flipped.gz', middle, /invalid|incorrect|damaged|could not be restored/);
      const checksum = Buffer.from(whole);
      checksum[whole.length - 6]! ^= 0x01;
      await refused('bad-crc.gz', checksum, /incorrect data check/);
    });

    test('refuses a file with a row taken out', async () => {
      await refused('missing-row.gz', rejoin(lines.filter((_, i) => i !== eventRow())), /rows of events could not be/);
    });

    test('refuses a row that is not JSON', async () => {
      const cut = lines.map((line, i) => (i === eventRow() ? line.slice(0, 30) : line));
      await refused('bad-row.gz', rejoin(cut), /rows of events .*json/i);
    });

    test('refuses a file that is not a backup', async () => {
      await refused('plain.txt', Buffer.from('hello'), /incorrect header check/);
      await refused('other.gz', gzipSync('{"hello": "world"}\n'), /is not a Rapport backup/);
    });

    test('refuses a backup from a newer Rapport', async () => {
      const header = JSON.parse(lines[0]!);
      header.migrations.push('29990101000000_from_the_future');
      await refused('future.gz', rejoin([JSON.stringify(header), ...lines.slice(1)]), /29990101000000_from_the_future/);
    });

    test('with force, replaces everything the target held', async () => {
      await restoreDatabase(target.db, file, { force: true });
      assert.deepEqual(await dump(target.db), expected);
    });
  });
});
