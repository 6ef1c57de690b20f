/**
 * Factories: each test builds its own workspace, users and credentials, so tests never share data and can
 * run side by side on one database.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../src/platform/db/schema.ts';
import { SYSTEM_ACTOR, type Ctx } from '../../src/platform/context.ts';
import type { Role } from '../../src/platform/auth/permissions.ts';
import { createWorkspace } from '../../src/modules/workspaces/workspace-service.ts';
import { createUser, type User } from '../../src/modules/users/user-service.ts';
import { createSession } from '../../src/modules/auth/session-service.ts';
import { createApiToken, type TokenScope } from '../../src/modules/tokens/token-service.ts';

export const PASSWORD = 'correct horse battery';

export interface TestWorkspace {
  id: string;
  slug: string;
  admin: User;
  adminSession: { cookie: string; csrfToken: string };
  /** A system context in this workspace, for calling services directly. */
  ctx: Ctx;
}

export async function makeWorkspace(db: Kysely<DB>, name = `Test ${randomUUID().slice(0, 8)}`): Promise<TestWorkspace> {
  const email = `admin-${randomUUID().slice(0, 8)}@example.test`;
  const { workspace, admin } = await createWorkspace(db, { name, adminEmail: email, adminName: 'Admin Test', adminPassword: PASSWORD });
  const session = await createSession(db, { workspaceId: workspace.id, userId: admin.id, days: 1 });
  return {
    id: workspace.id,
    slug: workspace.slug,
    admin,
    adminSession: { cookie: session.cookie, csrfToken: session.csrfToken },
    ctx: { db, workspaceId: workspace.id, actor: SYSTEM_ACTOR },
  };
}

export async function makeUser(ws: TestWorkspace, role: Role, name = `User ${role}`): Promise<User> {
  return createUser(ws.ctx, { email: `${role}-${randomUUID().slice(0, 8)}@example.test`, name, role, password: PASSWORD });
}

export async function sessionFor(ws: TestWorkspace, user: User): Promise<{ cookie: string; csrfToken: string }> {
  const session = await createSession(ws.ctx.db, { workspaceId: ws.id, userId: user.id, days: 1 });
  return { cookie: session.cookie, csrfToken: session.csrfToken };
}

export async function tokenFor(ws: TestWorkspace, user: User, scope: TokenScope): Promise<{ id: string; secret: string }> {
  const ctx: Ctx = { db: ws.ctx.db, workspaceId: ws.id, actor: { type: 'user', userId: user.id, role: user.role as Role, label: user.email } };
  const { token, secret } = await createApiToken(ctx, { name: `token ${scope}`, scope });
  return { id: token.id, secret };
}
