/**
 * The catalogue over HTTP: categories, products with price, cost and derived margin, SKU conflicts, version
 * checks, archive instead of delete once sold, and who may change it.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, call, type TestApp } from '../helpers/app.ts';
import { makeUser, makeWorkspace, sessionFor, type TestWorkspace } from '../helpers/factories.ts';
import { expectError, issueFor } from './expect-error.ts';

let t: TestApp;
let ws: TestWorkspace;

before(async () => {
  t = await createTestApp();
  ws = await makeWorkspace(t.database.db, 'Catalogue Test');
});
after(() => t.close());

const post = (url: string, body: unknown, session = ws.adminSession) => call(t.app, { method: 'POST', url, body, session });
const patch = (url: string, body: unknown, session = ws.adminSession) => call(t.app, { method: 'PATCH', url, body, session });
const del = (url: string, session = ws.adminSession) => call(t.app, { method: 'DELETE', url, session });
const get = (url: string, session = ws.adminSession) => call(t.app, { url, session });

test('a product is stored with exact prices and presents its margin and margin rate', async () => {
  const category = await post('/api/catalogue/categories', { name: 'Épicerie fine' });
  assert.equal(category.statusCode, 201, category.body);
  const response = await post('/api/catalogue/products', {
    sku: 'CAF-001',
    name: 'Café en grains 1 kg',
    categoryId: category.json().id,
    unitPrice: '24.90',
    unitCost: 11.2,
    vatRate: '5.5',
  });
  assert.equal(response.statusCode, 201, response.body);
  const product = response.json();
  assert.equal(product.unitPrice, '24.90');
  assert.equal(product.unitCost, '11.20');
  assert.equal(product.vatRate, '5.50');
  assert.equal(product.currency, 'EUR');
  assert.equal(product.margin, '13.70');
  assert.equal(product.marginRate, '55.02');
  assert.equal(product.categoryName, 'Épicerie fine');
  assert.equal(product.active, true);
  assert.equal(product.version, 1);

  const changed = await patch(`/api/catalogue/products/${product.id}`, { version: 1, unitPrice: '26.00' });
  assert.equal(changed.statusCode, 200, changed.body);
  assert.equal(changed.json().margin, '14.80');
  assert.equal(changed.json().version, 2);
  const stale = await patch(`/api/catalogue/products/${product.id}`, { version: 1, name: 'Autre nom' });
  const error = expectError(stale, 409, 'version_conflict');
  issueFor(error, 'body.version');
  assert.equal((stale.json().error.current as { unitPrice: string }).unitPrice, '26.00');
});

test('a SKU already used is a 409 naming body.sku, on create and on rename', async () => {
  const first = await post('/api/catalogue/products', { sku: 'DUP-1', name: 'Premier', unitPrice: 10 });
  assert.equal(first.statusCode, 201, first.body);
  issueFor(expectError(await post('/api/catalogue/products', { sku: 'DUP-1', name: 'Doublon', unitPrice: 5 }), 409, 'conflict'), 'body.sku');
  const second = await post('/api/catalogue/products', { sku: 'DUP-2', name: 'Second', unitPrice: 5 });
  issueFor(expectError(await patch(`/api/catalogue/products/${second.json().id}`, { version: 1, sku: 'DUP-1' }), 409, 'conflict'), 'body.sku');
});

test('bad prices, currencies and VAT rates are refused naming the field, and nothing is written', async () => {
  const before = (await get('/api/catalogue/products?limit=200')).json().data.length;
  const error = expectError(
    await post('/api/catalogue/products', { sku: 'BAD-1', name: 'Mauvais', unitPrice: '-1', unitCost: '1.234', currency: 'eur', vatRate: 100 }),
    400,
    'validation_failed',
  );
  for (const field of ['body.unitPrice', 'body.unitCost', 'body.currency', 'body.vatRate']) issueFor(error, field);
  issueFor(expectError(await post('/api/catalogue/products', { sku: 'BAD-2', name: 'Devise', unitPrice: 1, currency: 'ZZZ' }), 400, 'validation_failed'), 'body.currency');
  const unknownCategory = await post('/api/catalogue/products', { sku: 'BAD-3', name: 'Rangé', unitPrice: 1, categoryId: '00000000-0000-4000-8000-000000000000' });
  issueFor(expectError(unknownCategory, 422, 'unprocessable'), 'body.categoryId');
  assert.equal((await get('/api/catalogue/products?limit=200')).json().data.length, before);
});

test('the list searches SKU and name and filters by category, kind and active', async () => {
  const category = (await post('/api/catalogue/categories', { name: 'Services' })).json();
  await post('/api/catalogue/products', { sku: 'SRV-INSTALL', name: 'Installation à domicile', kind: 'service', categoryId: category.id, unitPrice: 90 });
  await post('/api/catalogue/products', { sku: 'SRV-OLD', name: 'Ancien service', kind: 'service', categoryId: category.id, unitPrice: 10, active: false });
  await post('/api/catalogue/products', { sku: 'THE-VERT', name: 'Thé vert', unitPrice: 8 });

  const skus = async (query: string) => (await get(`/api/catalogue/products?${query}`)).json().data.map((p: { sku: string }) => p.sku).sort();
  assert.deepEqual(await skus('q=srv-'), ['SRV-INSTALL', 'SRV-OLD']);
  assert.deepEqual(await skus('q=domicile'), ['SRV-INSTALL']);
  assert.deepEqual(await skus(`categoryId=${category.id}&active=true`), ['SRV-INSTALL']);
  assert.ok((await skus('kind=service')).every((sku: string) => sku.startsWith('SRV-')));

  const page1 = (await get('/api/catalogue/products?limit=2&sort=sku')).json();
  assert.equal(page1.data.length, 2);
  const page2 = (await get(`/api/catalogue/products?limit=2&sort=sku&cursor=${page1.nextCursor}`)).json();
  assert.ok(page2.data[0].sku > page1.data[1].sku);
});

test('categories: renamed, unique by name, deleted only when unused', async () => {
  const category = (await post('/api/catalogue/categories', { name: 'Vins' })).json();
  issueFor(expectError(await post('/api/catalogue/categories', { name: 'VINS' }), 409, 'conflict'), 'body.name');
  const renamed = await patch(`/api/catalogue/categories/${category.id}`, { name: 'Vins et spiritueux' });
  assert.equal(renamed.json().name, 'Vins et spiritueux');
  const product = (await post('/api/catalogue/products', { sku: 'VIN-1', name: 'Bordeaux', categoryId: category.id, unitPrice: 12 })).json();
  expectError(await del(`/api/catalogue/categories/${category.id}`), 409, 'conflict');
  await patch(`/api/catalogue/products/${product.id}`, { version: 1, categoryId: null });
  assert.equal((await del(`/api/catalogue/categories/${category.id}`)).statusCode, 204);
  const names = (await get('/api/catalogue/categories')).json().data.map((c: { name: string }) => c.name);
  assert.ok(!names.includes('Vins et spiritueux'));
});

test('a product never sold is deleted; one that was sold is archived', async () => {
  const unused = (await post('/api/catalogue/products', { sku: 'DEL-1', name: 'Jamais vendu', unitPrice: 3 })).json();
  assert.deepEqual((await del(`/api/catalogue/products/${unused.id}`)).json(), { outcome: 'deleted', product: null });
  expectError(await get(`/api/catalogue/products/${unused.id}`), 404, 'not_found');

  const sold = (await post('/api/catalogue/products', { sku: 'DEL-2', name: 'Vendu', unitPrice: 3 })).json();
  const customer = (await post('/api/people', { lastName: 'Acheteur' })).json();
  const order = await post('/api/orders', { customerId: customer.id, channel: 'store', lines: [{ productId: sold.id, quantity: 1 }] });
  assert.equal(order.statusCode, 201, order.body);
  const removed = (await del(`/api/catalogue/products/${sold.id}`)).json();
  assert.equal(removed.outcome, 'archived');
  assert.equal(removed.product.active, false);
  assert.equal((await get(`/api/catalogue/products/${sold.id}`)).json().active, false);
});

test('everyone reads the catalogue; only catalogue managers change it', async () => {
  const sales = await sessionFor(ws, await makeUser(ws, 'sales'));
  assert.equal((await get('/api/catalogue/products', sales)).statusCode, 200);
  expectError(await post('/api/catalogue/products', { sku: 'NOPE', name: 'Interdit', unitPrice: 1 }, sales), 403, 'forbidden');
  expectError(await post('/api/catalogue/categories', { name: 'Interdite' }, sales), 403, 'forbidden');
  const manager = await sessionFor(ws, await makeUser(ws, 'manager'));
  assert.equal((await post('/api/catalogue/products', { sku: 'MGR-1', name: 'Permis', unitPrice: 1 }, manager)).statusCode, 201);
});
