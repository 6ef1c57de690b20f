/** /api/orders/:id/deliveries and /api/deliveries: prepare, list, read and move deliveries along. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireAuth } from '../../platform/http/access.ts';
import { PageQuery, SortQuery } from '../../platform/http/pagination.ts';
import { ERROR_RESPONSES, IdParams, Page, StringEnum } from '../../platform/http/schemas.ts';
import { DELIVERY_STATUSES } from './billing-reference.ts';
import { DeliveryCreate, DeliveryOut, DeliveryStatusChange, REFUSALS } from './billing-schemas.ts';
import { changeDeliveryStatus, createDelivery, DELIVERY_SORT_COLUMNS, getDelivery, listDeliveries, listOrderDeliveries } from './delivery-service.ts';

const SORT_FIELDS = Object.keys(DELIVERY_SORT_COLUMNS) as (keyof typeof DELIVERY_SORT_COLUMNS)[];

export const deliveryRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/orders/:id/deliveries',
    {
      config: { access: 'customers:write', resource: 'order' },
      schema: {
        tags: ['deliveries'],
        summary: 'Prepare a delivery of order lines (by default everything not yet on a delivery)',
        params: IdParams,
        body: DeliveryCreate,
        response: { 201: DeliveryOut, ...ERROR_RESPONSES, ...REFUSALS },
      },
    },
    async (request, reply) => {
      reply.status(201);
      return createDelivery(requireAuth(request).ctx, request.params.id, request.body);
    },
  );

  app.get(
    '/api/orders/:id/deliveries',
    {
      config: { access: 'customers:read', resource: 'order' },
      schema: {
        tags: ['deliveries'],
        summary: 'The deliveries of an order, oldest first',
        params: IdParams,
        response: { 200: Type.Object({ data: Type.Array(DeliveryOut) }), ...ERROR_RESPONSES },
      },
    },
    async (request) => ({ data: await listOrderDeliveries(requireAuth(request).ctx, request.params.id) }),
  );

  app.get(
    '/api/deliveries',
    {
      config: { access: 'customers:read' },
      schema: {
        tags: ['deliveries'],
        summary: 'Deliveries, newest first; late=true for those marked late or past their promised day',
        querystring: Type.Object(
          {
            ...PageQuery,
            sort: SortQuery(SORT_FIELDS, '-createdAt'),
            status: Type.Optional(StringEnum(DELIVERY_STATUSES)),
            late: Type.Optional(Type.Boolean()),
            customerId: Type.Optional(Type.String({ format: 'uuid' })),
            orderId: Type.Optional(Type.String({ format: 'uuid' })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Page(DeliveryOut), ...ERROR_RESPONSES },
      },
    },
    async (request) => listDeliveries(requireAuth(request).ctx, request.query),
  );

  app.get(
    '/api/deliveries/:id',
    {
      config: { access: 'customers:read', resource: 'delivery' },
      schema: { tags: ['deliveries'], summary: 'One delivery with its lines', params: IdParams, response: { 200: DeliveryOut, ...ERROR_RESPONSES } },
    },
    async (request) => getDelivery(requireAuth(request).ctx, request.params.id),
  );

  app.post(
    '/api/deliveries/:id/status',
    {
      config: { access: 'customers:write', resource: 'delivery' },
      schema: {
        tags: ['deliveries'],
        summary: 'Move a delivery: prepared → shipped → delivered, late on the way, or returned to sender',
        description: 'When every ordered quantity is shipped (delivered), the order becomes shipped (delivered).',
        params: IdParams,
        body: DeliveryStatusChange,
        response: { 200: DeliveryOut, ...ERROR_RESPONSES, ...REFUSALS },
      },
    },
    async (request) => changeDeliveryStatus(requireAuth(request).ctx, request.params.id, request.body),
  );
};
