/**
 * Invoices over HTTP: billing an order (all of it, or chosen quantities whose parts add up to the order line to
 * the cent), the due date, the list with its overdue filter and totals, cancelling, and the timeline and audit
 * entries each step leaves.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, call, type TestApp } from '../helpers/app.ts';
import { makeUser, makeWorkspace, sessionFor, type TestWorkspace } from '../helpers/factories.ts';
import { chairsAndTables, makeCustomer, makeOrder } from '../helpers/billing-fixtures.ts';
import { addDays, todayInFrance } from '../../src/modules/billing/billing-math.ts';
import { expectError, issueFor } from './expect-error.ts';

let t: TestApp;
let ws: TestWorkspace;

before(async () => {
  t = await createTestApp();
  ws = await makeWorkspace(t.database.db, 'Invoices Test');
});
after(() => t.close());

const post = (url: string, body: unknown, session = ws.adminSession) => call(t.app, { method: 'POST', url, body, session });
const get = (url: string, session = ws.adminSession) => call(t.app, { url, session });

test('an order is invoiced whole: prices, VAT and costs copied, due 30 days after issue, on the timeline and in the history', async () => {
  const order = await makeOrder(ws.ctx, chairsAndTables());
  const response = await post(`/api/orders/${order.id}/invoices`, {});
  assert.equal(response.statusCode, 201, response.body);
  const invoice = response.json();
  assert.match(invoice.number, /^FAC-\d{4}-\d{6}$/);
  assert.equal(invoice.kind, 'invoice');
  assert.equal(invoice.status, 'open');
  assert.equal(invoice.orderNumber, order.number);
  assert.equal(invoice.customer.id, order.customer.id);
  assert.equal(invoice.issuedOn, todayInFrance());
  assert.equal(invoice.dueOn, addDays(todayInFrance(), 30));
  assert.equal(invoice.totalExclTax, '800.00');
  assert.equal(invoice.taxTotal, '160.00');
  assert.equal(invoice.totalInclTax, '960.00');
  assert.equal(invoice.costTotal, '480.00');
  assert.equal(invoice.totalInclTax, order.totalInclTax);
  assert.equal(invoice.balanceDue, '960.00');
  assert.deepEqual(
    invoice.lines.map((l: { orderLinePosition: number; quantity: string; unitPrice: string; vatRate: string; lineTotal: string; lineCost: string }) => [
      l.orderLinePosition,
      l.quantity,
      l.unitPrice,
      l.vatRate,
      l.lineTotal,
      l.lineCost,
    ]),
    [
      [1, '3', '100.00', '20.00', '300.00', '180.00'],
      [2, '2', '250.00', '20.00', '500.00', '300.00'],
    ],
  );

  const entry = await t.database.db
    .selectFrom('timeline_entries')
    .select(['data', 'subject_type', 'subject_id'])
    .where('workspace_id', '=', ws.id)
    .where('party_id', '=', order.customer.id)
    .where('kind', '=', 'invoice')
    .executeTakeFirstOrThrow();
  assert.deepEqual([entry.subject_type, entry.subject_id], ['invoice', invoice.id]);
  assert.deepEqual(entry.data, {
    action: 'issued',
    number: invoice.number,
    status: 'open',
    amount: '960.00',
    currency: 'EUR',
    dueOn: invoice.dueOn,
    orderId: order.id,
    orderNumber: order.number,
  });
  const history = (await get(`/api/history/invoice/${invoice.id}`)).json().data;
  assert.equal(history[0].action, 'create');

  // Nothing is left to invoice.
  expectError(await post(`/api/orders/${order.id}/invoices`, {}), 409, 'conflict');
});

test('invoiced in parts, a line adds up to the order line to the cent', async () => {
  const order = await makeOrder(ws.ctx, { lines: [{ product: { name: 'Stylo', unitPrice: '0.10', unitCost: '0.03' }, quantity: 3, discountPercent: 33 }] });
  const lineTotal = order.lines[0]!.lineTotal;
  const parts = [];
  for (let i = 0; i < 3; i++) parts.push((await post(`/api/orders/${order.id}/invoices`, { lines: [{ orderLinePosition: 1, quantity: 1 }], paymentTermDays: 0 })).json());
  const cents = parts.reduce((sum, invoice) => sum + Math.round(Number(invoice.totalExclTax) * 100), 0);
  assert.equal(cents, Math.round(Number(lineTotal) * 100));
  assert.equal(parts[0].dueOn, parts[0].issuedOn);
  const refused = expectError(await post(`/api/orders/${order.id}/invoices`, { lines: [{ orderLinePosition: 1, quantity: 1 }] }), 422, 'unprocessable');
  issueFor(refused, 'body.lines[0].quantity');
});

test('the list filters by status, overdue and customer, pages by cursor, and the totals add up what it selects', async () => {
  const customer = await makeCustomer(ws.ctx);
  const old = await makeOrder(ws.ctx, chairsAndTables(customer.id));
  const recent = await makeOrder(ws.ctx, chairsAndTables(customer.id));
  const overdue = (await post(`/api/orders/${old.id}/invoices`, { issuedOn: addDays(todayInFrance(), -45), paymentTermDays: 30 })).json();
  const current = (await post(`/api/orders/${recent.id}/invoices`, { lines: [{ orderLinePosition: 1, quantity: 1 }] })).json();
  await post(`/api/invoices/${overdue.id}/payments`, { amount: '100.00', method: 'card' });

  const detail = (await get(`/api/invoices/${overdue.id}`)).json();
  assert.equal(detail.status, 'partially_paid');
  assert.equal(detail.isOverdue, true);
  assert.equal(detail.daysOverdue, 15);
  assert.equal(detail.balanceDue, '860.00');

  const late = (await get(`/api/invoices?overdue=true&customerId=${customer.id}`)).json();
  assert.deepEqual(late.data.map((i: { id: string }) => i.id), [overdue.id]);
  const notLate = (await get(`/api/invoices?overdue=false&customerId=${customer.id}`)).json();
  assert.deepEqual(notLate.data.map((i: { id: string }) => i.id), [current.id]);
  const open = (await get(`/api/invoices?status=open&customerId=${customer.id}`)).json();
  assert.deepEqual(open.data.map((i: { id: string }) => i.id), [current.id]);

  const first = (await get(`/api/invoices?customerId=${customer.id}&limit=1`)).json();
  assert.equal(first.data[0].id, current.id, 'newest issue first');
  const second = (await get(`/api/invoices?customerId=${customer.id}&limit=1&cursor=${first.nextCursor}`)).json();
  assert.deepEqual([second.data[0].id, second.nextCursor], [overdue.id, null]);
  const period = (await get(`/api/invoices?customerId=${customer.id}&to=${addDays(todayInFrance(), -1)}`)).json();
  assert.deepEqual(period.data.map((i: { id: string }) => i.id), [overdue.id]);

  const totals = (await get(`/api/invoices/totals?customerId=${customer.id}`)).json().totals;
  assert.deepEqual(totals, [
    { currency: 'EUR', count: 2, totalInclTax: '1080.00', amountPaid: '100.00', balanceDue: '980.00', overdueCount: 1, overdueBalance: '860.00' },
  ]);
});

test('an invoice is cancelled only while nothing is paid; its quantities can be invoiced again', async () => {
  const order = await makeOrder(ws.ctx, chairsAndTables());
  const invoice = (await post(`/api/orders/${order.id}/invoices`, {})).json();
  const cancelled = await post(`/api/invoices/${invoice.id}/cancel`, { reason: 'Émise par erreur' });
  assert.equal(cancelled.statusCode, 200, cancelled.body);
  assert.equal(cancelled.json().status, 'cancelled');
  assert.equal(cancelled.json().balanceDue, '0.00');
  expectError(await post(`/api/invoices/${invoice.id}/payments`, { amount: '1.00', method: 'cash' }), 409, 'conflict');

  const again = (await post(`/api/orders/${order.id}/invoices`, {})).json();
  assert.equal(again.totalInclTax, '960.00');
  await post(`/api/invoices/${again.id}/payments`, { amount: '10.00', method: 'cash' });
  const refused = expectError(await post(`/api/invoices/${again.id}/cancel`, {}), 409, 'conflict');
  assert.match(refused.message, /payments/);
});

test('billing needs billing:write; reading needs only customers:read', async () => {
  const order = await makeOrder(ws.ctx, chairsAndTables());
  const marketing = await sessionFor(ws, await makeUser(ws, 'marketing'));
  expectError(await post(`/api/orders/${order.id}/invoices`, {}, marketing), 403, 'forbidden');
  const invoice = (await post(`/api/orders/${order.id}/invoices`, {})).json();
  assert.equal((await get(`/api/invoices/${invoice.id}`, marketing)).statusCode, 200);
  expectError(await post(`/api/invoices/${invoice.id}/payments`, { amount: '1.00', method: 'cash' }, marketing), 403, 'forbidden');
  expectError(await get('/api/invoices/00000000-0000-4000-8000-000000000000'), 404, 'not_found');
});
