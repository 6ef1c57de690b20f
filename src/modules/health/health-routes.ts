import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { pingDatabase } from '../../platform/db/database.ts';

export const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['health'],
        summary: 'Liveness and database check',
        security: [],
        response: {
          200: Type.Object({ status: Type.Literal('ok'), database: Type.Literal('ok'), engine: Type.String() }),
          503: Type.Object({ status: Type.Literal('unavailable'), database: Type.Literal('down'), engine: Type.String() }),
        },
      },
    },
    async (_request, reply) => {
      const engine = app.deps.engine;
      if (await pingDatabase(app.deps.db)) return { status: 'ok' as const, database: 'ok' as const, engine };
      return reply.status(503).send({ status: 'unavailable' as const, database: 'down' as const, engine });
    },
  );
};
