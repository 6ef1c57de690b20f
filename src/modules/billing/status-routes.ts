/**
 * /api/status/by-customer-number/:number: what to tell a customer who asks where things stand, on any channel —
 * orders and their deliveries, invoices, returns and repairs, each with a sentence to read out (fr or en).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireAuth } from '../../platform/http/access.ts';
import { ERROR_RESPONSES, StringEnum, Timestamp } from '../../platform/http/schemas.ts';
import { customerStatus } from './status-service.ts';
import { STATUS_LANGUAGES } from './status-summaries.ts';

const NullableString = Type.Union([Type.String(), Type.Null()]);
const Summary = Type.String({ description: 'A sentence to read out to the customer' });

const StatusOut = Type.Object({
  customer: Type.Object({
    id: Type.String(),
    kind: Type.Union([Type.Literal('person'), Type.Literal('organisation')]),
    displayName: Type.String(),
    customerNumber: Type.String(),
  }),
  language: StringEnum(STATUS_LANGUAGES),
  orders: Type.Array(
    Type.Object({
      id: Type.String(),
      number: Type.String(),
      status: Type.String(),
      orderedAt: Timestamp,
      totalInclTax: Type.String(),
      currency: Type.String(),
      isLate: Type.Boolean(),
      deliveries: Type.Array(
        Type.Object({
          number: Type.String(),
          status: Type.String(),
          carrier: NullableString,
          trackingNumber: NullableString,
          promisedOn: NullableString,
          shippedAt: NullableString,
          deliveredAt: NullableString,
          isLate: Type.Boolean(),
        }),
      ),
      summary: Summary,
    }),
  ),
  invoices: Type.Array(
    Type.Object({
      id: Type.String(),
      number: Type.String(),
      kind: Type.String(),
      status: Type.String(),
      issuedOn: Type.String(),
      dueOn: Type.String(),
      totalInclTax: Type.String(),
      balanceDue: Type.String(),
      currency: Type.String(),
      paidAt: NullableString,
      daysOverdue: Type.Integer(),
      creditedInvoiceNumber: NullableString,
      refundOwed: Type.String(),
      summary: Summary,
    }),
  ),
  returns: Type.Array(
    Type.Object({
      id: Type.String(),
      number: Type.String(),
      status: Type.String(),
      orderNumber: Type.String(),
      requestedAt: Timestamp,
      receivedAt: NullableString,
      creditNoteNumber: NullableString,
      summary: Summary,
    }),
  ),
  repairs: Type.Array(
    Type.Object({
      id: Type.String(),
      number: Type.String(),
      status: Type.String(),
      subject: Type.String(),
      openedAt: Timestamp,
      resolutionDueAt: NullableString,
      resolvedAt: NullableString,
      summary: Summary,
    }),
  ),
  summary: Type.String({ description: 'Every sentence, orders first; or a sentence saying there is nothing in progress' }),
});

export const statusRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/status/by-customer-number/:number',
    {
      config: { access: 'customers:read' },
      schema: {
        tags: ['status'],
        summary: 'Where a customer’s orders, deliveries, invoices, returns and repairs stand, with sentences to read out',
        description:
          'The customer number may be typed loosely (any case, with or without dashes; an absorbed number resolves). Shows what is open and what changed in the last 90 days; `reference` narrows the answer to one document number.',
        params: Type.Object({ number: Type.String({ maxLength: 40 }) }, { additionalProperties: false }),
        querystring: Type.Object(
          {
            lang: Type.Optional(StringEnum(STATUS_LANGUAGES, { default: 'fr', description: 'fr (default) or en' })),
            reference: Type.Optional(Type.String({ minLength: 1, maxLength: 40, description: 'An order, delivery, invoice, credit note, return or repair number' })),
          },
          { additionalProperties: false },
        ),
        response: { 200: StatusOut, ...ERROR_RESPONSES },
      },
    },
    async (request) => customerStatus(requireAuth(request).ctx, request.params.number, request.query),
  );
};
