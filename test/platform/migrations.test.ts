/**
 * Migrations from an empty database, on the engine of this run (PGlite, or a fresh database on the
 * PostgreSQL server when DATABASE_URL is set): all apply, a second run applies none, every migration can be
 * rolled back to empty and applied again, and `rapport migrate` does the same from the command line.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Migrator, FileMigrationProvider, NO_MIGRATIONS, sql } from 'kysely';
import { MIGRATIONS_DIR, migrateToLatest, migrationStatus } from '../../src/platform/db/migrate.ts';
import { openScratchDatabase } from '../helpers/scratch-db.ts';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const migrationFiles = fs.readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.ts')).sort();

async function publicTables(db: Parameters<typeof migrateToLatest>[0]): Promise<string[]> {
  const result = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = 'public' and table_name not like 'kysely_%' order by table_name`.execute(db);
  return result.rows.map((r) => r.table_name);
}

test('migration files are timestamped and descriptive', () => {
  assert.ok(migrationFiles.length > 0);
  for (const file of migrationFiles) assert.match(file, /^\d{14}_[a-z0-9_]+\.ts$/, file);
});

test('from empty: every migration applies once, then nothing is pending', async () => {
  const scratch = await openScratchDatabase();
  try {
    assert.deepEqual(await publicTables(scratch.db), []);
    const applied = await migrateToLatest(scratch.db);
    assert.deepEqual(applied, migrationFiles.map((f) => f.replace(/\.ts$/, '')));
    assert.deepEqual(await migrateToLatest(scratch.db), []);
    const status = await migrationStatus(scratch.db);
    assert.ok(status.every((m) => m.executedAt !== null));
    assert.ok((await publicTables(scratch.db)).includes('users'));
  } finally {
    await scratch.close();
  }
});

test('every migration rolls back to empty and applies again', async () => {
  const scratch = await openScratchDatabase();
  try {
    await migrateToLatest(scratch.db);
    const migrator = new Migrator({ db: scratch.db, provider: new FileMigrationProvider({ fs: fs.promises, path, migrationFolder: MIGRATIONS_DIR }) });
    const down = await migrator.migrateTo(NO_MIGRATIONS);
    assert.equal(down.error, undefined);
    assert.deepEqual(await publicTables(scratch.db), []);
    assert.equal((await migrateToLatest(scratch.db)).length, migrationFiles.length);
  } finally {
    await scratch.close();
  }
});

test('`rapport migrate` applies and lists the migrations', async () => {
  const scratch = await openScratchDatabase();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-migrate-'));
  try {
    // On PGlite the command needs the folder to itself, so the scratch handle is closed first.
    const env = { ...process.env, RAPPORT_DATA_DIR: dataDir, DATABASE_URL: scratch.url ?? '', LOG_LEVEL: 'silent' };
    const { stdout } = await run(process.execPath, [path.join(root, 'bin/rapport.js'), 'migrate'], { env });
    const lines = stdout.trim().split('\n');
    assert.equal(lines.length, migrationFiles.length);
    for (const line of lines) assert.match(line, /^applied {2}\d{14}_/);
  } finally {
    await scratch.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
