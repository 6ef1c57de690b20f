import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError } from '../app/api.ts';
import {
  columnSamples,
  columnSource,
  delimiterName,
  encodingName,
  formatDuration,
  formatPreviewValue,
  mappingIssues,
  pollInterval,
  previewFields,
  progressFigures,
  repeatedFields,
  rowIssues,
  stepOf,
  undoAvailability,
  unmappedRequired,
  withColumnField,
} from './importModel.ts';
import type { ImportProgress, PreviewRow, TargetField } from './importTypes.ts';

/** French formats use narrow and ordinary no-break spaces; compare them as plain spaces. */
const plain = (text: string | null) => text?.replace(/\s/g, ' ') ?? null;

const WORDS = { yes: 'yes', no: 'no' };

test('each status lands on its step, and only a queued or running import is polled', () => {
  assert.equal(stepOf('uploaded'), 'mapping');
  assert.equal(stepOf('mapped'), 'preview');
  assert.equal(stepOf('queued'), 'progress');
  assert.equal(stepOf('running'), 'progress');
  for (const status of ['completed', 'validated', 'failed', 'cancelled', 'undone'] as const) assert.equal(stepOf(status), 'result', status);
  assert.equal(pollInterval('running'), 500);
  assert.equal(pollInterval('queued'), 500);
  assert.equal(pollInterval('completed'), false);
  assert.equal(pollInterval(undefined), false);
});

test('time left reads as an estimate: whole seconds, minutes and seconds, then minutes, then hours and minutes', () => {
  assert.equal(formatDuration(0.2, 'en'), '1 sec');
  assert.equal(formatDuration(17, 'en'), '17 sec');
  assert.equal(formatDuration(77, 'en'), '1 min 17 sec');
  assert.equal(formatDuration(120, 'en'), '2 min');
  assert.equal(formatDuration(659, 'en'), '11 min'); // from ten minutes on the seconds are dropped
  assert.equal(formatDuration(7500, 'en'), '2 hr 5 min');
  assert.equal(formatDuration(7199, 'en'), '2 hr'); // 1 h 59.98 min rounds to the next hour, not "1 hr 60 min"
  assert.equal(plain(formatDuration(77, 'fr')), '1 min 17 s');
  assert.equal(plain(formatDuration(7500, 'fr')), '2 h 5 min');
  assert.equal(formatDuration(null, 'en'), null);
  assert.equal(formatDuration(-3, 'en'), null);
  assert.equal(formatDuration(Number.NaN, 'en'), null);
});

test('the progress line gives percent, rows, rate and time left in the reader language', () => {
  const progress: ImportProgress = { rowsRead: 45_000, bytesRead: 450, bytesTotal: 10_000, percent: 4.5, rowsPerSecond: 12_300.4, secondsLeft: 77 };
  assert.deepEqual(progressFigures(progress, 'en'), { value: 4.5, percent: '4.5%', rowsRead: '45,000', rowsPerSecond: '12,300', timeLeft: '1 min 17 sec' });
  const fr = progressFigures(progress, 'fr');
  assert.deepEqual([fr.percent, fr.rowsRead, fr.rowsPerSecond, fr.timeLeft].map(plain), ['4,5 %', '45 000', '12 300', '1 min 17 s']);
  // Before the first batch the server knows no rate; a percent out of range never overflows the bar.
  const start = progressFigures({ ...progress, rowsRead: 0, percent: 120, rowsPerSecond: null, secondsLeft: null }, 'en');
  assert.equal(start.value, 100);
  assert.equal(start.rowsPerSecond, null);
  assert.equal(start.timeLeft, null);
});

test('encodings and delimiters are named the way spreadsheet programs name them', () => {
  assert.equal(encodingName('windows-1252'), 'Windows-1252');
  assert.equal(encodingName('utf-8'), 'UTF-8');
  assert.equal(encodingName('utf-16le'), 'UTF-16LE');
  assert.equal(delimiterName(';'), 'semicolon');
  assert.equal(delimiterName('\t'), 'tab');
  assert.equal(delimiterName('#'), null);
});

test('a column shows its first three non-blank sample values', () => {
  const sample = [['Dupont', ''], ['', 'x'], ['Martin', ' '], ['Durand', 'y'], ['Petit', 'z']];
  assert.deepEqual(columnSamples(sample, 0), ['Dupont', 'Martin', 'Durand']);
  assert.deepEqual(columnSamples(sample, 1), ['x', 'y', 'z']);
  assert.deepEqual(columnSamples(sample, 5), []);
});

test('a column keeps the source of its suggestion until the user changes it', () => {
  const proposed = ['lastName', 'email', null];
  const current = withColumnField(proposed, 1, 'email.work');
  assert.deepEqual(current, ['lastName', 'email.work', null]);
  assert.equal(columnSource(0, proposed, current, 'remembered'), 'remembered');
  assert.equal(columnSource(1, proposed, current, 'remembered'), null);
  assert.equal(columnSource(2, proposed, current, 'layout'), null); // nothing was proposed
  assert.equal(columnSource(0, proposed, current, 'user'), null); // the user's own mapping, saved earlier
});

const PEOPLE: TargetField[] = [
  { key: 'firstName', type: 'text', required: false },
  { key: 'lastName', type: 'text', required: true },
  { key: 'fullName', type: 'text', required: false },
  { key: 'email', type: 'email', required: false },
  { key: 'tags', type: 'list', required: false },
];

test('required fields still to map: a full name column stands in for the last name', () => {
  assert.deepEqual(unmappedRequired(['firstName', null], PEOPLE), ['lastName']);
  assert.deepEqual(unmappedRequired(['fullName', 'email'], PEOPLE), []);
  assert.deepEqual(unmappedRequired(['lastName'], PEOPLE), []);
});

test('only list fields may be fed by several columns', () => {
  assert.deepEqual(repeatedFields(['email', 'tags', 'email', 'tags', null, null], PEOPLE), ['email']);
  assert.deepEqual(previewFields(['email', null, 'tags', 'tags', 'lastName']), ['email', 'tags', 'lastName']);
});

test('the server refusal of a mapping is placed next to the column, the match key or above the table', () => {
  const error = new ApiError(400, 'validation_failed', 'The mapping is not valid', [
    { field: 'body.mapping[3]', rule: 'unknown field "nom"' },
    { field: 'body.mapping', rule: 'lastName must be mapped' },
    { field: 'body.matchKey', rule: 'people cannot be matched on sku' },
  ]);
  const issues = mappingIssues(error);
  assert.deepEqual([...issues.columns], [[3, 'unknown field "nom"']]);
  assert.equal(issues.matchKey, 'people cannot be matched on sku');
  assert.deepEqual(issues.general, ['lastName must be mapped']);
  assert.deepEqual(mappingIssues(new Error('offline')).general, []);
});

test('preview problems land on the cell of the field their column feeds, the rest on the row', () => {
  const row: PreviewRow = {
    rowNumber: 4,
    action: 'invalid',
    values: { lastName: 'Martin', 'phone.mobile': null },
    issues: [
      { column: 'Portable', value: '06 12', reason: 'not a phone number' },
      { column: 'email', value: 'x@', reason: 'not an email address' },
      { column: 'Inconnue', value: '', reason: 'too many cells' },
      { column: null, value: null, reason: 'several people match' },
    ],
    matchedParty: null,
    likelyDuplicate: null,
  };
  const issues = rowIssues(row, ['Nom', 'Portable', 'Courriel'], ['lastName', 'phone.mobile', 'email']);
  assert.deepEqual([...issues.byField], [
    ['phone.mobile', [{ value: '06 12', reason: 'not a phone number' }]],
    ['email', [{ value: 'x@', reason: 'not an email address' }]],
  ]);
  assert.deepEqual(issues.other, ['Inconnue: too many cells', 'several people match']);
});

test('preview values are shown as they will be stored, in the reader language', () => {
  assert.equal(formatPreviewValue('+33612345678', 'phone', 'fr', WORDS), '+33612345678');
  assert.equal(formatPreviewValue('1985-04-15', 'date', 'en', WORDS), 'Apr 15, 1985');
  assert.equal(formatPreviewValue('1985-04-15', 'date', 'fr', WORDS), '15 avr. 1985');
  assert.equal(plain(formatPreviewValue(1234.5, 'money', 'fr', WORDS)), '1 234,50');
  assert.equal(formatPreviewValue(3, 'integer', 'en', WORDS), '3');
  assert.equal(formatPreviewValue(['vip', 'jardin'], 'list', 'en', WORDS), 'vip, jardin');
  assert.equal(formatPreviewValue(true, 'boolean', 'en', WORDS), 'yes');
  assert.equal(formatPreviewValue(null, 'text', 'en', WORDS), '');
});

test('undo is offered when the server allows it, and shown disabled on a completed import it no longer allows', () => {
  assert.equal(undoAvailability({ status: 'completed', canUndo: true }), 'available');
  assert.equal(undoAvailability({ status: 'failed', canUndo: true }), 'available'); // the batches written before the failure
  assert.equal(undoAvailability({ status: 'completed', canUndo: false }), 'blocked');
  assert.equal(undoAvailability({ status: 'undone', canUndo: false }), 'hidden');
  assert.equal(undoAvailability({ status: 'validated', canUndo: false }), 'hidden');
});
