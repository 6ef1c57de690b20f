/**
 * Reading the change log: the history of one record, or the workspace's recent activity.
 */
import type { Selectable } from 'kysely';
import type { EventsTable } from '../../platform/db/schema.ts';
import { scoped } from '../../platform/db/scoped.ts';
import type { Ctx } from '../../platform/context.ts';
import { paginate, type PageRequest, type PageResult } from '../../platform/http/pagination.ts';

export type ChangeEvent = Selectable<EventsTable>;

export interface ListEventsOptions extends Omit<PageRequest, 'sort'> {
  entity?: string;
  entityId?: string;
}

/** Newest first. */
export async function listEvents(ctx: Ctx, options: ListEventsOptions): Promise<PageResult<ChangeEvent>> {
  let query = scoped(ctx.db, ctx.workspaceId).selectFrom('events').selectAll('events');
  if (options.entity) query = query.where('entity', '=', options.entity);
  if (options.entityId) query = query.where('entity_id', '=', options.entityId);
  return paginate(query, { ...options, sort: '-id' }, { sortColumns: { id: 'events.id' }, defaultSort: '-id', idColumn: 'events.id' });
}
