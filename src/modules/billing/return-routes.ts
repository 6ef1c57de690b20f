/** /api/orders/:id/returns and /api/returns/:id: request a return, receive it, refund it (credit note) or reject it. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireAuth } from '../../platform/http/access.ts';
import { ERROR_RESPONSES, IdParams } from '../../platform/http/schemas.ts';
import { REFUSALS, ReturnCreate, ReturnOut, ReturnStatusNote } from './billing-schemas.ts';
import { changeReturnStatus, createReturn, getReturn, listOrderReturns } from './return-service.ts';

const ACTIONS = [
  { verb: 'receive', status: 'received', access: 'customers:write', summary: 'Mark a requested return as received' },
  { verb: 'refund', status: 'refunded', access: 'billing:write', summary: 'Refund a received return: issues the credit note for its lines' },
  { verb: 'reject', status: 'rejected', access: 'customers:write', summary: 'Reject a requested or received return' },
] as const;

export const returnRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/orders/:id/returns',
    {
      config: { access: 'customers:write', resource: 'order' },
      schema: {
        tags: ['returns'],
        summary: 'Request a return of delivered quantities (at most delivered minus already returned)',
        params: IdParams,
        body: ReturnCreate,
        response: { 201: ReturnOut, ...ERROR_RESPONSES, ...REFUSALS },
      },
    },
    async (request, reply) => {
      reply.status(201);
      return createReturn(requireAuth(request).ctx, request.params.id, request.body);
    },
  );

  app.get(
    '/api/orders/:id/returns',
    {
      config: { access: 'customers:read', resource: 'order' },
      schema: { tags: ['returns'], summary: 'The returns of an order', params: IdParams, response: { 200: Type.Object({ data: Type.Array(ReturnOut) }), ...ERROR_RESPONSES } },
    },
    async (request) => ({ data: await listOrderReturns(requireAuth(request).ctx, request.params.id) }),
  );

  app.get(
    '/api/returns/:id',
    {
      config: { access: 'customers:read', resource: 'return' },
      schema: { tags: ['returns'], summary: 'One return with its lines', params: IdParams, response: { 200: ReturnOut, ...ERROR_RESPONSES } },
    },
    async (request) => getReturn(requireAuth(request).ctx, request.params.id),
  );

  for (const action of ACTIONS) {
    app.post(
      `/api/returns/:id/${action.verb}`,
      {
        config: { access: action.access, resource: 'return' },
        schema: { tags: ['returns'], summary: action.summary, params: IdParams, body: ReturnStatusNote, response: { 200: ReturnOut, ...ERROR_RESPONSES, ...REFUSALS } },
      },
      async (request) => changeReturnStatus(requireAuth(request).ctx, request.params.id, action.status, request.body?.note),
    );
  }
};
