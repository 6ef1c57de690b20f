import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError, buildUrl, readCookie } from './api.ts';
import { isIsoDateTime } from './format.ts';
import { fieldError } from './formErrors.ts';

test('buildUrl leaves out empty parameters', () => {
  assert.equal(buildUrl('/api/users', { q: 'ann b', cursor: null, role: undefined, status: '', limit: 25 }), '/api/users?q=ann+b&limit=25');
  assert.equal(buildUrl('/api/me'), '/api/me');
});

test('readCookie finds one cookie among several and decodes it', () => {
  const header = 'theme=dark; rapport_csrf=a%2Bb%3Dc; other=1';
  assert.equal(readCookie('rapport_csrf', header), 'a+b=c');
  assert.equal(readCookie('missing', header), null);
});

test('fieldError matches the API field path to a form field', () => {
  const error = new ApiError(400, 'validation_failed', 'bad', [{ field: 'body.email', rule: 'must be a valid email' }]);
  assert.equal(fieldError(error, 'email'), 'must be a valid email');
  assert.equal(fieldError(error, 'name'), undefined);
  assert.equal(fieldError(new Error('x'), 'email'), undefined);
});

test('isIsoDateTime recognises API timestamps only', () => {
  assert.equal(isIsoDateTime('2026-03-12T14:05:00.123Z'), true);
  assert.equal(isIsoDateTime('2026-03-12T14:05:00+01:00'), true);
  assert.equal(isIsoDateTime('2026-03-12'), false);
  assert.equal(isIsoDateTime('sales'), false);
});
