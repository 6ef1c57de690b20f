/**
 * Files attached to interactions and after-sales cases. A file's bytes are kept in the attachment store before
 * its row is written, and forgotten only after the row's deletion has committed, so a row never points at
 * missing bytes (a crash in between leaves, at worst, unreferenced bytes).
 */
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { Selectable } from 'kysely';
import type { AttachmentsTable } from '../../platform/db/schema.ts';
import { scoped } from '../../platform/db/scoped.ts';
import { actorUserId, inTransaction, whenCommitted, type Ctx } from '../../platform/context.ts';
import { recordChange } from '../../platform/events/change-log.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { attachmentKey, type AttachmentStore, type IncomingFile } from '../../platform/storage/attachment-store.ts';
import type { AttachmentOwnerType } from '../../shared/interactions/interaction-reference.ts';
import { syncInteractionTimeline } from './interaction-timeline.ts';

export type AttachmentRow = Selectable<AttachmentsTable> & { uploaded_by_name: string | null };

/** The record a file is attached to. */
export interface AttachmentOwner {
  type: AttachmentOwnerType;
  id: string;
}

const OWNERS = {
  interaction: { table: 'interactions', label: 'Interaction' },
  case: { table: 'cases', label: 'Case' },
} as const;

const ENTITY = 'attachment';

/** 404 unless the owner exists in the workspace; with `lock`, it stays as it is until the transaction ends. */
export async function assertOwner(ctx: Ctx, owner: AttachmentOwner, lock = false): Promise<void> {
  const { table, label } = OWNERS[owner.type];
  let query = scoped(ctx.db, ctx.workspaceId).selectFrom(table).select('id').where('id', '=', owner.id);
  if (lock) query = query.forUpdate();
  if (!(await query.executeTakeFirst())) throw notFound(label);
}

function withUploader(ctx: Ctx) {
  return scoped(ctx.db, ctx.workspaceId)
    .selectFrom('attachments')
    .leftJoin('users', (join) => join.onRef('users.workspace_id', '=', 'attachments.workspace_id').onRef('users.id', '=', 'attachments.uploaded_by'))
    .selectAll('attachments')
    .select('users.name as uploaded_by_name');
}

export async function listAttachments(ctx: Ctx, owner: AttachmentOwner): Promise<AttachmentRow[]> {
  await assertOwner(ctx, owner);
  return withUploader(ctx)
    .where('attachments.owner_type', '=', owner.type)
    .where('attachments.owner_id', '=', owner.id)
    .orderBy('attachments.created_at')
    .orderBy('attachments.id')
    .execute();
}

export async function getAttachment(ctx: Ctx, id: string): Promise<AttachmentRow> {
  const row = await withUploader(ctx).where('attachments.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Attachment');
  return row;
}

/** An attachment and a stream of its bytes. */
export async function readAttachment(ctx: Ctx, store: AttachmentStore, id: string): Promise<{ row: AttachmentRow; content: Readable }> {
  const row = await getAttachment(ctx, id);
  const content = await store.get(row.storage_key);
  if (!content) throw new AppError('not_found', 'The content of this attachment is missing from the attachment store');
  return { row, content };
}

function loggable(row: Selectable<AttachmentsTable>): Record<string, unknown> {
  const { workspace_id, storage_key, created_at, ...columns } = row;
  return columns;
}

/** Interactions show their number of files on the timeline. */
async function ownerChanged(ctx: Ctx, owner: AttachmentOwner): Promise<void> {
  if (owner.type === 'interaction') await syncInteractionTimeline(ctx, owner.id);
}

/**
 * Keeps a received file (already checked) and attaches it to `owner`. If the owner is gone by then, or the
 * row cannot be written, the kept bytes are removed again.
 */
export async function addAttachment(
  ctx: Ctx,
  store: AttachmentStore,
  owner: AttachmentOwner,
  file: IncomingFile & { fileName: string },
): Promise<AttachmentRow> {
  const id = randomUUID();
  const key = attachmentKey(ctx.workspaceId, id);
  await store.put(key, file);
  try {
    return await inTransaction(ctx, async (tx) => {
      await assertOwner(tx, owner, true);
      const row = await scoped(tx.db, tx.workspaceId)
        .insertInto('attachments', [
          {
            id,
            owner_type: owner.type,
            owner_id: owner.id,
            file_name: file.fileName,
            content_type: file.contentType,
            size_bytes: file.size,
            sha256: file.sha256,
            storage: store.kind,
            storage_key: key,
            uploaded_by: actorUserId(tx.actor),
            created_at: new Date(),
          },
        ])
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordChange(tx, { entity: ENTITY, entityId: id, action: 'create', after: loggable(row) });
      await ownerChanged(tx, owner);
      return getAttachment(tx, id);
    });
  } catch (error) {
    await store.delete(key).catch(() => {});
    throw error;
  }
}

export async function deleteAttachment(ctx: Ctx, store: AttachmentStore, id: string): Promise<void> {
  const key = await inTransaction(ctx, async (tx) => {
    const db = scoped(tx.db, tx.workspaceId);
    const row = await db.deleteFrom('attachments').where('id', '=', id).returningAll().executeTakeFirst();
    if (!row) throw notFound('Attachment');
    await recordChange(tx, { entity: ENTITY, entityId: id, action: 'delete', before: loggable(row) });
    await ownerChanged(tx, { type: row.owner_type as AttachmentOwnerType, id: row.owner_id });
    return row.storage_key;
  });
  await removeStoredFiles(ctx, store, [key]);
}

/**
 * Deletes the attachment rows of a record being deleted, in the caller's transaction, and returns their
 * storage keys: pass them to `removeStoredFiles` with the same context so the bytes go after the commit.
 */
export async function deleteOwnerAttachments(ctx: Ctx, owner: AttachmentOwner): Promise<string[]> {
  const rows = await scoped(ctx.db, ctx.workspaceId)
    .deleteFrom('attachments')
    .where('owner_type', '=', owner.type)
    .where('owner_id', '=', owner.id)
    .returningAll()
    .execute();
  for (const row of rows) {
    await recordChange(ctx, { entity: ENTITY, entityId: row.id, action: 'delete', before: loggable(row) });
  }
  return rows.map((row) => row.storage_key);
}

/**
 * Removes stored bytes whose rows are deleted: at once when `ctx` is outside any transaction (the deletion has
 * committed), otherwise after the caller's transaction commits. A failure is only reported: the rows are
 * gone, so the bytes are unreachable either way.
 */
export async function removeStoredFiles(ctx: Ctx, store: AttachmentStore, keys: string[]): Promise<void> {
  const remove = () =>
    Promise.all(
      keys.map((key) =>
        store.delete(key).catch((error: unknown) => process.emitWarning(`could not remove attachment ${key}: ${error instanceof Error ? error.message : String(error)}`)),
      ),
    );
  if (keys.length === 0) return;
  if (ctx.db.isTransaction) whenCommitted(ctx, () => void remove());
  else await remove();
}
