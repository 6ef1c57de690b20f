/**
 * Returns over HTTP: only delivered quantities, minus what was already returned, can be sent back; a return is
 * received, then refunded with a credit note for its lines (against the invoice that billed them), or rejected.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, call, type TestApp } from '../helpers/app.ts';
import { makeWorkspace, type TestWorkspace } from '../helpers/factories.ts';
import { chairsAndTables, makeOrder } from '../helpers/billing-fixtures.ts';
import { expectError, issueFor } from './expect-error.ts';

let t: TestApp;
let ws: TestWorkspace;

before(async () => {
  t = await createTestApp();
  ws = await makeWorkspace(t.database.db, 'Returns Test');
});
after(() => t.close());

const post = (url: string, body: unknown, session = ws.adminSession) => call(t.app, { method: 'POST', url, body, session });
const get = (url: string, session = ws.adminSession) => call(t.app, { url, session });

/** An order whose 3 chairs are delivered (the tables are not), invoiced whole. */
async function deliveredOrder() {
  const order = await makeOrder(ws.ctx, chairsAndTables());
  const delivery = (await post(`/api/orders/${order.id}/deliveries`, { lines: [{ orderLinePosition: 1 }] })).json();
  await post(`/api/deliveries/${delivery.id}/status`, { status: 'delivered' });
  const invoice = (await post(`/api/orders/${order.id}/invoices`, {})).json();
  return { order, invoice };
}

test('no more can be returned than was delivered minus already returned', async () => {
  const { order } = await deliveredOrder();
  const notDelivered = expectError(await post(`/api/orders/${order.id}/returns`, { lines: [{ orderLinePosition: 2, quantity: 1 }], reason: 'Trop grande' }), 422, 'unprocessable');
  assert.match(issueFor(notDelivered, 'body.lines[0].quantity').rule, /nothing remains/);

  const first = await post(`/api/orders/${order.id}/returns`, { lines: [{ orderLinePosition: 1, quantity: 2, condition: 'Emballage ouvert' }], reason: 'Couleur différente' });
  assert.equal(first.statusCode, 201, first.body);
  const ret = first.json();
  assert.match(ret.number, /^RET-\d{4}-\d{6}$/);
  assert.equal(ret.status, 'requested');
  assert.deepEqual(ret.lines.map((l: { orderLinePosition: number; quantity: string; condition: string }) => [l.orderLinePosition, l.quantity, l.condition]), [[1, '2', 'Emballage ouvert']]);

  const tooMany = expectError(await post(`/api/orders/${order.id}/returns`, { lines: [{ orderLinePosition: 1, quantity: 2 }], reason: 'Encore' }), 422, 'unprocessable');
  assert.match(issueFor(tooMany, 'body.lines[0].quantity').rule, /at most 1\b/);
  const returns = (await get(`/api/orders/${order.id}/returns`)).json().data;
  assert.equal(returns.length, 1);

  // A rejected return gives its quantities back.
  await post(`/api/returns/${ret.id}/reject`, { note: 'Hors délai' });
  const again = await post(`/api/orders/${order.id}/returns`, { lines: [{ orderLinePosition: 1, quantity: 3 }], reason: 'Finalement tout' });
  assert.equal(again.statusCode, 201, again.body);
});

test('received then refunded: a credit note for the returned lines reduces the invoice; every step is on the timeline', async () => {
  const { order, invoice } = await deliveredOrder();
  const ret = (await post(`/api/orders/${order.id}/returns`, { lines: [{ orderLinePosition: 1, quantity: 1 }], reason: 'Pied bancal' })).json();
  expectError(await post(`/api/returns/${ret.id}/refund`, {}), 409, 'conflict');

  const received = (await post(`/api/returns/${ret.id}/receive`, {})).json();
  assert.equal(received.status, 'received');
  assert.ok(received.receivedAt);

  const refunded = await post(`/api/returns/${ret.id}/refund`, {});
  assert.equal(refunded.statusCode, 200, refunded.body);
  assert.equal(refunded.json().status, 'refunded');
  const creditNote = refunded.json().creditNote;
  assert.match(creditNote.number, /^AV-/);
  const note = (await get(`/api/invoices/${creditNote.id}`)).json();
  assert.deepEqual([note.totalInclTax, note.creditedInvoice.id], ['120.00', invoice.id]);
  assert.deepEqual(note.lines.map((l: { orderLinePosition: number; quantity: string }) => [l.orderLinePosition, l.quantity]), [[1, '1']]);
  const after = (await get(`/api/invoices/${invoice.id}`)).json();
  assert.equal(after.balanceDue, '840.00');

  expectError(await post(`/api/returns/${ret.id}/reject`, {}), 409, 'conflict');
  const billing = (await get(`/api/orders/${order.id}/billing`)).json();
  assert.deepEqual(
    billing.lines.map((l: { position: number; delivered: string; returned: string; credited: string; returnable: string }) => [l.position, l.delivered, l.returned, l.credited, l.returnable]),
    [
      [1, '3', '1', '1', '2'],
      [2, '0', '0', '0', '0'],
    ],
  );
  assert.equal(billing.totals.balanceDue, '840.00');

  const entries = await t.database.db
    .selectFrom('timeline_entries')
    .select('data')
    .where('workspace_id', '=', ws.id)
    .where('party_id', '=', order.customer.id)
    .where('kind', '=', 'return')
    .orderBy('occurred_at')
    .execute();
  assert.deepEqual(
    entries.map((e) => [(e.data as { status: string }).status, (e.data as { creditNoteNumber?: string }).creditNoteNumber ?? null]),
    [
      ['requested', null],
      ['received', null],
      ['refunded', creditNote.number],
    ],
  );
});

test('a return of goods that are not invoiced cannot be refunded until they are', async () => {
  const order = await makeOrder(ws.ctx, chairsAndTables());
  const delivery = (await post(`/api/orders/${order.id}/deliveries`, {})).json();
  await post(`/api/deliveries/${delivery.id}/status`, { status: 'delivered' });
  const ret = (await post(`/api/orders/${order.id}/returns`, { lines: [{ orderLinePosition: 2, quantity: 1 }], reason: 'Rayure' })).json();
  await post(`/api/returns/${ret.id}/receive`, {});
  const refused = expectError(await post(`/api/returns/${ret.id}/refund`, {}), 409, 'conflict');
  assert.match(refused.message, /not invoiced/);
  assert.equal((await get(`/api/returns/${ret.id}`)).json().status, 'received');

  await post(`/api/orders/${order.id}/invoices`, {});
  const refunded = (await post(`/api/returns/${ret.id}/refund`, {})).json();
  assert.equal(refunded.status, 'refunded');
});
