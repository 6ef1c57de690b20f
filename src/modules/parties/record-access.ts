/**
 * Who may change which customer record. Everyone in the workspace reads every record; changing one needs the
 * `customers:write` permission and, per role, an edit scope an admin can set: every record, the records of the
 * user's team, their own records, or none. Records nobody owns stay open to the `team` and `own` scopes, so they
 * can be claimed.
 */
import { scoped } from '../../platform/db/scoped.ts';
import { actorUserId, inTransaction, type Ctx } from '../../platform/context.ts';
import { recordChange } from '../../platform/events/change-log.ts';
import { WorkspaceCache } from '../../platform/cache/workspace-cache.ts';
import { AppError } from '../../platform/errors.ts';
import { can, ROLES, type Role } from '../../platform/auth/permissions.ts';

export const EDIT_SCOPES = ['all', 'team', 'own', 'none'] as const;
export type EditScope = (typeof EDIT_SCOPES)[number];

export const DEFAULT_EDIT_SCOPES: Record<Role, EditScope> = {
  admin: 'all',
  manager: 'all',
  sales: 'all',
  marketing: 'all',
  support: 'all',
  read_only: 'none',
};

const scopesCache = new WorkspaceCache<Record<Role, EditScope>>(['record_access']);
const teamsCache = new WorkspaceCache<string | null>(['user']);

/** The edit scope of every role in the workspace, defaults filled in (remembered a few seconds per process). */
export function editScopes(ctx: Ctx): Promise<Record<Role, EditScope>> {
  return scopesCache.get(ctx.workspaceId, 'scopes', () => loadEditScopesUncached(ctx));
}

export async function setEditScopes(ctx: Ctx, changes: Partial<Record<Role, EditScope>>): Promise<Record<Role, EditScope>> {
  return inTransaction(ctx, async (tx) => {
    const before = await editScopes(tx);
    await writeEditScopes(tx, changes);
    const after = await loadEditScopesUncached(tx);
    await recordChange(tx, { entity: 'record_access', entityId: tx.workspaceId, action: 'update', before, after });
    return after;
  });
}

async function loadEditScopesUncached(ctx: Ctx): Promise<Record<Role, EditScope>> {
  const rows = await scoped(ctx.db, ctx.workspaceId).selectFrom('record_access_rules').select(['role', 'edit_scope']).execute();
  const scopes = { ...DEFAULT_EDIT_SCOPES };
  for (const row of rows) scopes[row.role as Role] = row.edit_scope as EditScope;
  return scopes;
}

async function writeEditScopes(ctx: Ctx, changes: Partial<Record<Role, EditScope>>): Promise<void> {
  const rows = ROLES.filter((role) => changes[role] !== undefined && role !== 'admin').map((role) => ({
    workspace_id: ctx.workspaceId,
    role,
    edit_scope: changes[role]!,
    updated_at: new Date(),
  }));
  if (rows.length > 0) {
    await ctx.db
      .insertInto('record_access_rules')
      .values(rows)
      .onConflict((oc) => oc.columns(['workspace_id', 'role']).doUpdateSet((eb) => ({ edit_scope: eb.ref('excluded.edit_scope'), updated_at: new Date() })))
      .execute();
  }
}

export interface EditAccess {
  scope: EditScope;
  userId: string | null;
  teamId: string | null;
}

/** What the acting user may change; computed once per request. */
export async function editAccess(ctx: Ctx): Promise<EditAccess> {
  if (ctx.actor.type === 'system') return { scope: 'all', userId: null, teamId: null };
  if (!can(ctx.actor, 'customers:write')) return { scope: 'none', userId: null, teamId: null };
  const userId = actorUserId(ctx.actor);
  const [scopes, teamId] = await Promise.all([
    editScopes(ctx),
    teamsCache.get(ctx.workspaceId, userId!, async () => {
      const user = await scoped(ctx.db, ctx.workspaceId).selectFrom('users').select('team_id').where('id', '=', userId!).executeTakeFirst();
      return user?.team_id ?? null;
    }),
  ]);
  return { scope: ctx.actor.role === 'admin' ? 'all' : scopes[ctx.actor.role], userId, teamId };
}

export function mayEdit(access: EditAccess, record: { owner_id: string | null; team_id: string | null }): boolean {
  switch (access.scope) {
    case 'all':
      return true;
    case 'none':
      return false;
    case 'own':
      return record.owner_id === null || record.owner_id === access.userId;
    case 'team':
      return (
        record.owner_id === null ||
        record.owner_id === access.userId ||
        (access.teamId !== null && record.team_id === access.teamId)
      );
  }
}

export function assertMayEdit(access: EditAccess, record: { owner_id: string | null; team_id: string | null }): void {
  if (!mayEdit(access, record)) {
    throw new AppError('forbidden', `Forbidden: your role may change ${access.scope === 'none' ? 'no' : access.scope === 'own' ? 'only your own' : "only your team's"} customer records`);
  }
}
