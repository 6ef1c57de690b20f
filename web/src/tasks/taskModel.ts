/**
 * Pure logic of the planning screens: the task form (recurrence presets such as "every month on the same day",
 * how a series ends, reminders) and what it sends, and the day arithmetic of the agenda (weeks start on Monday;
 * days are Paris days, as the API counts them).
 */
import { parseRecurrence, RECURRENCE_RULES, type RecurrenceProblem, type Weekday } from '../../../src/modules/tasks/recurrence-rule.ts';
import { addDays } from '../../../src/modules/tasks/paris-time.ts';
import type { TaskKind, TaskPriority } from '../../../src/modules/tasks/task-reference.ts';
import type { Task } from './taskTypes.ts';

export { addDays };

export const RECURRENCE_PRESETS = [
  'none',
  'daily',
  'weekdays',
  'weekly',
  'biweekly',
  'monthlyDay',
  'monthlyWeekday',
  'monthlyLastDay',
  'quarterly',
  'yearly',
  'custom',
] as const;
export type RecurrencePreset = (typeof RECURRENCE_PRESETS)[number];

export const SERIES_ENDS = ['never', 'count', 'until'] as const;
export type SeriesEnd = (typeof SERIES_ENDS)[number];

/** Reminder choices, in minutes before the due time (null: no reminder). */
export const REMINDER_CHOICES = [null, 0, 15, 30, 60, 120, 1440, 2880] as const;

const WEEKDAY_OF_UTC_DAY: Weekday[] = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

/** The weekday of a day (YYYY-MM-DD). */
export function weekdayOf(day: string): Weekday {
  return WEEKDAY_OF_UTC_DAY[new Date(`${day}T00:00:00Z`).getUTCDay()]!;
}

/** Which one of its weekday in its month a day is: 1 to 4, or -1 for a fifth (the last). */
export function weekdayPosition(day: string): 1 | 2 | 3 | 4 | -1 {
  const n = Math.ceil(Number(day.slice(8, 10)) / 7);
  return n >= 5 ? -1 : (n as 1 | 2 | 3 | 4);
}

/** The rule of a preset for a series starting on `day`; null for none (and for custom, which is typed). */
export function presetRule(preset: RecurrencePreset, day: string): string | null {
  const weekday = weekdayOf(day);
  const dayOfMonth = Number(day.slice(8, 10));
  switch (preset) {
    case 'daily':
      return 'FREQ=DAILY';
    case 'weekdays':
      return 'FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR';
    case 'weekly':
      return `FREQ=WEEKLY;BYDAY=${weekday}`;
    case 'biweekly':
      return `FREQ=WEEKLY;INTERVAL=2;BYDAY=${weekday}`;
    case 'monthlyDay':
      return `FREQ=MONTHLY;BYMONTHDAY=${dayOfMonth}`;
    case 'monthlyWeekday':
      return `FREQ=MONTHLY;BYDAY=${weekdayPosition(day)}${weekday}`;
    case 'monthlyLastDay':
      return 'FREQ=MONTHLY;BYMONTHDAY=-1';
    case 'quarterly':
      return `FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=${dayOfMonth}`;
    case 'yearly':
      return 'FREQ=YEARLY';
    case 'none':
    case 'custom':
      return null;
  }
}

/** The preset a stored rule corresponds to for a series on `day` (its end aside), or custom. */
export function presetOf(rule: string | null, day: string): { preset: RecurrencePreset; ends: SeriesEnd; count: number | null; until: string | null } {
  if (!rule) return { preset: 'none', ends: 'never', count: null, until: null };
  const parsed = parseRecurrence(rule);
  if (!parsed.ok) return { preset: 'custom', ends: 'never', count: null, until: null };
  const { count, until } = parsed.rule;
  const untilDay = until && /^\d{8}$/.test(until) ? `${until.slice(0, 4)}-${until.slice(4, 6)}-${until.slice(6, 8)}` : null;
  const ends: SeriesEnd = count !== null ? 'count' : untilDay ? 'until' : 'never';
  const core = parseRecurrence(
    parsed.text
      .split(';')
      .filter((part) => !part.startsWith('COUNT=') && !part.startsWith('UNTIL='))
      .join(';'),
  );
  const preset = core.ok && (until === null || untilDay) ? RECURRENCE_PRESETS.find((p) => presetRule(p, day) === core.text) : undefined;
  return preset ? { preset, ends, count, until: untilDay } : { preset: 'custom', ends: 'never', count: null, until: null };
}

export interface TaskFormValues {
  kind: TaskKind;
  title: string;
  notes: string;
  /** YYYY-MM-DD, a Paris day. */
  dueDate: string;
  /** HH:MM, Paris time; ignored for all-day tasks. */
  dueTime: string;
  allDay: boolean;
  durationMinutes: number | null;
  priority: TaskPriority;
  assigneeId: string | null;
  preset: RecurrencePreset;
  customRule: string;
  ends: SeriesEnd;
  count: number;
  /** YYYY-MM-DD, last day of the series (included). */
  until: string;
  remindBeforeMinutes: number | null;
}

export function newTaskForm(today: string, assigneeId: string | null, kind: TaskKind = 'call'): TaskFormValues {
  return {
    kind,
    title: '',
    notes: '',
    dueDate: today,
    dueTime: '09:00',
    allDay: false,
    durationMinutes: kind === 'appointment' || kind === 'visit' ? 60 : null,
    priority: 'normal',
    assigneeId,
    preset: 'none',
    customRule: '',
    ends: 'never',
    count: 12,
    until: '',
    remindBeforeMinutes: null,
  };
}

/** The rule the form describes: a preset with its end, or the typed custom rule; null for none. */
export function recurrenceText(values: TaskFormValues): string | null {
  if (values.preset === 'custom') return values.customRule.trim() || null;
  const rule = presetRule(values.preset, values.dueDate);
  if (!rule) return null;
  if (values.ends === 'count') return `${rule};COUNT=${values.count}`;
  if (values.ends === 'until' && values.until) return `${rule};UNTIL=${values.until.replaceAll('-', '')}`;
  return rule;
}

export interface TaskRequest {
  kind: TaskKind;
  title: string;
  notes?: string | null;
  partyId?: string | null;
  assigneeId?: string;
  dueAt: string;
  allDay: boolean;
  durationMinutes?: number | null;
  priority: TaskPriority;
  recurrence?: string | null;
  remindBeforeMinutes?: number | null;
}

/** The body of POST /api/tasks: the due time as Paris wall-clock time (or a day), which the API reads as such. */
export function taskRequest(values: TaskFormValues, partyId?: string | null): TaskRequest {
  const request: TaskRequest = {
    kind: values.kind,
    title: values.title.trim(),
    dueAt: values.allDay ? values.dueDate : `${values.dueDate}T${values.dueTime || '09:00'}`,
    allDay: values.allDay,
    priority: values.priority,
  };
  if (values.notes.trim()) request.notes = values.notes.trim();
  if (partyId) request.partyId = partyId;
  if (values.assigneeId) request.assigneeId = values.assigneeId;
  if (values.durationMinutes && !values.allDay) request.durationMinutes = values.durationMinutes;
  const recurrence = recurrenceText(values);
  if (recurrence) request.recurrence = recurrence;
  if (values.remindBeforeMinutes !== null) request.remindBeforeMinutes = values.remindBeforeMinutes;
  return request;
}

/** The code of a refused recurrence rule, to word it in the interface language; null for an unknown wording. */
export function recurrenceProblem(rule: string | undefined): RecurrenceProblem | null {
  if (!rule) return null;
  return (Object.entries(RECURRENCE_RULES).find(([, text]) => text === rule)?.[0] as RecurrenceProblem | undefined) ?? null;
}

export type AgendaView = 'week' | 'month';

/** The Monday of the week of `day`. */
export function mondayOf(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}

/** The days an agenda view shows around `anchor`: its week, or the whole weeks covering its month. */
export function agendaDays(view: AgendaView, anchor: string): string[] {
  if (view === 'week') {
    const monday = mondayOf(anchor);
    return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
  }
  const first = `${anchor.slice(0, 7)}-01`;
  const last = addDays(`${nextMonth(anchor).slice(0, 7)}-01`, -1);
  const start = mondayOf(first);
  const days: string[] = [];
  for (let day = start; day <= last || days.length % 7 !== 0; day = addDays(day, 1)) days.push(day);
  return days;
}

function nextMonth(day: string): string {
  const [year, month] = day.split('-').map(Number) as [number, number];
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
}

function previousMonth(day: string): string {
  const [year, month] = day.split('-').map(Number) as [number, number];
  return month === 1 ? `${year - 1}-12-01` : `${year}-${String(month - 1).padStart(2, '0')}-01`;
}

/** The anchor one week or month before (step -1) or after (step 1). */
export function shiftAnchor(view: AgendaView, anchor: string, step: -1 | 1): string {
  if (view === 'week') return addDays(anchor, 7 * step);
  return step === 1 ? nextMonth(anchor) : previousMonth(anchor);
}

/** Tasks grouped by their Paris due day, each day's in due-time order. */
export function tasksByDay(tasks: readonly Task[]): Map<string, Task[]> {
  const days = new Map<string, Task[]>();
  for (const task of [...tasks].sort((a, b) => a.dueAt.localeCompare(b.dueAt))) {
    const list = days.get(task.dueDate) ?? [];
    list.push(task);
    days.set(task.dueDate, list);
  }
  return days;
}

/** `2026-03-02T09:30` → `09:30`; all-day tasks have no time. */
export function dueTimeLabel(task: Pick<Task, 'allDay' | 'dueLocal'>): string | null {
  return task.allDay ? null : task.dueLocal.slice(11, 16);
}
