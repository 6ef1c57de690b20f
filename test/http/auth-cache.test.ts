/**
 * Signed-in requests are answered from a short-lived memory of the credentials. Whatever changes through
 * Rapport must show at once all the same: roles, disabling, workspace name, language, revoked tokens, logout.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, call, type TestApp } from '../helpers/app.ts';
import { makeUser, makeWorkspace, sessionFor, tokenFor, type TestWorkspace } from '../helpers/factories.ts';
import { inTransaction } from '../../src/platform/context.ts';
import { updateUser } from '../../src/modules/users/user-service.ts';

let t: TestApp;
let ws: TestWorkspace;

before(async () => {
  t = await createTestApp({ authCacheSeconds: 60 });
  ws = await makeWorkspace(t.database.db);
});
after(() => t.close());

test('a role change applies to the very next request of a remembered session', async () => {
  const manager = await makeUser(ws, 'manager');
  const session = await sessionFor(ws, manager);
  assert.equal((await call(t.app, { url: '/api/jobs', session })).statusCode, 200);
  const demote = await call(t.app, { method: 'PATCH', url: `/api/users/${manager.id}`, session: ws.adminSession, body: { role: 'sales' } });
  assert.equal(demote.statusCode, 200);
  assert.equal((await call(t.app, { url: '/api/jobs', session })).statusCode, 403);
  assert.equal((await call(t.app, { url: '/api/me', session })).json().user.role, 'sales');
});

test('disabling a user ends their remembered sessions and tokens at once', async () => {
  const sales = await makeUser(ws, 'sales');
  const session = await sessionFor(ws, sales);
  const token = await tokenFor(ws, sales, 'read');
  assert.equal((await call(t.app, { url: '/api/me', session })).statusCode, 200);
  assert.equal((await call(t.app, { url: '/api/me', token: token.secret })).statusCode, 200);
  await call(t.app, { method: 'PATCH', url: `/api/users/${sales.id}`, session: ws.adminSession, body: { status: 'disabled' } });
  assert.equal((await call(t.app, { url: '/api/me', session })).statusCode, 401);
  assert.equal((await call(t.app, { url: '/api/me', token: token.secret })).statusCode, 401);
});

test('a renamed workspace and a new language show in /api/me at once', async () => {
  const before = await call(t.app, { url: '/api/me', session: ws.adminSession });
  assert.equal(before.json().user.locale, null);
  await call(t.app, { method: 'PATCH', url: '/api/workspace', session: ws.adminSession, body: { name: 'Renamed Workspace' } });
  await call(t.app, { method: 'PATCH', url: '/api/me', session: ws.adminSession, body: { locale: 'fr' } });
  const after = (await call(t.app, { url: '/api/me', session: ws.adminSession })).json();
  assert.equal(after.workspace.name, 'Renamed Workspace');
  assert.equal(after.user.locale, 'fr');
});

test('logout and token revocation are immediate', async () => {
  const support = await makeUser(ws, 'support');
  const session = await sessionFor(ws, support);
  const token = await tokenFor(ws, support, 'read_write');
  assert.equal((await call(t.app, { url: '/api/me', session })).statusCode, 200);
  assert.equal((await call(t.app, { url: '/api/me', token: token.secret })).statusCode, 200);
  assert.equal((await call(t.app, { method: 'POST', url: '/api/auth/logout', session })).statusCode, 204);
  assert.equal((await call(t.app, { url: '/api/me', session })).statusCode, 401);
  assert.equal((await call(t.app, { method: 'DELETE', url: `/api/tokens/${token.id}`, token: token.secret })).statusCode, 204);
  assert.equal((await call(t.app, { url: '/api/me', token: token.secret })).statusCode, 401);
});

test('a request that reads credentials while a change is still uncommitted does not keep the old state', { skip: !process.env.DATABASE_URL && 'needs a second connection: PostgreSQL only' }, async () => {
  const sales = await makeUser(ws, 'sales');
  const session = await sessionFor(ws, sales);
  await inTransaction(ws.ctx, async (tx) => {
    await updateUser(tx, sales.id, { status: 'disabled' });
    // Another connection still sees the user active and the process remembers that…
    assert.equal((await call(t.app, { url: '/api/me', session })).statusCode, 200);
  });
  // …until the commit, which makes it forget again.
  assert.equal((await call(t.app, { url: '/api/me', session })).statusCode, 401);
});
