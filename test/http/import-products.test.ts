/**
 * Importing a catalogue over HTTP: products matched on their SKU, French prices and VAT read right, categories
 * found by name or created, rows the catalogue refuses reported with their column, a second import updating
 * (or leaving unchanged) what the first created, and undo taking it all back unless a product was sold since.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { call } from '../helpers/app.ts';
import { makeWorkspace, type TestWorkspace } from '../helpers/factories.ts';
import { makeCustomer } from '../helpers/billing-fixtures.ts';
import { createCategory } from '../../src/modules/commerce/catalogue-service.ts';
import { createOrder } from '../../src/modules/commerce/order-write.ts';
import { expectError } from './expect-error.ts';
import { createImportApp, runImport, upload, waitForImport, type ImportTestApp } from './imports-helpers.ts';

let t: ImportTestApp;
before(async () => {
  t = await createImportApp();
});
after(async () => t.close());

const CATALOGUE = [
  'Référence;Désignation;Famille;Prix HT;Coût;TVA;Actif',
  'CAF-001;Café en grains 1 kg;Boissons;24,90;11,20;5,5 %;oui',
  'CAF-002;Café moulu 250 g;boissons;7,50;3,10;5,5;oui',
  'THE-001;Thé vert Sencha;Thés;12,00;;20;non',
  'BAD-001;Prix négatif;Boissons;-3,00;1;20;oui',
  'BAD-002;TVA impossible;Boissons;3,00;1;150;oui',
].join('\r\n');

const MAPPING = ['sku', 'name', 'category', 'unitPrice', 'unitCost', 'vatRate', 'active'];

async function products(ws: TestWorkspace) {
  const { rows } = await sql<{ sku: string; name: string; unit_price: string; unit_cost: string; vat_rate: string; active: boolean; category: string | null }>`
    select p.sku, p.name, p.unit_price, p.unit_cost, p.vat_rate, p.active, c.name as category
    from products p left join product_categories c on c.workspace_id = p.workspace_id and c.id = p.category_id
    where p.workspace_id = ${ws.id} order by p.sku`.execute(t.database.db);
  return rows;
}

async function categories(ws: TestWorkspace): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`select name from product_categories where workspace_id = ${ws.id} order by name`.execute(t.database.db);
  return rows.map((r) => r.name);
}

test('a French catalogue: suggested mapping, preview, run with refused rows reported, categories found or created', async () => {
  const ws = await makeWorkspace(t.database.db);
  await createCategory(ws.ctx, { name: 'BOISSONS' });
  const uploaded = await upload(t, ws.adminSession, 'catalogue.csv', CATALOGUE, 'products');
  assert.equal(uploaded.statusCode, 201, uploaded.body);
  const created = uploaded.json();
  assert.equal(created.delimiter, ';');
  assert.equal(created.mappingSource, 'suggested');
  assert.deepEqual(created.mapping.slice(0, 4), ['sku', 'name', 'category', 'unitPrice'], 'the French titles are recognised');

  const mapped = await call(t.app, {
    method: 'PUT',
    url: `/api/imports/${created.id}/mapping`,
    session: ws.adminSession,
    body: { target: 'products', mapping: MAPPING, matchKey: 'sku', options: { dateOrder: 'dmy', decimalSeparator: ',' } },
  });
  assert.equal(mapped.statusCode, 200, mapped.body);
  const { preview } = mapped.json();
  assert.deepEqual(preview.map((r: { action: string }) => r.action), ['create', 'create', 'create', 'invalid', 'invalid']);
  assert.deepEqual(preview[0].values, { sku: 'CAF-001', name: 'Café en grains 1 kg', category: 'Boissons', kind: null, description: null, unitPrice: 24.9, unitCost: 11.2, vatRate: 5.5, active: true });
  assert.equal(preview[3].issues[0].column, 'Prix HT');
  assert.equal(preview[3].issues[0].value, '-3,00');
  assert.match(preview[3].issues[0].reason, /at least 0/);
  assert.equal(preview[4].issues[0].column, 'TVA');
  assert.equal(await products(ws).then((p) => p.length), 0, 'the preview wrote nothing');

  const started = await call(t.app, { method: 'POST', url: `/api/imports/${created.id}/start`, session: ws.adminSession, body: { dryRun: false } });
  assert.equal(started.statusCode, 202, started.body);
  const done = await waitForImport(t, ws.adminSession, created.id);
  assert.equal(done.status, 'completed', done.failure);
  assert.deepEqual(done.counts, { created: 3, updated: 0, unchanged: 0, invalid: 2, duplicatesFlagged: 0 });
  assert.equal(done.progress.percent, 100);
  assert.equal(done.canUndo, true);
  assert.deepEqual(await products(ws), [
    { sku: 'CAF-001', name: 'Café en grains 1 kg', unit_price: '24.90', unit_cost: '11.20', vat_rate: '5.50', active: true, category: 'BOISSONS' },
    { sku: 'CAF-002', name: 'Café moulu 250 g', unit_price: '7.50', unit_cost: '3.10', vat_rate: '5.50', active: true, category: 'BOISSONS' },
    { sku: 'THE-001', name: 'Thé vert Sencha', unit_price: '12.00', unit_cost: '0.00', vat_rate: '20.00', active: false, category: 'Thés' },
  ]);
  assert.deepEqual(await categories(ws), ['BOISSONS', 'Thés'], 'an existing category is found whatever its case; a missing one is created once');

  const report = await call(t.app, { url: `/api/imports/${created.id}/errors.csv`, session: ws.adminSession });
  assert.equal(report.statusCode, 200);
  assert.match(String(report.headers['content-disposition']), /catalogue-errors\.csv/);
  const lines = report.body.replace(/^\uFEFF/, '').trim().split('\r\n');
  assert.equal(lines[0], 'row;column;value;reason');
  assert.match(lines[1]!, /^5;Prix HT;'-3,00;/, 'row 5 of the sheet, its value neutralised against formulas');
  assert.match(lines[2]!, /^6;TVA;150;/);
});

test('a second import on SKU updates, counts unchanged rows, and undo restores; a later change blocks undo', async () => {
  const ws = await makeWorkspace(t.database.db);
  const first = (await upload(t, ws.adminSession, 'catalogue.csv', CATALOGUE, 'products')).json();
  await runImport(t, ws.adminSession, first.id, { target: 'products', mapping: MAPPING, matchKey: 'sku' });

  const corrected = [
    'Référence;Désignation;Famille;Prix HT;Coût;TVA;Actif',
    'CAF-001;Café en grains 1 kg;Boissons;26,50;11,20;5,5;oui',
    'CAF-002;Café moulu 250 g;Boissons;7,50;3,10;5,5;oui',
    'BAD-001;Prix corrigé;Épicerie;3,00;1;20;oui',
    'BAD-001;Prix corrigé deux fois;Épicerie;3,20;1;20;oui',
  ].join('\n');
  const second = (await upload(t, ws.adminSession, 'catalogue-corrigé.csv', corrected, 'products')).json();
  assert.equal(second.mappingSource, 'remembered', 'the same headers get the mapping chosen last time');
  assert.deepEqual(second.mapping, MAPPING);
  assert.equal(second.matchKey, 'sku');
  const done = await runImport(t, ws.adminSession, second.id, { target: 'products', mapping: MAPPING, matchKey: 'sku' });
  assert.deepEqual(done.counts, { created: 1, updated: 2, unchanged: 1, invalid: 0, duplicatesFlagged: 0 }, JSON.stringify(done));
  const after = await products(ws);
  assert.equal(after.length, 4, 'no product twice: the SKU repeated in the file updated the one its first row created');
  assert.equal(after.find((p) => p.sku === 'CAF-001')!.unit_price, '26.50');
  assert.equal(after.find((p) => p.sku === 'BAD-001')!.unit_price, '3.20');

  const undone = await call(t.app, { method: 'POST', url: `/api/imports/${second.id}/undo`, session: ws.adminSession });
  assert.equal(undone.statusCode, 200, undone.body);
  assert.equal(undone.json().status, 'undone');
  assert.equal(undone.json().canUndo, false);
  const restored = await products(ws);
  assert.deepEqual(restored.map((p) => p.sku), ['CAF-001', 'CAF-002', 'THE-001'], 'the created product is gone');
  assert.equal(restored.find((p) => p.sku === 'CAF-001')!.unit_price, '24.90', 'the updated product has its price back');
  assert.ok(!(await categories(ws)).includes('Épicerie'), 'the category the import created is gone with it');
  expectError(await call(t.app, { method: 'POST', url: `/api/imports/${second.id}/undo`, session: ws.adminSession }), 409, 'conflict');

  // The first import's products: one changed by hand since, so its undo is refused and nothing moves.
  const caf = (await call(t.app, { url: '/api/catalogue/products?q=CAF-002', session: ws.adminSession })).json().data[0];
  const patched = await call(t.app, { method: 'PATCH', url: `/api/catalogue/products/${caf.id}`, session: ws.adminSession, body: { version: caf.version, name: 'Café moulu fin' } });
  assert.equal(patched.statusCode, 200, patched.body);
  const refused = expectError(await call(t.app, { method: 'POST', url: `/api/imports/${first.id}/undo`, session: ws.adminSession }), 409, 'conflict');
  assert.match(refused.message, /2 products \(CAF-001 among them\) were changed after the import/, 'the hand edit, and the restore by the undo above');
  assert.equal((await products(ws)).length, 3, 'nothing was undone');
});

test('without SKU as the match key a known SKU is refused; undo is refused once a created product is sold', async () => {
  const ws = await makeWorkspace(t.database.db);
  const first = (await upload(t, ws.adminSession, 'catalogue.csv', CATALOGUE, 'products')).json();
  const done = await runImport(t, ws.adminSession, first.id, { target: 'products', mapping: MAPPING, matchKey: null });
  assert.equal(done.counts.created, 3);

  const again = (await upload(t, ws.adminSession, 'catalogue.csv', CATALOGUE, 'products')).json();
  const refused = await runImport(t, ws.adminSession, again.id, { target: 'products', mapping: MAPPING, matchKey: null });
  assert.deepEqual(refused.counts, { created: 0, updated: 0, unchanged: 0, invalid: 5, duplicatesFlagged: 0 });
  const report = (await call(t.app, { url: `/api/imports/${again.id}/errors.csv`, session: ws.adminSession })).body;
  assert.match(report, /2;Référence;CAF-001;"a product with SKU CAF-001 already exists; choose SKU as the match key/);

  const product = (await call(t.app, { url: '/api/catalogue/products?q=CAF-002', session: ws.adminSession })).json().data[0];
  const customer = await makeCustomer(ws.ctx);
  await createOrder(ws.ctx, { customerId: customer.id, channel: 'web', lines: [{ productId: product.id, quantity: 1 }] });
  const blocked = expectError(await call(t.app, { method: 'POST', url: `/api/imports/${first.id}/undo`, session: ws.adminSession }), 409, 'conflict');
  assert.match(blocked.message, /Product CAF-002 has been used by quotes, orders/);
  assert.equal((await products(ws)).length, 3);
});
