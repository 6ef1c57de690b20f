/**
 * The agenda: tasks and appointments on a week or a month grid (Monday first, Paris days), moved week by week or
 * month by month. Future occurrences of recurring series show dashed: they are computed, not stored yet.
 * Managers can look at a colleague's agenda or everyone's.
 */
import { ActionIcon, Box, Button, Group, Paper, SegmentedControl, Select, SimpleGrid, Stack, Text, Title, Tooltip, UnstyledButton } from '@mantine/core';
import { IconChevronLeft, IconChevronRight, IconRepeat } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../app/QueryState.tsx';
import { useMe } from '../auth/authHooks.ts';
import { hasPermission } from '../auth/sessionModel.ts';
import { useOwners } from '../record/recordHooks.ts';
import { parisToday } from '../../../src/modules/tasks/paris-time.ts';
import { formatDay, formatMonth, KIND_COLORS, weekdayNames } from './taskFormat.ts';
import { useAgenda } from './taskHooks.ts';
import { agendaDays, dueTimeLabel, shiftAnchor, tasksByDay, type AgendaView } from './taskModel.ts';
import type { Task } from './taskTypes.ts';

/** How many tasks a month cell lists before "+n more". */
const MONTH_CELL_ITEMS = 3;

export function AgendaPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const manager = me.user.role === 'admin' || me.user.role === 'manager';
  const owners = useOwners(manager && hasPermission(me, 'users:read', 'users:manage'));
  const today = parisToday();
  const [view, setView] = useState<AgendaView>('week');
  const [anchor, setAnchor] = useState(today);
  const [assignee, setAssignee] = useState('me');
  const days = agendaDays(view, anchor);
  const agenda = useAgenda(days[0]!, days.at(-1)!, assignee);
  const byDay = tasksByDay(agenda.data?.data ?? []);
  const showAssignee = assignee !== 'me';
  const title =
    view === 'month' ? formatMonth(anchor, i18n.language) : `${formatDay(days[0]!, i18n.language)} – ${formatDay(days.at(-1)!, i18n.language, true)}`;

  return (
    <Stack gap="md" data-testid="agenda">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Title order={1}>{t('tasks.agenda.title')}</Title>
        <Group gap="sm" wrap="wrap">
          {manager && (
            <Select
              w={220}
              aria-label={t('tasks.agenda.assignee')}
              data={[
                { value: 'me', label: t('tasks.agenda.me') },
                { value: 'all', label: t('tasks.agenda.everyone') },
                ...(owners.data ?? []).filter((user) => user.id !== me.user.id).map((user) => ({ value: user.id, label: user.name })),
              ]}
              value={assignee}
              onChange={(value) => value && setAssignee(value)}
              allowDeselect={false}
              searchable
              data-testid="agenda-assignee"
            />
          )}
          <SegmentedControl
            data={[
              { value: 'week', label: t('tasks.agenda.week') },
              { value: 'month', label: t('tasks.agenda.month') },
            ]}
            value={view}
            onChange={(value) => setView(value as AgendaView)}
            data-testid="agenda-view"
          />
        </Group>
      </Group>
      <Group gap="xs">
        <ActionIcon variant="default" size="lg" onClick={() => setAnchor(shiftAnchor(view, anchor, -1))} aria-label={t('tasks.agenda.previous')} data-testid="agenda-previous">
          <IconChevronLeft size={18} aria-hidden />
        </ActionIcon>
        <Button variant="default" onClick={() => setAnchor(today)} data-testid="agenda-today">
          {t('tasks.agenda.today')}
        </Button>
        <ActionIcon variant="default" size="lg" onClick={() => setAnchor(shiftAnchor(view, anchor, 1))} aria-label={t('tasks.agenda.next')} data-testid="agenda-next">
          <IconChevronRight size={18} aria-hidden />
        </ActionIcon>
        <Text fw={600} ml="sm" data-testid="agenda-range" tt="capitalize">
          {title}
        </Text>
      </Group>
      {agenda.isError && <LoadError error={agenda.error} onRetry={() => void agenda.refetch()} />}
      <Box style={{ overflowX: 'auto' }}>
        <Box miw={840} opacity={agenda.isFetching && agenda.isPlaceholderData ? 0.6 : 1}>
          <SimpleGrid cols={7} spacing={6} mb={6}>
            {weekdayNames(i18n.language).map((name) => (
              <Text key={name} size="xs" c="dimmed" fw={600} tt="uppercase" ta="center">
                {name}
              </Text>
            ))}
          </SimpleGrid>
          <SimpleGrid cols={7} spacing={6}>
            {days.map((day) => (
              <DayCell
                key={day}
                day={day}
                tasks={byDay.get(day) ?? []}
                today={day === today}
                outside={view === 'month' && day.slice(0, 7) !== anchor.slice(0, 7)}
                compact={view === 'month'}
                minHeight={view === 'month' ? 110 : 360}
                showAssignee={showAssignee}
              />
            ))}
          </SimpleGrid>
        </Box>
      </Box>
    </Stack>
  );
}

interface DayCellProps {
  day: string;
  tasks: Task[];
  today: boolean;
  outside: boolean;
  /** Month cells: a few one-line items; week columns: every item, in full. */
  compact: boolean;
  minHeight: number;
  showAssignee: boolean;
}

function DayCell({ day, tasks, today, outside, compact, minHeight, showAssignee }: DayCellProps) {
  const { t } = useTranslation();
  const [expanded, setExpanded] = useState(false);
  const shown = expanded || !compact ? tasks : tasks.slice(0, MONTH_CELL_ITEMS);
  const hidden = tasks.length - shown.length;
  return (
    <Paper
      withBorder
      p={6}
      mih={minHeight}
      bg={outside ? 'var(--mantine-color-gray-0)' : undefined}
      style={today ? { borderColor: 'var(--mantine-color-blue-5)', borderWidth: 2 } : undefined}
      data-testid={`agenda-day-${day}`}
    >
      <Text size="sm" fw={today ? 700 : 500} c={outside ? 'dimmed' : today ? 'blue' : undefined} mb={4}>
        {Number(day.slice(8, 10))}
      </Text>
      <Stack gap={4}>
        {shown.map((task) => (
          <AgendaItem key={task.id} task={task} showAssignee={showAssignee} compact={compact} />
        ))}
        {hidden > 0 && (
          <UnstyledButton onClick={() => setExpanded(true)}>
            <Text size="xs" c="blue">
              {t('tasks.agenda.more', { count: hidden })}
            </Text>
          </UnstyledButton>
        )}
      </Stack>
    </Paper>
  );
}

function AgendaItem({ task, showAssignee, compact }: { task: Task; showAssignee: boolean; compact: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const color = task.overdue ? 'red' : KIND_COLORS[task.kind];
  const time = dueTimeLabel(task);
  const details = [
    t(`tasks.kinds.${task.kind}`),
    time ? `${time}${task.durationMinutes ? ` (${task.durationMinutes} min)` : ''}` : t('tasks.row.allDay'),
    task.party?.displayName,
    showAssignee ? task.assignee.name : null,
    task.projected ? t('tasks.agenda.projected') : null,
  ]
    .filter(Boolean)
    .join(' · ');
  const party = task.party;
  return (
    <Tooltip label={details} withinPortal multiline maw={280}>
      <UnstyledButton
        onClick={() => {
          if (party) void navigate({ to: party.kind === 'organisation' ? '/organisations/$id' : '/people/$id', params: { id: party.id } });
        }}
        px={6}
        py={2}
        data-testid="agenda-item"
        data-projected={task.projected || undefined}
        aria-label={`${task.title} — ${details}`}
        style={{
          display: 'block',
          width: '100%',
          borderRadius: 4,
          borderLeft: `3px ${task.projected ? 'dashed' : 'solid'} var(--mantine-color-${color}-6)`,
          background: task.projected ? 'transparent' : `var(--mantine-color-${color}-light)`,
          cursor: party ? 'pointer' : 'default',
        }}
      >
        <Group gap={4} wrap="nowrap" align="flex-start">
          {task.recurrence && <IconRepeat size={11} aria-hidden style={{ flex: 'none', marginTop: 3 }} />}
          <Text size="xs" truncate={compact} lineClamp={compact ? undefined : 3} fs={task.projected ? 'italic' : undefined} td={task.status === 'done' ? 'line-through' : undefined}>
            {time && <b>{time} </b>}
            {task.title}
          </Text>
        </Group>
        {!compact && (party || showAssignee) && (
          <Text size="xs" c="dimmed" truncate>
            {[party?.displayName, showAssignee ? task.assignee.name : null].filter(Boolean).join(' · ')}
          </Text>
        )}
      </UnstyledButton>
    </Tooltip>
  );
}
