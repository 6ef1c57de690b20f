/**
 * Turning the lines of a quote or order request into priced rows: each line's numbers are checked, its product
 * looked up (it must exist in this workspace, be active and be priced in the document's currency), the product's
 * price, name, VAT rate and cost filled in where the line leaves them out, and the amounts computed by the shared
 * `order-math`. Every offending line is named in one error; nothing is written before all lines are good.
 */
import { AppError, throwIfIssues, type FieldIssue } from '../../platform/errors.ts';
import type { Ctx } from '../../platform/context.ts';
import { scoped } from '../../platform/db/scoped.ts';
import { hasDiscount, priceOrder, type OrderTotals } from '../../shared/commerce/order-math.ts';
import { DISCOUNT_RULE, MONEY_RULE, QUANTITY_RULE, readDecimal } from './money-input.ts';
import type { LineBody } from './order-schemas.ts';

/** The priced columns every document line stores: quote, order, invoice and credit note lines alike. */
export interface LineColumns {
  description: string;
  quantity: string;
  unit_price: string;
  discount_percent: string;
  vat_rate: string;
  line_total: string;
  unit_cost: string;
  line_cost: string;
}

/** One line ready to insert (without its owner id). */
export interface PricedLine extends LineColumns {
  position: number;
  product_id: string;
}

export interface PricedLines {
  lines: PricedLine[];
  totals: OrderTotals;
  /** Whether some line carries a discount. */
  discounted: boolean;
}

/** The columns a line stores once its price, discount, VAT rate and cost are settled. */
export type LineTerms = Omit<PricedLine, 'position' | 'line_total' | 'line_cost'>;

/** Computes line totals, costs and document totals for lines whose terms are settled. */
export function priceLines(terms: readonly LineTerms[]): PricedLines {
  const priced = priceOrder(
    terms.map((t) => ({ quantity: t.quantity, unitPrice: t.unit_price, discountPercent: t.discount_percent, vatRate: t.vat_rate, unitCost: t.unit_cost })),
  );
  return {
    lines: terms.map((t, index) => ({
      ...t,
      position: index + 1,
      line_total: priced.lines[index]!.lineTotal,
      line_cost: priced.lines[index]!.lineCost,
    })),
    totals: priced.totals,
    discounted: hasDiscount(terms.map((t) => ({ discountPercent: t.discount_percent }))),
  };
}

/**
 * Checks and prices the lines of a request for a document in `currency`. Malformed numbers are a 400
 * `validation_failed`; lines naming a product that is unknown, archived or priced in another currency are a 422
 * `unprocessable`; each issue names `body.lines[i].<field>`.
 */
export async function resolveLines(ctx: Ctx, body: readonly LineBody[], currency: string): Promise<PricedLines> {
  if (body.length === 0) throw new AppError('validation_failed', 'body.lines must hold at least one line', [{ field: 'body.lines', rule: 'must hold at least one line' }]);
  const issues: FieldIssue[] = [];
  const numbers = body.map((line, i) => ({
    quantity: readDecimal(line.quantity, `body.lines[${i}].quantity`, QUANTITY_RULE, issues),
    unitPrice: line.unitPrice === undefined ? undefined : readDecimal(line.unitPrice, `body.lines[${i}].unitPrice`, MONEY_RULE, issues),
    discount: line.discountPercent === undefined ? '0.00' : readDecimal(line.discountPercent, `body.lines[${i}].discountPercent`, DISCOUNT_RULE, issues),
  }));
  throwIfIssues(issues);

  const ids = [...new Set(body.map((line) => line.productId))];
  const products = await scoped(ctx.db, ctx.workspaceId)
    .selectFrom('products')
    .select(['id', 'sku', 'name', 'active', 'currency', 'unit_price', 'unit_cost', 'vat_rate'])
    .where('id', 'in', ids)
    .execute();
  const byId = new Map(products.map((p) => [p.id, p]));
  const refused: FieldIssue[] = [];
  const terms: LineTerms[] = [];
  body.forEach((line, i) => {
    const field = `body.lines[${i}].productId`;
    const product = byId.get(line.productId);
    if (!product) return refused.push({ field, rule: 'must be a product of this catalogue' });
    if (!product.active) return refused.push({ field, rule: `is archived (${product.sku}) and can no longer be sold` });
    const productCurrency = product.currency.trim();
    if (productCurrency !== currency) {
      return refused.push({ field, rule: `is priced in ${productCurrency} but the document is in ${currency}` });
    }
    const n = numbers[i]!;
    terms.push({
      product_id: product.id,
      description: line.description?.trim() || product.name,
      quantity: n.quantity!,
      unit_price: n.unitPrice ?? product.unit_price,
      discount_percent: n.discount!,
      vat_rate: product.vat_rate,
      unit_cost: product.unit_cost,
    });
    return undefined;
  });
  if (refused.length > 0) {
    throw new AppError('unprocessable', refused.map((issue) => `${issue.field} ${issue.rule}`).join('; '), refused);
  }
  return priceLines(terms);
}
