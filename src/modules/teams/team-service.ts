/** Teams of users. A customer record's team lets the `team` edit scope share records within a team. */
import { randomUUID } from 'node:crypto';
import { sql, type Selectable } from 'kysely';
import type { TeamsTable } from '../../platform/db/schema.ts';
import { scoped } from '../../platform/db/scoped.ts';
import { inTransaction, type Ctx } from '../../platform/context.ts';
import { recordChange } from '../../platform/events/change-log.ts';
import { AppError, notFound } from '../../platform/errors.ts';

export type Team = Selectable<TeamsTable> & { member_count: number };

export async function listTeams(ctx: Ctx): Promise<Team[]> {
  return scoped(ctx.db, ctx.workspaceId)
    .selectFrom('teams')
    .selectAll('teams')
    .select(
      sql<number>`(select count(*)::int from users u where u.workspace_id = teams.workspace_id and u.team_id = teams.id)`.as('member_count'),
    )
    .orderBy('name')
    .execute();
}

async function assertNameFree(ctx: Ctx, name: string, exceptId?: string): Promise<void> {
  let query = scoped(ctx.db, ctx.workspaceId).selectFrom('teams').select('id').where(sql<boolean>`lower(name) = ${name.toLowerCase()}`);
  if (exceptId) query = query.where('id', '!=', exceptId);
  if (await query.executeTakeFirst()) {
    throw new AppError('conflict', `A team named ${name} already exists`, [{ field: 'body.name', rule: 'must be unique in the workspace' }]);
  }
}

export async function createTeam(ctx: Ctx, name: string): Promise<Team> {
  return inTransaction(ctx, async (tx) => {
    await assertNameFree(tx, name.trim());
    const team = await scoped(tx.db, tx.workspaceId)
      .insertInto('teams', [{ id: randomUUID(), name: name.trim() }])
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordChange(tx, { entity: 'team', entityId: team.id, action: 'create', after: team });
    return { ...team, member_count: 0 };
  });
}

export async function renameTeam(ctx: Ctx, id: string, name: string): Promise<Team> {
  return inTransaction(ctx, async (tx) => {
    const teams = scoped(tx.db, tx.workspaceId);
    const before = await teams.selectFrom('teams').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!before) throw notFound('Team');
    await assertNameFree(tx, name.trim(), id);
    const after = await teams.updateTable('teams').set({ name: name.trim(), updated_at: new Date() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    await recordChange(tx, { entity: 'team', entityId: id, action: 'update', before, after });
    return (await listTeams(tx)).find((t) => t.id === id)!;
  });
}
