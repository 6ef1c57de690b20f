/**
 * Payments and credit notes over HTTP: a partial then a full payment (statuses, paid_at, lateness), a payment
 * above the balance refused naming body.amount with nothing written, concurrent payments that never exceed the
 * total, and credit notes that never take back more than was invoiced, reduce the balance due or become a refund.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, call, type TestApp } from '../helpers/app.ts';
import { makeWorkspace, type TestWorkspace } from '../helpers/factories.ts';
import { chairsAndTables, makeOrder } from '../helpers/billing-fixtures.ts';
import { addDays, todayInFrance } from '../../src/modules/billing/billing-math.ts';
import { expectError, issueFor } from './expect-error.ts';

let t: TestApp;
let ws: TestWorkspace;

before(async () => {
  t = await createTestApp();
  ws = await makeWorkspace(t.database.db, 'Payments Test');
});
after(() => t.close());

const post = (url: string, body: unknown, session = ws.adminSession) => call(t.app, { method: 'POST', url, body, session });
const get = (url: string, session = ws.adminSession) => call(t.app, { url, session });

async function invoicedOrder(invoice: object = {}) {
  const order = await makeOrder(ws.ctx, chairsAndTables());
  const created = await post(`/api/orders/${order.id}/invoices`, invoice);
  assert.equal(created.statusCode, 201, created.body);
  return { order, invoice: created.json() };
}

async function timelineData(partyId: string, kind: string) {
  const rows = await t.database.db
    .selectFrom('timeline_entries')
    .select('data')
    .where('workspace_id', '=', ws.id)
    .where('party_id', '=', partyId)
    .where('kind', '=', kind)
    .orderBy('occurred_at')
    .execute();
  return rows.map((row) => row.data as Record<string, unknown>);
}

test('a partial payment, then the rest: partially paid, then paid at the time of the last payment, late by the days past due', async () => {
  const { order, invoice } = await invoicedOrder({ issuedOn: addDays(todayInFrance(), -40), paymentTermDays: 30 });
  const firstAt = `${addDays(todayInFrance(), -20)}T09:30:00.000Z`;
  const first = await post(`/api/invoices/${invoice.id}/payments`, { amount: '400.00', method: 'transfer', reference: 'VIR 001', paidAt: firstAt });
  assert.equal(first.statusCode, 201, first.body);
  assert.equal(first.json().payment.amount, '400.00');
  assert.equal(first.json().invoice.status, 'partially_paid');
  assert.equal(first.json().invoice.balanceDue, '560.00');
  assert.equal(first.json().invoice.paidAt, null);

  const lastAt = `${addDays(todayInFrance(), -5)}T10:00:00.000Z`;
  const last = (await post(`/api/invoices/${invoice.id}/payments`, { amount: 560, method: 'card', paidAt: lastAt })).json();
  assert.equal(last.invoice.status, 'paid');
  assert.equal(last.invoice.paidAt, lastAt);
  assert.equal(last.invoice.balanceDue, '0.00');
  assert.equal(last.invoice.daysLate, 5);
  assert.equal(last.invoice.isOverdue, false);
  assert.deepEqual(
    last.invoice.payments.map((p: { amount: string; method: string; daysLate: number }) => [p.amount, p.method, p.daysLate]),
    [
      ['400.00', 'transfer', 0],
      ['560.00', 'card', 5],
    ],
  );

  const entries = await timelineData(order.customer.id, 'payment');
  assert.deepEqual(
    entries.map((e) => [e.amount, e.status, e.previousStatus, e.daysLate]),
    [
      ['400.00', 'partially_paid', 'open', 0],
      ['560.00', 'paid', 'partially_paid', 5],
    ],
  );
  const history = (await get(`/api/history/invoice/${invoice.id}`)).json().data;
  assert.ok(history.some((event: { changes: Record<string, { after: unknown }> }) => event.changes.status?.after === 'paid'));
});

test('a payment above the balance due is refused naming body.amount with the balance, and nothing is written', async () => {
  const { invoice } = await invoicedOrder();
  await post(`/api/invoices/${invoice.id}/payments`, { amount: '900.00', method: 'cheque' });
  const count = async () => (await t.database.db.selectFrom('payments').select((eb) => eb.fn.countAll<number>().as('n')).where('invoice_id', '=', invoice.id).executeTakeFirstOrThrow()).n;
  const before = (await get(`/api/invoices/${invoice.id}`)).json();

  const above = expectError(await post(`/api/invoices/${invoice.id}/payments`, { amount: '60.01', method: 'cheque' }), 422, 'unprocessable');
  assert.match(issueFor(above, 'body.amount').rule, /at most 60\.00/);
  assert.match(above.message, /60\.00 EUR/);
  const zero = expectError(await post(`/api/invoices/${invoice.id}/payments`, { amount: '0', method: 'cheque' }), 422, 'unprocessable');
  issueFor(zero, 'body.amount');
  const negative = expectError(await post(`/api/invoices/${invoice.id}/payments`, { amount: -5, method: 'cheque' }), 422, 'unprocessable');
  issueFor(negative, 'body.amount');
  const malformed = expectError(await post(`/api/invoices/${invoice.id}/payments`, { amount: '12.345', method: 'cheque' }), 400, 'validation_failed');
  issueFor(malformed, 'body.amount');
  const method = expectError(await post(`/api/invoices/${invoice.id}/payments`, { amount: '1.00', method: 'bitcoin' }), 400, 'validation_failed');
  issueFor(method, 'body.method');

  assert.equal(Number(await count()), 1);
  const after = (await get(`/api/invoices/${invoice.id}`)).json();
  assert.deepEqual([after.amountPaid, after.status, after.version], [before.amountPaid, before.status, before.version]);
});

test('payments sent at the same moment never add up to more than the invoice', async () => {
  const { invoice } = await invoicedOrder();
  const attempts = await Promise.all(Array.from({ length: 6 }, () => post(`/api/invoices/${invoice.id}/payments`, { amount: '300.00', method: 'card' })));
  const accepted = attempts.filter((r) => r.statusCode === 201);
  const refused = attempts.filter((r) => r.statusCode === 422);
  assert.equal(accepted.length, 3);
  assert.equal(refused.length, 3);
  const after = (await get(`/api/invoices/${invoice.id}`)).json();
  assert.equal(after.amountPaid, '900.00');
  assert.equal(after.payments.length, 3);
  assert.equal(after.balanceDue, '60.00');
});

test('credit notes: never more than invoiced minus credited; they reduce the balance due, or become a refund once paid', async () => {
  const { order, invoice } = await invoicedOrder();
  const byLines = await post(`/api/invoices/${invoice.id}/credit-notes`, { lines: [{ orderLinePosition: 1, quantity: 1 }], reason: 'Chaise rayée' });
  assert.equal(byLines.statusCode, 201, byLines.body);
  const note = byLines.json();
  assert.match(note.number, /^AV-\d{4}-\d{6}$/);
  assert.equal(note.kind, 'credit_note');
  assert.deepEqual(note.creditedInvoice, { id: invoice.id, number: invoice.number });
  assert.deepEqual([note.totalExclTax, note.taxTotal, note.totalInclTax, note.costTotal], ['100.00', '20.00', '120.00', '60.00']);
  assert.equal(note.refundOwed, '0.00');

  let current = (await get(`/api/invoices/${invoice.id}`)).json();
  assert.deepEqual([current.creditedTotal, current.balanceDue, current.status], ['120.00', '840.00', 'open']);
  assert.deepEqual(current.creditNotes.map((c: { number: string }) => c.number), [note.number]);

  // More chairs than remain to credit, and more money than remains, are both refused.
  const lines = expectError(await post(`/api/invoices/${invoice.id}/credit-notes`, { lines: [{ orderLinePosition: 1, quantity: 3 }], reason: 'x' }), 422, 'unprocessable');
  assert.match(issueFor(lines, 'body.lines[0].quantity').rule, /at most 2\b/);
  const money = expectError(await post(`/api/invoices/${invoice.id}/credit-notes`, { amount: '840.01', reason: 'x' }), 422, 'unprocessable');
  assert.match(issueFor(money, 'body.amount').rule, /at most 840\.00/);
  expectError(await post(`/api/invoices/${invoice.id}/credit-notes`, { reason: 'x' }), 400, 'validation_failed');

  // The customer pays what remains; a credit note after that is a refund owed, which a payment on it settles.
  await post(`/api/invoices/${invoice.id}/payments`, { amount: '840.00', method: 'transfer' });
  const gesture = (await post(`/api/invoices/${invoice.id}/credit-notes`, { amount: '30.00', reason: 'Geste commercial' })).json();
  assert.deepEqual([gesture.totalExclTax, gesture.taxTotal, gesture.totalInclTax, gesture.refundOwed, gesture.status], ['25.00', '5.00', '30.00', '30.00', 'open']);
  current = (await get(`/api/invoices/${invoice.id}`)).json();
  assert.deepEqual([current.status, current.balanceDue, current.refundOwed], ['paid', '0.00', '30.00']);
  expectError(await post(`/api/invoices/${gesture.id}/payments`, { amount: '30.01', method: 'transfer' }), 422, 'unprocessable');
  const refunded = (await post(`/api/invoices/${gesture.id}/payments`, { amount: '30.00', method: 'transfer' })).json();
  assert.equal(refunded.invoice.status, 'paid');
  assert.equal((await get(`/api/invoices/${invoice.id}`)).json().refundOwed, '0.00');

  // Everything left is credited at most once.
  const rest = expectError(await post(`/api/invoices/${invoice.id}/credit-notes`, { amount: '810.01', reason: 'x' }), 422, 'unprocessable');
  issueFor(rest, 'body.amount');
  const entries = await timelineData(order.customer.id, 'credit_note');
  assert.deepEqual(
    entries.map((e) => [e.number, e.amount, e.invoiceNumber]),
    [
      [note.number, '120.00', invoice.number],
      [gesture.number, '30.00', invoice.number],
    ],
  );
});

test('a credit note for everything that remains settles an unpaid invoice without making it late', async () => {
  const { invoice } = await invoicedOrder({ issuedOn: addDays(todayInFrance(), -60), paymentTermDays: 30 });
  await post(`/api/invoices/${invoice.id}/payments`, { amount: '60.00', method: 'cash', paidAt: `${addDays(todayInFrance(), -50)}T08:00:00.000Z` });
  const note = (await post(`/api/invoices/${invoice.id}/credit-notes`, { amount: '900.00', reason: 'Commande annulée après facturation' })).json();
  assert.deepEqual([note.status, note.refundOwed], ['paid', '0.00']);
  const settled = (await get(`/api/invoices/${invoice.id}`)).json();
  assert.deepEqual([settled.status, settled.balanceDue, settled.isOverdue, settled.daysLate], ['paid', '0.00', false, null]);
  assert.equal(settled.paidAt, `${addDays(todayInFrance(), -50)}T08:00:00.000Z`);
  expectError(await post(`/api/invoices/${invoice.id}/cancel`, {}), 409, 'conflict');
});
