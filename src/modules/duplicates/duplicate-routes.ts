/**
 * Likely duplicates: scan, review queue, ignore, check before creating, thresholds.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireAuth } from '../../platform/http/access.ts';
import { ERROR_RESPONSES, IdParams } from '../../platform/http/schemas.ts';
import { checkDuplicates } from './duplicate-check.ts';
import { checkedRecord } from './duplicate-check-body.ts';
import { enqueueScan } from './duplicate-jobs.ts';
import { bulkDecide, duplicateSummary, ignoreCandidate, listCandidates, reopenCandidate } from './duplicate-service.ts';
import { getDuplicateSettings, saveDuplicateSettings } from './duplicate-settings.ts';
import {
  BulkBody,
  BulkOut,
  CandidateListQuery,
  CandidateOut,
  CandidatePage,
  CheckBody,
  MatchOut,
  ScanBody,
  SettingsBody,
  SummaryOut,
} from './duplicate-schemas.ts';

const WRITE_ERRORS = { ...ERROR_RESPONSES, 409: Type.Ref('ErrorBody') } as const;

export const duplicateRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/duplicates',
    {
      config: { access: 'customers:read' },
      schema: {
        tags: ['duplicates'],
        summary: 'Likely duplicate pairs, highest score first (open ones unless status says otherwise)',
        querystring: CandidateListQuery,
        response: { 200: CandidatePage, ...ERROR_RESPONSES },
      },
    },
    async (request) => listCandidates(requireAuth(request).ctx, request.query),
  );

  app.get(
    '/api/duplicates/summary',
    {
      config: { access: 'customers:read' },
      schema: { tags: ['duplicates'], summary: 'Open pairs per kind, last scan, scan under way', response: { 200: SummaryOut, ...ERROR_RESPONSES } },
    },
    async (request) => duplicateSummary(requireAuth(request).ctx),
  );

  app.post(
    '/api/duplicates/scan',
    {
      config: { access: 'duplicates:merge' },
      schema: {
        tags: ['duplicates'],
        summary: 'Scan the workspace for duplicates in the background (both kinds unless kind is given)',
        body: ScanBody,
        response: { 202: Type.Object({ jobId: Type.Integer() }), ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const jobId = await enqueueScan(requireAuth(request).ctx, request.body?.kind);
      reply.status(202);
      return { jobId };
    },
  );

  app.post(
    '/api/duplicates/check',
    {
      config: { access: 'customers:read' },
      schema: {
        tags: ['duplicates'],
        summary: 'The existing records a record about to be created most likely duplicates (at most 5, best first)',
        body: CheckBody,
        response: { 200: Type.Object({ matches: Type.Array(MatchOut) }), ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const { ctx } = requireAuth(request);
      const { kind, record, excludeId } = request.body;
      return { matches: await checkDuplicates(ctx, kind, checkedRecord(record), { excludeId, limit: 5 }) };
    },
  );

  app.get(
    '/api/duplicates/settings',
    {
      config: { access: 'duplicates:configure' },
      schema: { tags: ['duplicates'], summary: 'Thresholds and auto-merge', response: { 200: SettingsBody, ...ERROR_RESPONSES } },
    },
    async (request) => getDuplicateSettings(requireAuth(request).ctx),
  );

  app.put(
    '/api/duplicates/settings',
    {
      config: { access: 'duplicates:configure' },
      schema: {
        tags: ['duplicates'],
        summary: 'Change the thresholds (possible ≤ match ≤ auto-merge) and auto-merge',
        body: SettingsBody,
        response: { 200: SettingsBody, ...ERROR_RESPONSES },
      },
    },
    async (request) => saveDuplicateSettings(requireAuth(request).ctx, request.body),
  );

  app.post(
    '/api/duplicates/bulk',
    {
      config: { access: 'duplicates:merge' },
      schema: {
        tags: ['duplicates'],
        summary: 'Ignore or merge several pairs; each succeeds or fails on its own (merge keeps the more complete record)',
        body: BulkBody,
        response: { 200: BulkOut, ...ERROR_RESPONSES },
      },
    },
    async (request) => bulkDecide(requireAuth(request).ctx, request.body.ids, request.body.action),
  );

  for (const [action, decide] of [
    ['ignore', ignoreCandidate],
    ['reopen', reopenCandidate],
  ] as const) {
    app.post(
      `/api/duplicates/:id/${action}`,
      {
        config: { access: 'duplicates:merge', resource: 'duplicate' },
        schema: {
          tags: ['duplicates'],
          summary: action === 'ignore' ? 'Not a duplicate: the pair stays ignored by later scans' : 'Put an ignored pair back in the queue',
          params: IdParams,
          response: { 200: CandidateOut, ...WRITE_ERRORS },
        },
      },
      async (request) => decide(requireAuth(request).ctx, request.params.id),
    );
  }
};
