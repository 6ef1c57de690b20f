/**
 * "My day": what is late (in red), what is for today, what comes in the next seven days, each done in one
 * click, and a quick way to add a task for today or another day.
 */
import { Button, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconAdjustments, IconPlus } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError } from '../app/formErrors.ts';
import { notifyError, notifySuccess } from '../app/notify.ts';
import { LoadError, Loading } from '../app/QueryState.tsx';
import { useMe } from '../auth/authHooks.ts';
import { hasPermission } from '../auth/sessionModel.ts';
import { parisToday } from '../../../src/modules/tasks/paris-time.ts';
import { formatDay } from './taskFormat.ts';
import { TaskDialog } from './TaskDialog.tsx';
import { useCreateTask, useMyDay } from './taskHooks.ts';
import { newTaskForm, taskRequest } from './taskModel.ts';
import { TaskRow } from './TaskRow.tsx';
import { TASK_KINDS, type Task, type TaskKind } from './taskTypes.ts';

export function MyDayPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const day = useMyDay();
  const canPlan = hasPermission(me, 'customers:write');

  return (
    <Stack gap="lg" maw={1100} data-testid="my-day">
      <div>
        <Title order={1}>{t('tasks.myDay.title')}</Title>
        <Text c="dimmed" mt={4}>
          {day.data
            ? [
                formatDay(day.data.date, i18n.language, true),
                t('tasks.myDay.completedToday', { count: day.data.completedToday }),
              ].join(' · ')
            : null}
        </Text>
      </div>
      {canPlan && <QuickAdd />}
      {day.isPending ? (
        <Loading />
      ) : day.isError ? (
        <LoadError error={day.error} onRetry={() => void day.refetch()} />
      ) : (
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
          <Bucket testId="my-day-overdue" title={t('tasks.myDay.overdue')} count={day.data.overdue.count} tasks={day.data.overdue.data} color="red" empty={t('tasks.myDay.noneOverdue')} canComplete={canPlan} />
          <Bucket testId="my-day-today" title={t('tasks.myDay.today')} count={day.data.today.count} tasks={day.data.today.data} empty={t('tasks.myDay.noneToday')} canComplete={canPlan} showDay={false} />
          <Bucket
            testId="my-day-upcoming"
            title={t('tasks.myDay.upcoming')}
            count={day.data.upcoming.count}
            tasks={day.data.upcoming.data}
            empty={t('tasks.myDay.noneUpcoming')}
            canComplete={canPlan}
          />
        </SimpleGrid>
      )}
    </Stack>
  );
}

function Bucket(props: { testId: string; title: string; count: number; tasks: Task[]; empty: string; canComplete: boolean; color?: string; showDay?: boolean }) {
  const { t } = useTranslation();
  const more = props.count - props.tasks.length;
  return (
    <Paper withBorder p="md" data-testid={props.testId} style={props.color ? { borderColor: `var(--mantine-color-${props.color}-5)` } : undefined}>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" c={props.color}>
          {props.title}
        </Title>
        <Text size="sm" c={props.color ?? 'dimmed'} fw={600} data-testid={`${props.testId}-count`}>
          {props.count}
        </Text>
      </Group>
      <BucketBody empty={props.tasks.length === 0 ? props.empty : null}>
        {props.tasks.map((task) => (
          <TaskRow key={task.id} task={task} canComplete={props.canComplete} showDay={props.showDay ?? true} />
        ))}
        {more > 0 && (
          <Text size="xs" c="dimmed">
            {t('tasks.myDay.more', { count: more })}
          </Text>
        )}
      </BucketBody>
    </Paper>
  );
}

function BucketBody({ empty, children }: { empty: string | null; children: ReactNode }) {
  if (empty) {
    return (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    );
  }
  return <Stack gap="sm">{children}</Stack>;
}

/** One line to plan a task: what, which kind, which day; the full dialog for more. */
function QuickAdd() {
  const { t } = useTranslation();
  const me = useMe();
  const create = useCreateTask();
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<TaskKind>('todo');
  const [day, setDay] = useState(parisToday());
  const [more, { open, close }] = useDisclosure(false);

  function add() {
    const values = { ...newTaskForm(day, me.user.id, kind), title, allDay: true };
    create.mutate(taskRequest(values), {
      onSuccess: () => {
        notifySuccess(t('tasks.myDay.added', { title: title.trim() }));
        setTitle('');
      },
      onError: (error) => {
        if (!fieldError(error, 'title') && !fieldError(error, 'dueAt')) notifyError(error);
      },
    });
  }

  return (
    <Paper withBorder p="md">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          add();
        }}
      >
        <Group gap="sm" align="flex-start" wrap="wrap">
          <TextInput
            style={{ flex: 1, minWidth: 220 }}
            placeholder={t('tasks.myDay.quickAddPlaceholder')}
            aria-label={t('tasks.form.title')}
            value={title}
            onChange={(event) => setTitle(event.currentTarget.value)}
            maxLength={200}
            error={fieldError(create.error, 'title')}
            data-testid="quick-add-title"
          />
          <Select
            w={150}
            aria-label={t('tasks.form.kind')}
            data={TASK_KINDS.map((value) => ({ value, label: t(`tasks.kinds.${value}`) }))}
            value={kind}
            onChange={(value) => value && setKind(value as TaskKind)}
            allowDeselect={false}
            data-testid="quick-add-kind"
          />
          <TextInput
            type="date"
            w={160}
            aria-label={t('tasks.form.date')}
            value={day}
            onChange={(event) => setDay(event.currentTarget.value)}
            error={fieldError(create.error, 'dueAt')}
            data-testid="quick-add-date"
          />
          <Button type="submit" leftSection={<IconPlus size={16} aria-hidden />} loading={create.isPending} disabled={!title.trim() || !day} data-testid="quick-add-submit">
            {t('tasks.myDay.add')}
          </Button>
          <Button variant="subtle" leftSection={<IconAdjustments size={16} aria-hidden />} onClick={open}>
            {t('tasks.myDay.moreOptions')}
          </Button>
        </Group>
      </form>
      <TaskDialog opened={more} onClose={close} />
    </Paper>
  );
}
