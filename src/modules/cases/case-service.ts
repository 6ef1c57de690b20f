/**
 * After-sales cases: opening one (numbered, with due times copied from the SLA targets of its priority),
 * changing it under its version, moving it through its workflow, and recording the first response. Every change
 * writes the change log, and the customer's timeline where the customer would see it, in the same transaction.
 */
import { randomUUID } from 'node:crypto';
import { actorUserId, inTransaction, type Ctx } from '../../platform/context.ts';
import { scoped } from '../../platform/db/scoped.ts';
import { recordChange } from '../../platform/events/change-log.ts';
import { assertCurrentVersion, notFound, throwIfIssues, throwIfUnprocessable, type FieldIssue } from '../../platform/errors.ts';
import { takeDocumentNumber } from '../commerce/document-numbers.ts';
import { refreshCustomerMetrics } from '../metrics/metrics-service.ts';
import { recordTimeline } from '../timeline/timeline-writer.ts';
import { CASE_TRANSITIONS, dueTimes, mayMoveCase, type CasePriority, type CaseStatus } from './case-reference.ts';
import { checkCaseReferences } from './case-references.ts';
import { findCase, type CaseListRow, type CaseRow } from './case-queries.ts';
import { presentCase, type CaseCreateBody, type CaseStatusBody, type CaseUpdateBody } from './case-schemas.ts';
import { slaTargetFor } from './sla-service.ts';

const ENTITY = 'case';
/** How far ahead of the server's clock an opening time may be (clocks of phones and PCs drift). */
const CLOCK_SKEW_MS = 5 * 60_000;
const EXCERPT_LENGTH = 200;

function loggable(row: CaseRow): Record<string, unknown> {
  const { workspace_id, version, created_at, updated_at, ...fields } = row;
  return fields;
}

function excerpt(text: string | null): string | null {
  if (!text) return null;
  return text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH - 1)}…` : text;
}

/** Opens a case for a customer; it starts as `new`, its SLA clocks running from `openedAt` (now by default). */
export async function createCase(ctx: Ctx, body: CaseCreateBody): Promise<CaseListRow> {
  const openedAt = body.openedAt ? new Date(body.openedAt) : new Date();
  if (openedAt.getTime() > Date.now() + CLOCK_SKEW_MS) throwIfIssues([{ field: 'body.openedAt', rule: 'must not be in the future' }]);
  return inTransaction(ctx, async (tx) => {
    const issues: FieldIssue[] = [];
    await checkCaseReferences(tx, body, body.partyId, issues);
    throwIfUnprocessable(issues);
    const priority = body.priority ?? 'normal';
    const due = dueTimes(openedAt, await slaTargetFor(tx, priority));
    const id = randomUUID();
    const row = await scoped(tx.db, tx.workspaceId)
      .insertInto('cases', [
        {
          id,
          number: await takeDocumentNumber(tx, 'case'),
          party_id: body.partyId,
          type: body.type,
          channel: body.channel,
          priority,
          status: 'new',
          subject: body.subject.trim(),
          description: body.description?.trim() || null,
          assignee_id: body.assigneeId ?? null,
          order_id: body.orderId ?? null,
          product_id: body.productId ?? null,
          opened_at: openedAt,
          first_response_due_at: due.firstResponseDueAt,
          resolution_due_at: due.resolutionDueAt,
          created_by: actorUserId(tx.actor),
        },
      ])
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordChange(tx, { entity: ENTITY, entityId: id, action: 'create', after: loggable(row) });
    await recordTimeline(tx, {
      partyId: row.party_id,
      kind: 'case',
      data: { action: 'opened', number: row.number, title: row.subject, status: row.status, caseType: row.type, priority: row.priority },
      occurredAt: openedAt,
      channel: row.channel,
      subjectType: 'case',
      subjectId: id,
    });
    await refreshCustomerMetrics(tx, [row.party_id]);
    return findCase(tx, id);
  });
}

/** The case locked for a change; a 409 with the case as it is when the client read an older version. */
async function lockCase(tx: Ctx, id: string, version: number | undefined): Promise<CaseRow> {
  const row = await scoped(tx.db, tx.workspaceId).selectFrom('cases').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw notFound('Case');
  if (version !== undefined) await assertCurrentVersion('case', version, row.version, async () => presentCase(await findCase(tx, id)));
  return row;
}

async function saveCase(tx: Ctx, before: CaseRow, changes: Partial<CaseRow>): Promise<CaseRow> {
  const db = scoped(tx.db, tx.workspaceId);
  const after = await db
    .updateTable('cases')
    .set({ ...changes, version: before.version + 1, updated_at: new Date() } as never)
    .where('id', '=', before.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const changed = await recordChange(tx, { entity: ENTITY, entityId: before.id, action: 'update', before: loggable(before), after: loggable(after) });
  // A save that changed nothing keeps the version the client has.
  if (changed === null) await db.updateTable('cases').set({ version: before.version, updated_at: before.updated_at }).where('id', '=', before.id).execute();
  return after;
}

const UPDATABLE = {
  type: 'type',
  channel: 'channel',
  priority: 'priority',
  subject: 'subject',
  description: 'description',
  assigneeId: 'assignee_id',
  orderId: 'order_id',
  productId: 'product_id',
  resolution: 'resolution',
} as const;

/** Changes a case read at `body.version`; a new priority moves the due times, counted from the opening. */
export async function updateCase(ctx: Ctx, id: string, body: CaseUpdateBody): Promise<CaseListRow> {
  return inTransaction(ctx, async (tx) => {
    const before = await lockCase(tx, id, body.version);
    const issues: FieldIssue[] = [];
    await checkCaseReferences(tx, body, before.party_id, issues);
    throwIfUnprocessable(issues);
    const changes: Record<string, unknown> = {};
    for (const [field, column] of Object.entries(UPDATABLE)) {
      const value = body[field as keyof typeof UPDATABLE];
      if (value === undefined) continue;
      changes[column] = typeof value === 'string' ? value.trim() || null : value;
    }
    if (body.priority && body.priority !== before.priority) {
      const due = dueTimes(new Date(before.opened_at), await slaTargetFor(tx, body.priority as CasePriority));
      changes.first_response_due_at = due.firstResponseDueAt;
      changes.resolution_due_at = due.resolutionDueAt;
    }
    const after = await saveCase(tx, before, changes as Partial<CaseRow>);
    if (after.type !== before.type) await refreshCustomerMetrics(tx, [after.party_id]);
    return findCase(tx, id);
  });
}

/**
 * Moves a case along its workflow. Leaving `new` counts as the first response; resolving needs resolution notes
 * (sent now, or written on the case before); reopening a resolved case clears its resolution time.
 */
export async function changeCaseStatus(ctx: Ctx, id: string, body: CaseStatusBody): Promise<CaseListRow> {
  return inTransaction(ctx, async (tx) => {
    const before = await lockCase(tx, id, body.version);
    const from = before.status as CaseStatus;
    const to = body.status;
    if (from === to) return findCase(tx, id);
    if (!mayMoveCase(from, to)) {
      const allowed = CASE_TRANSITIONS[from];
      throwIfUnprocessable([
        { field: 'body.status', rule: allowed.length ? `cannot go from ${from} to ${to}; it may go to ${allowed.join(', ')}` : `cannot change: the case is ${from}` },
      ]);
    }
    const now = new Date();
    const changes: Partial<CaseRow> = { status: to };
    if (from === 'new' && !before.first_response_at) changes.first_response_at = now;
    if (to === 'resolved') {
      const resolution = body.resolution?.trim() || before.resolution?.trim();
      if (!resolution) throwIfUnprocessable([{ field: 'body.resolution', rule: 'is required to resolve a case: say what was done' }]);
      changes.resolution = resolution ?? null;
      changes.resolved_at = now;
    }
    if (to === 'closed') changes.closed_at = now;
    if (from === 'resolved' && to === 'open') {
      changes.resolved_at = null;
      changes.closed_at = null;
    }
    const after = await saveCase(tx, before, changes);
    await recordTimeline(tx, {
      partyId: after.party_id,
      kind: 'case',
      data: {
        action: to === 'resolved' ? 'resolved' : 'status_changed',
        number: after.number,
        title: after.subject,
        status: to,
        previousStatus: from,
        ...(to === 'resolved' ? { resolution: excerpt(after.resolution) } : {}),
      },
      channel: after.channel,
      subjectType: 'case',
      subjectId: id,
    });
    await refreshCustomerMetrics(tx, [after.party_id]);
    return findCase(tx, id);
  });
}

/** Records that the customer got a first answer now (once; later calls change nothing). A new case opens. */
export async function respondToCase(ctx: Ctx, id: string): Promise<CaseListRow> {
  return inTransaction(ctx, async (tx) => {
    const before = await lockCase(tx, id, undefined);
    if (before.first_response_at) return findCase(tx, id);
    const changes: Partial<CaseRow> = { first_response_at: new Date() };
    if (before.status === 'new') changes.status = 'open';
    const after = await saveCase(tx, before, changes);
    await recordTimeline(tx, {
      partyId: after.party_id,
      kind: 'case',
      data: { action: 'responded', number: after.number, title: after.subject, status: after.status, previousStatus: before.status },
      channel: after.channel,
      subjectType: 'case',
      subjectId: id,
    });
    return findCase(tx, id);
  });
}
