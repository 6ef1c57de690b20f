/**
 * Importing a sales history over HTTP: one row per order line, rows sharing an order number forming one order
 * priced exactly like an order typed in the app (French decimals and dates), customers found by number, email
 * or external id, unknown SKUs and customers reported in the error report with the whole order refused, the
 * customers' metrics updated, a second import of the same file leaving everything unchanged, undo (and its
 * refusal once an order was delivered), and an order whose lines straddle two batches of the runner.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { call } from '../helpers/app.ts';
import { makeWorkspace, type TestWorkspace } from '../helpers/factories.ts';
import { createParty } from '../../src/modules/parties/party-service.ts';
import { createProduct } from '../../src/modules/commerce/catalogue-service.ts';
import { createDelivery } from '../../src/modules/billing/delivery-service.ts';
import { BATCH_ROWS } from '../../src/modules/imports/import-runner.ts';
import { formatCustomerNumber } from '../../src/shared/identifiers/customer-number.ts';
import { expectError } from './expect-error.ts';
import { createImportApp, runImport, upload, type ImportTestApp } from './imports-helpers.ts';

let t: ImportTestApp;
before(async () => {
  t = await createImportApp();
});
after(async () => t.close());

interface Shop {
  ws: TestWorkspace;
  alice: { id: string; number: string };
  bob: { id: string; number: string };
  carla: { id: string; number: string };
}

/** A workspace with three products and three customers: Alice by number, Bob by email, Carla by external id. */
async function shop(): Promise<Shop> {
  const ws = await makeWorkspace(t.database.db);
  await createProduct(ws.ctx, { sku: 'CHA-01', name: 'Chaise chêne', unitPrice: '100.00', unitCost: '60.00', vatRate: '20' });
  await createProduct(ws.ctx, { sku: 'TAB-01', name: 'Table ronde', unitPrice: '250.00', unitCost: '150.00', vatRate: '20' });
  await createProduct(ws.ctx, { sku: 'LAM-01', name: 'Lampe laiton', unitPrice: '39.90', unitCost: '20.00', vatRate: '20' });
  const person = async (lastName: string, email?: string) => {
    const party = await createParty(ws.ctx, 'person', { firstName: 'Test', lastName, ...(email ? { emails: [{ email, type: 'personal' as const }] } : {}) });
    return { id: party.row.id, number: party.row.customer_number };
  };
  const alice = await person('Martin');
  const bob = await person('Bernard', 'bob.bernard@example.fr');
  const carla = await person('Petit');
  await sql`update parties set external_id = 'LEG-42' where workspace_id = ${ws.id} and id = ${carla.id}`.execute(t.database.db);
  return { ws, alice, bob, carla };
}

const HEADER = 'N° commande;N° client;Email client;Réf client;Date commande;Canal;Statut;Référence;Désignation;Quantité;Prix unitaire;Remise';
const MAPPING = ['orderNumber', 'customerNumber', 'customerEmail', 'customerExternalId', 'orderedAt', 'channel', 'status', 'line.sku', 'line.description', 'line.quantity', 'line.unitPrice', 'line.discountPercent'];
const UNKNOWN_CUSTOMER = formatCustomerNumber('C', 999_999);

function history(s: Shop): string {
  return [
    HEADER,
    `A-1001;${s.alice.number};;;15/03/2025 14:30;Magasin;Livrée;CHA-01;;3;;`,
    `A-1001;${s.alice.number};;;15/03/2025 14:30;Magasin;Livrée;TAB-01;Table ronde chêne;1;240,50;10`,
    `A-1001;${s.alice.number};;;15/03/2025 14:30;Magasin;Livrée;LAM-01;;2,5;;`,
    `A-1002;;Bob.Bernard@example.fr;;02/04/2025;Site web;;LAM-01;;1;;`,
    `A-1003;${s.alice.number};;;03/04/2025;Magasin;;XXX-99;Inconnu;1;10,00;`,
    `A-1003;${s.alice.number};;;03/04/2025;Magasin;;CHA-01;;1;;`,
    `A-1004;${UNKNOWN_CUSTOMER};;;04/04/2025;Magasin;;CHA-01;;1;;`,
    `A-1005;;;LEG-42;05/04/2025 10:00;Téléphone;Annulée;CHA-01;;1;;`,
  ].join('\r\n');
}

async function orders(ws: TestWorkspace) {
  const { rows } = await sql<{ id: string; number: string; external_ref: string; customer_id: string; status: string; channel: string; ordered_at: Date; subtotal: string; discount_total: string; total_excl_tax: string; tax_total: string; total_incl_tax: string; cost_total: string; lines: number }>`
    select o.id, o.number, o.external_ref, o.customer_id, o.status, o.channel, o.ordered_at, o.subtotal, o.discount_total,
      o.total_excl_tax, o.tax_total, o.total_incl_tax, o.cost_total,
      (select count(*)::int from order_lines l where l.workspace_id = o.workspace_id and l.order_id = o.id) as lines
    from orders o where o.workspace_id = ${ws.id} order by o.external_ref`.execute(t.database.db);
  return rows;
}

async function orderTimeline(ws: TestWorkspace) {
  const { rows } = await sql<{ subject_id: string; party_id: string; data: Record<string, unknown> }>`
    select subject_id, party_id, data from timeline_entries where workspace_id = ${ws.id} and subject_type = 'order'`.execute(t.database.db);
  return rows;
}

async function metrics(s: Shop, partyId: string) {
  const response = await call(t.app, { url: `/api/parties/${partyId}/metrics`, session: s.ws.adminSession });
  assert.equal(response.statusCode, 200, response.body);
  return response.json();
}

const mappingBody = { target: 'orders', mapping: MAPPING, matchKey: 'orderNumber', options: { dateOrder: 'dmy', decimalSeparator: ',' } };

test('a sales history: lines grouped into orders, exact totals, errors reported, metrics updated, re-import unchanged, undo', async () => {
  const s = await shop();
  const { ws } = s;
  const uploaded = await upload(t, ws.adminSession, 'ventes.csv', history(s), 'orders');
  assert.equal(uploaded.statusCode, 201, uploaded.body);
  const id = uploaded.json().id;

  const noCustomer = await call(t.app, {
    method: 'PUT',
    url: `/api/imports/${id}/mapping`,
    session: ws.adminSession,
    body: { ...mappingBody, mapping: MAPPING.map((key) => (key.startsWith('customer') ? null : key)) },
  });
  const refused = expectError(noCustomer, 400, 'validation_failed');
  assert.ok(refused.issues?.some((i) => i.field === 'body.mapping' && /customerNumber \(or customerEmail, customerExternalId\) must be mapped/.test(i.rule)), noCustomer.body);

  const mapped = await call(t.app, { method: 'PUT', url: `/api/imports/${id}/mapping`, session: ws.adminSession, body: mappingBody });
  assert.equal(mapped.statusCode, 200, mapped.body);
  const { preview } = mapped.json();
  assert.deepEqual(preview.map((r: { action: string }) => r.action), ['create', 'create', 'create', 'create', 'invalid', 'invalid', 'invalid', 'create']);
  assert.equal(preview[0].values.orderedAt, '2025-03-15T13:30:00.000Z', 'a French date and time, in Paris time');
  assert.equal(preview[3].values.orderedAt, '2025-04-01T22:00:00.000Z', 'a date alone is midnight in Paris');
  assert.equal(preview[1].values['line.unitPrice'], 240.5);
  assert.equal(preview[2].values['line.quantity'], 2.5);
  assert.equal(preview[0].values.channel, 'store');
  assert.equal(preview[0].values.status, 'delivered');
  assert.equal(preview[4].issues[0].column, 'Référence');
  assert.equal((await orders(ws)).length, 0, 'the preview wrote nothing');

  const done = await runImport(t, ws.adminSession, id, mappingBody);
  assert.equal(done.status, 'completed', done.failure);
  assert.deepEqual(done.counts, { created: 5, updated: 0, unchanged: 0, invalid: 3, duplicatesFlagged: 0 });

  const written = await orders(ws);
  assert.deepEqual(written.map((o) => o.external_ref), ['A-1001', 'A-1002', 'A-1005'], 'A-1003 is refused whole, A-1004 has no customer');
  const [first, second, cancelled] = written as [(typeof written)[0], (typeof written)[0], (typeof written)[0]];
  assert.match(first.number, /^CMD-2025-\d{6}$/, 'numbered in the sequence of the year it was ordered');
  assert.equal(first.customer_id, s.alice.id);
  assert.equal(first.status, 'delivered');
  assert.equal(first.channel, 'store');
  assert.equal(first.ordered_at.toISOString(), '2025-03-15T13:30:00.000Z');
  assert.equal(first.lines, 3);
  // 3 × 100.00 + 240.50 less 10 % + 2.5 × 39.90, VAT 20 % per line, costs 180 + 150 + 50.
  assert.deepEqual(
    { subtotal: first.subtotal, discount: first.discount_total, excl: first.total_excl_tax, tax: first.tax_total, incl: first.total_incl_tax, cost: first.cost_total },
    { subtotal: '640.25', discount: '24.05', excl: '616.20', tax: '123.24', incl: '739.44', cost: '380.00' },
  );
  const { rows: lines } = await sql<{ position: number; description: string; quantity: string; unit_price: string; discount_percent: string; line_total: string }>`
    select position, description, quantity, unit_price, discount_percent, line_total from order_lines
    where workspace_id = ${ws.id} and order_id = ${first.id} order by position`.execute(t.database.db);
  assert.deepEqual(lines, [
    { position: 1, description: 'Chaise chêne', quantity: '3.000', unit_price: '100.00', discount_percent: '0.00', line_total: '300.00' },
    { position: 2, description: 'Table ronde chêne', quantity: '1.000', unit_price: '240.50', discount_percent: '10.00', line_total: '216.45' },
    { position: 3, description: 'Lampe laiton', quantity: '2.500', unit_price: '39.90', discount_percent: '0.00', line_total: '99.75' },
  ]);
  assert.equal(second.customer_id, s.bob.id, 'found by email, whatever its case');
  assert.equal(second.channel, 'web');
  assert.equal(second.status, 'confirmed');
  assert.equal(cancelled.customer_id, s.carla.id, 'found by external id');
  assert.equal(cancelled.status, 'cancelled');

  const timeline = await orderTimeline(ws);
  assert.equal(timeline.length, 3, 'one timeline entry per order');
  const entry = timeline.find((e) => e.subject_id === first.id)!;
  assert.equal(entry.party_id, s.alice.id);
  assert.equal(entry.data.amount, '739.44');
  assert.equal(entry.data.lineCount, 3);

  const aliceMetrics = await metrics(s, s.alice.id);
  assert.equal(aliceMetrics.orderCount, 1);
  assert.equal(aliceMetrics.revenue, '616.20');
  assert.equal((await metrics(s, s.bob.id)).revenue, '39.90');
  assert.equal((await metrics(s, s.carla.id)).orderCount, 0, 'a cancelled order is not a purchase');

  const report = (await call(t.app, { url: `/api/imports/${id}/errors.csv`, session: ws.adminSession })).body;
  const reportLines = report.replace(/^\uFEFF/, '').trim().split('\r\n');
  assert.equal(reportLines[0], 'row;column;value;reason');
  assert.match(report, /\r\n6;Référence;XXX-99;no product has the SKU XXX-99\r\n/);
  assert.match(report, /\r\n7;N° commande;A-1003;order A-1003 is not imported: row 6 has errors\r\n/);
  assert.match(report, new RegExp(`\\r\\n8;N° client;${UNKNOWN_CUSTOMER};no customer has the customer number ${UNKNOWN_CUSTOMER}`));

  // The same file again: the orders already there are left as they are, and the preview says so.
  const again = (await upload(t, ws.adminSession, 'ventes.csv', history(s), 'orders')).json();
  assert.equal(again.mappingSource, 'remembered');
  const remapped = (await call(t.app, { method: 'PUT', url: `/api/imports/${again.id}/mapping`, session: ws.adminSession, body: mappingBody })).json();
  assert.match(remapped.preview[0].values.orderNumber, new RegExp(`^A-1001 \\(already imported as ${first.number}: left unchanged\\)$`));
  const repeated = await runImport(t, ws.adminSession, again.id, mappingBody);
  assert.deepEqual(repeated.counts, { created: 0, updated: 0, unchanged: 5, invalid: 3, duplicatesFlagged: 0 });
  assert.equal((await orders(ws)).length, 3, 'no order twice');
  assert.equal((await orderTimeline(ws)).length, 3);

  const undone = await call(t.app, { method: 'POST', url: `/api/imports/${id}/undo`, session: ws.adminSession });
  assert.equal(undone.statusCode, 200, undone.body);
  assert.equal(undone.json().status, 'undone');
  assert.equal((await orders(ws)).length, 0, 'the imported orders are gone with their lines');
  assert.equal((await orderTimeline(ws)).length, 0, 'and their timeline entries');
  const { rows: leftLines } = await sql<{ n: number }>`select count(*)::int as n from order_lines where workspace_id = ${ws.id}`.execute(t.database.db);
  assert.equal(leftLines[0]!.n, 0);
  assert.equal((await metrics(s, s.alice.id)).orderCount, 0, 'the metrics no longer count them');
  assert.equal((await metrics(s, s.alice.id)).revenue, '0.00');
});

test('undo is refused once an imported order has been delivered, naming it; nothing is undone', async () => {
  const s = await shop();
  const { ws } = s;
  const csv = [HEADER, `B-1;${s.alice.number};;;10/01/2026;Magasin;;CHA-01;;2;;`, `B-2;${s.alice.number};;;11/01/2026;Magasin;;TAB-01;;1;;`].join('\n');
  const imported = (await upload(t, ws.adminSession, 'b.csv', csv, 'orders')).json();
  const done = await runImport(t, ws.adminSession, imported.id, mappingBody);
  assert.deepEqual(done.counts, { created: 2, updated: 0, unchanged: 0, invalid: 0, duplicatesFlagged: 0 });
  const delivered = (await orders(ws)).find((o) => o.external_ref === 'B-2')!;
  await createDelivery(ws.ctx, delivered.id, {});

  const refused = expectError(await call(t.app, { method: 'POST', url: `/api/imports/${imported.id}/undo`, session: ws.adminSession }), 409, 'conflict');
  assert.match(refused.message, new RegExp(`Order ${delivered.number} has a delivery since the import`));
  assert.equal((await orders(ws)).length, 2, 'nothing was undone');
  assert.equal((await metrics(s, s.alice.id)).orderCount, 2);
});

test('an order whose lines straddle two batches is one order with all its lines', async () => {
  const s = await shop();
  const { ws } = s;
  // Single-line orders up to just before the end of the first batch, then one order of five lines across it.
  const rows = [HEADER];
  const singles = BATCH_ROWS - 2;
  for (let i = 1; i <= singles; i++) rows.push(`S-${i};${s.alice.number};;;01/02/2025;Magasin;;LAM-01;;1;;`);
  for (let line = 1; line <= 5; line++) rows.push(`BIG;${s.alice.number};;;02/02/2025;Magasin;;CHA-01;Chaise ${line};${line};;`);
  rows.push(`S-last;${s.alice.number};;;03/02/2025;Magasin;;LAM-01;;1;;`);
  const imported = (await upload(t, ws.adminSession, 'gros.csv', rows.join('\n'), 'orders')).json();
  const done = await runImport(t, ws.adminSession, imported.id, mappingBody);
  assert.equal(done.status, 'completed', done.failure);
  assert.deepEqual(done.counts, { created: singles + 6, updated: 0, unchanged: 0, invalid: 0, duplicatesFlagged: 0 });

  const { rows: big } = await sql<{ id: string; total_excl_tax: string; total_incl_tax: string; cost_total: string; positions: number[] }>`
    select o.id, o.total_excl_tax, o.total_incl_tax, o.cost_total,
      array(select l.position from order_lines l where l.workspace_id = o.workspace_id and l.order_id = o.id order by l.position) as positions
    from orders o where o.workspace_id = ${ws.id} and o.external_ref = 'BIG'`.execute(t.database.db);
  assert.equal(big.length, 1, 'one order, not one per batch');
  // 1 + 2 + 3 + 4 + 5 = 15 chairs at 100.00 (cost 60.00), VAT 20 %.
  assert.deepEqual(big[0], { id: big[0]!.id, total_excl_tax: '1500.00', total_incl_tax: '1800.00', cost_total: '900.00', positions: [1, 2, 3, 4, 5] });
  const entry = (await orderTimeline(ws)).find((e) => e.subject_id === big[0]!.id)!;
  assert.equal(entry.data.lineCount, 5, 'the timeline entry follows the lines added by the second batch');
  assert.equal(entry.data.amount, '1800.00');
  const { rows: count } = await sql<{ n: number }>`select count(*)::int as n from orders where workspace_id = ${ws.id}`.execute(t.database.db);
  assert.equal(count[0]!.n, singles + 2);
  const aliceMetrics = await metrics(s, s.alice.id);
  assert.equal(aliceMetrics.orderCount, singles + 2);

  const undone = await call(t.app, { method: 'POST', url: `/api/imports/${imported.id}/undo`, session: ws.adminSession });
  assert.equal(undone.statusCode, 200, undone.body);
  assert.equal((await orders(ws)).length, 0);
});
