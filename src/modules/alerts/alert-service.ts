/**
 * Alerts on a customer: raised with a kind and a note, resolved with a resolution, never deleted, so the record
 * keeps who warned of what and when. The kinds of a customer's open alerts are kept on `parties.active_alerts`
 * (sorted, distinct) in the same transaction, so every list and search result shows them without a join.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Selectable } from 'kysely';
import { actorUserId, inTransaction, type Ctx } from '../../platform/context.ts';
import type { AlertsTable } from '../../platform/db/schema.ts';
import { scoped } from '../../platform/db/scoped.ts';
import { recordChange } from '../../platform/events/change-log.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { paginate, type PageResult } from '../../platform/http/pagination.ts';
import { recordTimeline } from '../timeline/timeline-writer.ts';
import type { AlertKind, AlertListOptions, AlertOutput, AlertRaiseBody, AlertResolveBody } from './alert-schemas.ts';

const ENTITY = 'alert';

type AlertRow = Selectable<AlertsTable>;
type AlertListRow = AlertRow & {
  party_kind: string;
  party_name: string;
  party_number: string;
  raised_by_name: string | null;
  resolved_by_name: string | null;
};

function alertsWithNames(ctx: Ctx) {
  return scoped(ctx.db, ctx.workspaceId)
    .selectFrom('alerts')
    .innerJoin('parties as party', (join) => join.onRef('party.workspace_id', '=', 'alerts.workspace_id').onRef('party.id', '=', 'alerts.party_id'))
    .leftJoin('users as raiser', (join) => join.onRef('raiser.workspace_id', '=', 'alerts.workspace_id').onRef('raiser.id', '=', 'alerts.raised_by'))
    .leftJoin('users as resolver', (join) => join.onRef('resolver.workspace_id', '=', 'alerts.workspace_id').onRef('resolver.id', '=', 'alerts.resolved_by'))
    .selectAll('alerts')
    .select([
      'party.kind as party_kind',
      'party.display_name as party_name',
      'party.customer_number as party_number',
      'raiser.name as raised_by_name',
      'resolver.name as resolved_by_name',
    ]);
}

function presentAlert(row: AlertListRow): AlertOutput {
  const resolved = row.resolved_at !== null;
  return {
    id: row.id,
    kind: row.kind as AlertKind,
    note: row.note,
    open: !resolved,
    party: { id: row.party_id, kind: row.party_kind as 'person' | 'organisation', displayName: row.party_name, customerNumber: row.party_number },
    raisedBy: { id: row.raised_by, name: row.raised_by_name ?? row.raised_by_label ?? 'system' },
    raisedAt: new Date(row.raised_at).toISOString(),
    resolvedBy: resolved ? { id: row.resolved_by, name: row.resolved_by_name ?? 'system' } : null,
    resolvedAt: resolved ? new Date(row.resolved_at!).toISOString() : null,
    resolution: row.resolution,
  };
}

async function getAlert(ctx: Ctx, id: string): Promise<AlertOutput> {
  const row = await alertsWithNames(ctx).where('alerts.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Alert');
  return presentAlert(row);
}

/** Locks the customer record, so concurrent raises and resolutions recompute its alert kinds one after another. */
async function lockParty(ctx: Ctx, partyId: string): Promise<void> {
  const party = await scoped(ctx.db, ctx.workspaceId).selectFrom('parties').select('id').where('id', '=', partyId).forUpdate().executeTakeFirst();
  if (!party) throw notFound('Customer record');
}

/** Copies the sorted distinct kinds of the customer's open alerts onto the customer record. */
async function refreshActiveAlerts(ctx: Ctx, partyId: string): Promise<void> {
  await sql`
    update parties set active_alerts = coalesce(
      (select array_agg(distinct a.kind order by a.kind) from alerts a
       where a.workspace_id = ${ctx.workspaceId} and a.party_id = ${partyId} and a.resolved_at is null),
      '{}')
    where workspace_id = ${ctx.workspaceId} and id = ${partyId}`.execute(ctx.db);
}

/** Raises an alert on a customer. */
export async function raiseAlert(ctx: Ctx, partyId: string, body: AlertRaiseBody): Promise<AlertOutput> {
  return inTransaction(ctx, async (tx) => {
    await lockParty(tx, partyId);
    const id = randomUUID();
    const row = await scoped(tx.db, tx.workspaceId)
      .insertInto('alerts', [
        {
          id,
          party_id: partyId,
          kind: body.kind,
          note: body.note?.trim() || null,
          raised_by: actorUserId(tx.actor),
          raised_by_label: tx.actor.label,
          raised_at: new Date(),
        },
      ])
      .returningAll()
      .executeTakeFirstOrThrow();
    await refreshActiveAlerts(tx, partyId);
    await recordChange(tx, { entity: ENTITY, entityId: id, action: 'create', after: row });
    await recordTimeline(tx, { partyId, kind: 'alert', subjectType: 'alert', subjectId: id, data: { action: 'raised', alertKind: body.kind, note: row.note } });
    return getAlert(tx, id);
  });
}

/** Resolves an open alert, with how it ended. */
export async function resolveAlert(ctx: Ctx, id: string, body: AlertResolveBody): Promise<AlertOutput> {
  return inTransaction(ctx, async (tx) => {
    const db = scoped(tx.db, tx.workspaceId);
    const found = await db.selectFrom('alerts').select('party_id').where('id', '=', id).executeTakeFirst();
    if (!found) throw notFound('Alert');
    await lockParty(tx, found.party_id);
    const before = await db.selectFrom('alerts').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    if (before.resolved_at !== null) throw new AppError('conflict', 'This alert is already resolved');
    const after = await db
      .updateTable('alerts')
      .set({ resolved_at: new Date(), resolved_by: actorUserId(tx.actor), resolution: body.resolution?.trim() || null })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await refreshActiveAlerts(tx, before.party_id);
    await recordChange(tx, { entity: ENTITY, entityId: id, action: 'update', before, after });
    await recordTimeline(tx, {
      partyId: before.party_id,
      kind: 'alert',
      subjectType: 'alert',
      subjectId: id,
      data: { action: 'resolved', alertKind: before.kind, note: before.note, resolution: after.resolution },
    });
    return getAlert(tx, id);
  });
}

/** A customer's alerts: the open ones first (newest first), then the resolved ones (latest resolved first). */
export async function listPartyAlerts(ctx: Ctx, partyId: string): Promise<AlertOutput[]> {
  const party = await scoped(ctx.db, ctx.workspaceId).selectFrom('parties').select('id').where('id', '=', partyId).executeTakeFirst();
  if (!party) throw notFound('Customer record');
  const rows = await alertsWithNames(ctx)
    .where('alerts.party_id', '=', partyId)
    .orderBy(sql`alerts.resolved_at is null`, 'desc')
    .orderBy(sql`coalesce(alerts.resolved_at, alerts.raised_at)`, 'desc')
    .orderBy('alerts.id', 'desc')
    .limit(200)
    .execute();
  return rows.map(presentAlert);
}

/** The workspace's alerts, newest first, by kind and open or resolved. */
export async function listAlerts(ctx: Ctx, options: AlertListOptions): Promise<PageResult<AlertOutput>> {
  let query = alertsWithNames(ctx);
  if (options.kind) query = query.where('alerts.kind', '=', options.kind);
  if (options.open === true) query = query.where('alerts.resolved_at', 'is', null);
  if (options.open === false) query = query.where('alerts.resolved_at', 'is not', null);
  const page = await paginate(query, options, { sortColumns: { raisedAt: 'alerts.raised_at' }, defaultSort: '-raisedAt', idColumn: 'alerts.id' });
  return { data: page.data.map(presentAlert), nextCursor: page.nextCursor };
}
