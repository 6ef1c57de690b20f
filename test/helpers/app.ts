/**
 * A real Rapport app for tests: the full Fastify stack on PGlite (in memory, one per test file) or, when
 * DATABASE_URL is set, on that PostgreSQL server. Requests go through `app.inject`, which runs every hook,
 * validator and handler exactly as a socket request would.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { loadConfig, type Config } from '../../src/platform/config.ts';
import { openDatabase, type Database } from '../../src/platform/db/database.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';
import { buildApp } from '../../src/platform/http/app.ts';
import { guardNetwork } from './network-guard.ts';
import { pgliteTemplate } from './pglite-template.ts';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  config: Config;
  close(): Promise<void>;
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return loadConfig({ DATABASE_URL: process.env.DATABASE_URL, LOG_LEVEL: 'silent' }, overrides);
}

/** Opens the test database of this run's engine, migrated. */
export async function openTestDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL || null;
  const seed = url ? undefined : await pgliteTemplate(true);
  const database = await openDatabase({ url, dataDir: null, poolSize: 5, seed });
  await migrateToLatest(database.db);
  return database;
}

export async function createTestApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  guardNetwork();
  const config = testConfig(overrides);
  const database = await openTestDatabase();
  const app = await buildApp({ config, db: database.db, engine: database.engine, web: false, logger: false });
  await app.ready();
  return {
    app,
    database,
    config,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

export interface Credentials {
  /** Session cookie value and its CSRF token, as a browser holds them. */
  session?: { cookie: string; csrfToken: string };
  /** API token, sent as a bearer token. */
  token?: string;
  /** Leave out the CSRF header even for a session (to test the check). */
  omitCsrf?: boolean;
}

export interface CallOptions extends Credentials {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Sends one request with the given credentials. */
export function call(app: FastifyInstance, options: CallOptions): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.session) {
    headers.cookie = `rapport_session=${options.session.cookie}`;
    if (!options.omitCsrf && options.method && options.method !== 'GET') headers['x-csrf-token'] = options.session.csrfToken;
  }
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  return app.inject({
    method: options.method ?? 'GET',
    url: options.url,
    headers,
    ...(options.body !== undefined ? { payload: options.body as object } : {}),
  });
}
