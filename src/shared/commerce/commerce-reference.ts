/**
 * The vocabulary of quotes and orders, shared by the server (which enforces it) and the web app (which offers it):
 * sales channels, statuses and which status an order may move to from which.
 */
export const SALES_CHANNELS = ['store', 'web', 'phone', 'sales_rep', 'email', 'marketplace', 'event'] as const;
export type SalesChannel = (typeof SALES_CHANNELS)[number];

export const ORDER_STATUSES = ['confirmed', 'in_preparation', 'shipped', 'delivered', 'completed', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const QUOTE_STATUSES = ['draft', 'sent', 'accepted', 'declined', 'expired'] as const;
export type QuoteStatus = (typeof QUOTE_STATUSES)[number];

export const PRODUCT_KINDS = ['product', 'service'] as const;
export type ProductKind = (typeof PRODUCT_KINDS)[number];

/**
 * The statuses an order may move to next. An order goes forward one step at a time; it can be cancelled only
 * before it has been shipped (after that, a return or a credit note undoes it).
 */
export const ORDER_TRANSITIONS: Record<OrderStatus, readonly OrderStatus[]> = {
  confirmed: ['in_preparation', 'cancelled'],
  in_preparation: ['shipped', 'cancelled'],
  shipped: ['delivered'],
  delivered: ['completed'],
  completed: [],
  cancelled: [],
};

/** Whether an order in `from` may move to `to` (staying where it is counts as allowed: the move is idempotent). */
export function mayMoveOrder(from: OrderStatus, to: OrderStatus): boolean {
  return from === to || ORDER_TRANSITIONS[from].includes(to);
}

/** Quote statuses a quote may move to next. */
export const QUOTE_TRANSITIONS: Record<QuoteStatus, readonly QuoteStatus[]> = {
  draft: ['sent', 'accepted', 'declined', 'expired'],
  sent: ['accepted', 'declined', 'expired'],
  accepted: [],
  declined: [],
  expired: [],
};
