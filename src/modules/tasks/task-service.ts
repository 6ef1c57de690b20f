/**
 * Tasks: create, read, list, change (guarded by the version read), complete, cancel, delete. Completing or
 * cancelling an occurrence of a recurring series plans the next one. Every change writes the change log, and
 * creations and status changes of a customer's task its timeline, in the same transaction.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { actorUserId, inTransaction, type Ctx } from '../../platform/context.ts';
import { scoped } from '../../platform/db/scoped.ts';
import { recordChange } from '../../platform/events/change-log.ts';
import { AppError, assertCurrentVersion, notFound, throwIfIssues, validationError, type FieldIssue } from '../../platform/errors.ts';
import { paginate, type PageResult } from '../../platform/http/pagination.ts';
import { recordTimeline } from '../timeline/timeline-writer.ts';
import { addDays, parisDayStart, readPlannedTime } from './paris-time.ts';
import { nextOccurrence } from './recurrence.ts';
import { parseRecurrence } from './recurrence-rule.ts';
import { checkReferences, readDue, readRecurrence, reminderTime, withAllDay, type Due } from './task-input.ts';
import { loggableTask, overdueCondition, planningClock, presentTask, tasksWithNames, type TaskRow } from './task-presenter.ts';
import { scheduleReminder } from './task-reminders.ts';
import { TASK_SORT, type TaskCreateBody, type TaskListOptions, type TaskOutput, type TaskUpdateBody } from './task-schemas.ts';

const ENTITY = 'task';

export async function getTask(ctx: Ctx, id: string): Promise<TaskOutput> {
  const row = await tasksWithNames(ctx).where('tasks.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Task');
  return presentTask(row, planningClock());
}

/** The timeline entry of a customer's task: what was planned, for when, for whom. */
async function recordTaskTimeline(ctx: Ctx, task: TaskOutput, action: 'created' | 'completed' | 'cancelled'): Promise<void> {
  if (!task.party) return;
  await recordTimeline(ctx, {
    partyId: task.party.id,
    kind: 'task',
    subjectType: 'task',
    subjectId: task.id,
    data: { action, title: task.title, taskKind: task.kind, dueAt: task.dueAt, allDay: task.allDay, assignee: task.assignee.name, status: task.status },
  });
}

/** Plans a task; the creator is its assignee unless told otherwise. */
export async function createTask(ctx: Ctx, body: TaskCreateBody): Promise<TaskOutput> {
  return inTransaction(ctx, async (tx) => {
    const issues: FieldIssue[] = [];
    const due = readDue(body.dueAt, body.allDay, issues);
    const recurrence = readRecurrence(body.recurrence, due, issues);
    const assigneeId = body.assigneeId ?? actorUserId(tx.actor);
    if (!assigneeId) issues.push({ field: 'body.assigneeId', rule: 'is required when no user is acting' });
    const { partyFromLink } = await checkReferences(tx, { ...body, assigneeId: assigneeId ?? undefined }, issues);
    throwIfIssues(issues);

    const id = randomUUID();
    const remindBefore = body.remindBeforeMinutes ?? null;
    const row = await scoped(tx.db, tx.workspaceId)
      .insertInto('tasks', [
        {
          id,
          kind: body.kind,
          title: body.title.trim(),
          notes: body.notes?.trim() || null,
          party_id: body.partyId ?? partyFromLink,
          order_id: body.orderId ?? null,
          case_id: body.caseId ?? null,
          assignee_id: assigneeId!,
          due_at: due!.dueAt,
          all_day: due!.allDay,
          duration_minutes: body.durationMinutes ?? null,
          priority: body.priority ?? 'normal',
          recurrence: recurrence?.text ?? null,
          series_id: recurrence ? id : null,
          remind_before_minutes: remindBefore,
          remind_at: reminderTime(due!, remindBefore),
          created_by: actorUserId(tx.actor),
          created_at: new Date(),
          updated_at: new Date(),
        },
      ])
      .returningAll()
      .executeTakeFirstOrThrow();
    await scheduleReminder(tx, id, row.remind_at === null ? null : new Date(row.remind_at));
    await recordChange(tx, { entity: ENTITY, entityId: id, action: 'create', after: loggableTask(row) });
    const task = await getTask(tx, id);
    await recordTaskTimeline(tx, task, 'created');
    return task;
  });
}

async function lockTask(ctx: Ctx, id: string): Promise<TaskRow> {
  const row = await scoped(ctx.db, ctx.workspaceId).selectFrom('tasks').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw notFound('Task');
  return row;
}

/** Applies a partial change to a task the client read at `body.version`; a new due time re-plans the reminder. */
export async function updateTask(ctx: Ctx, id: string, body: TaskUpdateBody): Promise<TaskOutput> {
  return inTransaction(ctx, async (tx) => {
    const before = await lockTask(tx, id);
    await assertCurrentVersion('task', body.version, before.version, () => getTask(tx, id));
    const issues: FieldIssue[] = [];
    const current: Due = { dueAt: new Date(before.due_at), allDay: before.all_day };
    const due = body.dueAt !== undefined ? readDue(body.dueAt, body.allDay, issues) : withAllDay(current, body.allDay ?? current.allDay);
    const dueMoved = due !== null && (due.dueAt.getTime() !== current.dueAt.getTime() || due.allDay !== current.allDay);
    const recurrenceText = body.recurrence !== undefined ? body.recurrence : before.recurrence;
    const recurrence = body.recurrence !== undefined || dueMoved ? readRecurrence(recurrenceText, due, issues) : undefined;
    await checkReferences(tx, { partyId: body.partyId, orderId: body.orderId, caseId: body.caseId, assigneeId: body.assigneeId }, issues);
    throwIfIssues(issues);

    const remindBefore = body.remindBeforeMinutes !== undefined ? body.remindBeforeMinutes : before.remind_before_minutes;
    const remindAt = reminderTime(due!, remindBefore);
    const remindMoved = (remindAt?.getTime() ?? null) !== (before.remind_at === null ? null : new Date(before.remind_at).getTime());
    const changes: Record<string, unknown> = {
      kind: body.kind,
      title: body.title?.trim(),
      notes: body.notes === undefined ? undefined : body.notes?.trim() || null,
      party_id: body.partyId,
      order_id: body.orderId,
      case_id: body.caseId,
      assignee_id: body.assigneeId,
      due_at: due!.dueAt,
      all_day: due!.allDay,
      duration_minutes: body.durationMinutes,
      priority: body.priority,
      recurrence: recurrence === undefined ? undefined : (recurrence?.text ?? null),
      series_id: recurrence && !before.series_id ? before.id : undefined,
      remind_before_minutes: remindBefore,
      remind_at: remindAt,
      reminded_at: remindMoved ? null : undefined,
    };
    const set = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
    const db = scoped(tx.db, tx.workspaceId);
    const after = await db
      .updateTable('tasks')
      .set({ ...set, version: before.version + 1, updated_at: new Date() } as never)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const changed = await recordChange(tx, { entity: ENTITY, entityId: id, action: 'update', before: loggableTask(before), after: loggableTask(after) });
    // A save that changed nothing keeps the version the client has.
    if (changed === null) await db.updateTable('tasks').set({ version: before.version, updated_at: before.updated_at }).where('id', '=', id).execute();
    if (remindMoved && after.status === 'open') await scheduleReminder(tx, id, remindAt);
    return getTask(tx, id);
  });
}

/**
 * The next occurrence of a recurring task, stored: same series, same everything, due at the rule's next date
 * after this one's (Paris wall-clock time kept). None once COUNT occurrences exist or UNTIL has passed.
 */
async function planNextOccurrence(ctx: Ctx, row: TaskRow): Promise<TaskOutput | null> {
  if (!row.recurrence) return null;
  const parsed = parseRecurrence(row.recurrence);
  if (!parsed.ok) return null;
  const seriesId = row.series_id ?? row.id;
  const db = scoped(ctx.db, ctx.workspaceId);
  if (parsed.rule.count !== null) {
    const { n } = await db.selectFrom('tasks').select(sql<number>`count(*)::int`.as('n')).where('series_id', '=', seriesId).executeTakeFirstOrThrow();
    if (n >= parsed.rule.count) return null;
  }
  const dueAt = nextOccurrence(parsed.rule, new Date(row.due_at));
  if (!dueAt) return null;
  const id = randomUUID();
  const remindAt = reminderTime({ dueAt, allDay: row.all_day }, row.remind_before_minutes);
  const { workspace_id, ...copied } = row;
  const next = await db
    .insertInto('tasks', [
      {
        ...copied,
        id,
        due_at: dueAt,
        status: 'open',
        completed_at: null,
        series_id: seriesId,
        remind_at: remindAt,
        reminded_at: null,
        created_by: actorUserId(ctx.actor),
        version: 1,
        created_at: new Date(),
        updated_at: new Date(),
      },
    ])
    .returningAll()
    .executeTakeFirstOrThrow();
  await scheduleReminder(ctx, id, remindAt);
  await recordChange(ctx, { entity: ENTITY, entityId: id, action: 'create', after: loggableTask(next) });
  const task = await getTask(ctx, id);
  await recordTaskTimeline(ctx, task, 'created');
  return task;
}

async function closeTask(ctx: Ctx, id: string, status: 'done' | 'cancelled', planNext: boolean): Promise<{ task: TaskOutput; next: TaskOutput | null }> {
  return inTransaction(ctx, async (tx) => {
    const before = await lockTask(tx, id);
    if (before.status !== 'open') throw new AppError('conflict', `This task is already ${before.status === 'done' ? 'done' : 'cancelled'}`);
    const after = await scoped(tx.db, tx.workspaceId)
      .updateTable('tasks')
      .set({ status, completed_at: status === 'done' ? new Date() : null, version: before.version + 1, updated_at: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordChange(tx, { entity: ENTITY, entityId: id, action: 'update', before: loggableTask(before), after: loggableTask(after) });
    const task = await getTask(tx, id);
    await recordTaskTimeline(tx, task, status === 'done' ? 'completed' : 'cancelled');
    const next = planNext ? await planNextOccurrence(tx, after) : null;
    return { task, next };
  });
}

/** Marks an open task done; a recurring one gets its next occurrence. */
export function completeTask(ctx: Ctx, id: string): Promise<{ task: TaskOutput; next: TaskOutput | null }> {
  return closeTask(ctx, id, 'done', true);
}

/** Cancels an open task; a recurring series goes on with its next occurrence unless `endSeries`. */
export function cancelTask(ctx: Ctx, id: string, options: { endSeries?: boolean } = {}): Promise<{ task: TaskOutput; next: TaskOutput | null }> {
  return closeTask(ctx, id, 'cancelled', !options.endSeries);
}

/** Deletes a task entered by mistake (its series, if any, ends with it). */
export async function deleteTask(ctx: Ctx, id: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const before = await lockTask(tx, id);
    await scoped(tx.db, tx.workspaceId).deleteFrom('tasks').where('id', '=', id).execute();
    await recordChange(tx, { entity: ENTITY, entityId: id, action: 'delete', before: loggableTask(before) });
  });
}

/** A `from`/`to` bound: a Paris day (its start; for `to`, the next day's start) or a date-time. */
function readBound(text: string, field: string, end: boolean): Date {
  const planned = readPlannedTime(text);
  if (!planned) throw validationError(field, 'must be a date (YYYY-MM-DD) or a date-time');
  if (planned.kind === 'instant') return planned.instant;
  return parisDayStart(end ? addDays(planned.day, 1) : planned.day);
}

/** Tasks matching the filters, by due time (or creation or change), one keyset page at a time. */
export async function listTasks(ctx: Ctx, options: TaskListOptions): Promise<PageResult<TaskOutput>> {
  const clock = planningClock();
  let query = tasksWithNames(ctx);
  if (options.assignee) {
    const assignee = options.assignee === 'me' ? actorUserId(ctx.actor) : options.assignee;
    if (!assignee) throw validationError('query.assignee', 'can be me only for a signed-in user');
    query = query.where('tasks.assignee_id', '=', assignee);
  }
  if (options.status) query = query.where('tasks.status', '=', options.status);
  if (options.partyId) query = query.where('tasks.party_id', '=', options.partyId);
  if (options.orderId) query = query.where('tasks.order_id', '=', options.orderId);
  if (options.caseId) query = query.where('tasks.case_id', '=', options.caseId);
  if (options.kind) query = query.where('tasks.kind', '=', options.kind);
  if (options.priority) query = query.where('tasks.priority', '=', options.priority);
  if (options.overdue === true) query = query.where(overdueCondition(clock));
  if (options.overdue === false) query = query.where(sql<boolean>`not ${overdueCondition(clock)}`);
  if (options.from) query = query.where('tasks.due_at', '>=', readBound(options.from, 'query.from', false));
  if (options.to) query = query.where('tasks.due_at', '<', readBound(options.to, 'query.to', true));
  const page = await paginate(query, options, { sortColumns: TASK_SORT, defaultSort: 'dueAt', idColumn: 'tasks.id' });
  return { data: page.data.map((row) => presentTask(row, clock)), nextCursor: page.nextCursor };
}
