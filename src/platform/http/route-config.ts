/**
 * What every route must declare. `access` is either `public` or the permission the route needs; `resource`
 * names the kind of record its `:id` parameter points to, so the tenant-isolation test can probe it with
 * another workspace's ids. The app refuses to start with an /api route that declares no access.
 */
import type { Permission } from '../auth/permissions.ts';
import type { Ctx } from '../context.ts';

export type Access = 'public' | 'authenticated' | Permission;

export interface RouteAccess {
  access: Access;
  /** Kind of record named by the `:id` path parameter; `*` when `:entity` says which. */
  resource?: string;
}

export interface AuthState {
  ctx: Ctx;
  via: 'session' | 'token';
  sessionId: string | null;
  csrfToken: string | null;
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
