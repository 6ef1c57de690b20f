/**
 * /api/orders: list, read, create, change notes and contact, move along the status workflow, cancel. Quotes
 * (/api/quotes) are registered alongside, from `quote-routes.ts`.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireAuth } from '../../platform/http/access.ts';
import { ERROR_RESPONSES, IdParams, Page, StringEnum } from '../../platform/http/schemas.ts';
import { PageQuery, SortQuery } from '../../platform/http/pagination.ts';
import { ORDER_STATUSES, SALES_CHANNELS } from '../../shared/commerce/commerce-reference.ts';
import { listOrders, ORDER_SORT_COLUMNS } from './order-list.ts';
import { getOrder } from './order-service.ts';
import { changeOrderStatus, createOrder, updateOrder } from './order-write.ts';
import { CancelBody, OrderCreate, OrderOut, OrderSummaryOut, OrderUpdate, StatusChange } from './order-schemas.ts';
import { quoteRoutes } from './quote-routes.ts';

const CONFLICT = { 409: Type.Ref('ErrorBody'), 422: Type.Ref('ErrorBody') } as const;
const SORT_FIELDS = Object.keys(ORDER_SORT_COLUMNS) as (keyof typeof ORDER_SORT_COLUMNS)[];

export const orderRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/orders',
    {
      config: { access: 'customers:read' },
      schema: {
        tags: ['orders'],
        summary: 'Orders, newest first, filtered by customer, status, channel, period or number',
        querystring: Type.Object(
          {
            ...PageQuery,
            sort: SortQuery(SORT_FIELDS, '-orderedAt'),
            customerId: Type.Optional(Type.String({ format: 'uuid' })),
            status: Type.Optional(StringEnum(ORDER_STATUSES)),
            channel: Type.Optional(StringEnum(SALES_CHANNELS)),
            from: Type.Optional(Type.String({ format: 'date-time', description: 'Ordered at or after' })),
            to: Type.Optional(Type.String({ format: 'date-time', description: 'Ordered before' })),
            q: Type.Optional(Type.String({ maxLength: 40, description: 'Part of the order number' })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Page(OrderSummaryOut), ...ERROR_RESPONSES },
      },
    },
    async (request) => listOrders(requireAuth(request).ctx, request.query),
  );

  app.get(
    '/api/orders/:id',
    {
      config: { access: 'customers:read', resource: 'order' },
      schema: { tags: ['orders'], summary: 'One order with its lines', params: IdParams, response: { 200: OrderOut, ...ERROR_RESPONSES } },
    },
    async (request) => getOrder(requireAuth(request).ctx, request.params.id),
  );

  app.post(
    '/api/orders',
    {
      config: { access: 'customers:write' },
      schema: {
        tags: ['orders'],
        summary: 'Create a confirmed order; lines take the catalogue price unless unitPrice is given',
        description:
          'Malformed numbers answer 400; a line naming an unknown or archived product, or one priced in another currency, answers 422 naming body.lines[i].productId.',
        body: OrderCreate,
        response: { 201: OrderOut, ...ERROR_RESPONSES, ...CONFLICT },
      },
    },
    async (request, reply) => {
      reply.status(201);
      return createOrder(requireAuth(request).ctx, request.body);
    },
  );

  app.patch(
    '/api/orders/:id',
    {
      config: { access: 'customers:write', resource: 'order' },
      schema: {
        tags: ['orders'],
        summary: 'Change the notes or contact of an order read at `version`',
        params: IdParams,
        body: OrderUpdate,
        response: { 200: OrderOut, ...ERROR_RESPONSES, ...CONFLICT },
      },
    },
    async (request) => updateOrder(requireAuth(request).ctx, request.params.id, request.body),
  );

  app.post(
    '/api/orders/:id/status',
    {
      config: { access: 'customers:write', resource: 'order' },
      schema: {
        tags: ['orders'],
        summary: 'Move an order along confirmed → in_preparation → shipped → delivered → completed (409 for a move the workflow forbids)',
        params: IdParams,
        body: StatusChange,
        response: { 200: OrderOut, ...ERROR_RESPONSES, ...CONFLICT },
      },
    },
    async (request) => changeOrderStatus(requireAuth(request).ctx, request.params.id, request.body.status, request.body.reason),
  );

  app.post(
    '/api/orders/:id/cancel',
    {
      config: { access: 'customers:write', resource: 'order' },
      schema: {
        tags: ['orders'],
        summary: 'Cancel an order that has not shipped yet',
        params: IdParams,
        body: CancelBody,
        response: { 200: OrderOut, ...ERROR_RESPONSES, ...CONFLICT },
      },
    },
    async (request) => changeOrderStatus(requireAuth(request).ctx, request.params.id, 'cancelled', request.body.reason),
  );

  await app.register(quoteRoutes);
};
