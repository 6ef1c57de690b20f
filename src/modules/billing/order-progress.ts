/**
 * How far each line of an order has gone: how much of it is on a delivery, shipped, delivered, invoiced,
 * credited and returned. One statement over the billing tables, folded per order line; every limit the billing
 * services enforce ("no more than what remains to deliver", "no more than delivered minus returned") reads it.
 */
import { sql } from 'kysely';
import type { Ctx } from '../../platform/context.ts';
import { milli } from './billing-math.ts';

/** Quantities in thousandths (1 unit = 1000n). */
export interface LineProgress {
  /** On a delivery that has not come back to sender. */
  planned: bigint;
  /** Of which shipped (or delivered). */
  shipped: bigint;
  delivered: bigint;
  /** On invoices that are not cancelled. */
  invoiced: bigint;
  /** On credit notes of this order's invoices (credit notes for a quantity, not those for an amount). */
  credited: bigint;
  /** On returns that are not rejected. */
  returned: bigint;
}

const EMPTY: LineProgress = { planned: 0n, shipped: 0n, delivered: 0n, invoiced: 0n, credited: 0n, returned: 0n };

interface ProgressRow {
  position: number;
  source: 'delivery' | 'invoice' | 'credit_note' | 'return';
  status: string;
  shipped: boolean;
  quantity: string;
}

/** The progress of every order line that has any, by line position; a line missing from the map has none. */
export async function orderProgress(ctx: Ctx, orderId: string): Promise<Map<number, LineProgress>> {
  const ws = ctx.workspaceId;
  const { rows } = await sql<ProgressRow>`
    select dl.order_line_position as position, 'delivery' as source, d.status, (d.shipped_at is not null) as shipped,
           sum(dl.quantity)::text as quantity
    from delivery_lines dl
    join deliveries d on d.workspace_id = dl.workspace_id and d.id = dl.delivery_id
    where d.workspace_id = ${ws} and d.order_id = ${orderId}
    group by 1, 2, 3, 4
    union all
    select il.order_line_position, i.kind, i.status, false, sum(il.quantity)::text
    from invoice_lines il
    join invoices i on i.workspace_id = il.workspace_id and i.id = il.invoice_id
    where i.workspace_id = ${ws} and i.order_id = ${orderId} and i.status <> 'cancelled' and il.order_line_position is not null
    group by 1, 2, 3, 4
    union all
    select rl.order_line_position, 'return', r.status, false, sum(rl.quantity)::text
    from return_lines rl
    join returns r on r.workspace_id = rl.workspace_id and r.id = rl.return_id
    where r.workspace_id = ${ws} and r.order_id = ${orderId} and r.status <> 'rejected'
    group by 1, 2, 3, 4`.execute(ctx.db);

  const progress = new Map<number, LineProgress>();
  for (const row of rows) {
    const line = progress.get(row.position) ?? { ...EMPTY };
    const quantity = milli(row.quantity);
    if (row.source === 'delivery' && row.status !== 'returned') {
      line.planned += quantity;
      if (row.shipped || row.status === 'delivered') line.shipped += quantity;
      if (row.status === 'delivered') line.delivered += quantity;
    } else if (row.source === 'invoice') line.invoiced += quantity;
    else if (row.source === 'credit_note') line.credited += quantity;
    else if (row.source === 'return') line.returned += quantity;
    progress.set(row.position, line);
  }
  return progress;
}

/** The progress of one line, zero when nothing happened to it yet. */
export function progressOf(progress: Map<number, LineProgress>, position: number): LineProgress {
  return progress.get(position) ?? EMPTY;
}
