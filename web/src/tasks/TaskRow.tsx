/**
 * One task in a list: a box to mark it done in one click, its kind, title and due time (red when overdue), its
 * customer with their alerts, its priority and whether it repeats.
 */
import { Badge, Checkbox, Group, Text, ThemeIcon, Tooltip } from '@mantine/core';
import { IconRepeat } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../app/links.tsx';
import { notifyError, notifySuccess } from '../app/notify.ts';
import { AlertBadges } from '../alerts/AlertBadges.tsx';
import { partyPath } from '../record/relationModel.ts';
import { formatDay, KIND_COLORS, KIND_ICONS, PRIORITY_COLORS } from './taskFormat.ts';
import { useCompleteTask } from './taskHooks.ts';
import { dueTimeLabel } from './taskModel.ts';
import type { Task } from './taskTypes.ts';

export interface TaskRowProps {
  task: Task;
  /** Whether the user may mark it done. */
  canComplete: boolean;
  showParty?: boolean;
  showAssignee?: boolean;
  /** Show the day as well as the time (lists spanning several days). */
  showDay?: boolean;
}

export function TaskRow({ task, canComplete, showParty = true, showAssignee = false, showDay = true }: TaskRowProps) {
  const { t, i18n } = useTranslation();
  const complete = useCompleteTask();
  const Icon = KIND_ICONS[task.kind];
  const time = dueTimeLabel(task);
  const when = [showDay ? formatDay(task.dueDate, i18n.language) : null, time ?? (showDay ? null : t('tasks.row.allDay'))].filter(Boolean).join(' · ');
  const done = task.status !== 'open';

  function markDone() {
    complete.mutate(task, {
      onSuccess: (closed) =>
        notifySuccess(
          closed.next
            ? t('tasks.row.doneNext', { title: task.title, date: formatDay(closed.next.dueDate, i18n.language, true) })
            : t('tasks.row.done', { title: task.title }),
        ),
      onError: notifyError,
    });
  }

  return (
    <Group gap="sm" wrap="nowrap" align="flex-start" data-testid="task-row" data-overdue={task.overdue || undefined}>
      <Checkbox
        mt={4}
        checked={done || complete.isPending}
        disabled={!canComplete || done || task.projected || complete.isPending}
        onChange={markDone}
        aria-label={t('tasks.row.complete', { title: task.title })}
        data-testid="task-complete"
      />
      <ThemeIcon variant="light" color={KIND_COLORS[task.kind]} size="md" mt={2} aria-label={t(`tasks.kinds.${task.kind}`)}>
        <Icon size={16} aria-hidden />
      </ThemeIcon>
      <div style={{ minWidth: 0, flex: 1 }}>
        <Group gap={6} wrap="wrap">
          <Text size="sm" fw={500} td={done ? 'line-through' : undefined} data-testid="task-title">
            {task.title}
          </Text>
          {(task.priority === 'high' || task.priority === 'urgent') && (
            <Badge size="xs" variant="light" color={PRIORITY_COLORS[task.priority]} tt="none">
              {t(`tasks.priorities.${task.priority}`)}
            </Badge>
          )}
          {task.recurrence && (
            <Tooltip label={t('tasks.row.recurring', { rule: task.recurrence })} withinPortal>
              <IconRepeat size={14} aria-label={t('tasks.row.recurring', { rule: task.recurrence })} data-testid="task-recurring" />
            </Tooltip>
          )}
        </Group>
        <Group gap={6} wrap="wrap">
          <Text size="xs" c={task.overdue ? 'red' : 'dimmed'} fw={task.overdue ? 600 : undefined} data-testid="task-due">
            {task.overdue ? `${t('tasks.row.overdue')} · ${when}` : when}
          </Text>
          {showParty && task.party && (
            <>
              <AnchorLink to={partyPath(task.party.kind)} params={{ id: task.party.id }} size="xs">
                {task.party.displayName}
              </AnchorLink>
              <AlertBadges kinds={task.party.activeAlerts} compact />
            </>
          )}
          {showAssignee && (
            <Text size="xs" c="dimmed">
              {task.assignee.name}
            </Text>
          )}
        </Group>
      </div>
    </Group>
  );
}
