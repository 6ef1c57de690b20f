/**
 * What every route must declare. `access` is either `public` or the permission the route needs; `resource`
 * names the kind of record its `:id` parameter points to, so the tenant-isolation test can probe it with
 * another workspace's ids. The app refuses to start with an /api route that declares no access.
 */
import type { Permission, Role } from '../auth/permissions.ts';
import type { Ctx } from '../context.ts';

export type Access = 'public' | 'authenticated' | Permission;

export interface RouteAccess {
  access: Access;
  /** Kind of record named by the `:id` path parameter; `*` when `:entity` says which. */
  resource?: string;
}

/** The signed-in user as read with the credentials: everything but secrets. */
export interface SignedInUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  status: string;
  locale: string | null;
  last_login_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export interface AuthState {
  ctx: Ctx;
  via: 'session' | 'token';
  sessionId: string | null;
  csrfToken: string | null;
  user: SignedInUser;
  workspace: { id: string; name: string; slug: string };
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    resource?: string;
  }
  interface FastifyRequest {
    auth: AuthState | null;
  }
}
