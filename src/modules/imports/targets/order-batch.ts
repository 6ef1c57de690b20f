/**
 * Writing a batch of order lines. The batch's rows are grouped by order number; each group becomes a new
 * order, lines added to an order this same import created from an earlier batch (an order whose rows straddle
 * two batches: it is written with the first batch and completed by the next, so every committed batch holds
 * whole rows and a resumed import needs nothing kept in memory), or nothing at all when the order was imported
 * before (its rows count as unchanged). Customers, products and known orders are each found with one query;
 * orders, lines and timeline entries are inserted with one statement each, and the metrics of the customers
 * concerned refreshed once.
 */
import { sql } from 'kysely';
import { actorUserId, type Ctx } from '../../../platform/context.ts';
import { scoped } from '../../../platform/db/scoped.ts';
import { takeDocumentNumbers } from '../../commerce/document-numbers.ts';
import { orderCreatedEntry, pricedOrderColumns } from '../../commerce/order-write.ts';
import { priceLines, type LineTerms, type PricedLines } from '../../commerce/document-lines.ts';
import { refreshCustomerMetrics } from '../../metrics/metrics-service.ts';
import { recordTimeline } from '../../timeline/timeline-writer.ts';
import type { BatchOptions, BatchResult, ImportChange, PreparedRow, RowOutcome } from '../import-types.ts';
import { findCustomers } from './customer-lookup.ts';
import type { OrderLineRecord } from './order-target.ts';
import { planOrder, type ExistingOrder, type PlannedOrder, type StoredProduct } from './order-plan.ts';

type Row = PreparedRow<OrderLineRecord>;

function groupByOrder(rows: readonly Row[]): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const group = groups.get(row.record.orderNumber);
    if (group) group.push(row);
    else groups.set(row.record.orderNumber, [row]);
  }
  return groups;
}

async function findProducts(ctx: Ctx, rows: readonly Row[]): Promise<Map<string, StoredProduct>> {
  const skus = [...new Set(rows.flatMap((r) => (r.record.sku ? [r.record.sku] : [])))];
  if (skus.length === 0) return new Map();
  const found = await scoped(ctx.db, ctx.workspaceId)
    .selectFrom('products')
    .select(['id', 'sku', 'name', 'currency', 'unit_price', 'unit_cost', 'vat_rate'])
    .where(sql<boolean>`sku = any(${skus}::text[])`)
    .execute();
  return new Map(found.map((p) => [p.sku, { ...p, currency: p.currency.trim() }]));
}

/** Orders already carrying these references, and whether this import created them (then rows add lines). */
async function findOrders(ctx: Ctx, importId: string, references: string[]): Promise<Map<string, ExistingOrder>> {
  const { rows } = await sql<ExistingOrder & { external_ref: string }>`
    select o.id, o.number, o.external_ref, o.customer_id, trim(o.currency) as currency,
      exists (select 1 from import_changes c where c.workspace_id = o.workspace_id and c.import_id = ${importId}
              and c.entity = 'order' and c.entity_id = o.id) as ours,
      (select coalesce(max(l.position), 0)::int from order_lines l where l.workspace_id = o.workspace_id and l.order_id = o.id) as line_count
    from orders o
    where o.workspace_id = ${ctx.workspaceId} and o.external_ref = any(${references}::text[])
    order by o.created_at, o.id`.execute(ctx.db);
  const orders = new Map<string, ExistingOrder>();
  // Several orders with one reference (typed in by hand): the first one stands for them all.
  for (const row of rows) if (!orders.has(row.external_ref)) orders.set(row.external_ref, row);
  return orders;
}

/** The terms of the lines already stored for orders this import is adding lines to, in position order. */
async function storedTerms(ctx: Ctx, orderIds: string[]): Promise<Map<string, LineTerms[]>> {
  const terms = new Map<string, LineTerms[]>();
  if (orderIds.length === 0) return terms;
  const lines = await scoped(ctx.db, ctx.workspaceId)
    .selectFrom('order_lines')
    .select(['order_id', 'product_id', 'description', 'quantity', 'unit_price', 'discount_percent', 'vat_rate', 'unit_cost'])
    .where(sql<boolean>`order_id = any(${orderIds}::uuid[])`)
    .orderBy('order_id')
    .orderBy('position')
    .execute();
  for (const { order_id, ...line } of lines) terms.set(order_id, [...(terms.get(order_id) ?? []), line]);
  return terms;
}

/** Takes the new orders' numbers, one run per year of their order dates (numbering restarts each year). */
async function numberOrders(ctx: Ctx, orders: PlannedOrder[]): Promise<Map<PlannedOrder, string>> {
  const byYear = new Map<number, PlannedOrder[]>();
  for (const order of orders) {
    const year = order.orderedAt.getUTCFullYear();
    byYear.set(year, [...(byYear.get(year) ?? []), order]);
  }
  const numbers = new Map<PlannedOrder, string>();
  for (const list of byYear.values()) {
    const taken = await takeDocumentNumbers(ctx, 'order', list.length, list[0]!.orderedAt);
    list.forEach((order, i) => numbers.set(order, taken[i]!));
  }
  return numbers;
}

async function insertOrders(ctx: Ctx, orders: PlannedOrder[], priced: Map<PlannedOrder, PricedLines>, importId: string): Promise<void> {
  if (orders.length === 0) return;
  const numbers = await numberOrders(ctx, orders);
  const userId = actorUserId(ctx.actor);
  const db = scoped(ctx.db, ctx.workspaceId);
  await db
    .insertInto(
      'orders',
      orders.map((order) => ({
        id: order.id,
        number: numbers.get(order)!,
        customer_id: order.customerId,
        status: order.status,
        ordered_at: order.orderedAt,
        channel: order.channel,
        currency: order.currency,
        ...pricedOrderColumns(priced.get(order)!, order.promoCode),
        notes: order.notes,
        owner_id: userId,
        created_by: userId,
        // The source says an order was cancelled, not when: its order date is the best stand-in.
        cancelled_at: order.status === 'cancelled' ? order.orderedAt : null,
        external_ref: order.orderNumber,
      })),
    )
    .execute();
  await recordTimeline(
    ctx,
    orders.map((order) => {
      const entry = orderCreatedEntry({ ...order, number: numbers.get(order)!, priced: priced.get(order)! });
      return { ...entry, data: { ...entry.data, importId } };
    }),
  );
}

/** New totals for orders that got more lines, and their timeline entries' amount and line count, set-based. */
async function updateGrownOrders(ctx: Ctx, orders: PlannedOrder[], priced: Map<PlannedOrder, PricedLines>): Promise<void> {
  if (orders.length === 0) return;
  const values = sql.join(
    orders.map((order) => {
      const { totals, discounted, lines } = priced.get(order)!;
      return sql`(${order.id}::uuid, ${totals.subtotal}::numeric, ${totals.discountTotal}::numeric, ${totals.totalExclTax}::numeric,
        ${totals.taxTotal}::numeric, ${totals.totalInclTax}::numeric, ${totals.costTotal}::numeric, ${discounted}::boolean, ${lines.length}::int)`;
    }),
  );
  const ws = ctx.workspaceId;
  await sql`
    update orders o set subtotal = v.subtotal, discount_total = v.discount_total, total_excl_tax = v.total_excl_tax,
      tax_total = v.tax_total, total_incl_tax = v.total_incl_tax, cost_total = v.cost_total,
      on_promotion = o.on_promotion or v.discounted, version = o.version + 1, updated_at = now()
    from (values ${values}) as v (id, subtotal, discount_total, total_excl_tax, tax_total, total_incl_tax, cost_total, discounted, line_count)
    where o.workspace_id = ${ws} and o.id = v.id`.execute(ctx.db);
  await sql`
    update timeline_entries t set data = t.data || jsonb_build_object('amount', v.total_incl_tax::text, 'lineCount', v.line_count)
    from (values ${values}) as v (id, subtotal, discount_total, total_excl_tax, tax_total, total_incl_tax, cost_total, discounted, line_count)
    where t.workspace_id = ${ws} and t.subject_type = 'order' and t.subject_id = v.id and t.data->>'action' = 'created'`.execute(ctx.db);
}

/** Writes one batch of order lines (see the module comment). */
export async function writeOrderBatch(ctx: Ctx, rows: Row[], options: BatchOptions): Promise<BatchResult> {
  const groups = groupByOrder(rows);
  const customers = await findCustomers(ctx, rows.flatMap((r) => (r.record.customer ? [r.record.customer] : [])));
  const products = await findProducts(ctx, rows);
  const existing = await findOrders(ctx, options.importId, [...groups.keys()]);

  const outcomes = new Map<Row, RowOutcome>();
  const planned: PlannedOrder[] = [];
  for (const [orderNumber, group] of groups) {
    const known = existing.get(orderNumber);
    if (known && !known.ours) {
      for (const row of group) {
        row.record.alreadyImportedAs = known.number;
        outcomes.set(row, { rowNumber: row.rowNumber, action: 'unchanged', entityId: known.id, issues: [] });
      }
      continue;
    }
    const plan = planOrder(group, known ?? null, customers, products);
    if ('refused' in plan) {
      for (const row of group) outcomes.set(row, { rowNumber: row.rowNumber, action: 'invalid', entityId: null, issues: plan.refused.get(row)! });
      continue;
    }
    planned.push(plan.order);
    for (const row of group) outcomes.set(row, { rowNumber: row.rowNumber, action: 'created', entityId: plan.order.id, issues: [] });
  }

  const grown = planned.filter((o) => o.existing !== null);
  const stored = await storedTerms(ctx, grown.map((o) => o.id));
  const priced = new Map(planned.map((o) => [o, priceLines([...(stored.get(o.id) ?? []), ...o.terms])]));
  const fresh = planned.filter((o) => o.existing === null);
  await insertOrders(ctx, fresh, priced, options.importId);
  await updateGrownOrders(ctx, grown, priced);
  const lines = planned.flatMap((order) => {
    const already = stored.get(order.id)?.length ?? 0;
    const offset = order.existing?.line_count ?? 0;
    return priced.get(order)!.lines.slice(already).map((line, i) => ({ ...line, position: offset + i + 1, order_id: order.id }));
  });
  if (lines.length > 0) await scoped(ctx.db, ctx.workspaceId).insertInto('order_lines', lines).execute();

  const partyIds = [...new Set(planned.map((o) => o.customerId))];
  await refreshCustomerMetrics(ctx, partyIds);
  const changes: ImportChange[] = fresh.map((o) => ({ entity: 'order', entityId: o.id, action: 'created', rowNumber: o.firstRow, before: null }));
  return { outcomes: rows.map((row) => outcomes.get(row)!), changes, partyIds };
}
