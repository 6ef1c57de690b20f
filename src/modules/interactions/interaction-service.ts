/**
 * Interactions: what was exchanged with customers, on which channel, with whom. Every change writes the change
 * log and keeps the contacts' timelines in step in the same transaction; a change carries the version the
 * client read, and a stale one is refused with the current record.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Selectable } from 'kysely';
import type { InteractionsTable } from '../../platform/db/schema.ts';
import { scoped } from '../../platform/db/scoped.ts';
import { actorUserId, inTransaction, type Ctx } from '../../platform/context.ts';
import { recordChange } from '../../platform/events/change-log.ts';
import { AppError, assertCurrentVersion, notFound, type FieldIssue } from '../../platform/errors.ts';
import { paginate, type PageResult } from '../../platform/http/pagination.ts';
import type { AttachmentStore } from '../../platform/storage/attachment-store.ts';
import { deleteOwnerAttachments, removeStoredFiles } from './attachment-service.ts';
import { loadParticipants, replaceParticipants, resolveParticipants, type Participant } from './interaction-participants.ts';
import type { InteractionCreateBody, InteractionListOptions, InteractionUpdateBody } from './interaction-schemas.ts';
import { presentInteraction } from './interaction-presenter.ts';
import { removeInteractionTimeline, syncInteractionTimeline } from './interaction-timeline.ts';

export type { Participant };

export type InteractionRow = Selectable<InteractionsTable> & { created_by_name: string | null; attachment_count: number };

export interface InteractionDetail {
  row: InteractionRow;
  participants: Participant[];
}

const ENTITY = 'interaction';

function withNames(ctx: Ctx) {
  return scoped(ctx.db, ctx.workspaceId)
    .selectFrom('interactions')
    .leftJoin('users', (join) => join.onRef('users.workspace_id', '=', 'interactions.workspace_id').onRef('users.id', '=', 'interactions.created_by'))
    .selectAll('interactions')
    .select('users.name as created_by_name')
    .select(
      sql<number>`(select count(*)::int from attachments a
                   where a.workspace_id = interactions.workspace_id and a.owner_type = 'interaction' and a.owner_id = interactions.id)`.as(
        'attachment_count',
      ),
    );
}

/** 422 naming the field when a linked order or case is not one of this workspace. */
async function checkLinks(ctx: Ctx, links: { orderId?: string | null; caseId?: string | null }): Promise<void> {
  const db = scoped(ctx.db, ctx.workspaceId);
  const issues: FieldIssue[] = [];
  if (links.orderId && !(await db.selectFrom('orders').select('id').where('id', '=', links.orderId).executeTakeFirst())) {
    issues.push({ field: 'body.orderId', rule: 'must be an order of this workspace' });
  }
  if (links.caseId && !(await db.selectFrom('cases').select('id').where('id', '=', links.caseId).executeTakeFirst())) {
    issues.push({ field: 'body.caseId', rule: 'must be an after-sales case of this workspace' });
  }
  if (issues.length > 0) throw new AppError('unprocessable', issues.map((i) => `${i.field} ${i.rule}`).join('; '), issues);
}

/** The interaction as the change log keeps it: its fields and its participants by name. */
function loggable(row: Selectable<InteractionsTable>, participants: Participant[]): Record<string, unknown> {
  const { workspace_id, version, created_at, updated_at, ...columns } = row;
  return {
    ...columns,
    participants: participants.map((p) => (p.type === 'user' ? `${p.name} (user)` : `${p.displayName} (${p.customerNumber})`)),
  };
}

/** Logs an interaction with its participants and writes it on each contact's timeline. */
export async function createInteraction(ctx: Ctx, body: InteractionCreateBody): Promise<InteractionDetail> {
  return inTransaction(ctx, async (tx) => {
    const participants = await resolveParticipants(tx, body.participants);
    await checkLinks(tx, body);
    const id = randomUUID();
    const row = await scoped(tx.db, tx.workspaceId)
      .insertInto('interactions', [
        {
          id,
          channel: body.channel,
          direction: body.direction,
          occurred_at: new Date(body.occurredAt),
          duration_minutes: body.durationMinutes ?? null,
          subject: body.subject.trim(),
          body: body.body ?? null,
          outcome: body.outcome ?? null,
          order_id: body.orderId ?? null,
          case_id: body.caseId ?? null,
          created_by: actorUserId(tx.actor),
          created_at: new Date(),
          updated_at: new Date(),
        },
      ])
      .returningAll()
      .executeTakeFirstOrThrow();
    await replaceParticipants(tx, id, participants, true);
    await recordChange(tx, { entity: ENTITY, entityId: id, action: 'create', after: loggable(row, participants) });
    await syncInteractionTimeline(tx, id);
    return getInteraction(tx, id);
  });
}

export async function getInteraction(ctx: Ctx, id: string): Promise<InteractionDetail> {
  const row = await withNames(ctx).where('interactions.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Interaction');
  const participants = (await loadParticipants(ctx, [id])).get(id)!;
  return { row, participants };
}

/** Changes an interaction the client read at `body.version`; given participants replace the former ones. */
export async function updateInteraction(ctx: Ctx, id: string, body: InteractionUpdateBody): Promise<InteractionDetail> {
  return inTransaction(ctx, async (tx) => {
    const db = scoped(tx.db, tx.workspaceId);
    const before = await db.selectFrom('interactions').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!before) throw notFound('Interaction');
    await assertCurrentVersion('interaction', body.version, before.version, async () => presentInteraction(await getInteraction(tx, id)));
    const participantsBefore = (await loadParticipants(tx, [id])).get(id)!;
    const participants = body.participants ? await resolveParticipants(tx, body.participants) : participantsBefore;
    await checkLinks(tx, body);

    const changes: Partial<Selectable<InteractionsTable>> = {};
    if (body.channel !== undefined) changes.channel = body.channel;
    if (body.direction !== undefined) changes.direction = body.direction;
    if (body.occurredAt !== undefined) changes.occurred_at = new Date(body.occurredAt);
    if (body.durationMinutes !== undefined) changes.duration_minutes = body.durationMinutes;
    if (body.subject !== undefined) changes.subject = body.subject.trim();
    if (body.body !== undefined) changes.body = body.body;
    if (body.outcome !== undefined) changes.outcome = body.outcome;
    if (body.orderId !== undefined) changes.order_id = body.orderId;
    if (body.caseId !== undefined) changes.case_id = body.caseId;
    const after = await db
      .updateTable('interactions')
      .set({ ...changes, version: before.version + 1, updated_at: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    if (body.participants) await replaceParticipants(tx, id, participants, false);
    const changed = await recordChange(tx, {
      entity: ENTITY,
      entityId: id,
      action: 'update',
      before: loggable(before, participantsBefore),
      after: loggable(after, participants),
    });
    // A save that changed nothing keeps the version the client has.
    if (changed === null) await db.updateTable('interactions').set({ version: before.version, updated_at: before.updated_at }).where('id', '=', id).execute();
    else await syncInteractionTimeline(tx, id);
    return getInteraction(tx, id);
  });
}

/** Deletes an interaction, its attachments and its timeline entries; the files' bytes go once that is committed. */
export async function deleteInteraction(ctx: Ctx, store: AttachmentStore, id: string): Promise<void> {
  const keys = await inTransaction(ctx, async (tx) => {
    const db = scoped(tx.db, tx.workspaceId);
    const row = await db.selectFrom('interactions').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!row) throw notFound('Interaction');
    const participants = (await loadParticipants(tx, [id])).get(id)!;
    const stored = await deleteOwnerAttachments(tx, { type: 'interaction', id });
    await removeInteractionTimeline(tx, id);
    await db.deleteFrom('interactions').where('id', '=', id).execute();
    await recordChange(tx, { entity: ENTITY, entityId: id, action: 'delete', before: loggable(row, participants) });
    return stored;
  });
  await removeStoredFiles(ctx, store, keys);
}

/** Interactions, newest first by default, filtered by participant, channel, direction, period, order or case. */
export async function listInteractions(ctx: Ctx, options: InteractionListOptions): Promise<PageResult<InteractionDetail>> {
  let query = withNames(ctx);
  if (options.partyId) {
    const partyId = options.partyId;
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('interaction_participants')
          .select(sql`1`.as('one'))
          .whereRef('interaction_participants.workspace_id', '=', 'interactions.workspace_id')
          .whereRef('interaction_participants.interaction_id', '=', 'interactions.id')
          .where('interaction_participants.party_id', '=', partyId),
      ),
    );
  }
  if (options.channel) query = query.where('interactions.channel', '=', options.channel);
  if (options.direction) query = query.where('interactions.direction', '=', options.direction);
  if (options.from) query = query.where('interactions.occurred_at', '>=', new Date(options.from));
  if (options.to) query = query.where('interactions.occurred_at', '<', new Date(options.to));
  if (options.orderId) query = query.where('interactions.order_id', '=', options.orderId);
  if (options.caseId) query = query.where('interactions.case_id', '=', options.caseId);
  const page = await paginate(query, options, {
    sortColumns: { occurredAt: 'interactions.occurred_at' },
    defaultSort: '-occurredAt',
    idColumn: 'interactions.id',
  });
  const participants = await loadParticipants(
    ctx,
    page.data.map((row) => row.id),
  );
  return { data: page.data.map((row) => ({ row, participants: participants.get(row.id)! })), nextCursor: page.nextCursor };
}
