/**
 * Tasks as the API shows them: with their customer (name, number, open alerts) and assignee, the due time also
 * in Paris wall-clock terms, and whether they are overdue. Also the query every task read starts from.
 */
import { sql, type Selectable } from 'kysely';
import type { Ctx } from '../../platform/context.ts';
import type { TasksTable } from '../../platform/db/schema.ts';
import { scoped } from '../../platform/db/scoped.ts';
import { parisDay, parisDayStart, parisToday, parisWallClock } from './paris-time.ts';
import type { TaskKind, TaskOutput, TaskPriority, TaskStatus } from './task-schemas.ts';

export type TaskRow = Selectable<TasksTable>;
export type TaskListRow = TaskRow & {
  party_kind: string | null;
  party_name: string | null;
  party_number: string | null;
  party_alerts: string[] | null;
  assignee_name: string | null;
};

/** "Now" for one request: the instant, and the start of today in Paris (all-day tasks are late from tomorrow). */
export interface PlanningClock {
  now: Date;
  today: string;
  todayStart: Date;
}

export function planningClock(now: Date = new Date()): PlanningClock {
  const today = parisToday(now);
  return { now, today, todayStart: parisDayStart(today) };
}

/** Tasks of the workspace with their customer's and assignee's names. */
export function tasksWithNames(ctx: Ctx) {
  return scoped(ctx.db, ctx.workspaceId)
    .selectFrom('tasks')
    .leftJoin('parties as party', (join) => join.onRef('party.workspace_id', '=', 'tasks.workspace_id').onRef('party.id', '=', 'tasks.party_id'))
    .leftJoin('users as assignee', (join) => join.onRef('assignee.workspace_id', '=', 'tasks.workspace_id').onRef('assignee.id', '=', 'tasks.assignee_id'))
    .selectAll('tasks')
    .select([
      'party.kind as party_kind',
      'party.display_name as party_name',
      'party.customer_number as party_number',
      'party.active_alerts as party_alerts',
      'assignee.name as assignee_name',
    ]);
}

/** SQL: the task is open and late (timed ones once their time has passed, all-day ones from the next day on). */
export function overdueCondition(clock: PlanningClock) {
  return sql<boolean>`(tasks.status = 'open' and tasks.due_at < case when tasks.all_day then ${clock.todayStart}::timestamptz else ${clock.now}::timestamptz end)`;
}

export function isOverdue(row: Pick<TaskRow, 'status' | 'all_day' | 'due_at'>, clock: PlanningClock): boolean {
  const due = new Date(row.due_at);
  return row.status === 'open' && due < (row.all_day ? clock.todayStart : clock.now);
}

const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

export function presentTask(row: TaskListRow, clock: PlanningClock): TaskOutput {
  const due = new Date(row.due_at);
  return {
    id: row.id,
    kind: row.kind as TaskKind,
    title: row.title,
    notes: row.notes,
    party:
      row.party_id && row.party_kind
        ? {
            id: row.party_id,
            kind: row.party_kind as 'person' | 'organisation',
            displayName: row.party_name ?? '',
            customerNumber: row.party_number ?? '',
            activeAlerts: row.party_alerts ?? [],
          }
        : null,
    orderId: row.order_id,
    caseId: row.case_id,
    assignee: { id: row.assignee_id, name: row.assignee_name ?? '' },
    dueAt: due.toISOString(),
    dueLocal: parisWallClock(due),
    dueDate: parisDay(due),
    allDay: row.all_day,
    durationMinutes: row.duration_minutes,
    priority: row.priority as TaskPriority,
    status: row.status as TaskStatus,
    completedAt: iso(row.completed_at),
    overdue: isOverdue(row, clock),
    recurrence: row.recurrence,
    seriesId: row.series_id,
    remindBeforeMinutes: row.remind_before_minutes,
    remindAt: iso(row.remind_at),
    projected: false,
    projectedFrom: null,
    version: row.version,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** What the change log keeps of a task. */
export function loggableTask(row: TaskRow): Record<string, unknown> {
  const { workspace_id, version, created_at, updated_at, reminded_at, ...columns } = row;
  return columns;
}
