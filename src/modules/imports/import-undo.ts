/**
 * Taking an import back, in one transaction: its target deletes what it created and restores what it updated,
 * or refuses (409, nothing undone) when records have been used or changed since. Cancelling a running import
 * does the same to the batches already committed; the runner sees the status at its next batch and stops.
 */
import { sql } from 'kysely';
import { actorUserId, inTransaction, type Ctx } from '../../platform/context.ts';
import { scoped } from '../../platform/db/scoped.ts';
import { recordChange } from '../../platform/events/change-log.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { canUndo, type ImportRecord } from './import-presenter.ts';
import { importTarget } from './targets/index.ts';
import { discardUpload } from './import-service.ts';

async function lockImport(ctx: Ctx, id: string): Promise<ImportRecord> {
  const row = await scoped(ctx.db, ctx.workspaceId).selectFrom('imports').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw notFound('Import');
  return row;
}

/** Deletes what the import created and restores what it updated; a 409 naming the obstacle leaves everything as it was. */
export async function undoImport(ctx: Ctx, id: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const row = await lockImport(tx, id);
    if (!canUndo(row)) {
      const why = row.dry_run ? 'a dry run wrote nothing' : `it is ${row.status}`;
      throw new AppError('conflict', `This import cannot be undone: ${why}`);
    }
    await importTarget(row.target!, 'target').undo(tx, id);
    await scoped(tx.db, tx.workspaceId)
      .updateTable('imports')
      .set({ status: 'undone', undone_at: sql<Date>`now()`, undone_by: actorUserId(tx.actor) })
      .where('id', '=', id)
      .execute();
    await recordChange(tx, {
      entity: 'import',
      entityId: id,
      action: 'update',
      before: { status: row.status, undone_at: null },
      after: { status: 'undone', undone_at: new Date() },
    });
  });
}

/**
 * Stops a queued or running import and rolls back the batches it committed (a 409 when they cannot be rolled
 * back, nothing changed then). Its error report so far is kept.
 */
export async function cancelImport(ctx: Ctx, id: string, dataDir: string): Promise<void> {
  const cancelled = await inTransaction(ctx, async (tx) => {
    const row = await lockImport(tx, id);
    if (row.status !== 'queued' && row.status !== 'running') {
      throw new AppError('conflict', `Only a queued or running import can be cancelled; this one is ${row.status}`);
    }
    if (!row.dry_run && row.target) await importTarget(row.target, 'target').undo(tx, id);
    await scoped(tx.db, tx.workspaceId)
      .updateTable('imports')
      .set({ status: 'cancelled', runner_id: null, heartbeat_at: null, finished_at: sql<Date>`now()` })
      .where('id', '=', id)
      .execute();
    return row;
  });
  await discardUpload(cancelled, dataDir);
}
