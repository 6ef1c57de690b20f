/**
 * Whole-database backup and restore, the same on PGlite and PostgreSQL. A backup is one consistent snapshot
 * written as gzip JSON lines: a header naming the applied migrations and the tables, then per table a line
 * `{table, rows, columns}` followed by exactly `rows` lines of `row_to_json` output, then a footer repeating the
 * counts. Rows go from the database to the file and back as text, never through JavaScript values, so bigints,
 * numerics and microsecond timestamps survive exactly. Both directions stream, so memory stays flat.
 */
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { sql, type Kysely, type Transaction } from 'kysely';
import { migrateToLatest, migrationStatus } from './migrate.ts';
import { FETCH_ROWS, FORMAT, INSERT_CHARS, INSERT_ROWS, VERSION, parseHeader, parseLine, withLines, type Footer, type Header, type LineReader, type TableStart } from './backup-file.ts';
import { describeTables, inDependencyOrder, insertableColumns, type TableInfo } from './catalog.ts';
import type { DB } from './schema.ts';

export interface BackupSummary {
  /** Migrations applied to the database the backup was taken from. */
  migrations: string[];
  /** Tables in restore order (referenced tables first) with their row counts. */
  tables: { name: string; rows: number }[];
}

export interface RestoreOptions {
  /** Replace the workspaces the target holds; without it a target holding any is refused. */
  force?: boolean;
}

/**
 * Writes a snapshot of every table in the public schema (Kysely's bookkeeping aside) to `file`, taken in one
 * read-only repeatable-read transaction. The file appears only once complete: it is written under another
 * name and renamed at the end.
 */
export async function backupDatabase(db: Kysely<DB>, file: string): Promise<BackupSummary> {
  const partial = `${file}.partial-${process.pid}-${Date.now()}`;
  try {
    const summary = await db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (trx) => {
        await sql`set transaction read only`.execute(trx);
        const summary: BackupSummary = { migrations: await appliedMigrations(trx), tables: [] };
        await pipeline(snapshotLines(trx, summary), createGzip(), createWriteStream(partial));
        return summary;
      });
    await rename(partial, file);
    return summary;
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}

/**
 * Loads a backup into `db`: migrates it to the newest schema, then inserts every row in one transaction, so a
 * refused or damaged file leaves the target as it was. Refuses backups from a newer Rapport and, unless
 * `force`, targets that already hold workspace data (with `force` that data is replaced).
 */
export async function restoreDatabase(
  db: Kysely<DB>,
  file: string,
  options: RestoreOptions = {},
): Promise<BackupSummary> {
  const header = await withLines(file, async (lines) => parseHeader(await lines.next('the header'), file));
  const known = new Set((await migrationStatus(db)).map((m) => m.name));
  const unknown = header.migrations.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new Error(
      `backup ${file} comes from a newer version of Rapport: its migrations ${unknown.join(', ')} are unknown ` +
        'to this one; upgrade Rapport before restoring it',
    );
  }
  await migrateToLatest(db);

  return db.transaction().execute(async (trx) => {
    await sql`set constraints all deferred`.execute(trx);
    const tables = new Map((await describeTables(trx)).map((t) => [t.name, t]));
    const missing = header.tables.filter((name) => !tables.has(name));
    if (missing.length > 0) throw new Error(`backup ${file} holds tables this schema lacks: ${missing.join(', ')}`);
    await clearTarget(trx, [...tables.values()], header.tables, options.force ?? false);

    const listed = new Set(header.tables);
    const restored = await withLines(file, async (lines) => {
      parseHeader(await lines.next('the header'), file);
      const done: BackupSummary['tables'] = [];
      for (;;) {
        const marker = parseLine<Partial<TableStart & Footer>>(await lines.next('a table or the footer'), file);
        if (marker.end !== undefined) {
          await verify(trx, file, done, marker as Footer);
          if (await lines.hasMore()) throw new Error(`backup ${file} is damaged: lines follow its footer`);
          return done;
        }
        const { table, rows, columns } = marker;
        if (typeof table !== 'string' || !listed.has(table) || !Number.isInteger(rows) || !Array.isArray(columns)) {
          throw new Error(`backup ${file} is damaged: a table line is not what it should be`);
        }
        const start = { table, rows: rows as number, columns };
        done.push({ name: table, rows: await insertRows(trx, file, tables.get(table)!, start, lines) });
      }
    });
    await resetSequences(trx, [...tables.values()]);
    return { migrations: header.migrations, tables: restored };
  });
}

async function* snapshotLines(trx: Transaction<DB>, summary: BackupSummary): AsyncGenerator<string> {
  const tables = inDependencyOrder(await describeTables(trx));
  const header: Header = {
    format: FORMAT,
    version: VERSION,
    createdAt: new Date().toISOString(),
    migrations: summary.migrations,
    tables: tables.map((t) => t.name),
  };
  yield `${JSON.stringify(header)}\n`;
  for (const table of tables) {
    const counted = await sql<{ n: number }>`select count(*) as n from ${sql.table(table.name)}`.execute(trx);
    const rows = Number(counted.rows[0]?.n ?? 0);
    const start: TableStart = { table: table.name, rows, columns: insertableColumns(table) };
    yield `${JSON.stringify(start)}\n`;

    const keys = table.primaryKey.map((column) => sql.id('t', column));
    const orderBy = keys.length > 0 ? sql`order by ${sql.join(keys)}` : sql``;
    await sql`declare rapport_backup no scroll cursor for
      select row_to_json(t)::text as row from ${sql.table(table.name)} t ${orderBy}`.execute(trx);
    let written = 0;
    for (;;) {
      const fetch = sql<{ row: string }>`fetch ${sql.raw(String(FETCH_ROWS))} from rapport_backup`;
      const batch = await fetch.execute(trx);
      if (batch.rows.length === 0) break;
      written += batch.rows.length;
      yield `${batch.rows.map((r) => r.row).join('\n')}\n`;
    }
    await sql`close rapport_backup`.execute(trx);
    if (written !== rows) throw new Error(`${table.name} changed during the backup: ${rows} rows, ${written} read`);
    summary.tables.push({ name: table.name, rows });
  }
  const footer: Footer = { end: FORMAT, tables: summary.tables };
  yield `${JSON.stringify(footer)}\n`;
}

async function appliedMigrations(trx: Transaction<DB>): Promise<string[]> {
  const { rows } = await sql<{ found: boolean }>`select to_regclass('kysely_migration') is not null as found`
    .execute(trx);
  if (!rows[0]?.found) throw new Error('the database has no schema yet (no migration applied): nothing to back up');
  const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(trx);
  return applied.rows.map((r) => r.name);
}

/**
 * Refuses a target holding workspace data (workspaces, or any table with workspace_id) unless forced, then
 * empties those tables and the ones the backup fills. Other tables, such as reference data a newer migration
 * seeded and the backup doesn't know, keep their rows.
 */
async function clearTarget(
  trx: Transaction<DB>,
  tables: TableInfo[],
  filled: string[],
  force: boolean,
): Promise<void> {
  const workspaceData = tables.filter(
    (t) => t.name === 'workspaces' || t.columns.some((c) => c.name === 'workspace_id'),
  );
  const occupied: string[] = [];
  for (const table of workspaceData) {
    const { rows } = await sql`select 1 from ${sql.table(table.name)} limit 1`.execute(trx);
    if (rows.length > 0) occupied.push(table.name);
  }
  if (occupied.length > 0 && !force) {
    throw new Error(
      `the target database already holds data (in ${occupied.join(', ')}); restoring would mix two databases. ` +
        'Restore into an empty database, or force it to replace what the target holds',
    );
  }
  const cleared = new Set([...workspaceData.map((t) => t.name), ...filled]);
  if (cleared.size === 0) return;
  await sql`truncate table ${sql.join([...cleared].map((name) => sql.table(name)))} cascade`.execute(trx);
}

/** Reads the table's `rows` lines and inserts them set-based, in batches; returns how many rows went in. */
async function insertRows(
  trx: Transaction<DB>,
  file: string,
  table: TableInfo,
  start: TableStart,
  lines: LineReader,
): Promise<number> {
  // Columns the backup has and this schema takes; older backups leave newer columns to their defaults.
  const wanted = new Set(start.columns);
  const list = sql.join(insertableColumns(table).filter((c) => wanted.has(c)).map((c) => sql.id(c)));
  let inserted = 0;
  let batch: string[] = [];
  let chars = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const rows = `[${batch.join(',')}]`;
    batch = [];
    chars = 0;
    const result = await sql`
      insert into ${sql.table(table.name)} (${list}) overriding system value
      select ${list} from json_populate_recordset(null::${sql.table(table.name)}, ${rows}::json)`
      .execute(trx)
      .catch((error: unknown) => {
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(`backup ${file}: rows of ${table.name} could not be restored: ${reason}`, { cause: error });
      });
    inserted += Number(result.numAffectedRows ?? 0);
  };
  for (let i = 0; i < start.rows; i++) {
    const line = await lines.next(`row ${i + 1} of ${start.rows} of ${start.table}`);
    batch.push(line);
    chars += line.length;
    if (batch.length >= INSERT_ROWS || chars >= INSERT_CHARS) await flush();
  }
  await flush();
  return inserted;
}

/** Checks what went in against the footer, and the tables' counts against both. */
async function verify(trx: Transaction<DB>, file: string, restored: Footer['tables'], footer: Footer): Promise<void> {
  if (footer.end !== FORMAT || JSON.stringify(restored) !== JSON.stringify(footer.tables)) {
    throw new Error(`backup ${file} is damaged: its footer does not match its content`);
  }
  for (const { name, rows } of restored) {
    const counted = await sql<{ n: number }>`select count(*) as n from ${sql.table(name)}`.execute(trx);
    const actual = Number(counted.rows[0]?.n ?? 0);
    if (actual !== rows) throw new Error(`restore of ${name} ended with ${actual} rows where the backup has ${rows}`);
  }
}

/** Moves every identity or serial sequence past the restored ids, so new rows don't collide with them. */
async function resetSequences(trx: Transaction<DB>, tables: TableInfo[]): Promise<void> {
  for (const table of tables) {
    for (const { name, sequence } of table.columns) {
      if (!sequence) continue;
      const id = sql.id(name);
      await sql`select setval(${sequence}::regclass, coalesce(max(${id}), 1), max(${id}) is not null)
        from ${sql.table(table.name)}`.execute(trx);
    }
  }
}
