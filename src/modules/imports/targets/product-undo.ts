/**
 * Undoing a products import: the products it created are deleted, the ones it updated get back the values they
 * had, and the categories it created go once nothing uses them. It is all or nothing: a created product that a
 * quote, order, invoice or case has used since, or a product someone changed after the import, stops the undo
 * with a 409 naming it.
 */
import { sql } from 'kysely';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';

/** `what` is said of one product and `whatMany` of several. */
function refusal(count: number, example: string, what: string, whatMany: string): AppError {
  const subject = count === 1 ? `Product ${example} ${what}` : `${count} products (${example} among them) ${whatMany}`;
  return new AppError('conflict', `${subject}; the import cannot be undone`);
}

/** Undoes the product changes of one import in the caller's transaction, or refuses without changing anything. */
export async function undoProducts(ctx: Ctx, importId: string): Promise<void> {
  const ws = ctx.workspaceId;
  const changes = sql`select entity_id, action from import_changes where workspace_id = ${ws} and import_id = ${importId} and entity = 'product'`;

  const used = await sql<{ n: number; sku: string | null }>`
    select count(*)::int as n, min(p.sku) as sku
    from products p join (${changes}) c on c.entity_id = p.id and c.action = 'created'
    where p.workspace_id = ${ws} and (
      exists (select 1 from order_lines l where l.workspace_id = ${ws} and l.product_id = p.id)
      or exists (select 1 from quote_lines l where l.workspace_id = ${ws} and l.product_id = p.id)
      or exists (select 1 from invoice_lines l where l.workspace_id = ${ws} and l.product_id = p.id)
      or exists (select 1 from cases k where k.workspace_id = ${ws} and k.product_id = p.id))`.execute(ctx.db);
  if (used.rows[0]!.n > 0) throw refusal(used.rows[0]!.n, used.rows[0]!.sku!, 'has been used by quotes, orders, invoices or cases since', 'have been used by quotes, orders, invoices or cases since');

  // The import wrote its rows before it finished; a product touched later was changed by someone else, and
  // deleting or overwriting it would lose that change.
  const changed = await sql<{ n: number; sku: string | null }>`
    select count(*)::int as n, min(p.sku) as sku
    from products p join (${changes}) c on c.entity_id = p.id
    where p.workspace_id = ${ws}
      and p.updated_at > (select coalesce(finished_at, now()) from imports where workspace_id = ${ws} and id = ${importId})`.execute(ctx.db);
  if (changed.rows[0]!.n > 0) throw refusal(changed.rows[0]!.n, changed.rows[0]!.sku!, 'was changed after the import', 'were changed after the import');

  await sql`
    update products p set sku = b.sku, name = b.name, description = b.description, kind = b.kind, category_id = b.category_id,
      unit_price = b.unit_price, unit_cost = b.unit_cost, vat_rate = b.vat_rate, active = b.active,
      version = p.version + 1, updated_at = now()
    from import_changes c cross join lateral jsonb_populate_record(null::products, c.before) b
    where c.workspace_id = ${ws} and c.import_id = ${importId} and c.entity = 'product' and c.action = 'updated'
      and p.workspace_id = ${ws} and p.id = c.entity_id`.execute(ctx.db);
  await sql`
    delete from products p using import_changes c
    where c.workspace_id = ${ws} and c.import_id = ${importId} and c.entity = 'product' and c.action = 'created'
      and p.workspace_id = ${ws} and p.id = c.entity_id`.execute(ctx.db);
  await sql`
    delete from product_categories k using import_changes c
    where c.workspace_id = ${ws} and c.import_id = ${importId} and c.entity = 'product_category' and c.action = 'created'
      and k.workspace_id = ${ws} and k.id = c.entity_id
      and not exists (select 1 from products p where p.workspace_id = ${ws} and p.category_id = k.id)
      and not exists (select 1 from product_categories s where s.workspace_id = ${ws} and s.parent_id = k.id)`.execute(ctx.db);
}
