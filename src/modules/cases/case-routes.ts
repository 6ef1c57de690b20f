import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

export const caseRoutes: FastifyPluginAsyncTypebox = async () => {};
