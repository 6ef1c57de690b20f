/**
 * The catalogue: categories and the products and services sold, each with a unit price and a unit cost so that
 * gross margin is known. A product that was ever quoted or sold is archived rather than deleted, so old
 * documents keep pointing at it; SKUs and category names are unique within a workspace.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Selectable } from 'kysely';
import type { ProductCategoriesTable, ProductsTable } from '../../platform/db/schema.ts';
import { scoped } from '../../platform/db/scoped.ts';
import { inTransaction, type Ctx } from '../../platform/context.ts';
import { recordChange } from '../../platform/events/change-log.ts';
import { AppError, assertCurrentVersion, notFound, throwIfIssues, type FieldIssue } from '../../platform/errors.ts';
import { paginate, type PageRequest, type PageResult } from '../../platform/http/pagination.ts';
import type { ProductKind } from '../../shared/commerce/commerce-reference.ts';
import { escapeLike } from '../parties/party-service.ts';
import { MONEY_RULE, readCurrency, readDecimal, VAT_RULE, type DecimalInput } from './money-input.ts';

export type CategoryRow = Selectable<ProductCategoriesTable> & { product_count: number };
export type ProductRow = Selectable<ProductsTable> & { category_name: string | null };

// ---------------------------------------------------------------------------------------------- categories

export async function listCategories(ctx: Ctx): Promise<CategoryRow[]> {
  return scoped(ctx.db, ctx.workspaceId)
    .selectFrom('product_categories')
    .selectAll('product_categories')
    .select(
      sql<number>`(select count(*)::int from products p where p.workspace_id = product_categories.workspace_id and p.category_id = product_categories.id)`.as(
        'product_count',
      ),
    )
    .orderBy(sql`lower(name)`)
    .execute();
}

async function getCategory(ctx: Ctx, id: string): Promise<CategoryRow> {
  const found = (await listCategories(ctx)).find((category) => category.id === id);
  if (!found) throw notFound('Category');
  return found;
}

async function assertCategoryNameFree(ctx: Ctx, name: string, exceptId?: string): Promise<void> {
  let query = scoped(ctx.db, ctx.workspaceId).selectFrom('product_categories').select('id').where(sql<boolean>`lower(name) = ${name.toLowerCase()}`);
  if (exceptId) query = query.where('id', '!=', exceptId);
  if (await query.executeTakeFirst()) {
    throw new AppError('conflict', `A category named ${name} already exists`, [{ field: 'body.name', rule: 'must be unique in the workspace' }]);
  }
}

async function assertCategoryExists(ctx: Ctx, id: string, field: string): Promise<void> {
  const found = await scoped(ctx.db, ctx.workspaceId).selectFrom('product_categories').select('id').where('id', '=', id).executeTakeFirst();
  if (!found) throw new AppError('unprocessable', `${field} is not a category of this catalogue`, [{ field, rule: 'must be a category of this catalogue' }]);
}

export interface CategoryInput {
  name: string;
  parentId?: string | null;
}

export async function createCategory(ctx: Ctx, input: CategoryInput): Promise<CategoryRow> {
  return inTransaction(ctx, async (tx) => {
    const name = input.name.trim();
    await assertCategoryNameFree(tx, name);
    if (input.parentId) await assertCategoryExists(tx, input.parentId, 'body.parentId');
    const row = await scoped(tx.db, tx.workspaceId)
      .insertInto('product_categories', [{ id: randomUUID(), name, parent_id: input.parentId ?? null }])
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordChange(tx, { entity: 'product_category', entityId: row.id, action: 'create', after: row });
    return { ...row, product_count: 0 };
  });
}

export async function renameCategory(ctx: Ctx, id: string, name: string): Promise<CategoryRow> {
  return inTransaction(ctx, async (tx) => {
    const categories = scoped(tx.db, tx.workspaceId);
    const before = await categories.selectFrom('product_categories').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!before) throw notFound('Category');
    await assertCategoryNameFree(tx, name.trim(), id);
    const after = await categories.updateTable('product_categories').set({ name: name.trim() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    await recordChange(tx, { entity: 'product_category', entityId: id, action: 'update', before, after });
    return getCategory(tx, id);
  });
}

/** Deletes a category nothing uses; one that holds products or sub-categories is a 409. */
export async function deleteCategory(ctx: Ctx, id: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const categories = scoped(tx.db, tx.workspaceId);
    const before = await categories.selectFrom('product_categories').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!before) throw notFound('Category');
    const products = await categories.selectFrom('products').select(sql<number>`count(*)::int`.as('n')).where('category_id', '=', id).executeTakeFirstOrThrow();
    const children = await categories.selectFrom('product_categories').select(sql<number>`count(*)::int`.as('n')).where('parent_id', '=', id).executeTakeFirstOrThrow();
    if (products.n > 0 || children.n > 0) {
      const uses = [products.n > 0 ? `${products.n} product(s)` : null, children.n > 0 ? `${children.n} sub-categor${children.n > 1 ? 'ies' : 'y'}` : null];
      throw new AppError('conflict', `Category ${before.name} is used by ${uses.filter(Boolean).join(' and ')}; move them first`);
    }
    await categories.deleteFrom('product_categories').where('id', '=', id).execute();
    await recordChange(tx, { entity: 'product_category', entityId: id, action: 'delete', before });
  });
}

// ------------------------------------------------------------------------------------------------ products

export interface ProductInput {
  sku?: string;
  name?: string;
  description?: string | null;
  kind?: ProductKind;
  categoryId?: string | null;
  unitPrice?: DecimalInput;
  unitCost?: DecimalInput;
  currency?: string;
  vatRate?: DecimalInput;
  active?: boolean;
}

/** The columns a body sets, checked; every offending field becomes an issue. */
function productColumns(input: ProductInput, issues: FieldIssue[]): Record<string, unknown> {
  const columns: Record<string, unknown> = {};
  if (input.sku !== undefined) columns.sku = input.sku.trim();
  if (input.name !== undefined) columns.name = input.name.trim();
  if (input.description !== undefined) columns.description = input.description?.trim() || null;
  if (input.kind !== undefined) columns.kind = input.kind;
  if (input.categoryId !== undefined) columns.category_id = input.categoryId;
  if (input.unitPrice !== undefined) columns.unit_price = readDecimal(input.unitPrice, 'body.unitPrice', MONEY_RULE, issues);
  if (input.unitCost !== undefined) columns.unit_cost = readDecimal(input.unitCost, 'body.unitCost', MONEY_RULE, issues);
  if (input.vatRate !== undefined) columns.vat_rate = readDecimal(input.vatRate, 'body.vatRate', VAT_RULE, issues);
  if (input.currency !== undefined) columns.currency = readCurrency(input.currency, 'body.currency', issues);
  if (input.active !== undefined) columns.active = input.active;
  return columns;
}

async function assertSkuFree(ctx: Ctx, sku: string, exceptId?: string): Promise<void> {
  let query = scoped(ctx.db, ctx.workspaceId).selectFrom('products').select('id').where('sku', '=', sku);
  if (exceptId) query = query.where('id', '!=', exceptId);
  if (await query.executeTakeFirst()) {
    throw new AppError('conflict', `Another product already has the SKU ${sku}`, [{ field: 'body.sku', rule: 'must be unique in the catalogue' }]);
  }
}

function productsWithCategory(ctx: Ctx) {
  return scoped(ctx.db, ctx.workspaceId)
    .selectFrom('products')
    .leftJoin('product_categories as category', (join) =>
      join.onRef('category.workspace_id', '=', 'products.workspace_id').onRef('category.id', '=', 'products.category_id'),
    )
    .selectAll('products')
    .select('category.name as category_name');
}

export async function getProduct(ctx: Ctx, id: string): Promise<ProductRow> {
  const row = await productsWithCategory(ctx).where('products.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Product');
  return row;
}

export async function createProduct(ctx: Ctx, input: ProductInput & { sku: string; name: string; unitPrice: DecimalInput }): Promise<ProductRow> {
  return inTransaction(ctx, async (tx) => {
    const issues: FieldIssue[] = [];
    const columns = productColumns(input, issues);
    throwIfIssues(issues);
    await assertSkuFree(tx, columns.sku as string);
    if (typeof columns.category_id === 'string') await assertCategoryExists(tx, columns.category_id, 'body.categoryId');
    const id = randomUUID();
    const row = await scoped(tx.db, tx.workspaceId)
      .insertInto('products', [{ ...columns, id } as never])
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordChange(tx, { entity: 'product', entityId: id, action: 'create', after: row });
    return getProduct(tx, id);
  });
}

/** Applies a partial change to a product the client read at `version`; a stale version is a 409 with the current one. */
export async function updateProduct(
  ctx: Ctx,
  id: string,
  input: ProductInput & { version: number },
  present: (row: ProductRow) => unknown,
): Promise<ProductRow> {
  return inTransaction(ctx, async (tx) => {
    const products = scoped(tx.db, tx.workspaceId);
    const before = await products.selectFrom('products').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!before) throw notFound('Product');
    await assertCurrentVersion('product', input.version, before.version, async () => present(await getProduct(tx, id)));
    const issues: FieldIssue[] = [];
    const columns = productColumns(input, issues);
    throwIfIssues(issues);
    if (typeof columns.sku === 'string') await assertSkuFree(tx, columns.sku, id);
    if (typeof columns.category_id === 'string') await assertCategoryExists(tx, columns.category_id, 'body.categoryId');
    const after = await products
      .updateTable('products')
      .set({ ...columns, version: before.version + 1, updated_at: new Date() } as never)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const changed = await recordChange(tx, { entity: 'product', entityId: id, action: 'update', before, after });
    if (changed === null) await products.updateTable('products').set({ version: before.version, updated_at: before.updated_at }).where('id', '=', id).execute();
    return getProduct(tx, id);
  });
}

/**
 * Removes a product from the catalogue: deleted when no quote or order ever used it, archived (inactive, kept
 * for the documents that name it) otherwise.
 */
export async function removeProduct(ctx: Ctx, id: string): Promise<{ outcome: 'deleted' | 'archived'; product: ProductRow | null }> {
  return inTransaction(ctx, async (tx) => {
    const products = scoped(tx.db, tx.workspaceId);
    const before = await products.selectFrom('products').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!before) throw notFound('Product');
    const { used } = await tx.db
      .selectNoFrom(
        sql<boolean>`exists (select 1 from order_lines where workspace_id = ${tx.workspaceId} and product_id = ${id})
          or exists (select 1 from quote_lines where workspace_id = ${tx.workspaceId} and product_id = ${id})`.as('used'),
      )
      .executeTakeFirstOrThrow();
    if (!used) {
      await products.deleteFrom('products').where('id', '=', id).execute();
      await recordChange(tx, { entity: 'product', entityId: id, action: 'delete', before });
      return { outcome: 'deleted', product: null };
    }
    if (before.active) {
      const after = await products
        .updateTable('products')
        .set({ active: false, version: before.version + 1, updated_at: new Date() })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordChange(tx, { entity: 'product', entityId: id, action: 'update', before, after });
    }
    return { outcome: 'archived', product: await getProduct(tx, id) };
  });
}

export interface ListProductsOptions extends PageRequest {
  q?: string;
  categoryId?: string;
  active?: boolean;
  kind?: ProductKind;
}

export const PRODUCT_SORT_COLUMNS = {
  name: 'products.name',
  sku: 'products.sku',
  unitPrice: 'products.unit_price',
  createdAt: 'products.created_at',
} as const;

/** Products matching the filters; `q` finds part of the SKU or of the name, case ignored. */
export async function listProducts(ctx: Ctx, options: ListProductsOptions): Promise<PageResult<ProductRow>> {
  let query = productsWithCategory(ctx);
  if (options.q && options.q.trim() !== '') {
    const pattern = `%${escapeLike(options.q.trim().toLowerCase())}%`;
    query = query.where(sql<boolean>`(lower(products.sku) like ${pattern} or lower(products.name) like ${pattern})`);
  }
  if (options.categoryId) query = query.where('products.category_id', '=', options.categoryId);
  if (options.active !== undefined) query = query.where('products.active', '=', options.active);
  if (options.kind) query = query.where('products.kind', '=', options.kind);
  return paginate(query, options, { sortColumns: PRODUCT_SORT_COLUMNS, defaultSort: 'name', idColumn: 'products.id' });
}
