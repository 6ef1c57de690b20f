/** Lists of orders and quotes: filters, newest first, keyset cursors. */
import { sql } from 'kysely';
import type { Ctx } from '../../platform/context.ts';
import { scoped } from '../../platform/db/scoped.ts';
import { paginate, type PageRequest, type PageResult } from '../../platform/http/pagination.ts';
import type { OrderStatus, QuoteStatus, SalesChannel } from '../../shared/commerce/commerce-reference.ts';
import { escapeLike } from '../parties/party-service.ts';
import { CUSTOMER_COLUMNS, presentOrderSummary, presentQuoteSummary, type CustomerColumns, type OrderRow, type OrderSummary, type QuoteRow, type QuoteSummary } from './order-presenter.ts';
import { ordersWithCustomer } from './order-service.ts';

export interface ListOrdersOptions extends PageRequest {
  customerId?: string;
  status?: OrderStatus;
  channel?: SalesChannel;
  /** Ordered at or after this instant. */
  from?: string;
  /** Ordered before this instant. */
  to?: string;
  /** Part of the order number, case ignored. */
  q?: string;
}

export const ORDER_SORT_COLUMNS = { orderedAt: 'orders.ordered_at', number: 'orders.number' } as const;

export async function listOrders(ctx: Ctx, options: ListOrdersOptions): Promise<PageResult<OrderSummary>> {
  let query = ordersWithCustomer(ctx);
  if (options.customerId) query = query.where('orders.customer_id', '=', options.customerId);
  if (options.status) query = query.where('orders.status', '=', options.status);
  if (options.channel) query = query.where('orders.channel', '=', options.channel);
  if (options.from) query = query.where('orders.ordered_at', '>=', new Date(options.from));
  if (options.to) query = query.where('orders.ordered_at', '<', new Date(options.to));
  if (options.q && options.q.trim() !== '') {
    query = query.where(sql<boolean>`upper(orders.number) like ${`%${escapeLike(options.q.trim().toUpperCase())}%`}`);
  }
  const page = await paginate(query, options, { sortColumns: ORDER_SORT_COLUMNS, defaultSort: '-orderedAt', idColumn: 'orders.id' });
  return { data: page.data.map((row) => presentOrderSummary(row as OrderRow & CustomerColumns)), nextCursor: page.nextCursor };
}

export interface ListQuotesOptions extends PageRequest {
  customerId?: string;
  status?: QuoteStatus;
}

export const QUOTE_SORT_COLUMNS = { createdAt: 'quotes.created_at', number: 'quotes.number' } as const;

export function quotesWithCustomer(ctx: Ctx) {
  return scoped(ctx.db, ctx.workspaceId)
    .selectFrom('quotes')
    .innerJoin('parties as customer', (join) =>
      join.onRef('customer.workspace_id', '=', 'quotes.workspace_id').onRef('customer.id', '=', 'quotes.customer_id'),
    )
    .selectAll('quotes')
    .select(CUSTOMER_COLUMNS);
}

export async function listQuotes(ctx: Ctx, options: ListQuotesOptions): Promise<PageResult<QuoteSummary>> {
  let query = quotesWithCustomer(ctx);
  if (options.customerId) query = query.where('quotes.customer_id', '=', options.customerId);
  if (options.status) query = query.where('quotes.status', '=', options.status);
  const page = await paginate(query, options, { sortColumns: QUOTE_SORT_COLUMNS, defaultSort: '-createdAt', idColumn: 'quotes.id' });
  return { data: page.data.map((row) => presentQuoteSummary(row as QuoteRow & CustomerColumns)), nextCursor: page.nextCursor };
}
