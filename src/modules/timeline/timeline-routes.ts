import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

export const timelineRoutes: FastifyPluginAsyncTypebox = async () => {};
