/**
 * Reminders: a job queued for the reminder time of a task notifies its assignee once. Changing the due time queues
 * a new job; a job whose time is no longer the task's reminder time (moved later, done, cancelled, deleted, or
 * already reminded) does nothing, so stale and repeated jobs are harmless.
 */
import { sql } from 'kysely';
import type { Ctx } from '../../platform/context.ts';
import { scoped } from '../../platform/db/scoped.ts';
import { enqueueJob, registerJobHandler } from '../../platform/jobs/runner.ts';
import { notify } from '../notifications/notification-service.ts';

export const REMINDER_JOB = 'task-reminder';

/** A job may run a little before the database's clock agrees (another server's clock): that much early is on time. */
const CLOCK_TOLERANCE = sql`interval '1 minute'`;

/** A reminder whose time passed more than this long ago (a task planned after the fact) is not sent at all. */
const STALE_AFTER_MS = 24 * 3_600_000;

/** Queues the reminder of a task for `remindAt` (nothing when the task has none, or when that time is long gone). */
export async function scheduleReminder(ctx: Ctx, taskId: string, remindAt: Date | null): Promise<void> {
  if (remindAt === null || remindAt.getTime() < Date.now() - STALE_AFTER_MS) return;
  await enqueueJob(ctx, { kind: REMINDER_JOB, payload: { taskId }, runAt: remindAt });
}

function partyLink(kind: string | null, id: string | null): string {
  if (!id || !kind) return '/my-day';
  return `${kind === 'organisation' ? '/organisations' : '/people'}/${id}`;
}

/**
 * Notifies the assignee of a task whose reminder time has come, marking it reminded in the same statement, so
 * two runs never notify twice. Returns whether a notification was made.
 */
export async function sendDueReminder(ctx: Ctx, taskId: string): Promise<boolean> {
  const task = await scoped(ctx.db, ctx.workspaceId)
    .updateTable('tasks')
    .set({ reminded_at: sql<Date>`now()` as never })
    .where('id', '=', taskId)
    .where('status', '=', 'open')
    .where('reminded_at', 'is', null)
    .where('remind_at', 'is not', null)
    .where(sql<boolean>`remind_at <= now() + ${CLOCK_TOLERANCE}`)
    .returning(['id', 'title', 'assignee_id', 'party_id'])
    .executeTakeFirst();
  if (!task) return false;
  const party = task.party_id
    ? await scoped(ctx.db, ctx.workspaceId).selectFrom('parties').select('kind').where('id', '=', task.party_id).executeTakeFirst()
    : undefined;
  await notify(ctx, {
    userId: task.assignee_id,
    kind: 'task_reminder',
    title: task.title,
    link: partyLink(party?.kind ?? null, task.party_id),
    subjectType: 'task',
    subjectId: task.id,
  });
  return true;
}

registerJobHandler(REMINDER_JOB, async (ctx, job) => {
  const taskId = job.payload.taskId;
  if (typeof taskId === 'string') await sendDueReminder(ctx, taskId);
});
