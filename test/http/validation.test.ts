/**
 * How the API refuses bad input: malformed or oversized bodies, wrong types, unknown or missing fields,
 * foreign or forged cursors, bad ids and unknown routes. Every refusal has the one error body with a request
 * id and no stack trace, and random input never gets a 5xx.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { ROLES } from '../../src/platform/auth/permissions.ts';
import { buildApp, type App } from '../../src/platform/http/app.ts';
import { createTestApp, call, testConfig, type TestApp } from '../helpers/app.ts';
import { makeUser, makeWorkspace, type TestWorkspace } from '../helpers/factories.ts';
import { assertNoStackTrace, expectError, issueFor } from './expect-error.ts';

let t: TestApp;
/** The same API on the same database with a 1 KiB body limit. */
let small: App;
let ws: TestWorkspace;

before(async () => {
  t = await createTestApp();
  small = await buildApp({ config: testConfig({ bodyLimit: 1024 }), db: t.database.db, engine: t.database.engine, web: false, logger: false });
  ws = await makeWorkspace(t.database.db);
  // Enough users for /api/users?limit=1 to hand out cursors.
  await makeUser(ws, 'sales', 'Cursor Sales');
  await makeUser(ws, 'support', 'Cursor Support');
});

after(async () => {
  await small.close();
  await t.close();
});

const invite = (body: unknown, headers?: Record<string, string>) =>
  call(t.app, { method: 'POST', url: '/api/users/invitations', session: ws.adminSession, body, headers });

const validInvite = () => ({ email: `valid-${randomUUID().slice(0, 8)}@example.test`, name: 'Valid Invitee', role: 'sales' });

function encode(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

async function userCount(workspaceId: string): Promise<number> {
  const row = await t.database.db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

test('a body that is not JSON is 400 bad_request', async () => {
  for (const raw of ['{"email":', 'not json', '{"a":1}}', "{'single':'quotes'}"]) {
    expectError(await invite(raw, { 'content-type': 'application/json' }), 400, 'bad_request', raw);
  }
  expectError(await invite('', { 'content-type': 'application/json' }), 400, 'bad_request', 'empty body');
});

test('wrong types are 400 validation_failed naming the field and the rule', async () => {
  const role = expectError(await invite({ ...validInvite(), role: 5 }), 400, 'validation_failed');
  assert.ok(issueFor(role, 'body.role').rule.length > 0);
  assert.ok(role.issues!.every((i) => i.field === 'body.role'), JSON.stringify(role.issues));

  const name = expectError(await invite({ ...validInvite(), name: { first: 'A' } }), 400, 'validation_failed');
  assert.equal(issueFor(name, 'body.name').rule, 'must be string');

  const email = expectError(await invite({ ...validInvite(), email: 'not an email' }), 400, 'validation_failed');
  assert.match(issueFor(email, 'body.email').rule, /format "email"/);

  const badRole = expectError(await invite({ ...validInvite(), role: 'emperor' }), 400, 'validation_failed');
  issueFor(badRole, 'body.role');

  const notObject = expectError(await invite([validInvite()]), 400, 'validation_failed');
  assert.equal(issueFor(notObject, 'body').rule, 'must be object');

  const expires = expectError(
    await call(t.app, { method: 'POST', url: '/api/tokens', session: ws.adminSession, body: { name: 'x', scope: 'read', expiresInDays: 0 } }),
    400,
    'validation_failed',
  );
  assert.equal(issueFor(expires, 'body.expiresInDays').rule, 'must be >= 1');
});

// BUG (src/platform/http/app.ts, ajv customOptions coerceTypes: 'array'): Fastify applies type coercion to JSON
// bodies too, so `name: 5` is stored as "5", `name: true` as "true" and `name: ["x"]` as "x". Coercion is meant for
// the query string and path, where everything arrives as text; a JSON body has real types.
test('JSON bodies are not coerced: numbers, booleans and arrays are not strings', async () => {
  for (const name of [5, true, ['Listed']]) {
    const before = await userCount(ws.id);
    const error = expectError(await invite({ ...validInvite(), name }), 400, 'validation_failed', JSON.stringify(name));
    assert.equal(issueFor(error, 'body.name').rule, 'must be string');
    assert.equal(await userCount(ws.id), before);
  }
  const token = await call(t.app, { method: 'POST', url: '/api/tokens', session: ws.adminSession, body: { name: 'x', scope: 'read', expiresInDays: '30' } });
  issueFor(expectError(token, 400, 'validation_failed'), 'body.expiresInDays');
});

// BUG (src/modules/users/user-service.ts, inviteUser/createUser and updateUser; same in renameWorkspace's route):
// names are trimmed after validation, so a name of spaces passes `minLength: 1` and is stored empty.
test('a name of only spaces is refused rather than stored empty', async () => {
  const response = await invite({ ...validInvite(), name: '   ' });
  issueFor(expectError(response, 400, 'validation_failed'), 'body.name');
});

test('an unknown field is refused by name', async () => {
  const error = expectError(await invite({ ...validInvite(), isAdmin: true }), 400, 'validation_failed');
  assert.equal(issueFor(error, 'body.isAdmin').rule, 'is not an allowed field');
  const query = expectError(await call(t.app, { url: '/api/users?colour=blue', session: ws.adminSession }), 400, 'validation_failed');
  assert.ok(query.issues?.some((i) => i.field.endsWith('.colour') && i.rule === 'is not an allowed field'), JSON.stringify(query.issues));
});

test('a missing required field is refused by name', async () => {
  const { name: _name, ...withoutName } = validInvite();
  const error = expectError(await invite(withoutName), 400, 'validation_failed');
  assert.equal(issueFor(error, 'body.name').rule, 'is required');
  const empty = expectError(
    await call(t.app, { method: 'PATCH', url: `/api/users/${ws.admin.id}`, session: ws.adminSession, body: {} }),
    400,
    'validation_failed',
  );
  assert.ok(empty.issues?.some((i) => i.field === 'body'), JSON.stringify(empty.issues));
});

test('a body over the limit is 413 payload_too_large', async () => {
  const before = await userCount(ws.id);
  const response = await call(small, {
    method: 'POST',
    url: '/api/users/invitations',
    session: ws.adminSession,
    body: { ...validInvite(), name: 'n'.repeat(2000) },
  });
  expectError(response, 413, 'payload_too_large');
  assert.equal(await userCount(ws.id), before);
  // Just under the limit is fine on the same app.
  const fits = await call(small, { method: 'POST', url: '/api/users/invitations', session: ws.adminSession, body: validInvite() });
  assert.equal(fits.statusCode, 201, fits.body);
});

test('a body that is not JSON by content type is 415 unsupported_media_type', async () => {
  for (const [type, raw] of [
    ['application/xml', '<user/>'],
    ['application/x-www-form-urlencoded', 'email=a%40b.co&name=A&role=sales'],
    ['multipart/form-data; boundary=x', '--x--'],
  ]) {
    expectError(await invite(raw, { 'content-type': type! }), 415, 'unsupported_media_type', type);
  }
});

// Fastify ships a text/plain parser that the app keeps (src/platform/http/app.ts), so a text/plain body reaches
// validation and is answered 400 validation_failed "body must be object" instead of 415 like other non-JSON types.
test('a text/plain body is 415 like any other non-JSON body', async () => {
  expectError(await invite(JSON.stringify(validInvite()), { 'content-type': 'text/plain' }), 415, 'unsupported_media_type');
});

test('garbage, foreign and forged cursors are 400 invalid_cursor', async () => {
  const list = (query: string) => call(t.app, { url: `/api/users?${query}`, session: ws.adminSession });
  const byName = (await list('limit=1&sort=name')).json().nextCursor as string;
  const byEmail = (await list('limit=1&sort=email')).json().nextCursor as string;
  const events = await call(t.app, { url: '/api/events?limit=1', session: ws.adminSession });
  const eventCursor = events.json().nextCursor as string;
  assert.ok(byName && byEmail && eventCursor, 'the lists hand out cursors');
  assert.equal((await list(`limit=1&sort=name&cursor=${byName}`)).statusCode, 200, 'a genuine cursor is accepted');

  const cases: [string, string][] = [
    ['garbage', 'sort=name&cursor=garbage'],
    ['not base64 JSON', `sort=name&cursor=${Buffer.from('hello').toString('base64url')}`],
    ['cursor of another sort', `sort=name&cursor=${byEmail}`],
    ['cursor of another sort direction field', `sort=createdAt&cursor=${byName}`],
    ['cursor of another list', `sort=name&cursor=${eventCursor}`],
    ['forged non-timestamp value', `sort=createdAt&cursor=${encode(['createdAt', 'not a timestamp', randomUUID()])}`],
    ['forged non-uuid id', `sort=name&cursor=${encode(['name', 'Admin', 'not-a-uuid'])}`],
    ['forged number value', `sort=name&cursor=${encode(['name', 42, randomUUID()])}`],
    ['forged short array', `sort=name&cursor=${encode(['name', 'Admin'])}`],
    ['forged object', `sort=name&cursor=${encode({ sort: 'name' })}`],
  ];
  for (const [label, query] of cases) {
    const error = expectError(await list(query), 400, 'invalid_cursor', label);
    issueFor(error, 'query.cursor');
  }
  const forgedEvent = await call(t.app, { url: `/api/events?cursor=${encode(['id', 'abc', 'def'])}`, session: ws.adminSession });
  expectError(forgedEvent, 400, 'invalid_cursor', 'a forged bigint value');
  expectError(await call(t.app, { url: `/api/events?cursor=${byName}`, session: ws.adminSession }), 400, 'invalid_cursor', 'users cursor on events');
});

test('limit outside 1–200 is 400 naming query limit', async () => {
  for (const limit of ['0', '-1', '201', '1000', 'abc', '1.5', '']) {
    const error = expectError(await call(t.app, { url: `/api/users?limit=${limit}`, session: ws.adminSession }), 400, 'validation_failed', `limit=${limit}`);
    assert.ok(error.issues?.some((i) => /^query(string)?\.limit$/.test(i.field)), JSON.stringify(error.issues));
  }
  assert.equal((await call(t.app, { url: '/api/users?limit=200', session: ws.adminSession })).statusCode, 200);
  expectError(await call(t.app, { url: '/api/search?q=a&limit=51', session: ws.adminSession }), 400, 'validation_failed', 'search limit');
});

// src/platform/http/error-handler.ts (fieldOf) uses Fastify's validation context `querystring` as the prefix,
// while the cursor errors and the FieldIssue documentation in errors.ts say `query.<name>`.
test('query string issues are named query.<field>, like query.cursor', async () => {
  const error = expectError(await call(t.app, { url: '/api/users?limit=0', session: ws.adminSession }), 400, 'validation_failed');
  issueFor(error, 'query.limit');
});

test('a malformed id in the path is 400, an unknown one 404', async () => {
  for (const id of ['not-a-uuid', '123', `${randomUUID()}x`]) {
    const error = expectError(await call(t.app, { url: `/api/users/${id}`, session: ws.adminSession }), 400, 'validation_failed', id);
    issueFor(error, 'params.id');
  }
  expectError(await call(t.app, { url: `/api/users/${randomUUID()}`, session: ws.adminSession }), 404, 'not_found');
  const patch = await call(t.app, { method: 'PATCH', url: '/api/users/nope', session: ws.adminSession, body: { name: 'X' } });
  issueFor(expectError(patch, 400, 'validation_failed'), 'params.id');
});

test('an unknown API route is a JSON 404, signed in or not', async () => {
  for (const [method, url] of [
    ['GET', '/api/nope'],
    ['GET', '/api'],
    ['DELETE', '/api/users'],
    ['POST', '/api/users/invitations/extra'],
  ] as const) {
    const error = expectError(await call(t.app, { method, url, session: ws.adminSession }), 404, 'not_found', `${method} ${url}`);
    assert.match(error.message, /No route/);
    expectError(await call(t.app, { method, url }), 404, 'not_found', `${method} ${url} signed out`);
  }
});

test('the request id is echoed when the client sends a sane one, and generated otherwise', async () => {
  const echoed = await call(t.app, { url: '/api/nope', headers: { 'x-request-id': 'client-req.42' } });
  assert.equal(expectError(echoed, 404, 'not_found').requestId, 'client-req.42');
  const replaced = await call(t.app, { url: '/api/nope', headers: { 'x-request-id': 'spaces are not allowed' } });
  const generated = expectError(replaced, 404, 'not_found').requestId;
  assert.notEqual(generated, 'spaces are not allowed');
  assert.match(generated, /^[0-9a-f-]{36}$/);
  // Successful answers carry it too.
  const ok = await call(t.app, { url: '/api/me', session: ws.adminSession, headers: { 'x-request-id': 'ok-1' } });
  assert.equal(ok.headers['x-request-id'], 'ok-1');
});

/** True when a body passes the invitation schema read strictly: exact keys, real strings, a known role, a real name. */
function strictlyValidInvitation(body: unknown): boolean {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  const record = body as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  if (JSON.stringify(keys) !== JSON.stringify(['email', 'name', 'role'])) return false;
  const { email, name, role } = record;
  return (
    typeof email === 'string' &&
    email.length <= 254 &&
    typeof name === 'string' &&
    name.trim().length >= 1 &&
    name.length <= 120 &&
    (ROLES as readonly unknown[]).includes(role)
  );
}

/** Invitations that pass the schema: a real email, a name with a visible character, a known role. */
const validInvitation = fc.record({
  email: fc.emailAddress(),
  name: fc.tuple(fc.string({ maxLength: 50 }), fc.constantFrom('A', 'é', 'Zoë', '山')).map(([rest, visible]) => `${visible}${rest}`),
  role: fc.constantFrom(...ROLES),
});

/** Bodies from anything at all, through nearly valid invitations with a field or key off, to valid ones. */
const invitationBodies = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.record(
    {
      email: fc.oneof(fc.emailAddress(), fc.string(), fc.jsonValue({ maxDepth: 1 })),
      name: fc.oneof(fc.string({ minLength: 1, maxLength: 130 }), fc.stringMatching(/^\s{1,5}$/), fc.jsonValue({ maxDepth: 1 })),
      role: fc.oneof(fc.constantFrom(...ROLES), fc.string(), fc.jsonValue({ maxDepth: 1 })),
      extra: fc.jsonValue({ maxDepth: 1 }),
    },
    { requiredKeys: [] },
  ),
  validInvitation,
);

test('property: any JSON body to POST /api/users/invitations is 201 or 4xx, and only a 201 creates a user', async () => {
  const target = await makeWorkspace(t.database.db);
  let created = 0;
  await fc.assert(
    fc.asyncProperty(invitationBodies, async (body) => {
      const before = await userCount(target.id);
      const response = await call(t.app, {
        method: 'POST',
        url: '/api/users/invitations',
        session: target.adminSession,
        body: JSON.stringify(body),
        headers: { 'content-type': 'application/json' },
      });
      assert.ok(response.statusCode === 201 || (response.statusCode >= 400 && response.statusCode < 500), `${response.statusCode}: ${response.body}`);
      const after = await userCount(target.id);
      if (response.statusCode !== 201) {
        expectError(response, response.statusCode, response.json().error.code);
        assert.equal(after, before, 'a refused invitation created a user');
        return;
      }
      created++;
      assert.equal(after, before + 1);
      const record = body as { email: string; role: string };
      const user = response.json().user;
      assert.equal(user.email, record.email.trim().toLowerCase());
      assert.equal(user.role, record.role);
      assert.equal(user.status, 'invited');
      assertNoStackTrace(response);
    }),
    { numRuns: 150 },
  );
  assert.ok(created > 0, 'the generator produced at least one valid invitation');
});

// Fails today because of the body coercion and the whitespace-name bugs above.
test('property: an invitation is created only from a strictly valid body', async () => {
  const target = await makeWorkspace(t.database.db);
  // Valid keys and values except, often, the name: a number, a boolean, an array or only white space.
  const nearlyValid = fc.record({
    email: fc.emailAddress(),
    name: fc.oneof(fc.string({ maxLength: 130 }), fc.stringMatching(/^\s{1,5}$/), fc.jsonValue({ maxDepth: 1 })),
    role: fc.constantFrom(...ROLES),
  });
  await fc.assert(
    fc.asyncProperty(fc.oneof(invitationBodies, nearlyValid), async (body) => {
      const response = await call(t.app, { method: 'POST', url: '/api/users/invitations', session: target.adminSession, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
      if (response.statusCode === 201) assert.ok(strictlyValidInvitation(body), `accepted ${JSON.stringify(body)}`);
    }),
    { numRuns: 150 },
  );
});

function percentEncodeBytes(bytes: Uint8Array): string {
  return [...bytes].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');
}

/** Every UTF-8 byte percent-encoded; lone surrogates become U+FFFD as they would on the wire. */
function percentEncode(value: string): string {
  return percentEncodeBytes(Buffer.from(value, 'utf8'));
}

const SORTS = ['name', '-name', 'email', '-email', 'createdAt', '-createdAt'] as const;

/** A cursor of the right shape for `sort`, carrying random values that the database has to make sense of. */
function forgedCursor(sort: string) {
  const value = fc.oneof(
    fc.string({ unit: 'binary' }),
    fc.date().map((d) => (Number.isNaN(d.getTime()) ? 'NaN' : d.toISOString())),
    fc.constantFrom('infinity', '-infinity', '2026-02-30', '99999-01-01', ''),
  );
  return fc.tuple(fc.constant(sort.replace('-', '')), value, fc.oneof(fc.uuid(), fc.string())).map(encode);
}

/** Any cursor text for a sort: random text, base64 of anything, or a forged cursor of the right shape. */
function cursorsFor(sort: string) {
  return fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 1100 }),
    fc.string({ unit: 'binary', maxLength: 60 }),
    fc.base64String({ maxLength: 200 }),
    fc.jsonValue({ maxDepth: 2 }).map(encode),
    { arbitrary: forgedCursor(sort), weight: 4 },
  );
}

/** The cursor as it appears in the URL: percent-encoded text, or raw bytes that need not be UTF-8 at all. */
const sortAndCursor = fc.constantFrom(...SORTS).chain((sort) =>
  fc.tuple(fc.constant(sort), fc.oneof(cursorsFor(sort).map(percentEncode), fc.uint8Array({ maxLength: 80 }).map(percentEncodeBytes))),
);

test('property: any string as cursor gives 200 or 400, never 5xx', async () => {
  let accepted = 0;
  await fc.assert(
    fc.asyncProperty(sortAndCursor, async ([sort, cursor]) => {
      const url = `/api/users?sort=${sort}&limit=2&cursor=${cursor}`;
      const response = await call(t.app, { url, session: ws.adminSession });
      if (response.statusCode === 200) {
        assert.ok(Array.isArray(response.json().data));
        accepted++;
        return;
      }
      const error = expectError(response, 400, response.json().error?.code, url);
      assert.ok(['invalid_cursor', 'validation_failed'].includes(error.code), error.code);
    }),
    { numRuns: 250 },
  );
  assert.ok(accepted > 0, 'some forged cursors reached the database and were answered 200');
});
