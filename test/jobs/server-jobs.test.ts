/**
 * Jobs in a real server (`RAPPORT_JOBS=inline`): a change made over HTTP reaches a subscriber's handler through
 * the server's own runner. Also the smoke test of test/helpers/server.ts, which the browser tests build on.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { subscribe } from '../../src/platform/events/subscriptions.ts';
import { registerJobHandler, type JobRecord } from '../../src/platform/jobs/runner.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { waitUntil } from './fixtures/wait.ts';

let server: TestServer;

before(async () => {
  server = await startTestServer();
});

after(() => server?.close());

async function signIn(): Promise<{ cookie: string; csrfToken: string }> {
  const response = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: server.adminEmail, password: server.adminPassword }),
  });
  assert.equal(response.status, 200, await response.clone().text());
  const session = response.headers.getSetCookie().find((c) => c.startsWith('rapport_session='));
  assert.ok(session, 'a session cookie is set');
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie: session.split(';')[0]!, csrfToken };
}

test('the test server answers on its socket with the web app, the API and the admin it reports', async () => {
  const health = await fetch(`${server.url}/health`);
  assert.equal(health.status, 200);
  assert.equal(((await health.json()) as { status: string }).status, 'ok');
  const page = await fetch(`${server.url}/contacts`);
  assert.equal(page.status, 200);
  assert.match(page.headers.get('content-type') ?? '', /text\/html/);

  const { cookie } = await signIn();
  const me = await fetch(`${server.url}/api/me`, { headers: { cookie } });
  assert.equal(me.status, 200);
  const body = (await me.json()) as { user: { email: string; role: string }; workspace: { slug: string } };
  assert.equal(body.user.email, server.adminEmail);
  assert.equal(body.user.role, 'admin');
  assert.equal(body.workspace.slug, server.workspaceSlug);
});

test("a user invited over HTTP is delivered to a subscriber by the server's in-process runner", async (t) => {
  const kind = `test-${randomUUID()}`;
  t.after(subscribe({ jobKind: kind, entities: ['user'], actions: ['create'] }));
  const delivered: JobRecord[] = [];
  registerJobHandler(kind, async (_ctx, job) => {
    delivered.push(job);
  });

  const { cookie, csrfToken } = await signIn();
  const email = `invited-${randomUUID().slice(0, 8)}@example.test`;
  const response = await fetch(`${server.url}/api/users/invitations`, {
    method: 'POST',
    headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
    body: JSON.stringify({ email, name: 'Invited Person', role: 'sales' }),
  });
  assert.equal(response.status, 201, await response.clone().text());
  const { user } = (await response.json()) as { user: { id: string } };

  // The runner polls every second when idle: a subscriber's job is not announced to it (see the report).
  await waitUntil('the job is delivered', () => delivered.length > 0, 10_000);
  assert.equal(delivered.length, 1);
  assert.deepEqual({ ...delivered[0]!.payload, eventId: 0 }, { eventId: 0, entity: 'user', entityId: user.id, action: 'create' });
});
