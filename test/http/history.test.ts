/**
 * The change log: every change to users and tokens writes one event in the same transaction, naming who acted
 * (user, token or system) and only the fields that changed, never a secret. A change that fails or changes
 * nothing leaves no event; the history endpoints page newest first and stay inside the workspace.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { inTransaction } from '../../src/platform/context.ts';
import { createUser, updateUser } from '../../src/modules/users/user-service.ts';
import { createTestApp, call, type TestApp } from '../helpers/app.ts';
import { makeUser, makeWorkspace, PASSWORD, sessionFor, tokenFor, type TestWorkspace } from '../helpers/factories.ts';
import { countEvents } from '../helpers/events.ts';
import { expectError } from './expect-error.ts';

let t: TestApp;
let ws: TestWorkspace;

before(async () => {
  t = await createTestApp();
  ws = await makeWorkspace(t.database.db);
});

after(() => t.close());

interface EventOut {
  id: number;
  occurredAt: string;
  actor: { type: 'user' | 'token' | 'system'; id: string | null; label: string | null };
  entity: string;
  entityId: string;
  action: 'create' | 'update' | 'delete';
  changes: Record<string, { before: unknown; after: unknown }>;
}

/** Columns that never reach the history, under their column names and the API's camelCase names. */
const HIDDEN_FIELDS = ['password_hash', 'token_hash', 'invite_token_hash', 'csrf_token', 'workspace_id', 'updated_at'].flatMap((column) => [
  column,
  column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()),
]);

/** The whole history of one record through the API, newest first. */
async function historyOf(target: TestWorkspace, entity: string, id: string): Promise<EventOut[]> {
  const response = await call(t.app, { url: `/api/history/${entity}/${id}?limit=200`, session: target.adminSession });
  assert.equal(response.statusCode, 200, response.body);
  return response.json().data;
}

async function latest(target: TestWorkspace, entity: string, id: string): Promise<EventOut> {
  const events = await historyOf(target, entity, id);
  assert.ok(events[0], `no event for ${entity} ${id}`);
  return events[0];
}

function eventCount(workspaceId: string): Promise<number> {
  return countEvents(t.database.db, workspaceId);
}

async function userRow(target: TestWorkspace, id: string) {
  return t.database.db.selectFrom('users').selectAll().where('workspace_id', '=', target.id).where('id', '=', id).executeTakeFirst();
}

function assertNothingHidden(event: EventOut, secrets: (string | null | undefined)[] = []): void {
  for (const field of HIDDEN_FIELDS) assert.ok(!(field in event.changes), `${field} was logged: ${JSON.stringify(event.changes)}`);
  const text = JSON.stringify(event);
  for (const secret of secrets) if (secret) assert.ok(!text.includes(secret), `a secret reached the log: ${text}`);
}

test('inviting a user logs a create by the acting admin, without the invitation secret', async () => {
  const email = `logged-${randomUUID().slice(0, 8)}@example.test`;
  const response = await call(t.app, { method: 'POST', url: '/api/users/invitations', session: ws.adminSession, body: { email, name: 'Logged Invitee', role: 'sales' } });
  assert.equal(response.statusCode, 201, response.body);
  const user = response.json().user;
  const inviteToken = new URL(response.json().inviteUrl).searchParams.get('token')!;
  const row = await userRow(ws, user.id);

  const event = await latest(ws, 'user', user.id);
  assert.deepEqual(event.actor, { type: 'user', id: ws.admin.id, label: ws.admin.email });
  assert.equal(event.entity, 'user');
  assert.equal(event.entityId, user.id);
  assert.equal(event.action, 'create');
  assert.deepEqual(event.changes.email, { before: null, after: email });
  assert.deepEqual(event.changes.role, { before: null, after: 'sales' });
  assert.deepEqual(event.changes.status, { before: null, after: 'invited' });
  assert.ok(!('locale' in event.changes) && !('lastLoginAt' in event.changes), 'fields left empty are not listed');
  assert.ok(!('id' in event.changes) && !('createdAt' in event.changes), 'bookkeeping columns are left out');
  assert.equal(typeof event.changes.inviteExpiresAt?.after, 'string', 'changes use the API’s camelCase names');
  assertNothingHidden(event, [row?.invite_token_hash, inviteToken, inviteToken.split('.')[1]]);
});

test('a user created by the system is logged with the system as actor and no password hash', async () => {
  const user = await makeUser(ws, 'support', 'System Made');
  const row = await userRow(ws, user.id);
  const event = await latest(ws, 'user', user.id);
  assert.deepEqual(event.actor, { type: 'system', id: null, label: 'system' });
  assert.equal(event.action, 'create');
  assert.deepEqual(event.changes.name, { before: null, after: 'System Made' });
  assert.ok(row?.password_hash);
  assertNothingHidden(event, [row.password_hash, PASSWORD]);
});

test('an update logs only the fields that changed, with before and after', async () => {
  const user = await makeUser(ws, 'sales', 'Before Name');
  const patch = (body: object) => call(t.app, { method: 'PATCH', url: `/api/users/${user.id}`, session: ws.adminSession, body });

  assert.equal((await patch({ role: 'manager' })).statusCode, 200);
  const roleChange = await latest(ws, 'user', user.id);
  assert.equal(roleChange.action, 'update');
  assert.deepEqual(roleChange.changes, { role: { before: 'sales', after: 'manager' } });

  assert.equal((await patch({ name: 'After Name', role: 'manager', status: 'disabled' })).statusCode, 200);
  const second = await latest(ws, 'user', user.id);
  assert.deepEqual(second.changes, {
    name: { before: 'Before Name', after: 'After Name' },
    status: { before: 'active', after: 'disabled' },
  });
  assert.ok(second.id > roleChange.id);
});

test('an update that changes nothing writes no event', async () => {
  const user = await makeUser(ws, 'marketing', 'Steady Name');
  const session = await sessionFor(ws, user);
  const before = await eventCount(ws.id);
  const same = await call(t.app, { method: 'PATCH', url: `/api/users/${user.id}`, session: ws.adminSession, body: { name: 'Steady Name', role: 'marketing' } });
  assert.equal(same.statusCode, 200, same.body);
  const sameMe = await call(t.app, { method: 'PATCH', url: '/api/me', session, body: { name: 'Steady Name' } });
  assert.equal(sameMe.statusCode, 200, sameMe.body);
  assert.equal(await eventCount(ws.id), before);
  // A real change afterwards is logged, so the check above is not vacuous.
  await call(t.app, { method: 'PATCH', url: '/api/me', session, body: { locale: 'en' } });
  assert.equal(await eventCount(ws.id), before + 1);
  assert.deepEqual((await latest(ws, 'user', user.id)).changes, { locale: { before: null, after: 'en' } });
});

test('tokens: creation and revocation are logged without the token hash or secret', async () => {
  const user = await makeUser(ws, 'sales');
  const session = await sessionFor(ws, user);
  const created = await call(t.app, { method: 'POST', url: '/api/tokens', session, body: { name: 'Logged token', scope: 'read' } });
  assert.equal(created.statusCode, 201, created.body);
  const { token, secret } = created.json();
  const row = await t.database.db.selectFrom('api_tokens').selectAll().where('workspace_id', '=', ws.id).where('id', '=', token.id).executeTakeFirstOrThrow();

  const creation = await latest(ws, 'api_token', token.id);
  assert.equal(creation.action, 'create');
  assert.deepEqual(creation.actor, { type: 'user', id: user.id, label: user.email });
  assert.deepEqual(creation.changes.scope, { before: null, after: 'read' });
  assert.deepEqual(creation.changes.userId, { before: null, after: user.id });
  // The secret part follows `rpt_<workspace>_` and may itself contain underscores.
  assertNothingHidden(creation, [row.token_hash, secret, secret.slice('rpt_'.length + 33)]);

  assert.equal((await call(t.app, { method: 'DELETE', url: `/api/tokens/${token.id}`, session })).statusCode, 204);
  const revocation = await latest(ws, 'api_token', token.id);
  assert.equal(revocation.action, 'update');
  assert.deepEqual(Object.keys(revocation.changes), ['revokedAt']);
  assert.equal(revocation.changes.revokedAt!.before, null);
  assert.equal(typeof revocation.changes.revokedAt!.after, 'string');

  const count = await eventCount(ws.id);
  assert.equal((await call(t.app, { method: 'DELETE', url: `/api/tokens/${token.id}`, session })).statusCode, 204);
  assert.equal(await eventCount(ws.id), count, 'revoking again changes nothing and logs nothing');
});

test('changes made with an API token name the token as actor', async () => {
  const token = await tokenFor(ws, ws.admin, 'read_write');
  const user = await makeUser(ws, 'sales', 'Token Target');
  const response = await call(t.app, { method: 'PATCH', url: `/api/users/${user.id}`, token: token.secret, body: { role: 'support' } });
  assert.equal(response.statusCode, 200, response.body);
  const event = await latest(ws, 'user', user.id);
  assert.equal(event.actor.type, 'token');
  assert.equal(event.actor.id, token.id);
  assert.match(event.actor.label!, new RegExp(`^${ws.admin.email.replace(/[.]/g, '\\.')} \\(token token read_write\\)$`));
  assert.deepEqual(event.changes, { role: { before: 'sales', after: 'support' } });

  const events = await call(t.app, { url: '/api/events?limit=5', token: token.secret });
  assert.ok(events.json().data.some((e: EventOut) => e.actor.type === 'token' && e.entityId === user.id));
});

test('a password change is logged as a change, never as a hash', async () => {
  const user = await makeUser(ws, 'sales');
  const session = await sessionFor(ws, user);
  const newPassword = 'a logged but secret passphrase';
  const response = await call(t.app, { method: 'PATCH', url: '/api/me', session, body: { currentPassword: PASSWORD, newPassword } });
  assert.equal(response.statusCode, 200, response.body);
  const row = await userRow(ws, user.id);
  const event = await latest(ws, 'user', user.id);
  assert.deepEqual(event.actor, { type: 'user', id: user.id, label: user.email });
  assert.deepEqual(event.changes, { password: { before: 'set', after: 'changed' } });
  assertNothingHidden(event, [row?.password_hash, newPassword, PASSWORD]);
});

test('accepting an invitation is logged as done by the invited user', async () => {
  const email = `acceptor-${randomUUID().slice(0, 8)}@example.test`;
  const invited = await call(t.app, { method: 'POST', url: '/api/users/invitations', session: ws.adminSession, body: { email, name: 'Acceptor', role: 'support' } });
  const inviteToken = new URL(invited.json().inviteUrl).searchParams.get('token')!;
  const hashBefore = (await userRow(ws, invited.json().user.id))?.invite_token_hash;
  const accepted = await call(t.app, { method: 'POST', url: '/api/auth/accept-invite', body: { token: inviteToken, password: 'a long enough password' } });
  assert.equal(accepted.statusCode, 200, accepted.body);

  const id = invited.json().user.id;
  const event = await latest(ws, 'user', id);
  assert.deepEqual(event.actor, { type: 'user', id, label: email });
  assert.equal(event.action, 'update');
  assert.deepEqual(event.changes.status, { before: 'invited', after: 'active' });
  assert.equal(typeof event.changes.inviteExpiresAt?.before, 'string');
  assert.equal(event.changes.inviteExpiresAt?.after, null);
  assertNothingHidden(event, [hashBefore, inviteToken, (await userRow(ws, id))?.password_hash]);
});

test('a refused change leaves neither the change nor an event', async () => {
  const existing = await makeUser(ws, 'sales');
  const users = await t.database.db.selectFrom('users').select('id').where('workspace_id', '=', ws.id).execute();
  const before = await eventCount(ws.id);
  const duplicate = await call(t.app, {
    method: 'POST',
    url: '/api/users/invitations',
    session: ws.adminSession,
    body: { email: existing.email.toUpperCase(), name: 'Duplicate', role: 'sales' },
  });
  expectError(duplicate, 409, 'conflict');
  const lastAdmin = await call(t.app, { method: 'PATCH', url: `/api/users/${ws.admin.id}`, session: ws.adminSession, body: { role: 'sales', name: 'Demoted' } });
  expectError(lastAdmin, 409, 'conflict');
  assert.equal(await eventCount(ws.id), before);
  assert.equal((await t.database.db.selectFrom('users').select('id').where('workspace_id', '=', ws.id).execute()).length, users.length);
  assert.equal((await userRow(ws, ws.admin.id))?.name, ws.admin.name);
});

test('an error later in the same transaction rolls back both the change and its event', async () => {
  const user = await makeUser(ws, 'sales', 'Unchanged Name');
  const before = await eventCount(ws.id);
  const boom = new Error('failure after the change was recorded');
  const email = `ghost-${randomUUID().slice(0, 8)}@example.test`;

  await assert.rejects(
    inTransaction(ws.ctx, async (tx) => {
      await updateUser(tx, user.id, { name: 'Ghost Name', role: 'manager' });
      await createUser(tx, { email, name: 'Ghost User', role: 'sales', password: PASSWORD });
      const inside = await tx.db.selectFrom('events').select('id').where('workspace_id', '=', ws.id).execute();
      assert.equal(inside.length, before + 2, 'both events exist inside the transaction');
      throw boom;
    }),
    (error) => error === boom,
  );

  const row = await userRow(ws, user.id);
  assert.equal(row?.name, 'Unchanged Name');
  assert.equal(row?.role, 'sales');
  const ghost = await t.database.db.selectFrom('users').select('id').where('workspace_id', '=', ws.id).where('email', '=', email).execute();
  assert.deepEqual(ghost, []);
  assert.equal(await eventCount(ws.id), before);
  const history = await historyOf(ws, 'user', user.id);
  assert.ok(!JSON.stringify(history).includes('Ghost'));
});

test('the history of one record pages newest first', async () => {
  const user = await makeUser(ws, 'sales', 'Name 0');
  for (let i = 1; i <= 7; i++) {
    const response = await call(t.app, { method: 'PATCH', url: `/api/users/${user.id}`, session: ws.adminSession, body: { name: `Name ${i}` } });
    assert.equal(response.statusCode, 200);
  }
  const pages: EventOut[][] = [];
  let cursor: string | null = null;
  do {
    const response = await call(t.app, {
      url: `/api/history/user/${user.id}?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      session: ws.adminSession,
    });
    assert.equal(response.statusCode, 200, response.body);
    pages.push(response.json().data);
    cursor = response.json().nextCursor;
  } while (cursor);

  assert.deepEqual(pages.map((p) => p.length), [3, 3, 2]);
  const events = pages.flat();
  const ids = events.map((e) => e.id);
  assert.deepEqual(ids, [...ids].sort((a, b) => b - a), 'newest first');
  assert.deepEqual(events.map((e) => e.changes.name?.after), ['Name 7', 'Name 6', 'Name 5', 'Name 4', 'Name 3', 'Name 2', 'Name 1', 'Name 0']);
  assert.equal(events.at(-1)!.action, 'create');
  assert.ok(events.every((e) => e.entity === 'user' && e.entityId === user.id));

  const rows = await t.database.db.selectFrom('events').select('id').where('workspace_id', '=', ws.id).where('entity_id', '=', user.id).orderBy('id', 'desc').execute();
  assert.deepEqual(ids, rows.map((r) => Number(r.id)));
  expectError(await call(t.app, { url: `/api/history/user/${randomUUID()}`, session: ws.adminSession }), 404, 'not_found');
});

test("GET /api/events lists this workspace's activity, newest first, filterable by entity", async () => {
  const other = await makeWorkspace(t.database.db);
  const outsider = await makeUser(other, 'sales', 'Outsider Person');
  const user = await makeUser(ws, 'support', 'Insider Person');
  await tokenFor(ws, user, 'read');

  const response = await call(t.app, { url: '/api/events?limit=200', session: ws.adminSession });
  assert.equal(response.statusCode, 200);
  const events: EventOut[] = response.json().data;
  const ids = events.map((e) => e.id);
  assert.deepEqual(ids, [...ids].sort((a, b) => b - a), 'newest first');
  assert.ok(events.some((e) => e.entity === 'workspace' && e.entityId === ws.id && e.action === 'create'));
  assert.ok(events.some((e) => e.entityId === user.id));
  assert.ok(!JSON.stringify(events).includes(outsider.id), 'another workspace’s events are not listed');
  assert.ok(!events.some((e) => e.entityId === other.id));
  const inDb = await eventCount(ws.id);
  assert.equal(events.length, Math.min(inDb, 200));

  const tokensOnly = await call(t.app, { url: '/api/events?entity=api_token&limit=200', session: ws.adminSession });
  const tokenEvents: EventOut[] = tokensOnly.json().data;
  assert.ok(tokenEvents.length > 0);
  assert.ok(tokenEvents.every((e) => e.entity === 'api_token'));
});
