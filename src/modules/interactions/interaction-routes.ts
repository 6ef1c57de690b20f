import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

export const interactionRoutes: FastifyPluginAsyncTypebox = async () => {};
