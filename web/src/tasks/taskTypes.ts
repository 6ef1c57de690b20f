/** The API shapes of planned work and notifications, as the server declares them. */
import type { TaskOutput } from '../../../src/modules/tasks/task-schemas.ts';

export type { TaskOutput as Task, MyDayOutput as MyDay } from '../../../src/modules/tasks/task-schemas.ts';
export type { NotificationOutput as AppNotification, NotificationList } from '../../../src/modules/notifications/notification-schemas.ts';
export { TASK_KINDS, TASK_PRIORITIES, type TaskKind, type TaskPriority, type TaskStatus } from '../../../src/modules/tasks/task-reference.ts';

/** GET /api/agenda. */
export interface Agenda {
  from: string;
  to: string;
  data: TaskOutput[];
}

/** POST /api/tasks/:id/complete and /cancel. */
export interface ClosedTask {
  task: TaskOutput;
  next: TaskOutput | null;
}
