/**
 * The S3-compatible attachment store against a small S3 server in this process (PUT, GET and DELETE of objects
 * in one bucket, path-style). The fake refuses requests without an AWS Signature V4 `Authorization` header and
 * checks the payload hash it is sent, so the round trip proves the store signs and streams correctly.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTestApp, call, type TestApp } from '../helpers/app.ts';
import { makeWorkspace, type TestWorkspace } from '../helpers/factories.ts';
import { expectError } from './expect-error.ts';
import { multipart, PNG } from './interactions-multipart.ts';

const BUCKET = 'rapport-files';
const ACCESS_KEY = 'AKIARAPPORTTEST';

interface FakeS3 {
  endpoint: string;
  objects: Map<string, { bytes: Buffer; contentType: string }>;
  requests: { method: string; path: string; authorization: string }[];
  close(): Promise<void>;
}

async function startFakeS3(): Promise<FakeS3> {
  const objects = new Map<string, { bytes: Buffer; contentType: string }>();
  const requests: FakeS3['requests'] = [];
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const bytes = Buffer.concat(chunks);
    const authorization = String(req.headers.authorization ?? '');
    const url = new URL(req.url ?? '/', 'http://fake');
    requests.push({ method: req.method ?? '', path: url.pathname, authorization });
    const signed = new RegExp(`^AWS4-HMAC-SHA256 Credential=${ACCESS_KEY}/\\d{8}/eu-west-3/s3/aws4_request, SignedHeaders=[a-z0-9;-]+, Signature=[0-9a-f]{64}$`);
    if (!signed.test(authorization) || !req.headers['x-amz-date']) {
      res.writeHead(403).end('<Error><Code>AccessDenied</Code></Error>');
      return;
    }
    const prefix = `/${BUCKET}/`;
    if (!url.pathname.startsWith(prefix)) {
      res.writeHead(404).end('<Error><Code>NoSuchBucket</Code></Error>');
      return;
    }
    const key = url.pathname.slice(prefix.length);
    if (req.method === 'PUT') {
      const declared = req.headers['x-amz-content-sha256'];
      if (declared !== 'UNSIGNED-PAYLOAD' && declared !== createHash('sha256').update(bytes).digest('hex')) {
        res.writeHead(400).end('<Error><Code>XAmzContentSHA256Mismatch</Code></Error>');
        return;
      }
      objects.set(key, { bytes, contentType: String(req.headers['content-type']) });
      res.writeHead(200, { etag: '"x"' }).end();
    } else if (req.method === 'GET') {
      const object = objects.get(key);
      if (!object) res.writeHead(404).end('<Error><Code>NoSuchKey</Code></Error>');
      else res.writeHead(200, { 'content-type': object.contentType, 'content-length': object.bytes.length }).end(object.bytes);
    } else if (req.method === 'DELETE') {
      objects.delete(key);
      res.writeHead(204).end();
    } else {
      res.writeHead(405).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    objects,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

let s3: FakeS3;
let t: TestApp;
let ws: TestWorkspace;
let personId: string;

before(async () => {
  s3 = await startFakeS3();
  t = await createTestApp({
    attachments: {
      store: 's3',
      maxBytes: 1024 * 1024,
      s3: { endpoint: s3.endpoint, bucket: BUCKET, region: 'eu-west-3', accessKeyId: ACCESS_KEY, secretAccessKey: 'not-a-real-secret' },
    },
  });
  ws = await makeWorkspace(t.database.db, 'S3 Test');
  personId = (await call(t.app, { method: 'POST', url: '/api/people', body: { lastName: 'Nuage' }, session: ws.adminSession })).json().id;
});
after(async () => {
  await t.close();
  await s3.close();
});

test('files go to the bucket signed, come back byte for byte, and leave with their interaction', async () => {
  const interaction = await call(t.app, {
    method: 'POST',
    url: '/api/interactions',
    session: ws.adminSession,
    body: { channel: 'email', direction: 'inbound', occurredAt: '2026-11-22T08:00:00Z', subject: 'Photo du colis abîmé', participants: [{ partyId: personId }] },
  });
  const interactionId = interaction.json().id;
  const { body, headers } = multipart('colis.png', 'image/png', PNG);
  const uploaded = await call(t.app, { method: 'POST', url: `/api/interactions/${interactionId}/attachments`, body, headers, session: ws.adminSession });
  assert.equal(uploaded.statusCode, 201, uploaded.body);
  const attachment = uploaded.json();

  const key = `${ws.id}/${attachment.id}`;
  assert.deepEqual(s3.objects.get(key), { bytes: PNG, contentType: 'image/png' });
  const put = s3.requests.find((r) => r.method === 'PUT');
  assert.equal(put?.path, `/${BUCKET}/${key}`, 'path-style addressing');

  const download = await call(t.app, { url: attachment.url, session: ws.adminSession });
  assert.equal(download.statusCode, 200);
  assert.deepEqual(download.rawPayload, PNG);
  assert.equal(download.headers['content-type'], 'image/png');

  assert.equal((await call(t.app, { method: 'DELETE', url: `/api/interactions/${interactionId}`, session: ws.adminSession })).statusCode, 204);
  assert.equal(s3.objects.has(key), false, 'the object is deleted after the commit');
  assert.ok(s3.requests.every((r) => r.authorization.startsWith('AWS4-HMAC-SHA256 ')), 'every request is signed');
});

test('a refused file never reaches the bucket', async () => {
  const interaction = await call(t.app, {
    method: 'POST',
    url: '/api/interactions',
    session: ws.adminSession,
    body: { channel: 'email', direction: 'inbound', occurredAt: '2026-11-22T08:00:00Z', subject: 'Pièce jointe douteuse', participants: [{ partyId: personId }] },
  });
  const before = s3.requests.length;
  const exe = Buffer.alloc(256);
  exe.write('MZ');
  const { body, headers } = multipart('facture.pdf', 'application/pdf', exe);
  const refused = await call(t.app, { method: 'POST', url: `/api/interactions/${interaction.json().id}/attachments`, body, headers, session: ws.adminSession });
  expectError(refused, 415, 'unsupported_media_type');
  assert.equal(s3.requests.length, before);
});
