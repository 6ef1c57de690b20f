import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireAuth } from '../../platform/http/access.ts';
import { ERROR_RESPONSES } from '../../platform/http/schemas.ts';
import { searchEverything } from './search-registry.ts';

const Hit = Type.Object({
  kind: Type.String(),
  id: Type.String(),
  title: Type.String(),
  subtitle: Type.Union([Type.String(), Type.Null()]),
  alerts: Type.Optional(Type.Array(Type.String(), { description: 'Open alerts on a customer (dispute, unpaid_invoice, …)' })),
  url: Type.String(),
  score: Type.Number(),
});

export const searchRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/search',
    {
      config: { access: 'search:read' },
      schema: {
        tags: ['search'],
        summary: 'One search box across every kind of record',
        querystring: Type.Object(
          { q: Type.String({ maxLength: 200 }), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ results: Type.Array(Hit) }), ...ERROR_RESPONSES },
      },
    },
    async (request) => ({ results: await searchEverything(requireAuth(request).ctx, request.query.q, request.query.limit ?? 20) }),
  );
};
