/**
 * The import engine over HTTP: CSV, XLSX and vCard files analysed on upload (an empty file 422, one over the
 * limit 413, neither kept), mapping errors naming the field, a dry run that writes nothing, the real run with
 * its progress and error report, re-importing a corrected file without duplicates, undo, cancel, and the
 * history list.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { call } from '../helpers/app.ts';
import { makeUser, makeWorkspace, sessionFor, type TestWorkspace } from '../helpers/factories.ts';
import { runImport as runClaimed } from '../../src/modules/imports/import-runner.ts';
import { getImport, startImport } from '../../src/modules/imports/import-service.ts';
import { expectError, issueFor } from './expect-error.ts';
import { createImportApp, runImport, upload, waitForImport, type ImportTestApp } from './imports-helpers.ts';

const LIMIT = 200_000;
let t: ImportTestApp;
before(async () => {
  t = await createImportApp({ importMaxBytes: LIMIT });
});
after(async () => t.close());

const HEADER = 'SKU,Name,Price,VAT';
const PRODUCTS = { target: 'products', mapping: ['sku', 'name', 'unitPrice', 'vatRate'], matchKey: 'sku' };

async function productCount(ws: TestWorkspace): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from products where workspace_id = ${ws.id}`.execute(t.database.db);
  return rows[0]!.n;
}

async function keptFiles(ws: TestWorkspace): Promise<string[]> {
  const dir = path.join(t.dataDir, 'imports', ws.id);
  if (!existsSync(dir)) return [];
  const incoming = existsSync(path.join(dir, '.incoming')) ? (await readdir(path.join(dir, '.incoming'))).map((f) => `.incoming/${f}`) : [];
  return [...(await readdir(dir)).filter((f) => f !== '.incoming'), ...incoming];
}

test('CSV, XLSX and vCard files are analysed on upload; empty is 422 and too large 413, neither kept', async () => {
  const ws = await makeWorkspace(t.database.db);
  const csv = await upload(t, ws.adminSession, 'produits.csv', `${HEADER}\nA-1,Stylo,"1.50",20\n`);
  assert.equal(csv.statusCode, 201, csv.body);
  const csvImport = csv.json();
  assert.equal(csvImport.format, 'csv');
  assert.equal(csvImport.status, 'uploaded');
  assert.equal(csvImport.target, null);
  assert.deepEqual(csvImport.headers, ['SKU', 'Name', 'Price', 'VAT']);
  assert.deepEqual(csvImport.sample, [['A-1', 'Stylo', '1.50', '20']]);
  assert.equal(csvImport.createdBy.id, ws.admin.id);
  assert.deepEqual(await readFile(path.join(t.dataDir, 'imports', ws.id, csvImport.id), 'utf8'), `${HEADER}\nA-1,Stylo,"1.50",20\n`, 'kept under <data dir>/imports/<workspace>/<import>');

  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Notes');
  const sheet = workbook.addWorksheet('Tarifs');
  sheet.addRow(['Référence', 'Désignation', 'Prix HT']);
  sheet.addRow(['B-2', 'Cahier', 3.2]);
  const services = workbook.addWorksheet('Services');
  services.addRow(['Code', 'Libellé', 'Nature', 'Tarif']);
  services.addRow(['S-1', 'Installation', 'prestation', 80]);
  const xlsx = await upload(t, ws.adminSession, 'tarifs.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()), 'products');
  assert.equal(xlsx.statusCode, 201, xlsx.body);
  assert.equal(xlsx.json().format, 'xlsx');
  assert.deepEqual(xlsx.json().sheets, ['Notes', 'Tarifs', 'Services']);
  assert.equal(xlsx.json().sheet, 'Tarifs', 'the first sheet with data');
  assert.deepEqual(xlsx.json().sample, [['B-2', 'Cahier', '3.2']]);
  assert.deepEqual(xlsx.json().mapping, ['sku', 'name', 'unitPrice']);
  const otherSheet = await call(t.app, {
    method: 'PUT',
    url: `/api/imports/${xlsx.json().id}/mapping`,
    session: ws.adminSession,
    body: { target: 'products', sheet: 'Services', mapping: ['sku', 'name', 'kind', 'unitPrice'], matchKey: 'sku' },
  });
  assert.equal(otherSheet.statusCode, 200, otherSheet.body);
  assert.equal(otherSheet.json().import.sheet, 'Services');
  assert.deepEqual(otherSheet.json().import.headers, ['Code', 'Libellé', 'Nature', 'Tarif'], 'another sheet is read again');
  assert.deepEqual(otherSheet.json().preview[0].values.kind, 'service');
  expectError(
    await call(t.app, { method: 'PUT', url: `/api/imports/${xlsx.json().id}/mapping`, session: ws.adminSession, body: { target: 'products', sheet: 'Absente', mapping: [], matchKey: null } }),
    400,
    'validation_failed',
  );

  const vcf = await readFile(path.resolve(import.meta.dirname, '../fixtures/imports/iphone.vcf'));
  const vcard = await upload(t, ws.adminSession, 'contacts.vcf', vcf, 'people');
  assert.equal(vcard.statusCode, 201, vcard.body);
  assert.equal(vcard.json().format, 'vcard');
  assert.equal(vcard.json().layout, 'vcard');
  assert.equal(vcard.json().mappingSource, 'layout');
  assert.ok(vcard.json().mapping.includes('lastName'));

  const before = await keptFiles(ws);
  const empty = expectError(await upload(t, ws.adminSession, 'vide.csv', ''), 422, 'unprocessable');
  assert.match(empty.message, /empty/);
  const large = expectError(await upload(t, ws.adminSession, 'gros.csv', `${HEADER}\n${'A-1,Stylo,1.50,20\n'.repeat(15_000)}`), 413, 'payload_too_large');
  assert.match(large.message, /limit/);
  assert.deepEqual(await keptFiles(ws), before, 'a refused file leaves nothing behind');
  expectError(await upload(t, ws.adminSession, 'p.csv', `${HEADER}\n`, 'furniture'), 400, 'validation_failed');
});

test('mapping errors name the field: length, unknown key, key mapped twice, required field, match key', async () => {
  const ws = await makeWorkspace(t.database.db);
  const id = (await upload(t, ws.adminSession, 'produits.csv', `${HEADER}\nA-1,Stylo,1.50,20\n`)).json().id;
  const put = (body: object) => call(t.app, { method: 'PUT', url: `/api/imports/${id}/mapping`, session: ws.adminSession, body });
  assert.match(issueFor(expectError(await put({ ...PRODUCTS, mapping: ['sku'] }), 400, 'validation_failed'), 'body.mapping').rule, /one entry per column of the file \(4\)/);
  assert.match(issueFor(expectError(await put({ ...PRODUCTS, mapping: ['sku', 'colour', 'unitPrice', null] }), 400, 'validation_failed'), 'body.mapping[1]').rule, /colour is not a field of products \(column "Name"\)/);
  assert.match(issueFor(expectError(await put({ ...PRODUCTS, mapping: ['sku', 'name', 'unitPrice', 'name'] }), 400, 'validation_failed'), 'body.mapping[3]').rule, /name is already mapped from column "Name"/);
  assert.equal(issueFor(expectError(await put({ ...PRODUCTS, mapping: ['sku', 'name', null, null] }), 400, 'validation_failed'), 'body.mapping').rule, 'unitPrice must be mapped');
  assert.match(issueFor(expectError(await put({ ...PRODUCTS, matchKey: 'email' }), 400, 'validation_failed'), 'body.matchKey').rule, /must be one of sku for products/);
  const people = expectError(await put({ target: 'people', mapping: ['externalId', 'firstName', null, null], matchKey: null }), 400, 'validation_failed');
  assert.equal(issueFor(people, 'body.mapping').rule, 'lastName (or fullName) must be mapped');
  assert.equal((await call(t.app, { url: `/api/imports/${id}`, session: ws.adminSession })).json().status, 'uploaded', 'a refused mapping changes nothing');

  const targets = (await call(t.app, { url: '/api/imports/targets', session: ws.adminSession })).json().targets;
  const products = targets.find((target: { name: string }) => target.name === 'products');
  assert.deepEqual(products.matchKeys, ['sku']);
  assert.deepEqual(products.fields.find((f: { key: string }) => f.key === 'unitPrice'), { key: 'unitPrice', type: 'money', required: true });
  assert.ok(targets.some((target: { name: string }) => target.name === 'people'));

  const sales = await makeUser(ws, 'sales');
  const refused = await call(t.app, { url: '/api/imports', session: await sessionFor(ws, sales) });
  expectError(refused, 403, 'forbidden');
});

test('a dry run writes nothing and reports; the real run then writes, shows its progress and its error report', async () => {
  const ws = await makeWorkspace(t.database.db);
  const file = [HEADER, 'A-1,Stylo,1.50,20', 'A-2,Gomme,abc,20', 'A-3,=HYPERLINK("http://x"),2,20', 'A-4,Règle,-1,20', ',Sans SKU,3,20', 'A-5,Crayon,0.80,5.5'].join('\n');
  const id = (await upload(t, ws.adminSession, 'fournitures.csv', file)).json().id;
  const dry = await runImport(t, ws.adminSession, id, PRODUCTS, true);
  assert.equal(dry.status, 'validated');
  assert.equal(dry.dryRun, true);
  assert.deepEqual(dry.counts, { created: 3, updated: 0, unchanged: 0, invalid: 3, duplicatesFlagged: 0 });
  assert.equal(dry.canUndo, false);
  assert.equal(await productCount(ws), 0, 'a dry run writes nothing');
  assert.deepEqual(await keptFiles(ws), [id], 'the file stays for the real run');

  const started = await call(t.app, { method: 'POST', url: `/api/imports/${id}/start`, session: ws.adminSession, body: { dryRun: false } });
  assert.equal(started.statusCode, 202, started.body);
  const done = await waitForImport(t, ws.adminSession, id);
  assert.equal(done.status, 'completed', done.failure);
  assert.deepEqual(done.counts, { created: 3, updated: 0, unchanged: 0, invalid: 3, duplicatesFlagged: 0 });
  assert.equal(await productCount(ws), 3);
  assert.equal(done.progress.rowsRead, 6);
  assert.equal(done.progress.bytesRead, Buffer.byteLength(file));
  assert.equal(done.progress.bytesTotal, Buffer.byteLength(file));
  assert.equal(done.progress.percent, 100);
  assert.equal(typeof done.progress.rowsPerSecond, 'number');
  assert.equal(done.progress.secondsLeft, null);
  assert.ok(done.startedAt && done.finishedAt);
  // The runner deletes the file right after it records the completion the poll saw.
  const deadline = Date.now() + 5000;
  while ((await keptFiles(ws)).length > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  assert.deepEqual(await keptFiles(ws), [], 'a completed import no longer keeps its file');
  expectError(await call(t.app, { method: 'POST', url: `/api/imports/${id}/start`, session: ws.adminSession, body: { dryRun: false } }), 409, 'conflict');

  const report = await call(t.app, { url: `/api/imports/${id}/errors.csv`, session: ws.adminSession });
  assert.equal(report.statusCode, 200);
  assert.equal(report.headers['content-type'], 'text/csv; charset=utf-8');
  assert.match(String(report.headers['content-disposition']), /^attachment; filename="fournitures-errors\.csv"/);
  assert.ok(report.body.startsWith('\uFEFFrow;column;value;reason\r\n'), 'UTF-8 with a byte order mark, French Excel columns');
  const lines = report.body.trim().split('\r\n').slice(1);
  assert.equal(lines.length, 3, report.body);
  assert.match(lines[0]!, /^3;Price;abc;/);
  assert.match(lines[1]!, /^5;Price;'-1;must be a number at least 0/, 'a value starting like a formula is neutralised');
  assert.match(lines[2]!, /^6;SKU;;the SKU is required$/);
});

test('re-importing the corrected file creates no duplicates; undo deletes what it created and restores what it updated', async () => {
  const ws = await makeWorkspace(t.database.db);
  const first = (await upload(t, ws.adminSession, 'stock.csv', [HEADER, 'C-1,Agrafeuse,12,20', 'C-2,Agrafes,bad,20'].join('\n'))).json();
  assert.equal((await runImport(t, ws.adminSession, first.id, PRODUCTS)).counts.created, 1);
  const corrected = (await upload(t, ws.adminSession, 'stock-corrigé.csv', [HEADER, 'C-1,Agrafeuse pro,14,20', 'C-2,Agrafes,2.5,20'].join('\n'))).json();
  const second = await runImport(t, ws.adminSession, corrected.id, PRODUCTS);
  assert.deepEqual(second.counts, { created: 1, updated: 1, unchanged: 0, invalid: 0, duplicatesFlagged: 0 });
  assert.equal(await productCount(ws), 2, 'the row imported the first time is matched on its SKU, not created again');

  const undone = await call(t.app, { method: 'POST', url: `/api/imports/${corrected.id}/undo`, session: ws.adminSession });
  assert.equal(undone.statusCode, 200, undone.body);
  assert.equal(undone.json().status, 'undone');
  assert.ok(undone.json().undoneAt);
  const { rows } = await sql<{ sku: string; name: string; unit_price: string }>`
    select sku, name, unit_price from products where workspace_id = ${ws.id} order by sku`.execute(t.database.db);
  assert.deepEqual(rows, [{ sku: 'C-1', name: 'Agrafeuse', unit_price: '12.00' }], 'C-2 created by the undone import is gone, C-1 is as before');
  const { rows: events } = await sql<{ action: string }>`
    select action from events where workspace_id = ${ws.id} and entity = 'import' and entity_id = ${corrected.id} order by id`.execute(t.database.db);
  assert.deepEqual(events.map((e) => e.action), ['create', 'update'], 'the change log has the import and its undo');
});

test('cancelling a running import rolls back the batches it committed and stops it', async () => {
  const ws = await makeWorkspace(t.database.db);
  const rows = Array.from({ length: 2500 }, (_, i) => `K-${i},Article ${i},${(i % 50) + 1},20`);
  const id = (await upload(t, ws.adminSession, 'gros-catalogue.csv', [HEADER, ...rows].join('\n'))).json().id;
  const mapped = await call(t.app, { method: 'PUT', url: `/api/imports/${id}/mapping`, session: ws.adminSession, body: PRODUCTS });
  assert.equal(mapped.statusCode, 200);
  // Claimed for a runner of the test's own, so the cancel lands between two batches.
  await startImport(ws.ctx, id, { dryRun: false, runnerId: 'test-runner' });
  let cancelled = 0;
  const final = await runClaimed(t.database.db, await getImport(ws.ctx, id), {
    dataDir: t.dataDir,
    runnerId: 'test-runner',
    onProgress: async (row) => {
      if (cancelled++ > 0) return;
      assert.equal(Number(row.rows_created), 1000, 'one batch committed');
      const response = await call(t.app, { method: 'POST', url: `/api/imports/${id}/cancel`, session: ws.adminSession });
      assert.equal(response.statusCode, 200, response.body);
      assert.equal(response.json().status, 'cancelled');
    },
  });
  assert.equal(final.status, 'cancelled');
  assert.equal(Number(final.checkpoint_row), 1000, 'the runner stopped at the next batch');
  assert.equal(await productCount(ws), 0, 'the committed batch was rolled back');
  assert.deepEqual(await keptFiles(ws), [], 'a cancelled import no longer keeps its file');
  expectError(await call(t.app, { method: 'POST', url: `/api/imports/${id}/cancel`, session: ws.adminSession }), 409, 'conflict');
  expectError(await call(t.app, { method: 'POST', url: `/api/imports/${id}/undo`, session: ws.adminSession }), 409, 'conflict');
});

test('an unexpected error stops the import as failed with a readable reason, and what it committed can be undone', async () => {
  const ws = await makeWorkspace(t.database.db);
  const rows = Array.from({ length: 1500 }, (_, i) => `F-${i},Article ${i},2,20`);
  const id = (await upload(t, ws.adminSession, 'coupé.csv', [HEADER, ...rows].join('\n'))).json().id;
  const mapped = await call(t.app, { method: 'PUT', url: `/api/imports/${id}/mapping`, session: ws.adminSession, body: PRODUCTS });
  assert.equal(mapped.statusCode, 200);
  await startImport(ws.ctx, id, { dryRun: false, runnerId: 'test-runner' });
  const file = path.join(t.dataDir, 'imports', ws.id, id);
  const final = await runClaimed(t.database.db, await getImport(ws.ctx, id), {
    dataDir: t.dataDir,
    runnerId: 'test-runner',
    // The file disappears after the first batch, as when a disk is unplugged (what was buffered is still read).
    onProgress: () => rm(file),
  });
  const shown = (await call(t.app, { url: `/api/imports/${id}`, session: ws.adminSession })).json();
  assert.equal(final.status, 'failed');
  assert.equal(shown.status, 'failed');
  assert.match(shown.failure, /^Stopped after [\d,]+ rows: the file could not be read any more \(ENOENT\)$/);
  assert.equal(shown.canUndo, true);
  assert.ok(Number(final.checkpoint_row) >= 1000);
  assert.equal(await productCount(ws), Number(final.checkpoint_row), 'the committed batches stay');
  const undone = await call(t.app, { method: 'POST', url: `/api/imports/${id}/undo`, session: ws.adminSession });
  assert.equal(undone.statusCode, 200, undone.body);
  assert.equal(await productCount(ws), 0);
});

test('the history lists every import newest first, page by page', async () => {
  const ws = await makeWorkspace(t.database.db);
  const ids = [];
  for (const name of ['un.csv', 'deux.csv', 'trois.csv']) ids.push((await upload(t, ws.adminSession, name, `${HEADER}\nA,B,1,20\n`)).json().id);
  const page1 = (await call(t.app, { url: '/api/imports?limit=2', session: ws.adminSession })).json();
  assert.deepEqual(page1.items.map((i: { fileName: string }) => i.fileName), ['trois.csv', 'deux.csv']);
  assert.ok(page1.nextCursor);
  const page2 = (await call(t.app, { url: `/api/imports?limit=2&cursor=${page1.nextCursor}`, session: ws.adminSession })).json();
  assert.deepEqual(page2.items.map((i: { id: string }) => i.id), [ids[0]]);
  assert.equal(page2.nextCursor, null);
  const other = await makeWorkspace(t.database.db);
  assert.deepEqual((await call(t.app, { url: '/api/imports', session: other.adminSession })).json().items, [], 'another workspace sees none of them');
});
