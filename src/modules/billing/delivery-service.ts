/**
 * Deliveries: what of an order leaves, with which carrier and tracking number, and when it is promised. A
 * delivery goes prepared → shipped → delivered; it may be marked late on the way or come back to sender
 * (returned, which frees its quantities to be delivered again). Lateness is also derived on read: promised for a
 * day that has passed and not delivered. When everything ordered is shipped (then delivered), the order follows.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { inTransaction, type Ctx } from '../../platform/context.ts';
import { scoped } from '../../platform/db/scoped.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { paginate, type PageRequest, type PageResult } from '../../platform/http/pagination.ts';
import { takeDocumentNumber } from '../commerce/document-numbers.ts';
import { advanceOrderStatus, getOrder, lockOrder, type OrderStatus } from '../commerce/order-service.ts';
import { CUSTOMER_COLUMNS } from '../commerce/order-presenter.ts';
import { recordBillingEvent } from './billing-events.ts';
import { milli, quantityColumn, todayInFrance } from './billing-math.ts';
import { presentDelivery, type DeliveryOut, type DeliveryRow, type DocumentLineJson } from './billing-presenter.ts';
import { DELIVERY_TRANSITIONS, type DeliveryStatus } from './billing-reference.ts';
import { chooseLines, type LineRequest } from './line-choice.ts';
import { orderProgress, progressOf } from './order-progress.ts';

export interface DeliveryInput {
  /** Order lines and quantities; everything not yet on a delivery when left out. */
  lines?: LineRequest[];
  carrier?: string | null;
  trackingNumber?: string | null;
  promisedOn?: string | null;
  address?: string | null;
}

export interface DeliveryStatusInput {
  status: DeliveryStatus;
  /** When it was shipped or delivered; now by default. */
  at?: string;
  carrier?: string | null;
  trackingNumber?: string | null;
}

/** Deliveries with their order number, customer and lines (descriptions from the order lines). */
export function deliveriesQuery(ctx: Ctx) {
  return scoped(ctx.db, ctx.workspaceId)
    .selectFrom('deliveries')
    .innerJoin('orders', (join) => join.onRef('orders.workspace_id', '=', 'deliveries.workspace_id').onRef('orders.id', '=', 'deliveries.order_id'))
    .innerJoin('parties as customer', (join) =>
      join.onRef('customer.workspace_id', '=', 'deliveries.workspace_id').onRef('customer.id', '=', 'deliveries.customer_id'),
    )
    .selectAll('deliveries')
    .select([
      'orders.number as order_number',
      ...CUSTOMER_COLUMNS,
      sql<DocumentLineJson[]>`coalesce((
        select json_agg(json_build_object('position', dl.position, 'orderLinePosition', dl.order_line_position,
                 'quantity', dl.quantity::text, 'description', ol.description) order by dl.position)
        from delivery_lines dl
        left join order_lines ol on ol.workspace_id = dl.workspace_id and ol.order_id = deliveries.order_id and ol.position = dl.order_line_position
        where dl.workspace_id = deliveries.workspace_id and dl.delivery_id = deliveries.id), '[]')`.as('lines'),
    ]);
}

export async function getDelivery(ctx: Ctx, id: string): Promise<DeliveryOut> {
  const row = await deliveriesQuery(ctx).where('deliveries.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Delivery');
  return presentDelivery(row as DeliveryRow);
}

/** The deliveries of an order, oldest first; 404 for an order that is not this workspace's. */
export async function listOrderDeliveries(ctx: Ctx, orderId: string): Promise<DeliveryOut[]> {
  await getOrder(ctx, orderId);
  return deliveriesOfOrder(ctx, orderId);
}

/** The deliveries of an order known to exist, oldest first. */
export async function deliveriesOfOrder(ctx: Ctx, orderId: string): Promise<DeliveryOut[]> {
  const rows = await deliveriesQuery(ctx).where('deliveries.order_id', '=', orderId).orderBy('deliveries.created_at').orderBy('deliveries.number').execute();
  return rows.map((row) => presentDelivery(row as DeliveryRow));
}

export interface ListDeliveriesOptions extends PageRequest {
  status?: DeliveryStatus;
  late?: boolean;
  customerId?: string;
  orderId?: string;
}

export const DELIVERY_SORT_COLUMNS = { createdAt: 'deliveries.created_at', promisedOn: 'deliveries.promised_on', number: 'deliveries.number' };

export async function listDeliveries(ctx: Ctx, options: ListDeliveriesOptions): Promise<PageResult<DeliveryOut>> {
  let query = deliveriesQuery(ctx);
  if (options.status) query = query.where('deliveries.status', '=', options.status);
  if (options.customerId) query = query.where('deliveries.customer_id', '=', options.customerId);
  if (options.orderId) query = query.where('deliveries.order_id', '=', options.orderId);
  if (options.late !== undefined) {
    const late = sql<boolean>`(deliveries.status = 'late' or (deliveries.status in ('prepared', 'shipped') and deliveries.promised_on < ${todayInFrance()}::date))`;
    query = query.where(options.late ? late : sql<boolean>`not ${late}`);
  }
  const page = await paginate(query, options, { sortColumns: DELIVERY_SORT_COLUMNS, defaultSort: '-createdAt', idColumn: 'deliveries.id' });
  return { data: page.data.map((row) => presentDelivery(row as DeliveryRow)), nextCursor: page.nextCursor };
}

/** Moves the order forward one step at a time (the order workflow allows no jumps) until it reaches `target`. */
async function advanceOrderTo(tx: Ctx, orderId: string, current: OrderStatus, target: OrderStatus): Promise<void> {
  const path: OrderStatus[] = ['confirmed', 'in_preparation', 'shipped', 'delivered'];
  const from = path.indexOf(current);
  const to = path.indexOf(target);
  if (from < 0 || to <= from) return;
  for (const status of path.slice(from + 1, to + 1)) await advanceOrderStatus(tx, orderId, status);
}

/** Once every ordered quantity is shipped (delivered), the order becomes shipped (delivered). */
async function followOrder(tx: Ctx, orderId: string): Promise<void> {
  const order = await getOrder(tx, orderId);
  const progress = await orderProgress(tx, orderId);
  const all = (measure: 'shipped' | 'delivered') => order.lines.every((line) => progressOf(progress, line.position)[measure] >= milli(line.quantity));
  const target: OrderStatus | null = all('delivered') ? 'delivered' : all('shipped') ? 'shipped' : null;
  if (target) await advanceOrderTo(tx, orderId, order.status, target);
}

/** Prepares a delivery of the given lines (by default all that is not on a delivery yet). */
export async function createDelivery(ctx: Ctx, orderId: string, input: DeliveryInput): Promise<DeliveryOut> {
  return inTransaction(ctx, async (tx) => {
    const locked = await lockOrder(tx, orderId);
    if (locked.status === 'cancelled') throw new AppError('conflict', `Order ${locked.number} is cancelled: nothing can be delivered`);
    const order = await getOrder(tx, orderId);
    const progress = await orderProgress(tx, orderId);
    const available = new Map(order.lines.map((line) => [line.position, milli(line.quantity) - progressOf(progress, line.position).planned]));
    const chosen = chooseLines(input.lines, available, 'to deliver');
    if (chosen.length === 0) throw new AppError('conflict', `Everything on order ${order.number} is already on a delivery`);

    const id = randomUUID();
    const number = await takeDocumentNumber(tx, 'delivery');
    const db = scoped(tx.db, tx.workspaceId);
    const row = await db
      .insertInto('deliveries', [
        {
          id,
          number,
          order_id: orderId,
          customer_id: order.customer.id,
          carrier: input.carrier ?? null,
          tracking_number: input.trackingNumber ?? null,
          promised_on: input.promisedOn ?? null,
          address: input.address ?? null,
        },
      ])
      .returningAll()
      .executeTakeFirstOrThrow();
    await db
      .insertInto(
        'delivery_lines',
        chosen.map((line, i) => ({ delivery_id: id, position: i + 1, order_line_position: line.position, quantity: quantityColumn(line.quantity) })),
      )
      .execute();
    await recordBillingEvent(tx, {
      customerId: order.customer.id,
      entity: 'delivery',
      entityId: id,
      action: 'create',
      after: { ...row, lines: chosen.map((line) => `${line.position}: ${quantityColumn(line.quantity)}`) },
      timeline: {
        kind: 'delivery',
        subjectType: 'delivery',
        subjectId: id,
        data: {
          action: 'created',
          number,
          status: 'prepared',
          orderId,
          orderNumber: order.number,
          carrier: row.carrier,
          trackingNumber: row.tracking_number,
          promisedOn: row.promised_on,
        },
      },
      refreshMetrics: false,
    });
    await advanceOrderTo(tx, orderId, order.status, 'in_preparation');
    return getDelivery(tx, id);
  });
}

/** Moves a delivery along its workflow; shipping and delivering stamp their time and may move the order. */
export async function changeDeliveryStatus(ctx: Ctx, id: string, input: DeliveryStatusInput): Promise<DeliveryOut> {
  return inTransaction(ctx, async (tx) => {
    const db = scoped(tx.db, tx.workspaceId);
    const found = await db.selectFrom('deliveries').select('order_id').where('id', '=', id).executeTakeFirst();
    if (!found) throw notFound('Delivery');
    // The order first, then the delivery: every billing change on an order takes its locks in that order.
    const order = await lockOrder(tx, found.order_id);
    const before = await db.selectFrom('deliveries').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    const previous = before.status as DeliveryStatus;
    if (previous === input.status) return getDelivery(tx, id);
    const allowed = DELIVERY_TRANSITIONS[previous];
    if (!allowed.includes(input.status)) {
      throw new AppError('conflict', `Delivery ${before.number} is ${previous}: it cannot become ${input.status}`, [
        { field: 'body.status', rule: allowed.length > 0 ? `must be one of ${allowed.join(', ')} for a delivery that is ${previous}` : `cannot change: the delivery is ${previous}` },
      ]);
    }
    const at = input.at ? new Date(input.at) : new Date();
    const shipping = input.status === 'shipped' || input.status === 'delivered';
    const after = await db
      .updateTable('deliveries')
      .set({
        status: input.status,
        shipped_at: shipping && !before.shipped_at ? at : before.shipped_at,
        delivered_at: input.status === 'delivered' ? at : before.delivered_at,
        carrier: input.carrier !== undefined ? input.carrier : before.carrier,
        tracking_number: input.trackingNumber !== undefined ? input.trackingNumber : before.tracking_number,
        version: sql<number>`version + 1`,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordBillingEvent(tx, {
      customerId: before.customer_id,
      entity: 'delivery',
      entityId: id,
      action: 'update',
      before,
      after,
      timeline: {
        kind: 'delivery',
        subjectType: 'delivery',
        subjectId: id,
        occurredAt: shipping ? at : undefined,
        data: {
          action: 'status_changed',
          number: before.number,
          status: input.status,
          previousStatus: previous,
          orderId: before.order_id,
          orderNumber: order.number,
          carrier: after.carrier,
          trackingNumber: after.tracking_number,
          promisedOn: after.promised_on,
        },
      },
      refreshMetrics: false,
    });
    await followOrder(tx, before.order_id);
    return getDelivery(tx, id);
  });
}
