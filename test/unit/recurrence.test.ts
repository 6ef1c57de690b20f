/**
 * Recurrence rules with known answers: what the parser accepts and refuses (with which rule), and the dates
 * series give on Paris wall-clock time — month ends, leap years, positions, daylight saving, UNTIL, projections.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatRecurrence, parseRecurrence, type RecurrenceRule } from '../../src/modules/tasks/recurrence-rule.ts';
import { keepsGoing, nextOccurrence, occurrencesBetween } from '../../src/modules/tasks/recurrence.ts';
import { parisDay, parisWallClock, readPlannedTime } from '../../src/modules/tasks/paris-time.ts';
import { instantFromFloating } from '../../src/shared/time/paris-clock.ts';

function rule(text: string): RecurrenceRule {
  const parsed = parseRecurrence(text);
  assert.ok(parsed.ok, `${text}: ${parsed.ok ? '' : parsed.rule}`);
  return parsed.rule;
}

/** A Paris wall-clock time as an instant. */
function paris(text: string): Date {
  const planned = readPlannedTime(text);
  assert.ok(planned && planned.kind === 'instant', text);
  return planned.instant;
}

function next(text: string, due: string): string | null {
  const found = nextOccurrence(rule(text), paris(due));
  return found ? parisWallClock(found) : null;
}

test('the parser reads the RRULE subset in any case and writes it back canonically', () => {
  const cases: [string, string][] = [
    ['RRULE:freq=monthly;bymonthday=-1', 'FREQ=MONTHLY;BYMONTHDAY=-1'],
    [' FREQ=WEEKLY ; INTERVAL=2 ; BYDAY=TU,MO,TU ', 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,MO'],
    ['FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1', 'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1'],
    ['FREQ=YEARLY;BYMONTH=3,1;BYDAY=2MO;COUNT=5', 'FREQ=YEARLY;BYMONTH=1,3;BYDAY=2MO;COUNT=5'],
    ['FREQ=DAILY;INTERVAL=1;UNTIL=20261231T170000Z', 'FREQ=DAILY;UNTIL=20261231T170000Z'],
  ];
  for (const [input, canonical] of cases) {
    const parsed = parseRecurrence(input);
    assert.ok(parsed.ok, input);
    assert.equal(parsed.text, canonical);
    assert.equal(formatRecurrence(parsed.rule), canonical);
  }
});

test('the parser refuses what is not in the subset, saying which rule it breaks', () => {
  const cases: [string, string][] = [
    ['', 'empty'],
    ['MONTHLY', 'syntax'],
    ['FREQ=', 'syntax'],
    ['FREQ=MONTHLY;BYHOUR=9', 'unknown-part'],
    ['FREQ=MONTHLY;FREQ=WEEKLY', 'repeated-part'],
    ['INTERVAL=2', 'freq'],
    ['FREQ=HOURLY', 'freq'],
    ['FREQ=DAILY;INTERVAL=0', 'interval'],
    ['FREQ=DAILY;INTERVAL=100', 'interval'],
    ['FREQ=WEEKLY;BYDAY=MON', 'byday'],
    ['FREQ=MONTHLY;BYDAY=0MO', 'byday'],
    ['FREQ=MONTHLY;BYDAY=6MO', 'byday-position'],
    ['FREQ=WEEKLY;BYDAY=1MO', 'byday-position'],
    ['FREQ=YEARLY;BYDAY=54MO', 'byday-position'],
    ['FREQ=YEARLY;BYMONTH=3;BYDAY=6MO', 'byday-position'],
    ['FREQ=DAILY;INTERVAL=2;BYDAY=MO', 'daily-byday'],
    ['FREQ=MONTHLY;BYMONTHDAY=0', 'bymonthday'],
    ['FREQ=MONTHLY;BYMONTHDAY=-32', 'bymonthday'],
    ['FREQ=WEEKLY;BYMONTHDAY=3', 'bymonthday-freq'],
    ['FREQ=MONTHLY;BYMONTH=3', 'bymonth'],
    ['FREQ=YEARLY;BYMONTH=13', 'bymonth'],
    ['FREQ=MONTHLY;BYSETPOS=1', 'bysetpos'],
    ['FREQ=WEEKLY;BYDAY=MO;BYSETPOS=1', 'bysetpos'],
    ['FREQ=DAILY;COUNT=0', 'count'],
    ['FREQ=DAILY;COUNT=1001', 'count'],
    ['FREQ=DAILY;UNTIL=2026-12-31', 'until'],
    ['FREQ=DAILY;UNTIL=20260230', 'until'],
    ['FREQ=DAILY;COUNT=2;UNTIL=20261231', 'count-and-until'],
    [`FREQ=DAILY;${'INTERVAL=1;'.repeat(20)}`, 'too-long'],
  ];
  for (const [input, code] of cases) {
    const parsed = parseRecurrence(input);
    assert.equal(parsed.ok ? 'accepted' : parsed.code, code, input);
  }
});

test('month ends, leap years and missing days', () => {
  assert.equal(next('FREQ=MONTHLY;BYMONTHDAY=-1', '2026-01-31T09:00'), '2026-02-28T09:00');
  assert.equal(next('FREQ=MONTHLY;BYMONTHDAY=-1', '2028-01-31T09:00'), '2028-02-29T09:00');
  assert.equal(next('FREQ=MONTHLY;BYMONTHDAY=-1', '2026-02-28T09:00'), '2026-03-31T09:00');
  // Without a day, the series keeps the day of the due date and skips the months that lack it (RFC 5545).
  assert.equal(next('FREQ=MONTHLY', '2026-01-31T09:00'), '2026-03-31T09:00');
  assert.equal(next('FREQ=YEARLY', '2028-02-29T10:00'), '2032-02-29T10:00');
  assert.equal(next('FREQ=MONTHLY;BYMONTHDAY=15', '2026-01-20T09:00'), '2026-02-15T09:00');
});

test('positions, weekdays, intervals and the last working day', () => {
  assert.equal(next('FREQ=MONTHLY;BYDAY=1MO', '2026-06-01T10:00'), '2026-07-06T10:00');
  assert.equal(next('FREQ=MONTHLY;BYDAY=-1FR', '2026-06-26T16:00'), '2026-07-31T16:00');
  assert.equal(next('FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1', '2026-04-30T17:00'), '2026-05-29T17:00');
  assert.equal(next('FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH', '2026-05-05T08:00'), '2026-05-07T08:00');
  assert.equal(next('FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH', '2026-05-07T08:00'), '2026-05-19T08:00');
  assert.equal(next('FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR', '2026-05-08T08:00'), '2026-05-11T08:00');
  assert.equal(next('FREQ=DAILY;INTERVAL=3', '2026-05-30T08:00'), '2026-06-02T08:00');
  assert.equal(next('FREQ=YEARLY;BYMONTH=11;BYDAY=4TH', '2026-11-26T12:00'), '2027-11-25T12:00');
});

test('the time of day stays the same in Paris across daylight saving changes', () => {
  const march = nextOccurrence(rule('FREQ=WEEKLY'), paris('2026-03-26T09:00'))!;
  assert.equal(march.toISOString(), '2026-04-02T07:00:00.000Z');
  const october = nextOccurrence(rule('FREQ=DAILY'), paris('2026-10-24T09:00'))!;
  assert.equal(october.toISOString(), '2026-10-25T08:00:00.000Z');
  // 02:30 does not exist on the last Sunday of March: it becomes 03:30.
  assert.equal(parisWallClock(nextOccurrence(rule('FREQ=DAILY'), paris('2026-03-28T02:30'))!), '2026-03-29T03:30');
  assert.equal(instantFromFloating(new Date('2026-03-29T02:30:00Z')).toISOString(), '2026-03-29T01:30:00.000Z');
});

test('UNTIL ends a series: a day is included whole, a date-time ending in Z is an instant', () => {
  assert.equal(next('FREQ=DAILY;UNTIL=20260502', '2026-05-01T18:00'), '2026-05-02T18:00');
  assert.equal(next('FREQ=DAILY;UNTIL=20260502', '2026-05-02T18:00'), null);
  assert.equal(next('FREQ=DAILY;UNTIL=20260502T155959Z', '2026-05-01T18:00'), null, '15:59:59Z is 17:59:59 in Paris');
  assert.equal(next('FREQ=DAILY;UNTIL=20260502T180000', '2026-05-01T18:00'), '2026-05-02T18:00');
});

test('rules that can never give a date are told apart quickly', () => {
  const started = performance.now();
  for (const text of ['FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30', 'FREQ=MONTHLY;BYMONTHDAY=10;BYDAY=1MO', 'FREQ=MONTHLY;INTERVAL=12;BYMONTHDAY=30', 'FREQ=MONTHLY;BYDAY=MO;BYSETPOS=6']) {
    assert.equal(keepsGoing(rule(text), paris('2026-02-10T09:00')), false, text);
  }
  assert.ok(performance.now() - started < 3000, 'bounded search');
  assert.equal(keepsGoing(rule('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29'), paris('2026-02-10T09:00')), true);
  assert.equal(keepsGoing(rule('FREQ=MONTHLY;INTERVAL=12;BYMONTHDAY=30'), paris('2026-03-10T09:00')), true, 'from March, the 30th exists');
});

test('projections list the dates in a range after the due date, at most as many as asked', () => {
  const weekly = rule('FREQ=WEEKLY;BYDAY=MO,TH');
  const dates = occurrencesBetween(weekly, paris('2026-03-02T09:00'), paris('2026-03-01T00:00'), paris('2026-03-16T00:00'), 10);
  assert.deepEqual(dates.map(parisWallClock), ['2026-03-05T09:00', '2026-03-09T09:00', '2026-03-12T09:00']);
  assert.equal(occurrencesBetween(weekly, paris('2026-03-02T09:00'), paris('2026-03-01T00:00'), paris('2026-12-31T00:00'), 4).length, 4);
  assert.deepEqual(occurrencesBetween(weekly, paris('2026-03-02T09:00'), paris('2026-02-01T00:00'), paris('2026-03-01T00:00'), 4), []);
  assert.equal(parisDay(paris('2026-03-02T00:30')), '2026-03-02');
});
