/**
 * Alerts on a customer over HTTP: raised and resolved with who and when, the customer's active alert kinds kept
 * right on the record, the timeline and the change log written, and the workspace list.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestApp, call, type TestApp } from '../helpers/app.ts';
import { makeUser, makeWorkspace, sessionFor, type TestWorkspace } from '../helpers/factories.ts';
import { createParty } from '../../src/modules/parties/party-service.ts';
import { expectError, issueFor } from './expect-error.ts';

let t: TestApp;
let ws: TestWorkspace;

before(async () => {
  t = await createTestApp();
  ws = await makeWorkspace(t.database.db, 'Alerts Test');
});
after(() => t.close());

const post = (url: string, body: unknown, session = ws.adminSession) => call(t.app, { method: 'POST', url, body, session });
const get = (url: string, session = ws.adminSession) => call(t.app, { url, session });

async function activeAlerts(partyId: string): Promise<string[]> {
  const row = await t.database.db.selectFrom('parties').select(['active_alerts', 'version']).where('id', '=', partyId).executeTakeFirstOrThrow();
  return row.active_alerts;
}

async function raise(partyId: string, kind: string, note?: string, session = ws.adminSession) {
  const response = await post(`/api/parties/${partyId}/alerts`, { kind, ...(note ? { note } : {}) }, session);
  assert.equal(response.statusCode, 201, response.body);
  return response.json();
}

test('raising and resolving alerts keeps the customer’s active alert kinds sorted and distinct', async () => {
  const person = await createParty(ws.ctx, 'person', { firstName: 'Hugo', lastName: 'Lambert' });
  const id = person.row.id;
  const support = await makeUser(ws, 'support', 'Sarah Support');
  const supportSession = await sessionFor(ws, support);

  const vip = await raise(id, 'vip_care', 'Client historique : le rappeler sous 2 h');
  assert.deepEqual(await activeAlerts(id), ['vip_care']);
  const dispute = await raise(id, 'dispute', 'Conteste la facture de mars', supportSession);
  const secondDispute = await raise(id, 'dispute', 'Et celle d’avril');
  assert.deepEqual(await activeAlerts(id), ['dispute', 'vip_care'], 'sorted, each kind once');
  assert.deepEqual(dispute.raisedBy, { id: support.id, name: 'Sarah Support' });
  assert.equal(dispute.open, true);
  assert.equal(dispute.party.displayName, 'Hugo Lambert');
  assert.equal((await t.database.db.selectFrom('parties').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version, 1, 'the record’s version is not bumped');

  const resolved = await post(`/api/alerts/${dispute.id}/resolve`, { resolution: 'Avoir émis' });
  assert.equal(resolved.statusCode, 200, resolved.body);
  assert.equal(resolved.json().open, false);
  assert.equal(resolved.json().resolution, 'Avoir émis');
  assert.deepEqual(resolved.json().resolvedBy, { id: ws.admin.id, name: 'Admin Test' });
  assert.deepEqual(await activeAlerts(id), ['dispute', 'vip_care'], 'another dispute is still open');
  await post(`/api/alerts/${secondDispute.id}/resolve`, {});
  assert.deepEqual(await activeAlerts(id), ['vip_care']);
  expectError(await post(`/api/alerts/${dispute.id}/resolve`, {}), 409, 'conflict');
  await post(`/api/alerts/${vip.id}/resolve`, { resolution: null });
  assert.deepEqual(await activeAlerts(id), []);

  const list = await get(`/api/parties/${id}/alerts`);
  assert.equal(list.statusCode, 200, list.body);
  assert.equal(list.json().data.length, 3);
  assert.ok(list.json().data.every((a: { open: boolean; resolvedAt: string | null }) => !a.open && a.resolvedAt));

  const timeline = await sql<{ action: string; kind: string; alert_kind: string }>`
    select data->>'action' as action, kind, data->>'alertKind' as alert_kind from timeline_entries
    where workspace_id = ${ws.id} and party_id = ${id} and kind = 'alert' order by occurred_at, id`.execute(t.database.db);
  assert.equal(timeline.rows.filter((e) => e.action === 'raised').length, 3);
  assert.equal(timeline.rows.filter((e) => e.action === 'resolved').length, 3);
  const events = await sql<{ action: string }>`
    select action from events where workspace_id = ${ws.id} and entity = 'alert' and entity_id = ${dispute.id} order by id`.execute(t.database.db);
  assert.deepEqual(events.rows.map((e) => e.action), ['create', 'update']);
});

test("a customer's alerts list open ones first, and the workspace list filters by kind and state", async () => {
  const other = await makeWorkspace(t.database.db, 'Alerts List');
  const org = (await createParty(other.ctx, 'organisation', { legalName: 'Garage Moreau' })).row.id;
  const person = (await createParty(other.ctx, 'person', { lastName: 'Petit' })).row.id;
  const session = other.adminSession;
  const raiseIn = async (partyId: string, kind: string) => {
    const response = await post(`/api/parties/${partyId}/alerts`, { kind }, session);
    assert.equal(response.statusCode, 201, response.body);
    return response.json().id as string;
  };
  const unpaid = await raiseIn(org, 'unpaid_invoice');
  const complaint = await raiseIn(org, 'sensitive_complaint');
  const vip = await raiseIn(person, 'vip_care');
  await post(`/api/alerts/${unpaid}/resolve`, { resolution: 'Payé' }, session);

  const forOrg = (await get(`/api/parties/${org}/alerts`, session)).json().data.map((a: { id: string }) => a.id);
  assert.deepEqual(forOrg, [complaint, unpaid], 'open first');

  const ids = async (query: string) => (await get(`/api/alerts${query}`, session)).json().data.map((a: { id: string }) => a.id);
  assert.deepEqual(await ids(''), [vip, complaint, unpaid], 'newest first');
  assert.deepEqual(await ids('?open=true'), [vip, complaint]);
  assert.deepEqual(await ids('?open=false'), [unpaid]);
  assert.deepEqual(await ids('?kind=vip_care'), [vip]);
  const first = (await get('/api/alerts?limit=2', session)).json();
  assert.equal(first.data[0].party.displayName, 'Petit');
  assert.deepEqual((await get(`/api/alerts?limit=2&cursor=${first.nextCursor}`, session)).json().data.map((a: { id: string }) => a.id), [unpaid]);
});

test('bad input: unknown kind, unknown customer, unknown alert', async () => {
  const person = (await createParty(ws.ctx, 'person', { lastName: 'Sans alerte' })).row.id;
  const kind = expectError(await post(`/api/parties/${person}/alerts`, { kind: 'fraud' }), 400, 'validation_failed');
  assert.match(issueFor(kind, 'body.kind').rule, /must be one of/);
  const extra = expectError(await post(`/api/parties/${person}/alerts`, { kind: 'other', severity: 3 }), 400, 'validation_failed');
  assert.ok(extra.issues?.length);
  expectError(await post('/api/parties/00000000-0000-4000-8000-000000000000/alerts', { kind: 'other' }), 404, 'not_found');
  expectError(await post('/api/alerts/00000000-0000-4000-8000-000000000000/resolve', {}), 404, 'not_found');
  expectError(await get('/api/parties/00000000-0000-4000-8000-000000000000/alerts'), 404, 'not_found');
  assert.deepEqual(await activeAlerts(person), []);
  const reader = await sessionFor(ws, await makeUser(ws, 'read_only'));
  expectError(await post(`/api/parties/${person}/alerts`, { kind: 'other' }, reader), 403, 'forbidden');
});

test('concurrent raises on one customer all count', async () => {
  const person = (await createParty(ws.ctx, 'person', { lastName: 'Concurrent' })).row.id;
  const kinds = ['dispute', 'unpaid_invoice', 'sensitive_complaint', 'vip_care', 'other'];
  const responses = await Promise.all(kinds.map((kind) => post(`/api/parties/${person}/alerts`, { kind })));
  for (const response of responses) assert.equal(response.statusCode, 201, response.body);
  assert.deepEqual(await activeAlerts(person), [...kinds].sort());
});
