/** Edit scopes per role and teams, as the API presents them, and the pure rules of their settings. */
import { ROLE_PERMISSIONS, ROLES, type Role } from '../../../src/platform/auth/permissions.ts';
import type { EditScope } from '../../../src/modules/parties/record-access.ts';

export type { EditScope, Role };

/** From the widest to the narrowest; the server's EDIT_SCOPES in the same order. */
export const EDIT_SCOPES = ['all', 'team', 'own', 'none'] as const satisfies readonly EditScope[];

export type EditScopes = Record<Role, EditScope>;

export interface Team {
  id: string;
  name: string;
  memberCount: number;
}

/**
 * The scope a role has whatever the workspace sets, or null when an admin chooses it: admins change every
 * record, and roles without the permission to change customer records change none.
 */
export function fixedScope(role: Role): EditScope | null {
  if (role === 'admin') return 'all';
  if (!ROLE_PERMISSIONS[role].has('customers:write')) return 'none';
  return null;
}

/** The roles whose scope an admin chooses, in the order of ROLES. */
export const CONFIGURABLE_ROLES: readonly Role[] = ROLES.filter((role) => fixedScope(role) === null);

export function isEditScope(value: unknown): value is EditScope {
  return typeof value === 'string' && (EDIT_SCOPES as readonly string[]).includes(value);
}

/** Whether a team name is already taken, compared as the server does (ignoring case and surrounding spaces). */
export function teamNameTaken(teams: readonly Team[], name: string, exceptId?: string): boolean {
  const wanted = name.trim().toLowerCase();
  return teams.some((team) => team.id !== exceptId && team.name.toLowerCase() === wanted);
}
