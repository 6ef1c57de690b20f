/**
 * Roles and what they may do: the single place where permissions are decided. Every route declares the
 * permission it needs (see `http/route-config.ts`); `authorize` below is the only check.
 */
import { AppError } from '../errors.ts';
import type { Actor } from '../context.ts';

export const ROLES = ['admin', 'manager', 'sales', 'marketing', 'support', 'read_only'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Each permission is `area:level`. A `read` permission is granted to read-scoped API tokens; anything else
 * needs a read-write token.
 */
export const PERMISSIONS = {
  'workspace:read': 'read',
  'workspace:manage': 'write',
  'users:read': 'read',
  'users:manage': 'write',
  'history:read': 'read',
  'search:read': 'read',
  'profile:read': 'read',
  'profile:write': 'write',
  'jobs:read': 'read',
  'customers:read': 'read',
  'views:write': 'write',
  'customers:write': 'write',
  'customers:sensitive': 'read',
  'customers:privacy': 'write',
  'customers:configure': 'write',
  'billing:write': 'write',
  'catalogue:manage': 'write',
  'service:configure': 'write',
  'data:import': 'write',
  'data:export': 'read',
  'duplicates:merge': 'write',
  'duplicates:configure': 'write',
} as const;
export type Permission = keyof typeof PERMISSIONS;

const EVERYONE: Permission[] = [
  'workspace:read',
  'users:read',
  'history:read',
  'search:read',
  'profile:read',
  'profile:write',
  'customers:read',
  'views:write',
];
// Which customer records each of these roles may change is narrowed further per record by the workspace's
// record access rules (see modules/parties/record-access.ts).
const WRITERS: Permission[] = [...EVERYONE, 'customers:write'];

export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  admin: new Set(Object.keys(PERMISSIONS) as Permission[]),
  // Managers answer subject access and erasure requests and see fields marked sensitive.
  // Managers also run invoicing and payments, the catalogue and the after-sales service targets.
  // Managers also bring data in, take lists out, merge duplicates and set the duplicate thresholds.
  manager: new Set([
    ...WRITERS,
    'jobs:read',
    'customers:sensitive',
    'customers:privacy',
    'billing:write',
    'catalogue:manage',
    'service:configure',
    'data:import',
    'data:export',
    'duplicates:merge',
    'duplicates:configure',
  ]),
  // Sales people invoice and record payments for their own deals, and export their lists.
  sales: new Set([...WRITERS, 'billing:write', 'data:export']),
  // Marketing keeps the base clean: imports, exports and merges.
  marketing: new Set([...WRITERS, 'data:import', 'data:export', 'duplicates:merge']),
  // After-sales staff often need sensitive details (health of a device owner, a dispute) to serve the customer.
  support: new Set([...WRITERS, 'customers:sensitive']),
  // Read-only users still manage their own profile (language, password) and API tokens.
  read_only: new Set(EVERYONE),
};

export function can(actor: Actor, permission: Permission): boolean {
  if (actor.type === 'system') return true;
  if (!ROLE_PERMISSIONS[actor.role].has(permission)) return false;
  if (actor.type === 'token' && actor.scope === 'read' && PERMISSIONS[permission] !== 'read') return false;
  return true;
}

/** Throws 403 unless the actor holds the permission. */
export function authorize(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) {
    const why =
      actor.type === 'token' && actor.scope === 'read' && PERMISSIONS[permission] !== 'read'
        ? 'this API token is read-only'
        : `your role does not allow ${permission}`;
    throw new AppError('forbidden', `Forbidden: ${why}`);
  }
}
