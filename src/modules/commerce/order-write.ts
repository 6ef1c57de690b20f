/**
 * Creating orders (directly or from an accepted quote), changing their notes and contact, and moving them along
 * their workflow from the API. Each runs in one transaction that also writes the change log, the customer's
 * timeline and refreshes the customer's metrics; a refused request writes nothing.
 */
import { randomUUID } from 'node:crypto';
import { actorUserId, inTransaction, type Ctx } from '../../platform/context.ts';
import { scoped } from '../../platform/db/scoped.ts';
import { recordChange } from '../../platform/events/change-log.ts';
import { assertCurrentVersion, throwIfIssues, type FieldIssue } from '../../platform/errors.ts';
import type { OrderStatus, SalesChannel } from '../../shared/commerce/commerce-reference.ts';
import { refreshCustomerMetrics } from '../metrics/metrics-service.ts';
import { recordTimeline, type TimelineInput } from '../timeline/timeline-writer.ts';
import { takeDocumentNumber } from './document-numbers.ts';
import { assertDocumentParties } from './document-parties.ts';
import { resolveLines, type PricedLines } from './document-lines.ts';
import { readCurrency } from './money-input.ts';
import { advanceOrderStatus, getOrder, lockOrder, type OrderDetail } from './order-service.ts';
import type { OrderCreateBody } from './order-schemas.ts';

export interface NewOrder {
  customerId: string;
  contactId: string | null;
  quoteId: string | null;
  channel: SalesChannel;
  currency: string;
  orderedAt: Date;
  promoCode: string | null;
  notes: string | null;
  priced: PricedLines;
}

/** The columns of a new order that follow from its priced lines and promotion code. */
export function pricedOrderColumns(priced: PricedLines, promoCode: string | null) {
  const { totals } = priced;
  return {
    on_promotion: priced.discounted || promoCode !== null,
    promo_code: promoCode,
    subtotal: totals.subtotal,
    discount_total: totals.discountTotal,
    total_excl_tax: totals.totalExclTax,
    tax_total: totals.taxTotal,
    total_incl_tax: totals.totalInclTax,
    cost_total: totals.costTotal,
  };
}

/** What a new order shows: its number, status, amount and line count. */
export interface CreatedOrder {
  id: string;
  customerId: string;
  number: string;
  status: OrderStatus;
  channel: SalesChannel;
  currency: string;
  orderedAt: Date;
  priced: PricedLines;
}

/** The entry that puts a new order on its customer's timeline. */
export function orderCreatedEntry(order: CreatedOrder): TimelineInput {
  return {
    partyId: order.customerId,
    kind: 'order',
    subjectType: 'order',
    subjectId: order.id,
    channel: order.channel,
    occurredAt: order.orderedAt,
    data: {
      action: 'created',
      number: order.number,
      status: order.status,
      amount: order.priced.totals.totalInclTax,
      currency: order.currency,
      channel: order.channel,
      lineCount: order.priced.lines.length,
    },
  };
}

/**
 * Inserts an order whose parties and lines are already checked, with its number, timeline entry, change log
 * and metrics refresh. Must run in a transaction; returns the new order's id.
 */
export async function insertOrder(ctx: Ctx, order: NewOrder): Promise<string> {
  const id = randomUUID();
  const number = await takeDocumentNumber(ctx, 'order', order.orderedAt);
  const { lines } = order.priced;
  const db = scoped(ctx.db, ctx.workspaceId);
  const row = await db
    .insertInto('orders', [
      {
        id,
        number,
        customer_id: order.customerId,
        contact_id: order.contactId,
        quote_id: order.quoteId,
        status: 'confirmed',
        ordered_at: order.orderedAt,
        channel: order.channel,
        currency: order.currency,
        ...pricedOrderColumns(order.priced, order.promoCode),
        notes: order.notes,
        owner_id: actorUserId(ctx.actor),
        created_by: actorUserId(ctx.actor),
      },
    ])
    .returningAll()
    .executeTakeFirstOrThrow();
  await db.insertInto('order_lines', lines.map((line) => ({ ...line, order_id: id }))).execute();
  await recordChange(ctx, { entity: 'order', entityId: id, action: 'create', after: { ...row, lines: lines.length } });
  await recordTimeline(ctx, orderCreatedEntry({ ...order, id, number, status: 'confirmed' }));
  await refreshCustomerMetrics(ctx, [order.customerId]);
  return id;
}

/** Creates a confirmed order from a request: customer, optional contact, channel, lines priced from the catalogue. */
export async function createOrder(ctx: Ctx, body: OrderCreateBody): Promise<OrderDetail> {
  return inTransaction(ctx, async (tx) => {
    const issues: FieldIssue[] = [];
    const currency = readCurrency(body.currency ?? 'EUR', 'body.currency', issues);
    const orderedAt = body.orderedAt ? new Date(body.orderedAt) : new Date();
    if (Number.isNaN(orderedAt.getTime())) issues.push({ field: 'body.orderedAt', rule: 'must be a date and time' });
    throwIfIssues(issues);
    const priced = await resolveLines(tx, body.lines, currency!);
    await assertDocumentParties(tx, { customerId: body.customerId, contactId: body.contactId });
    const id = await insertOrder(tx, {
      customerId: body.customerId,
      contactId: body.contactId ?? null,
      quoteId: null,
      channel: body.channel,
      currency: currency!,
      orderedAt,
      promoCode: body.promoCode?.trim() || null,
      notes: body.notes?.trim() || null,
      priced,
    });
    return getOrder(tx, id);
  });
}

export interface OrderChanges {
  version: number;
  notes?: string | null;
  contactId?: string | null;
}

/** Changes the notes or contact of an order read at `version`; a stale version is a 409 with the current order. */
export async function updateOrder(ctx: Ctx, id: string, changes: OrderChanges): Promise<OrderDetail> {
  return inTransaction(ctx, async (tx) => {
    const before = await lockOrder(tx, id);
    await assertCurrentVersion('order', changes.version, before.version, () => getOrder(tx, id));
    if (changes.contactId) await assertDocumentParties(tx, { contactId: changes.contactId });
    const set: { notes?: string | null; contact_id?: string | null } = {};
    if (changes.notes !== undefined) set.notes = changes.notes?.trim() || null;
    if (changes.contactId !== undefined) set.contact_id = changes.contactId;
    const changed = Object.entries(set).some(([key, value]) => before[key as keyof typeof set] !== value);
    if (!changed) return getOrder(tx, id);
    const after = await scoped(tx.db, tx.workspaceId)
      .updateTable('orders')
      .set({ ...set, version: before.version + 1, updated_at: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordChange(tx, {
      entity: 'order',
      entityId: id,
      action: 'update',
      before: { notes: before.notes, contact_id: before.contact_id },
      after: { notes: after.notes, contact_id: after.contact_id },
    });
    return getOrder(tx, id);
  });
}

/** Moves an order to `status` (see `advanceOrderStatus`) in its own transaction and answers the order as it is now. */
export async function changeOrderStatus(ctx: Ctx, id: string, status: OrderStatus, reason?: string): Promise<OrderDetail> {
  return inTransaction(ctx, async (tx) => {
    await advanceOrderStatus(tx, id, status, { reason });
    return getOrder(tx, id);
  });
}
