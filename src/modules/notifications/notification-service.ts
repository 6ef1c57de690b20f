/**
 * In-app notifications: short messages for one user (a task reminder, say), listed unread first and marked read
 * one by one or all at once. Other capabilities create them with `notify` in their own transaction.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Selectable } from 'kysely';
import { actorUserId, type Ctx } from '../../platform/context.ts';
import type { NotificationsTable } from '../../platform/db/schema.ts';
import { scoped } from '../../platform/db/scoped.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { NotificationOutput } from './notification-schemas.ts';

export interface NotificationInput {
  userId: string;
  /** What it is about, such as `task_reminder`; the web app words it. */
  kind: string;
  title: string;
  /** A path of the web app to open. */
  link?: string | null;
  subjectType?: string | null;
  subjectId?: string | null;
}

type NotificationRow = Selectable<NotificationsTable>;

export function presentNotification(row: NotificationRow): NotificationOutput {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    link: row.link,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    createdAt: new Date(row.created_at).toISOString(),
    readAt: row.read_at === null ? null : new Date(row.read_at).toISOString(),
  };
}

/** Adds one notification for a user of the context's workspace. */
export async function notify(ctx: Ctx, input: NotificationInput): Promise<string> {
  const id = randomUUID();
  await scoped(ctx.db, ctx.workspaceId)
    .insertInto('notifications', [
      {
        id,
        user_id: input.userId,
        kind: input.kind,
        title: input.title,
        link: input.link ?? null,
        subject_type: input.subjectType ?? null,
        subject_id: input.subjectId ?? null,
        created_at: new Date(),
      },
    ])
    .execute();
  return id;
}

function signedInUser(ctx: Ctx): string {
  const userId = actorUserId(ctx.actor);
  if (!userId) throw new AppError('forbidden', 'Notifications belong to a user');
  return userId;
}

/** The signed-in user's latest notifications, unread first, with how many are unread. */
export async function listMyNotifications(ctx: Ctx, limit = 30): Promise<{ data: NotificationOutput[]; unreadCount: number }> {
  const userId = signedInUser(ctx);
  const db = scoped(ctx.db, ctx.workspaceId);
  const rows = await db
    .selectFrom('notifications')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy(sql`read_at is null`, 'desc')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  const { unread } = await db
    .selectFrom('notifications')
    .select(sql<number>`count(*)::int`.as('unread'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return { data: rows.map(presentNotification), unreadCount: unread };
}

/** Marks one of the signed-in user's notifications read (reading it again changes nothing). */
export async function markNotificationRead(ctx: Ctx, id: string): Promise<NotificationOutput> {
  const userId = signedInUser(ctx);
  const row = await scoped(ctx.db, ctx.workspaceId)
    .updateTable('notifications')
    .set({ read_at: sql<Date>`coalesce(read_at, now())` as never })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw notFound('Notification');
  return presentNotification(row);
}

/** Marks all of the signed-in user's notifications read; answers how many were unread. */
export async function markAllNotificationsRead(ctx: Ctx): Promise<{ marked: number }> {
  const userId = signedInUser(ctx);
  const result = await scoped(ctx.db, ctx.workspaceId)
    .updateTable('notifications')
    .set({ read_at: new Date() })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return { marked: Number(result.numUpdatedRows) };
}
