/**
 * Merging two customer records over HTTP: the preview, everything that pointed at the absorbed record moving
 * to the survivor (orders, invoices, cases, feedback, tasks, alerts, timeline, interactions, links), survivorship
 * of values, contact points and consent, the absorbed record hidden but still answering with `mergedIntoId`,
 * its number resolving to the survivor, metrics summed, the change log; the undo putting both records back
 * exactly; the refusals; and the list of references checked against the database's own foreign keys.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { createTestApp, call, type TestApp } from '../helpers/app.ts';
import { makeUser, makeWorkspace, sessionFor, type TestWorkspace } from '../helpers/factories.ts';
import { makeOrder } from '../helpers/billing-fixtures.ts';
import { expectError, issueFor } from './expect-error.ts';
import { createParty } from '../../src/modules/parties/party-service.ts';
import { addLink } from '../../src/modules/parties/party-links.ts';
import { setConsents } from '../../src/modules/parties/party-consents.ts';
import { setEditScopes } from '../../src/modules/parties/record-access.ts';
import { invoiceOrder } from '../../src/modules/billing/invoice-service.ts';
import { createCase } from '../../src/modules/cases/case-service.ts';
import { createFeedback } from '../../src/modules/feedback/feedback-service.ts';
import { createTask } from '../../src/modules/tasks/task-service.ts';
import { raiseAlert } from '../../src/modules/alerts/alert-service.ts';
import { createInteraction } from '../../src/modules/interactions/interaction-service.ts';
import { PARTY_REFERENCES } from '../../src/modules/duplicates/merge-moves.ts';
import { mergeMostComplete } from '../../src/modules/duplicates/merge-service.ts';
import { loadSnapshot } from '../../src/modules/duplicates/merge-snapshot.ts';

let t: TestApp;
let ws: TestWorkspace;

before(async () => {
  t = await createTestApp();
  ws = await makeWorkspace(t.database.db, 'Merges Test');
});
after(() => t.close());

const post = (url: string, body?: unknown, session = ws.adminSession) => call(t.app, { method: 'POST', url, body, session });
const get = (url: string, session = ws.adminSession) => call(t.app, { url, session });
async function ok<T = any>(response: Awaited<ReturnType<typeof get>>, status = 200): Promise<T> {
  assert.equal(response.statusCode, status, response.body);
  return response.json() as T;
}

interface Pair {
  survivor: { id: string; number: string };
  absorbed: { id: string; number: string };
  organisationId: string;
}

/** Two records of one customer, each with a commercial and after-sales history, linked to each other and to others. */
async function makePair(tag = randomUUID().slice(0, 6)): Promise<Pair> {
  const ctx = ws.ctx;
  const s = await createParty(ctx, 'person', {
    firstName: 'Jean',
    lastName: `Dupont${tag}`,
    emails: [{ email: `jean.${tag}@exemple.fr` }],
    phones: [{ phone: '06 12 34 56 78' }],
    addresses: [{ line1: '12 boulevard Voltaire', postcode: '75011', city: 'Paris' }],
    tags: ['jardin'],
    roles: ['prospect', 'partner'],
  });
  const a = await createParty(ctx, 'person', {
    firstName: 'Jean-Pierre',
    lastName: `Dupont${tag}`,
    birthDate: '1971-04-12',
    emails: [{ email: `JEAN.${tag}@exemple.fr` }, { email: `jp.${tag}@dupont.fr`, type: 'work' }],
    phones: [{ phone: '+33612345678' }, { phone: '01 45 67 89 01', type: 'home' }],
    addresses: [{ line1: '12 bd Voltaire', postcode: '75011', city: 'PARIS' }],
    tags: ['vip', 'jardin'],
    roles: ['customer', 'partner'],
  });
  const org = await createParty(ctx, 'organisation', { legalName: `Pépinières ${tag}` });
  const friend = await createParty(ctx, 'person', { firstName: 'Ami', lastName: `Martin${tag}` });
  await setConsents(ctx, s.row.id, [{ channel: 'email', purpose: 'marketing', status: 'granted', source: 'shop' }]);
  await setConsents(ctx, a.row.id, [
    { channel: 'email', purpose: 'marketing', status: 'denied', source: 'phone call' },
    { channel: 'sms', purpose: 'marketing', status: 'granted', source: 'web' },
    { channel: 'post', purpose: 'service', status: 'granted', source: 'web' },
  ]);
  await setConsents(ctx, s.row.id, [{ channel: 'post', purpose: 'service', status: 'granted', source: 'shop' }]);
  await addLink(ctx, a.row.id, { kind: 'employee_of', otherPartyId: org.row.id, function: 'Acheteur' });
  await addLink(ctx, s.row.id, { kind: 'employee_of', otherPartyId: org.row.id });
  await addLink(ctx, a.row.id, { kind: 'spouse', otherPartyId: s.row.id });
  await addLink(ctx, friend.row.id, { kind: 'referred_by', otherPartyId: a.row.id });

  const lines = (price: string) => ({ lines: [{ product: { name: `Rosier ${tag}`, unitPrice: price, unitCost: '10.00' }, quantity: 1 }] });
  await makeOrder(ctx, { customerId: s.row.id, ...lines('100.00') });
  const order = await makeOrder(ctx, { customerId: a.row.id, ...lines('40.00') });
  await makeOrder(ctx, { customerId: a.row.id, ...lines('60.00') });
  await invoiceOrder(ctx, order.id, {});
  await createCase(ctx, { partyId: a.row.id, type: 'complaint', channel: 'phone', subject: 'Rosier fané' });
  await createFeedback(ctx, { partyId: a.row.id, touchpoint: 'delivery', channel: 'email', nps: 4 });
  await createTask(ctx, { kind: 'call', title: 'Rappeler', partyId: a.row.id, assigneeId: ws.admin.id, dueAt: '2026-12-01T09:00' });
  await raiseAlert(ctx, a.row.id, { kind: 'dispute', note: 'Litige livraison' });
  const occurredAt = '2026-11-20T10:00:00Z';
  await createInteraction(ctx, { channel: 'phone', direction: 'inbound', occurredAt, subject: 'Appel à deux', participants: [{ partyId: a.row.id }, { partyId: s.row.id }] });
  await createInteraction(ctx, { channel: 'email', direction: 'outbound', occurredAt, subject: 'Devis', participants: [{ partyId: a.row.id }] });
  return {
    survivor: { id: s.row.id, number: s.row.customer_number },
    absorbed: { id: a.row.id, number: a.row.customer_number },
    organisationId: org.row.id,
  };
}

/** Every row pointing at a record, table by table, and the record itself: what an undo must give back exactly. */
async function fullState(partyId: string) {
  const db = t.database.db;
  const refs: Record<string, string[]> = {};
  for (const r of PARTY_REFERENCES) {
    if (r.handling === 'history' || r.handling === 'recomputed' || r.table === 'notifications') continue;
    const { rows } = await sql<{ row: unknown }>`
      select to_jsonb(x) - 'created_at' as row from ${sql.table(r.table)} x
      where workspace_id = ${ws.id} and ${sql.ref(r.column)} = ${partyId}`.execute(db);
    refs[`${r.table}.${r.column}`] = rows
      .map((row) => JSON.stringify(row.row))
      .filter((row) => !(r.table === 'timeline_entries' && /"kind": ?"record"/.test(row)))
      .sort();
  }
  const snapshot = await loadSnapshot({ ...ws.ctx }, partyId);
  const { version, updated_at, ...row } = snapshot.row;
  const metrics = await sql`select revenue, order_count, case_count, feedback_count from customer_metrics where workspace_id = ${ws.id} and party_id = ${partyId}`.execute(db);
  return { ...snapshot, row, refs, metrics: metrics.rows };
}

test('preview and merge: values, contact points and consent survive, everything moves, the absorbed record redirects', async () => {
  const pair = await makePair();
  const { survivor, absorbed } = pair;
  // The pair may already be a candidate (detected on creation): take its row, or make one.
  const [a, b] = [survivor.id, absorbed.id].sort();
  const { rows: pairRows } = await sql<{ id: string }>`
    insert into duplicate_candidates (workspace_id, id, kind, party_a, party_b, score, fields, source)
    values (${ws.id}, ${randomUUID()}, 'person', ${a}, ${b}, 91, '[]', 'scan')
    on conflict (workspace_id, party_a, party_b) do update set status = 'open'
    returning id`.execute(t.database.db);
  const candidateId = pairRows[0]!.id;

  const preview = await ok(await get(`/api/merges/preview?survivorId=${survivor.id}&absorbedId=${absorbed.id}&strategy=most_complete`));
  assert.deepEqual(preview.survivor, { id: survivor.id, kind: 'person', displayName: preview.survivor.displayName, customerNumber: survivor.number });
  const firstName = preview.fields.find((f: any) => f.field === 'firstName');
  assert.deepEqual(firstName, { field: 'firstName', survivorValue: 'Jean', absorbedValue: 'Jean-Pierre', chosen: 'survivor', differs: true });
  assert.equal(preview.fields.find((f: any) => f.field === 'birthDate').chosen, 'absorbed');
  assert.equal(preview.emails.length, 2, 'the same mailbox written twice counts once');
  assert.equal(preview.phones.length, 2);
  assert.equal(preview.addresses.length, 1, '"bd" and "boulevard" are one address');
  assert.deepEqual(
    preview.consents.map((c: any) => `${c.channel}/${c.purpose}=${c.status}`),
    ['email/marketing=denied', 'post/service=granted'],
    'denied beats granted; a channel only one record consented to stays unanswered',
  );
  assert.deepEqual(
    { orders: preview.moves.orders, invoices: preview.moves.invoices, cases: preview.moves.cases, feedback: preview.moves.feedback, tasks: preview.moves.tasks },
    { orders: 2, invoices: 1, cases: 1, feedback: 1, tasks: 1 },
  );
  assert.ok(preview.moves.timeline > 5 && preview.moves.interactions === 2 && preview.moves.links === 3, JSON.stringify(preview.moves));

  const created = await ok(
    await post('/api/merges', { survivorId: survivor.id, absorbedId: absorbed.id, strategy: 'most_complete', picks: { firstName: 'absorbed' }, candidateId }),
    201,
  );
  assert.equal(created.canUndo, true);
  assert.equal(created.mergedBy.id, ws.admin.id);
  assert.equal(created.moved.orders, 2);

  // Nothing points at the absorbed record any more, apart from its own rows and the merge history.
  for (const r of PARTY_REFERENCES.filter((r) => r.handling === 'move' || r.handling === 'special')) {
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from ${sql.table(r.table)} where workspace_id = ${ws.id} and ${sql.ref(r.column)} = ${absorbed.id}
        ${r.table === 'duplicate_candidates' ? sql`and status <> 'merged'` : sql``}`.execute(t.database.db);
    assert.equal(rows[0]!.n, 0, `${r.table}.${r.column} still names the absorbed record`);
  }
  const person = await ok(await get(`/api/people/${survivor.id}`));
  assert.equal(person.firstName, 'Jean-Pierre', 'the pick won');
  assert.equal(person.birthDate, '1971-04-12', 'a blank was filled');
  assert.deepEqual(person.tags, ['jardin', 'vip']);
  assert.deepEqual(person.roles, ['customer', 'partner']);
  const { rows: periods } = await sql<{ role: string; open: boolean }>`
    select role, ended_on is null as open from party_roles where workspace_id = ${ws.id} and party_id = ${survivor.id} order by role`.execute(t.database.db);
  assert.deepEqual(
    periods,
    [{ role: 'customer', open: true }, { role: 'partner', open: true }, { role: 'prospect', open: false }],
    'the prospect period ends, the two partner periods become one',
  );
  assert.equal(person.emails.length, 2);
  assert.equal(person.emails[0].email, `jean.${person.lastName.slice(6)}@exemple.fr`, 'the survivor’s primary email first');
  assert.deepEqual(person.activeAlerts, ['dispute']);
  const consents = (await ok(await get(`/api/parties/${survivor.id}/consents`))).data;
  const status = (channel: string, purpose: string) => consents.find((c: any) => c.channel === channel && c.purpose === purpose)?.status;
  assert.deepEqual([status('email', 'marketing'), status('sms', 'marketing'), status('post', 'service')], ['denied', 'unknown', 'granted']);
  const links = (await ok(await get(`/api/parties/${survivor.id}/links`))).data;
  assert.equal(links.length, 2, `the spouse link to itself and the repeated employer are gone: ${JSON.stringify(links)}`);

  const gone = await ok(await get(`/api/people/${absorbed.id}`));
  assert.equal(gone.mergedIntoId, survivor.id);
  const refused = await call(t.app, { method: 'PATCH', url: `/api/people/${absorbed.id}`, session: ws.adminSession, body: { version: gone.version, notes: 'x' } });
  assert.match(expectError(refused, 409, 'conflict').message, /merged into another/);
  const list = await ok(await get(`/api/people?q=${encodeURIComponent(person.lastName)}`));
  assert.deepEqual(list.data.map((p: any) => p.id), [survivor.id], 'the absorbed record is hidden from lists');
  const byNumber = await ok(await get(`/api/parties/by-number/${absorbed.number}`));
  assert.equal(byNumber.id, survivor.id, 'the absorbed number resolves to the survivor');

  const metrics = await ok(await get(`/api/parties/${survivor.id}/metrics`));
  assert.equal(metrics.orderCount, 3);
  assert.equal(Number(metrics.revenue), 200);
  assert.equal(metrics.caseCount, 1);
  assert.equal(metrics.feedbackCount, 1);

  const history = await ok(await get(`/api/history/party/${survivor.id}`));
  assert.ok(history.data.some((e: any) => JSON.stringify(e).includes(absorbed.number)), 'the change log names the absorbed record');
  const timeline = await ok(await get(`/api/parties/${survivor.id}/timeline?limit=100`));
  assert.ok(JSON.stringify(timeline).includes(`merged with ${absorbed.number}`));
  const { rows: candidate } = await sql<{ status: string }>`select status from duplicate_candidates where workspace_id = ${ws.id} and id = ${candidateId}`.execute(t.database.db);
  assert.equal(candidate[0]!.status, 'merged');
  const listed = await ok(await get(`/api/merges?partyId=${absorbed.id}`));
  assert.deepEqual(listed.items.map((m: any) => m.id), [created.id]);
});

test('undo puts both records back exactly, once', async () => {
  const { survivor, absorbed } = await makePair();
  const before = { survivor: await fullState(survivor.id), absorbed: await fullState(absorbed.id) };
  const merge = await ok(await post('/api/merges', { survivorId: survivor.id, absorbedId: absorbed.id, strategy: 'most_recent' }), 201);
  assert.notDeepEqual(await fullState(survivor.id), before.survivor, 'the merge changed the survivor');
  const undone = await ok(await post(`/api/merges/${merge.id}/undo`));
  assert.ok(undone.undoneAt);
  assert.equal(undone.canUndo, false);
  assert.deepEqual(await fullState(survivor.id), before.survivor);
  assert.deepEqual(await fullState(absorbed.id), before.absorbed);
  assert.equal((await ok(await get(`/api/people/${absorbed.id}`))).mergedIntoId, null);
  assert.equal((await ok(await get(`/api/parties/by-number/${absorbed.number}`))).id, absorbed.id);
  expectError(await post(`/api/merges/${merge.id}/undo`), 409, 'conflict');
});

test('undo waits for later merges involving the survivor, and refuses to lose later changes', async () => {
  const { survivor, absorbed } = await makePair();
  const third = await createParty(ws.ctx, 'person', { firstName: 'Jean', lastName: 'Troisième' });
  const first = await ok(await post('/api/merges', { survivorId: survivor.id, absorbedId: absorbed.id, strategy: 'most_complete' }), 201);
  const second = await ok(await post('/api/merges', { survivorId: third.row.id, absorbedId: survivor.id, strategy: 'most_complete' }), 201);
  assert.equal((await ok(await get(`/api/merges?partyId=${survivor.id}`))).items.find((m: any) => m.id === first.id).canUndo, false);
  const blocked = expectError(await post(`/api/merges/${first.id}/undo`), 409, 'conflict');
  assert.match(blocked.message, /later merge/);
  await ok(await post(`/api/merges/${second.id}/undo`));

  const current = await ok(await get(`/api/people/${survivor.id}`));
  const patched = await call(t.app, { method: 'PATCH', url: `/api/people/${survivor.id}`, session: ws.adminSession, body: { version: current.version, notes: 'Rappeler lundi' } });
  assert.equal(patched.statusCode, 200, patched.body);
  const changed = expectError(await post(`/api/merges/${first.id}/undo`), 409, 'conflict');
  assert.match(changed.message, /notes/);
  assert.equal((await ok(await get(`/api/people/${absorbed.id}`))).mergedIntoId, survivor.id, 'nothing was undone');
});

test('refusals name the reason, and change nothing', async () => {
  const { survivor, absorbed, organisationId } = await makePair();
  const body = (extra: object) => ({ survivorId: survivor.id, absorbedId: absorbed.id, strategy: 'manual', ...extra });
  issueFor(expectError(await post('/api/merges', body({ absorbedId: survivor.id })), 400, 'validation_failed'), 'body.absorbedId');
  issueFor(expectError(await post('/api/merges', body({ absorbedId: organisationId })), 400, 'validation_failed'), 'body.absorbedId');
  issueFor(expectError(await post('/api/merges', body({ picks: { siret: 'absorbed' } })), 400, 'validation_failed'), 'body.picks.siret');
  issueFor(expectError(await post('/api/merges', body({ strategy: 'newest' })), 400, 'validation_failed'), 'body.strategy');
  issueFor(expectError(await post('/api/merges', body({ candidateId: randomUUID() })), 400, 'validation_failed'), 'body.candidateId');
  expectError(await post('/api/merges', body({ absorbedId: randomUUID() })), 404, 'not_found');
  expectError(await post(`/api/merges/${randomUUID()}/undo`), 404, 'not_found');

  const reader = await sessionFor(ws, await makeUser(ws, 'read_only'));
  expectError(await post('/api/merges', body({}), reader), 403, 'forbidden');
  await sql`update parties set owner_id = ${ws.admin.id} where workspace_id = ${ws.id} and id in (${survivor.id}, ${absorbed.id})`.execute(t.database.db);
  await setEditScopes(ws.ctx, { marketing: 'own' });
  const marketer = await sessionFor(ws, await makeUser(ws, 'marketing'));
  expectError(await post('/api/merges', body({}), marketer), 403, 'forbidden');
  await setEditScopes(ws.ctx, { marketing: 'all' });

  await sql`update parties set erased_at = now() where workspace_id = ${ws.id} and id = ${absorbed.id}`.execute(t.database.db);
  assert.match(expectError(await post('/api/merges', body({})), 409, 'conflict').message, /erased/);
  await sql`update parties set erased_at = null where workspace_id = ${ws.id} and id = ${absorbed.id}`.execute(t.database.db);
  const state = await fullState(absorbed.id);
  await ok(await post('/api/merges', body({})), 201);
  assert.match(expectError(await post('/api/merges', body({})), 409, 'conflict').message, /already merged/);
  assert.equal(state.refs['orders.customer_id']!.length, 2, 'the refused attempts moved nothing before the merge');
});

test('a pair merged without arbitration keeps the more complete record', async () => {
  const sparse = await createParty(ws.ctx, 'person', { lastName: 'Lefèvre' });
  const complete = await createParty(ws.ctx, 'person', { firstName: 'Anne', lastName: 'Lefebvre', birthDate: '1985-06-01', emails: [{ email: 'anne@lefebvre.test' }] });
  const merge = await mergeMostComplete(ws.ctx, { aId: sparse.row.id, bId: complete.row.id });
  assert.deepEqual([merge.survivor.id, merge.absorbed.id, merge.strategy], [complete.row.id, sparse.row.id, 'most_complete']);
});

test('the list of references covers every foreign key to parties in the database', async () => {
  const { rows } = await sql<{ table_name: string; column_name: string }>`
    select c.conrelid::regclass::text as table_name, a.attname as column_name
    from pg_constraint c
    cross join lateral unnest(c.conkey) as k(attnum)
    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum
    where c.contype = 'f' and c.confrelid = 'parties'::regclass and a.attname <> 'workspace_id'
    order by 1, 2`.execute(t.database.db);
  const inDatabase = rows.map((r) => `${r.table_name}.${r.column_name}`);
  assert.ok(inDatabase.includes('orders.customer_id') && inDatabase.length > 20, inDatabase.join(', '));
  const listed = PARTY_REFERENCES.filter((r) => r.foreignKey).map((r) => `${r.table}.${r.column}`).sort();
  assert.deepEqual(listed, [...new Set(inDatabase)].sort(), 'merge-moves.ts must say what a merge does with every table pointing at parties');
});
