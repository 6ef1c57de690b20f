/**
 * Tasks over HTTP: planning, reading, filtering and changing them, refusals naming the field, and recurring
 * series — the next occurrence on completion (month ends, COUNT, UNTIL, daylight saving), timeline entries.
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
let personId: string;

before(async () => {
  t = await createTestApp();
  ws = await makeWorkspace(t.database.db, 'Tasks Test');
  personId = (await createParty(ws.ctx, 'person', { firstName: 'Claire', lastName: 'Dubois' })).row.id;
});
after(() => t.close());

const post = (url: string, body?: unknown, session = ws.adminSession) => call(t.app, { method: 'POST', url, body, session });
const patch = (url: string, body: unknown, session = ws.adminSession) => call(t.app, { method: 'PATCH', url, body, session });
const get = (url: string, session = ws.adminSession) => call(t.app, { url, session });

async function plan(body: Record<string, unknown>) {
  const response = await post('/api/tasks', { kind: 'call', title: 'Rappeler', ...body });
  assert.equal(response.statusCode, 201, response.body);
  return response.json();
}

async function complete(id: string) {
  const response = await post(`/api/tasks/${id}/complete`);
  assert.equal(response.statusCode, 200, response.body);
  return response.json() as { task: { status: string; completedAt: string | null }; next: Record<string, unknown> | null };
}

test('a task is planned for me by default, in Paris time, with its customer and reminder', async () => {
  const task = await plan({
    kind: 'appointment',
    title: '  Rendez-vous devis cuisine ',
    notes: 'Apporter le catalogue',
    partyId: personId,
    dueAt: '2026-07-01T14:30',
    durationMinutes: 45,
    priority: 'high',
    remindBeforeMinutes: 30,
  });
  assert.equal(task.title, 'Rendez-vous devis cuisine');
  assert.equal(task.dueAt, '2026-07-01T12:30:00.000Z', '14:30 in Paris is 12:30 UTC in summer');
  assert.equal(task.dueLocal, '2026-07-01T14:30');
  assert.equal(task.remindAt, '2026-07-01T12:00:00.000Z');
  assert.deepEqual(task.assignee, { id: ws.admin.id, name: 'Admin Test' });
  assert.equal(task.party.displayName, 'Claire Dubois');
  assert.equal(task.status, 'open');
  assert.equal(task.version, 1);
  assert.equal(task.projected, false);

  const read = await get(`/api/tasks/${task.id}`);
  assert.deepEqual(read.json(), task);

  const entries = await sql<{ kind: string; data: Record<string, unknown> }>`
    select kind, data from timeline_entries where workspace_id = ${ws.id} and subject_id = ${task.id}`.execute(t.database.db);
  assert.deepEqual(entries.rows.map((e) => [e.kind, e.data.action, e.data.title, e.data.taskKind, e.data.dueAt, e.data.assignee]), [
    ['task', 'created', 'Rendez-vous devis cuisine', 'appointment', '2026-07-01T12:30:00.000Z', 'Admin Test'],
  ]);
});

test('a day alone makes an all-day task, due at the start of its Paris day', async () => {
  const task = await plan({ kind: 'todo', dueAt: '2026-01-15', remindBeforeMinutes: 60 });
  assert.equal(task.allDay, true);
  assert.equal(task.dueAt, '2026-01-14T23:00:00.000Z');
  assert.equal(task.dueDate, '2026-01-15');
  assert.equal(task.remindAt, '2026-01-15T07:00:00.000Z', 'all-day tasks are reminded before 09:00 of their day');
  const withOffset = await plan({ dueAt: '2026-01-15T23:30:00Z', allDay: true });
  assert.equal(withOffset.dueDate, '2026-01-16', 'an instant makes an all-day task of its Paris day');
});

test('bad input is refused with a 400 naming each field, and nothing is stored', async () => {
  const { n: before } = (await sql<{ n: number }>`select count(*)::int as n from tasks where workspace_id = ${ws.id}`.execute(t.database.db)).rows[0]!;
  const disabled = await makeUser(ws, 'sales', 'Parti');
  await t.database.db.updateTable('users').set({ status: 'disabled' }).where('id', '=', disabled.id).execute();
  const response = await post('/api/tasks', {
    kind: 'visit',
    title: 'Visite',
    dueAt: 'mardi prochain',
    recurrence: 'FREQ=HOURLY',
    partyId: '00000000-0000-4000-8000-000000000000',
    assigneeId: disabled.id,
  });
  const error = expectError(response, 400, 'validation_failed');
  assert.deepEqual(error.issues!.map((i) => i.field).sort(), ['body.assigneeId', 'body.dueAt', 'body.partyId', 'body.recurrence']);
  assert.match(issueFor(error, 'body.recurrence').rule, /FREQ=DAILY, WEEKLY, MONTHLY or YEARLY/);

  const cases: [Record<string, unknown>, string, RegExp][] = [
    [{ recurrence: 'FREQ=MONTHLY;BYMONTHDAY=32' }, 'body.recurrence', /BYMONTHDAY/],
    [{ recurrence: 'FREQ=WEEKLY;BYDAY=2TU' }, 'body.recurrence', /positions in BYDAY/],
    [{ recurrence: 'FREQ=MONTHLY;COUNT=3;UNTIL=20261231' }, 'body.recurrence', /both COUNT and UNTIL/],
    [{ recurrence: 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30' }, 'body.recurrence', /never gives a date/],
    [{ recurrence: 'FREQ=MONTHLY;BYHOUR=9' }, 'body.recurrence', /may only use/],
    [{ dueAt: '2026-02-30T09:00' }, 'body.dueAt', /date-time/],
    [{ dueAt: '2026-03-01', allDay: false }, 'body.dueAt', /time of day/],
    [{ kind: 'meeting' }, 'body.kind', /must be one of call, visit/],
    [{ priority: 'asap' }, 'body.priority', /must be one of/],
    [{ title: '   ' }, 'body.title', /blank/],
  ];
  for (const [change, field, rule] of cases) {
    const refused = await post('/api/tasks', { kind: 'call', title: 'Appel', dueAt: '2026-03-02T09:00', ...change });
    const issue = issueFor(expectError(refused, 400, 'validation_failed', JSON.stringify(change)), field);
    assert.match(issue.rule, rule, JSON.stringify(change));
  }
  const { n: afterwards } = (await sql<{ n: number }>`select count(*)::int as n from tasks where workspace_id = ${ws.id}`.execute(t.database.db)).rows[0]!;
  assert.equal(afterwards, before);
});

test('a change needs the version read: a stale one gets 409 with the current task', async () => {
  const task = await plan({ dueAt: '2026-05-04T10:00' });
  const moved = await patch(`/api/tasks/${task.id}`, { version: 1, dueAt: '2026-05-05T11:00', priority: 'urgent' });
  assert.equal(moved.statusCode, 200, moved.body);
  assert.equal(moved.json().version, 2);
  assert.equal(moved.json().dueLocal, '2026-05-05T11:00');
  assert.equal(moved.json().priority, 'urgent');
  const stale = await patch(`/api/tasks/${task.id}`, { version: 1, title: 'Autre' });
  const error = expectError(stale, 409, 'version_conflict');
  assert.equal((stale.json().error.current as { version: number }).version, 2);
  assert.ok(error.issues?.some((i) => i.field === 'body.version'));
  const unknown = await patch('/api/tasks/00000000-0000-4000-8000-000000000000', { version: 1, title: 'X' });
  expectError(unknown, 404, 'not_found');
});

test('completing a monthly visit on the last day plans the next one on the last day of February', async () => {
  const task = await plan({ kind: 'visit', partyId: personId, dueAt: '2026-01-31T09:00', recurrence: 'freq=monthly;bymonthday=-1', remindBeforeMinutes: 15 });
  assert.equal(task.recurrence, 'FREQ=MONTHLY;BYMONTHDAY=-1', 'the rule is stored in its canonical form');
  assert.equal(task.seriesId, task.id);
  const { task: done, next } = await complete(task.id);
  assert.equal(done.status, 'done');
  assert.ok(done.completedAt);
  assert.ok(next);
  assert.equal(next.dueLocal, '2026-02-28T09:00');
  assert.equal(next.seriesId, task.id);
  assert.equal(next.status, 'open');
  assert.equal(next.remindAt, '2026-02-28T07:45:00.000Z');
  const { next: march } = await complete(next.id as string);
  assert.equal(march?.dueLocal, '2026-03-31T09:00');
  const again = await post(`/api/tasks/${task.id}/complete`);
  expectError(again, 409, 'conflict');

  const entries = await sql<{ action: string }>`
    select data->>'action' as action from timeline_entries
    where workspace_id = ${ws.id} and party_id = ${personId} and subject_id = ${task.id} order by occurred_at, action`.execute(t.database.db);
  assert.deepEqual(entries.rows.map((e) => e.action).sort(), ['completed', 'created']);
});

test('a leap year gives the 29th of February', async () => {
  const task = await plan({ dueAt: '2028-01-31T09:00', recurrence: 'FREQ=MONTHLY;BYMONTHDAY=-1' });
  assert.equal((await complete(task.id)).next?.dueLocal, '2028-02-29T09:00');
});

test('a series ends after COUNT occurrences and after UNTIL', async () => {
  const first = await plan({ dueAt: '2026-04-06T08:30', recurrence: 'FREQ=WEEKLY;COUNT=3' });
  const second = (await complete(first.id)).next!;
  assert.equal(second.dueLocal, '2026-04-13T08:30');
  const third = (await complete(second.id as string)).next!;
  assert.equal(third.dueLocal, '2026-04-20T08:30');
  assert.equal((await complete(third.id as string)).next, null, 'the third of three is the last');

  const daily = await plan({ dueAt: '2026-04-29T18:00', recurrence: 'FREQ=DAILY;UNTIL=20260430' });
  const last = (await complete(daily.id)).next!;
  assert.equal(last.dueLocal, '2026-04-30T18:00', 'UNTIL as a day includes that day');
  assert.equal((await complete(last.id as string)).next, null);
});

test('a weekly call stays at 09:00 in Paris across both daylight-saving changes', async () => {
  const spring = await plan({ dueAt: '2026-03-26T09:00', recurrence: 'FREQ=WEEKLY' });
  assert.equal(spring.dueAt, '2026-03-26T08:00:00.000Z');
  const april = (await complete(spring.id)).next!;
  assert.equal(april.dueLocal, '2026-04-02T09:00');
  assert.equal(april.dueAt, '2026-04-02T07:00:00.000Z');
  const autumn = await plan({ dueAt: '2026-10-22T09:00', recurrence: 'FREQ=WEEKLY;BYDAY=TH' });
  const november = (await complete(autumn.id)).next!;
  assert.equal(november.dueAt, '2026-10-29T08:00:00.000Z');
});

test('cancelling an occurrence moves the series on, unless the series is ended', async () => {
  const task = await plan({ partyId: personId, dueAt: '2026-06-01T10:00', recurrence: 'FREQ=MONTHLY;BYDAY=1MO' });
  const cancelled = await post(`/api/tasks/${task.id}/cancel`);
  assert.equal(cancelled.statusCode, 200, cancelled.body);
  assert.equal(cancelled.json().task.status, 'cancelled');
  assert.equal(cancelled.json().next.dueLocal, '2026-07-06T10:00', 'the first Monday of July');
  const ended = await post(`/api/tasks/${cancelled.json().next.id}/cancel?endSeries=true`);
  assert.equal(ended.json().next, null);
  const actions = await sql<{ action: string }>`
    select data->>'action' as action from timeline_entries where workspace_id = ${ws.id} and subject_id = ${task.id}`.execute(t.database.db);
  assert.deepEqual(actions.rows.map((r) => r.action).sort(), ['cancelled', 'created']);
});

test('the list filters by assignee, status, customer, kind, priority, due range and overdue, sorted by due time', async () => {
  const other = await makeWorkspace(t.database.db, 'Tasks List');
  const sales = await makeUser(other, 'sales', 'Sam Vendeur');
  const salesSession = await sessionFor(other, sales);
  const customer = (await createParty(other.ctx, 'person', { lastName: 'Martin' })).row.id;
  const create = async (body: Record<string, unknown>, session = other.adminSession) => {
    const response = await post('/api/tasks', { kind: 'call', title: 'T', ...body }, session);
    assert.equal(response.statusCode, 201, response.body);
    return response.json().id as string;
  };
  const hourAgo = new Date(Date.now() - 3_600_000).toISOString();
  const late = await create({ title: 'En retard', dueAt: hourAgo, priority: 'urgent' });
  const yesterday = new Date(Date.now() - 86_400_000 * 1.5).toISOString().slice(0, 10);
  const lateAllDay = await create({ title: 'Hier', dueAt: yesterday, kind: 'todo' });
  const future = await create({ title: 'Futur', dueAt: '2099-01-01T09:00', partyId: customer, kind: 'visit' });
  const mine = await create({ title: 'Pour Sam', dueAt: '2098-06-01T09:00' }, salesSession);
  const assigned = await create({ title: 'Assignée à Sam', dueAt: '2098-07-01T09:00', assigneeId: sales.id });
  const doneLate = await create({ title: 'Faite', dueAt: new Date(Date.now() - 1_800_000).toISOString() });
  await post(`/api/tasks/${doneLate}/complete`, undefined, other.adminSession);

  const ids = async (query: string, session = other.adminSession) => {
    const response = await get(`/api/tasks${query}`, session);
    assert.equal(response.statusCode, 200, response.body);
    return response.json().data.map((task: { id: string }) => task.id);
  };
  assert.deepEqual(await ids(''), [lateAllDay, late, doneLate, mine, assigned, future], 'sorted by due time');
  assert.deepEqual(await ids('?overdue=true'), [lateAllDay, late]);
  assert.deepEqual(await ids('?assignee=me', salesSession), [mine, assigned]);
  assert.deepEqual(await ids(`?assignee=${sales.id}`), [mine, assigned]);
  assert.deepEqual(await ids('?status=done'), [doneLate]);
  assert.deepEqual(await ids(`?partyId=${customer}`), [future]);
  assert.deepEqual(await ids('?kind=todo'), [lateAllDay]);
  assert.deepEqual(await ids('?priority=urgent'), [late]);
  assert.deepEqual(await ids('?from=2098-06-01&to=2098-07-01'), [mine, assigned], 'a day as `to` includes it');
  assert.deepEqual(await ids('?from=2098-06-02T00:00:00Z'), [assigned, future]);

  const first = await get('/api/tasks?limit=4', other.adminSession);
  const second = await get(`/api/tasks?limit=4&cursor=${first.json().nextCursor}`, other.adminSession);
  assert.deepEqual([...first.json().data, ...second.json().data].map((task: { id: string }) => task.id), await ids(''));
  assert.equal(second.json().nextCursor, null);

  const overdue = (await get(`/api/tasks/${late}`, other.adminSession)).json();
  assert.equal(overdue.overdue, true);
  expectError(await get('/api/tasks?from=demain', other.adminSession), 400, 'validation_failed');
  expectError(await get('/api/tasks?assignee=quelqu-un', other.adminSession), 400, 'validation_failed');
});

test('a deleted task is gone and logged; an order of nowhere is refused', async () => {
  const task = await plan({ dueAt: '2026-09-01T09:00' });
  const removed = await call(t.app, { method: 'DELETE', url: `/api/tasks/${task.id}`, session: ws.adminSession });
  assert.equal(removed.statusCode, 204);
  expectError(await get(`/api/tasks/${task.id}`), 404, 'not_found');
  const events = await sql<{ action: string }>`
    select action from events where workspace_id = ${ws.id} and entity = 'task' and entity_id = ${task.id} order by id`.execute(t.database.db);
  assert.deepEqual(events.rows.map((e) => e.action), ['create', 'delete']);
  const unknownOrder = await post('/api/tasks', { kind: 'call', title: 'Suivi commande', dueAt: '2026-09-01T09:00', orderId: '00000000-0000-4000-8000-000000000000' });
  issueFor(expectError(unknownOrder, 400, 'validation_failed'), 'body.orderId');
});

test('read-only users may read tasks but not plan them', async () => {
  const reader = await makeUser(ws, 'read_only', 'Lecteur');
  const session = await sessionFor(ws, reader);
  expectError(await post('/api/tasks', { kind: 'call', title: 'Non', dueAt: '2026-09-01T09:00' }, session), 403, 'forbidden');
  assert.equal((await get('/api/tasks', session)).statusCode, 200);
});
