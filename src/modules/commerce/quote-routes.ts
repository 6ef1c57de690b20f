/** /api/quotes: list, read, draft, change, send, accept (creating the order), decline, expire. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireAuth } from '../../platform/http/access.ts';
import { ERROR_RESPONSES, IdParams, Page, StringEnum } from '../../platform/http/schemas.ts';
import { PageQuery, SortQuery } from '../../platform/http/pagination.ts';
import { QUOTE_STATUSES } from '../../shared/commerce/commerce-reference.ts';
import { listQuotes, QUOTE_SORT_COLUMNS } from './order-list.ts';
import { acceptQuote, createQuote, getQuote, moveQuote, updateQuote } from './quote-service.ts';
import { OrderOut, QuoteCreate, QuoteOut, QuoteSummaryOut, QuoteUpdate } from './order-schemas.ts';

const CONFLICT = { 409: Type.Ref('ErrorBody'), 422: Type.Ref('ErrorBody') } as const;
const SORT_FIELDS = Object.keys(QUOTE_SORT_COLUMNS) as (keyof typeof QUOTE_SORT_COLUMNS)[];
const NoBody = Type.Optional(Type.Object({}, { additionalProperties: false, examples: [{}] }));

export const quoteRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/quotes',
    {
      config: { access: 'customers:read' },
      schema: {
        tags: ['quotes'],
        summary: 'Quotes, newest first',
        querystring: Type.Object(
          {
            ...PageQuery,
            sort: SortQuery(SORT_FIELDS, '-createdAt'),
            customerId: Type.Optional(Type.String({ format: 'uuid' })),
            status: Type.Optional(StringEnum(QUOTE_STATUSES)),
          },
          { additionalProperties: false },
        ),
        response: { 200: Page(QuoteSummaryOut), ...ERROR_RESPONSES },
      },
    },
    async (request) => listQuotes(requireAuth(request).ctx, request.query),
  );

  app.get(
    '/api/quotes/:id',
    {
      config: { access: 'customers:read', resource: 'quote' },
      schema: { tags: ['quotes'], summary: 'One quote with its lines', params: IdParams, response: { 200: QuoteOut, ...ERROR_RESPONSES } },
    },
    async (request) => getQuote(requireAuth(request).ctx, request.params.id),
  );

  app.post(
    '/api/quotes',
    {
      config: { access: 'customers:write' },
      schema: { tags: ['quotes'], summary: 'Draft a quote', body: QuoteCreate, response: { 201: QuoteOut, ...ERROR_RESPONSES, ...CONFLICT } },
    },
    async (request, reply) => {
      reply.status(201);
      return createQuote(requireAuth(request).ctx, request.body);
    },
  );

  app.patch(
    '/api/quotes/:id',
    {
      config: { access: 'customers:write', resource: 'quote' },
      schema: {
        tags: ['quotes'],
        summary: 'Change a draft or sent quote read at `version`; lines, when given, replace the old ones',
        params: IdParams,
        body: QuoteUpdate,
        response: { 200: QuoteOut, ...ERROR_RESPONSES, ...CONFLICT },
      },
    },
    async (request) => updateQuote(requireAuth(request).ctx, request.params.id, request.body),
  );

  for (const status of ['sent', 'declined', 'expired'] as const) {
    const verb = { sent: 'send', declined: 'decline', expired: 'expire' }[status];
    app.post(
      `/api/quotes/:id/${verb}`,
      {
        config: { access: 'customers:write', resource: 'quote' },
        schema: {
          tags: ['quotes'],
          summary: `Mark a quote ${status}`,
          params: IdParams,
          body: NoBody,
          response: { 200: QuoteOut, ...ERROR_RESPONSES, ...CONFLICT },
        },
      },
      async (request) => moveQuote(requireAuth(request).ctx, request.params.id, status),
    );
  }

  app.post(
    '/api/quotes/:id/accept',
    {
      config: { access: 'customers:write', resource: 'quote' },
      schema: {
        tags: ['quotes'],
        summary: 'Accept a quote: creates the confirmed order from its lines and links it',
        params: IdParams,
        body: NoBody,
        response: { 200: Type.Object({ quote: QuoteOut, order: OrderOut }), ...ERROR_RESPONSES, ...CONFLICT },
      },
    },
    async (request) => acceptQuote(requireAuth(request).ctx, request.params.id),
  );
};
