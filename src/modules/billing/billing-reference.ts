/**
 * The vocabulary of billing, shared by the server (which enforces it) and the web app (which offers it):
 * statuses, payment methods and where deliveries and returns may go next. Pure, no imports.
 */
export const DELIVERY_STATUSES = ['prepared', 'shipped', 'delivered', 'late', 'returned'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** Where a delivery may go from each status; `returned` means sent back to us by the carrier. */
export const DELIVERY_TRANSITIONS: Record<DeliveryStatus, readonly DeliveryStatus[]> = {
  // Straight to delivered: handed over or collected in store.
  prepared: ['shipped', 'delivered', 'late'],
  shipped: ['delivered', 'late', 'returned'],
  late: ['shipped', 'delivered', 'returned'],
  delivered: [],
  returned: [],
};

export const INVOICE_STATUSES = ['open', 'partially_paid', 'paid', 'cancelled'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

export const INVOICE_KINDS = ['invoice', 'credit_note'] as const;
export type InvoiceKind = (typeof INVOICE_KINDS)[number];

export const PAYMENT_METHODS = ['card', 'transfer', 'cheque', 'cash', 'direct_debit', 'other'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export const RETURN_STATUSES = ['requested', 'received', 'refunded', 'rejected'] as const;
export type ReturnStatus = (typeof RETURN_STATUSES)[number];

/** Where a return may go from each status: received, then refunded (with a credit note) or rejected. */
export const RETURN_TRANSITIONS: Record<ReturnStatus, readonly ReturnStatus[]> = {
  requested: ['received', 'rejected'],
  received: ['refunded', 'rejected'],
  refunded: [],
  rejected: [],
};

/** Payment terms, in days from issue to due date, when none is given. */
export const DEFAULT_PAYMENT_TERM_DAYS = 30;
