/**
 * What leaves the server of invoices and credit notes: totals, what was paid and credited, and what is derived on
 * read — balance due, refund owed, days overdue, days late — computed here once.
 */
import type { Selectable } from 'kysely';
import type { InvoicesTable } from '../../platform/db/schema.ts';
import type { LineColumns } from '../commerce/document-lines.ts';
import { customerOf, day, iso, presentLineFigures, type CustomerColumns, type CustomerSummary, type LineFigures } from '../commerce/order-presenter.ts';
import { amount, cents, dayInFrance, daysBetween, todayInFrance } from './billing-math.ts';
import { isoOrNull } from './billing-presenter.ts';
import type { InvoiceKind, InvoiceStatus } from './billing-reference.ts';

export type InvoiceRow = Selectable<InvoicesTable> &
  CustomerColumns & { order_number: string | null; credited_invoice_number: string | null; credited_total: string; credit_refund_owed: string };

/**
 * The money position of an invoice or a credit note. A credit note applied to its invoice reduces what is due;
 * what exceeds that balance (all of it once the invoice is paid) is a refund owed to the customer. On a credit
 * note, `amount_paid` is what is settled: the part applied to its invoice plus the refunds paid out since.
 * - invoice: balance due = max(0, total − paid − credited); refund owed = Σ over its credit notes of (total − settled)
 * - credit note: balance due = 0 (the customer owes nothing on it); refund owed = total − settled
 */
export function balanceOf(row: { kind: string; status: string; total_incl_tax: string; amount_paid: string; credited_total: string; credit_refund_owed: string }) {
  if (row.status === 'cancelled') return { balanceDue: 0n, refundOwed: 0n, credited: 0n };
  const total = cents(row.total_incl_tax);
  const paid = cents(row.amount_paid);
  if (row.kind === 'credit_note') return { balanceDue: 0n, refundOwed: total - paid, credited: 0n };
  const credited = cents(row.credited_total);
  const open = total - paid - credited;
  return { balanceDue: open > 0n ? open : 0n, refundOwed: cents(row.credit_refund_owed), credited };
}

/** Days past the due date of an invoice still waiting for money (0 when not overdue). */
export function daysOverdueOf(row: { kind: string; status: string; due_on: string }, today = todayInFrance()): number {
  if (row.kind !== 'invoice' || (row.status !== 'open' && row.status !== 'partially_paid')) return 0;
  return Math.max(0, daysBetween(day(row.due_on), today));
}

export interface InvoiceSummaryOut {
  id: string;
  number: string;
  kind: InvoiceKind;
  orderId: string | null;
  orderNumber: string | null;
  customer: CustomerSummary;
  /** For a credit note: the invoice it credits. */
  creditedInvoice: { id: string; number: string } | null;
  status: InvoiceStatus;
  issuedOn: string;
  dueOn: string;
  currency: string;
  totalExclTax: string;
  taxTotal: string;
  totalInclTax: string;
  costTotal: string;
  amountPaid: string;
  creditedTotal: string;
  balanceDue: string;
  refundOwed: string;
  paidAt: string | null;
  isOverdue: boolean;
  daysOverdue: number;
  /** Paid after the due date: by how many days (null when paid on time or not paid). */
  daysLate: number | null;
  reason: string | null;
  version: number;
  createdAt: string;
}

export function presentInvoiceSummary(row: InvoiceRow, today = todayInFrance()): InvoiceSummaryOut {
  const { balanceDue, refundOwed, credited } = balanceOf(row);
  const daysOverdue = daysOverdueOf(row, today);
  const paidLate = row.paid_at ? daysBetween(day(row.due_on), dayInFrance(row.paid_at)) : 0;
  return {
    id: row.id,
    number: row.number,
    kind: row.kind as InvoiceKind,
    orderId: row.order_id,
    orderNumber: row.order_number,
    customer: customerOf(row),
    creditedInvoice: row.credited_invoice_id && row.credited_invoice_number ? { id: row.credited_invoice_id, number: row.credited_invoice_number } : null,
    status: row.status as InvoiceStatus,
    issuedOn: day(row.issued_on),
    dueOn: day(row.due_on),
    currency: row.currency.trim(),
    totalExclTax: amount(cents(row.total_excl_tax)),
    taxTotal: amount(cents(row.tax_total)),
    totalInclTax: amount(cents(row.total_incl_tax)),
    costTotal: amount(cents(row.cost_total)),
    amountPaid: amount(cents(row.amount_paid)),
    creditedTotal: amount(credited),
    balanceDue: amount(balanceDue),
    refundOwed: amount(refundOwed),
    paidAt: isoOrNull(row.paid_at),
    isOverdue: daysOverdue > 0,
    daysOverdue,
    daysLate: row.kind === 'invoice' && paidLate > 0 ? paidLate : null,
    reason: row.reason,
    version: row.version,
    createdAt: iso(row.created_at),
  };
}

export interface InvoiceLineOut extends LineFigures {
  position: number;
  orderLinePosition: number | null;
  productId: string | null;
}

export interface InvoiceLineRow extends LineColumns {
  position: number;
  order_line_position: number | null;
  product_id: string | null;
}

export function presentInvoiceLine(line: InvoiceLineRow): InvoiceLineOut {
  return { position: line.position, orderLinePosition: line.order_line_position, productId: line.product_id, ...presentLineFigures(line) };
}
