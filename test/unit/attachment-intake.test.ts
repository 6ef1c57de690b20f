/**
 * Recognising uploads from their bytes against the allow list, limits named in words people read, the disk
 * store's keep/read/forget cycle, and the attachment settings refused when incomplete.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { text } from 'node:stream/consumers';
import { classifyFile, formatLimit } from '../../src/modules/interactions/attachment-intake.ts';
import { AppError } from '../../src/platform/errors.ts';
import { diskStore } from '../../src/platform/storage/disk-store.ts';
import { ConfigError, loadConfig } from '../../src/platform/config.ts';

let dir: string;
before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'rapport-intake-'));
});
after(() => rm(dir, { recursive: true, force: true }));

let counter = 0;
async function fileWith(bytes: Buffer | string): Promise<string> {
  const file = path.join(dir, `f${counter++}`);
  await writeFile(file, bytes);
  return file;
}

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => assert.fail('expected a refusal'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof AppError, String(error));
  assert.equal(error.code, 'unsupported_media_type');
  return error;
}

test('allowed formats are recognised from their bytes, whatever type the client declared', async () => {
  assert.equal((await classifyFile(await fileWith(PNG), 'scan.png', 'application/octet-stream')).mime, 'image/png');
  assert.equal((await classifyFile(await fileWith(GIF), 'anim', '')).mime, 'image/gif');
  assert.equal((await classifyFile(await fileWith('%PDF-1.7\n%%EOF\n'), 'devis.PDF', 'application/pdf')).mime, 'application/pdf');
  assert.equal((await classifyFile(await fileWith('\ufeffnom;ville\nDupont;Lyon\n'), 'export.csv', 'application/vnd.ms-excel')).mime, 'text/csv');
  assert.equal((await classifyFile(await fileWith('Bonjour'), 'note', 'text/markdown')).mime, 'text/plain');
});

test('other formats, contradicting names and undeclared text are refused, naming what was found', async () => {
  assert.match((await refusal(classifyFile(await fileWith(Buffer.from('MZ\x90\x00'.padEnd(300, '\0'), 'latin1')), 'a.exe', ''))).message, /x-msdownload/);
  assert.match((await refusal(classifyFile(await fileWith(GIF), 'photo.png', 'image/png'))).message, /named \.png but its content is image\/gif/);
  assert.match((await refusal(classifyFile(await fileWith('<svg xmlns="http://www.w3.org/2000/svg"></svg>'), 'logo.svg', 'image/svg+xml'))).message, /svg/);
  assert.match((await refusal(classifyFile(await fileWith('{"a":1}'), 'data.json', 'application/json'))).message, /found text/);
  assert.match((await refusal(classifyFile(await fileWith('plain words'), 'blob', 'application/octet-stream'))).message, /found text/);
  assert.match((await refusal(classifyFile(await fileWith(Buffer.from([0xc3, 0x28, 0x41])), 'bad.txt', 'text/plain'))).message, /unknown binary/);
});

test('limits are named in units people read', () => {
  assert.equal(formatLimit(20 * 1024 * 1024), '20 MiB');
  assert.equal(formatLimit(4096), '4 KiB');
  assert.equal(formatLimit(1500), '1500 bytes');
});

test('the disk store keeps a file by renaming it into place, reads it back and forgets it', async () => {
  const store = diskStore(dir);
  const key = '11111111-1111-4111-8111-111111111111/22222222-2222-4222-8222-222222222222';
  const incoming = path.join(store.incomingDir, 'upload.part');
  await mkdir(store.incomingDir, { recursive: true });
  await writeFile(incoming, 'contenu');
  await store.put(key, { path: incoming, size: 7, sha256: 'x', contentType: 'text/plain' });
  assert.deepEqual(await readdir(store.incomingDir), [], 'the temporary file was moved');
  assert.equal(await text((await store.get(key))!), 'contenu');
  await store.delete(key);
  assert.equal(await store.get(key), null);
  assert.equal(existsSync(path.join(dir, 'attachments', ...key.split('/'))), false);
  await assert.rejects(store.get('../../etc/passwd'), /Not an attachment key/);
});

test('attachment settings: disk by default with 20 MiB, s3 only when complete', () => {
  const defaults = loadConfig({});
  assert.deepEqual(defaults.attachments, { store: 'disk', maxBytes: 20 * 1024 * 1024, s3: null });
  assert.throws(() => loadConfig({ RAPPORT_ATTACHMENT_MAX_BYTES: '0' }), /RAPPORT_ATTACHMENT_MAX_BYTES/);
  assert.throws(() => loadConfig({ RAPPORT_ATTACHMENTS_STORE: 'ftp' }), /RAPPORT_ATTACHMENTS_STORE/);
  assert.throws(
    () => loadConfig({ RAPPORT_ATTACHMENTS_STORE: 's3', RAPPORT_S3_ENDPOINT: 'https://s3.example.test' }),
    (e: unknown) => e instanceof ConfigError && /RAPPORT_S3_BUCKET/.test(e.message),
  );
  const s3 = loadConfig({
    RAPPORT_ATTACHMENTS_STORE: 's3',
    RAPPORT_S3_ENDPOINT: 'https://s3.example.test/',
    RAPPORT_S3_BUCKET: 'crm',
    RAPPORT_S3_ACCESS_KEY_ID: 'id',
    RAPPORT_S3_SECRET_ACCESS_KEY: 'secret',
  });
  assert.deepEqual(s3.attachments.s3, { endpoint: 'https://s3.example.test', bucket: 'crm', region: 'us-east-1', accessKeyId: 'id', secretAccessKey: 'secret' });
});
