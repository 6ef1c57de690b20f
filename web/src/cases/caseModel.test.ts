import { test } from 'node:test';
import assert from 'node:assert/strict';
import { caseListQuery, formatDuration, hoursToMinutes, minutesToHours, parseCaseListSearch } from './caseModel.ts';

const UNITS = { day: 'd', hour: 'h', minute: 'min' };

test('the queue URL keeps only what the API accepts', () => {
  assert.deepEqual(
    parseCaseListSearch({ status: 'open', priority: 'urgent', type: 'moan', assignee: 'me', breached: 'true', all: 'nope', sort: 'dance', q: '  ' }),
    { status: 'open', priority: 'urgent', assignee: 'me', breached: true },
  );
  assert.deepEqual(parseCaseListSearch({ assignee: 'robert' }), {});
  assert.deepEqual(parseCaseListSearch({ assignee: '2f1c7a52-8a0e-4a55-9d43-6f1d0c3b9e21', sort: '-openedAt' }), {
    assignee: '2f1c7a52-8a0e-4a55-9d43-6f1d0c3b9e21',
    sort: '-openedAt',
  });
});

test('without a status or "all", the queue lists the cases still open', () => {
  assert.equal(caseListQuery({}).open, true);
  assert.equal(caseListQuery({ all: true }).open, undefined);
  assert.equal(caseListQuery({ status: 'closed' }).open, undefined);
  assert.equal(caseListQuery({ breached: true }).breached, true);
});

test('durations read with their two largest units, whatever the sign', () => {
  assert.equal(formatDuration(0, UNITS), '0 min');
  assert.equal(formatDuration(45, UNITS), '45 min');
  assert.equal(formatDuration(125, UNITS), '2 h 5 min');
  assert.equal(formatDuration(-120, UNITS), '2 h');
  assert.equal(formatDuration(1500, UNITS), '1 d 1 h');
  assert.equal(formatDuration(2 * 1440 + 7, UNITS), '2 d');
});

test('SLA hours ↔ minutes', () => {
  assert.equal(minutesToHours(90), 1.5);
  assert.equal(minutesToHours(4320), 72);
  assert.equal(hoursToMinutes(1.5), 90);
  assert.equal(hoursToMinutes('0,25'), 15);
  assert.equal(hoursToMinutes(''), null);
  assert.equal(hoursToMinutes(-2), null);
});
