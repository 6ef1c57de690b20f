/**
 * Deliveries over HTTP: a partial delivery then the rest move the order to in preparation, shipped and
 * delivered; quantities above what remains are refused naming the line; lateness is derived from the promised
 * day and can be marked; the workflow refuses impossible moves; each step is on the customer's timeline.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, call, type TestApp } from '../helpers/app.ts';
import { makeUser, makeWorkspace, sessionFor, type TestWorkspace } from '../helpers/factories.ts';
import { chairsAndTables, makeOrder } from '../helpers/billing-fixtures.ts';
import { addDays, todayInFrance } from '../../src/modules/billing/billing-math.ts';
import { expectError, issueFor } from './expect-error.ts';

let t: TestApp;
let ws: TestWorkspace;

before(async () => {
  t = await createTestApp();
  ws = await makeWorkspace(t.database.db, 'Deliveries Test');
});
after(() => t.close());

const post = (url: string, body: unknown, session = ws.adminSession) => call(t.app, { method: 'POST', url, body, session });
const get = (url: string, session = ws.adminSession) => call(t.app, { url, session });
const orderStatus = async (id: string) => (await get(`/api/orders/${id}`)).json().status as string;

async function timeline(partyId: string, kind: string) {
  return t.database.db
    .selectFrom('timeline_entries')
    .select(['data', 'subject_id'])
    .where('workspace_id', '=', ws.id)
    .where('party_id', '=', partyId)
    .where('kind', '=', kind)
    .orderBy('occurred_at')
    .execute();
}

test('a partial delivery then the rest: the order goes in preparation, shipped, then delivered', async () => {
  const order = await makeOrder(ws.ctx, chairsAndTables());
  assert.equal(order.status, 'confirmed');

  const first = await post(`/api/orders/${order.id}/deliveries`, {
    lines: [{ orderLinePosition: 1, quantity: 2 }],
    carrier: 'Colissimo',
    trackingNumber: '6A12345678901',
    promisedOn: addDays(todayInFrance(), 3),
    address: '12 rue des Tilleuls, 69003 Lyon',
  });
  assert.equal(first.statusCode, 201, first.body);
  const partial = first.json();
  assert.match(partial.number, /^BL-\d{4}-\d{6}$/);
  assert.equal(partial.status, 'prepared');
  assert.equal(partial.isLate, false);
  assert.deepEqual(
    partial.lines.map((l: { orderLinePosition: number; quantity: string; description: string }) => [l.orderLinePosition, l.quantity, l.description]),
    [[1, '2', 'Chaise chêne']],
  );
  assert.equal(await orderStatus(order.id), 'in_preparation');

  // Shipping part of the order leaves it in preparation.
  const shipped = await post(`/api/deliveries/${partial.id}/status`, { status: 'shipped' });
  assert.equal(shipped.statusCode, 200, shipped.body);
  assert.ok(shipped.json().shippedAt);
  assert.equal(await orderStatus(order.id), 'in_preparation');

  // The rest by default: one chair and both tables.
  const rest = (await post(`/api/orders/${order.id}/deliveries`, { carrier: 'DPD' })).json();
  assert.deepEqual(
    rest.lines.map((l: { orderLinePosition: number; quantity: string }) => [l.orderLinePosition, l.quantity]),
    [
      [1, '1'],
      [2, '2'],
    ],
  );
  const nothingLeft = await post(`/api/orders/${order.id}/deliveries`, {});
  expectError(nothingLeft, 409, 'conflict');

  await post(`/api/deliveries/${rest.id}/status`, { status: 'shipped', trackingNumber: 'DPD-0099' });
  assert.equal(await orderStatus(order.id), 'shipped');

  await post(`/api/deliveries/${partial.id}/status`, { status: 'delivered' });
  assert.equal(await orderStatus(order.id), 'shipped');
  const delivered = (await post(`/api/deliveries/${rest.id}/status`, { status: 'delivered' })).json();
  assert.ok(delivered.deliveredAt);
  assert.equal(delivered.trackingNumber, 'DPD-0099');
  assert.equal(await orderStatus(order.id), 'delivered');

  const list = (await get(`/api/orders/${order.id}/deliveries`)).json().data;
  assert.deepEqual(
    list.map((d: { number: string; status: string }) => [d.number, d.status]),
    [
      [partial.number, 'delivered'],
      [rest.number, 'delivered'],
    ],
  );

  // Each creation and status change is on the customer's timeline, and the order's own moves too.
  const entries = await timeline(order.customer.id, 'delivery');
  assert.deepEqual(
    entries.map((e) => [(e.data as { number: string }).number, (e.data as { action: string }).action, (e.data as { status: string }).status]),
    [
      [partial.number, 'created', 'prepared'],
      [partial.number, 'status_changed', 'shipped'],
      [rest.number, 'created', 'prepared'],
      [rest.number, 'status_changed', 'shipped'],
      [partial.number, 'status_changed', 'delivered'],
      [rest.number, 'status_changed', 'delivered'],
    ],
  );
  assert.equal((entries[1]!.data as { carrier: string }).carrier, 'Colissimo');
  const orderMoves = (await timeline(order.customer.id, 'order')).map((e) => (e.data as { status?: string }).status).filter(Boolean);
  assert.deepEqual(orderMoves.slice(-3), ['in_preparation', 'shipped', 'delivered']);
});

test('a quantity above what remains to deliver is refused naming the line, and nothing is written', async () => {
  const order = await makeOrder(ws.ctx, chairsAndTables());
  await post(`/api/orders/${order.id}/deliveries`, { lines: [{ orderLinePosition: 1, quantity: 2 }] });
  const before = (await get(`/api/orders/${order.id}/deliveries`)).json().data.length;

  const tooMany = await post(`/api/orders/${order.id}/deliveries`, { lines: [{ orderLinePosition: 2, quantity: 1 }, { orderLinePosition: 1, quantity: 2 }] });
  const error = expectError(tooMany, 422, 'unprocessable');
  assert.match(issueFor(error, 'body.lines[1].quantity').rule, /at most 1\b/);

  const unknown = expectError(await post(`/api/orders/${order.id}/deliveries`, { lines: [{ orderLinePosition: 9 }] }), 422, 'unprocessable');
  issueFor(unknown, 'body.lines[0].orderLinePosition');
  const malformed = expectError(await post(`/api/orders/${order.id}/deliveries`, { lines: [{ orderLinePosition: 1, quantity: '1.2345' }] }), 400, 'validation_failed');
  issueFor(malformed, 'body.lines[0].quantity');
  const negative = expectError(await post(`/api/orders/${order.id}/deliveries`, { lines: [{ orderLinePosition: 1, quantity: -1 }] }), 400, 'validation_failed');
  issueFor(negative, 'body.lines[0].quantity');

  assert.equal((await get(`/api/orders/${order.id}/deliveries`)).json().data.length, before);
});

test('lateness: promised for a past day and not delivered, or marked late; the late filter finds both', async () => {
  const order = await makeOrder(ws.ctx, chairsAndTables());
  const overdue = (await post(`/api/orders/${order.id}/deliveries`, { lines: [{ orderLinePosition: 1 }], promisedOn: addDays(todayInFrance(), -2) })).json();
  assert.equal(overdue.isLate, true);
  const onTime = (await post(`/api/orders/${order.id}/deliveries`, { lines: [{ orderLinePosition: 2 }], promisedOn: addDays(todayInFrance(), 5) })).json();
  assert.equal(onTime.isLate, false);

  const marked = (await post(`/api/deliveries/${onTime.id}/status`, { status: 'late' })).json();
  assert.equal(marked.status, 'late');
  assert.equal(marked.isLate, true);

  const late = (await get(`/api/deliveries?late=true&customerId=${order.customer.id}`)).json().data.map((d: { id: string }) => d.id);
  assert.deepEqual(late.sort(), [overdue.id, onTime.id].sort());
  // Once delivered, a delivery is no longer late.
  await post(`/api/deliveries/${overdue.id}/status`, { status: 'delivered' });
  const stillLate = (await get(`/api/deliveries?late=true&customerId=${order.customer.id}`)).json().data.map((d: { id: string }) => d.id);
  assert.deepEqual(stillLate, [onTime.id]);
  const byStatus = (await get(`/api/deliveries?status=delivered&customerId=${order.customer.id}`)).json().data;
  assert.deepEqual(byStatus.map((d: { id: string }) => d.id), [overdue.id]);
});

test('the workflow refuses impossible moves; a delivery returned to sender frees its quantities', async () => {
  const order = await makeOrder(ws.ctx, chairsAndTables());
  const delivery = (await post(`/api/orders/${order.id}/deliveries`, {})).json();
  const backwards = expectError(await post(`/api/deliveries/${delivery.id}/status`, { status: 'returned' }), 409, 'conflict');
  issueFor(backwards, 'body.status');

  await post(`/api/deliveries/${delivery.id}/status`, { status: 'shipped' });
  const returned = (await post(`/api/deliveries/${delivery.id}/status`, { status: 'returned' })).json();
  assert.equal(returned.status, 'returned');
  expectError(await post(`/api/deliveries/${delivery.id}/status`, { status: 'delivered' }), 409, 'conflict');

  const again = await post(`/api/orders/${order.id}/deliveries`, {});
  assert.equal(again.statusCode, 201, again.body);
  assert.equal(again.json().lines.length, 2);
});

test('a read-only user reads deliveries but cannot prepare one', async () => {
  const order = await makeOrder(ws.ctx, chairsAndTables());
  const reader = await sessionFor(ws, await makeUser(ws, 'read_only'));
  expectError(await post(`/api/orders/${order.id}/deliveries`, {}, reader), 403, 'forbidden');
  assert.equal((await get(`/api/orders/${order.id}/deliveries`, reader)).statusCode, 200);
});
