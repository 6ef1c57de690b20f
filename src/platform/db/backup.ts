/**
 * Whole-database backup and restore, the same on PGlite and PostgreSQL. A backup is one consistent snapshot
 * written as gzip JSON lines: a header naming the applied migrations, then per table a line `{table, rows,
 * columns}` followed by exactly `rows` lines of `row_to_json` output, then a footer repeating the counts.
 * Row lines go from the database to the file and back as text, never through JavaScript values, so bigints,
 * numerics and microsecond timestamps survive exactly. Both directions stream, so memory stays flat.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { sql, type Kysely, type Transaction } from 'kysely';
import { migrateToLatest, migrationStatus } from './migrate.ts';
import type { DB } from './schema.ts';

export interface BackupSummary {
  /** Migrations applied to the database the backup was taken from. */
  migrations: string[];
  /** Tables in restore order with their row counts. */
  tables: { name: string; rows: number }[];
}

export interface RestoreOptions {
  /** Replace whatever the target holds; without it a target that has any row is refused. */
  force?: boolean;
}

const FORMAT = 'rapport-backup';
const VERSION = 1;
const FETCH_ROWS = 1000;
const INSERT_ROWS = 1000;
const INSERT_CHARS = 8 * 1024 * 1024;

interface Header {
  format: string;
  version: number;
  createdAt: string;
  migrations: string[];
}

interface TableStart {
  table: string;
  rows: number;
  columns: string[];
}

interface Footer {
  end: string;
  tables: { name: string; rows: number }[];
}

interface TableInfo {
  name: string;
  primaryKey: string[];
  columns: { name: string; generated: boolean; sequence: string | null }[];
  references: string[];
}

/**
 * Writes a snapshot of every table in the public schema (migration bookkeeping aside) to `file`. The file
 * appears only once complete: it is written beside the target and renamed at the end.
 */
export async function backupDatabase(db: Kysely<DB>, file: string): Promise<BackupSummary> {
  const partial = `${file}.partial-${process.pid}-${Date.now()}`;
  try {
    const summary = await db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (trx) => {
        await sql`set transaction read only`.execute(trx);
        const migrations = await appliedMigrations(trx);
        const summary: BackupSummary = { migrations, tables: [] };
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
 * `force`, targets that already hold data (with `force` their tables are emptied first).
 */
export async function restoreDatabase(
  db: Kysely<DB>,
  file: string,
  options: RestoreOptions = {},
): Promise<BackupSummary> {
  const header = await readHeader(file);
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
    await emptyTarget(trx, [...tables.values()], options.force ?? false);

    const lines = lineReader(file);
    try {
      await lines.next('the header');
      const restored: BackupSummary['tables'] = [];
      for (;;) {
        const marker = parseLine<Partial<TableStart & Footer>>(await lines.next('a table or the footer'), file);
        if (typeof marker.end === 'string') {
          await verify(trx, file, restored, marker as Footer);
          if (await lines.hasMore()) throw new Error(`backup ${file} is damaged: lines follow its footer`);
          break;
        }
        const start = marker as TableStart;
        if (typeof start.table !== 'string' || !Number.isInteger(start.rows) || !Array.isArray(start.columns)) {
          throw new Error(`backup ${file} is damaged: a table line is not what it should be`);
        }
        const table = tables.get(start.table);
        if (!table) throw new Error(`backup ${file} holds table ${start.table}, which this schema does not have`);
        restored.push({ name: table.name, rows: await insertRows(trx, file, table, start, lines) });
      }
      await resetSequences(trx, [...tables.values()]);
      return { migrations: header.migrations, tables: restored };
    } finally {
      lines.close();
    }
  });
}

async function* snapshotLines(trx: Transaction<DB>, summary: BackupSummary): AsyncGenerator<string> {
  const header: Header = { format: FORMAT, version: VERSION, createdAt: new Date().toISOString(), migrations: summary.migrations };
  yield `${JSON.stringify(header)}\n`;
  for (const table of inDependencyOrder(await describeTables(trx))) {
    const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.table(table.name)}`.execute(trx);
    const count = Number(rows[0]?.n ?? 0);
    const start: TableStart = { table: table.name, rows: count, columns: insertableColumns(table) };
    yield `${JSON.stringify(start)}\n`;

    const orderBy = table.primaryKey.length > 0
      ? sql`order by ${sql.join(table.primaryKey.map((column) => sql.id('t', column)))}`
      : sql``;
    await sql`declare rapport_backup no scroll cursor for
      select row_to_json(t)::text as row from ${sql.table(table.name)} t ${orderBy}`.execute(trx);
    let written = 0;
    for (;;) {
      const batch = await sql<{ row: string }>`fetch ${sql.raw(String(FETCH_ROWS))} from rapport_backup`.execute(trx);
      if (batch.rows.length === 0) break;
      written += batch.rows.length;
      yield `${batch.rows.map((r) => r.row).join('\n')}\n`;
    }
    await sql`close rapport_backup`.execute(trx);
    if (written !== count) throw new Error(`table ${table.name} changed during the backup (${count} counted, ${written} read)`);
    summary.tables.push({ name: table.name, rows: count });
  }
  const footer: Footer = { end: FORMAT, tables: summary.tables };
  yield `${JSON.stringify(footer)}\n`;
}

async function appliedMigrations(trx: Transaction<DB>): Promise<string[]> {
  const { rows } = await sql<{ exists: boolean }>`select to_regclass('kysely_migration') is not null as exists`.execute(trx);
  if (!rows[0]?.exists) throw new Error('the database has no schema yet (no migration applied): nothing to back up');
  const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(trx);
  return applied.rows.map((r) => r.name);
}

/** Every table of the public schema except Kysely's, with what backup and restore need from the catalog. */
async function describeTables(trx: Transaction<DB>): Promise<TableInfo[]> {
  const { rows } = await sql<TableInfo>`
    select c.relname::text as name,
      coalesce((select json_agg(a.attname order by k.ord)
        from pg_index i
        cross join unnest(i.indkey) with ordinality k(attnum, ord)
        join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
        where i.indrelid = c.oid and i.indisprimary), '[]') as "primaryKey",
      (select json_agg(json_build_object(
          'name', a.attname,
          'generated', a.attgenerated <> '',
          'sequence', pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname))
        order by a.attnum)
        from pg_attribute a where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped) as columns,
      coalesce((select json_agg(distinct r.relname)
        from pg_constraint f join pg_class r on r.oid = f.confrelid
        where f.conrelid = c.oid and f.contype = 'f' and f.confrelid <> c.oid), '[]') as "references"
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
      and c.relname not in ('kysely_migration', 'kysely_migration_lock')
    order by c.relname`.execute(trx);
  return rows;
}

/**
 * Orders tables so that every table comes after the tables its foreign keys point to (ties by name). Tables
 * caught in a cycle go last by name; restore defers deferrable constraints, so a cycle of those still loads.
 */
function inDependencyOrder(tables: TableInfo[]): TableInfo[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const placed = new Set<string>();
  const ordered: TableInfo[] = [];
  for (;;) {
    const ready = tables.filter(
      (t) => !placed.has(t.name) && t.references.every((r) => placed.has(r) || !byName.has(r)),
    );
    if (ready.length === 0) break;
    for (const t of ready) {
      placed.add(t.name);
      ordered.push(t);
    }
  }
  return [...ordered, ...tables.filter((t) => !placed.has(t.name))];
}

function insertableColumns(table: TableInfo): string[] {
  return table.columns.filter((c) => !c.generated).map((c) => c.name);
}

async function emptyTarget(trx: Transaction<DB>, tables: TableInfo[], force: boolean): Promise<void> {
  const occupied: string[] = [];
  for (const table of tables) {
    const { rows } = await sql`select 1 from ${sql.table(table.name)} limit 1`.execute(trx);
    if (rows.length > 0) occupied.push(table.name);
  }
  if (occupied.length === 0) return;
  if (!force) {
    throw new Error(
      `the target database already holds data (in ${occupied.join(', ')}); restoring would mix two databases. ` +
        'Restore into an empty database, or force it to replace everything the target holds',
    );
  }
  await sql`truncate table ${sql.join(tables.map((t) => sql.table(t.name)))} cascade`.execute(trx);
}

/** Reads the table's `rows` lines and inserts them set-based, in batches; returns how many rows went in. */
async function insertRows(
  trx: Transaction<DB>,
  file: string,
  table: TableInfo,
  start: TableStart,
  lines: LineReader,
): Promise<number> {
  const wanted = new Set(start.columns);
  const columns = insertableColumns(table).filter((c) => wanted.has(c));
  const list = sql.join(columns.map((c) => sql.id(c)));
  let inserted = 0;
  let batch: string[] = [];
  let chars = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const rows = `[${batch.join(',')}]`;
    const result = await sql`
      insert into ${sql.table(table.name)} (${list}) overriding system value
      select ${list} from json_populate_recordset(null::${sql.table(table.name)}, ${rows}::json)`
      .execute(trx)
      .catch((error: unknown) => {
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(`backup ${file}: rows of ${table.name} could not be restored: ${reason}`, { cause: error });
      });
    inserted += Number(result.numAffectedRows ?? 0);
    batch = [];
    chars = 0;
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

/** Checks what went in against the footer and against the tables themselves. */
async function verify(trx: Transaction<DB>, file: string, restored: BackupSummary['tables'], footer: Footer): Promise<void> {
  const expected = JSON.stringify(footer.tables);
  if (footer.end !== FORMAT || JSON.stringify(restored) !== expected) {
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
    for (const column of table.columns) {
      if (!column.sequence) continue;
      const id = sql.id(column.name);
      await sql`select setval(${column.sequence}::regclass, coalesce(max(${id}), 1), max(${id}) is not null)
        from ${sql.table(table.name)}`.execute(trx);
    }
  }
}

async function readHeader(file: string): Promise<Header> {
  const lines = lineReader(file);
  try {
    const header = parseLine<Partial<Header>>(await lines.next('the header'), file);
    if (header.format !== FORMAT) throw new Error(`${file} is not a Rapport backup`);
    if (header.version !== VERSION) {
      throw new Error(`backup ${file} has format version ${header.version}; this Rapport reads version ${VERSION}`);
    }
    if (!Array.isArray(header.migrations)) throw new Error(`backup ${file} is damaged: its header lists no migrations`);
    return header as Header;
  } finally {
    lines.close();
  }
}

function parseLine<T>(line: string, file: string): T {
  try {
    return JSON.parse(line) as T;
  } catch {
    throw new Error(`backup ${file} is damaged: a line that should be JSON is not`);
  }
}

interface LineReader {
  /** The next line; throws when the file ends, naming what was expected. */
  next(expected: string): Promise<string>;
  hasMore(): Promise<boolean>;
  close(): void;
}

/** Lines of a gzip file, read as they are needed. Read and decompression errors reject `next`. */
function lineReader(file: string): LineReader {
  const source = createReadStream(file);
  const gunzip = createGunzip();
  source.on('error', (error) => gunzip.destroy(error));
  source.pipe(gunzip);
  const reader = createInterface({ input: gunzip, crlfDelay: Infinity });
  const iterator = reader[Symbol.asyncIterator]();
  return {
    async next(expected) {
      const result = await iterator.next();
      if (result.done) throw new Error(`backup ${file} is incomplete: it ends where ${expected} should be`);
      return result.value;
    },
    async hasMore() {
      return !(await iterator.next()).done;
    },
    close() {
      reader.close();
      source.destroy();
      gunzip.destroy();
    },
  };
}
