/**
 * Writing a batch of interactions: customers and known external ids are each found with one query; new
 * interactions, their participant (the customer) and their timeline entries are inserted with one statement
 * each, updated ones changed with one `update … from (values …)`. Rows repeating an external id within the file
 * update what the earlier row wrote when the import matches on `externalId`, and are refused otherwise.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { actorUserId, type Ctx } from '../../../platform/context.ts';
import { scoped } from '../../../platform/db/scoped.ts';
import { recordChange } from '../../../platform/events/change-log.ts';
import { recordTimeline } from '../../timeline/timeline-writer.ts';
import type { BatchOptions, BatchResult, ImportChange, PreparedRow, RowOutcome } from '../import-types.ts';
import { findCustomers } from './customer-lookup.ts';
import type { InteractionRecord } from './interaction-target.ts';

type Row = PreparedRow<InteractionRecord>;

/** The columns an import may change on an interaction it finds again. */
interface Editable {
  subject: string;
  body: string | null;
  outcome: string | null;
  /** A string as read from the file, a Date as read from the database. */
  occurred_at: string | Date;
  duration_minutes: number | null;
}

interface Stored extends Editable {
  id: string;
  external_ref: string;
  version: number;
}

interface Pending {
  id: string;
  firstRow: number;
  /** Null for an interaction this batch creates. */
  before: Stored | null;
  record: InteractionRecord;
  customerId: string;
  current: Editable;
}

const EDITABLE = ['subject', 'body', 'outcome', 'occurred_at', 'duration_minutes'] as const;

function apply(current: Editable, record: InteractionRecord): Editable {
  return {
    subject: record.subject || current.subject,
    body: record.body ?? current.body,
    outcome: record.outcome ?? current.outcome,
    occurred_at: record.occurredAt,
    duration_minutes: record.durationMinutes ?? current.duration_minutes,
  };
}

const same = (a: Editable, b: Editable) =>
  EDITABLE.every((key) => (key === 'occurred_at' ? new Date(a[key]).getTime() === new Date(b[key]).getTime() : a[key] === b[key]));

async function findStored(ctx: Ctx, references: string[]): Promise<Map<string, Stored[]>> {
  const found = new Map<string, Stored[]>();
  if (references.length === 0) return found;
  const { rows } = await sql<Stored>`
    select id, external_ref, subject, body, outcome, occurred_at, duration_minutes, version from interactions
    where workspace_id = ${ctx.workspaceId} and external_ref = any(${references}::text[])`.execute(ctx.db);
  for (const row of rows) found.set(row.external_ref, [...(found.get(row.external_ref) ?? []), row]);
  return found;
}

async function insertCreated(ctx: Ctx, created: Pending[], importId: string): Promise<void> {
  if (created.length === 0) return;
  const db = scoped(ctx.db, ctx.workspaceId);
  const now = new Date();
  await db
    .insertInto(
      'interactions',
      created.map((p) => ({
        id: p.id,
        channel: p.record.channel,
        direction: p.record.direction ?? 'outbound',
        occurred_at: new Date(p.current.occurred_at),
        duration_minutes: p.current.duration_minutes,
        subject: p.current.subject,
        body: p.current.body,
        outcome: p.current.outcome,
        created_by: actorUserId(ctx.actor),
        created_at: now,
        updated_at: now,
        external_ref: p.record.externalId,
      })),
    )
    .execute();
  await db.insertInto('interaction_participants', created.map((p) => ({ interaction_id: p.id, position: 0, party_id: p.customerId, user_id: null }))).execute();
  await recordTimeline(
    ctx,
    created.map((p) => ({
      partyId: p.customerId,
      kind: 'interaction' as const,
      channel: p.record.channel,
      subjectType: 'interaction' as const,
      subjectId: p.id,
      occurredAt: p.current.occurred_at,
      data: { action: 'created', title: p.current.subject, direction: p.record.direction ?? 'outbound', outcome: p.current.outcome, attachmentCount: 0, importId },
    })),
  );
}

/** Brings the timeline entries of these interactions in line with their subject, outcome and time. */
export async function syncTimelineEntries(ctx: Ctx, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await sql`
    update timeline_entries t set occurred_at = i.occurred_at,
      data = t.data || jsonb_build_object('title', i.subject, 'outcome', i.outcome)
    from interactions i
    where i.workspace_id = ${ctx.workspaceId} and i.id = any(${ids}::uuid[])
      and t.workspace_id = i.workspace_id and t.subject_type = 'interaction' and t.subject_id = i.id`.execute(ctx.db);
}

async function applyUpdates(ctx: Ctx, updated: Pending[]): Promise<void> {
  if (updated.length === 0) return;
  const values = sql.join(
    updated.map((p) => {
      const c = p.current;
      return sql`(${p.id}::uuid, ${c.subject}, ${c.body}, ${c.outcome}, ${c.occurred_at}::timestamptz, ${c.duration_minutes}::int)`;
    }),
  );
  await sql`
    update interactions i set subject = v.subject, body = v.body, outcome = v.outcome, occurred_at = v.occurred_at,
      duration_minutes = v.duration_minutes, version = i.version + 1, updated_at = now()
    from (values ${values}) as v (id, subject, body, outcome, occurred_at, duration_minutes)
    where i.workspace_id = ${ctx.workspaceId} and i.id = v.id`.execute(ctx.db);
  await syncTimelineEntries(ctx, updated.map((p) => p.id));
  // Updates are the exception in an import (a file sent again after corrections): one change event each is fine.
  for (const p of updated) {
    await recordChange(ctx, { entity: 'interaction', entityId: p.id, action: 'update', before: pick(p.before!), after: p.current });
  }
}

const pick = (row: Editable): Editable => Object.fromEntries(EDITABLE.map((key) => [key, row[key]])) as unknown as Editable;

/** Writes one batch of interactions (see the module comment). */
export async function writeInteractionBatch(ctx: Ctx, rows: Row[], options: BatchOptions): Promise<BatchResult> {
  const customers = await findCustomers(ctx, rows.map((r) => r.record.customer));
  const stored = await findStored(ctx, [...new Set(rows.flatMap((r) => (r.record.externalId ? [r.record.externalId] : [])))]);
  const matching = options.matchKey === 'externalId';
  const pending = new Map<string, Pending>();
  const created: Pending[] = [];
  const outcomes: RowOutcome[] = [];
  const refuse = (row: Row, column: string, value: string | null, reason: string) =>
    outcomes.push({ rowNumber: row.rowNumber, action: 'invalid', entityId: null, issues: [{ rowNumber: row.rowNumber, column, value, reason }] });

  for (const row of rows) {
    const { record } = row;
    const resolution = customers.resolutionOf(record.customer, row.rowNumber);
    if ('issue' in resolution) {
      outcomes.push({ rowNumber: row.rowNumber, action: 'invalid', entityId: null, issues: [resolution.issue] });
      continue;
    }
    const blank: Editable = { subject: '', body: null, outcome: null, occurred_at: record.occurredAt, duration_minutes: null };
    const externalId = record.externalId;
    const column = record.columns.get('externalId') ?? 'externalId';
    let entry = externalId === null ? undefined : pending.get(externalId);
    if (entry === undefined && externalId !== null) {
      const found = stored.get(externalId) ?? [];
      if (found.length > 1) {
        refuse(row, column, externalId, `the external id ${externalId} is held by ${found.length} interactions; it cannot say which to update`);
        continue;
      }
      if (found.length === 1 && !matching) {
        refuse(row, column, externalId, `an interaction with the external id ${externalId} already exists; choose externalId as the match key to update it`);
        continue;
      }
      if (found.length === 1) {
        entry = { id: found[0]!.id, firstRow: row.rowNumber, before: found[0]!, record, customerId: resolution.customer.id, current: pick(found[0]!) };
        pending.set(externalId, entry);
      }
    } else if (entry !== undefined && !matching) {
      refuse(row, column, externalId, `the external id ${externalId} already appears in row ${entry.firstRow}; choose externalId as the match key to update it`);
      continue;
    }
    if (entry === undefined) {
      const fresh: Pending = { id: randomUUID(), firstRow: row.rowNumber, before: null, record, customerId: resolution.customer.id, current: apply(blank, record) };
      created.push(fresh);
      if (externalId !== null) pending.set(externalId, fresh);
      outcomes.push({ rowNumber: row.rowNumber, action: 'created', entityId: fresh.id, issues: [] });
      continue;
    }
    const next = apply(entry.current, record);
    outcomes.push({ rowNumber: row.rowNumber, action: same(next, entry.current) ? 'unchanged' : 'updated', entityId: entry.id, issues: [] });
    entry.current = next;
  }

  const updated = [...pending.values()].filter((p) => p.before !== null && !same(p.before, p.current));
  await insertCreated(ctx, created, options.importId);
  await applyUpdates(ctx, updated);
  const changes: ImportChange[] = [
    ...created.map((p): ImportChange => ({ entity: 'interaction', entityId: p.id, action: 'created', rowNumber: p.firstRow, before: null })),
    ...updated.map((p): ImportChange => ({ entity: 'interaction', entityId: p.id, action: 'updated', rowNumber: p.firstRow, before: { ...pick(p.before!), version: p.before!.version } })),
  ];
  return { outcomes, changes, partyIds: [...new Set([...created, ...updated].map((p) => p.customerId))] };
}
