/**
 * The views over planned work: "my day" (what is late, what is for today, what comes next) and the agenda of a
 * user, a team or everyone over a range of days, where recurring series also show their future occurrences,
 * computed from their rule rather than stored.
 */
import { sql } from 'kysely';
import { actorUserId, type Ctx } from '../../platform/context.ts';
import { scoped } from '../../platform/db/scoped.ts';
import { AppError, validationError } from '../../platform/errors.ts';
import { addDays, parisDay, parisDayStart, parisWallClock } from './paris-time.ts';
import { occurrencesBetween } from './recurrence.ts';
import { parseRecurrence } from './recurrence-rule.ts';
import { reminderTime } from './task-input.ts';
import { isOverdue, overdueCondition, planningClock, presentTask, tasksWithNames, type PlanningClock, type TaskListRow } from './task-presenter.ts';
import type { AgendaOptions, MyDayOutput, TaskOutput } from './task-schemas.ts';

const MY_DAY_LIMIT = 100;
const UPCOMING_DAYS = 7;
export const AGENDA_MAX_DAYS = 62;
const AGENDA_LIMIT = 2000;
const PROJECTIONS_PER_SERIES = 100;

function me(ctx: Ctx): string {
  const userId = actorUserId(ctx.actor);
  if (!userId) throw new AppError('forbidden', 'Planned work belongs to a user');
  return userId;
}

/** The signed-in user's overdue tasks, today's, the next seven days', and how many were done today. */
export async function myDay(ctx: Ctx, clock: PlanningClock = planningClock()): Promise<MyDayOutput> {
  const userId = me(ctx);
  const tomorrow = parisDayStart(addDays(clock.today, 1));
  const weekEnd = parisDayStart(addDays(clock.today, 1 + UPCOMING_DAYS));
  const overdue = overdueCondition(clock);
  const mine = () => tasksWithNames(ctx).where('tasks.assignee_id', '=', userId).where('tasks.status', '=', 'open');

  const [late, today, upcoming, counts] = await Promise.all([
    mine().where(overdue).orderBy('tasks.due_at').orderBy('tasks.id').limit(MY_DAY_LIMIT).execute(),
    mine()
      .where('tasks.due_at', '>=', clock.todayStart)
      .where('tasks.due_at', '<', tomorrow)
      .where(sql<boolean>`not ${overdue}`)
      .orderBy('tasks.due_at')
      .orderBy('tasks.id')
      .limit(MY_DAY_LIMIT)
      .execute(),
    mine().where('tasks.due_at', '>=', tomorrow).where('tasks.due_at', '<', weekEnd).orderBy('tasks.due_at').orderBy('tasks.id').limit(MY_DAY_LIMIT).execute(),
    scoped(ctx.db, ctx.workspaceId)
      .selectFrom('tasks')
      .select([
        sql<number>`(count(*) filter (where ${overdue}))::int`.as('overdue'),
        sql<number>`(count(*) filter (where tasks.status = 'open' and tasks.due_at >= ${clock.todayStart} and tasks.due_at < ${tomorrow} and not ${overdue}))::int`.as('today'),
        sql<number>`(count(*) filter (where tasks.status = 'open' and tasks.due_at >= ${tomorrow} and tasks.due_at < ${weekEnd}))::int`.as('upcoming'),
        sql<number>`(count(*) filter (where tasks.status = 'done' and tasks.completed_at >= ${clock.todayStart}))::int`.as('done'),
      ])
      .where('tasks.assignee_id', '=', userId)
      .executeTakeFirstOrThrow(),
  ]);
  const present = (rows: TaskListRow[]) => rows.map((row) => presentTask(row, clock));
  return {
    date: clock.today,
    overdue: { count: counts.overdue, data: present(late) },
    today: { count: counts.today, data: present(today) },
    upcoming: { count: counts.upcoming, data: present(upcoming) },
    completedToday: counts.done,
  };
}

function isManager(ctx: Ctx): boolean {
  return ctx.actor.type === 'system' || ctx.actor.role === 'admin' || ctx.actor.role === 'manager';
}

/** Whose work the agenda shows: the signed-in user by default; someone else, a team or everyone for managers. */
async function agendaAssignees(ctx: Ctx, options: AgendaOptions): Promise<string[] | 'all'> {
  const self = actorUserId(ctx.actor);
  const wanted = options.assignee === 'me' || options.assignee === undefined ? self : options.assignee;
  const othersAsked = options.teamId !== undefined || wanted !== self;
  if (othersAsked && !isManager(ctx)) throw new AppError('forbidden', "Forbidden: only managers see other people's agendas");
  if (options.teamId) {
    const db = scoped(ctx.db, ctx.workspaceId);
    const team = await db.selectFrom('teams').select('id').where('id', '=', options.teamId).executeTakeFirst();
    if (!team) throw validationError('query.teamId', 'must be a team of this workspace');
    const members = await db.selectFrom('users').select('id').where('team_id', '=', options.teamId).execute();
    return members.map((m) => m.id);
  }
  if (wanted === 'all') return 'all';
  if (!wanted) throw validationError('query.assignee', 'must name a user when no user is signed in');
  return [wanted];
}

/** A future occurrence of the series `head` leads, shown like a task but marked projected. */
function projectOccurrence(head: TaskListRow, dueAt: Date, clock: PlanningClock): TaskOutput {
  const stored = presentTask(head, clock);
  const remindAt = reminderTime({ dueAt, allDay: head.all_day }, head.remind_before_minutes);
  return {
    ...stored,
    id: `${head.id}@${dueAt.toISOString()}`,
    dueAt: dueAt.toISOString(),
    dueLocal: parisWallClock(dueAt),
    dueDate: parisDay(dueAt),
    overdue: isOverdue({ status: 'open', all_day: head.all_day, due_at: dueAt }, clock),
    remindAt: remindAt?.toISOString() ?? null,
    projected: true,
    projectedFrom: head.id,
    version: 0,
  };
}

/**
 * Tasks due between two Paris days (both included, at most 62 days), open or done, with the future occurrences
 * of recurring series projected from their rule (respecting COUNT and UNTIL), sorted by due time.
 */
export async function agenda(ctx: Ctx, options: AgendaOptions): Promise<{ from: string; to: string; data: TaskOutput[] }> {
  const clock = planningClock();
  const monday = addDays(clock.today, -((new Date(`${clock.today}T00:00:00Z`).getUTCDay() + 6) % 7));
  const from = options.from ?? monday;
  const to = options.to ?? addDays(from, 6);
  if (to < from) throw validationError('query.to', 'must not be before query.from');
  if (to > addDays(from, AGENDA_MAX_DAYS - 1)) throw validationError('query.to', `must be at most ${AGENDA_MAX_DAYS} days from query.from`);
  const start = parisDayStart(from);
  const end = parisDayStart(addDays(to, 1));
  const assignees = await agendaAssignees(ctx, options);
  if (assignees !== 'all' && assignees.length === 0) return { from, to, data: [] };

  let stored = tasksWithNames(ctx).where('tasks.due_at', '>=', start).where('tasks.due_at', '<', end).where('tasks.status', '!=', 'cancelled');
  let heads = tasksWithNames(ctx).where('tasks.status', '=', 'open').where('tasks.recurrence', 'is not', null).where('tasks.due_at', '<', end);
  if (assignees !== 'all') {
    stored = stored.where('tasks.assignee_id', 'in', assignees);
    heads = heads.where('tasks.assignee_id', 'in', assignees);
  }
  const [rows, headRows] = await Promise.all([
    stored.orderBy('tasks.due_at').orderBy('tasks.id').limit(AGENDA_LIMIT).execute(),
    heads.orderBy('tasks.due_at', 'desc').limit(AGENDA_LIMIT).execute(),
  ]);

  // One series, one head: its latest open occurrence.
  const latest = new Map<string, TaskListRow>();
  for (const head of headRows) {
    const series = head.series_id ?? head.id;
    if (!latest.has(series)) latest.set(series, head);
  }
  const seriesIds = [...latest.keys()];
  const sizes = new Map<string, number>();
  if (seriesIds.length > 0) {
    const counted = await scoped(ctx.db, ctx.workspaceId)
      .selectFrom('tasks')
      .select(['series_id', sql<number>`count(*)::int`.as('n')])
      .where('series_id', 'in', seriesIds)
      .groupBy('series_id')
      .execute();
    for (const { series_id, n } of counted) sizes.set(series_id!, n);
  }

  const data = rows.map((row) => presentTask(row, clock));
  for (const [series, head] of latest) {
    const parsed = parseRecurrence(head.recurrence!);
    if (!parsed.ok) continue;
    const headDue = new Date(head.due_at);
    let dates: Date[];
    if (parsed.rule.count === null) {
      dates = occurrencesBetween(parsed.rule, headDue, start, end, PROJECTIONS_PER_SERIES);
    } else {
      // Occurrences before the range count towards COUNT too: walk from the head, keep those in the range.
      const left = parsed.rule.count - (sizes.get(series) ?? 1);
      dates = occurrencesBetween(parsed.rule, headDue, headDue, end, left).filter((dueAt) => dueAt >= start);
    }
    for (const dueAt of dates.slice(0, PROJECTIONS_PER_SERIES)) data.push(projectOccurrence(head, dueAt, clock));
  }
  data.sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.title.localeCompare(b.title) || a.id.localeCompare(b.id));
  return { from, to, data: data.slice(0, AGENDA_LIMIT) };
}
