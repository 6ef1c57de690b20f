/**
 * After-sales cases over HTTP: due times copied from the SLA targets, breach flags on backdated cases, the first
 * response (recorded, on leaving `new`, or from an outbound interaction), the status workflow with its
 * resolution notes, references checked against the customer, optimistic locking, the queue and its filters.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createTestApp, call, type TestApp } from '../helpers/app.ts';
import { makeUser, makeWorkspace, sessionFor, type TestWorkspace } from '../helpers/factories.ts';
import { expectError, issueFor } from './expect-error.ts';
import { createParty } from '../../src/modules/parties/party-service.ts';
import { scoped } from '../../src/platform/db/scoped.ts';

let t: TestApp;
let ws: TestWorkspace;
let customerId: string;
let otherCustomerId: string;

const HOUR = 3_600_000;
const MINUTE = 60_000;

before(async () => {
  t = await createTestApp();
  ws = await makeWorkspace(t.database.db, 'Cases Test');
  customerId = (await createParty(ws.ctx, 'person', { firstName: 'Claire', lastName: 'Durand' })).row.id;
  otherCustomerId = (await createParty(ws.ctx, 'person', { firstName: 'Marc', lastName: 'Petit' })).row.id;
});
after(() => t.close());

const post = (url: string, body?: unknown, session = ws.adminSession) => call(t.app, { method: 'POST', url, body, session });
const patch = (url: string, body: unknown, session = ws.adminSession) => call(t.app, { method: 'PATCH', url, body, session });
const put = (url: string, body: unknown, session = ws.adminSession) => call(t.app, { method: 'PUT', url, body, session });
const get = (url: string, session = ws.adminSession) => call(t.app, { url, session });

interface Case {
  id: string;
  number: string;
  status: string;
  priority: string;
  version: number;
  openedAt: string;
  firstResponseAt: string | null;
  firstResponseDueAt: string;
  resolutionDueAt: string;
  resolvedAt: string | null;
  closedAt: string | null;
  resolution: string | null;
  firstResponseBreached: boolean;
  resolutionBreached: boolean;
  firstResponseMinutesLeft: number | null;
  resolutionMinutesLeft: number | null;
  slaState: string;
  nextStatuses: string[];
  order: { id: string; number: string } | null;
  product: { id: string; name: string } | null;
}

async function openCase(body: Record<string, unknown> = {}): Promise<Case> {
  const response = await post('/api/cases', { partyId: customerId, type: 'repair', channel: 'phone', subject: 'Lave-linge en panne', ...body });
  assert.equal(response.statusCode, 201, response.body);
  return response.json();
}

const minutesBetween = (from: string, to: string) => (new Date(to).getTime() - new Date(from).getTime()) / MINUTE;

test('a case opens numbered, with due times from the SLA targets of its priority; a new priority moves them', async () => {
  const defaults = (await get('/api/sla-policies')).json();
  assert.equal(defaults.clock, 'elapsed');
  assert.deepEqual(
    defaults.data.map((p: { priority: string; firstResponseMinutes: number; resolutionMinutes: number; isDefault: boolean }) => [
      p.priority,
      p.firstResponseMinutes,
      p.resolutionMinutes,
      p.isDefault,
    ]),
    [
      ['urgent', 60, 480, true],
      ['high', 240, 1440, true],
      ['normal', 480, 4320, true],
      ['low', 1440, 7200, true],
    ],
  );
  const set = await put('/api/sla-policies', { policies: [{ priority: 'high', firstResponseMinutes: 120, resolutionMinutes: 600 }] });
  assert.equal(set.statusCode, 200, set.body);
  assert.deepEqual(set.json().data[1], { priority: 'high', firstResponseMinutes: 120, resolutionMinutes: 600, isDefault: false, updatedAt: set.json().data[1].updatedAt });

  const high = await openCase({ priority: 'high' });
  assert.match(high.number, /^SAV-\d{4}-\d{6}$/);
  assert.equal(high.status, 'new');
  assert.equal(minutesBetween(high.openedAt, high.firstResponseDueAt), 120);
  assert.equal(minutesBetween(high.openedAt, high.resolutionDueAt), 600);
  assert.equal(high.slaState, 'on_track');
  assert.equal(high.firstResponseBreached, false);
  assert.ok(high.firstResponseMinutesLeft! > 115 && high.firstResponseMinutesLeft! <= 120, String(high.firstResponseMinutesLeft));

  const normal = await openCase();
  assert.equal(normal.priority, 'normal');
  assert.equal(minutesBetween(normal.openedAt, normal.resolutionDueAt), 72 * 60);
  assert.notEqual(normal.number, high.number);

  // A later change of targets does not move a deadline already promised…
  await put('/api/sla-policies', { policies: [{ priority: 'high', firstResponseMinutes: 30, resolutionMinutes: 90 }] });
  assert.equal((await get(`/api/cases/${high.id}`)).json().firstResponseDueAt, high.firstResponseDueAt);
  // …but a new priority recomputes both from the opening time.
  const urgent = await patch(`/api/cases/${normal.id}`, { version: normal.version, priority: 'urgent' });
  assert.equal(urgent.statusCode, 200, urgent.body);
  assert.equal(minutesBetween(normal.openedAt, urgent.json().firstResponseDueAt), 60);
  assert.equal(minutesBetween(normal.openedAt, urgent.json().resolutionDueAt), 480);
});

test('SLA targets are refused when inconsistent, and only service:configure may change them', async () => {
  const shorter = await put('/api/sla-policies', { policies: [{ priority: 'low', firstResponseMinutes: 600, resolutionMinutes: 60 }] });
  issueFor(expectError(shorter, 400, 'validation_failed'), 'body.policies[0].resolutionMinutes');
  const twice = await put('/api/sla-policies', {
    policies: [
      { priority: 'low', firstResponseMinutes: 60, resolutionMinutes: 600 },
      { priority: 'low', firstResponseMinutes: 60, resolutionMinutes: 600 },
    ],
  });
  issueFor(expectError(twice, 400, 'validation_failed'), 'body.policies[1].priority');
  const sales = await sessionFor(ws, await makeUser(ws, 'sales'));
  expectError(await put('/api/sla-policies', { policies: [{ priority: 'low', firstResponseMinutes: 60, resolutionMinutes: 600 }] }, sales), 403, 'forbidden');
  assert.equal((await get('/api/sla-policies', sales)).statusCode, 200);
});

test('breach flags: a backdated urgent case has missed both targets, a nearly due one is at risk', async () => {
  const late = await openCase({ priority: 'urgent', openedAt: new Date(Date.now() - 10 * HOUR).toISOString(), subject: 'Chaudière en panne' });
  assert.equal(late.firstResponseBreached, true);
  assert.equal(late.resolutionBreached, true);
  assert.equal(late.slaState, 'breached');
  assert.ok(late.firstResponseMinutesLeft! <= -540, String(late.firstResponseMinutesLeft));
  assert.ok(late.resolutionMinutesLeft! <= -120, String(late.resolutionMinutesLeft));

  // Normal: 8 h to answer; after 7 h, one hour is left — less than a quarter of the window.
  const risky = await openCase({ openedAt: new Date(Date.now() - 7 * HOUR).toISOString() });
  assert.equal(risky.slaState, 'at_risk');
  assert.equal(risky.firstResponseBreached, false);
  // Answering in time stops the first-response clock; the resolution one keeps running.
  const answered = (await post(`/api/cases/${risky.id}/respond`)).json();
  assert.ok(answered.firstResponseAt);
  assert.equal(answered.status, 'open', 'answering a new case opens it');
  assert.equal(answered.firstResponseMinutesLeft, null);
  assert.equal(answered.firstResponseBreached, false);
  assert.equal(answered.slaState, 'on_track');

  const breached = (await get(`/api/cases?breached=true&partyId=${customerId}&limit=200`)).json().data.map((c: Case) => c.id);
  assert.ok(breached.includes(late.id));
  assert.ok(!breached.includes(risky.id));
});

test('an outbound interaction logged on a case counts as its first response', async () => {
  const opened = await openCase({ priority: 'urgent', openedAt: new Date(Date.now() - 3 * HOUR).toISOString() });
  assert.equal(opened.firstResponseBreached, true);
  const answeredAt = new Date(new Date(opened.openedAt).getTime() + 20 * MINUTE);
  const db = scoped(t.database.db, ws.id);
  const interaction = (id: string, direction: string, at: Date) => ({ id, channel: 'email', direction, occurred_at: at, subject: 'Re: panne', case_id: opened.id });
  await db
    .insertInto('interactions', [
      interaction(randomUUID(), 'inbound', new Date(answeredAt.getTime() - 10 * MINUTE)),
      interaction(randomUUID(), 'outbound', answeredAt),
    ])
    .execute();
  const now = (await get(`/api/cases/${opened.id}`)).json();
  assert.equal(now.firstResponseAt, answeredAt.toISOString());
  assert.equal(now.firstResponseBreached, false);
  assert.equal(now.firstResponseMinutesLeft, null);
});

test('the status workflow: allowed moves only, resolution notes required, reopening, closing', async () => {
  const opened = await openCase();
  const move = (status: string, extra: object = {}) => post(`/api/cases/${opened.id}/status`, { status, ...extra });

  const skip = expectError(await move('resolved'), 422, 'unprocessable');
  assert.match(issueFor(skip, 'body.status').rule, /may go to open/);
  const open = (await move('open')).json();
  assert.equal(open.status, 'open');
  assert.ok(open.firstResponseAt, 'leaving new counts as the first response');
  assert.deepEqual(open.nextStatuses, ['waiting_customer', 'resolved']);
  assert.equal((await move('waiting_customer')).json().status, 'waiting_customer');
  issueFor(expectError(await move('resolved'), 422, 'unprocessable'), 'body.status');
  assert.equal((await move('open')).json().status, 'open');

  issueFor(expectError(await move('resolved'), 422, 'unprocessable'), 'body.resolution');
  issueFor(expectError(await move('resolved', { resolution: '   ' }), 422, 'unprocessable'), 'body.resolution');
  const resolved = (await move('resolved', { resolution: 'Pompe de vidange remplacée sous garantie.' })).json();
  assert.equal(resolved.status, 'resolved');
  assert.ok(resolved.resolvedAt);
  assert.equal(resolved.resolution, 'Pompe de vidange remplacée sous garantie.');
  assert.equal(resolved.slaState, 'met');

  const reopened = (await move('open')).json();
  assert.equal(reopened.resolvedAt, null);
  assert.equal(reopened.slaState, 'on_track');
  // Resolving again keeps the notes already written.
  assert.equal((await move('resolved')).json().status, 'resolved');
  const closed = (await move('closed')).json();
  assert.ok(closed.closedAt);
  assert.deepEqual(closed.nextStatuses, []);
  issueFor(expectError(await move('open'), 422, 'unprocessable'), 'body.status');
  expectError(await move('open', { version: 1 }), 409, 'version_conflict');

  const entries = await scoped(t.database.db, ws.id)
    .selectFrom('timeline_entries')
    .select(['data', 'subject_type'])
    .where('subject_id', '=', opened.id)
    .orderBy('created_at')
    .execute();
  const actions = entries.map((e) => (e.data as { action: string; status?: string }).action);
  assert.deepEqual(actions, ['opened', 'status_changed', 'status_changed', 'status_changed', 'resolved', 'status_changed', 'resolved', 'status_changed']);
  const firstResolved = entries.find((e) => (e.data as { action: string }).action === 'resolved')!.data as Record<string, unknown>;
  assert.equal(firstResolved.resolution, 'Pompe de vidange remplacée sous garantie.');
  assert.equal(firstResolved.previousStatus, 'open');
  assert.ok(entries.every((e) => e.subject_type === 'case'));
});

test('a linked order must be the customer’s own and a product must exist; each refusal names its field', async () => {
  const db = scoped(t.database.db, ws.id);
  const productId = randomUUID();
  await db.insertInto('products', [{ id: productId, sku: 'LL-800', name: 'Lave-linge LL 800', unit_price: '499.00' }]).execute();
  const order = (id: string, number: string, customer: string) => ({ id, number, customer_id: customer, ordered_at: new Date(), channel: 'store' });
  const mine = randomUUID();
  const theirs = randomUUID();
  await db.insertInto('orders', [order(mine, 'CMD-T-1', customerId), order(theirs, 'CMD-T-2', otherCustomerId)]).execute();

  const refused = await post('/api/cases', { partyId: customerId, type: 'return', channel: 'store', subject: 'Retour', orderId: theirs, productId: randomUUID() });
  const error = expectError(refused, 422, 'unprocessable');
  assert.match(issueFor(error, 'body.orderId').rule, /of this customer/);
  issueFor(error, 'body.productId');
  const unknownParty = await post('/api/cases', { partyId: randomUUID(), type: 'return', channel: 'store', subject: 'Retour' });
  issueFor(expectError(unknownParty, 422, 'unprocessable'), 'body.partyId');

  const linked = await openCase({ type: 'return', orderId: mine, productId });
  assert.deepEqual(linked.order, { id: mine, number: 'CMD-T-1' });
  assert.equal(linked.product?.name, 'Lave-linge LL 800');
  const relink = await patch(`/api/cases/${linked.id}`, { version: linked.version, orderId: theirs });
  issueFor(expectError(relink, 422, 'unprocessable'), 'body.orderId');
  const unlinked = await patch(`/api/cases/${linked.id}`, { version: linked.version, orderId: null });
  assert.equal(unlinked.json().order, null);
});

test('a stale change is refused with 409 and the current case; bad input gets a 400 naming the field', async () => {
  const opened = await openCase();
  assert.equal((await patch(`/api/cases/${opened.id}`, { version: 1, subject: 'Lave-linge: fuite' })).json().version, 2);
  const stale = expectError(await patch(`/api/cases/${opened.id}`, { version: 1, priority: 'low' }), 409, 'version_conflict') as unknown as {
    current: Case & { subject: string };
  };
  assert.equal(stale.current.subject, 'Lave-linge: fuite');
  assert.equal((await get(`/api/cases/${opened.id}`)).json().priority, 'normal');

  const bad = await post('/api/cases', { partyId: customerId, type: 'moan', channel: 'pigeon', subject: ' ' });
  issueFor(expectError(bad, 400, 'validation_failed'), 'body.type');
  const future = await post('/api/cases', { partyId: customerId, type: 'question', channel: 'email', subject: 'Demain', openedAt: new Date(Date.now() + 2 * HOUR).toISOString() });
  issueFor(expectError(future, 400, 'validation_failed'), 'body.openedAt');
  expectError(await get(`/api/cases/${randomUUID()}`), 404, 'not_found');
  const reader = await sessionFor(ws, await makeUser(ws, 'read_only'));
  expectError(await post('/api/cases', { partyId: customerId, type: 'question', channel: 'email', subject: 'Lecture' }, reader), 403, 'forbidden');
});

test('the queue: filters, most urgent first, and keyset pages', async () => {
  const queueWs = await makeWorkspace(t.database.db, 'Queue Test');
  const agent = await makeUser(queueWs, 'support', 'Sophie Agent');
  const agentSession = await sessionFor(queueWs, agent);
  const party = (await createParty(queueWs.ctx, 'organisation', { legalName: 'Boulangerie Martin' })).row.id;
  const make = async (body: object) => {
    const response = await call(t.app, {
      method: 'POST',
      url: '/api/cases',
      session: agentSession,
      body: { partyId: party, type: 'question', channel: 'email', subject: 'Question', ...body },
    });
    assert.equal(response.statusCode, 201, response.body);
    return response.json() as Case;
  };
  const low = await make({ priority: 'low', subject: 'Faible' });
  const urgent = await make({ priority: 'urgent', subject: 'Urgent', assigneeId: agent.id });
  const overdue = await make({ priority: 'normal', subject: 'En retard', openedAt: new Date(Date.now() - 9 * HOUR).toISOString(), assigneeId: agent.id });
  const high = await make({ priority: 'high', subject: 'Haute' });
  const done = await make({ priority: 'urgent', subject: 'Fini' });
  for (const step of [{ status: 'open' }, { status: 'resolved', resolution: 'Répondu' }]) {
    await call(t.app, { method: 'POST', url: `/api/cases/${done.id}/status`, session: agentSession, body: step });
  }

  const list = async (query: string) => {
    const response = await call(t.app, { url: `/api/cases?${query}`, session: agentSession });
    assert.equal(response.statusCode, 200, response.body);
    return response.json() as { data: (Case & { subject: string })[]; nextCursor: string | null };
  };
  // Urgency: the nearest deadline still to meet; resolved cases last.
  assert.deepEqual((await list('')).data.map((c) => c.subject), ['En retard', 'Urgent', 'Haute', 'Faible', 'Fini']);
  assert.deepEqual((await list('open=true')).data.map((c) => c.id), [overdue.id, urgent.id, high.id, low.id]);
  assert.deepEqual((await list('assignee=me')).data.map((c) => c.id), [overdue.id, urgent.id]);
  assert.deepEqual((await list('assignee=none&open=true')).data.map((c) => c.id), [high.id, low.id]);
  assert.deepEqual((await list('priority=urgent')).data.map((c) => c.id), [urgent.id, done.id]);
  assert.deepEqual((await list('status=resolved')).data.map((c) => c.id), [done.id]);
  assert.deepEqual((await list('breached=true')).data.map((c) => c.id), [overdue.id]);
  assert.deepEqual((await list('q=haut')).data.map((c) => c.id), [high.id]);

  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const page = await list(`limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    seen.push(...page.data.map((c) => c.id));
    cursor = page.nextCursor;
  } while (cursor);
  assert.deepEqual(seen, [overdue.id, urgent.id, high.id, low.id, done.id]);
  const byNumber = (await list('sort=-number')).data.map((c) => c.id);
  assert.deepEqual(byNumber, [done.id, high.id, overdue.id, urgent.id, low.id]);
});
