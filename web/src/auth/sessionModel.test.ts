import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hasPermission, safeRedirect } from './sessionModel.ts';

test('hasPermission needs any one of the permissions', () => {
  const me = { permissions: ['users:read', 'profile:write'] };
  assert.equal(hasPermission(me, 'users:read', 'users:manage'), true);
  assert.equal(hasPermission(me, 'users:manage'), false);
  assert.equal(hasPermission(me), false);
});

test('after signing in, only paths of this app are followed', () => {
  assert.equal(safeRedirect('/users?role=admin'), '/users?role=admin');
  assert.equal(safeRedirect('/users/42#history'), '/users/42#history');
  assert.equal(safeRedirect(undefined), '/');
  assert.equal(safeRedirect('https://evil.example/'), '/');
  assert.equal(safeRedirect('//evil.example/'), '/');
  assert.equal(safeRedirect('/\\evil.example/'), '/');
  assert.equal(safeRedirect('/login?redirect=/users'), '/');
  assert.equal(safeRedirect('/accept-invite'), '/');
});
