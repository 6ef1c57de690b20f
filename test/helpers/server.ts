/**
 * A real Rapport server on a real socket, for the browser tests: `startServer` exactly as `rapport serve` runs
 * it (migrations, first-start workspace and admin, web app, in-process jobs), on a free port of 127.0.0.1, with
 * logs off. Its database is its own: an embedded one in a temporary folder, or with DATABASE_URL a scratch
 * database on that PostgreSQL server. Not the shared test database, because the in-process job runner claims
 * every due job it sees, and would take (and fail, having no handler for them) other test files' jobs.
 */
import { execFile } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import type { Kysely } from 'kysely';
import { loadConfig } from '../../src/platform/config.ts';
import type { DB } from '../../src/platform/db/schema.ts';
import { WEB_DIST, WEB_ROOT } from '../../src/platform/http/web.ts';
import { startServer, type RunningServer } from '../../src/server.ts';
import { guardNetwork } from './network-guard.ts';
import { openScratchDatabase, postgresAvailable } from './scratch-db.ts';

export interface TestServer {
  /** Base URL, such as http://127.0.0.1:41234 (no trailing slash). */
  url: string;
  workspaceSlug: string;
  adminEmail: string;
  adminPassword: string;
  /** The server's own database, for seeding what the API would take too long to create. */
  db: Kysely<DB>;
  close(): Promise<void>;
}

const REPO = path.resolve(import.meta.dirname, '../..');

/**
 * Builds the web app into web/dist unless it is there. Test files run in parallel processes: one takes a lock
 * and builds, the others wait for the lock to go.
 */
export async function ensureWebBuild(): Promise<void> {
  const index = path.join(WEB_DIST, 'index.html');
  const lock = path.join(tmpdir(), `rapport-web-build-${createHash('sha256').update(WEB_ROOT).digest('hex').slice(0, 12)}.lock`);
  if (fs.existsSync(index) && !fs.existsSync(lock)) return;
  try {
    fs.mkdirSync(lock);
  } catch {
    for (let waited = 0; fs.existsSync(lock) && waited < 180_000; waited += 200) await sleep(200);
    if (fs.existsSync(index) && !fs.existsSync(lock)) return;
    fs.rmSync(lock, { recursive: true, force: true }); // left by a build that was killed
    return ensureWebBuild();
  }
  try {
    if (fs.existsSync(index)) return;
    const vite = path.join(REPO, 'node_modules', 'vite', 'bin', 'vite.js');
    await promisify(execFile)(process.execPath, [vite, 'build', '--config', path.join(WEB_ROOT, 'vite.config.ts'), '--logLevel', 'warn'], {
      cwd: REPO,
      maxBuffer: 16 * 1024 * 1024,
    });
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/** Starts a server; the caller must `close()` it. */
export async function startTestServer(): Promise<TestServer> {
  guardNetwork();
  await ensureWebBuild();
  const scratch = postgresAvailable() ? await openScratchDatabase('postgres') : null;
  const dataDir = scratch ? null : await mkdtemp(path.join(tmpdir(), 'rapport-server-'));
  const unique = randomUUID().slice(0, 8);
  const adminPassword = `browser-${randomUUID()}`;
  const config = loadConfig(
    {
      DATABASE_URL: scratch?.url ?? '',
      RAPPORT_DATA_DIR: dataDir ?? path.join(tmpdir(), 'rapport-unused'),
      RAPPORT_WORKSPACE_NAME: `Browser ${unique}`,
      RAPPORT_ADMIN_EMAIL: `admin-${unique}@example.test`,
      RAPPORT_ADMIN_PASSWORD: adminPassword,
      RAPPORT_JOBS: 'inline',
      LOG_LEVEL: 'silent',
      NODE_ENV: 'production',
    },
    // The loader insists on a positive PORT; 0 asks the system for a free one.
    { port: 0, host: '127.0.0.1', poolSize: 5 },
  );
  const cleanUp = async () => {
    await scratch?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  };

  let server: RunningServer;
  try {
    server = await startServer(config, { web: true, announce: () => {} });
  } catch (error) {
    await cleanUp();
    throw error;
  }
  const workspace = await server.database.db.selectFrom('workspaces').select('slug').executeTakeFirstOrThrow();
  return {
    url: server.url.replace(/\/$/, ''),
    workspaceSlug: workspace.slug,
    adminEmail: config.adminEmail,
    adminPassword,
    db: server.database.db,
    async close() {
      await server.close();
      await cleanUp();
    },
  };
}
