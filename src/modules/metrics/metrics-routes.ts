/**
 * A customer's purchase metrics, and the customer 360 view: profile, metrics, open alerts and the latest
 * timeline entries in one answer (what a screen or an agent needs when the customer calls).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireAuth } from '../../platform/http/access.ts';
import { ERROR_RESPONSES, IdParams } from '../../platform/http/schemas.ts';
import { PartyOut } from '../parties/party-schemas.ts';
import { TimelineEntryOut } from '../timeline/timeline-routes.ts';
import { MetricsOut } from './metrics-presenter.ts';
import { customerMetrics, customerOverview } from './metrics-queries.ts';

export const metricsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/parties/:id/metrics',
    {
      config: { access: 'customers:read', resource: 'party' },
      schema: {
        tags: ['metrics'],
        summary: "The customer's purchase-behaviour metrics (revenue, margin, basket, frequency, payments, returns, cases, NPS)",
        params: IdParams,
        response: { 200: MetricsOut, ...ERROR_RESPONSES },
      },
    },
    async (request) => customerMetrics(requireAuth(request).ctx, request.params.id),
  );

  app.get(
    '/api/parties/:id/overview',
    {
      config: { access: 'customers:read', resource: 'party' },
      schema: {
        tags: ['metrics'],
        summary: 'Customer 360: the record, its metrics and its latest timeline entries',
        params: IdParams,
        querystring: Type.Object({ events: Type.Optional(Type.Integer({ minimum: 0, maximum: 50, default: 10 })) }, { additionalProperties: false }),
        response: {
          200: Type.Object({ party: PartyOut, metrics: MetricsOut, latest: Type.Array(TimelineEntryOut) }),
          ...ERROR_RESPONSES,
        },
      },
    },
    async (request) => customerOverview(requireAuth(request).ctx, request.params.id, request.query.events ?? 10),
  );
};
