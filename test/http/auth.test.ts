/**
 * Signing in and what a credential may do: the session cookie and its CSRF companion, API tokens and their
 * scopes, invitations, password changes, and every way a credential stops working (logout, disabling,
 * expiry, revocation, garbage).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout } from 'node:timers/promises';
import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { buildApp, type App } from '../../src/platform/http/app.ts';
import { createUser } from '../../src/modules/users/user-service.ts';
import { createTestApp, call, testConfig, type TestApp } from '../helpers/app.ts';
import { makeUser, makeWorkspace, PASSWORD, sessionFor, tokenFor, type TestWorkspace } from '../helpers/factories.ts';
import { expectError, issueFor } from './expect-error.ts';

let t: TestApp;
/** A second app on the same database, allowing 3 login attempts a minute and always setting Secure cookies. */
let hardened: App;
let ws: TestWorkspace;

before(async () => {
  t = await createTestApp();
  const config = testConfig({ loginRateLimit: 3, secureCookies: 'true' });
  hardened = await buildApp({ config, db: t.database.db, engine: t.database.engine, web: false, logger: false });
  ws = await makeWorkspace(t.database.db);
});

after(async () => {
  await hardened.close();
  await t.close();
});

type Session = { cookie: string; csrfToken: string };

function login(app: App, email: string, password: string): Promise<LightMyRequestResponse> {
  return call(app, { method: 'POST', url: '/api/auth/login', body: { email, password } });
}

/** The session a successful sign-in answer hands to the browser. */
function sessionOf(response: LightMyRequestResponse): Session {
  assert.equal(response.statusCode, 200, response.body);
  const cookie = response.cookies.find((c) => c.name === 'rapport_session');
  assert.ok(cookie, 'no session cookie was set');
  return { cookie: cookie.value, csrfToken: response.json().csrfToken };
}

function setCookieHeaders(response: LightMyRequestResponse): string[] {
  const raw = response.headers['set-cookie'];
  return raw === undefined ? [] : [raw].flat();
}

function cookieHeader(response: LightMyRequestResponse, name: string): string {
  const header = setCookieHeaders(response).find((h) => h.startsWith(`${name}=`));
  assert.ok(header, `no Set-Cookie for ${name}: ${JSON.stringify(setCookieHeaders(response))}`);
  return header;
}

function attributes(header: string): string[] {
  return header.split(';').slice(1).map((a) => a.trim().toLowerCase());
}

function me(session: Session): Promise<LightMyRequestResponse> {
  return call(t.app, { url: '/api/me', session });
}

test('login sets an HttpOnly SameSite=Lax session cookie and a readable CSRF cookie that /api/me accepts', async () => {
  const user = await makeUser(ws, 'sales', 'Cookie Monster');
  const response = await login(t.app, user.email, PASSWORD);
  assert.equal(response.statusCode, 200, response.body);

  const sessionAttrs = attributes(cookieHeader(response, 'rapport_session'));
  assert.ok(sessionAttrs.includes('httponly'), 'the session cookie must be HttpOnly');
  assert.ok(sessionAttrs.includes('samesite=lax'), 'the session cookie must be SameSite=Lax');
  assert.ok(sessionAttrs.includes('path=/'));
  assert.ok(sessionAttrs.some((a) => a.startsWith('expires=')), 'the session cookie must expire');
  assert.ok(!sessionAttrs.includes('secure'), 'over plain HTTP with RAPPORT_SECURE_COOKIES=auto the cookie is not Secure');

  const csrfHeader = cookieHeader(response, 'rapport_csrf');
  const csrfAttrs = attributes(csrfHeader);
  assert.ok(!csrfAttrs.includes('httponly'), 'the CSRF cookie must be readable by the page');
  assert.ok(csrfAttrs.includes('samesite=lax'));
  const csrfValue = csrfHeader.split(';')[0]!.slice('rapport_csrf='.length);
  assert.equal(response.json().csrfToken, csrfValue, 'the body and the cookie carry the same CSRF token');
  assert.equal(response.json().user.email, user.email);
  assert.ok(!response.body.includes('password'), 'the login answer never mentions password fields');

  const answer = await me(sessionOf(response));
  assert.equal(answer.statusCode, 200, answer.body);
  const body = answer.json();
  assert.equal(body.user.id, user.id);
  assert.equal(body.workspace.id, ws.id);
  assert.equal(body.via, 'session');
  assert.equal(body.csrfToken, csrfValue);
  assert.ok(body.permissions.includes('profile:write'));
  assert.ok(!body.permissions.includes('users:manage'), 'a sales user is not given users:manage');
});

test('with RAPPORT_SECURE_COOKIES=true both cookies are Secure', async () => {
  const other = await makeWorkspace(t.database.db);
  const response = await login(hardened, other.admin.email, PASSWORD);
  assert.equal(response.statusCode, 200, response.body);
  assert.ok(attributes(cookieHeader(response, 'rapport_session')).includes('secure'));
  assert.ok(attributes(cookieHeader(response, 'rapport_csrf')).includes('secure'));
});

test('a wrong password and an unknown email get the same 401 invalid_credentials', async () => {
  const user = await makeUser(ws, 'support');
  const wrongPassword = expectError(await login(t.app, user.email, 'not the password'), 401, 'invalid_credentials');
  const unknownEmail = expectError(await login(t.app, `nobody-${randomUUID()}@example.test`, PASSWORD), 401, 'invalid_credentials');
  assert.equal(wrongPassword.message, unknownEmail.message);
  assert.deepEqual(wrongPassword.issues, unknownEmail.issues);
  // The email is matched case-insensitively, so the right password still works in capitals.
  assert.equal((await login(t.app, user.email.toUpperCase(), PASSWORD)).statusCode, 200);
});

// BUG (src/modules/auth/session-service.ts, checkCredentials): when the email exists in several workspaces and no
// workspace is given, the answer is 400 "body.workspace is required" before the password is checked, so anyone
// can learn that an address has accounts in several workspaces. Check the password against each candidate first.
test('a wrong password for an email of several workspaces is the same 401 as any other', async () => {
  const other = await makeWorkspace(t.database.db);
  const email = `twice-${randomUUID().slice(0, 8)}@example.test`;
  await createUser(ws.ctx, { email, name: 'Twice One', role: 'sales', password: PASSWORD });
  await createUser(other.ctx, { email, name: 'Twice Two', role: 'sales', password: PASSWORD });
  const unknown = expectError(await login(t.app, `nobody-${randomUUID()}@example.test`, PASSWORD), 401, 'invalid_credentials');
  const wrong = expectError(await login(t.app, email, 'not the password'), 401, 'invalid_credentials');
  assert.equal(wrong.message, unknown.message);
  const chosen = await call(t.app, { method: 'POST', url: '/api/auth/login', body: { email, password: PASSWORD, workspace: other.slug } });
  assert.equal(chosen.statusCode, 200, chosen.body);
});

test('no request reaches a protected route without credentials', async () => {
  expectError(await call(t.app, { url: '/api/me' }), 401, 'unauthenticated');
  expectError(await call(t.app, { method: 'POST', url: '/api/auth/logout' }), 401, 'unauthenticated');
});

test('a disabled user cannot sign in, and their sessions and tokens stop working', async () => {
  const user = await makeUser(ws, 'marketing');
  const session = sessionOf(await login(t.app, user.email, PASSWORD));
  const token = await tokenFor(ws, user, 'read_write');
  assert.equal((await me(session)).statusCode, 200);

  const disabled = await call(t.app, { method: 'PATCH', url: `/api/users/${user.id}`, session: ws.adminSession, body: { status: 'disabled' } });
  assert.equal(disabled.statusCode, 200, disabled.body);

  expectError(await me(session), 401, 'unauthenticated');
  expectError(await call(t.app, { url: '/api/me', token: token.secret }), 401, 'unauthenticated');
  expectError(await login(t.app, user.email, PASSWORD), 401, 'invalid_credentials');
});

test('logout ends the session and clears both cookies', async () => {
  const user = await makeUser(ws, 'sales');
  const session = sessionOf(await login(t.app, user.email, PASSWORD));
  expectError(await call(t.app, { method: 'POST', url: '/api/auth/logout', session, omitCsrf: true }), 403, 'csrf_failed');
  assert.equal((await me(session)).statusCode, 200, 'a refused logout leaves the session alive');

  const response = await call(t.app, { method: 'POST', url: '/api/auth/logout', session });
  assert.equal(response.statusCode, 204, response.body);
  for (const name of ['rapport_session', 'rapport_csrf']) {
    const cleared = response.cookies.find((c) => c.name === name);
    assert.ok(cleared, `${name} is not cleared`);
    assert.equal(cleared.value, '');
    assert.ok(cleared.expires && cleared.expires.getTime() < Date.now(), `${name} must expire in the past`);
  }
  expectError(await me(session), 401, 'unauthenticated');
});

test('a session is refused once it expires, even while remembered by the process', async () => {
  const user = await makeUser(ws, 'sales');
  const session = await sessionFor(ws, user);
  await t.database.db
    .updateTable('sessions')
    .set({ expires_at: new Date(Date.now() + 2000) })
    .where('workspace_id', '=', ws.id)
    .where('user_id', '=', user.id)
    .execute();
  assert.equal((await me(session)).statusCode, 200);
  await setTimeout(2100);
  expectError(await me(session), 401, 'unauthenticated');
});

test('login is rate limited per address and email after RAPPORT_LOGIN_RATE_LIMIT attempts', async () => {
  const other = await makeWorkspace(t.database.db);
  const email = other.admin.email;
  for (let attempt = 1; attempt <= 3; attempt++) {
    expectError(await login(hardened, email, `wrong ${attempt}`), 401, 'invalid_credentials', `attempt ${attempt}`);
  }
  expectError(await login(hardened, email, 'wrong again'), 429, 'rate_limited');
  expectError(await login(hardened, email, PASSWORD), 429, 'rate_limited', 'even the right password');
  // Another email from the same address has its own allowance.
  const colleague = await makeUser(other, 'sales');
  assert.equal((await login(hardened, colleague.email, PASSWORD)).statusCode, 200);
});

test('cookie-authenticated writes need the x-csrf-token header', async () => {
  const user = await makeUser(ws, 'sales');
  const session = await sessionFor(ws, user);
  const otherSession = await sessionFor(ws, user);
  const token = await tokenFor(ws, user, 'read_write');
  const writes = [
    { method: 'POST' as const, url: '/api/tokens', body: { name: 'csrf probe', scope: 'read' }, ok: 201 },
    { method: 'PATCH' as const, url: '/api/me', body: { name: 'Csrf Checked' }, ok: 200 },
    { method: 'DELETE' as const, url: `/api/tokens/${token.id}`, body: undefined, ok: 204 },
  ];
  for (const write of writes) {
    const label = `${write.method} ${write.url}`;
    expectError(await call(t.app, { ...write, session, omitCsrf: true }), 403, 'csrf_failed', `${label} without header`);
    const wrongHeaders = ['nope', otherSession.csrfToken, `${session.csrfToken}x`, session.csrfToken.toUpperCase()];
    for (const wrong of wrongHeaders) {
      if (wrong === session.csrfToken) continue;
      expectError(
        await call(t.app, { ...write, session, omitCsrf: true, headers: { 'x-csrf-token': wrong } }),
        403,
        'csrf_failed',
        `${label} with a wrong header`,
      );
    }
  }

  // Nothing of the refused writes happened.
  const tokens = await call(t.app, { url: '/api/tokens', token: token.secret });
  assert.deepEqual(tokens.json().data.map((x: { id: string }) => x.id), [token.id]);
  assert.equal((await me(session)).json().user.name, user.name);

  for (const write of writes) {
    const response = await call(t.app, { ...write, session });
    assert.equal(response.statusCode, write.ok, `${write.method} ${write.url} with the header: ${response.body}`);
  }
  assert.equal((await me(session)).json().user.name, 'Csrf Checked');
  // Reads never need the header.
  assert.equal((await call(t.app, { url: '/api/users', session })).statusCode, 200);
});

test('writes with a bearer token need no CSRF header', async () => {
  const user = await makeUser(ws, 'support');
  const token = await tokenFor(ws, user, 'read_write');
  const created = await call(t.app, { method: 'POST', url: '/api/tokens', token: token.secret, body: { name: 'made by a token', scope: 'read' } });
  assert.equal(created.statusCode, 201, created.body);
  const renamed = await call(t.app, { method: 'PATCH', url: '/api/me', token: token.secret, body: { locale: 'fr' } });
  assert.equal(renamed.statusCode, 200, renamed.body);
  assert.equal(renamed.json().user.locale, 'fr');
  const meByToken = await call(t.app, { url: '/api/me', token: token.secret });
  assert.equal(meByToken.json().via, 'token');
  assert.equal(meByToken.json().csrfToken, null);
});

test('a read-scoped token can read but not write, even for an admin', async () => {
  const token = await tokenFor(ws, ws.admin, 'read');
  assert.equal((await call(t.app, { url: '/api/users', token: token.secret })).statusCode, 200);
  assert.equal((await call(t.app, { url: '/api/workspace', token: token.secret })).statusCode, 200);
  const meByToken = await call(t.app, { url: '/api/me', token: token.secret });
  assert.ok(meByToken.json().permissions.every((p: string) => p.endsWith(':read')), meByToken.body);

  const email = `read-scope-${randomUUID().slice(0, 8)}@example.test`;
  expectError(
    await call(t.app, { method: 'POST', url: '/api/users/invitations', token: token.secret, body: { email, name: 'Never', role: 'sales' } }),
    403,
    'forbidden',
  );
  expectError(await call(t.app, { method: 'PATCH', url: '/api/workspace', token: token.secret, body: { name: 'Renamed' } }), 403, 'forbidden');
  expectError(await call(t.app, { method: 'PATCH', url: '/api/me', token: token.secret, body: { locale: 'en' } }), 403, 'forbidden');
  const users = await call(t.app, { url: `/api/users?q=${encodeURIComponent(email)}`, session: ws.adminSession });
  assert.deepEqual(users.json().data, [], 'the refused invitation created nobody');
});

test("a read_write token acts within its owner's role", async () => {
  const sales = await makeUser(ws, 'sales');
  const salesToken = await tokenFor(ws, sales, 'read_write');
  const adminToken = await tokenFor(ws, ws.admin, 'read_write');
  const body = () => ({ email: `rw-${randomUUID().slice(0, 8)}@example.test`, name: 'Token Invitee', role: 'support' });

  expectError(await call(t.app, { method: 'POST', url: '/api/users/invitations', token: salesToken.secret, body: body() }), 403, 'forbidden');
  const own = await call(t.app, { method: 'PATCH', url: '/api/me', token: salesToken.secret, body: { name: 'Sales Via Token' } });
  assert.equal(own.statusCode, 200, own.body);
  assert.equal(own.json().user.name, 'Sales Via Token');

  const invited = await call(t.app, { method: 'POST', url: '/api/users/invitations', token: adminToken.secret, body: body() });
  assert.equal(invited.statusCode, 201, invited.body);
});

test('a revoked token and an expired token are refused', async () => {
  const user = await makeUser(ws, 'manager');
  const revoked = await tokenFor(ws, user, 'read_write');
  const expired = await tokenFor(ws, user, 'read');
  await t.database.db
    .updateTable('api_tokens')
    .set({ expires_at: new Date(Date.now() + 2000) })
    .where('workspace_id', '=', ws.id)
    .where('id', '=', expired.id)
    .execute();
  assert.equal((await call(t.app, { url: '/api/me', token: revoked.secret })).statusCode, 200);
  assert.equal((await call(t.app, { url: '/api/me', token: expired.secret })).statusCode, 200);

  const revoke = await call(t.app, { method: 'DELETE', url: `/api/tokens/${revoked.id}`, token: revoked.secret });
  assert.equal(revoke.statusCode, 204, revoke.body);
  expectError(await call(t.app, { url: '/api/me', token: revoked.secret }), 401, 'unauthenticated');

  await setTimeout(2100);
  expectError(await call(t.app, { url: '/api/me', token: expired.secret }), 401, 'unauthenticated');
});

test('garbage cookies and garbage bearer tokens are 401', async () => {
  const wellFormedSecret = 'A'.repeat(43);
  const cookies = ['garbage', `${ws.id}.short`, `${ws.id}.${wellFormedSecret}`, `not-a-uuid.${wellFormedSecret}`, `.${wellFormedSecret}`, ws.adminSession.csrfToken];
  for (const cookie of cookies) {
    expectError(await call(t.app, { url: '/api/me', headers: { cookie: `rapport_session=${cookie}` } }), 401, 'unauthenticated', `cookie ${cookie}`);
  }
  const bearers = ['garbage', 'rpt_garbage', `rpt_${ws.id.replaceAll('-', '')}_${wellFormedSecret}`, `rpt_${'0'.repeat(32)}_${wellFormedSecret}`];
  for (const bearer of bearers) {
    expectError(await call(t.app, { url: '/api/me', token: bearer }), 401, 'unauthenticated', `bearer ${bearer}`);
  }
  expectError(await call(t.app, { url: '/api/me', headers: { authorization: 'Basic YWRtaW46YWRtaW4=' } }), 401, 'unauthenticated');
  // A garbage bearer token is not rescued by a valid cookie sent alongside it.
  expectError(await call(t.app, { url: '/api/me', session: ws.adminSession, token: 'rpt_garbage' }), 401, 'unauthenticated');
});

test('an invitation is accepted once, with a long enough password, and signs the user in', async () => {
  const email = `invitee-${randomUUID().slice(0, 8)}@example.test`;
  const invited = await call(t.app, { method: 'POST', url: '/api/users/invitations', session: ws.adminSession, body: { email, name: 'Invited Person', role: 'sales' } });
  assert.equal(invited.statusCode, 201, invited.body);
  assert.equal(invited.json().user.status, 'invited');
  const inviteToken = new URL(invited.json().inviteUrl).searchParams.get('token');
  assert.ok(inviteToken, invited.json().inviteUrl);
  expectError(await login(t.app, email, PASSWORD), 401, 'invalid_credentials', 'an invited user has no password yet');

  const short = expectError(
    await call(t.app, { method: 'POST', url: '/api/auth/accept-invite', body: { token: inviteToken, password: 'short' } }),
    400,
    'validation_failed',
  );
  assert.match(issueFor(short, 'body.password').rule, /at least 10/);

  const newPassword = 'a brand new passphrase';
  const accepted = await call(t.app, { method: 'POST', url: '/api/auth/accept-invite', body: { token: inviteToken, password: newPassword, name: 'Chosen Name' } });
  assert.equal(accepted.statusCode, 200, accepted.body);
  assert.equal(accepted.json().user.status, 'active');
  assert.equal(accepted.json().user.name, 'Chosen Name');
  const fromInvite = sessionOf(accepted);
  assert.equal((await me(fromInvite)).json().user.email, email);

  assert.equal((await login(t.app, email, newPassword)).statusCode, 200);
  expectError(
    await call(t.app, { method: 'POST', url: '/api/auth/accept-invite', body: { token: inviteToken, password: 'another long password' } }),
    404,
    'not_found',
    'reusing the invitation',
  );
  expectError(await login(t.app, email, 'another long password'), 401, 'invalid_credentials', 'the reuse did not change the password');
});

test('an invalid or expired invitation is 404', async () => {
  expectError(
    await call(t.app, { method: 'POST', url: '/api/auth/accept-invite', body: { token: `${ws.id}.${'x'.repeat(43)}`, password: 'long enough password' } }),
    404,
    'not_found',
  );
  expectError(
    await call(t.app, { method: 'POST', url: '/api/auth/accept-invite', body: { token: 'no dot in this token', password: 'long enough password' } }),
    404,
    'not_found',
  );

  const email = `late-${randomUUID().slice(0, 8)}@example.test`;
  const invited = await call(t.app, { method: 'POST', url: '/api/users/invitations', session: ws.adminSession, body: { email, name: 'Too Late', role: 'support' } });
  const inviteToken = new URL(invited.json().inviteUrl).searchParams.get('token')!;
  await t.database.db
    .updateTable('users')
    .set({ invite_expires_at: new Date(Date.now() - 1000) })
    .where('workspace_id', '=', ws.id)
    .where('id', '=', invited.json().user.id)
    .execute();
  expectError(await call(t.app, { method: 'POST', url: '/api/auth/accept-invite', body: { token: inviteToken, password: 'long enough password' } }), 404, 'not_found');
});

test('changing your password checks the current one and signs out your other sessions', async () => {
  const user = await makeUser(ws, 'sales');
  const current = sessionOf(await login(t.app, user.email, PASSWORD));
  const elsewhere = sessionOf(await login(t.app, user.email, PASSWORD));
  const newPassword = 'an entirely new passphrase';
  const change = (body: object) => call(t.app, { method: 'PATCH', url: '/api/me', session: current, body });

  const wrong = expectError(await change({ currentPassword: 'not my password', newPassword }), 400, 'validation_failed');
  issueFor(wrong, 'body.currentPassword');
  const missing = expectError(await change({ newPassword }), 400, 'validation_failed');
  issueFor(missing, 'body.currentPassword');
  const tooShort = expectError(await change({ currentPassword: PASSWORD, newPassword: 'short' }), 400, 'validation_failed');
  issueFor(tooShort, 'body.newPassword');
  assert.equal((await me(elsewhere)).statusCode, 200, 'refused changes sign nobody out');

  const changed = await change({ currentPassword: PASSWORD, newPassword });
  assert.equal(changed.statusCode, 200, changed.body);
  assert.ok(!changed.body.includes(newPassword));

  expectError(await login(t.app, user.email, PASSWORD), 401, 'invalid_credentials', 'the old password');
  assert.equal((await login(t.app, user.email, newPassword)).statusCode, 200, 'the new password');
  expectError(await me(elsewhere), 401, 'unauthenticated', 'the other session');
  assert.equal((await me(current)).statusCode, 200, 'the session that made the change is kept');
});
