/**
 * Dates of a recurring series, computed by `rrule` on Paris wall-clock time (see paris-clock.ts), so that a visit
 * at 09:00 stays at 09:00 in winter and in summer.
 *
 * rrule walks period by period (day, week, month, year) until it finds a date, up to the year 9999; a rule whose
 * periods are all empty (the 31st of every twelfth month from February) would make it walk for seconds. The
 * Gregorian calendar repeats exactly every 400 years, weekdays included, so every computation is shifted by whole
 * 400-year cycles to start within a few centuries of 9999: the answers are the same, and the walk is bounded.
 */
import rrulePackage, { type Options, type Weekday as RRuleWeekday } from 'rrule';
import { floatingFromInstant, instantFromFloating } from '../../shared/time/paris-clock.ts';
import type { RecurrenceRule, Weekday } from './recurrence-rule.ts';

const { RRule } = rrulePackage;

const RRULE_WEEKDAYS: Record<Weekday, RRuleWeekday> = {
  MO: RRule.MO,
  TU: RRule.TU,
  WE: RRule.WE,
  TH: RRule.TH,
  FR: RRule.FR,
  SA: RRule.SA,
  SU: RRule.SU,
};
const RRULE_FREQUENCIES = { YEARLY: RRule.YEARLY, MONTHLY: RRule.MONTHLY, WEEKLY: RRule.WEEKLY, DAILY: RRule.DAILY } as const;

/** The computations run between these years (shifted), so rrule never walks more than ~500 years. */
const LATEST_START_YEAR = 9899;
const CYCLE_YEARS = 400;

function shiftYears(date: Date, years: number): Date {
  const shifted = new Date(date.getTime());
  shifted.setUTCFullYear(date.getUTCFullYear() + years);
  return shifted;
}

/** The number of whole 400-year cycles that brings `year` just below LATEST_START_YEAR. */
function shiftFor(year: number): number {
  return CYCLE_YEARS * Math.floor((LATEST_START_YEAR - year) / CYCLE_YEARS);
}

/** UNTIL as a floating date: a day counts whole; a date-time ending in Z is an instant, other date-times Paris time. */
function untilFloating(until: string): Date {
  const [, y, mo, d, h, mi, s, z] = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$/.exec(until) as unknown as string[];
  if (h === undefined) return new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), 23, 59, 59));
  const wall = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)));
  return z ? floatingFromInstant(wall) : wall;
}

function toSeconds(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}

/** An rrule over floating dates, started at `start` and shifted by `shift` years. COUNT is left to the caller. */
function engine(rule: RecurrenceRule, start: Date, shift: number) {
  const options: Partial<Options> = {
    freq: RRULE_FREQUENCIES[rule.freq],
    interval: rule.interval,
    dtstart: shiftYears(start, shift),
    wkst: RRule.MO,
  };
  if (rule.byDay.length > 0) options.byweekday = rule.byDay.map((d) => (d.position === null ? RRULE_WEEKDAYS[d.weekday] : RRULE_WEEKDAYS[d.weekday].nth(d.position)));
  if (rule.byMonthDay.length > 0) options.bymonthday = rule.byMonthDay;
  if (rule.byMonth.length > 0) options.bymonth = rule.byMonth;
  if (rule.bySetPos.length > 0) options.bysetpos = rule.bySetPos;
  if (rule.until) options.until = shiftYears(untilFloating(rule.until), shift);
  return new RRule(options);
}

/**
 * The first date of the series strictly after `due`, the series being anchored on `due` (which sets the time of
 * day, and the day when the rule names none). Null when UNTIL has passed. COUNT is not looked at: the caller
 * knows how many occurrences the series already has.
 */
export function nextOccurrence(rule: RecurrenceRule, due: Date): Date | null {
  const start = toSeconds(floatingFromInstant(due));
  const shift = shiftFor(start.getUTCFullYear());
  if (shift < 0) return null;
  const next = engine(rule, start, shift).after(shiftYears(start, shift), false);
  return next ? instantFromFloating(shiftYears(next, -shift)) : null;
}

/**
 * The dates of the series anchored on `due` that fall in [from, to), strictly after `due`, at most `limit` of
 * them. Used to show future occurrences that are not stored yet.
 */
export function occurrencesBetween(rule: RecurrenceRule, due: Date, from: Date, to: Date, limit: number): Date[] {
  if (limit <= 0 || to <= from) return [];
  const start = toSeconds(floatingFromInstant(due));
  const end = floatingFromInstant(to);
  const shift = shiftFor(Math.max(start.getUTCFullYear(), end.getUTCFullYear()));
  if (shift < 0) return [];
  const lower = floatingFromInstant(from > due ? from : due);
  const found: Date[] = [];
  engine(rule, start, shift).between(shiftYears(lower, shift), shiftYears(end, shift), true, (date) => {
    const instant = instantFromFloating(shiftYears(date, -shift));
    if (instant > due && instant >= from && instant < to) found.push(instant);
    return found.length < limit;
  });
  return found;
}

/** True when the rule, anchored on `due`, gives at least one later date (ignoring COUNT and UNTIL). */
export function keepsGoing(rule: RecurrenceRule, due: Date): boolean {
  return nextOccurrence({ ...rule, count: null, until: null }, due) !== null;
}
