/**
 * Merges of two records into one, their preview and their undo.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireAuth } from '../../platform/http/access.ts';
import { ERROR_RESPONSES, IdParams } from '../../platform/http/schemas.ts';
import { listMerges, mergeParties, previewMerge } from './merge-service.ts';
import { undoMerge } from './merge-undo.ts';
import { presentPreview } from './merge-presenter.ts';
import { MergeCreate, MergeListQuery, MergeOut, MergePreviewOut, MergePreviewQuery } from './merge-schemas.ts';

const WRITE_ERRORS = { ...ERROR_RESPONSES, 409: Type.Ref('ErrorBody') } as const;

export const mergeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/merges/preview',
    {
      config: { access: 'duplicates:merge' },
      schema: {
        tags: ['duplicates'],
        summary: 'What merging absorbedId into survivorId would keep, unite and move, without doing it',
        querystring: MergePreviewQuery,
        response: { 200: MergePreviewOut, ...WRITE_ERRORS },
      },
    },
    async (request) => {
      const { ctx } = requireAuth(request);
      const { survivorId, absorbedId, strategy } = request.query;
      const preview = await previewMerge(ctx, { survivorId, absorbedId, strategy: strategy ?? 'most_complete' });
      return presentPreview(preview.survivor, preview.absorbed, preview.result, preview.moves);
    },
  );

  app.post(
    '/api/merges',
    {
      config: { access: 'duplicates:merge' },
      schema: {
        tags: ['duplicates'],
        summary: 'Merge absorbedId into survivorId: values by strategy and picks, every related row moved; 409 for an erased or already merged record',
        body: MergeCreate,
        response: { 201: MergeOut, ...WRITE_ERRORS },
      },
    },
    async (request, reply) => {
      const { ctx } = requireAuth(request);
      const merge = await mergeParties(ctx, request.body);
      reply.status(201);
      return merge;
    },
  );

  app.post(
    '/api/merges/:id/undo',
    {
      config: { access: 'duplicates:merge', resource: 'merge' },
      schema: {
        tags: ['duplicates'],
        summary: 'Undo a merge; 409 while a later merge involving the survivor is in force or when a record changed since',
        params: IdParams,
        response: { 200: MergeOut, ...WRITE_ERRORS },
      },
    },
    async (request) => undoMerge(requireAuth(request).ctx, request.params.id),
  );

  app.get(
    '/api/merges',
    {
      config: { access: 'duplicates:merge' },
      schema: {
        tags: ['duplicates'],
        summary: 'The merges a record took part in, newest first (the latest 100 of the workspace without partyId)',
        querystring: MergeListQuery,
        response: { 200: Type.Object({ items: Type.Array(MergeOut) }), ...ERROR_RESPONSES },
      },
    },
    async (request) => ({ items: await listMerges(requireAuth(request).ctx, request.query) }),
  );
};
