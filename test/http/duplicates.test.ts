/**
 * Duplicate detection over HTTP: a scan finds a seeded pair and explains it, an ignored pair stays ignored after
 * another scan, the check warns before a creation (and a creation stores the pair), settings are validated
 * naming the field, bulk ignore reports per pair, and lists hide a merged record.
 */
import { sql } from 'kysely';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createTestApp, call, type TestApp } from '../helpers/app.ts';
import { makeUser, makeWorkspace, sessionFor, type TestWorkspace } from '../helpers/factories.ts';
import { expectError, issueFor } from './expect-error.ts';
import { createParty } from '../../src/modules/parties/party-service.ts';
import { runOneJob } from '../../src/platform/jobs/runner.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

interface Candidate {
  id: string;
  score: number;
  level: string;
  status: string;
  source: string;
  a: { id: string; displayName: string };
  b: { id: string; displayName: string };
  fields: { field: string; verdict: string; reason: string; weight: number }[];
}

const api = (ws: TestWorkspace, method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown) =>
  call(t.app, { method, url, body, session: ws.adminSession });

async function drainJobs(): Promise<void> {
  while ((await runOneJob(t.database.db)) !== 'idle');
}

async function scan(ws: TestWorkspace): Promise<void> {
  const started = await api(ws, 'POST', '/api/duplicates/scan', { kind: 'person' });
  assert.equal(started.statusCode, 202, started.body);
  assert.equal(typeof started.json().jobId, 'number');
  assert.equal((await api(ws, 'GET', '/api/duplicates/summary')).json().scanning, true);
  await drainJobs();
}

async function candidates(ws: TestWorkspace, query = ''): Promise<Candidate[]> {
  const response = await api(ws, 'GET', `/api/duplicates?kind=person${query}`);
  assert.equal(response.statusCode, 200, response.body);
  return response.json().items;
}

/** Two records of one person typed twice, and a stranger; created through the service so no create check runs first. */
async function seedPair(ws: TestWorkspace) {
  const jean = await createParty(ws.ctx, 'person', {
    firstName: 'Jean-Pierre',
    lastName: 'Dupont',
    birthDate: '1974-03-12',
    emails: [{ email: 'jp.dupont@example.fr' }],
    addresses: [{ line1: '12 boulevard Voltaire', postcode: '75011', city: 'Paris' }],
  });
  const twin = await createParty(ws.ctx, 'person', {
    firstName: 'JP',
    lastName: 'Dupond',
    birthDate: '1974-12-03',
    addresses: [{ line1: '12 bd Voltaire', postcode: '75011', city: 'Paris' }],
  });
  await createParty(ws.ctx, 'person', { firstName: 'Claire', lastName: 'Moreau', birthDate: '1990-01-01' });
  return { jean: jean.row.id, twin: twin.row.id };
}

test('a scan finds the seeded pair and explains every field', async () => {
  const ws = await makeWorkspace(t.database.db);
  const { jean, twin } = await seedPair(ws);
  await scan(ws);
  const found = await candidates(ws);
  assert.equal(found.length, 1, JSON.stringify(found));
  const pair = found[0]!;
  assert.deepEqual(new Set([pair.a.id, pair.b.id]), new Set([jean, twin]));
  assert.equal(pair.level, 'match');
  assert.ok(pair.score >= 80 && pair.score <= 100);
  const reason = (field: string) => pair.fields.find((f) => f.field === field)?.reason;
  assert.equal(reason('lastName'), 'phonetically equal');
  assert.equal(reason('firstName'), 'nickname of');
  assert.equal(reason('birthDate'), 'day and month swapped');
  assert.equal(reason('address'), 'equal');
  const summary = (await api(ws, 'GET', '/api/duplicates/summary')).json();
  assert.equal(summary.open.person, 1);
  assert.equal(summary.scanning, false);
  assert.ok(summary.lastScanAt);
});

test('an ignored pair stays ignored after another scan, and can be reopened', async () => {
  const ws = await makeWorkspace(t.database.db);
  await seedPair(ws);
  await scan(ws);
  const [pair] = await candidates(ws);
  const ignored = await api(ws, 'POST', `/api/duplicates/${pair!.id}/ignore`);
  assert.equal(ignored.statusCode, 200, ignored.body);
  assert.equal(ignored.json().status, 'ignored');
  await scan(ws);
  assert.equal((await candidates(ws)).length, 0, 'the queue of open pairs is empty');
  const kept = await candidates(ws, '&status=ignored');
  assert.equal(kept.length, 1);
  assert.equal(kept[0]!.id, pair!.id);
  const reopened = await api(ws, 'POST', `/api/duplicates/${pair!.id}/reopen`);
  assert.equal(reopened.json().status, 'open');
  expectError(await api(ws, 'POST', `/api/duplicates/${randomUUID()}/ignore`), 404, 'not_found');
});

test('the check warns before a creation, and the creation stores the pair', async () => {
  const ws = await makeWorkspace(t.database.db);
  const existing = await createParty(ws.ctx, 'person', {
    firstName: 'Mathieu',
    lastName: 'Lefebvre',
    emails: [{ email: 'mathieu.lefebvre@gmail.com' }],
    phones: [{ phone: '06 12 34 56 78' }],
  });
  const record = { firstName: 'Matthieu', lastName: 'Lefèvre', emails: [{ email: 'Mathieu.Lefebvre+shop@gmail.com' }] };
  const checked = await api(ws, 'POST', '/api/duplicates/check', { kind: 'person', record });
  assert.equal(checked.statusCode, 200, checked.body);
  const [match] = checked.json().matches;
  assert.equal(match.id, existing.row.id);
  assert.equal(match.customerNumber, existing.row.customer_number);
  assert.ok(match.score >= 80, `score ${match.score}`);
  assert.equal(match.level, 'match');
  const nothing = await api(ws, 'POST', '/api/duplicates/check', { kind: 'person', record: { lastName: 'Zyx', birthDate: 'soon', emails: 'x' } });
  assert.deepEqual(nothing.json().matches, []);
  expectError(await api(ws, 'POST', '/api/duplicates/check', { kind: 'robot', record }), 400, 'validation_failed');

  const created = await api(ws, 'POST', '/api/people', record);
  assert.equal(created.statusCode, 201, created.body);
  const [stored] = await candidates(ws);
  assert.equal(stored!.source, 'create');
  assert.deepEqual(new Set([stored!.a.id, stored!.b.id]), new Set([existing.row.id, created.json().id]));
});

test('settings are validated naming the field, and need duplicates:configure', async () => {
  const ws = await makeWorkspace(t.database.db);
  const defaults = await api(ws, 'GET', '/api/duplicates/settings');
  assert.deepEqual(defaults.json(), { matchThreshold: 80, possibleThreshold: 60, autoMerge: false, autoMergeThreshold: 97 });
  const good = { matchThreshold: 85, possibleThreshold: 50, autoMerge: true, autoMergeThreshold: 99 };
  const saved = await api(ws, 'PUT', '/api/duplicates/settings', good);
  assert.equal(saved.statusCode, 200, saved.body);
  assert.deepEqual(saved.json(), good);
  issueFor(expectError(await api(ws, 'PUT', '/api/duplicates/settings', { ...good, possibleThreshold: 90 }), 400, 'validation_failed'), 'body.possibleThreshold');
  issueFor(expectError(await api(ws, 'PUT', '/api/duplicates/settings', { ...good, autoMergeThreshold: 70 }), 400, 'validation_failed'), 'body.autoMergeThreshold');
  issueFor(expectError(await api(ws, 'PUT', '/api/duplicates/settings', { ...good, matchThreshold: 101 }), 400, 'validation_failed'), 'body.matchThreshold');
  assert.deepEqual((await api(ws, 'GET', '/api/duplicates/settings')).json(), good, 'refused changes wrote nothing');
  const reader = await sessionFor(ws, await makeUser(ws, 'read_only'));
  expectError(await call(t.app, { method: 'PUT', url: '/api/duplicates/settings', body: good, session: reader }), 403, 'forbidden');
});

test('bulk ignore decides each pair and reports the ones it could not', async () => {
  const ws = await makeWorkspace(t.database.db);
  await seedPair(ws);
  await createParty(ws.ctx, 'person', { firstName: 'Robert', lastName: 'Martin', birthDate: '1960-05-05', phones: [{ phone: '0145678901' }] });
  await createParty(ws.ctx, 'person', { firstName: 'Bob', lastName: 'Martin', birthDate: '1960-05-05' });
  await scan(ws);
  const found = await candidates(ws);
  assert.equal(found.length, 2, JSON.stringify(found.map((c) => [c.a.displayName, c.b.displayName])));
  const missing = randomUUID();
  const response = await api(ws, 'POST', '/api/duplicates/bulk', { ids: [...found.map((c) => c.id), missing], action: 'ignore' });
  assert.equal(response.statusCode, 200, response.body);
  assert.equal(response.json().done, 2);
  assert.deepEqual(response.json().failed.map((f: { id: string }) => f.id), [missing]);
  assert.equal((await candidates(ws)).length, 0);
  assert.equal((await candidates(ws, '&status=ignored')).length, 2);
  issueFor(expectError(await api(ws, 'POST', '/api/duplicates/bulk', { ids: [], action: 'ignore' }), 400, 'validation_failed'), 'body.ids');
});

test('pairs come in pages, highest score first', async () => {
  const ws = await makeWorkspace(t.database.db);
  await seedPair(ws);
  await createParty(ws.ctx, 'person', { firstName: 'Robert', lastName: 'Martin', birthDate: '1960-05-05' });
  await createParty(ws.ctx, 'person', { firstName: 'Bob', lastName: 'Martin', birthDate: '1960-05-05' });
  await scan(ws);
  const first = await api(ws, 'GET', '/api/duplicates?limit=1');
  const page = first.json();
  assert.equal(page.items.length, 1);
  assert.ok(page.nextCursor);
  const second = (await api(ws, 'GET', `/api/duplicates?limit=1&cursor=${page.nextCursor}`)).json();
  assert.equal(second.items.length, 1);
  assert.ok(page.items[0].score >= second.items[0].score);
  assert.notEqual(page.items[0].id, second.items[0].id);
  expectError(await api(ws, 'GET', '/api/duplicates?cursor=nonsense'), 400, 'invalid_cursor');
});

test('bulk merge keeps the more complete record; lists and search no longer show the absorbed one', async () => {
  const ws = await makeWorkspace(t.database.db);
  const { jean, twin } = await seedPair(ws);
  await scan(ws);
  const [pair] = await candidates(ws);
  const response = await api(ws, 'POST', '/api/duplicates/bulk', { ids: [pair!.id], action: 'merge' });
  assert.equal(response.statusCode, 200, response.body);
  assert.deepEqual(response.json(), { done: 1, failed: [] });
  assert.equal((await candidates(ws, '&status=merged')).length, 1);
  const absorbed = (await api(ws, 'GET', `/api/people/${twin}`)).json();
  assert.equal(absorbed.mergedIntoId, jean, 'the record with the e-mail survives');
  const listed = (await api(ws, 'GET', '/api/people?limit=200')).json().data.map((p: { id: string }) => p.id);
  assert.ok(listed.includes(jean) && !listed.includes(twin));
  const search = await api(ws, 'GET', '/api/search?q=Dupon');
  assert.equal(search.statusCode, 200, search.body);
  assert.ok(search.body.includes(jean), 'search finds the survivor');
  assert.ok(!search.body.includes(twin), 'search hides the absorbed record');
});

test('a scan gives their name key to records that have none (older or loaded data), and finds the pair all the same', async () => {
  const ws = await makeWorkspace(t.database.db);
  const { jean, twin } = await seedPair(ws);
  const keys = async () =>
    (await sql<{ id: string; name_key: string | null }>`select id, name_key from parties where workspace_id = ${ws.id} order by id`.execute(t.database.db)).rows;
  const before = await keys();
  assert.ok(before.every((row) => row.name_key), 'records get their key when created');
  await sql`update parties set name_key = null where workspace_id = ${ws.id}`.execute(t.database.db);
  await scan(ws);
  assert.deepEqual(await keys(), before);
  const found = await candidates(ws);
  assert.deepEqual(found.map((pair) => new Set([pair.a.id, pair.b.id])), [new Set([jean, twin])]);
});
