/**
 * Where a customer's business with us stands, found by customer number (typed loosely, as on the search box):
 * the open and recent orders with their delivery state, the invoices with what remains due, the returns and the
 * repairs, each with a sentence to read out in French or English. "Recent" is the last 90 days; anything still
 * open is shown however old. `reference` narrows the answer to one document (order, delivery, invoice, credit
 * note, return or repair number, typed in any case, with or without dashes).
 */
import { sql, type RawBuilder } from 'kysely';
import type { Ctx } from '../../platform/context.ts';
import { scoped } from '../../platform/db/scoped.ts';
import { notFound } from '../../platform/errors.ts';
import { findByCustomerNumber } from '../parties/party-service.ts';
import { addDays, amount, cents, todayInFrance } from './billing-math.ts';
import { customerOf, iso, type CustomerSummary } from '../commerce/order-presenter.ts';
import { presentDelivery, presentReturn, type DeliveryRow, type ReturnRow } from './billing-presenter.ts';
import { presentInvoiceSummary, type InvoiceRow } from './invoice-presenter.ts';
import { deliveriesQuery } from './delivery-service.ts';
import { invoicesQuery } from './invoice-read.ts';
import { returnsQuery } from './return-service.ts';
import {
  invoiceSummary,
  nothingToReport,
  orderSummary,
  repairSummary,
  returnSummary,
  type DeliveryFacts,
  type InvoiceFacts,
  type RepairFacts,
  type ReturnFacts,
  type StatusLanguage,
} from './status-summaries.ts';

/** How far back finished business is still worth telling. */
export const RECENT_DAYS = 90;
/** At most this many documents of each kind, newest first. */
const LIMIT = 20;

export interface StatusOptions {
  lang?: StatusLanguage;
  reference?: string;
}

export interface OrderStatusOut {
  id: string;
  number: string;
  status: string;
  orderedAt: string;
  totalInclTax: string;
  currency: string;
  isLate: boolean;
  deliveries: DeliveryFacts[];
  summary: string;
}

export interface StatusOut {
  customer: CustomerSummary;
  language: StatusLanguage;
  orders: OrderStatusOut[];
  invoices: (InvoiceFacts & { id: string; issuedOn: string; summary: string })[];
  returns: (ReturnFacts & { id: string; requestedAt: string; summary: string })[];
  repairs: (RepairFacts & { id: string; openedAt: string; summary: string })[];
  /** Every sentence above, in order: orders, invoices, returns, repairs. */
  summary: string;
}

/** "cmd 2026-000123" → "CMD2026000123": how document numbers are compared when typed by a person. */
export function normaliseReference(text: string): string {
  return text.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

export async function customerStatus(ctx: Ctx, customerNumber: string, options: StatusOptions = {}): Promise<StatusOut> {
  const language = options.lang ?? 'fr';
  const party = (await findByCustomerNumber(ctx, customerNumber)).row;
  const partyId = party.id;
  const since = addDays(todayInFrance(), -RECENT_DAYS);
  const db = scoped(ctx.db, ctx.workspaceId);

  // With a reference, that one document however old; without, what is open or recent.
  const wanted = options.reference ? normaliseReference(options.reference) : null;
  const pick = (column: string, recent: RawBuilder<boolean>) =>
    wanted === null ? recent : sql<boolean>`regexp_replace(upper(${sql.ref(column)}), '[^A-Z0-9]', '', 'g') = ${wanted}`;
  const deliveryNumbered =
    wanted === null
      ? sql<boolean>`false`
      : sql<boolean>`exists (select 1 from deliveries d where d.workspace_id = orders.workspace_id and d.order_id = orders.id
          and regexp_replace(upper(d.number), '[^A-Z0-9]', '', 'g') = ${wanted})`;

  const [orderRows, invoiceRows, returnRows, repairRows] = await Promise.all([
    db
      .selectFrom('orders')
      .select(['id', 'number', 'status', 'ordered_at', 'total_incl_tax', 'currency'])
      .where('customer_id', '=', partyId)
      .where(sql<boolean>`(${pick('orders.number', sql<boolean>`(orders.status not in ('completed', 'cancelled') or orders.ordered_at >= ${since}::date)`)} or ${deliveryNumbered})`)
      .orderBy('ordered_at', 'desc')
      .limit(LIMIT)
      .execute(),
    invoicesQuery(ctx)
      .where('invoices.customer_id', '=', partyId)
      .where(pick('invoices.number', sql<boolean>`(invoices.status in ('open', 'partially_paid') or invoices.issued_on >= ${since}::date)`))
      .orderBy('invoices.issued_on', 'desc')
      .orderBy('invoices.number', 'desc')
      .limit(LIMIT)
      .execute(),
    returnsQuery(ctx)
      .where('returns.customer_id', '=', partyId)
      .where(pick('returns.number', sql<boolean>`(returns.status in ('requested', 'received') or returns.requested_at >= ${since}::date)`))
      .orderBy('returns.requested_at', 'desc')
      .limit(LIMIT)
      .execute(),
    db
      .selectFrom('cases')
      .select(['id', 'number', 'status', 'subject', 'opened_at', 'resolution_due_at', 'resolved_at'])
      .where('party_id', '=', partyId)
      .where('type', '=', 'repair')
      .where(pick('cases.number', sql<boolean>`(cases.status not in ('resolved', 'closed') or cases.opened_at >= ${since}::date)`))
      .orderBy('opened_at', 'desc')
      .limit(LIMIT)
      .execute(),
  ]);

  const orderIds = orderRows.map((order) => order.id);
  const deliveryRows = orderIds.length === 0 ? [] : await deliveriesQuery(ctx).where('deliveries.order_id', 'in', orderIds).orderBy('deliveries.created_at').execute();
  const deliveriesByOrder = new Map<string, DeliveryFacts[]>();
  for (const row of deliveryRows) {
    const d = presentDelivery(row as DeliveryRow);
    const facts: DeliveryFacts = {
      number: d.number,
      status: d.status,
      carrier: d.carrier,
      trackingNumber: d.trackingNumber,
      promisedOn: d.promisedOn,
      shippedAt: d.shippedAt,
      deliveredAt: d.deliveredAt,
      isLate: d.isLate,
    };
    deliveriesByOrder.set(d.orderId, [...(deliveriesByOrder.get(d.orderId) ?? []), facts]);
  }

  const orders = orderRows.map((order) => {
    const deliveries = deliveriesByOrder.get(order.id) ?? [];
    const facts = { number: order.number, status: order.status, orderedAt: iso(order.ordered_at), deliveries };
    return {
      id: order.id,
      ...facts,
      totalInclTax: amount(cents(order.total_incl_tax)),
      currency: order.currency.trim(),
      isLate: !['delivered', 'completed', 'cancelled'].includes(order.status) && deliveries.some((d) => d.isLate),
      summary: orderSummary(facts, language),
    };
  });

  const invoices = invoiceRows.map((row) => {
    const invoice = presentInvoiceSummary(row as InvoiceRow);
    const facts: InvoiceFacts = {
      number: invoice.number,
      kind: invoice.kind,
      status: invoice.status,
      dueOn: invoice.dueOn,
      totalInclTax: invoice.totalInclTax,
      balanceDue: invoice.balanceDue,
      currency: invoice.currency,
      paidAt: invoice.paidAt,
      daysOverdue: invoice.daysOverdue,
      creditedInvoiceNumber: invoice.creditedInvoice?.number ?? null,
      refundOwed: invoice.refundOwed,
    };
    return { id: invoice.id, issuedOn: invoice.issuedOn, ...facts, summary: invoiceSummary(facts, language) };
  });

  const returns = returnRows.map((row) => {
    const ret = presentReturn(row as ReturnRow);
    const facts: ReturnFacts = { number: ret.number, status: ret.status, orderNumber: ret.orderNumber, receivedAt: ret.receivedAt, creditNoteNumber: ret.creditNote?.number ?? null };
    return { id: ret.id, requestedAt: ret.requestedAt, ...facts, summary: returnSummary(facts, language) };
  });

  const repairs = repairRows.map((row) => {
    const facts: RepairFacts = {
      number: row.number,
      status: row.status,
      subject: row.subject,
      resolutionDueAt: row.resolution_due_at ? iso(row.resolution_due_at) : null,
      resolvedAt: row.resolved_at ? iso(row.resolved_at) : null,
    };
    return { id: row.id, openedAt: iso(row.opened_at), ...facts, summary: repairSummary(facts, language) };
  });

  const sentences = [...orders, ...invoices, ...returns, ...repairs].map((item) => item.summary);
  if (options.reference && sentences.length === 0) throw notFound(`Document ${options.reference} of this customer`);
  return {
    customer: customerOf({ customer_id: party.id, customer_kind: party.kind, customer_name: party.display_name, customer_number: party.customer_number }),
    language,
    orders,
    invoices,
    returns,
    repairs,
    summary: sentences.length > 0 ? sentences.join(' ') : nothingToReport(language),
  };
}
