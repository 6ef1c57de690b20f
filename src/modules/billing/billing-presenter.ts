/**
 * What leaves the server of deliveries, payments and returns (invoices: invoice-presenter.ts): amounts as strings
 * with two decimals, quantities without trailing zeros, days as YYYY-MM-DD, instants as ISO 8601, and what is
 * derived on read (a delivery's lateness, a payment's days late) computed here once.
 */
import type { Selectable } from 'kysely';
import type { DeliveriesTable, PaymentsTable, ReturnsTable } from '../../platform/db/schema.ts';
import { customerOf, day, iso, type CustomerColumns, type CustomerSummary } from '../commerce/order-presenter.ts';
import { amount, cents, dayInFrance, daysBetween, milli, quantityText, todayInFrance } from './billing-math.ts';
import type { DeliveryStatus, PaymentMethod, ReturnStatus } from './billing-reference.ts';

export function isoOrNull(value: Date | string | null): string | null {
  return value === null ? null : iso(value);
}

export interface DocumentLineJson {
  position: number;
  orderLinePosition: number;
  quantity: string;
  description: string | null;
  condition?: string | null;
}

export interface DocumentLineOut {
  position: number;
  orderLinePosition: number;
  description: string;
  quantity: string;
}

function presentDocumentLine(line: DocumentLineJson): DocumentLineOut {
  return { position: line.position, orderLinePosition: line.orderLinePosition, description: line.description ?? '', quantity: quantityText(milli(line.quantity)) };
}

// ——— Deliveries ———

export type DeliveryRow = Selectable<DeliveriesTable> & CustomerColumns & { order_number: string; lines: DocumentLineJson[] };

export interface DeliveryOut {
  id: string;
  number: string;
  orderId: string;
  orderNumber: string;
  customer: CustomerSummary;
  status: DeliveryStatus;
  /** Marked late, or promised for a day that has passed while not delivered yet. */
  isLate: boolean;
  carrier: string | null;
  trackingNumber: string | null;
  address: string | null;
  promisedOn: string | null;
  shippedAt: string | null;
  deliveredAt: string | null;
  lines: DocumentLineOut[];
  version: number;
  createdAt: string;
}

/** Late: marked so, or promised for a day before today and neither delivered nor sent back. */
export function isDeliveryLate(status: string, promisedOn: string | null, today = todayInFrance()): boolean {
  if (status === 'late') return true;
  return (status === 'prepared' || status === 'shipped') && promisedOn !== null && day(promisedOn) < today;
}

export function presentDelivery(row: DeliveryRow): DeliveryOut {
  return {
    id: row.id,
    number: row.number,
    orderId: row.order_id,
    orderNumber: row.order_number,
    customer: customerOf(row),
    status: row.status as DeliveryStatus,
    isLate: isDeliveryLate(row.status, row.promised_on),
    carrier: row.carrier,
    trackingNumber: row.tracking_number,
    address: row.address,
    promisedOn: row.promised_on === null ? null : day(row.promised_on),
    shippedAt: isoOrNull(row.shipped_at),
    deliveredAt: isoOrNull(row.delivered_at),
    lines: row.lines.map(presentDocumentLine),
    version: row.version,
    createdAt: iso(row.created_at),
  };
}

// ——— Payments ———

export interface PaymentOut {
  id: string;
  invoiceId: string;
  amount: string;
  paidAt: string;
  method: PaymentMethod;
  reference: string | null;
  /** Days after the invoice's due date (0 when on time). */
  daysLate: number;
  createdAt: string;
}

export function presentPayment(row: Selectable<PaymentsTable>, dueOn: string): PaymentOut {
  return {
    id: row.id,
    invoiceId: row.invoice_id,
    amount: amount(cents(row.amount)),
    paidAt: iso(row.paid_at),
    method: row.method as PaymentMethod,
    reference: row.reference,
    daysLate: Math.max(0, daysBetween(day(dueOn), dayInFrance(row.paid_at))),
    createdAt: iso(row.created_at),
  };
}

// ——— Returns ———

export type ReturnRow = Selectable<ReturnsTable> &
  CustomerColumns & { order_number: string; credit_note_number: string | null; lines: DocumentLineJson[] };

export interface ReturnOut {
  id: string;
  number: string;
  orderId: string;
  orderNumber: string;
  customer: CustomerSummary;
  status: ReturnStatus;
  reason: string;
  requestedAt: string;
  receivedAt: string | null;
  creditNote: { id: string; number: string } | null;
  lines: (DocumentLineOut & { condition: string | null })[];
  version: number;
}

export function presentReturn(row: ReturnRow): ReturnOut {
  return {
    id: row.id,
    number: row.number,
    orderId: row.order_id,
    orderNumber: row.order_number,
    customer: customerOf(row),
    status: row.status as ReturnStatus,
    reason: row.reason,
    requestedAt: iso(row.requested_at),
    receivedAt: isoOrNull(row.received_at),
    creditNote: row.credit_note_id && row.credit_note_number ? { id: row.credit_note_id, number: row.credit_note_number } : null,
    lines: row.lines.map((line) => ({ ...presentDocumentLine(line), condition: line.condition ?? null })),
    version: row.version,
  };
}
