import type { IsolationSeed } from './seed.ts';
import { createTask } from '../../../src/modules/tasks/task-service.ts';
import { notify } from '../../../src/modules/notifications/notification-service.ts';
import { raiseAlert } from '../../../src/modules/alerts/alert-service.ts';

/**
 * Records of workspace A for the tasks, notifications and alerts routes (see tenant-isolation.test.ts): a
 * recurring visit of the person, a reminder for A's admin, and an open dispute on the person.
 */
export const seed: IsolationSeed = async ({ workspace, personId }) => {
  const task = await createTask(workspace.ctx, {
    kind: 'visit',
    title: 'Tasksecret visite mensuelle',
    notes: 'Tasksecret notes',
    partyId: personId,
    assigneeId: workspace.admin.id,
    dueAt: '2026-12-01T09:00',
    recurrence: 'FREQ=MONTHLY;BYMONTHDAY=1',
    remindBeforeMinutes: 30,
  });
  const notification = await notify(workspace.ctx, {
    userId: workspace.admin.id,
    kind: 'task_reminder',
    title: 'Tasksecret rappel',
    link: `/people/${personId}`,
    subjectType: 'task',
    subjectId: task.id,
  });
  const alert = await raiseAlert(workspace.ctx, personId, { kind: 'dispute', note: 'Alertsecret litige' });
  return {
    resources: { task: task.id, notification, alert: alert.id },
    secrets: [task.id, notification, alert.id, 'Tasksecret', 'tasksecret', 'Alertsecret'],
  };
};
