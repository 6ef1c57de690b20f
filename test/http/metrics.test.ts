/**
 * Purchase metrics: kept incrementally by every service that changes a customer's commercial history, they must
 * equal a full recomputation after any sequence of changes; and their definitions give the figures a person
 * works out by hand.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestApp, call, type TestApp } from '../helpers/app.ts';
import { makeWorkspace, type TestWorkspace } from '../helpers/factories.ts';
import { recomputeAllCustomerMetrics } from '../../src/modules/metrics/metrics-service.ts';

let t: TestApp;
let ws: TestWorkspace;
let products: string[];

before(async () => {
  t = await createTestApp();
  ws = await makeWorkspace(t.database.db, 'Metrics Test');
  products = [];
  for (const [sku, price, cost] of [
    ['CAFE-1', '12.50', '5.00'],
    ['MOUL-2', '89.00', '41.00'],
    ['TASSE-6', '24.00', '9.60'],
  ] as const) {
    products.push((await send('POST', '/api/catalogue/products', { sku, name: sku, unitPrice: price, unitCost: cost })).id);
  }
});
after(() => t.close());

async function send(method: 'POST' | 'PATCH', url: string, body: object, expected?: number) {
  const response = await call(t.app, { method, url, body, session: ws.adminSession });
  if (expected !== undefined) assert.equal(response.statusCode, expected, `${method} ${url}: ${response.body}`);
  return response.statusCode < 300 ? response.json() : null;
}

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;
const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10);

async function storedMetrics(): Promise<unknown[]> {
  const { rows } = await sql<Record<string, unknown>>`select * from customer_metrics where workspace_id = ${ws.id} order by party_id`.execute(t.database.db);
  return rows.map(({ updated_at: _updatedAt, ...row }) => row);
}

test('after a random sequence of orders, cancellations, deliveries, invoices, payments, credit notes, returns, cases and feedback, the kept metrics equal a full recomputation', async () => {
  const pick = random(20261123);
  const choose = <T>(items: readonly T[]): T => items[Math.floor(pick() * items.length)]!;
  const customers: string[] = [];
  for (let i = 0; i < 4; i++) customers.push((await send('POST', '/api/people', { lastName: `Client ${i}`, roles: ['customer'] }, 201)).id);
  customers.push((await send('POST', '/api/organisations', { legalName: 'Brûlerie Ouest', roles: ['customer'] }, 201)).id);
  const orders: { id: string; customer: string; at: number }[] = [];
  const invoices: { id: string; issued: number }[] = [];
  const done: Record<string, number> = {};
  const now = Date.now();

  for (let step = 0; step < 90; step++) {
    const action = choose(['order', 'order', 'order', 'cancel', 'deliver', 'invoice', 'invoice', 'pay', 'pay', 'credit', 'return', 'case', 'feedback'] as const);
    let result: unknown = null;
    if (action === 'order' || orders.length === 0) {
      const customer = choose(customers);
      const at = now - Math.floor(pick() * 700) * DAY;
      const lines = Array.from({ length: 1 + Math.floor(pick() * 3) }, () => ({
        productId: choose(products),
        quantity: 1 + Math.floor(pick() * 4),
        discountPercent: pick() < 0.3 ? 15 : 0,
      }));
      result = await send('POST', '/api/orders', { customerId: customer, channel: choose(['store', 'web', 'phone']), orderedAt: new Date(at).toISOString(), lines });
      if (result) orders.push({ id: (result as { id: string }).id, customer, at });
    } else if (action === 'cancel') {
      result = await send('POST', `/api/orders/${choose(orders).id}/cancel`, { reason: 'Changement d’avis' });
    } else if (action === 'deliver') {
      const delivery = await send('POST', `/api/orders/${choose(orders).id}/deliveries`, {});
      if (delivery) result = await send('POST', `/api/deliveries/${(delivery as { id: string }).id}/status`, { status: 'delivered' });
    } else if (action === 'invoice') {
      const order = choose(orders);
      const issued = Math.min(now, order.at + Math.floor(pick() * 20) * DAY);
      result = await send('POST', `/api/orders/${order.id}/invoices`, { issuedOn: isoDay(issued), paymentTermDays: choose([0, 30, 45]) });
      if (result) invoices.push({ id: (result as { id: string }).id, issued });
    } else if (action === 'pay' && invoices.length > 0) {
      const invoice = choose(invoices);
      const detail = (await call(t.app, { url: `/api/invoices/${invoice.id}`, session: ws.adminSession })).json();
      const due = Number(detail.balanceDue ?? detail.totalInclTax);
      if (due > 0) {
        const amount = pick() < 0.5 ? due : Math.max(0.01, Math.round(due * 50) / 100);
        const paidAt = Math.min(now, invoice.issued + Math.floor(pick() * 80) * DAY);
        result = await send('POST', `/api/invoices/${invoice.id}/payments`, { amount: amount.toFixed(2), paidAt: new Date(paidAt).toISOString(), method: 'card' });
      }
    } else if (action === 'credit' && invoices.length > 0) {
      result = await send('POST', `/api/invoices/${choose(invoices).id}/credit-notes`, { amount: '5.00', reason: 'Geste commercial' });
    } else if (action === 'return') {
      result = await send('POST', `/api/orders/${choose(orders).id}/returns`, { lines: [{ orderLinePosition: 1, quantity: 1 }], reason: 'Ne convient pas' });
    } else if (action === 'case') {
      result = await send('POST', '/api/cases', {
        partyId: choose(customers),
        type: choose(['complaint', 'question', 'repair']),
        channel: 'phone',
        priority: 'normal',
        subject: 'Appel client',
      });
    } else if (action === 'feedback') {
      result = await send('POST', '/api/feedback', {
        partyId: choose(customers),
        touchpoint: 'purchase',
        channel: 'email',
        nps: Math.floor(pick() * 11),
        receivedAt: new Date(now - Math.floor(pick() * 300) * DAY).toISOString(),
      });
    }
    if (result) done[action] = (done[action] ?? 0) + 1;
  }
  // The sequence must really have exercised every path, or the comparison below proves little.
  for (const action of ['order', 'cancel', 'deliver', 'invoice', 'pay', 'credit', 'return', 'case', 'feedback']) {
    assert.ok((done[action] ?? 0) > 0, `no successful ${action} in the sequence: ${JSON.stringify(done)}`);
  }

  const kept = await storedMetrics();
  assert.equal(kept.length, customers.length);
  await recomputeAllCustomerMetrics(ws.ctx);
  assert.deepEqual(kept, await storedMetrics());
});

test('the metrics of one customer are what a person works out by hand', async () => {
  const customer = (await send('POST', '/api/people', { lastName: 'Calcul', roles: ['customer'] }, 201)).id;
  const day = (n: number) => new Date(Date.now() - n * DAY).toISOString();
  // 400 days ago: 2 × 89.00 = 178.00 (cost 82.00); 100 days ago: 4 × 12.50 − 15 % = 42.50 (cost 20.00), on promotion;
  // 10 days ago: 24.00 (cost 9.60); a cancelled order counts for nothing.
  const first = await send('POST', '/api/orders', { customerId: customer, channel: 'store', orderedAt: day(400), lines: [{ productId: products[1], quantity: 2 }] }, 201);
  await send('POST', '/api/orders', { customerId: customer, channel: 'web', orderedAt: day(100), lines: [{ productId: products[0], quantity: 4, discountPercent: 15 }] }, 201);
  await send('POST', '/api/orders', { customerId: customer, channel: 'web', orderedAt: day(10), lines: [{ productId: products[2], quantity: 1 }] }, 201);
  const cancelled = await send('POST', '/api/orders', { customerId: customer, channel: 'web', orderedAt: day(5), lines: [{ productId: products[1], quantity: 9 }] }, 201);
  await send('POST', `/api/orders/${cancelled.id}/cancel`, {}, 200);
  // The first order invoiced 400 days ago with 30 days to pay, paid 50 days late.
  const invoice = await send('POST', `/api/orders/${first.id}/invoices`, { issuedOn: day(400).slice(0, 10), paymentTermDays: 30 }, 201);
  await send('POST', `/api/invoices/${invoice.id}/payments`, { amount: invoice.totalInclTax, paidAt: day(320), method: 'transfer' }, 201);
  await send('POST', '/api/feedback', { partyId: customer, touchpoint: 'purchase', channel: 'email', nps: 9, receivedAt: day(90) }, 201);
  await send('POST', '/api/feedback', { partyId: customer, touchpoint: 'delivery', channel: 'email', nps: 4, receivedAt: day(8) }, 201);
  await send('POST', '/api/cases', { partyId: customer, type: 'complaint', channel: 'phone', priority: 'high', subject: 'Tasse fêlée' }, 201);

  const metrics = (await call(t.app, { url: `/api/parties/${customer}/metrics`, session: ws.adminSession })).json();
  assert.equal(metrics.revenue, '244.50');
  assert.equal(metrics.margin, '132.90');
  assert.equal(metrics.revenue12m, '66.50');
  assert.equal(metrics.orderCount, 3);
  assert.equal(metrics.orderCount12m, 2);
  assert.equal(metrics.averageBasket, '81.50');
  assert.equal(metrics.meanIntervalDays, 195);
  assert.equal(metrics.daysSinceLastPurchase, 10);
  assert.equal(metrics.promotionOrderCount, 1);
  assert.equal(metrics.promotionShare, 0.3333);
  assert.equal(metrics.latePaymentCount, 1);
  assert.equal(metrics.averageDaysLate, 50);
  assert.equal(metrics.openBalance, '0.00');
  assert.equal(metrics.caseCount, 1);
  assert.equal(metrics.complaintCount, 1);
  assert.equal(metrics.lastNps, 4);
  assert.equal(metrics.averageNps, 6.5);
  assert.equal(metrics.feedbackCount, 2);

  // The list shows the same brief figures, and sorts by them.
  const mine = (await call(t.app, { url: `/api/people?q=Calcul`, session: ws.adminSession })).json().data[0];
  assert.equal(mine.metrics.revenue, '244.50');
  assert.equal(mine.metrics.orderCount, 3);
  const byRevenue = (await call(t.app, { url: '/api/people?sort=-revenue&limit=200', session: ws.adminSession })).json().data;
  const revenues = byRevenue.map((p: { metrics: { revenue: string } | null }) => Number(p.metrics?.revenue ?? 0));
  assert.deepEqual(revenues, [...revenues].sort((a, b) => b - a), 'sorted by revenue, highest first');
  assert.ok(byRevenue.some((p: { id: string }) => p.id === customer));
});
