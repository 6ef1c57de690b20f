/**
 * Attachments on the disk store over HTTP: a file uploaded to an interaction (and to a case) comes back byte
 * for byte with its name, type and hash; too large a file gets 413 naming the limit and a refused type 415
 * naming what was found, both leaving nothing behind; deleting a file or its interaction removes the bytes.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { createTestApp, call, type TestApp } from '../helpers/app.ts';
import { makeWorkspace, type TestWorkspace } from '../helpers/factories.ts';
import { expectError } from './expect-error.ts';
import { multipart, PNG } from './interactions-multipart.ts';

const LIMIT = 4096;
let t: TestApp;
let ws: TestWorkspace;
let dataDir: string;
let personId: string;

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

function upload(url: string, fileName: string, contentType: string, bytes: Buffer) {
  const { body, headers } = multipart(fileName, contentType, bytes);
  return call(t.app, { method: 'POST', url, body, headers, session: ws.adminSession });
}

async function newInteraction(): Promise<string> {
  const response = await call(t.app, {
    method: 'POST',
    url: '/api/interactions',
    session: ws.adminSession,
    body: { channel: 'visit', direction: 'outbound', occurredAt: '2026-11-18T15:00:00Z', subject: 'Visite du showroom', participants: [{ partyId: personId }] },
  });
  assert.equal(response.statusCode, 201, response.body);
  return response.json().id;
}

async function storedFiles(): Promise<string[]> {
  const root = path.join(dataDir, 'attachments', ws.id);
  return existsSync(root) ? readdir(root) : [];
}

async function incomingFiles(): Promise<string[]> {
  const dir = path.join(dataDir, 'attachments', '.incoming');
  return existsSync(dir) ? readdir(dir) : [];
}

async function attachmentRows(): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from attachments where workspace_id = ${ws.id}`.execute(t.database.db);
  return rows[0]!.n;
}

before(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'rapport-attachments-'));
  t = await createTestApp({ dataDir, attachments: { store: 'disk', maxBytes: LIMIT, s3: null } });
  ws = await makeWorkspace(t.database.db, 'Attachments Test');
  personId = (await call(t.app, { method: 'POST', url: '/api/people', body: { lastName: 'Pièces' }, session: ws.adminSession })).json().id;
});
after(async () => {
  await t.close();
  await rm(dataDir, { recursive: true, force: true });
});

test('a photo uploaded to an interaction downloads byte for byte, named and typed, never sniffed', async () => {
  const interactionId = await newInteraction();
  const response = await upload(`/api/interactions/${interactionId}/attachments`, 'Relevé « mars » été.png', 'image/png', PNG);
  assert.equal(response.statusCode, 201, response.body);
  const attachment = response.json();
  assert.equal(attachment.fileName, 'Relevé « mars » été.png');
  assert.equal(attachment.contentType, 'image/png');
  assert.equal(attachment.sizeBytes, PNG.length);
  assert.equal(attachment.sha256, sha256(PNG));
  assert.equal(attachment.uploadedBy.id, ws.admin.id);
  assert.equal(attachment.url, `/api/attachments/${attachment.id}/content`);
  assert.deepEqual(await readFile(path.join(dataDir, 'attachments', ws.id, attachment.id)), PNG, 'kept under <data dir>/attachments/<workspace>/<id>');

  const download = await call(t.app, { url: attachment.url, session: ws.adminSession });
  assert.equal(download.statusCode, 200);
  assert.deepEqual(download.rawPayload, PNG);
  assert.equal(download.headers['content-type'], 'image/png');
  assert.equal(download.headers['x-content-type-options'], 'nosniff');
  assert.equal(
    download.headers['content-disposition'],
    `attachment; filename="Releve _ mars _ ete.png"; filename*=UTF-8''Relev%C3%A9%20%C2%AB%20mars%20%C2%BB%20%C3%A9t%C3%A9.png`,
  );
  const inline = await call(t.app, { url: `${attachment.url}?disposition=inline`, session: ws.adminSession });
  assert.match(String(inline.headers['content-disposition']), /^inline;/);

  const list = (await call(t.app, { url: `/api/interactions/${interactionId}/attachments`, session: ws.adminSession })).json();
  assert.deepEqual(list.data, [attachment]);
  assert.equal((await call(t.app, { url: `/api/interactions/${interactionId}`, session: ws.adminSession })).json().attachmentCount, 1);
  const { rows } = await sql<{ data: { attachmentCount: number } }>`
    select data from timeline_entries where workspace_id = ${ws.id} and subject_id = ${interactionId}`.execute(t.database.db);
  assert.equal(rows[0]!.data.attachmentCount, 1, 'the timeline entry counts the file');
});

test('text without magic bytes is accepted as UTF-8 text, CSV or e-mail; binary posing as text is not', async () => {
  const interactionId = await newInteraction();
  const url = `/api/interactions/${interactionId}/attachments`;
  const csv = await upload(url, 'commandes.csv', 'text/csv', Buffer.from('référence;quantité\nA-12;3\n'));
  assert.equal(csv.statusCode, 201, csv.body);
  assert.equal(csv.json().contentType, 'text/csv');
  const eml = await upload(url, 'réclamation.eml', 'message/rfc822', Buffer.from('From: client@example.test\r\nSubject: Colis\r\n\r\nBonjour'));
  assert.equal(eml.json().contentType, 'message/rfc822');
  const note = await upload(url, 'note', 'text/plain', Buffer.from('Rappeler après 14 h'));
  assert.equal(note.json().contentType, 'text/plain');
  const download = await call(t.app, { url: csv.json().url, session: ws.adminSession });
  assert.equal(download.headers['content-type'], 'text/csv; charset=utf-8');

  const binary = await upload(url, 'notes.txt', 'text/plain', Buffer.from([0x00, 0xff, 0x10, 0x80, 0x00, 0x01]));
  assert.match(expectError(binary, 415, 'unsupported_media_type').message, /unknown binary data/);
});

test('a file over the limit gets 413 naming the limit, and nothing is stored', async () => {
  const interactionId = await newInteraction();
  const url = `/api/interactions/${interactionId}/attachments`;
  const before = { rows: await attachmentRows(), files: (await storedFiles()).length };

  const justOver = await upload(url, 'long.txt', 'text/plain', Buffer.alloc(LIMIT + 1, 'a'));
  const error = expectError(justOver, 413, 'payload_too_large');
  assert.match(error.message, /4 KiB \(4096 bytes\)/);
  assert.deepEqual(error.issues, [{ field: 'body.file', rule: 'must be at most 4 KiB (4096 bytes)' }]);
  // Far over the limit, refused from the declared length before reading the file.
  expectError(await upload(url, 'huge.txt', 'text/plain', Buffer.alloc(200_000, 'a')), 413, 'payload_too_large');

  assert.equal(await attachmentRows(), before.rows);
  assert.equal((await storedFiles()).length, before.files);
  assert.deepEqual(await incomingFiles(), [], 'no partial file is left behind');
  const exact = await upload(url, 'exact.txt', 'text/plain', Buffer.alloc(LIMIT, 'a'));
  assert.equal(exact.statusCode, 201, 'a file of exactly the limit is accepted');
});

test('refused types get 415 naming what the bytes are, and nothing is stored', async () => {
  const interactionId = await newInteraction();
  const url = `/api/interactions/${interactionId}/attachments`;
  const before = { rows: await attachmentRows(), files: (await storedFiles()).length };
  const exe = Buffer.alloc(512);
  exe.write('MZ');
  const program = expectError(await upload(url, 'setup.exe', 'application/octet-stream', exe), 415, 'unsupported_media_type');
  assert.match(program.message, /application\/x-msdownload/);
  assert.equal(program.issues![0]!.field, 'body.file');

  const zip = Buffer.concat([Buffer.from('PK\x03\x04\x14\x00\x00\x00\x00\x00', 'latin1'), Buffer.alloc(200, 1)]);
  assert.match(expectError(await upload(url, 'facture.pdf', 'application/pdf', zip), 415, 'unsupported_media_type').message, /application\/zip/);
  const disguised = expectError(await upload(url, 'photo.jpg', 'image/jpeg', PNG), 415, 'unsupported_media_type');
  assert.match(disguised.message, /named \.jpg but its content is image\/png/);

  assert.equal(await attachmentRows(), before.rows);
  assert.equal((await storedFiles()).length, before.files);
  assert.deepEqual(await incomingFiles(), []);
});

test('uploads need a multipart file and an owner of this workspace', async () => {
  const interactionId = await newInteraction();
  const json = await call(t.app, { method: 'POST', url: `/api/interactions/${interactionId}/attachments`, body: { file: 'x' }, session: ws.adminSession });
  expectError(json, 415, 'unsupported_media_type');
  const unknown = await upload(`/api/interactions/${randomUUID()}/attachments`, 'a.png', 'image/png', PNG);
  expectError(unknown, 404, 'not_found');
  const noCase = await upload(`/api/cases/${randomUUID()}/attachments`, 'a.png', 'image/png', PNG);
  expectError(noCase, 404, 'not_found');
  expectError(await call(t.app, { url: `/api/cases/${randomUUID()}/attachments`, session: ws.adminSession }), 404, 'not_found');
});

test('deleting a file, or the interaction it belongs to, removes the bytes once committed', async () => {
  const interactionId = await newInteraction();
  const url = `/api/interactions/${interactionId}/attachments`;
  const first = (await upload(url, 'a.png', 'image/png', PNG)).json();
  const second = (await upload(url, 'b.png', 'image/png', PNG)).json();
  const fileOf = (id: string) => path.join(dataDir, 'attachments', ws.id, id);

  assert.equal((await call(t.app, { method: 'DELETE', url: `/api/attachments/${first.id}`, session: ws.adminSession })).statusCode, 204);
  assert.equal(existsSync(fileOf(first.id)), false);
  expectError(await call(t.app, { url: first.url, session: ws.adminSession }), 404, 'not_found');
  assert.equal((await call(t.app, { url: `/api/interactions/${interactionId}`, session: ws.adminSession })).json().attachmentCount, 1);

  assert.equal(existsSync(fileOf(second.id)), true);
  assert.equal((await call(t.app, { method: 'DELETE', url: `/api/interactions/${interactionId}`, session: ws.adminSession })).statusCode, 204);
  assert.equal(existsSync(fileOf(second.id)), false);
  expectError(await call(t.app, { url: second.url, session: ws.adminSession }), 404, 'not_found');
});

test('after-sales cases take attachments too', async () => {
  const caseId = randomUUID();
  await sql`
    insert into cases (workspace_id, id, number, party_id, type, channel, subject, opened_at)
    values (${ws.id}, ${caseId}, ${`SAV-TEST-${caseId.slice(0, 8)}`}, ${personId}, 'repair', 'phone', 'Lave-linge en panne', now())`.execute(t.database.db);
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');
  const response = await upload(`/api/cases/${caseId}/attachments`, 'bon-de-garantie.pdf', 'application/pdf', pdf);
  assert.equal(response.statusCode, 201, response.body);
  assert.equal(response.json().ownerType, 'case');
  assert.equal(response.json().contentType, 'application/pdf');
  const list = (await call(t.app, { url: `/api/cases/${caseId}/attachments`, session: ws.adminSession })).json();
  assert.deepEqual(list.data.map((a: { fileName: string }) => a.fileName), ['bon-de-garantie.pdf']);
  const download = await call(t.app, { url: response.json().url, session: ws.adminSession });
  assert.deepEqual(download.rawPayload, pdf);
});
