/**
 * The billing screens' logic, pure: the invoice list's URL filters, the moves a delivery or return offers next,
 * amounts as people type them ("1 234,50"), the payment form's request body, and the colours of statuses.
 */
import {
  DELIVERY_STATUSES,
  DELIVERY_TRANSITIONS,
  INVOICE_STATUSES,
  PAYMENT_METHODS,
  RETURN_STATUSES,
  RETURN_TRANSITIONS,
  type DeliveryStatus,
  type InvoiceStatus,
  type PaymentMethod,
  type ReturnStatus,
} from '../../../src/modules/billing/billing-reference.ts';
import { ApiError } from '../app/api.ts';
import type { Delivery, InvoiceSummary } from './billingTypes.ts';

export { DELIVERY_STATUSES, INVOICE_STATUSES, PAYMENT_METHODS, RETURN_STATUSES };
export type { DeliveryStatus, InvoiceStatus, PaymentMethod, ReturnStatus };

// ------------------------------------------------------------------------------------------ invoice list search

export interface InvoiceListSearch {
  status?: InvoiceStatus;
  /** Only invoices past their due date and not settled. */
  overdue?: boolean;
  customerId?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The filters of /invoices as the URL holds them; anything unknown or malformed is dropped. */
export function parseInvoiceListSearch(search: Record<string, unknown>): InvoiceListSearch {
  const result: InvoiceListSearch = {};
  if (typeof search.status === 'string' && (INVOICE_STATUSES as readonly string[]).includes(search.status)) result.status = search.status as InvoiceStatus;
  if (search.overdue === true || search.overdue === 'true') result.overdue = true;
  if (typeof search.customerId === 'string' && UUID.test(search.customerId)) result.customerId = search.customerId;
  return result;
}

/** The API query of the invoice list (invoices only; credit notes show on their invoice). */
export function invoiceListQuery(search: InvoiceListSearch): Record<string, string | boolean | undefined> {
  return { kind: 'invoice', status: search.status, overdue: search.overdue ? true : undefined, customerId: search.customerId };
}

// ------------------------------------------------------------------------------------------------- actions

/** The statuses a delivery can be moved to from where it is. */
export function deliveryMoves(delivery: Pick<Delivery, 'status'>): readonly DeliveryStatus[] {
  return DELIVERY_TRANSITIONS[delivery.status];
}

export type ReturnVerb = 'receive' | 'refund' | 'reject';
const RETURN_VERBS: Record<Exclude<ReturnStatus, 'requested'>, ReturnVerb> = { received: 'receive', refunded: 'refund', rejected: 'reject' };

/** The actions a return offers from where it is, in the order of its workflow. */
export function returnActions(status: ReturnStatus): ReturnVerb[] {
  return RETURN_TRANSITIONS[status].map((next) => RETURN_VERBS[next as Exclude<ReturnStatus, 'requested'>]);
}

/** Whether money can still be recorded on an invoice (or a refund on a credit note). */
export function takesPayment(invoice: Pick<InvoiceSummary, 'kind' | 'status' | 'balanceDue' | 'refundOwed'>): boolean {
  if (invoice.status === 'cancelled') return false;
  return Number(invoice.kind === 'credit_note' ? invoice.refundOwed : invoice.balanceDue) > 0;
}

// ---------------------------------------------------------------------------------------------------- money

/**
 * An amount as typed ("1 234,50", "12.5", "€ 30") as the API takes it ("1234.50"), or null when it does not read
 * as a positive or zero amount with at most two decimals.
 */
export function readAmount(typed: string): string | null {
  const compact = typed.replace(/[\s\u00a0\u202f€$£]/g, '').replace(',', '.');
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(compact);
  if (!match) return null;
  const whole = match[1]!.replace(/^0+(?=\d)/, '');
  return `${whole}.${(match[2] ?? '').padEnd(2, '0')}`;
}

export interface PaymentDraft {
  amount: string;
  method: PaymentMethod;
  /** YYYY-MM-DD, the day the money arrived. */
  paidOn: string;
  reference: string;
}

/**
 * The request body of a payment. An amount that does not read as a number is sent as typed, so the server's
 * refusal names the field; a payment received today carries no time (now), an earlier day is stamped at noon.
 */
export function paymentBody(draft: PaymentDraft, today: string): { amount: string; method: PaymentMethod; paidAt?: string; reference?: string } {
  const body: { amount: string; method: PaymentMethod; paidAt?: string; reference?: string } = {
    amount: readAmount(draft.amount) ?? draft.amount.trim(),
    method: draft.method,
  };
  if (draft.paidOn && draft.paidOn !== today) body.paidAt = new Date(`${draft.paidOn}T12:00:00`).toISOString();
  if (draft.reference.trim()) body.reference = draft.reference.trim();
  return body;
}

/** Today as YYYY-MM-DD in the browser's time zone. */
export function localDay(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Whether the server's refusal names one of these body fields or a field inside one (`lines[0].quantity`), so a
 * form shows it at the field rather than above the form.
 */
export function namesField(error: unknown, ...fields: string[]): boolean {
  if (!(error instanceof ApiError)) return false;
  return error.issues.some((issue) =>
    fields.some((field) => issue.field === `body.${field}` || issue.field.startsWith(`body.${field}.`) || issue.field.startsWith(`body.${field}[`)),
  );
}

/** The error to show above a form: `error` unless the server's refusal names one of these fields; else null. */
export function errorAboveForm(error: unknown, ...fields: string[]): unknown {
  return error !== null && !namesField(error, ...fields) ? error : null;
}

// --------------------------------------------------------------------------------------------------- colours

export const DELIVERY_STATUS_COLORS: Record<DeliveryStatus, string> = {
  prepared: 'blue',
  shipped: 'indigo',
  delivered: 'teal',
  late: 'orange',
  returned: 'gray',
};

export const INVOICE_STATUS_COLORS: Record<InvoiceStatus, string> = {
  open: 'blue',
  partially_paid: 'yellow',
  paid: 'green',
  cancelled: 'gray',
};

export const RETURN_STATUS_COLORS: Record<ReturnStatus, string> = {
  requested: 'blue',
  received: 'yellow',
  refunded: 'green',
  rejected: 'gray',
};
