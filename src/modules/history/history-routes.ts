import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireAuth } from '../../platform/http/access.ts';
import { ERROR_RESPONSES, Page, Timestamp } from '../../platform/http/schemas.ts';
import { PageQuery } from '../../platform/http/pagination.ts';
import { notFound } from '../../platform/errors.ts';
import { listEvents, type ChangeEvent } from './history-service.ts';

const EventOut = Type.Object(
  {
    id: Type.Integer(),
    occurredAt: Timestamp,
    actor: Type.Object({
      type: Type.Union([Type.Literal('user'), Type.Literal('token'), Type.Literal('system')]),
      id: Type.Union([Type.String(), Type.Null()]),
      label: Type.Union([Type.String(), Type.Null()]),
    }),
    entity: Type.String(),
    entityId: Type.String(),
    action: Type.Union([Type.Literal('create'), Type.Literal('update'), Type.Literal('delete')]),
    changes: Type.Record(Type.String(), Type.Object({ before: Type.Unknown(), after: Type.Unknown() })),
  },
  { $id: 'ChangeEvent' },
);

/** Bookkeeping columns that say nothing a reader of the history needs. */
const HIDDEN_FIELDS = new Set(['id', 'created_at', 'updated_at']);

/**
 * Field changes under the names the API uses for the record (camelCase), bookkeeping left out. Custom field keys
 * (`custom.budget_annuel`) keep their own spelling, which is how the API names them.
 */
function presentChanges(changes: ChangeEvent['changes']) {
  const out: Record<string, { before: unknown; after: unknown }> = {};
  for (const [column, change] of Object.entries(changes)) {
    if (HIDDEN_FIELDS.has(column)) continue;
    const name = column.startsWith('custom.') ? column : column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
    out[name] = change;
  }
  return out;
}

function presentEvent(event: ChangeEvent) {
  return {
    id: event.id,
    occurredAt: event.occurred_at.toISOString(),
    actor: { type: event.actor_type as 'user' | 'token' | 'system', id: event.actor_id, label: event.actor_label },
    entity: event.entity,
    entityId: event.entity_id,
    action: event.action as 'create' | 'update' | 'delete',
    changes: presentChanges(event.changes),
  };
}

const Entity = Type.String({ pattern: '^[a-z][a-z_]{0,39}$', description: 'Kind of record, such as user' });

export const historyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/history/:entity/:id',
    {
      config: { access: 'history:read', resource: '*' },
      schema: {
        tags: ['history'],
        summary: 'Who changed what on one record, and when (newest first)',
        params: Type.Object({ entity: Entity, id: Type.String({ minLength: 1, maxLength: 100 }) }, { additionalProperties: false }),
        querystring: Type.Object(PageQuery, { additionalProperties: false }),
        response: { 200: Page(EventOut), ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const page = await listEvents(requireAuth(request).ctx, { ...request.query, entity: request.params.entity, entityId: request.params.id });
      // A record with no history in this workspace does not exist here: answer as for any unknown id.
      if (page.data.length === 0 && !request.query.cursor) throw notFound('Record');
      return { data: page.data.map(presentEvent), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/api/events',
    {
      config: { access: 'history:read' },
      schema: {
        tags: ['history'],
        summary: 'Recent changes across the workspace (newest first)',
        querystring: Type.Object({ ...PageQuery, entity: Type.Optional(Entity) }, { additionalProperties: false }),
        response: { 200: Page(EventOut), ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const page = await listEvents(requireAuth(request).ctx, request.query);
      return { data: page.data.map(presentEvent), nextCursor: page.nextCursor };
    },
  );
};
