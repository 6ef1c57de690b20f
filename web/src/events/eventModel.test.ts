import { test } from 'node:test';
import assert from 'node:assert/strict';
import { displayValue, entityLink, fieldChanges, fieldKey, isEmptyValue } from './eventModel.ts';

test('fieldChanges lists changed fields alphabetically and skips unchanged ones', () => {
  const changes = fieldChanges({
    changes: {
      role: { before: 'sales', after: 'manager' },
      name: { before: 'Ann', after: 'Anne' },
      tags: { before: ['a'], after: ['a'] },
    },
  });
  assert.deepEqual(changes, [
    { field: 'name', before: 'Ann', after: 'Anne' },
    { field: 'role', before: 'sales', after: 'manager' },
  ]);
});

test('fieldChanges names fields in camelCase and hides bookkeeping fields', () => {
  const changes = fieldChanges({
    changes: {
      id: { before: null, after: 'u1' },
      created_at: { before: null, after: '2026-01-01T00:00:00Z' },
      workspace_id: { before: null, after: 'w1' },
      invite_expires_at: { before: null, after: '2026-01-08T00:00:00Z' },
    },
  });
  assert.deepEqual(changes, [{ field: 'inviteExpiresAt', before: null, after: '2026-01-08T00:00:00Z' }]);
});

test('values are shown on one line, shortened, objects as JSON', () => {
  assert.equal(displayValue('short'), 'short');
  assert.equal(displayValue({ a: 1 }), '{"a":1}');
  assert.equal(displayValue(12), '12');
  assert.equal(displayValue('x'.repeat(100), 10), `${'x'.repeat(9)}…`);
  assert.equal(isEmptyValue(null), true);
  assert.equal(isEmptyValue(''), true);
  assert.equal(isEmptyValue(0), false);
});

test('events link to the page of their record when there is one', () => {
  assert.deepEqual(entityLink('user', 'u1'), { to: '/users/$id', params: { id: 'u1' } });
  assert.deepEqual(entityLink('workspace', 'w1'), { to: '/settings' });
  assert.equal(entityLink('api_token', 't1'), null);
});

test('fieldKey turns column names into property names', () => {
  assert.equal(fieldKey('last_login_at'), 'lastLoginAt');
  assert.equal(fieldKey('lastLoginAt'), 'lastLoginAt');
  assert.equal(fieldKey('name'), 'name');
});
