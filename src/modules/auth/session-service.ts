/**
 * Signing in and out. A session row holds the hash of the cookie secret and the CSRF token that
 * cookie-authenticated writes must echo in a header.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { scoped } from '../../platform/db/scoped.ts';
import { AppError, validationError } from '../../platform/errors.ts';
import { hashPassword, randomSecret, verifyPassword } from '../../platform/auth/secrets.ts';
import { makeSessionCookie } from '../../platform/auth/credentials.ts';
import type { User } from '../users/user-service.ts';

export interface NewSession {
  cookie: string;
  csrfToken: string;
  sessionId: string;
  expiresAt: Date;
}

export async function createSession(
  db: Kysely<DB>,
  options: { workspaceId: string; userId: string; days: number; userAgent?: string; ip?: string },
): Promise<NewSession> {
  const { value, hash } = makeSessionCookie(options.workspaceId);
  const csrfToken = randomSecret(24);
  const sessionId = randomUUID();
  const expiresAt = new Date(Date.now() + options.days * 86_400_000);
  await db.transaction().execute(async (trx) => {
    const tenant = scoped(trx, options.workspaceId);
    await tenant
      .insertInto('sessions', [
        {
          id: sessionId,
          user_id: options.userId,
          token_hash: hash,
          csrf_token: csrfToken,
          user_agent: options.userAgent?.slice(0, 300) ?? null,
          ip: options.ip ?? null,
          expires_at: expiresAt,
        },
      ])
      .execute();
    await tenant.updateTable('users').set({ last_login_at: new Date() }).where('id', '=', options.userId).execute();
    await tenant.deleteFrom('sessions').where('user_id', '=', options.userId).where('expires_at', '<', new Date()).execute();
  });
  return { cookie: value, csrfToken, sessionId, expiresAt };
}

export async function deleteSession(db: Kysely<DB>, workspaceId: string, sessionId: string): Promise<void> {
  await scoped(db, workspaceId).deleteFrom('sessions').where('id', '=', sessionId).execute();
}

/** An email can sign in to at most this many workspaces without naming one. */
const MAX_WORKSPACES_PER_EMAIL = 10;

// Verifying against a real hash when the email is unknown keeps both answers equally slow.
let decoyHash: Promise<string> | null = null;

/** Finds the active user with these credentials, or throws 401 without saying which part was wrong. */
export async function checkCredentials(
  db: Kysely<DB>,
  options: { email: string; password: string; workspace?: string },
): Promise<User> {
  let query = db
    .selectFrom('users')
    .innerJoin('workspaces', 'workspaces.id', 'users.workspace_id')
    .selectAll('users')
    .where('users.email', '=', options.email.trim().toLowerCase())
    .where('users.status', '=', 'active');
  if (options.workspace) query = query.where('workspaces.slug', '=', options.workspace);
  const candidates = await query.limit(MAX_WORKSPACES_PER_EMAIL).execute();
  decoyHash ??= hashPassword(randomSecret());
  if (candidates.length === 0) await verifyPassword(options.password, await decoyHash);
  // The password is checked before anything is said about other workspaces, so nobody learns where an email is used.
  const matching: User[] = [];
  for (const candidate of candidates) {
    if (candidate.password_hash && (await verifyPassword(options.password, candidate.password_hash))) matching.push(candidate);
  }
  if (matching.length === 0) throw new AppError('invalid_credentials', 'Wrong email or password');
  if (matching.length > 1) throw validationError('body.workspace', 'is required: choose the workspace to sign in to');
  return matching[0]!;
}
