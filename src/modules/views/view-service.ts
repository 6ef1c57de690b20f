/**
 * Saved list views: the columns, sort and filters of a people or organisations list, kept under a name. A view
 * is personal unless its owner shares it with the workspace; only its owner (or an admin) changes it.
 */
import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { SavedViewsTable } from '../../platform/db/schema.ts';
import { scoped } from '../../platform/db/scoped.ts';
import { actorUserId, inTransaction, type Ctx } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';

export type SavedView = Selectable<SavedViewsTable> & { owner_name: string | null };

export interface ViewInput {
  entity?: 'person' | 'organisation';
  name?: string;
  shared?: boolean;
  columns?: string[];
  sort?: string | null;
  filters?: Record<string, unknown>;
}

function ownerOf(ctx: Ctx): string {
  const userId = actorUserId(ctx.actor);
  if (!userId) throw new AppError('forbidden', 'Forbidden: saved views belong to users');
  return userId;
}

function withOwner(ctx: Ctx) {
  return scoped(ctx.db, ctx.workspaceId)
    .selectFrom('saved_views')
    .leftJoin('users', (join) => join.onRef('users.workspace_id', '=', 'saved_views.workspace_id').onRef('users.id', '=', 'saved_views.owner_id'))
    .selectAll('saved_views')
    .select('users.name as owner_name');
}

/** The caller's views and the shared ones, for one kind of list. */
export async function listViews(ctx: Ctx, entity: 'person' | 'organisation'): Promise<SavedView[]> {
  const userId = ownerOf(ctx);
  return withOwner(ctx)
    .where('saved_views.entity', '=', entity)
    .where((eb) => eb.or([eb('saved_views.owner_id', '=', userId), eb('saved_views.shared', '=', true)]))
    .orderBy('saved_views.name')
    .execute();
}

/** One of the caller's views or a shared one; 404 for any other (exports apply a view by id). */
export async function getVisibleView(ctx: Ctx, id: string): Promise<SavedView> {
  const userId = ownerOf(ctx);
  const view = await withOwner(ctx)
    .where('saved_views.id', '=', id)
    .where((eb) => eb.or([eb('saved_views.owner_id', '=', userId), eb('saved_views.shared', '=', true)]))
    .executeTakeFirst();
  if (!view) throw notFound('Saved view');
  return view;
}

function assertOwner(ctx: Ctx, view: SavedView): void {
  const isAdmin = ctx.actor.type !== 'system' && ctx.actor.role === 'admin';
  if (view.owner_id !== actorUserId(ctx.actor) && !isAdmin) throw new AppError('forbidden', 'Forbidden: only its owner changes a saved view');
}

export async function createView(ctx: Ctx, input: Required<Pick<ViewInput, 'entity' | 'name'>> & ViewInput): Promise<SavedView> {
  const ownerId = ownerOf(ctx);
  const id = randomUUID();
  await scoped(ctx.db, ctx.workspaceId)
    .insertInto('saved_views', [
      {
        id,
        entity: input.entity,
        name: input.name.trim(),
        owner_id: ownerId,
        shared: input.shared ?? false,
        columns: input.columns ?? [],
        sort: input.sort ?? null,
        filters: JSON.stringify(input.filters ?? {}),
      },
    ])
    .execute();
  return getVisibleView(ctx, id);
}

export async function updateView(ctx: Ctx, id: string, input: ViewInput): Promise<SavedView> {
  return inTransaction(ctx, async (tx) => {
    assertOwner(tx, await getVisibleView(tx, id));
    await scoped(tx.db, tx.workspaceId)
      .updateTable('saved_views')
      .set({
        ...(input.name !== undefined ? { name: input.name.trim() } : {}),
        ...(input.shared !== undefined ? { shared: input.shared } : {}),
        ...(input.columns !== undefined ? { columns: input.columns } : {}),
        ...(input.sort !== undefined ? { sort: input.sort } : {}),
        ...(input.filters !== undefined ? { filters: JSON.stringify(input.filters) } : {}),
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
    return getVisibleView(tx, id);
  });
}

export async function deleteView(ctx: Ctx, id: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    assertOwner(tx, await getVisibleView(tx, id));
    await scoped(tx.db, tx.workspaceId).deleteFrom('saved_views').where('id', '=', id).execute();
  });
}
