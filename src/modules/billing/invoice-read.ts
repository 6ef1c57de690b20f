/**
 * Reading invoices and credit notes: one with its lines, payments and credit notes, a filtered keyset list, and
 * the totals of what a filter selects. Overdue means still waiting for money (open or partially paid) with a due
 * date before today in France.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Ctx } from '../../platform/context.ts';
import { scoped } from '../../platform/db/scoped.ts';
import { notFound } from '../../platform/errors.ts';
import { paginate, type PageRequest, type PageResult } from '../../platform/http/pagination.ts';
import { CUSTOMER_COLUMNS } from '../commerce/order-presenter.ts';
import { amount, cents, todayInFrance } from './billing-math.ts';
import { presentPayment, type PaymentOut } from './billing-presenter.ts';
import {
  presentInvoiceLine,
  presentInvoiceSummary,
  type InvoiceLineOut,
  type InvoiceRow,
  type InvoiceSummaryOut,
} from './invoice-presenter.ts';
import type { InvoiceKind, InvoiceStatus } from './billing-reference.ts';

/** Sum of the credit notes (not cancelled) issued against the invoice of the outer query. */
const CREDITED_TOTAL = sql<string>`coalesce((
  select sum(cn.total_incl_tax) from invoices cn
  where cn.workspace_id = invoices.workspace_id and cn.credited_invoice_id = invoices.id
    and cn.kind = 'credit_note' and cn.status <> 'cancelled'), 0)::text`;

/** What the credit notes of the invoice of the outer query still owe the customer (not applied, not refunded). */
const CREDIT_REFUND_OWED = sql<string>`coalesce((
  select sum(cn.total_incl_tax - cn.amount_paid) from invoices cn
  where cn.workspace_id = invoices.workspace_id and cn.credited_invoice_id = invoices.id
    and cn.kind = 'credit_note' and cn.status <> 'cancelled'), 0)::text`;

/** Invoices and credit notes with their customer, order number, credited invoice number and credited total. */
export function invoicesQuery(ctx: Ctx) {
  return scoped(ctx.db, ctx.workspaceId)
    .selectFrom('invoices')
    .innerJoin('parties as customer', (join) =>
      join.onRef('customer.workspace_id', '=', 'invoices.workspace_id').onRef('customer.id', '=', 'invoices.customer_id'),
    )
    .leftJoin('orders', (join) => join.onRef('orders.workspace_id', '=', 'invoices.workspace_id').onRef('orders.id', '=', 'invoices.order_id'))
    .leftJoin('invoices as credited', (join) =>
      join.onRef('credited.workspace_id', '=', 'invoices.workspace_id').onRef('credited.id', '=', 'invoices.credited_invoice_id'),
    )
    .selectAll('invoices')
    .select([
      ...CUSTOMER_COLUMNS,
      'orders.number as order_number',
      'credited.number as credited_invoice_number',
      CREDITED_TOTAL.as('credited_total'),
      CREDIT_REFUND_OWED.as('credit_refund_owed'),
    ]);
}

export interface InvoiceDetailOut extends InvoiceSummaryOut {
  lines: InvoiceLineOut[];
  payments: PaymentOut[];
  /** Credit notes issued against this invoice (empty for a credit note). */
  creditNotes: InvoiceSummaryOut[];
}

/** One invoice or credit note with everything about it. Throws `not_found` for another workspace's. */
export async function getInvoice(ctx: Ctx, id: string): Promise<InvoiceDetailOut> {
  const row = await invoicesQuery(ctx).where('invoices.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Invoice');
  const db = scoped(ctx.db, ctx.workspaceId);
  const [lines, payments, creditNotes] = await Promise.all([
    db.selectFrom('invoice_lines').selectAll().where('invoice_id', '=', id).orderBy('position').execute(),
    db.selectFrom('payments').selectAll().where('invoice_id', '=', id).orderBy('paid_at').orderBy('created_at').execute(),
    invoicesQuery(ctx).where('invoices.credited_invoice_id', '=', id).orderBy('invoices.created_at').execute(),
  ]);
  const today = todayInFrance();
  return {
    ...presentInvoiceSummary(row as InvoiceRow, today),
    lines: lines.map(presentInvoiceLine),
    payments: payments.map((payment) => presentPayment(payment, row.due_on)),
    creditNotes: creditNotes.map((note) => presentInvoiceSummary(note as InvoiceRow, today)),
  };
}

/** The invoices and credit notes of an order, oldest first. */
export async function listOrderInvoices(ctx: Ctx, orderId: string): Promise<InvoiceSummaryOut[]> {
  const rows = await invoicesQuery(ctx).where('invoices.order_id', '=', orderId).orderBy('invoices.created_at').orderBy('invoices.number').execute();
  const today = todayInFrance();
  return rows.map((row) => presentInvoiceSummary(row as InvoiceRow, today));
}

export interface InvoiceFilters {
  /** invoice (default) or credit_note. */
  kind?: InvoiceKind;
  status?: InvoiceStatus;
  overdue?: boolean;
  customerId?: string;
  orderId?: string;
  /** Issued on or after this day. */
  from?: string;
  /** Issued on or before this day. */
  to?: string;
}

export type ListInvoicesOptions = InvoiceFilters & PageRequest;

export const INVOICE_SORT_COLUMNS = {
  issuedOn: 'invoices.issued_on',
  dueOn: 'invoices.due_on',
  number: 'invoices.number',
  totalInclTax: 'invoices.total_incl_tax',
};

/** The WHERE conditions of the filters, over `invoices` (the alias every invoice query uses). */
function invoiceConditions(filters: InvoiceFilters, today: string): RawBuilder<boolean>[] {
  const conditions = [sql<boolean>`invoices.kind = ${filters.kind ?? 'invoice'}`];
  if (filters.status) conditions.push(sql<boolean>`invoices.status = ${filters.status}`);
  if (filters.customerId) conditions.push(sql<boolean>`invoices.customer_id = ${filters.customerId}`);
  if (filters.orderId) conditions.push(sql<boolean>`invoices.order_id = ${filters.orderId}`);
  if (filters.from) conditions.push(sql<boolean>`invoices.issued_on >= ${filters.from}::date`);
  if (filters.to) conditions.push(sql<boolean>`invoices.issued_on <= ${filters.to}::date`);
  if (filters.overdue !== undefined) {
    const overdue = sql<boolean>`(invoices.status in ('open', 'partially_paid') and invoices.due_on < ${today}::date)`;
    conditions.push(filters.overdue ? overdue : sql<boolean>`not ${overdue}`);
  }
  return conditions;
}

export async function listInvoices(ctx: Ctx, options: ListInvoicesOptions): Promise<PageResult<InvoiceSummaryOut>> {
  const today = todayInFrance();
  let query = invoicesQuery(ctx);
  for (const condition of invoiceConditions(options, today)) query = query.where(condition);
  const page = await paginate(query, options, {
    sortColumns: INVOICE_SORT_COLUMNS,
    defaultSort: '-issuedOn',
    idColumn: 'invoices.id',
  });
  return { data: page.data.map((row) => presentInvoiceSummary(row as InvoiceRow, today)), nextCursor: page.nextCursor };
}

export interface InvoiceTotalsOut {
  currency: string;
  count: number;
  totalInclTax: string;
  amountPaid: string;
  balanceDue: string;
  overdueCount: number;
  overdueBalance: string;
}

/** What the filtered invoices add up to, one row per currency (amounts in different currencies never add up). */
export async function invoiceTotals(ctx: Ctx, filters: InvoiceFilters): Promise<InvoiceTotalsOut[]> {
  const today = todayInFrance();
  const due = sql`greatest(invoices.total_incl_tax - invoices.amount_paid - ${CREDITED_TOTAL}::numeric, 0)`;
  const waiting = sql`invoices.status in ('open', 'partially_paid')`;
  const late = sql`(${waiting} and invoices.due_on < ${today}::date)`;
  let query = scoped(ctx.db, ctx.workspaceId)
    .selectFrom('invoices')
    .select([
      sql<string>`trim(invoices.currency)`.as('currency'),
      sql<number>`count(*)::int`.as('count'),
      sql<string>`coalesce(sum(invoices.total_incl_tax) filter (where invoices.status <> 'cancelled'), 0)::text`.as('total'),
      sql<string>`coalesce(sum(invoices.amount_paid) filter (where invoices.status <> 'cancelled'), 0)::text`.as('paid'),
      sql<string>`coalesce(sum(${due}) filter (where ${waiting}), 0)::text`.as('due'),
      sql<number>`(count(*) filter (where ${late}))::int`.as('overdue_count'),
      sql<string>`coalesce(sum(${due}) filter (where ${late}), 0)::text`.as('overdue'),
    ])
    .groupBy(sql`trim(invoices.currency)`)
    .orderBy(sql`trim(invoices.currency)`);
  for (const condition of invoiceConditions(filters, today)) query = query.where(condition);
  const rows = await query.execute();
  return rows.map((row) => ({
    currency: row.currency,
    count: Number(row.count),
    totalInclTax: amount(cents(row.total)),
    amountPaid: amount(cents(row.paid)),
    balanceDue: amount(cents(row.due)),
    overdueCount: Number(row.overdue_count),
    overdueBalance: amount(cents(row.overdue)),
  }));
}
