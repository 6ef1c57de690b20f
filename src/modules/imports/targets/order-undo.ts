/**
 * Undoing an orders import: the orders it created go, with their lines and their timeline entries, and their
 * customers' metrics are computed again without them. It is all or nothing: an order that has since been
 * delivered, invoiced (hence maybe paid), returned, or that an after-sales case or an interaction refers to,
 * stops the undo with a 409 naming it. The order numbers taken are not handed out again (a sequence never goes
 * back; order numbers are not required to be continuous).
 */
import { sql } from 'kysely';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { refreshCustomerMetrics } from '../../metrics/metrics-service.ts';

/** Undoes the orders of one import in the caller's transaction, or refuses without changing anything. */
export async function undoOrders(ctx: Ctx, importId: string): Promise<void> {
  const ws = ctx.workspaceId;
  const created = sql`select entity_id from import_changes where workspace_id = ${ws} and import_id = ${importId} and entity = 'order' and action = 'created'`;
  const used = (table: string) => sql`exists (select 1 from ${sql.table(table)} x where x.workspace_id = ${ws} and x.order_id = o.id)`;

  const { rows: blocked } = await sql<{ number: string; what: string; n: number }>`
    select number, what, (count(*) over ())::int as n from (
      select o.number, case
          when ${used('deliveries')} then 'a delivery'
          when ${used('invoices')} then 'an invoice'
          when ${used('returns')} then 'a return'
          when ${used('cases')} then 'an after-sales case'
          when ${used('interactions')} then 'an interaction'
        end as what
      from orders o where o.workspace_id = ${ws} and o.id in (${created})
    ) used where what is not null
    order by number limit 1`.execute(ctx.db);
  const first = blocked[0];
  if (first) {
    const others = first.n > 1 ? ` (and ${first.n - 1} more order${first.n > 2 ? 's' : ''})` : '';
    throw new AppError('conflict', `Order ${first.number}${others} has ${first.what} since the import; the import cannot be undone`);
  }

  const { rows: customers } = await sql<{ customer_id: string }>`
    select distinct customer_id from orders where workspace_id = ${ws} and id in (${created})`.execute(ctx.db);
  await sql`
    delete from timeline_entries where workspace_id = ${ws} and subject_type = 'order' and subject_id in (${created})`.execute(ctx.db);
  await sql`delete from orders where workspace_id = ${ws} and id in (${created})`.execute(ctx.db);
  await refreshCustomerMetrics(ctx, customers.map((c) => c.customer_id));
}
