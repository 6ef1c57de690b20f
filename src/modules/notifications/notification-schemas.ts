/** The API shape of a notification. */
import { Type, type Static } from 'typebox';
import { NullableTimestamp, Timestamp } from '../../platform/http/schemas.ts';

const NullableString = Type.Union([Type.String(), Type.Null()]);

export const NotificationOut = Type.Object({
  id: Type.String(),
  kind: Type.String({ description: 'task_reminder, …' }),
  title: Type.String(),
  link: Type.Union([Type.String({ description: 'A path of the web app' }), Type.Null()]),
  subjectType: NullableString,
  subjectId: NullableString,
  createdAt: Timestamp,
  readAt: NullableTimestamp,
});
export type NotificationOutput = Static<typeof NotificationOut>;

export const NotificationListOut = Type.Object({ data: Type.Array(NotificationOut), unreadCount: Type.Integer() });
export type NotificationList = Static<typeof NotificationListOut>;
