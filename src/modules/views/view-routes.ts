import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireAuth } from '../../platform/http/access.ts';
import { ERROR_RESPONSES, IdParams, NonBlankString, StringEnum, Timestamp } from '../../platform/http/schemas.ts';
import { actorUserId } from '../../platform/context.ts';
import { createView, deleteView, listViews, updateView, type SavedView } from './view-service.ts';

const Entity = StringEnum(['person', 'organisation'] as const);
const Columns = Type.Array(Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_.]{0,60}$' }), { maxItems: 60 });
const Sort = Type.Union([Type.String({ pattern: '^-?[A-Za-z]{1,40}$' }), Type.Null()]);
const Filters = Type.Record(Type.String({ pattern: '^[A-Za-z]{1,40}$' }), Type.Unknown(), {
  description: 'The list query parameters of the view (role, city, tag, custom, …)',
});

const ViewOut = Type.Object({
  id: Type.String(),
  entity: Type.String(),
  name: Type.String(),
  shared: Type.Boolean(),
  mine: Type.Boolean(),
  owner: Type.Object({ id: Type.String(), name: Type.Union([Type.String(), Type.Null()]) }),
  columns: Type.Array(Type.String()),
  sort: Type.Union([Type.String(), Type.Null()]),
  filters: Type.Record(Type.String(), Type.Unknown()),
  updatedAt: Timestamp,
});

function present(view: SavedView, userId: string | null) {
  return {
    id: view.id,
    entity: view.entity,
    name: view.name,
    shared: view.shared,
    mine: view.owner_id === userId,
    owner: { id: view.owner_id, name: view.owner_name },
    columns: view.columns,
    sort: view.sort,
    filters: view.filters,
    updatedAt: new Date(view.updated_at).toISOString(),
  };
}

export const viewRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/views',
    {
      config: { access: 'customers:read' },
      schema: {
        tags: ['views'],
        summary: 'Your saved views and the shared ones',
        querystring: Type.Object({ entity: Entity }, { additionalProperties: false }),
        response: { 200: Type.Object({ data: Type.Array(ViewOut) }), ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const { ctx } = requireAuth(request);
      const userId = actorUserId(ctx.actor);
      return { data: (await listViews(ctx, request.query.entity)).map((v) => present(v, userId)) };
    },
  );

  app.post(
    '/api/views',
    {
      config: { access: 'views:write' },
      schema: {
        tags: ['views'],
        summary: 'Save a list view',
        body: Type.Object(
          {
            entity: Entity,
            name: NonBlankString(80),
            shared: Type.Optional(Type.Boolean()),
            columns: Type.Optional(Columns),
            sort: Type.Optional(Sort),
            filters: Type.Optional(Filters),
          },
          {
            additionalProperties: false,
            examples: [{ entity: 'person', name: 'Clients lyonnais', columns: ['displayName', 'city', 'roles'], sort: 'name', filters: { role: 'customer', city: 'Lyon' } }],
          },
        ),
        response: { 201: ViewOut, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const { ctx } = requireAuth(request);
      reply.status(201);
      return present(await createView(ctx, request.body), actorUserId(ctx.actor));
    },
  );

  app.patch(
    '/api/views/:id',
    {
      config: { access: 'views:write', resource: 'saved_view' },
      schema: {
        tags: ['views'],
        summary: 'Change a saved view you own',
        params: IdParams,
        body: Type.Object(
          {
            name: Type.Optional(NonBlankString(80)),
            shared: Type.Optional(Type.Boolean()),
            columns: Type.Optional(Columns),
            sort: Type.Optional(Sort),
            filters: Type.Optional(Filters),
          },
          { additionalProperties: false, minProperties: 1, examples: [{ shared: true }] },
        ),
        response: { 200: ViewOut, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const { ctx } = requireAuth(request);
      return present(await updateView(ctx, request.params.id, request.body), actorUserId(ctx.actor));
    },
  );

  app.delete(
    '/api/views/:id',
    {
      config: { access: 'views:write', resource: 'saved_view' },
      schema: { tags: ['views'], summary: 'Delete a saved view you own', params: IdParams, response: { 204: Type.Null(), ...ERROR_RESPONSES } },
    },
    async (request, reply) => {
      await deleteView(requireAuth(request).ctx, request.params.id);
      return reply.status(204).send(null);
    },
  );
};
