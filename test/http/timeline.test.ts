/**
 * The customer timeline and what surrounds it: record changes land on it, an organisation's feed holds its
 * people's entries, filters and cursor pages hold, the 360 view, and deletion refused for a customer with a
 * history.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestApp, call, type TestApp } from '../helpers/app.ts';
import { makeWorkspace, type TestWorkspace } from '../helpers/factories.ts';
import { inTransaction } from '../../src/platform/context.ts';
import { recordTimeline } from '../../src/modules/timeline/timeline-writer.ts';

let t: TestApp;
let ws: TestWorkspace;

before(async () => {
  t = await createTestApp();
  ws = await makeWorkspace(t.database.db, 'Timeline Test');
});
after(() => t.close());

const get = (url: string) => call(t.app, { url, session: ws.adminSession });
const send = (method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown) =>
  call(t.app, { method, url, body, session: ws.adminSession });

async function create(kind: 'people' | 'organisations', body: object) {
  const response = await send('POST', `/api/${kind}`, body);
  assert.equal(response.statusCode, 201, response.body);
  return response.json() as { id: string; version: number; customerNumber: string };
}

test('creating and changing a record, its roles and its consent each land on the timeline', async () => {
  const person = await create('people', { firstName: 'Inès', lastName: 'Bonnet', roles: ['prospect'] });
  const changed = await send('PATCH', `/api/people/${person.id}`, { version: person.version, notes: 'Rappeler en janvier' });
  assert.equal(changed.statusCode, 200, changed.body);
  const promoted = await send('PATCH', `/api/people/${person.id}`, { version: changed.json().version, roles: ['customer'] });
  assert.equal(promoted.statusCode, 200, promoted.body);
  const consent = await send('PUT', `/api/parties/${person.id}/consents`, {
    consents: [{ channel: 'email', purpose: 'marketing', status: 'granted', source: 'web form' }],
  });
  assert.equal(consent.statusCode, 200, consent.body);

  const feed = (await get(`/api/parties/${person.id}/timeline`)).json();
  assert.deepEqual(
    feed.data.map((entry: { kind: string }) => entry.kind),
    ['consent', 'role', 'field_change', 'record'],
  );
  const fieldChange = feed.data.find((entry: { kind: string }) => entry.kind === 'field_change');
  assert.deepEqual(fieldChange.data.changes.notes, { before: null, after: 'Rappeler en janvier' });
  assert.equal(fieldChange.actor.label, ws.admin.email);
  const only = (await get(`/api/parties/${person.id}/timeline?kind=role,consent`)).json();
  assert.deepEqual(only.data.map((entry: { kind: string }) => entry.kind), ['consent', 'role']);

  const bad = await get(`/api/parties/${person.id}/timeline?kind=order,teleport`);
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().error.issues[0].field, 'query.kind');
  assert.match(bad.json().error.message, /teleport/);
});

test("an organisation's timeline holds its people's entries, marked with the person; pages never repeat or skip", async () => {
  const organisation = await create('organisations', { legalName: 'Menuiserie Arnaud' });
  const employee = await create('people', { firstName: 'Paul', lastName: 'Arnaud' });
  const link = await send('POST', `/api/parties/${employee.id}/links`, { kind: 'employee_of', otherPartyId: organisation.id });
  assert.equal(link.statusCode, 201, link.body);
  const start = Date.parse('2025-01-01T08:00:00Z');
  await inTransaction(ws.ctx, (tx) =>
    recordTimeline(tx, [
      ...Array.from({ length: 40 }, (_, i) => ({
        partyId: organisation.id,
        kind: 'order' as const,
        occurredAt: new Date(start + i * 3_600_000 * 24),
        subjectType: 'order' as const,
        data: { action: 'created', number: `CMD-2025-${String(i).padStart(6, '0')}` },
      })),
      ...Array.from({ length: 35 }, (_, i) => ({
        partyId: employee.id,
        kind: 'interaction' as const,
        channel: i % 2 ? 'phone' : 'email',
        occurredAt: new Date(start + i * 3_600_000 * 24 + 3_600_000),
        data: { action: 'created', title: `Échange ${i}` },
      })),
    ]),
  );

  const seen: { id: string; occurredAt: string; via: { id: string } | null }[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const response = await get(`/api/parties/${organisation.id}/timeline?limit=20${query}`);
    assert.equal(response.statusCode, 200, response.body);
    const page = response.json();
    seen.push(...page.data);
    cursor = page.nextCursor;
    pages++;
  } while (cursor && pages < 20);
  // 40 orders + 35 interactions + the organisation's and the person's own "created" entries + the person's link does not log on the timeline.
  const expected = 40 + 35 + 2;
  assert.equal(seen.length, expected);
  assert.equal(new Set(seen.map((entry) => entry.id)).size, expected, 'no entry twice');
  const times = seen.map((entry) => Date.parse(entry.occurredAt));
  assert.ok(times.every((time, i) => i === 0 || times[i - 1]! >= time), 'newest first across pages');
  const fromEmployee = seen.filter((entry) => entry.via?.id === employee.id);
  assert.equal(fromEmployee.length, 36);

  const phoneOnly = (await get(`/api/parties/${organisation.id}/timeline?channel=phone&limit=100`)).json();
  assert.equal(phoneOnly.data.length, 17);
  const withoutPeople = (await get(`/api/parties/${organisation.id}/timeline?includePeople=false&limit=100`)).json();
  assert.equal(withoutPeople.data.length, 41);
  assert.equal((await get(`/api/parties/${organisation.id}/timeline?cursor=bm9wZQ`)).statusCode, 400);
});

test('the 360 view gives the record, its metrics and the latest entries; a customer without history has zero metrics', async () => {
  const person = await create('people', { firstName: 'Léa', lastName: 'Garnier' });
  const metrics = await get(`/api/parties/${person.id}/metrics`);
  assert.equal(metrics.statusCode, 200, metrics.body);
  assert.equal(metrics.json().orderCount, 0);
  assert.equal(metrics.json().revenue, '0.00');
  assert.equal(metrics.json().daysSinceLastPurchase, null);
  const overview = await get(`/api/parties/${person.id}/overview?events=5`);
  assert.equal(overview.statusCode, 200, overview.body);
  const body = overview.json();
  assert.equal(body.party.displayName, 'Léa Garnier');
  assert.deepEqual(body.party.activeAlerts, []);
  assert.equal(body.party.metrics, null);
  assert.equal(body.latest[0].kind, 'record');
  assert.equal((await get('/api/parties/00000000-0000-4000-8000-000000000000/overview')).statusCode, 404);
});

test('a customer with orders cannot be deleted (409, nothing removed); one entered by mistake can', async () => {
  const mistake = await create('people', { lastName: 'Doublon' });
  const deleted = await send('DELETE', `/api/people/${mistake.id}`);
  assert.equal(deleted.statusCode, 204, deleted.body);
  assert.equal((await get(`/api/people/${mistake.id}`)).statusCode, 404);

  const buyer = await create('people', { lastName: 'Acheteur', roles: ['customer'] });
  const db = t.database.db;
  await sql`insert into products (workspace_id, id, sku, name, unit_price) values (${ws.id}, gen_random_uuid(), 'T-1', 'Table', 100)`.execute(db);
  await sql`insert into orders (workspace_id, id, number, customer_id, ordered_at, channel, total_excl_tax)
    values (${ws.id}, gen_random_uuid(), 'CMD-T-1', ${buyer.id}, now(), 'store', 100)`.execute(db);
  const refused = await send('DELETE', `/api/people/${buyer.id}`);
  assert.equal(refused.statusCode, 409, refused.body);
  assert.match(refused.json().error.message, /1 orders/);
  assert.match(refused.json().error.message, /erase/);
  assert.equal((await get(`/api/people/${buyer.id}`)).statusCode, 200);
  assert.equal((await send('DELETE', `/api/organisations/${buyer.id}`)).statusCode, 404, 'a person is not deleted through the organisations route');
});

test('erasure rewrites the values of record changes on the timeline', async () => {
  const person = await create('people', { firstName: 'Hugo', lastName: 'Perrin' });
  await send('PATCH', `/api/people/${person.id}`, { version: person.version, notes: 'Allergique aux acariens' });
  const erased = await send('POST', `/api/parties/${person.id}/erase`, { confirm: person.customerNumber });
  assert.equal(erased.statusCode, 200, erased.body);
  const feed = (await get(`/api/parties/${person.id}/timeline?kind=field_change`)).json();
  assert.ok(feed.data.length >= 1);
  assert.ok(!JSON.stringify(feed.data).includes('acariens'), JSON.stringify(feed.data));
  assert.deepEqual(feed.data.at(-1).data.changes.notes, { before: '(erased)', after: '(erased)' });
});
