import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sortTokens, tokenState, type ApiToken } from './tokenModel.ts';

const now = new Date('2026-06-01T12:00:00Z');
const token = (id: string, fields: Partial<ApiToken>): ApiToken => ({
  id,
  name: id,
  scope: 'read',
  hint: 'abcd',
  createdAt: '2026-01-01T00:00:00Z',
  expiresAt: null,
  lastUsedAt: null,
  revokedAt: null,
  ...fields,
});

test('a token is revoked, expired or active', () => {
  assert.equal(tokenState(token('a', {}), now), 'active');
  assert.equal(tokenState(token('a', { expiresAt: '2026-07-01T00:00:00Z' }), now), 'active');
  assert.equal(tokenState(token('a', { expiresAt: '2026-06-01T12:00:00Z' }), now), 'expired');
  assert.equal(tokenState(token('a', { revokedAt: '2026-05-01T00:00:00Z', expiresAt: '2026-01-02T00:00:00Z' }), now), 'revoked');
});

test('active tokens come first, newest first within each group', () => {
  const sorted = sortTokens(
    [
      token('old-active', { createdAt: '2026-01-01T00:00:00Z' }),
      token('revoked', { createdAt: '2026-05-01T00:00:00Z', revokedAt: '2026-05-02T00:00:00Z' }),
      token('new-active', { createdAt: '2026-03-01T00:00:00Z' }),
    ],
    now,
  );
  assert.deepEqual(sorted.map((t) => t.id), ['new-active', 'old-active', 'revoked']);
});
