import { test } from 'node:test';
import assert from 'node:assert/strict';
import { changedFields, entryColor, entryKey, entryLink, entryValues, kindsOf, type TimelineEntry } from './timelineModel.ts';

const entry = (overrides: Partial<TimelineEntry>): TimelineEntry => ({
  id: 'e1',
  occurredAt: '2026-03-12T10:00:00.000Z',
  kind: 'order',
  channel: null,
  subjectType: 'order',
  subjectId: 'o1',
  actor: null,
  data: { action: 'created' },
  via: null,
  ...overrides,
});

test('each entry reads with the sentence of its kind and action, or the kind’s generic one', () => {
  assert.equal(entryKey(entry({})), 'timeline.entries.order.created');
  assert.equal(entryKey(entry({ data: { action: 'status_changed' } })), 'timeline.entries.order.status_changed');
  assert.equal(entryKey(entry({ data: { action: 'teleported' } })), 'timeline.entries.order.other');
  assert.equal(entryKey(entry({ kind: 'hologram' })), 'timeline.entries.unknown');
});

test('feedback is coloured by its sentiment and a late payment stands out', () => {
  assert.equal(entryColor(entry({ kind: 'feedback', data: { action: 'received', sentiment: 'negative' } })), 'red');
  assert.equal(entryColor(entry({ kind: 'feedback', data: { action: 'received', sentiment: 'positive' } })), 'green');
  assert.equal(entryColor(entry({ kind: 'payment', data: { action: 'received', daysLate: 12 } })), 'orange');
  assert.equal(entryColor(entry({ kind: 'payment', data: { action: 'received', daysLate: 0 } })), 'green');
});

test('orders, quotes and cases link to their page; billing entries to their order when they name it', () => {
  assert.deepEqual(entryLink(entry({})), { to: '/orders/$id', id: 'o1' });
  assert.deepEqual(entryLink(entry({ subjectType: 'case', subjectId: 'c1' })), { to: '/cases/$id', id: 'c1' });
  assert.deepEqual(entryLink(entry({ subjectType: 'invoice', subjectId: 'i1', data: { action: 'issued', orderId: 'o9' } })), { to: '/orders/$id', id: 'o9' });
  assert.equal(entryLink(entry({ subjectType: 'invoice', subjectId: 'i1', data: { action: 'issued' } })), null);
  assert.equal(entryLink(entry({ subjectType: null, subjectId: null })), null);
});

test('sentence values are the scalar data; record changes list their fields', () => {
  assert.deepEqual(entryValues(entry({ data: { action: 'created', number: 'CMD-1', amount: '12.00', lineCount: 2, nested: { a: 1 } } })), {
    action: 'created',
    number: 'CMD-1',
    amount: '12.00',
    lineCount: '2',
  });
  assert.deepEqual(changedFields(entry({ kind: 'field_change', data: { action: 'changed', changes: { city: {}, phone: {} } } })), ['city', 'phone']);
  assert.deepEqual(kindsOf(['billing', 'service']), ['invoice', 'credit_note', 'payment', 'case', 'feedback']);
});
