/**
 * Exports over HTTP: the rows of the list (filters, sort, saved views), every format read back (CSV in both
 * variants, XLSX with no formula anywhere, vCard), formula injection neutralised, sensitive fields hidden as in
 * the list, the permission, the change-log event, and 20,000 rows streamed to a slow reader with flat memory.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { inflateRawSync } from 'node:zlib';
import { sql } from 'kysely';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import ICAL from 'ical.js';
import { createTestApp, call, type TestApp } from '../helpers/app.ts';
import { makeUser, makeWorkspace, sessionFor, tokenFor, type TestWorkspace } from '../helpers/factories.ts';
import { expectError, issueFor } from './expect-error.ts';
import { createParty, customVisibility } from '../../src/modules/parties/party-service.ts';
import { addLink } from '../../src/modules/parties/party-links.ts';
import { partyPages } from '../../src/modules/exports/export-pages.ts';

let t: TestApp;
let ws: TestWorkspace;
const INJECTION = '=HYPERLINK("http://evil.example","clic")';

before(async () => {
  t = await createTestApp();
  ws = await makeWorkspace(t.database.db, 'Exports Test');
  for (const field of [
    { entity: 'person', label: 'Budget', type: 'money', purpose: 'Offres' },
    { entity: 'person', label: 'Allergies', type: 'text', purpose: 'Dégustations', sensitive: true },
  ]) {
    const response = await call(t.app, { method: 'POST', url: '/api/custom-fields', body: field, session: ws.adminSession });
    assert.equal(response.statusCode, 201, response.body);
  }
  const org = await createParty(ws.ctx, 'organisation', { legalName: 'Jardins de Provence SARL', tags: ['vip'] });
  const elodie = await createParty(ws.ctx, 'person', {
    civility: 'ms', firstName: 'Élodie', lastName: 'Martin', birthDate: '1984-02-29', tags: ['vip', 'jardin'],
    notes: 'Appeler le matin\nsauf le lundi, merci',
    emails: [{ email: 'elodie@example.fr', type: 'personal' }, { email: 'e.martin@jardins.example', type: 'work' }],
    phones: [{ phone: '06 12 34 56 78', type: 'mobile' }, { phone: '04 72 00 00 01', type: 'work' }],
    addresses: [{ type: 'home', line1: '12 rue de la République', postcode: '69002', city: 'Lyon' }],
    custom: { budget: 1200.5, allergies: 'arachides' },
  });
  await addLink(ws.ctx, elodie.row.id, { kind: 'employee_of', otherPartyId: org.row.id });
  await createParty(ws.ctx, 'person', {
    firstName: '@SUM(1)', lastName: INJECTION, tags: ['vip'], phones: [{ phone: '+33 6 98 76 54 32', type: 'mobile' }],
    addresses: [{ type: 'home', line1: '1 place Bellecour', postcode: '69002', city: 'Lyon' }],
  });
  await createParty(ws.ctx, 'person', { firstName: 'Jean', lastName: 'Dupont; "fils", junior', addresses: [{ type: 'home', line1: '3 quai', postcode: '69001', city: 'Lyon' }] });
  await createParty(ws.ctx, 'person', { firstName: 'Hugo', lastName: 'Lambert', tags: ['vip'], addresses: [{ type: 'home', line1: '8 rue', postcode: '75011', city: 'Paris' }] });
  await createParty(ws.ctx, 'person', { firstName: 'Zoé', lastName: 'Sans-Ville', tags: ['vip'] });
});
after(() => t.close());

type Session = { cookie: string; csrfToken: string };
const get = (url: string, session: Session = ws.adminSession) => call(t.app, { url, session });

async function listNumbers(query: string, session: Session = ws.adminSession): Promise<string[]> {
  const response = await get(`/api/people?limit=200&${query}`, session);
  assert.equal(response.statusCode, 200, response.body);
  return response.json().data.map((p: { customerNumber: string }) => p.customerNumber);
}

async function exportCsv(query: string, variant: 'csv' | 'csv-excel' = 'csv', session: Session = ws.adminSession): Promise<string[][]> {
  const response = await get(`/api/exports/people?format=${variant}&${query}`, session);
  assert.equal(response.statusCode, 200, response.body);
  assert.match(String(response.headers['content-type']), /^text\/csv; charset=utf-8/);
  assert.match(String(response.headers['content-disposition']), /^attachment; filename="people-\d{4}-\d{2}-\d{2}\.csv"$/);
  assert.ok(response.body.startsWith('\uFEFF'), 'byte order mark');
  return parse(response.body, { bom: true, delimiter: variant === 'csv' ? ',' : ';' }) as string[][];
}

/** The rows under the header as objects keyed by column id. */
function records(rows: string[][]): Record<string, string>[] {
  const [header, ...body] = rows;
  return body.map((row) => Object.fromEntries(header!.map((id, i) => [id, row[i]!])));
}

test('filters and sorts give exactly the list’s rows in the list’s order, in both CSV variants', async () => {
  for (const query of ['city=Lyon&sort=-createdAt', 'tag=vip', 'q=mart', 'sort=-name', 'tag=vip&custom=budget>=1000']) {
    const expected = await listNumbers(query);
    assert.ok(expected.length > 0, query);
    for (const variant of ['csv', 'csv-excel'] as const) {
      const rows = records(await exportCsv(`${query}&columns=customerNumber`, variant));
      assert.deepEqual(rows.map((r) => r.customerNumber), expected, `${variant} ${query}`);
    }
  }
});

test('the keyset walk gives the list’s rows whatever the sort, nulls and page boundaries included', async () => {
  const visibility = await customVisibility(ws.ctx, 'person');
  for (const sort of ['name', '-name', 'city', '-city', 'createdAt', '-revenue12m', 'customerNumber']) {
    const source = { kind: 'person' as const, options: {}, sort, fields: visibility.fields, visibility, withContact: false, pageSize: 2 };
    const walked: string[] = [];
    for await (const page of partyPages(ws.ctx, source)) walked.push(...page.map((r) => r.summary.customerNumber));
    // Pages of two cross from cities to the person without one (and back, descending).
    assert.deepEqual(walked, await listNumbers(`sort=${sort}`), sort);
    assert.equal(walked.length, 5, `${sort}: every person once`);
  }
});

test('a saved view gives its filters, sort and columns; parameters given replace the view’s', async () => {
  const created = await call(t.app, {
    method: 'POST', url: '/api/views', session: ws.adminSession,
    body: { entity: 'person', name: 'VIP lyonnais', columns: ['email', 'city', 'custom.budget'], sort: '-name', filters: { tag: 'vip', city: 'Lyon', headcountBand: '12' } },
  });
  assert.equal(created.statusCode, 201, created.body);
  const view = created.json().id as string;
  const rows = await exportCsv(`view=${view}`);
  assert.deepEqual(rows[0], ['displayName', 'email', 'city', 'custom.budget']);
  assert.deepEqual(records(rows).map((r) => r.displayName), (await get('/api/people?tag=vip&city=Lyon&sort=-name')).json().data.map((p: { displayName: string }) => `${/^[=+\-@]/.test(p.displayName) ? "'" : ''}${p.displayName}`));
  assert.equal(records(rows).find((r) => r.email === 'elodie@example.fr')?.['custom.budget'], '1200.50');
  const paris = records(await exportCsv(`view=${view}&city=Paris&columns=customerNumber`));
  assert.deepEqual(paris.map((r) => r.customerNumber), await listNumbers('tag=vip&city=Paris'));

  const orgView = (await call(t.app, { method: 'POST', url: '/api/views', session: ws.adminSession, body: { entity: 'organisation', name: 'Orgs' } })).json().id;
  issueFor(expectError(await get(`/api/exports/people?view=${orgView}`), 400, 'validation_failed'), 'query.view');
  expectError(await get('/api/exports/people?view=00000000-0000-4000-8000-000000000000'), 404, 'not_found');
  const other = await sessionFor(ws, await makeUser(ws, 'manager'));
  expectError(await get(`/api/exports/people?view=${view}`, other), 404, 'not_found', 'a private view of someone else');
});

test('bad parameters are refused naming them, before any file starts', async () => {
  issueFor(expectError(await get('/api/exports/people?columns=displayName,shoeSize'), 400, 'validation_failed'), 'query.columns');
  issueFor(expectError(await get('/api/exports/people?columns=siren'), 400, 'validation_failed'), 'query.columns');
  issueFor(expectError(await get('/api/exports/people?format=pdf'), 400, 'validation_failed'), 'query.format');
  issueFor(expectError(await get('/api/exports/people?custom=unknown=1'), 400, 'validation_failed'), 'query.custom[0]');
  issueFor(expectError(await get('/api/exports/organisations?pcsGroup=3'), 400, 'validation_failed'), 'query.pcsGroup');
});

test('formula triggers are neutralised in CSV; phones, all emails and notes come out whole', async () => {
  const rows = records(await exportCsv('columns=lastName,firstName,phone,emails,phones,notes,birthDate&sort=name', 'csv-excel'));
  const injected = rows.find((r) => r.lastName!.includes('HYPERLINK'))!;
  assert.equal(injected.lastName, `'${INJECTION}`);
  assert.equal(injected.firstName, "'@SUM(1)");
  assert.equal(injected.displayName, `'@SUM(1) ${INJECTION}`);
  assert.equal(injected.phone, "'+33698765432");
  const elodie = rows.find((r) => r.firstName === 'Élodie')!;
  assert.equal(elodie.emails, 'elodie@example.fr, e.martin@jardins.example');
  assert.equal(elodie.phones, "'+33612345678, +33472000001");
  assert.equal(elodie.notes, 'Appeler le matin\nsauf le lundi, merci');
  assert.equal(elodie.birthDate, '1984-02-29');
  for (const row of rows) for (const cell of Object.values(row)) assert.ok(!/^[=+\-@\t\r]/.test(cell), cell);
});

/** The files of a zip archive (the XLSX), read from its central directory. */
function unzip(zip: Buffer): Map<string, string> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const files = new Map<string, string>();
  let at = zip.readUInt32LE(end + 16);
  for (let i = zip.readUInt16LE(end + 10); i > 0; i--) {
    const [method, size, nameLength] = [zip.readUInt16LE(at + 10), zip.readUInt32LE(at + 20), zip.readUInt16LE(at + 28)];
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + size);
    files.set(name.replace(/^\//, ''), (method === 8 ? inflateRawSync(data) : data).toString('utf8'));
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return files;
}

test('XLSX reads back with exceljs: bold frozen header, dates as dates, amounts as numbers, no formula anywhere', async () => {
  const response = await get('/api/exports/people?format=xlsx&sort=name&columns=lastName,birthDate,custom.budget,createdAt,tags');
  assert.equal(response.statusCode, 200, response.body);
  assert.match(String(response.headers['content-disposition']), /people-\d{4}-\d{2}-\d{2}\.xlsx"$/);
  const files = unzip(response.rawPayload);
  const sheetXml = [...files].find(([name]) => name.startsWith('xl/worksheets/sheet'))![1];
  for (const [name, xml] of files) assert.ok(!/<f[\s>]/.test(xml), `${name} holds a formula`);
  assert.ok(sheetXml.includes('t="inlineStr"'));

  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  assert.equal(sheet.name, 'People');
  assert.deepEqual(sheet.views.map((v) => [v.state, (v as { ySplit?: number }).ySplit]), [['frozen', 1]]);
  assert.equal(sheet.getRow(1).getCell(1).font?.bold, true);
  const text = (cell: ExcelJS.Cell) => (cell.value && typeof cell.value === 'object' && 'richText' in cell.value ? cell.value.richText.map((r) => r.text).join('') : cell.value);
  assert.deepEqual((sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1).map((v) => (v as ExcelJS.CellRichTextValue).richText[0]!.text), ['displayName', 'lastName', 'birthDate', 'custom.budget', 'createdAt', 'tags']);
  assert.equal(sheet.rowCount, 1 + (await listNumbers('')).length);
  sheet.eachRow((row) => row.eachCell((cell) => assert.notEqual(cell.type, ExcelJS.ValueType.Formula)));
  const rows = Array.from({ length: sheet.rowCount - 1 }, (_, i) => sheet.getRow(i + 2));
  const elodie = rows.find((r) => text(r.getCell(2)) === 'Martin')!;
  assert.deepEqual(elodie.getCell(3).value, new Date(Date.UTC(1984, 1, 29)));
  assert.equal(elodie.getCell(4).value, 1200.5);
  assert.equal(elodie.getCell(4).numFmt, '#,##0.00');
  assert.ok(elodie.getCell(5).value instanceof Date);
  assert.equal(text(elodie.getCell(6)), 'vip, jardin');
  assert.ok(rows.some((r) => text(r.getCell(2)) === `'${INJECTION}`), 'the injected name is neutralised');
});

test('vCard reads back with ical.js: one card per record, every contact point, employer, tags and customer number', async () => {
  const response = await get('/api/exports/people?format=vcard&tag=vip');
  assert.equal(response.statusCode, 200, response.body);
  assert.match(String(response.headers['content-type']), /^text\/vcard; charset=utf-8/);
  assert.match(String(response.headers['content-disposition']), /people-\d{4}-\d{2}-\d{2}\.vcf"$/);
  const parsed = ICAL.parse(response.body) as unknown[];
  const cards = (Array.isArray(parsed[0]) ? parsed : [parsed]).map((jcard) => new ICAL.Component(jcard as unknown[]));
  assert.deepEqual(cards.map((c) => c.getFirstPropertyValue('uid')), await listNumbers('tag=vip'));
  const elodie = cards.find((c) => c.getFirstPropertyValue('fn') === 'Élodie Martin')!;
  assert.deepEqual(elodie.getAllProperties('email').map((p) => p.getFirstValue()), ['elodie@example.fr', 'e.martin@jardins.example']);
  assert.deepEqual(elodie.getAllProperties('tel').map((p) => p.getFirstValue()), ['tel:+33612345678', 'tel:+33472000001']);
  assert.equal(elodie.getFirstPropertyValue('org'), 'Jardins de Provence SARL');
  assert.equal(elodie.getFirstPropertyValue('note'), 'Appeler le matin\nsauf le lundi, merci');
  assert.deepEqual(elodie.getFirstProperty('categories')!.getValues(), ['vip', 'jardin']);
  assert.equal(String(elodie.getFirstPropertyValue('bday')), '1984-02-29');
  assert.ok(cards.some((c) => c.getFirstPropertyValue('n') && (c.getFirstPropertyValue('n') as string[])[0] === INJECTION), 'a vCard keeps names as they are');
  const orgs = await get('/api/exports/organisations?format=vcard');
  assert.equal(orgs.statusCode, 200, orgs.body);
  assert.match(orgs.body, /KIND:org\r\nFN:Jardins de Provence SARL\r\nORG:Jardins de Provence SARL\r\n/);
});

test('only roles with data:export may export; sensitive values stay hidden from those who may not read them', async () => {
  for (const role of ['read_only', 'support'] as const) {
    expectError(await get('/api/exports/people', await sessionFor(ws, await makeUser(ws, role))), 403, 'forbidden', role);
  }
  const sales = await sessionFor(ws, await makeUser(ws, 'sales'));
  const asSales = records(await exportCsv('columns=custom.allergies,custom.budget&q=elodie', 'csv', sales));
  assert.deepEqual([asSales[0]!['custom.allergies'], asSales[0]!['custom.budget']], ['', '1200.50']);
  const asAdmin = records(await exportCsv('columns=custom.allergies&q=elodie'));
  assert.equal(asAdmin[0]!['custom.allergies'], 'arachides');
  const manager = await makeUser(ws, 'manager');
  const token = await tokenFor(ws, manager, 'read');
  const viaToken = await call(t.app, { url: '/api/exports/organisations?format=csv', token: token.secret });
  assert.equal(viaToken.statusCode, 200, 'exporting is reading: a read-only token of a manager may');
});

test('every export leaves a change-log event: who, which list, which format, how many rows', async () => {
  const sales = await makeUser(ws, 'sales', 'Sam Export');
  const rows = records(await exportCsv('tag=vip&columns=customerNumber', 'csv-excel', await sessionFor(ws, sales)));
  const events = (await get('/api/events?entity=export&limit=50')).json().data as {
    actor: { id: string | null; label: string | null };
    changes: Record<string, { after: unknown }>;
  }[];
  const mine = events.find((e) => e.actor.id === sales.id);
  assert.ok(mine, 'the export is in the change log');
  assert.equal(mine.changes.list!.after, 'people');
  assert.equal(mine.changes.format!.after, 'csv-excel');
  assert.equal(mine.changes.rows!.after, rows.length);
  assert.equal(mine.changes.completed!.after, true);
  assert.deepEqual(mine.changes.filters!.after, { tag: 'vip' });
});

/** The JavaScript heap after a full collection, in MiB. */
function heapMiB(): number {
  runInNewContext('gc')();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

test('20,000 rows stream to a slow reader: the server waits for it, and the heap stays flat', async () => {
  setFlagsFromString('--expose-gc');
  const big = await makeWorkspace(t.database.db, 'Exports Volume');
  const db = t.database.db;
  await sql`insert into parties (workspace_id, id, kind, customer_number, display_name, first_name, last_name, email, notes)
    select ${big.id}, gen_random_uuid(), 'person', 'V-' || lpad(i::text, 6, '0'), 'Volume ' || lpad(i::text, 6, '0'), 'Volume',
      lpad(i::text, 6, '0'), 'v' || i || '@example.test', repeat('Une longue note sur ce client. ', 24) || i
    from generate_series(1, 20000) as i`.execute(db);
  await sql`insert into party_emails (workspace_id, party_id, position, email, type)
    select workspace_id, id, n, 'v' || n || '.' || customer_number || '@example.test', 'work'
    from parties, generate_series(0, 1) as n where workspace_id = ${big.id}`.execute(db);
  const exportsLogged = async () =>
    Number((await sql<{ n: string }>`select count(*) as n from events where workspace_id = ${big.id} and entity = 'export'`.execute(db)).rows[0]!.n);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = t.app.server.address() as AddressInfo;

  /** Downloads an export; `stall` runs once after the first chunk, with the reader paused. */
  const download = (columns: string, stall: () => Promise<void>, sample: () => void) =>
    new Promise<{ bytes: number; lines: number }>((resolve, reject) => {
      const headers = { cookie: `rapport_session=${big.adminSession.cookie}` };
      http.get({ host: '127.0.0.1', port, path: `/api/exports/people?format=csv&columns=${columns}`, headers, agent: false }, (response) => {
        assert.equal(response.statusCode, 200);
        let [bytes, lines, chunks] = [0, 0, 0];
        response.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          for (const byte of chunk) if (byte === 0x0a) lines++;
          response.pause();
          const wait = ++chunks === 1 ? stall() : new Promise((done) => setTimeout(done, 1));
          wait.then(
            () => {
              if (chunks % 10 === 0) sample();
              response.resume();
            },
            (error: unknown) => {
              response.destroy();
              reject(error);
            },
          );
        });
        response.on('end', () => resolve({ bytes, lines }));
        response.on('error', reject);
      }).on('error', reject);
    });

  const columns = 'customerNumber,emails,notes';
  // A first download warms up the database and the code paths, and says how long producing the file takes here.
  const started = performance.now();
  await download(columns, async () => {}, () => {});
  const producing = performance.now() - started;
  const logged = await exportsLogged();
  const baseline = heapMiB();
  let peak = baseline;
  // While the reader stands still the export must stand still too: its event is written only after the last page,
  // which a server ignoring backpressure would reach, with the file piled up in memory, well within this stall.
  const stall = async () => {
    for (let waited = 0; waited < 1.5 * producing + 1000; waited += 250) {
      await new Promise((done) => setTimeout(done, 250));
      assert.equal(await exportsLogged(), logged, `the export ran ahead of its reader (after ${waited} ms)`);
    }
    peak = Math.max(peak, heapMiB());
  };
  const result = await download(columns, stall, () => (peak = Math.max(peak, heapMiB())));
  const growth = peak - baseline;
  assert.equal(result.lines, 20_001, 'header and every row');
  assert.ok(result.bytes > 15 * 2 ** 20, `the file is ${(result.bytes / 2 ** 20).toFixed(1)} MiB`);
  assert.equal(await exportsLogged(), logged + 1, 'the export is logged once done');
  // Pages of 2,000 rows keep a few MiB alive; holding the 20,000 rows would take several times the file's size.
  assert.ok(growth < 30, `the heap grew by ${growth.toFixed(1)} MiB`);

  // Readers that give up after the first chunk: the server carries on, and each export is logged; the CSV one
  // (too large to fit in the connection's buffers) as stopped part way. A zipped XLSX of repetitive notes may
  // well be handed over whole before the server hears of the reset.
  const before = await exportsLogged();
  for (const format of ['csv', 'xlsx']) {
    await new Promise<void>((resolve) => {
      const headers = { cookie: `rapport_session=${big.adminSession.cookie}` };
      const request = http.get({ host: '127.0.0.1', port, path: `/api/exports/people?format=${format}&columns=${columns}`, headers, agent: false }, (response) =>
        response.once('data', () => {
          request.destroy();
          resolve();
        }),
      );
      request.on('error', () => {}); // the reset this reader caused
    });
  }
  for (let tries = 0; (await exportsLogged()) < before + 2; tries++) {
    assert.ok(tries < 300, 'the stopped exports are logged');
    await new Promise((done) => setTimeout(done, 100));
  }
  const { rows: stopped } = await sql<{ changes: Record<string, { after: unknown }> }>`
    select changes from events where workspace_id = ${big.id} and entity = 'export' and changes -> 'format' ->> 'after' = 'csv'
    order by id desc limit 1`.execute(db);
  assert.equal(stopped[0]!.changes.completed!.after, false);
  assert.ok((stopped[0]!.changes.rows!.after as number) < 20_000);
  assert.equal((await call(t.app, { url: '/api/people?limit=1', session: big.adminSession })).statusCode, 200);
});
