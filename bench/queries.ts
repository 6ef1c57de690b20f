/**
 * What one database call costs on this engine, measured in this process on a store the server has let go of
 * (PGlite allows one process at a time): the session lookup a signed-in request needs when nothing is cached,
 * a primary-key read through a service, and the bare round trip of `select 1`.
 */
import { sql } from 'kysely';
import { openDatabase } from '../src/platform/db/database.ts';
import { resolveCredentials } from '../src/platform/auth/credentials.ts';
import { SYSTEM_ACTOR } from '../src/platform/context.ts';
import { createSession } from '../src/modules/auth/session-service.ts';
import { getUser } from '../src/modules/users/user-service.ts';

export interface QueryTiming {
  name: string;
  /** Wall-clock time of one call, the calls made one after another. */
  wallUs: number;
}

async function time(name: string, call: () => Promise<unknown>, runs = 400): Promise<QueryTiming> {
  for (let i = 0; i < 50; i++) await call();
  const started = performance.now();
  for (let i = 0; i < runs; i++) await call();
  return { name, wallUs: ((performance.now() - started) * 1000) / runs };
}

/** Times the calls for the user `email` of the store at `url` or `dataDir`. */
export async function timeQueries(store: { url: string | null; dataDir: string | null; email: string }): Promise<QueryTiming[]> {
  const database = await openDatabase({ url: store.url, dataDir: store.dataDir, poolSize: 2 });
  try {
    const db = database.db;
    const user = await db.selectFrom('users').selectAll().where('email', '=', store.email).executeTakeFirstOrThrow();
    const session = await createSession(db, { workspaceId: user.workspace_id, userId: user.id, days: 1 });
    const ctx = { db, workspaceId: user.workspace_id, actor: SYSTEM_ACTOR };
    return [
      await time('session lookup, uncached', () => resolveCredentials(db, { sessionCookie: session.cookie })),
      await time('getUser (primary-key read)', () => getUser(ctx, user.id)),
      await time('select 1 (round trip)', () => sql`select 1`.execute(db)),
    ];
  } finally {
    await database.close();
  }
}
