/**
 * Planning a task: kind, title, day and time (Paris) or all day, length, priority, assignee, a recurrence picked
 * from presets ("every month on the same day"…) or typed as an RRULE, how the series ends, and a reminder.
 */
import { Alert, Button, Checkbox, Group, Modal, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { fieldError, errorMessage } from '../app/formErrors.ts';
import { notifySuccess } from '../app/notify.ts';
import { useMe } from '../auth/authHooks.ts';
import { hasPermission } from '../auth/sessionModel.ts';
import { useOwners } from '../record/recordHooks.ts';
import { parisToday } from '../../../src/modules/tasks/paris-time.ts';
import { formatDay } from './taskFormat.ts';
import { useCreateTask } from './taskHooks.ts';
import {
  newTaskForm,
  presetRule,
  RECURRENCE_PRESETS,
  recurrenceProblem,
  REMINDER_CHOICES,
  SERIES_ENDS,
  taskRequest,
  weekdayPosition,
  type RecurrencePreset,
  type SeriesEnd,
  type TaskFormValues,
} from './taskModel.ts';
import { TASK_KINDS, TASK_PRIORITIES, type TaskKind, type TaskPriority } from './taskTypes.ts';

export interface TaskDialogProps {
  opened: boolean;
  onClose: () => void;
  /** The customer the task is about, when planned from their record. */
  partyId?: string | null;
  defaultKind?: TaskKind;
}

export function TaskDialog({ opened, onClose, partyId = null, defaultKind = 'call' }: TaskDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('tasks.form.addTitle')} size="lg" data-testid="task-dialog">
      {opened && <TaskForm partyId={partyId} defaultKind={defaultKind} onDone={onClose} />}
    </Modal>
  );
}

function presetLabel(t: TFunction, preset: RecurrencePreset, day: string, locale: string): string {
  const weekday = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', weekday: 'long' }).format(new Date(`${day}T00:00:00Z`));
  const position = weekdayPosition(day);
  switch (preset) {
    case 'weekly':
      return t('tasks.presets.weekly', { weekday });
    case 'biweekly':
      return t('tasks.presets.biweekly', { weekday });
    case 'monthlyDay':
      return t('tasks.presets.monthlyDay', { day: Number(day.slice(8, 10)) });
    case 'monthlyWeekday':
      return t('tasks.presets.monthlyWeekday', { nth: t(`tasks.nth.${position === -1 ? 'last' : position}`), weekday });
    case 'quarterly':
      return t('tasks.presets.quarterly', { day: Number(day.slice(8, 10)) });
    default:
      return t(`tasks.presets.${preset}`);
  }
}

function reminderLabel(t: TFunction, minutes: number | null): string {
  if (minutes === null) return t('tasks.reminders.none');
  if (minutes === 0) return t('tasks.reminders.atTime');
  if (minutes < 60) return t('tasks.reminders.minutes', { count: minutes });
  if (minutes < 1440) return t('tasks.reminders.hours', { count: minutes / 60 });
  return t('tasks.reminders.days', { count: minutes / 1440 });
}

function TaskForm({ partyId, defaultKind, onDone }: { partyId: string | null; defaultKind: TaskKind; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const owners = useOwners(hasPermission(me, 'users:read', 'users:manage'));
  const [values, setValues] = useState<TaskFormValues>(() => newTaskForm(parisToday(), me.user.id, defaultKind));
  const create = useCreateTask();
  const set = <K extends keyof TaskFormValues>(key: K, value: TaskFormValues[K]) => setValues((current) => ({ ...current, [key]: value }));
  const error = create.error;
  const recurrenceRule = fieldError(error, 'recurrence');
  const problem = recurrenceProblem(recurrenceRule);
  const recurrenceError = recurrenceRule && (problem ? t(`tasks.rules.${problem}`) : recurrenceRule);
  const fieldErrors = ['title', 'dueAt', 'assigneeId', 'durationMinutes', 'notes', 'partyId'].map((field) => fieldError(error, field));
  const [titleError, dueError, assigneeError, durationError, notesError, partyError] = fieldErrors;
  const unplaced = error && !recurrenceError && fieldErrors.every((e) => e === undefined);
  const withDuration = values.kind === 'appointment' || values.kind === 'visit';

  function submit() {
    create.mutate(taskRequest(values, partyId), {
      onSuccess: (task) => {
        notifySuccess(t('tasks.form.added', { title: task.title, date: formatDay(task.dueDate, i18n.language, true) }));
        onDone();
      },
    });
  }

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <Select
            label={t('tasks.form.kind')}
            data={TASK_KINDS.map((kind) => ({ value: kind, label: t(`tasks.kinds.${kind}`) }))}
            value={values.kind}
            onChange={(kind) => {
              if (!kind) return;
              set('kind', kind as TaskKind);
              if ((kind === 'appointment' || kind === 'visit') && values.durationMinutes === null) set('durationMinutes', 60);
            }}
            allowDeselect={false}
            data-testid="task-kind"
          />
          <Select
            label={t('tasks.form.priority')}
            data={TASK_PRIORITIES.map((priority) => ({ value: priority, label: t(`tasks.priorities.${priority}`) }))}
            value={values.priority}
            onChange={(priority) => priority && set('priority', priority as TaskPriority)}
            allowDeselect={false}
            data-testid="task-priority"
          />
        </SimpleGrid>
        <TextInput
          label={t('tasks.form.title')}
          value={values.title}
          onChange={(event) => set('title', event.currentTarget.value)}
          maxLength={200}
          required
          error={titleError}
          data-autofocus
          data-testid="task-title-input"
        />
        <Group gap="sm" align="flex-end" wrap="wrap">
          <TextInput
            type="date"
            label={t('tasks.form.date')}
            value={values.dueDate}
            onChange={(event) => set('dueDate', event.currentTarget.value)}
            required
            error={dueError}
            data-testid="task-date"
          />
          {!values.allDay && (
            <TextInput type="time" label={t('tasks.form.time')} value={values.dueTime} onChange={(event) => set('dueTime', event.currentTarget.value)} data-testid="task-time" />
          )}
          {withDuration && !values.allDay && (
            <NumberInput
              label={t('tasks.form.duration')}
              value={values.durationMinutes ?? ''}
              onChange={(value) => set('durationMinutes', typeof value === 'number' ? value : null)}
              min={1}
              max={1440}
              step={15}
              w={130}
              error={durationError}
            />
          )}
          <Checkbox label={t('tasks.form.allDay')} checked={values.allDay} onChange={(event) => set('allDay', event.currentTarget.checked)} mb={8} />
        </Group>
        {owners.data && owners.data.length > 0 && (
          <Select
            label={t('tasks.form.assignee')}
            data={owners.data.map((user) => ({ value: user.id, label: user.name }))}
            value={values.assigneeId}
            onChange={(id) => id && set('assigneeId', id)}
            searchable
            allowDeselect={false}
            error={assigneeError}
            data-testid="task-assignee"
          />
        )}
        <Select
          label={t('tasks.form.recurrence')}
          data={RECURRENCE_PRESETS.map((preset) => ({ value: preset, label: presetLabel(t, preset, values.dueDate, i18n.language) }))}
          value={values.preset}
          onChange={(preset) => {
            if (!preset) return;
            set('preset', preset as RecurrencePreset);
            if (preset === 'custom' && !values.customRule) set('customRule', presetRule('monthlyDay', values.dueDate) ?? '');
          }}
          allowDeselect={false}
          error={values.preset !== 'custom' ? recurrenceError : undefined}
          data-testid="task-recurrence"
        />
        {values.preset === 'custom' && (
          <TextInput
            label={t('tasks.form.customRule')}
            description={t('tasks.form.customHelp')}
            value={values.customRule}
            onChange={(event) => set('customRule', event.currentTarget.value)}
            ff="monospace"
            error={recurrenceError}
            data-testid="task-rule"
          />
        )}
        {values.preset !== 'none' && values.preset !== 'custom' && (
          <Group gap="sm" align="flex-end" wrap="wrap">
            <SegmentedControl
              size="xs"
              data={SERIES_ENDS.map((end) => ({ value: end, label: t(`tasks.form.ends.${end}`) }))}
              value={values.ends}
              onChange={(end) => set('ends', end as SeriesEnd)}
              aria-label={t('tasks.form.endsLabel')}
            />
            {values.ends === 'count' && (
              <NumberInput
                size="xs"
                w={110}
                aria-label={t('tasks.form.count')}
                suffix={` ${t('tasks.form.times')}`}
                value={values.count}
                onChange={(value) => typeof value === 'number' && set('count', value)}
                min={1}
                max={1000}
              />
            )}
            {values.ends === 'until' && (
              <TextInput size="xs" type="date" aria-label={t('tasks.form.until')} value={values.until} onChange={(event) => set('until', event.currentTarget.value)} />
            )}
          </Group>
        )}
        <Select
          label={t('tasks.form.reminder')}
          data={REMINDER_CHOICES.map((minutes) => ({ value: String(minutes), label: reminderLabel(t, minutes) }))}
          value={String(values.remindBeforeMinutes)}
          onChange={(value) => set('remindBeforeMinutes', value === null || value === 'null' ? null : Number(value))}
          allowDeselect={false}
          data-testid="task-reminder"
        />
        <Textarea label={t('tasks.form.notes')} value={values.notes} onChange={(event) => set('notes', event.currentTarget.value)} autosize minRows={2} maxRows={6} error={notesError} />
        {(unplaced || partyError) && (
          <Alert color="red" role="alert">
            {partyError ?? errorMessage(error)}
          </Alert>
        )}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending} disabled={!values.title.trim() || !values.dueDate} data-testid="task-submit">
            {t('tasks.form.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

