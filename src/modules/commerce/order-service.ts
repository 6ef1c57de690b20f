/**
 * Orders: reading one, moving it along its status workflow. Every change writes the change log, the customer's
 * timeline and refreshes the customer's metrics in the same transaction. Creation, listing and edits live in
 * `order-write.ts` and `order-list.ts`; the line arithmetic is the shared pure `order-math.ts`.
 */
import { sql } from 'kysely';
import type { Ctx } from '../../platform/context.ts';
import { scoped } from '../../platform/db/scoped.ts';
import { recordChange } from '../../platform/events/change-log.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { mayMoveOrder, ORDER_TRANSITIONS, type OrderStatus } from '../../shared/commerce/commerce-reference.ts';
import { refreshCustomerMetrics } from '../metrics/metrics-service.ts';
import { recordTimeline } from '../timeline/timeline-writer.ts';
import { CUSTOMER_COLUMNS, presentOrder, type OrderDetail, type OrderLineRow, type OrderRow, type CustomerColumns } from './order-presenter.ts';

export type { OrderDetail } from './order-presenter.ts';
export type { OrderStatus } from '../../shared/commerce/commerce-reference.ts';

const ENTITY = 'order';

/** Orders joined with the few customer columns every answer shows. */
export function ordersWithCustomer(ctx: Ctx) {
  return scoped(ctx.db, ctx.workspaceId)
    .selectFrom('orders')
    .innerJoin('parties as customer', (join) =>
      join.onRef('customer.workspace_id', '=', 'orders.workspace_id').onRef('customer.id', '=', 'orders.customer_id'),
    )
    .selectAll('orders')
    .select(CUSTOMER_COLUMNS);
}

/** The lines of an order, in their order, with the SKU of their product. */
export async function orderLines(ctx: Ctx, orderId: string): Promise<(OrderLineRow & { sku: string })[]> {
  return scoped(ctx.db, ctx.workspaceId)
    .selectFrom('order_lines')
    .innerJoin('products', (join) =>
      join.onRef('products.workspace_id', '=', 'order_lines.workspace_id').onRef('products.id', '=', 'order_lines.product_id'),
    )
    .selectAll('order_lines')
    .select('products.sku')
    .where('order_lines.order_id', '=', orderId)
    .orderBy('order_lines.position')
    .execute();
}

/** One order with its lines, as the API presents it. Throws `not_found` for a missing order or another workspace's. */
export async function getOrder(ctx: Ctx, id: string): Promise<OrderDetail> {
  const row = await ordersWithCustomer(ctx).where('orders.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Order');
  return presentOrder(row as OrderRow & CustomerColumns, await orderLines(ctx, id));
}

/** The order row, locked for the rest of the transaction. */
export async function lockOrder(ctx: Ctx, id: string): Promise<OrderRow> {
  const row = await scoped(ctx.db, ctx.workspaceId).selectFrom('orders').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw notFound('Order');
  return row;
}

export interface AdvanceOptions {
  /** Why (a cancellation reason, say); shown on the timeline. */
  reason?: string;
}

/**
 * Moves an order to `status` if its workflow allows it (confirmed → in_preparation → shipped → delivered →
 * completed; cancelled from confirmed or in_preparation only). Asking for the status it already has does nothing.
 * A move the workflow forbids is a 409 `conflict` naming `body.status`. Must run inside a transaction: it writes
 * the change log, the customer's timeline and refreshes the customer's metrics there.
 */
export async function advanceOrderStatus(ctx: Ctx, orderId: string, status: OrderStatus, options: AdvanceOptions = {}): Promise<void> {
  if (!ctx.db.isTransaction) throw new Error('advanceOrderStatus must run inside a transaction');
  const before = await lockOrder(ctx, orderId);
  const previous = before.status as OrderStatus;
  if (previous === status) return;
  if (!mayMoveOrder(previous, status)) {
    const allowed = ORDER_TRANSITIONS[previous];
    const next = allowed.length > 0 ? `it can move to ${allowed.join(' or ')}` : 'it can no longer change status';
    throw new AppError('conflict', `Order ${before.number} is ${previous}: it cannot become ${status} (${next})`, [
      { field: 'body.status', rule: allowed.length > 0 ? `must be one of ${allowed.join(', ')} for an order that is ${previous}` : `cannot change: the order is ${previous}` },
    ]);
  }
  const now = new Date();
  const after = await scoped(ctx.db, ctx.workspaceId)
    .updateTable('orders')
    .set({
      status,
      cancelled_at: status === 'cancelled' ? now : before.cancelled_at,
      version: sql<number>`version + 1`,
      updated_at: now,
    })
    .where('id', '=', orderId)
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordChange(ctx, {
    entity: ENTITY,
    entityId: orderId,
    action: 'update',
    before: { status: before.status, cancelled_at: before.cancelled_at },
    after: { status: after.status, cancelled_at: after.cancelled_at, ...(options.reason ? { reason: options.reason } : {}) },
  });
  await recordTimeline(ctx, {
    partyId: before.customer_id,
    kind: 'order',
    subjectType: 'order',
    subjectId: orderId,
    channel: before.channel,
    data: {
      action: 'status_changed',
      number: before.number,
      status,
      previousStatus: previous,
      amount: before.total_incl_tax,
      currency: before.currency.trim(),
      ...(options.reason ? { reason: options.reason } : {}),
    },
  });
  await refreshCustomerMetrics(ctx, [before.customer_id]);
}
