/**
 * /api/orders/:id/invoices and /api/invoices: invoice an order, list and read invoices (with their payments and
 * credit notes), their totals, cancel one, record a payment, issue a credit note; /api/orders/:id/billing gives
 * everything that followed an order in one answer.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireAuth } from '../../platform/http/access.ts';
import { PageQuery, SortQuery } from '../../platform/http/pagination.ts';
import { ERROR_RESPONSES, IdParams, Page, StringEnum } from '../../platform/http/schemas.ts';
import { INVOICE_KINDS, INVOICE_STATUSES } from './billing-reference.ts';
import {
  CreditNoteCreate,
  InvoiceCancel,
  InvoiceCreate,
  InvoiceOut,
  InvoiceSummaryOut,
  InvoiceTotalsOut,
  OrderBillingOut,
  PaymentCreate,
  PaymentResultOut,
  REFUSALS,
} from './billing-schemas.ts';
import { createCreditNote } from './credit-note-service.ts';
import { getInvoice, INVOICE_SORT_COLUMNS, invoiceTotals, listInvoices } from './invoice-read.ts';
import { cancelInvoice, invoiceOrder } from './invoice-service.ts';
import { getOrderBilling } from './order-billing.ts';
import { recordPayment } from './payment-service.ts';

const SORT_FIELDS = Object.keys(INVOICE_SORT_COLUMNS) as (keyof typeof INVOICE_SORT_COLUMNS)[];

const InvoiceFilters = {
  kind: Type.Optional(StringEnum(INVOICE_KINDS, { description: 'invoice (the default) or credit_note' })),
  status: Type.Optional(StringEnum(INVOICE_STATUSES)),
  overdue: Type.Optional(Type.Boolean({ description: 'Open or partially paid with a due date before today' })),
  customerId: Type.Optional(Type.String({ format: 'uuid' })),
  orderId: Type.Optional(Type.String({ format: 'uuid' })),
  from: Type.Optional(Type.String({ format: 'date', description: 'Issued on or after' })),
  to: Type.Optional(Type.String({ format: 'date', description: 'Issued on or before' })),
};

export const invoiceRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/orders/:id/billing',
    {
      config: { access: 'customers:read', resource: 'order' },
      schema: {
        tags: ['invoices'],
        summary: 'What followed an order: per line delivered, invoiced, credited and returned; deliveries, invoices, returns, totals',
        params: IdParams,
        response: { 200: OrderBillingOut, ...ERROR_RESPONSES },
      },
    },
    async (request) => getOrderBilling(requireAuth(request).ctx, request.params.id),
  );

  app.post(
    '/api/orders/:id/invoices',
    {
      config: { access: 'billing:write', resource: 'order' },
      schema: {
        tags: ['invoices'],
        summary: 'Invoice an order: what is not invoiced yet, or chosen lines and quantities',
        params: IdParams,
        body: InvoiceCreate,
        response: { 201: InvoiceOut, ...ERROR_RESPONSES, ...REFUSALS },
      },
    },
    async (request, reply) => {
      reply.status(201);
      return invoiceOrder(requireAuth(request).ctx, request.params.id, request.body);
    },
  );

  app.get(
    '/api/invoices',
    {
      config: { access: 'customers:read' },
      schema: {
        tags: ['invoices'],
        summary: 'Invoices (or credit notes), newest first',
        querystring: Type.Object({ ...PageQuery, sort: SortQuery(SORT_FIELDS, '-issuedOn'), ...InvoiceFilters }, { additionalProperties: false }),
        response: { 200: Page(InvoiceSummaryOut), ...ERROR_RESPONSES },
      },
    },
    async (request) => listInvoices(requireAuth(request).ctx, request.query),
  );

  app.get(
    '/api/invoices/totals',
    {
      config: { access: 'customers:read' },
      schema: {
        tags: ['invoices'],
        summary: 'What the invoices of the list filters add up to, per currency',
        querystring: Type.Object(InvoiceFilters, { additionalProperties: false }),
        response: { 200: InvoiceTotalsOut, ...ERROR_RESPONSES },
      },
    },
    async (request) => ({ totals: await invoiceTotals(requireAuth(request).ctx, request.query) }),
  );

  app.get(
    '/api/invoices/:id',
    {
      config: { access: 'customers:read', resource: 'invoice' },
      schema: {
        tags: ['invoices'],
        summary: 'One invoice or credit note with its lines, payments, credit notes, balance due and days overdue',
        params: IdParams,
        response: { 200: InvoiceOut, ...ERROR_RESPONSES },
      },
    },
    async (request) => getInvoice(requireAuth(request).ctx, request.params.id),
  );

  app.post(
    '/api/invoices/:id/cancel',
    {
      config: { access: 'billing:write', resource: 'invoice' },
      schema: {
        tags: ['invoices'],
        summary: 'Cancel an invoice on which nothing was paid or credited',
        params: IdParams,
        body: InvoiceCancel,
        response: { 200: InvoiceOut, ...ERROR_RESPONSES, ...REFUSALS },
      },
    },
    async (request) => cancelInvoice(requireAuth(request).ctx, request.params.id, request.body?.reason),
  );

  app.post(
    '/api/invoices/:id/payments',
    {
      config: { access: 'billing:write', resource: 'invoice' },
      schema: {
        tags: ['invoices'],
        summary: 'Record a payment of at most the balance due (422 naming body.amount otherwise)',
        params: IdParams,
        body: PaymentCreate,
        response: { 201: PaymentResultOut, ...ERROR_RESPONSES, ...REFUSALS },
      },
    },
    async (request, reply) => {
      reply.status(201);
      return recordPayment(requireAuth(request).ctx, request.params.id, request.body);
    },
  );

  app.post(
    '/api/invoices/:id/credit-notes',
    {
      config: { access: 'billing:write', resource: 'invoice' },
      schema: {
        tags: ['invoices'],
        summary: 'Issue a credit note (AV-…) for lines and quantities or an amount, never more than invoiced minus credited',
        description:
          'A credit note reduces the balance due of its invoice; what exceeds that balance (all of it once the invoice is paid) is a refund owed to the customer.',
        params: IdParams,
        body: CreditNoteCreate,
        response: { 201: InvoiceOut, ...ERROR_RESPONSES, ...REFUSALS },
      },
    },
    async (request, reply) => {
      reply.status(201);
      return createCreditNote(requireAuth(request).ctx, request.params.id, request.body);
    },
  );
};
