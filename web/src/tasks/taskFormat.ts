/** Due days and times of planned work, worded in the interface language. They are Paris wall-clock readings. */
import { IconCalendarEvent, IconChecklist, IconMail, IconMapPin, IconPhone } from '@tabler/icons-react';
import type { TaskKind, TaskPriority } from './taskTypes.ts';

/** A Paris day (YYYY-MM-DD) as `Tue 10 Mar` or, with the year, `Tue 10 Mar 2026`. */
export function formatDay(day: string, locale: string, withYear = false): string {
  const options: Intl.DateTimeFormatOptions = { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' };
  if (withYear) options.year = 'numeric';
  return new Intl.DateTimeFormat(locale, options).format(new Date(`${day}T00:00:00Z`));
}

/** A month (any day of it) as `March 2026`. */
export function formatMonth(day: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(new Date(`${day}T00:00:00Z`));
}

/** Short weekday names from Monday, as `Mon`…`Sun`. */
export function weekdayNames(locale: string): string[] {
  const format = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', weekday: 'short' });
  return Array.from({ length: 7 }, (_, i) => format.format(new Date(Date.UTC(2026, 2, 2 + i))));
}

export const KIND_ICONS = {
  call: IconPhone,
  visit: IconMapPin,
  email: IconMail,
  todo: IconChecklist,
  appointment: IconCalendarEvent,
} satisfies Record<TaskKind, unknown>;

export const KIND_COLORS: Record<TaskKind, string> = {
  call: 'blue',
  visit: 'teal',
  email: 'indigo',
  todo: 'gray',
  appointment: 'violet',
};

export const PRIORITY_COLORS: Record<TaskPriority, string> = { low: 'gray', normal: 'blue', high: 'orange', urgent: 'red' };
