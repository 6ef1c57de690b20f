/**
 * Users of a workspace: created directly (first admin, CLI), invited by an admin, given a role, disabled.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Selectable } from 'kysely';
import type { UsersTable } from '../../platform/db/schema.ts';
import { scoped } from '../../platform/db/scoped.ts';
import { inTransaction, type Ctx } from '../../platform/context.ts';
import { recordChange } from '../../platform/events/change-log.ts';
import { AppError, notFound, validationError } from '../../platform/errors.ts';
import { hashPassword, randomSecret, sha256, verifyPassword } from '../../platform/auth/secrets.ts';
import type { Role } from '../../platform/auth/permissions.ts';
import { paginate, type PageRequest, type PageResult } from '../../platform/http/pagination.ts';

export type User = Selectable<UsersTable>;
export type UserStatus = 'invited' | 'active' | 'disabled';

export const MIN_PASSWORD_LENGTH = 10;
const INVITATION_DAYS = 7;

export function checkPassword(password: string, field = 'password'): void {
  if (password.length < MIN_PASSWORD_LENGTH) throw validationError(field, `must be at least ${MIN_PASSWORD_LENGTH} characters`);
}

function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

async function assertEmailFree(ctx: Ctx, email: string): Promise<void> {
  const taken = await scoped(ctx.db, ctx.workspaceId).selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
  if (taken) throw new AppError('conflict', `A user with email ${email} already exists`, [{ field: 'body.email', rule: 'must be unique in the workspace' }]);
}

export interface CreateUserOptions {
  email: string;
  name: string;
  role: Role;
  password: string;
}

/** Creates an active user with a password. */
export async function createUser(ctx: Ctx, options: CreateUserOptions): Promise<User> {
  checkPassword(options.password);
  const email = normaliseEmail(options.email);
  const passwordHash = await hashPassword(options.password);
  return inTransaction(ctx, async (tx) => {
    await assertEmailFree(tx, email);
    const user = await scoped(tx.db, tx.workspaceId)
      .insertInto('users', [{ id: randomUUID(), email, name: options.name.trim(), role: options.role, status: 'active', password_hash: passwordHash }])
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordChange(tx, { entity: 'user', entityId: user.id, action: 'create', after: user });
    return user;
  });
}

export interface InviteUserOptions {
  email: string;
  name: string;
  role: Role;
}

/** Creates an invited user; returns the user and the one-time invitation secret to send them. */
export async function inviteUser(ctx: Ctx, options: InviteUserOptions): Promise<{ user: User; inviteToken: string }> {
  const email = normaliseEmail(options.email);
  const secret = randomSecret();
  return inTransaction(ctx, async (tx) => {
    await assertEmailFree(tx, email);
    const user = await scoped(tx.db, tx.workspaceId)
      .insertInto('users', [
        {
          id: randomUUID(),
          email,
          name: options.name.trim(),
          role: options.role,
          status: 'invited',
          invite_token_hash: sha256(secret),
          invite_expires_at: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
        },
      ])
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordChange(tx, { entity: 'user', entityId: user.id, action: 'create', after: user });
    return { user, inviteToken: `${tx.workspaceId}.${secret}` };
  });
}

/** Activates an invited user from their invitation token, setting their password. */
export async function acceptInvitation(
  ctx: Omit<Ctx, 'workspaceId'>,
  options: { token: string; password: string; name?: string },
): Promise<User> {
  checkPassword(options.password, 'body.password');
  const dot = options.token.indexOf('.');
  const workspaceId = options.token.slice(0, dot);
  const secret = options.token.slice(dot + 1);
  const invalid = new AppError('not_found', 'This invitation is invalid or has expired');
  if (dot < 0 || !/^[0-9a-f-]{36}$/.test(workspaceId)) throw invalid;
  const passwordHash = await hashPassword(options.password);
  return inTransaction({ ...ctx, workspaceId }, async (tx) => {
    const users = scoped(tx.db, workspaceId);
    const before = await users.selectFrom('users').selectAll().where('invite_token_hash', '=', sha256(secret)).executeTakeFirst();
    if (!before || before.status !== 'invited' || !before.invite_expires_at || before.invite_expires_at < new Date()) throw invalid;
    const actorCtx: Ctx = { ...tx, actor: { type: 'user', userId: before.id, role: before.role as Role, label: before.email } };
    const after = await users
      .updateTable('users')
      .set({
        status: 'active',
        password_hash: passwordHash,
        invite_token_hash: null,
        invite_expires_at: null,
        name: options.name?.trim() || before.name,
        updated_at: new Date(),
      })
      .where('id', '=', before.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordChange(actorCtx, { entity: 'user', entityId: after.id, action: 'update', before, after });
    return after;
  });
}

export async function getUser(ctx: Ctx, id: string): Promise<User> {
  const user = await scoped(ctx.db, ctx.workspaceId).selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  if (!user) throw notFound('User');
  return user;
}

export interface ListUsersOptions extends PageRequest {
  q?: string;
  role?: Role;
  status?: UserStatus;
}

export async function listUsers(ctx: Ctx, options: ListUsersOptions): Promise<PageResult<User>> {
  let query = scoped(ctx.db, ctx.workspaceId).selectFrom('users').selectAll('users');
  if (options.role) query = query.where('role', '=', options.role);
  if (options.status) query = query.where('status', '=', options.status);
  if (options.q) {
    const pattern = `%${options.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb(sql`lower(users.name)`, 'like', pattern), eb('users.email', 'like', pattern)]));
  }
  return paginate(query, options, {
    sortColumns: { name: 'users.name', email: 'users.email', createdAt: 'users.created_at' },
    defaultSort: 'name',
    idColumn: 'users.id',
  });
}

export interface UpdateUserOptions {
  name?: string;
  role?: Role;
  status?: 'active' | 'disabled';
  locale?: 'fr' | 'en' | null;
  teamId?: string | null;
}

/** Changes a user's name, role, team, status or language. The last active admin can be neither demoted nor disabled. */
export async function updateUser(ctx: Ctx, id: string, changes: UpdateUserOptions): Promise<User> {
  return inTransaction(ctx, async (tx) => {
    const users = scoped(tx.db, tx.workspaceId);
    // Role and status changes in one workspace take turns, so two admins demoting each other cannot both win.
    await tx.db.selectFrom('workspaces').select('id').where('id', '=', tx.workspaceId).forUpdate().execute();
    const before = await users.selectFrom('users').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!before) throw notFound('User');
    if (changes.status === 'active' && before.status === 'invited') {
      throw validationError('body.status', 'cannot activate an invited user; they accept the invitation themselves');
    }
    // Someone who never set a password goes back to waiting for their invitation rather than becoming active.
    const status = changes.status === 'active' && !before.password_hash ? 'invited' : changes.status;
    if (changes.teamId) {
      const team = await users.selectFrom('teams').select('id').where('id', '=', changes.teamId).executeTakeFirst();
      if (!team) throw validationError('body.teamId', 'must be a team of this workspace');
    }
    const losesAdmin =
      before.role === 'admin' && before.status === 'active' && ((changes.role && changes.role !== 'admin') || changes.status === 'disabled');
    if (losesAdmin) {
      const admins = await users
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('role', '=', 'admin')
        .where('status', '=', 'active')
        .executeTakeFirstOrThrow();
      if (admins.n <= 1) throw new AppError('conflict', 'The workspace must keep at least one active admin');
    }
    const after = await users
      .updateTable('users')
      .set({
        ...(changes.name !== undefined ? { name: changes.name.trim() } : {}),
        ...(changes.role !== undefined ? { role: changes.role } : {}),
        ...(status !== undefined ? { status } : {}),
        ...(changes.locale !== undefined ? { locale: changes.locale } : {}),
        ...(changes.teamId !== undefined ? { team_id: changes.teamId } : {}),
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    if (changes.status === 'disabled') {
      await scoped(tx.db, tx.workspaceId).deleteFrom('sessions').where('user_id', '=', id).execute();
    }
    await recordChange(tx, { entity: 'user', entityId: id, action: 'update', before, after });
    return after;
  });
}

/** Changes a user's own password after checking the current one; other sessions are signed out. */
export async function changePassword(
  ctx: Ctx,
  options: { userId: string; currentPassword: string; newPassword: string; keepSessionId: string | null },
): Promise<void> {
  checkPassword(options.newPassword, 'body.newPassword');
  const user = await getUser(ctx, options.userId);
  if (!user.password_hash || !(await verifyPassword(options.currentPassword, user.password_hash))) {
    throw validationError('body.currentPassword', 'does not match your current password');
  }
  const passwordHash = await hashPassword(options.newPassword);
  await inTransaction(ctx, async (tx) => {
    const users = scoped(tx.db, tx.workspaceId);
    await users.updateTable('users').set({ password_hash: passwordHash, updated_at: new Date() }).where('id', '=', user.id).execute();
    let others = users.deleteFrom('sessions').where('user_id', '=', user.id);
    if (options.keepSessionId) others = others.where('id', '!=', options.keepSessionId);
    await others.execute();
    await recordChange(tx, {
      entity: 'user',
      entityId: user.id,
      action: 'update',
      before: { password: 'set' },
      after: { password: 'changed' },
    });
  });
}
