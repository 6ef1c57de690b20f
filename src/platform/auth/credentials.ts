/**
 * Turns a request's credentials into an actor. Two kinds exist:
 * - the session cookie `rapport_session` = `<workspace id>.<secret>`, set at login;
 * - a personal API token in `Authorization: Bearer rpt_<workspace id without dashes>_<secret>`.
 * Both carry the workspace id so the lookup hits one workspace's rows; only the secret's hash is stored. One
 * query reads the credential with its user and workspace, which `/api/me` then presents without asking again.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Role } from './permissions.ts';
import type { AuthState, SignedInUser } from '../http/route-config.ts';
import type { AuthCache } from './auth-cache.ts';
import { randomSecret, sha256 } from './secrets.ts';

export const SESSION_COOKIE = 'rapport_session';
export const CSRF_COOKIE = 'rapport_csrf';
/** A token's last use is recorded at most once a minute, so busy integrations do not write on every call. */
const LAST_USED_RESOLUTION_MS = 60_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function makeSessionCookie(workspaceId: string): { value: string; hash: string } {
  const secret = randomSecret();
  return { value: `${workspaceId}.${secret}`, hash: sha256(secret) };
}

export function makeApiToken(workspaceId: string): { value: string; hash: string; hint: string } {
  const secret = randomSecret();
  const value = `rpt_${workspaceId.replaceAll('-', '')}_${secret}`;
  return { value, hash: sha256(secret), hint: `rpt_…${secret.slice(-4)}` };
}

function parseSessionCookie(cookie: string): { workspaceId: string; hash: string } | null {
  const dot = cookie.indexOf('.');
  const workspaceId = cookie.slice(0, dot);
  const secret = cookie.slice(dot + 1);
  if (dot < 0 || !UUID.test(workspaceId) || secret.length < 20) return null;
  return { workspaceId, hash: sha256(secret) };
}

function parseApiToken(token: string): { workspaceId: string; hash: string } | null {
  const match = /^rpt_([0-9a-f]{32})_([A-Za-z0-9_-]{20,})$/.exec(token);
  if (!match) return null;
  const hex = match[1]!;
  const workspaceId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return { workspaceId, hash: sha256(match[2]!) };
}

export interface PresentedCredentials {
  sessionCookie?: string;
  authorization?: string;
}

/**
 * Resolves credentials to an authenticated state, or null when they are missing, unknown, expired, revoked
 * or belong to a user who is not active.
 */
export async function resolveCredentials(
  db: Kysely<DB>,
  presented: PresentedCredentials,
  cache?: AuthCache,
): Promise<AuthState | null> {
  const bearer = presented.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  const kind = bearer ? 'token' : presented.sessionCookie ? 'session' : null;
  if (!kind) return null;
  const parsed = kind === 'token' ? parseApiToken(bearer!) : parseSessionCookie(presented.sessionCookie!);
  if (!parsed) return null;

  const key = `${kind}:${parsed.workspaceId}:${parsed.hash}`;
  const cached = cache?.get(key);
  if (cached) return cached;
  const resolved = kind === 'token' ? await resolveToken(db, parsed) : await resolveSession(db, parsed);
  if (!resolved) return null;
  cache?.set(key, resolved.state, resolved.expiresAt);
  return resolved.state;
}

const userColumns = [
  'u.id',
  'u.email',
  'u.name',
  'u.role',
  'u.status',
  'u.locale',
  'u.last_login_at',
  'u.created_at',
  'u.updated_at',
  'w.name as workspace_name',
  'w.slug as workspace_slug',
] as const;

interface UserRow {
  id: string;
  email: string;
  name: string;
  role: string;
  status: string;
  locale: string | null;
  last_login_at: Date | null;
  created_at: Date;
  updated_at: Date;
  workspace_name: string;
  workspace_slug: string;
}

function signedIn(workspaceId: string, row: UserRow): { user: SignedInUser; workspace: AuthState['workspace'] } {
  return {
    user: {
      id: row.id,
      email: row.email,
      name: row.name,
      role: row.role as Role,
      status: row.status,
      locale: row.locale,
      last_login_at: row.last_login_at,
      created_at: row.created_at,
      updated_at: row.updated_at,
    },
    workspace: { id: workspaceId, name: row.workspace_name, slug: row.workspace_slug },
  };
}

interface Resolved {
  state: AuthState;
  expiresAt: Date | null;
}

async function resolveSession(db: Kysely<DB>, parsed: { workspaceId: string; hash: string }): Promise<Resolved | null> {
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', (join) => join.onRef('u.workspace_id', '=', 's.workspace_id').onRef('u.id', '=', 's.user_id'))
    .innerJoin('workspaces as w', 'w.id', 's.workspace_id')
    .select(['s.id as session_id', 's.csrf_token', 's.expires_at', ...userColumns])
    .where('s.workspace_id', '=', parsed.workspaceId)
    .where('s.token_hash', '=', parsed.hash)
    .where('s.expires_at', '>', sql<Date>`now()`)
    .where('u.status', '=', 'active')
    .executeTakeFirst();
  if (!row) return null;
  const { user, workspace } = signedIn(parsed.workspaceId, row);
  return {
    state: {
      ctx: { db, workspaceId: parsed.workspaceId, actor: { type: 'user', userId: row.id, role: user.role, label: row.email } },
      via: 'session',
      sessionId: row.session_id,
      csrfToken: row.csrf_token,
      user,
      workspace,
    },
    expiresAt: row.expires_at,
  };
}

async function resolveToken(db: Kysely<DB>, parsed: { workspaceId: string; hash: string }): Promise<Resolved | null> {
  const row = await db
    .selectFrom('api_tokens as t')
    .innerJoin('users as u', (join) => join.onRef('u.workspace_id', '=', 't.workspace_id').onRef('u.id', '=', 't.user_id'))
    .innerJoin('workspaces as w', 'w.id', 't.workspace_id')
    .select(['t.id as token_id', 't.scope', 't.name as token_name', 't.expires_at', 't.last_used_at', ...userColumns])
    .where('t.workspace_id', '=', parsed.workspaceId)
    .where('t.token_hash', '=', parsed.hash)
    .where('t.revoked_at', 'is', null)
    .where((eb) => eb.or([eb('t.expires_at', 'is', null), eb('t.expires_at', '>', sql<Date>`now()`)]))
    .where('u.status', '=', 'active')
    .executeTakeFirst();
  if (!row) return null;
  if (!row.last_used_at || Date.now() - row.last_used_at.getTime() > LAST_USED_RESOLUTION_MS) {
    await db
      .updateTable('api_tokens')
      .set({ last_used_at: new Date() })
      .where('workspace_id', '=', parsed.workspaceId)
      .where('id', '=', row.token_id)
      .execute();
  }
  const { user, workspace } = signedIn(parsed.workspaceId, row);
  return {
    state: {
      ctx: {
        db,
        workspaceId: parsed.workspaceId,
        actor: {
          type: 'token',
          userId: row.id,
          role: user.role,
          label: `${row.email} (token ${row.token_name})`,
          tokenId: row.token_id,
          scope: row.scope as 'read' | 'read_write',
        },
      },
      via: 'token',
      sessionId: null,
      csrfToken: null,
      user,
      workspace,
    },
    expiresAt: row.expires_at,
  };
}
