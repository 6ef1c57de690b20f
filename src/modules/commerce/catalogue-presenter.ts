/** API shapes of categories and products: prices as strings with two decimals, margin and margin rate derived. */
import { Type, type Static } from 'typebox';
import { Timestamp } from '../../platform/http/schemas.ts';
import { marginOf, marginRate } from '../../shared/commerce/order-math.ts';
import type { ProductKind } from '../../shared/commerce/commerce-reference.ts';
import type { CategoryRow, ProductRow } from './catalogue-service.ts';
import { money } from './order-presenter.ts';

export const CategoryOut = Type.Object({
  id: Type.String(),
  name: Type.String(),
  parentId: Type.Union([Type.String(), Type.Null()]),
  productCount: Type.Integer(),
});

export const ProductOut = Type.Object({
  id: Type.String(),
  sku: Type.String(),
  name: Type.String(),
  description: Type.Union([Type.String(), Type.Null()]),
  kind: Type.Union([Type.Literal('product'), Type.Literal('service')]),
  categoryId: Type.Union([Type.String(), Type.Null()]),
  categoryName: Type.Union([Type.String(), Type.Null()]),
  unitPrice: Type.String({ description: 'Excluding tax, 2 decimals' }),
  unitCost: Type.String(),
  currency: Type.String(),
  vatRate: Type.String({ description: 'Percent, 2 decimals' }),
  margin: Type.String({ description: 'unitPrice − unitCost' }),
  marginRate: Type.Union([Type.String(), Type.Null()], { description: 'margin / unitPrice in percent; null for a free product' }),
  active: Type.Boolean(),
  version: Type.Integer(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type ProductOutput = Static<typeof ProductOut>;

export function presentCategory(row: CategoryRow): Static<typeof CategoryOut> {
  return { id: row.id, name: row.name, parentId: row.parent_id, productCount: row.product_count };
}

export function presentProduct(row: ProductRow): ProductOutput {
  const unitPrice = money(row.unit_price);
  const unitCost = money(row.unit_cost);
  return {
    id: row.id,
    sku: row.sku,
    name: row.name,
    description: row.description,
    kind: row.kind as ProductKind,
    categoryId: row.category_id,
    categoryName: row.category_name,
    unitPrice,
    unitCost,
    currency: row.currency.trim(),
    vatRate: money(row.vat_rate),
    margin: marginOf(unitPrice, unitCost),
    marginRate: marginRate(unitPrice, unitCost),
    active: row.active,
    version: row.version,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
