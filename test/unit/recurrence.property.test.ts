/**
 * Properties of recurrence rules. Whatever text a client sends, the parser answers without throwing, with a
 * canonical rule that reads back the same or a stable refusal. For any rule of the subset and any due time, the
 * next occurrence is strictly later, fits the rule (weekday, day of month, month, time of day in Paris), and is
 * the first of the projected ones.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatRecurrence, parseRecurrence, RECURRENCE_RULES, WEEKDAYS, type RecurrenceRule, type Weekday } from '../../src/modules/tasks/recurrence-rule.ts';
import { nextOccurrence, occurrencesBetween } from '../../src/modules/tasks/recurrence.ts';
import { floatingFromInstant, instantFromFloating } from '../../src/shared/time/paris-clock.ts';

const ruleishText = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc
    .array(
      fc.tuple(
        fc.constantFrom('FREQ', 'INTERVAL', 'BYDAY', 'BYMONTHDAY', 'BYMONTH', 'BYSETPOS', 'COUNT', 'UNTIL', 'BYHOUR', 'freq', ''),
        fc.oneof(
          fc.constantFrom('DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY', 'HOURLY', 'MO,TU', '1MO', '-1FR', '6MO', '-1', '15,31', '0', '2', '1000', '20261231', '20261231T170000Z', '20260230', ''),
          fc.string({ maxLength: 8 }),
        ),
      ),
      { maxLength: 5 },
    )
    .map((parts) => parts.map(([name, value]) => `${name}=${value}`).join(';')),
);

test('any text is either read into a canonical rule that reads back the same, or refused with a known rule', () => {
  const refusals = new Set<string>(Object.values(RECURRENCE_RULES));
  fc.assert(
    fc.property(ruleishText, (text) => {
      const parsed = parseRecurrence(text);
      if (!parsed.ok) {
        assert.ok(refusals.has(parsed.rule), parsed.rule);
        return;
      }
      const again = parseRecurrence(parsed.text);
      assert.ok(again.ok);
      assert.equal(again.text, parsed.text);
      assert.deepEqual(again.rule, parsed.rule);
    }),
    { numRuns: 2000 },
  );
});

const weekday = fc.constantFrom(...WEEKDAYS);

/** Rules of the subset, built from their parts (COUNT and UNTIL left out: they only end series). */
const ruleArbitrary: fc.Arbitrary<RecurrenceRule> = fc.oneof(
  fc.record({ interval: fc.integer({ min: 1, max: 30 }) }).map(({ interval }) => base('DAILY', { interval })),
  fc.uniqueArray(weekday, { minLength: 1, maxLength: 7 }).map((days) => base('DAILY', { byDay: days.map((d) => ({ weekday: d, position: null })) })),
  fc
    .record({ interval: fc.integer({ min: 1, max: 10 }), days: fc.uniqueArray(weekday, { maxLength: 7 }) })
    .map(({ interval, days }) => base('WEEKLY', { interval, byDay: days.map((d) => ({ weekday: d, position: null })) })),
  fc
    .record({ interval: fc.integer({ min: 1, max: 6 }), days: fc.uniqueArray(fc.oneof(fc.integer({ min: 1, max: 28 }), fc.integer({ min: -28, max: -1 })), { minLength: 1, maxLength: 3 }) })
    .map(({ interval, days }) => base('MONTHLY', { interval, byMonthDay: days.sort((a, b) => a - b) })),
  fc
    .record({ weekday, position: fc.constantFrom(1, 2, 3, 4, -1, -2) })
    .map(({ weekday: w, position }) => base('MONTHLY', { byDay: [{ weekday: w, position }] })),
  fc
    .record({ setpos: fc.constantFrom(1, 2, -1) })
    .map(({ setpos }) => base('MONTHLY', { byDay: (['MO', 'TU', 'WE', 'TH', 'FR'] as Weekday[]).map((d) => ({ weekday: d, position: null })), bySetPos: [setpos] })),
  fc.constant(base('MONTHLY', {})),
  fc
    .record({ months: fc.uniqueArray(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 3 }), day: fc.integer({ min: 1, max: 28 }) })
    .map(({ months, day }) => base('YEARLY', { byMonth: months.sort((a, b) => a - b), byMonthDay: [day] })),
  fc.constant(base('YEARLY', {})),
);

function base(freq: RecurrenceRule['freq'], parts: Partial<RecurrenceRule>): RecurrenceRule {
  return { freq, interval: 1, byDay: [], byMonthDay: [], byMonth: [], bySetPos: [], count: null, until: null, ...parts };
}

/** Due times between 2000 and 2090, on a quarter hour between 06:00 and 21:45 Paris (clear of the DST hour). */
const dueArbitrary = fc
  .record({ day: fc.integer({ min: 0, max: 90 * 365 }), quarter: fc.integer({ min: 24, max: 87 }) })
  .map(({ day, quarter }) => instantFromFloating(new Date(Date.UTC(2000, 0, 1) + day * 86_400_000 + quarter * 15 * 60_000)));

const WEEKDAY_OF_UTC_DAY: Weekday[] = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

function daysInMonth(date: Date): number {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
}

test('the next occurrence is strictly later, fits the rule, keeps the Paris time of day, and leads the projections', () => {
  fc.assert(
    fc.property(ruleArbitrary, dueArbitrary, (rule, due) => {
      const text = formatRecurrence(rule);
      const reread = parseRecurrence(text);
      assert.ok(reread.ok, `${text}: ${reread.ok ? '' : reread.rule}`);
      const next = nextOccurrence(rule, due);
      assert.ok(next, `${text} from ${due.toISOString()} gives a next date`);
      assert.ok(next > due, `${text}: ${next.toISOString()} is after ${due.toISOString()}`);

      const wall = floatingFromInstant(next);
      const dueWall = floatingFromInstant(due);
      assert.equal(wall.toISOString().slice(11, 16), dueWall.toISOString().slice(11, 16), `${text}: time of day kept`);
      if (rule.byDay.length > 0) assert.ok(rule.byDay.some((d) => d.weekday === WEEKDAY_OF_UTC_DAY[wall.getUTCDay()]), `${text}: weekday`);
      if (rule.byMonthDay.length > 0) {
        const day = wall.getUTCDate();
        assert.ok(rule.byMonthDay.some((d) => (d > 0 ? d === day : daysInMonth(wall) + d + 1 === day)), `${text}: day of month`);
      }
      if (rule.byMonth.length > 0) assert.ok(rule.byMonth.includes(wall.getUTCMonth() + 1), `${text}: month`);
      if (rule.freq === 'MONTHLY' && rule.byDay.length === 0 && rule.byMonthDay.length === 0) assert.equal(wall.getUTCDate(), dueWall.getUTCDate());
      if (rule.freq === 'WEEKLY' && rule.byDay.length === 0) {
        const days = Math.round((wall.getTime() - dueWall.getTime()) / 86_400_000);
        assert.equal(days, 7 * rule.interval, `${text}: every ${rule.interval} week(s)`);
      }
      if (rule.freq === 'DAILY' && rule.byDay.length === 0) {
        assert.equal(Math.round((wall.getTime() - dueWall.getTime()) / 86_400_000), rule.interval, `${text}: every ${rule.interval} day(s)`);
      }

      const projected = occurrencesBetween(rule, due, due, new Date(next.getTime() + 1), 5);
      assert.deepEqual(projected.map((d) => d.toISOString()), [next.toISOString()], `${text}: nothing in between`);
    }),
    { numRuns: 400 },
  );
});
