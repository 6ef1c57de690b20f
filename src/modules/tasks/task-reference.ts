/** The fixed vocabularies of planned work, shared by the server and the web app (so nothing here imports). */
export const TASK_KINDS = ['call', 'visit', 'email', 'todo', 'appointment'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];
export const TASK_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type TaskPriority = (typeof TASK_PRIORITIES)[number];
export const TASK_STATUSES = ['open', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
