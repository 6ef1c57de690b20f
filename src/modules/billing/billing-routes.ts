import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

export const billingRoutes: FastifyPluginAsyncTypebox = async () => {};
