/**
 * Orders over HTTP: exact totals with discounts, every bad-input case naming its field and writing nothing, the
 * status workflow, version checks, timeline entries, list filters and cursors.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestApp, call, type TestApp } from '../helpers/app.ts';
import { makeWorkspace, type TestWorkspace } from '../helpers/factories.ts';
import { expectError, issueFor } from './expect-error.ts';

let t: TestApp;
let ws: TestWorkspace;
let coffee: { id: string };
let machine: { id: string };
let customer: { id: string; customerNumber: string };

const post = (url: string, body: unknown) => call(t.app, { method: 'POST', url, body, session: ws.adminSession });
const patch = (url: string, body: unknown) => call(t.app, { method: 'PATCH', url, body, session: ws.adminSession });
const get = (url: string) => call(t.app, { url, session: ws.adminSession });

async function product(body: Record<string, unknown>) {
  const response = await post('/api/catalogue/products', body);
  assert.equal(response.statusCode, 201, response.body);
  return response.json();
}

before(async () => {
  t = await createTestApp();
  ws = await makeWorkspace(t.database.db, 'Orders Test');
  coffee = await product({ sku: 'CAF', name: 'Café 1 kg', unitPrice: '24.90', unitCost: '11.20', vatRate: '5.5' });
  machine = await product({ sku: 'MAC', name: 'Moulin', unitPrice: '119.99', unitCost: '70', vatRate: 20 });
  customer = (await post('/api/people', { firstName: 'Claire', lastName: 'Morel' })).json();
});
after(() => t.close());

/** Rows the workspace holds in the tables an order writes to. */
async function footprint() {
  const { rows } = await sql<{ orders: number; lines: number; timeline: number; events: number }>`
    select (select count(*)::int from orders where workspace_id = ${ws.id}) as orders,
           (select count(*)::int from order_lines where workspace_id = ${ws.id}) as lines,
           (select count(*)::int from timeline_entries where workspace_id = ${ws.id}) as timeline,
           (select count(*)::int from events where workspace_id = ${ws.id}) as events`.execute(t.database.db);
  return rows[0]!;
}

async function timeline(orderId: string) {
  const { rows } = await sql<{ kind: string; party_id: string; data: Record<string, unknown> }>`
    select kind, party_id, data from timeline_entries where workspace_id = ${ws.id} and subject_id = ${orderId} order by occurred_at, id`.execute(
    t.database.db,
  );
  return rows.map((row) => ({ ...row, data: typeof row.data === 'string' ? JSON.parse(row.data) : row.data }));
}

const newOrder = (overrides: Record<string, unknown> = {}) =>
  post('/api/orders', { customerId: customer.id, channel: 'store', lines: [{ productId: coffee.id, quantity: 1 }], ...overrides });

test('an order with discounts gets exact line totals, tax per line, cost, margin and a timeline entry', async () => {
  const response = await newOrder({
    channel: 'web',
    lines: [
      { productId: coffee.id, quantity: 3, discountPercent: 10 },
      { productId: machine.id, quantity: 2, discountPercent: '12.5' },
      { productId: machine.id, quantity: '1.5', unitPrice: '10.01', description: 'Moulin reconditionné' },
    ],
  });
  assert.equal(response.statusCode, 201, response.body);
  const order = response.json();
  assert.match(order.number, /^CMD-\d{4}-\d{6}$/);
  assert.equal(order.status, 'confirmed');
  assert.equal(order.customer.id, customer.id);
  assert.equal(order.customer.displayName, 'Claire Morel');
  assert.equal(order.customer.customerNumber, customer.customerNumber);
  assert.deepEqual(
    order.lines.map((l: Record<string, string>) => [l.sku, l.description, l.quantity, l.unitPrice, l.discountPercent, l.vatRate, l.lineTotal, l.unitCost, l.lineCost]),
    [
      ['CAF', 'Café 1 kg', '3', '24.90', '10.00', '5.50', '67.23', '11.20', '33.60'],
      ['MAC', 'Moulin', '2', '119.99', '12.50', '20.00', '209.98', '70.00', '140.00'],
      ['MAC', 'Moulin reconditionné', '1.5', '10.01', '0.00', '20.00', '15.02', '70.00', '105.00'],
    ],
  );
  assert.deepEqual(
    {
      subtotal: order.subtotal,
      discountTotal: order.discountTotal,
      totalExclTax: order.totalExclTax,
      taxTotal: order.taxTotal,
      totalInclTax: order.totalInclTax,
      costTotal: order.costTotal,
      margin: order.margin,
    },
    { subtotal: '329.70', discountTotal: '37.47', totalExclTax: '292.23', taxTotal: '48.70', totalInclTax: '340.93', costTotal: '278.60', margin: '13.63' },
  );
  assert.equal(order.onPromotion, true);
  assert.deepEqual(await get(`/api/orders/${order.id}`).then((r) => r.json()), order);

  const entries = await timeline(order.id);
  assert.equal(entries.length, 1);
  assert.equal(entries[0]!.kind, 'order');
  assert.equal(entries[0]!.party_id, customer.id);
  assert.deepEqual(entries[0]!.data, {
    action: 'created',
    number: order.number,
    status: 'confirmed',
    amount: '340.93',
    currency: 'EUR',
    channel: 'web',
    lineCount: 3,
  });
});

test('on promotion when a line is discounted or a promo code is given, not otherwise', async () => {
  assert.equal((await newOrder()).json().onPromotion, false);
  const coded = (await newOrder({ promoCode: 'RENTREE' })).json();
  assert.equal(coded.onPromotion, true);
  assert.equal(coded.promoCode, 'RENTREE');
  assert.equal(coded.discountTotal, '0.00');
  const free = (await newOrder({ lines: [{ productId: coffee.id, quantity: 2, discountPercent: 100 }] })).json();
  assert.equal(free.totalInclTax, '0.00');
  assert.equal(free.margin, '-22.40');
});

test('every kind of bad input is refused naming the field, and writes nothing', async () => {
  const dollars = await product({ sku: 'USD-1', name: 'Import', unitPrice: 5, currency: 'USD' });
  const archived = await product({ sku: 'OLD-1', name: 'Ancien', unitPrice: 5, active: false });
  const organisation = (await post('/api/organisations', { legalName: 'Société Témoin' })).json();
  const before = await footprint();
  const good = { productId: coffee.id, quantity: 1 };
  const unknown = '00000000-0000-4000-8000-000000000000';

  const negative = expectError(await newOrder({ lines: [good, { productId: coffee.id, quantity: -2 }] }), 400, 'validation_failed');
  assert.match(issueFor(negative, 'body.lines[1].quantity').rule, /greater than 0/);
  issueFor(expectError(await newOrder({ lines: [{ productId: coffee.id, quantity: 0 }] }), 400, 'validation_failed'), 'body.lines[0].quantity');
  issueFor(expectError(await newOrder({ lines: [{ productId: coffee.id, quantity: '1.2345' }] }), 400, 'validation_failed'), 'body.lines[0].quantity');
  issueFor(expectError(await newOrder({ lines: [{ productId: coffee.id, quantity: 1, discountPercent: 120 }] }), 400, 'validation_failed'), 'body.lines[0].discountPercent');
  issueFor(expectError(await newOrder({ lines: [{ productId: coffee.id, quantity: 1, unitPrice: '-3' }] }), 400, 'validation_failed'), 'body.lines[0].unitPrice');
  issueFor(expectError(await newOrder({ lines: [] }), 400, 'validation_failed'), 'body.lines');

  issueFor(expectError(await newOrder({ lines: [good, { productId: unknown, quantity: 1 }] }), 422, 'unprocessable'), 'body.lines[1].productId');
  const mismatch = expectError(await newOrder({ lines: [{ productId: dollars.id, quantity: 1 }] }), 422, 'unprocessable');
  const rule = issueFor(mismatch, 'body.lines[0].productId').rule;
  assert.match(rule, /USD/);
  assert.match(rule, /EUR/);
  assert.match(issueFor(expectError(await newOrder({ lines: [{ productId: archived.id, quantity: 1 }] }), 422, 'unprocessable'), 'body.lines[0].productId').rule, /archived/);
  issueFor(expectError(await newOrder({ customerId: unknown }), 422, 'unprocessable'), 'body.customerId');
  issueFor(expectError(await newOrder({ contactId: organisation.id }), 422, 'unprocessable'), 'body.contactId');
  issueFor(expectError(await newOrder({ currency: 'euro' }), 400, 'validation_failed'), 'body.currency');
  issueFor(expectError(await newOrder({ channel: 'pigeon' }), 400, 'validation_failed'), 'body.channel');

  assert.deepEqual(await footprint(), before);
});

test('an erased customer can no longer order', async () => {
  const gone = (await post('/api/people', { lastName: 'Effacé' })).json();
  const erased = await post(`/api/parties/${gone.id}/erase`, { confirm: gone.customerNumber });
  assert.ok(erased.statusCode < 300, erased.body);
  issueFor(expectError(await newOrder({ customerId: gone.id }), 422, 'unprocessable'), 'body.customerId');
});

test('the status workflow moves one step at a time, refuses the rest with 409, and records each move', async () => {
  const order = (await newOrder()).json();
  const move = (status: string, reason?: string) => post(`/api/orders/${order.id}/status`, reason ? { status, reason } : { status });

  const skipped = expectError(await move('shipped'), 409, 'conflict');
  assert.match(skipped.message, /confirmed/);
  assert.match(issueFor(skipped, 'body.status').rule, /in_preparation/);

  const prepared = await move('in_preparation');
  assert.equal(prepared.statusCode, 200, prepared.body);
  assert.equal(prepared.json().status, 'in_preparation');
  const again = await move('in_preparation');
  assert.equal(again.json().version, prepared.json().version, 'asking for the current status changes nothing');
  assert.equal((await move('shipped')).json().status, 'shipped');
  expectError(await post(`/api/orders/${order.id}/cancel`, { reason: 'trop tard' }), 409, 'conflict');
  assert.equal((await move('delivered')).json().status, 'delivered');
  assert.equal((await move('completed')).json().status, 'completed');
  expectError(await move('confirmed'), 409, 'conflict');
  issueFor(expectError(await move('lost'), 400, 'validation_failed'), 'body.status');

  const entries = await timeline(order.id);
  assert.deepEqual(
    entries.map((e) => [e.data.action, e.data.previousStatus ?? null, e.data.status]),
    [
      ['created', null, 'confirmed'],
      ['status_changed', 'confirmed', 'in_preparation'],
      ['status_changed', 'in_preparation', 'shipped'],
      ['status_changed', 'shipped', 'delivered'],
      ['status_changed', 'delivered', 'completed'],
    ],
  );
});

test('an order not yet shipped can be cancelled, with its reason on the timeline', async () => {
  const order = (await newOrder()).json();
  const cancelled = await post(`/api/orders/${order.id}/cancel`, { reason: 'Client injoignable' });
  assert.equal(cancelled.statusCode, 200, cancelled.body);
  assert.equal(cancelled.json().status, 'cancelled');
  expectError(await post(`/api/orders/${order.id}/status`, { status: 'in_preparation' }), 409, 'conflict');
  const last = (await timeline(order.id)).at(-1)!;
  assert.deepEqual([last.data.action, last.data.status, last.data.reason], ['status_changed', 'cancelled', 'Client injoignable']);
});

test('notes and contact change with the version read; a stale version is a 409 with the current order', async () => {
  const order = (await newOrder()).json();
  const contact = (await post('/api/people', { lastName: 'Contact' })).json();
  const changed = await patch(`/api/orders/${order.id}`, { version: order.version, notes: 'Livrer au dépôt', contactId: contact.id });
  assert.equal(changed.statusCode, 200, changed.body);
  assert.equal(changed.json().notes, 'Livrer au dépôt');
  assert.equal(changed.json().contactId, contact.id);
  assert.equal(changed.json().version, order.version + 1);
  const stale = expectError(await patch(`/api/orders/${order.id}`, { version: order.version, notes: 'Écrasé ?' }), 409, 'version_conflict');
  assert.equal((stale as unknown as { current: { notes: string } }).current.notes, 'Livrer au dépôt');
  expectError(await get('/api/orders/00000000-0000-4000-8000-000000000000'), 404, 'not_found');
});

test('the list filters by customer, status, channel, period and number, newest first, page by page', async () => {
  const buyer = (await post('/api/people', { lastName: 'Fidèle' })).json();
  const dates = ['2025-01-10T10:00:00Z', '2025-02-10T10:00:00Z', '2025-03-10T10:00:00Z', '2025-04-10T10:00:00Z', '2025-05-10T10:00:00Z'];
  const made = [];
  for (const [i, orderedAt] of dates.entries()) {
    made.push((await newOrder({ customerId: buyer.id, orderedAt, channel: i % 2 === 0 ? 'phone' : 'event' })).json());
  }
  await post(`/api/orders/${made[4].id}/status`, { status: 'in_preparation' });
  const numbers = async (query: string) => (await get(`/api/orders?customerId=${buyer.id}&${query}`)).json().data.map((o: { number: string }) => o.number);

  assert.deepEqual(await numbers(''), made.map((o) => o.number).reverse());
  assert.deepEqual(await numbers('channel=event'), [made[3].number, made[1].number]);
  assert.deepEqual(await numbers('status=in_preparation'), [made[4].number]);
  assert.deepEqual(await numbers('from=2025-02-01T00:00:00Z&to=2025-04-01T00:00:00Z'), [made[2].number, made[1].number]);
  assert.deepEqual(await numbers(`q=${made[0].number.slice(-6)}`), [made[0].number]);

  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const page: { data: { number: string }[]; nextCursor: string | null } = (
      await get(`/api/orders?customerId=${buyer.id}&limit=2${cursor ? `&cursor=${cursor}` : ''}`)
    ).json();
    assert.ok(page.data.length <= 2);
    seen.push(...page.data.map((o) => o.number));
    cursor = page.nextCursor;
  } while (cursor);
  assert.deepEqual(seen, made.map((o) => o.number).reverse());
  expectError(await get('/api/orders?cursor=garbage'), 400, 'invalid_cursor');
});
