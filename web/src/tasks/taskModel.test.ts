import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseRecurrence } from '../../../src/modules/tasks/recurrence-rule.ts';
import {
  agendaDays,
  dueTimeLabel,
  mondayOf,
  newTaskForm,
  presetOf,
  presetRule,
  RECURRENCE_PRESETS,
  recurrenceProblem,
  recurrenceText,
  shiftAnchor,
  taskRequest,
  tasksByDay,
  weekdayPosition,
} from './taskModel.ts';
import type { Task } from './taskTypes.ts';

test('presets turn into rules anchored on the due day, and read back from them', () => {
  // Tuesday 10 March 2026, the second Tuesday of the month.
  const day = '2026-03-10';
  assert.equal(presetRule('weekly', day), 'FREQ=WEEKLY;BYDAY=TU');
  assert.equal(presetRule('biweekly', day), 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU');
  assert.equal(presetRule('monthlyDay', day), 'FREQ=MONTHLY;BYMONTHDAY=10');
  assert.equal(presetRule('monthlyWeekday', day), 'FREQ=MONTHLY;BYDAY=2TU');
  assert.equal(presetRule('monthlyWeekday', '2026-03-31'), 'FREQ=MONTHLY;BYDAY=-1TU', 'a fifth weekday is the last one');
  assert.equal(presetRule('quarterly', day), 'FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=10');
  assert.equal(presetRule('none', day), null);
  for (const preset of RECURRENCE_PRESETS) {
    const rule = presetRule(preset, day);
    if (rule === null) continue;
    const parsed = parseRecurrence(rule);
    assert.ok(parsed.ok, `${preset}: ${rule}`);
    assert.equal(parsed.text, rule, `${preset} is written canonically, so it reads back`);
    assert.equal(presetOf(rule, day).preset, preset);
  }
  assert.deepEqual(presetOf('FREQ=MONTHLY;BYMONTHDAY=10;COUNT=6', day), { preset: 'monthlyDay', ends: 'count', count: 6, until: null });
  assert.deepEqual(presetOf('freq=weekly;byday=tu;until=20261231', day), { preset: 'weekly', ends: 'until', count: null, until: '2026-12-31' });
  assert.equal(presetOf('FREQ=MONTHLY;BYMONTHDAY=11', day).preset, 'custom', 'another day than the due day is custom');
  assert.equal(presetOf(null, day).preset, 'none');
  assert.deepEqual([1, 7, 8, 28, 29].map((d) => weekdayPosition(`2026-03-${String(d).padStart(2, '0')}`)), [1, 1, 2, 4, -1]);
});

test('the form sends Paris wall-clock time, the rule with its end, and leaves out what is empty', () => {
  const form = { ...newTaskForm('2026-01-31', 'user-1', 'visit'), title: '  Visite  ', preset: 'monthlyLastDay' as const, ends: 'count' as const, count: 3 };
  assert.deepEqual(taskRequest(form, 'party-1'), {
    kind: 'visit',
    title: 'Visite',
    partyId: 'party-1',
    assigneeId: 'user-1',
    dueAt: '2026-01-31T09:00',
    allDay: false,
    durationMinutes: 60,
    priority: 'normal',
    recurrence: 'FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=3',
  });
  const allDay = { ...newTaskForm('2026-02-02', null), title: 'Relance', allDay: true, durationMinutes: 30, remindBeforeMinutes: 0, preset: 'weekly' as const, ends: 'until' as const, until: '2026-06-30' };
  assert.deepEqual(taskRequest(allDay), {
    kind: 'call',
    title: 'Relance',
    dueAt: '2026-02-02',
    allDay: true,
    priority: 'normal',
    recurrence: 'FREQ=WEEKLY;BYDAY=MO;UNTIL=20260630',
    remindBeforeMinutes: 0,
  });
  assert.equal(recurrenceText({ ...allDay, preset: 'custom', customRule: ' FREQ=YEARLY ' }), 'FREQ=YEARLY');
  assert.equal(recurrenceText({ ...allDay, preset: 'none' }), null);
});

test('refusals of a rule are recognised to be worded in the interface language', () => {
  assert.equal(recurrenceProblem('must have COUNT between 1 and 1000'), 'count');
  assert.equal(recurrenceProblem('something else'), null);
  assert.equal(recurrenceProblem(undefined), null);
});

test('agenda days: weeks from Monday, months in whole weeks, moving by week or month', () => {
  assert.equal(mondayOf('2026-03-01'), '2026-02-23', 'a Sunday belongs to the week before');
  assert.equal(mondayOf('2026-03-02'), '2026-03-02');
  assert.deepEqual(agendaDays('week', '2026-03-04'), ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08']);
  const march = agendaDays('month', '2026-03-18');
  assert.equal(march[0], '2026-02-23');
  assert.equal(march.at(-1), '2026-04-05');
  assert.equal(march.length % 7, 0);
  assert.equal(agendaDays('month', '2027-02-10').length, 28, 'February 2027 starts on a Monday and fills four weeks');
  assert.equal(shiftAnchor('week', '2026-03-04', 1), '2026-03-11');
  assert.equal(shiftAnchor('month', '2026-12-31', 1), '2027-01-01');
  assert.equal(shiftAnchor('month', '2026-01-15', -1), '2025-12-01');
});

test('tasks are grouped by Paris day in time order, and all-day ones have no time', () => {
  const task = (id: string, dueAt: string, dueDate: string, allDay = false) => ({ id, dueAt, dueDate, allDay, dueLocal: `${dueDate}T${allDay ? '00:00' : '10:00'}` }) as Task;
  const grouped = tasksByDay([task('b', '2026-03-02T10:00:00Z', '2026-03-02'), task('a', '2026-03-01T23:30:00Z', '2026-03-02', true), task('c', '2026-03-03T08:00:00Z', '2026-03-03')]);
  assert.deepEqual([...grouped.entries()].map(([day, list]) => [day, list.map((t) => t.id)]), [
    ['2026-03-02', ['a', 'b']],
    ['2026-03-03', ['c']],
  ]);
  assert.equal(dueTimeLabel({ allDay: false, dueLocal: '2026-03-02T09:30' }), '09:30');
  assert.equal(dueTimeLabel({ allDay: true, dueLocal: '2026-03-02T00:00' }), null);
});
