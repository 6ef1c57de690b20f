/**
 * Interactions over HTTP: logged with users and contacts as participants, listed with filters and keyset pages,
 * changed under the version read (409 on a stale one), deleted; participants checked against the workspace; each
 * contact's timeline kept in step.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { createTestApp, call, type TestApp } from '../helpers/app.ts';
import { makeUser, makeWorkspace, sessionFor, type TestWorkspace } from '../helpers/factories.ts';
import { expectError } from './expect-error.ts';

let t: TestApp;
let ws: TestWorkspace;
let other: TestWorkspace;
let dataDir: string;
let elodie: { id: string; customerNumber: string };
let bertrand: { id: string; customerNumber: string };
let atelier: { id: string; customerNumber: string };
let colleague: { id: string; name: string };

const post = (url: string, body: unknown) => call(t.app, { method: 'POST', url, body, session: ws.adminSession });
const patch = (url: string, body: unknown) => call(t.app, { method: 'PATCH', url, body, session: ws.adminSession });
const get = (url: string) => call(t.app, { url, session: ws.adminSession });
const remove = (url: string) => call(t.app, { method: 'DELETE', url, session: ws.adminSession });

interface TimelineRow {
  party_id: string;
  kind: string;
  channel: string;
  occurred_at: Date;
  data: Record<string, unknown>;
}

async function timelineOf(interactionId: string): Promise<TimelineRow[]> {
  const { rows } = await sql<TimelineRow>`
    select party_id, kind, channel, occurred_at, data from timeline_entries
    where workspace_id = ${ws.id} and subject_type = 'interaction' and subject_id = ${interactionId}
    order by party_id`.execute(t.database.db);
  return rows;
}

before(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'rapport-interactions-'));
  t = await createTestApp({ dataDir });
  ws = await makeWorkspace(t.database.db, 'Interactions Test');
  other = await makeWorkspace(t.database.db, 'Interactions Other');
  elodie = (await post('/api/people', { firstName: 'Élodie', lastName: 'Marchand' })).json();
  bertrand = (await post('/api/people', { firstName: 'Bertrand', lastName: 'Lefèvre' })).json();
  atelier = (await post('/api/organisations', { legalName: 'Atelier Lumière' })).json();
  const user = await makeUser(ws, 'sales', 'Camille Vendeuse');
  colleague = { id: user.id, name: user.name };
});
after(async () => {
  await t.close();
  await rm(dataDir, { recursive: true, force: true });
});

const call1 = () => ({
  channel: 'phone',
  direction: 'inbound',
  occurredAt: '2026-11-20T09:30:00.000Z',
  durationMinutes: 12,
  subject: '  Question sur la livraison ',
  body: 'La cliente demande quand arrive sa commande.',
  outcome: 'Date confirmée',
  participants: [{ partyId: elodie.id }, { userId: colleague.id }, { partyId: atelier.id }],
});

test('an interaction is logged with named participants and written on each contact’s timeline', async () => {
  const response = await post('/api/interactions', call1());
  assert.equal(response.statusCode, 201, response.body);
  const created = response.json();
  assert.equal(created.subject, 'Question sur la livraison');
  assert.equal(created.occurredAt, '2026-11-20T09:30:00.000Z');
  assert.equal(created.version, 1);
  assert.equal(created.attachmentCount, 0);
  assert.deepEqual(created.createdBy, { id: ws.admin.id, name: ws.admin.name });
  assert.deepEqual(created.participants, [
    { type: 'contact', partyId: elodie.id, displayName: 'Élodie Marchand', kind: 'person', customerNumber: elodie.customerNumber },
    { type: 'user', userId: colleague.id, name: 'Camille Vendeuse' },
    { type: 'contact', partyId: atelier.id, displayName: 'Atelier Lumière', kind: 'organisation', customerNumber: atelier.customerNumber },
  ]);
  assert.deepEqual((await get(`/api/interactions/${created.id}`)).json(), created);

  const entries = await timelineOf(created.id);
  assert.deepEqual(entries.map((e) => e.party_id).sort(), [elodie.id, atelier.id].sort());
  for (const entry of entries) {
    assert.equal(entry.kind, 'interaction');
    assert.equal(entry.channel, 'phone');
    assert.equal(entry.occurred_at.toISOString(), '2026-11-20T09:30:00.000Z');
    assert.deepEqual(entry.data, { action: 'created', title: 'Question sur la livraison', direction: 'inbound', outcome: 'Date confirmée', attachmentCount: 0 });
  }
  const history = await get(`/api/history/interaction/${created.id}`);
  assert.equal(history.statusCode, 200, history.body);
  assert.equal(history.json().data[0].action, 'create');
});

test('participants are checked: one user or contact each, a contact at least, all of this workspace', async () => {
  const before = (await get('/api/interactions?limit=200')).json().data.length;
  const noContact = await post('/api/interactions', { ...call1(), participants: [{ userId: colleague.id }] });
  assert.deepEqual(expectError(noContact, 400, 'validation_failed').issues, [{ field: 'body.participants', rule: 'must include at least one contact (partyId)' }]);
  const both = await post('/api/interactions', { ...call1(), participants: [{ partyId: elodie.id, userId: colleague.id }] });
  assert.equal(expectError(both, 400, 'validation_failed').issues![0]!.field, 'body.participants[0]');

  const foreign = (await call(t.app, { method: 'POST', url: '/api/people', body: { lastName: 'Ailleurs' }, session: other.adminSession })).json();
  const unknown = await post('/api/interactions', {
    ...call1(),
    participants: [{ partyId: elodie.id }, { partyId: foreign.id }, { userId: other.admin.id }],
  });
  const error = expectError(unknown, 422, 'unprocessable');
  assert.deepEqual(error.issues, [
    { field: 'body.participants[1].partyId', rule: 'must be a person or organisation of this workspace' },
    { field: 'body.participants[2].userId', rule: 'must be a user of this workspace' },
  ]);
  const order = await post('/api/interactions', { ...call1(), orderId: '00000000-0000-4000-8000-000000000000' });
  assert.equal(expectError(order, 422, 'unprocessable').issues![0]!.field, 'body.orderId');
  const badChannel = await post('/api/interactions', { ...call1(), channel: 'pigeon' });
  assert.equal(expectError(badChannel, 400, 'validation_failed').issues![0]!.field, 'body.channel');
  assert.equal((await get('/api/interactions?limit=200')).json().data.length, before, 'nothing was written');
});

test('an update needs the version read, moves the timeline entries with it, and a stale one gets 409', async () => {
  const created = (await post('/api/interactions', { ...call1(), participants: [{ partyId: elodie.id }, { partyId: atelier.id }] })).json();
  const updated = await patch(`/api/interactions/${created.id}`, {
    version: 1,
    occurredAt: '2026-11-21T14:00:00Z',
    outcome: 'Rappel prévu lundi',
    participants: [{ partyId: elodie.id }, { partyId: bertrand.id }],
  });
  assert.equal(updated.statusCode, 200, updated.body);
  assert.equal(updated.json().version, 2);
  assert.equal(updated.json().outcome, 'Rappel prévu lundi');
  assert.deepEqual(updated.json().participants.map((p: { partyId: string }) => p.partyId), [elodie.id, bertrand.id]);

  const entries = await timelineOf(created.id);
  assert.deepEqual(entries.map((e) => e.party_id).sort(), [elodie.id, bertrand.id].sort(), 'the organisation left, Bertrand joined');
  for (const entry of entries) {
    assert.equal(entry.occurred_at.toISOString(), '2026-11-21T14:00:00.000Z');
    assert.equal(entry.data.outcome, 'Rappel prévu lundi');
  }

  const stale = await patch(`/api/interactions/${created.id}`, { version: 1, subject: 'Écrasement' });
  const conflict = expectError(stale, 409, 'version_conflict');
  assert.equal((stale.json().error.current as { version: number }).version, 2);
  assert.equal(conflict.issues![0]!.field, 'body.version');
  assert.equal((await get(`/api/interactions/${created.id}`)).json().subject, 'Question sur la livraison');

  const same = await patch(`/api/interactions/${created.id}`, { version: 2, outcome: 'Rappel prévu lundi' });
  assert.equal(same.json().version, 2, 'a save that changes nothing keeps the version');
});

test('lists filter by contact, channel, direction, period and page by cursor, newest first', async () => {
  const person = (await post('/api/people', { lastName: 'Listée' })).json();
  const ids: string[] = [];
  for (let day = 1; day <= 5; day++) {
    const body = { ...call1(), channel: day % 2 ? 'email' : 'visit', direction: day === 5 ? 'outbound' : 'inbound', occurredAt: `2026-10-0${day}T10:00:00Z`, participants: [{ partyId: person.id }] };
    ids.push((await post('/api/interactions', body)).json().id);
  }
  const first = (await get(`/api/interactions?partyId=${person.id}&limit=2`)).json();
  assert.deepEqual(first.data.map((i: { id: string }) => i.id), [ids[4], ids[3]]);
  const second = (await get(`/api/interactions?partyId=${person.id}&limit=2&cursor=${first.nextCursor}`)).json();
  assert.deepEqual(second.data.map((i: { id: string }) => i.id), [ids[2], ids[1]]);
  const third = (await get(`/api/interactions?partyId=${person.id}&limit=2&cursor=${second.nextCursor}`)).json();
  assert.deepEqual(third.data.map((i: { id: string }) => i.id), [ids[0]]);
  assert.equal(third.nextCursor, null);

  const emails = (await get(`/api/interactions?partyId=${person.id}&channel=email`)).json().data;
  assert.deepEqual(emails.map((i: { id: string }) => i.id), [ids[4], ids[2], ids[0]]);
  const outbound = (await get(`/api/interactions?partyId=${person.id}&direction=outbound`)).json().data;
  assert.deepEqual(outbound.map((i: { id: string }) => i.id), [ids[4]]);
  const period = (await get(`/api/interactions?partyId=${person.id}&from=2026-10-02T00:00:00Z&to=2026-10-04T00:00:00Z&sort=occurredAt`)).json().data;
  assert.deepEqual(period.map((i: { id: string }) => i.id), [ids[1], ids[2]]);
  const foreign = await call(t.app, { url: `/api/interactions?partyId=${person.id}`, session: other.adminSession });
  assert.deepEqual(foreign.json().data, []);
});

test('deleting an interaction removes it, its participants and its timeline entries', async () => {
  const created = (await post('/api/interactions', call1())).json();
  assert.equal((await timelineOf(created.id)).length, 2);
  assert.equal((await remove(`/api/interactions/${created.id}`)).statusCode, 204);
  expectError(await get(`/api/interactions/${created.id}`), 404, 'not_found');
  assert.deepEqual(await timelineOf(created.id), []);
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from interaction_participants where workspace_id = ${ws.id} and interaction_id = ${created.id}`.execute(t.database.db);
  assert.equal(rows[0]!.n, 0);
  expectError(await remove(`/api/interactions/${created.id}`), 404, 'not_found');
});

test('a read-only user may read interactions but not log one', async () => {
  const reader = await makeUser(ws, 'read_only', 'Lecteur Seul');
  const session = await sessionFor(ws, reader);
  assert.equal((await call(t.app, { url: '/api/interactions', session })).statusCode, 200);
  expectError(await call(t.app, { method: 'POST', url: '/api/interactions', body: call1(), session }), 403, 'forbidden');
});
