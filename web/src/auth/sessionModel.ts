/** Who is signed in and what they may do, as /api/me tells it. Pure functions only. */
import type { Permission } from '../../../src/platform/auth/permissions.ts';
import type { User } from '../users/userModel.ts';

export type { Permission };

export interface Workspace {
  id: string;
  name: string;
  slug: string;
}

export interface Me {
  user: User;
  workspace: Workspace;
  permissions: string[];
  csrfToken: string;
}

/** The body of a successful login or invitation acceptance. */
export interface SessionStart {
  user: User;
  workspace: Workspace;
  csrfToken: string;
}

/** True when the signed-in user holds at least one of `permissions`. */
export function hasPermission(me: Pick<Me, 'permissions'>, ...permissions: Permission[]): boolean {
  return permissions.some((permission) => me.permissions.includes(permission));
}

/** Pages that anyone may open; a 401 there is not a reason to go to the login page. */
export const PUBLIC_PATHS: readonly string[] = ['/login', '/accept-invite'];

/**
 * Where to go after signing in: the page the user was sent away from, if it is a path of this app.
 * Anything else (another origin, `//evil.example`, a public page) falls back to the home page.
 */
export function safeRedirect(target: unknown): string {
  if (typeof target !== 'string' || !target.startsWith('/') || target.startsWith('//') || target.startsWith('/\\')) {
    return '/';
  }
  const path = target.split(/[?#]/)[0] ?? '/';
  return PUBLIC_PATHS.includes(path) ? '/' : target;
}
