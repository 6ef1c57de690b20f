/**
 * Quotes over HTTP: drafted with catalogue prices, changed, sent, accepted into an order carrying the same lines,
 * declined and expired, each step on the customer's timeline.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestApp, call, type TestApp } from '../helpers/app.ts';
import { makeWorkspace, type TestWorkspace } from '../helpers/factories.ts';
import { expectError, issueFor } from './expect-error.ts';

let t: TestApp;
let ws: TestWorkspace;
let desk: { id: string };
let chair: { id: string };
let company: { id: string };

const post = (url: string, body: unknown = {}) => call(t.app, { method: 'POST', url, body, session: ws.adminSession });
const patch = (url: string, body: unknown) => call(t.app, { method: 'PATCH', url, body, session: ws.adminSession });
const get = (url: string) => call(t.app, { url, session: ws.adminSession });

before(async () => {
  t = await createTestApp();
  ws = await makeWorkspace(t.database.db, 'Quotes Test');
  desk = (await post('/api/catalogue/products', { sku: 'BUR-1', name: 'Bureau assis-debout', unitPrice: '499.00', unitCost: '260.00' })).json();
  chair = (await post('/api/catalogue/products', { sku: 'CHA-1', name: 'Fauteuil ergonomique', unitPrice: '289.50', unitCost: '150.00' })).json();
  company = (await post('/api/organisations', { legalName: 'Atelier Durand SARL' })).json();
});
after(() => t.close());

async function quoteEntries(quoteId: string) {
  const { rows } = await sql<{ kind: string; data: unknown }>`
    select kind, data from timeline_entries where workspace_id = ${ws.id} and subject_id = ${quoteId} order by occurred_at, id`.execute(t.database.db);
  return rows.map((row) => ({ kind: row.kind, data: (typeof row.data === 'string' ? JSON.parse(row.data) : row.data) as Record<string, unknown> }));
}

const draft = (overrides: Record<string, unknown> = {}) =>
  post('/api/quotes', {
    customerId: company.id,
    channel: 'sales_rep',
    issuedOn: '2026-03-02',
    lines: [
      { productId: desk.id, quantity: 4, discountPercent: 15 },
      { productId: chair.id, quantity: 4 },
    ],
    ...overrides,
  });

test('a quote is drafted with catalogue prices, valid 30 days, numbered and on the timeline', async () => {
  const response = await draft();
  assert.equal(response.statusCode, 201, response.body);
  const quote = response.json();
  assert.match(quote.number, /^DEV-2026-\d{6}$/);
  assert.equal(quote.status, 'draft');
  assert.equal(quote.validUntil, '2026-04-01');
  assert.deepEqual(quote.lines.map((l: { description: string; lineTotal: string }) => [l.description, l.lineTotal]), [
    ['Bureau assis-debout', '1696.60'],
    ['Fauteuil ergonomique', '1158.00'],
  ]);
  assert.equal(quote.totalExclTax, '2854.60');
  assert.equal(quote.taxTotal, '570.92');
  assert.equal(quote.margin, '1214.60');
  assert.deepEqual((await quoteEntries(quote.id)).map((e) => [e.kind, e.data.action]), [['quote', 'created']]);
  const listed = (await get(`/api/quotes?customerId=${company.id}`)).json().data;
  assert.ok(listed.some((q: { id: string }) => q.id === quote.id));
});

test('a draft quote changes with its version; its lines are priced again', async () => {
  const quote = (await draft()).json();
  const changed = await patch(`/api/quotes/${quote.id}`, { version: 1, lines: [{ productId: chair.id, quantity: 2, unitPrice: '250' }] });
  assert.equal(changed.statusCode, 200, changed.body);
  assert.equal(changed.json().totalExclTax, '500.00');
  assert.equal(changed.json().lines.length, 1);
  expectError(await patch(`/api/quotes/${quote.id}`, { version: 1, notes: 'vieux' }), 409, 'version_conflict');
  issueFor(expectError(await patch(`/api/quotes/${quote.id}`, { version: 2, lines: [{ productId: chair.id, quantity: -1 }] }), 400, 'validation_failed'), 'body.lines[0].quantity');
  issueFor(expectError(await draft({ validUntil: '2026-01-01' }), 400, 'validation_failed'), 'body.validUntil');
});

test('accepting a sent quote creates the order from its lines and links both', async () => {
  const quote = (await draft()).json();
  assert.equal((await post(`/api/quotes/${quote.id}/send`)).json().status, 'sent');
  const accepted = await post(`/api/quotes/${quote.id}/accept`);
  assert.equal(accepted.statusCode, 200, accepted.body);
  const { quote: after, order } = accepted.json();
  assert.equal(after.status, 'accepted');
  assert.equal(after.orderId, order.id);
  assert.equal(order.quoteId, quote.id);
  assert.equal(order.status, 'confirmed');
  assert.equal(order.channel, 'sales_rep');
  assert.equal(order.customer.id, company.id);
  assert.equal(order.totalInclTax, quote.totalInclTax);
  assert.equal(order.onPromotion, true, 'a discounted line makes the order a promotion');
  assert.deepEqual(
    order.lines.map((l: Record<string, string>) => [l.productId, l.quantity, l.unitPrice, l.discountPercent, l.lineTotal]),
    quote.lines.map((l: Record<string, string>) => [l.productId, l.quantity, l.unitPrice, l.discountPercent, l.lineTotal]),
  );
  const again = (await post(`/api/quotes/${quote.id}/accept`)).json();
  assert.equal(again.order.id, order.id, 'accepting twice answers the same order');
  expectError(await post(`/api/quotes/${quote.id}/decline`), 409, 'conflict');
  expectError(await patch(`/api/quotes/${quote.id}`, { version: after.version, notes: 'trop tard' }), 409, 'conflict');
  assert.deepEqual(
    (await quoteEntries(quote.id)).map((e) => [e.kind, e.data.action]),
    [
      ['quote', 'created'],
      ['quote', 'sent'],
      ['quote', 'accepted'],
    ],
  );
});

test('a quote can be declined or expire, after which it cannot be accepted', async () => {
  const declined = (await draft()).json();
  assert.equal((await post(`/api/quotes/${declined.id}/decline`)).json().status, 'declined');
  expectError(await post(`/api/quotes/${declined.id}/accept`), 409, 'conflict');
  const expired = (await draft()).json();
  assert.equal((await post(`/api/quotes/${expired.id}/expire`)).json().status, 'expired');
  expectError(await post(`/api/quotes/${expired.id}/send`), 409, 'conflict');
  assert.deepEqual((await quoteEntries(declined.id)).map((e) => e.data.action), ['created', 'declined']);
  expectError(await get('/api/quotes/00000000-0000-4000-8000-000000000000'), 404, 'not_found');
});
