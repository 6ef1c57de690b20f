/**
 * The import runner. An import is not a job: a job commits once, an import commits batch by batch. A runner
 * claims a queued import (or one whose runner stopped sending heartbeats: a killed process) with `for update
 * skip locked`, streams the file from the start, skips the rows of the batches already committed, and writes
 * the rest in batches of 1,000 rows, each in ONE transaction holding its rows, their errors, the changes for
 * undo, the counters and the checkpoint. A killed runner therefore leaves whole batches and the checkpoint after
 * the last of them, and the next runner goes on from there: no row is written twice or skipped.
 *
 * Each batch transaction first locks the import row and checks it is still running and still claimed by this
 * runner: a cancel (which undoes the committed batches in its own transaction) or a take-over by another runner
 * stops this one before it writes anything more.
 */
import { randomUUID } from 'node:crypto';
import { access } from 'node:fs/promises';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { runTransaction, SYSTEM_ACTOR, type Actor, type Ctx } from '../../platform/context.ts';
import type { Role } from '../../platform/auth/permissions.ts';
import { recordChange } from '../../platform/events/change-log.ts';
import type { BatchOptions, BatchResult, ImportChange, ImportTarget, MappedRow, MatchKey, PreparedRow, RowIssue, SourceRow } from './import-types.ts';
import { inColumns, mapRow } from './import-mapping.ts';
import { storedOptions, type ImportRecord } from './import-presenter.ts';
import { readerIssues } from './import-preview.ts';
import { discardUpload, importFilePath } from './import-service.ts';
import { addImportWaker } from './import-wake.ts';
import { claimNextImport, releaseImport } from './import-claims.ts';
import { readSource } from './readers/source.ts';
import { importTarget } from './targets/index.ts';
import { scanDuplicates } from '../duplicates/duplicate-scan.ts';

export const BATCH_ROWS = 1000;
const POLL_MS = 2000;
/** How long a runner leaves alone an import whose file it could not find before looking again. */
const ELSEWHERE_RETRY_MS = 10 * 60_000;
/** Rows per insert statement for errors and changes (well under the 65,535 parameters of one statement). */
const INSERT_CHUNK = 5000;

export interface RunOptions {
  dataDir: string;
  runnerId: string;
  /** Called after each committed batch with the import as it now stands. */
  onProgress?: (row: ImportRecord) => void | Promise<void>;
  /** Asked between batches: true stops the run and hands the import back to the queue. */
  shouldStop?: () => boolean;
  /** Called when every row is written and the duplicate check of the imported records begins. */
  onDuplicateCheck?: () => void;
}

/** The actor an import writes as: the user who started it, or the system for an import without one. */
async function importActor(db: Kysely<DB>, row: ImportRecord): Promise<Actor> {
  if (!row.created_by) return SYSTEM_ACTOR;
  const user = await db.selectFrom('users').select(['id', 'email', 'role']).where('workspace_id', '=', row.workspace_id).where('id', '=', row.created_by).executeTakeFirst();
  return user ? { type: 'user', userId: user.id, role: user.role as Role, label: user.email } : SYSTEM_ACTOR;
}

const EMPTY_RESULT: BatchResult = { outcomes: [], changes: [], partyIds: [] };

interface Tally {
  created: number;
  updated: number;
  unchanged: number;
  invalid: number;
  errors: RowIssue[];
}

/**
 * Batch counts after which the planner's statistics of the tables the import fills are refreshed. An import into
 * an empty or small workspace multiplies their size: plans chosen (and cached) for a nearly empty table — the
 * foreign-key checks of every inserted row among them — turn into scans, and the embedded database has no
 * autovacuum to notice. Growing tenfold between refreshes keeps their cost a small share of the run.
 */
const ANALYZE_AFTER_BATCHES = new Set([1, 3, 10, 30, 100, 300, 1000, 3000]);

async function refreshStatistics(db: Kysely<DB>, target: ImportTarget): Promise<void> {
  await sql`analyze ${sql.join(target.tables.map((table) => sql.table(table)))}`.execute(db);
}

/** A batch mapped and checked, before anything is written. */
interface PreparedBatch {
  valid: PreparedRow[];
  mappedRows: Map<number, MappedRow>;
  invalid: number;
  errors: RowIssue[];
}

/** Rows converted between two yields to the event loop, so that the server keeps answering during an import. */
const PREPARE_SLICE = 100;

/**
 * Maps and prepares one batch outside any transaction: this is the CPU-bound part (phones, dates, checks), and on
 * the embedded database a transaction holds the only connection, so the other requests wait for it to end.
 */
async function prepareRows(ctx: Ctx, target: ImportTarget, row: ImportRecord, batch: SourceRow[], options: BatchOptions): Promise<PreparedBatch> {
  const prepared: PreparedBatch = { valid: [], mappedRows: new Map(), invalid: 0, errors: [] };
  for (const [index, source] of batch.entries()) {
    if (index > 0 && index % PREPARE_SLICE === 0) await new Promise((resolve) => setImmediate(resolve));
    const mapped = mapRow(source.cells, row.headers, row.mapping, source.rowNumber);
    prepared.mappedRows.set(source.rowNumber, mapped);
    const result = await target.prepare(ctx, mapped, options);
    const issues = [...readerIssues(source), ...result.issues];
    if (issues.length === 0) prepared.valid.push(result);
    else {
      prepared.invalid++;
      prepared.errors.push(...issues);
    }
  }
  return prepared;
}

/** Writes a prepared batch in the caller's transaction (rolled back to a savepoint on a dry run). */
async function writeRows(ctx: Ctx, target: ImportTarget, row: ImportRecord, prepared: PreparedBatch, options: BatchOptions): Promise<{ tally: Tally; changes: ImportChange[] }> {
  const tally: Tally = { created: 0, updated: 0, unchanged: 0, invalid: prepared.invalid, errors: [...prepared.errors] };
  if (row.dry_run) await sql`savepoint import_dry_run`.execute(ctx.db);
  const result = prepared.valid.length > 0 ? await target.writeBatch(ctx, prepared.valid, options) : EMPTY_RESULT;
  if (row.dry_run) await sql`rollback to savepoint import_dry_run`.execute(ctx.db);
  for (const outcome of result.outcomes) {
    tally[outcome.action]++;
    tally.errors.push(...outcome.issues.map((issue) => inColumns(issue, prepared.mappedRows.get(outcome.rowNumber))));
  }
  return { tally, changes: row.dry_run ? [] : result.changes };
}

async function insertErrors(ctx: Ctx, importId: string, errors: RowIssue[]): Promise<void> {
  const position = new Map<number, number>();
  const rows = errors.map((issue) => {
    const next = (position.get(issue.rowNumber) ?? 0) + 1;
    position.set(issue.rowNumber, next);
    return { import_id: importId, row_number: issue.rowNumber, position: next, column_name: issue.column, value: issue.value, reason: issue.reason };
  });
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    await ctx.db.insertInto('import_row_errors').values(rows.slice(i, i + INSERT_CHUNK).map((r) => ({ ...r, workspace_id: ctx.workspaceId }))).execute();
  }
}

async function insertChanges(ctx: Ctx, importId: string, changes: ImportChange[]): Promise<void> {
  for (let i = 0; i < changes.length; i += INSERT_CHUNK) {
    const values = changes.slice(i, i + INSERT_CHUNK).map((c) => ({
      workspace_id: ctx.workspaceId,
      import_id: importId,
      entity: c.entity,
      entity_id: c.entityId,
      action: c.action,
      row_number: c.rowNumber,
      before: c.before === null ? null : JSON.stringify(c.before),
    }));
    // A record changed twice by one import keeps its first change: the state before the import.
    await ctx.db.insertInto('import_changes').values(values).onConflict((oc) => oc.doNothing()).execute();
  }
}

type BatchVerdict = 'continue' | 'stop';

/** One batch in one transaction: the rows, their errors and changes, the counters and the checkpoint. */
async function commitBatch(db: Kysely<DB>, actor: Actor, target: ImportTarget, row: ImportRecord, batch: SourceRow[], runnerId: string): Promise<BatchVerdict> {
  const options: BatchOptions = { importId: row.id, matchKey: row.match_key as MatchKey | null, conversion: storedOptions(row).conversion };
  const prepared = await prepareRows({ db, workspaceId: row.workspace_id, actor }, target, row, batch, options);
  return runTransaction(db, async (trx, afterCommit) => {
    const ctx: Ctx = { db: trx, workspaceId: row.workspace_id, actor, afterCommit };
    const current = await trx
      .selectFrom('imports')
      .select(['status', 'runner_id'])
      .where('workspace_id', '=', row.workspace_id)
      .where('id', '=', row.id)
      .forUpdate()
      .executeTakeFirst();
    if (!current || current.status !== 'running' || current.runner_id !== runnerId) return 'stop';
    const { tally, changes } = await writeRows(ctx, target, row, prepared, options);
    await insertErrors(ctx, row.id, tally.errors);
    await insertChanges(ctx, row.id, changes);
    await trx
      .updateTable('imports')
      .set((eb) => ({
        rows_created: eb('rows_created', '+', tally.created),
        rows_updated: eb('rows_updated', '+', tally.updated),
        rows_unchanged: eb('rows_unchanged', '+', tally.unchanged),
        rows_invalid: eb('rows_invalid', '+', tally.invalid),
        rows_read: eb('rows_read', '+', batch.length),
        checkpoint_row: eb('checkpoint_row', '+', batch.length),
        bytes_read: batch[batch.length - 1]!.bytesRead,
        heartbeat_at: sql<Date>`now()`,
      }))
      .where('workspace_id', '=', row.workspace_id)
      .where('id', '=', row.id)
      .execute();
    return 'continue';
  });
}

async function reload(db: Kysely<DB>, row: ImportRecord): Promise<ImportRecord> {
  return db.selectFrom('imports').selectAll().where('workspace_id', '=', row.workspace_id).where('id', '=', row.id).executeTakeFirstOrThrow();
}

/** Marks the end of a run: completed (or validated for a dry run) with the change-log event, if still ours. */
async function finish(db: Kysely<DB>, actor: Actor, row: ImportRecord, runnerId: string, duplicatesFlagged: number): Promise<void> {
  await runTransaction(db, async (trx, afterCommit) => {
    const status = row.dry_run ? 'validated' : 'completed';
    const done = await trx
      .updateTable('imports')
      .set({ status, finished_at: sql<Date>`now()`, duplicates_flagged: duplicatesFlagged, runner_id: null, heartbeat_at: null })
      .where('workspace_id', '=', row.workspace_id)
      .where('id', '=', row.id)
      .where('status', '=', 'running')
      .where('runner_id', '=', runnerId)
      .returningAll()
      .executeTakeFirst();
    if (!done || row.dry_run) return;
    const ctx: Ctx = { db: trx, workspaceId: row.workspace_id, actor, afterCommit };
    const after = {
      file_name: done.file_name,
      target: done.target,
      status,
      rows_created: done.rows_created,
      rows_updated: done.rows_updated,
      rows_unchanged: done.rows_unchanged,
      rows_invalid: done.rows_invalid,
    };
    await recordChange(ctx, { entity: 'import', entityId: row.id, action: 'create', after });
  });
}

/** Stops a run that hit an unexpected error: `failed` with a readable reason; committed batches stay (undo available). */
async function fail(db: Kysely<DB>, row: ImportRecord, runnerId: string, error: unknown): Promise<void> {
  // A system error names a path of the server: say what happened to the file instead.
  const code = (error as { code?: unknown } | null)?.code;
  const reason = typeof code === 'string' && /^E[A-Z]+$/.test(code)
    ? `the file could not be read any more (${code})`
    : error instanceof Error ? error.message : String(error);
  const current = await reload(db, row).catch(() => row);
  const failure = `Stopped after ${Number(current.checkpoint_row).toLocaleString('en-US')} rows: ${reason}`.slice(0, 2000);
  await db
    .updateTable('imports')
    .set({ status: 'failed', failure, runner_id: null, heartbeat_at: null, finished_at: sql<Date>`now()` })
    .where('workspace_id', '=', row.workspace_id)
    .where('id', '=', row.id)
    .where('status', '=', 'running')
    .where('runner_id', '=', runnerId)
    .execute();
}

/**
 * Runs a claimed import to its end (completed, validated, failed), or until it is cancelled, taken over or the
 * runner stops. Returns the import as it stands afterwards.
 */
export async function runImport(db: Kysely<DB>, claimed: ImportRecord, options: RunOptions): Promise<ImportRecord> {
  let row = claimed;
  try {
    const target = importTarget(row.target ?? '', 'target');
    const actor = await importActor(db, row);
    const settings = { format: row.format, encoding: row.encoding, delimiter: row.delimiter, sheet: row.sheet, layout: row.layout } as Parameters<typeof readSource>[1];
    const rows = readSource(importFilePath(row, options.dataDir), settings, { skipRows: Number(row.checkpoint_row) });
    let batch: SourceRow[] = [];
    let batches = 0;
    const flush = async (): Promise<BatchVerdict> => {
      const verdict = await commitBatch(db, actor, target, row, batch, options.runnerId);
      batch = [];
      batches++;
      if (ANALYZE_AFTER_BATCHES.has(batches)) await refreshStatistics(db, target);
      row = await reload(db, row);
      if (verdict === 'continue') await options.onProgress?.(row);
      return verdict;
    };
    for await (const source of rows) {
      batch.push(source);
      if (batch.length < BATCH_ROWS) continue;
      if ((await flush()) === 'stop') return row;
      if (options.shouldStop?.()) {
        await releaseImport(db, row, options.runnerId);
        return reload(db, row);
      }
    }
    if (batch.length > 0 && (await flush()) === 'stop') return row;

    let flagged = 0;
    if (!row.dry_run && (row.target === 'people' || row.target === 'organisations')) {
      const ctx: Ctx = { db, workspaceId: row.workspace_id, actor };
      options.onDuplicateCheck?.();
      flagged = (await scanDuplicates(ctx, { kind: row.target === 'people' ? 'person' : 'organisation', importId: row.id, source: 'import' })).pairs;
    }
    await finish(db, actor, row, options.runnerId, flagged);
  } catch (error) {
    await fail(db, row, options.runnerId, error);
  }
  const ended = await reload(db, row);
  if (ended.status === 'completed') await discardUpload(ended, options.dataDir);
  return ended;
}

const readable = (file: string) => access(file).then(() => true, () => false);

export interface ImportRunner {
  stop(): Promise<void>;
}

/**
 * Starts the loop that runs queued imports one after the other in this process (started by `rapport serve`).
 * `stop` lets the current batch commit, hands the import back to the queue and ends the loop.
 */
export function startImportRunner(db: Kysely<DB>, options: { dataDir: string; onError?: (error: unknown) => void }): ImportRunner {
  const runnerId = `serve-${process.pid}-${randomUUID().slice(0, 8)}`;
  let stopping = false;
  let wake: (() => void) | null = null;
  const removeWaker = addImportWaker(() => wake?.());
  // Imports whose file is not in this process's data folder, left for the process that received them.
  const elsewhere = new Map<string, number>();
  const loop = (async () => {
    while (!stopping) {
      try {
        for (const [id, at] of elsewhere) if (Date.now() - at > ELSEWHERE_RETRY_MS) elsewhere.delete(id);
        const claimed = await claimNextImport(db, runnerId, [...elsewhere.keys()]);
        if (claimed && !(await readable(importFilePath(claimed, options.dataDir)))) {
          elsewhere.set(claimed.id, Date.now());
          await releaseImport(db, claimed, runnerId);
          continue;
        }
        if (claimed) {
          await runImport(db, claimed, { dataDir: options.dataDir, runnerId, shouldStop: () => stopping });
          continue;
        }
      } catch (error) {
        options.onError?.(error);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, POLL_MS);
        timer.unref();
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = null;
    }
  })();
  return {
    async stop() {
      stopping = true;
      wake?.();
      removeWaker();
      await loop;
    },
  };
}
