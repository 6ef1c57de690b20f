/**
 * What follows an order: deliveries, invoices with their payments and credit notes, and returns. Each part
 * declares its own routes; this plugin gathers them. Reading needs customers:read; deliveries and returns
 * customers:write; invoices, payments, credit notes and refunds billing:write.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { deliveryRoutes } from './delivery-routes.ts';
import { invoiceRoutes } from './invoice-routes.ts';
import { returnRoutes } from './return-routes.ts';

export const billingRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(deliveryRoutes);
  await app.register(invoiceRoutes);
  await app.register(returnRoutes);
};
