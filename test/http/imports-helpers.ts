/**
 * What the import tests share: a test app whose import runner runs in the test process (as `rapport serve`
 * runs it), a browser-like multipart upload with an optional `target` field, and waiting for an import to end.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { call, createTestApp, type TestApp } from '../helpers/app.ts';
import { startImportRunner, type ImportRunner } from '../../src/modules/imports/import-runner.ts';
import type { Config } from '../../src/platform/config.ts';

export interface ImportTestApp extends TestApp {
  dataDir: string;
  runner: ImportRunner;
}

/** A test app with its own data folder and a running import runner; `close` stops both and removes the folder. */
export async function createImportApp(overrides: Partial<Config> = {}): Promise<ImportTestApp> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'rapport-imports-'));
  const t = await createTestApp({ dataDir, ...overrides });
  const runner = startImportRunner(t.database.db, { dataDir });
  return {
    ...t,
    dataDir,
    runner,
    async close() {
      await runner.stop();
      await t.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

type Session = { cookie: string; csrfToken: string };

/** Uploads `bytes` as `fileName` in the field `file`, with the `target` field when given. */
export function upload(t: TestApp, session: Session, fileName: string, bytes: Buffer | string, target?: string): Promise<LightMyRequestResponse> {
  const boundary = `----rapport${randomUUID()}`;
  const parts: Buffer[] = [];
  if (target) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="target"\r\n\r\n${target}\r\n`));
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`));
  parts.push(typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes);
  parts.push(Buffer.from(`\r\n--${boundary}--\r\n`));
  return call(t.app, {
    method: 'POST',
    url: '/api/imports',
    body: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    session,
  });
}

/** Polls the import until it leaves `queued`/`running` (as the web does), and returns it. */
export async function waitForImport(t: TestApp, session: Session, id: string, timeoutMs = 60_000): Promise<Record<string, any>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await call(t.app, { url: `/api/imports/${id}`, session });
    assert.equal(response.statusCode, 200, response.body);
    const body = response.json();
    if (body.status !== 'queued' && body.status !== 'running') return body;
    assert.ok(Date.now() < deadline, `import ${id} still ${body.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Maps, starts and waits for an uploaded import; returns the finished import. */
export async function runImport(
  t: TestApp,
  session: Session,
  id: string,
  mapping: { target: string; mapping: (string | null)[]; matchKey: string | null; options?: Record<string, string> },
  dryRun = false,
): Promise<Record<string, any>> {
  const mapped = await call(t.app, { method: 'PUT', url: `/api/imports/${id}/mapping`, body: mapping, session });
  assert.equal(mapped.statusCode, 200, mapped.body);
  const started = await call(t.app, { method: 'POST', url: `/api/imports/${id}/start`, body: { dryRun }, session });
  assert.equal(started.statusCode, 202, started.body);
  return waitForImport(t, session, id);
}
