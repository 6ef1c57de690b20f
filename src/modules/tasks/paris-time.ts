/**
 * Planned work lives on French wall-clock time: a visit "every month at 09:00" stays at 09:00 across daylight
 * saving changes, and "today" or "overdue" are French calendar days whatever the server's time zone.
 *
 * The recurrence engine works on floating dates (see `paris-clock.ts`). Pure (Intl only), so the web app may import
 * it too.
 */
import { floatingFromInstant, instantFromFloating } from '../../shared/time/paris-clock.ts';

const DAY_MS = 86_400_000;

/** The Paris calendar day (YYYY-MM-DD) of an instant. */
export function parisDay(instant: Date): string {
  return floatingFromInstant(instant).toISOString().slice(0, 10);
}

/** `2026-03-02T09:30` (minutes, Paris) for an instant. */
export function parisWallClock(instant: Date): string {
  return floatingFromInstant(instant).toISOString().slice(0, 16);
}

/** The instant a Paris day (YYYY-MM-DD) starts. */
export function parisDayStart(day: string): Date {
  return instantFromFloating(new Date(`${day}T00:00:00Z`));
}

/** `2026-03-31` + 1 → `2026-04-01`. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Today in Paris. */
export function parisToday(now: Date = new Date()): string {
  return parisDay(now);
}

/** True for a real calendar date written YYYY-MM-DD (no 30 February). */
export function isCalendarDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?$/;
const OFFSET_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/i;

/** What a date-or-time text given for planned work means. */
export type PlannedTime = { kind: 'day'; day: string } | { kind: 'instant'; instant: Date };

/**
 * Reads `2026-03-02` (a day), `2026-03-02T09:30` (Paris wall-clock time) or `2026-03-02T08:30:00Z` /
 * `…+01:00` (an instant); null for anything else.
 */
export function readPlannedTime(text: string): PlannedTime | null {
  const trimmed = text.trim();
  if (isCalendarDay(trimmed)) return { kind: 'day', day: trimmed };
  const local = LOCAL_DATE_TIME.exec(trimmed);
  if (local) {
    const [, day, hour, minute, second] = local as unknown as [string, string, string, string, string | undefined];
    if (!isCalendarDay(day) || Number(hour) > 23 || Number(minute) > 59 || Number(second ?? 0) > 59) return null;
    return { kind: 'instant', instant: instantFromFloating(new Date(`${day}T${hour}:${minute}:${second ?? '00'}Z`)) };
  }
  if (OFFSET_DATE_TIME.test(trimmed) && isCalendarDay(trimmed.slice(0, 10))) {
    const instant = new Date(trimmed);
    if (!Number.isNaN(instant.getTime())) return { kind: 'instant', instant };
  }
  return null;
}
