/**
 * /api/interactions: log, list, read, change (guarded by the version read) and delete what was exchanged with
 * customers; the attachment routes (for interactions and cases) are registered alongside.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireAuth } from '../../platform/http/access.ts';
import { ERROR_RESPONSES, IdParams, Page } from '../../platform/http/schemas.ts';
import { attachmentStore } from '../../platform/storage/attachment-store.ts';
import { attachmentRoutes } from './attachment-routes.ts';
import { presentInteraction } from './interaction-presenter.ts';
import { InteractionCreate, InteractionListQuery, InteractionOut, InteractionUpdate } from './interaction-schemas.ts';
import { createInteraction, deleteInteraction, getInteraction, listInteractions, updateInteraction } from './interaction-service.ts';

const TAGS = ['interactions'];
const REFUSALS = { 409: Type.Ref('ErrorBody'), 422: Type.Ref('ErrorBody') } as const;

export const interactionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const store = attachmentStore(app.deps.config);

  app.get(
    '/api/interactions',
    {
      config: { access: 'customers:read' },
      schema: { tags: TAGS, summary: 'List interactions, newest first', querystring: InteractionListQuery, response: { 200: Page(InteractionOut), ...ERROR_RESPONSES } },
    },
    async (request) => {
      const page = await listInteractions(requireAuth(request).ctx, request.query);
      return { data: page.data.map(presentInteraction), nextCursor: page.nextCursor };
    },
  );

  app.post(
    '/api/interactions',
    {
      config: { access: 'customers:write' },
      schema: {
        tags: TAGS,
        summary: 'Log an interaction (call, e-mail, meeting, visit…) with its participants; it appears on each contact’s timeline',
        body: InteractionCreate,
        response: { 201: InteractionOut, ...ERROR_RESPONSES, ...REFUSALS },
      },
    },
    async (request, reply) => {
      const detail = await createInteraction(requireAuth(request).ctx, request.body);
      reply.status(201);
      return presentInteraction(detail);
    },
  );

  app.get(
    '/api/interactions/:id',
    {
      config: { access: 'customers:read', resource: 'interaction' },
      schema: { tags: TAGS, summary: 'One interaction with its participants', params: IdParams, response: { 200: InteractionOut, ...ERROR_RESPONSES } },
    },
    async (request) => presentInteraction(await getInteraction(requireAuth(request).ctx, request.params.id)),
  );

  app.patch(
    '/api/interactions/:id',
    {
      config: { access: 'customers:write', resource: 'interaction' },
      schema: {
        tags: TAGS,
        summary: 'Change an interaction; answers 409 with the current one when it changed since you read it',
        params: IdParams,
        body: InteractionUpdate,
        response: { 200: InteractionOut, ...ERROR_RESPONSES, ...REFUSALS },
      },
    },
    async (request) => presentInteraction(await updateInteraction(requireAuth(request).ctx, request.params.id, request.body)),
  );

  app.delete(
    '/api/interactions/:id',
    {
      config: { access: 'customers:write', resource: 'interaction' },
      schema: {
        tags: TAGS,
        summary: 'Delete an interaction with its attachments and timeline entries',
        params: IdParams,
        response: { 204: Type.Null(), ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      await deleteInteraction(requireAuth(request).ctx, store, request.params.id);
      return reply.status(204).send(null);
    },
  );

  await app.register(attachmentRoutes, { store, maxBytes: app.deps.config.attachments.maxBytes });
};
