/**
 * The commerce screens' logic, pure: the order list's URL filters, the order and quote form (lines as typed,
 * live totals computed with the same `order-math` as the server, the request body), which field a server
 * refusal names, and the colours of statuses.
 */
import {
  ORDER_STATUSES,
  ORDER_TRANSITIONS,
  QUOTE_STATUSES,
  SALES_CHANNELS,
  type OrderStatus,
  type QuoteStatus,
  type SalesChannel,
} from '../../../src/shared/commerce/commerce-reference.ts';
import { formatDecimal, marginOf, marginRate, parseDecimal, priceLine, priceOrder, MONEY_SCALE, PERCENT_SCALE, QUANTITY_SCALE, type LineAmounts, type OrderTotals } from '../../../src/shared/commerce/order-math.ts';
import type { LineBody, OrderCreateBody, QuoteCreateBody } from '../../../src/modules/commerce/order-schemas.ts';
import type { Product } from './commerceTypes.ts';

export { ORDER_STATUSES, QUOTE_STATUSES, SALES_CHANNELS };
export type { OrderStatus, QuoteStatus, SalesChannel };

// ------------------------------------------------------------------------------------------ order list search

export interface OrderListSearch {
  q?: string;
  status?: OrderStatus;
  channel?: SalesChannel;
  customerId?: string;
  /** YYYY-MM-DD, inclusive. */
  from?: string;
  /** YYYY-MM-DD, inclusive. */
  to?: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function pick<T extends string>(value: unknown, allowed: readonly T[]): T | undefined {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** The filters of /orders as the URL holds them; anything unknown or malformed is dropped. */
export function parseOrderListSearch(search: Record<string, unknown>): OrderListSearch {
  const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);
  const day = (value: unknown) => (typeof value === 'string' && DAY.test(value) ? value : undefined);
  const result: OrderListSearch = {
    q: text(search.q),
    status: pick(search.status, ORDER_STATUSES),
    channel: pick(search.channel, SALES_CHANNELS),
    customerId: typeof search.customerId === 'string' && UUID.test(search.customerId) ? search.customerId : undefined,
    from: day(search.from),
    to: day(search.to),
  };
  return Object.fromEntries(Object.entries(result).filter(([, value]) => value !== undefined)) as OrderListSearch;
}

/** The API query of the order list: days become the instants bounding them (`to` includes its whole day). */
export function orderListQuery(search: OrderListSearch): Record<string, string | undefined> {
  const nextDay = (day: string) => {
    const date = new Date(`${day}T00:00:00`);
    date.setDate(date.getDate() + 1);
    return date.toISOString();
  };
  return {
    q: search.q,
    status: search.status,
    channel: search.channel,
    customerId: search.customerId,
    from: search.from ? new Date(`${search.from}T00:00:00`).toISOString() : undefined,
    to: search.to ? nextDay(search.to) : undefined,
  };
}

// ------------------------------------------------------------------------------------------------ statuses

export const ORDER_STATUS_COLORS: Record<OrderStatus, string> = {
  confirmed: 'blue',
  in_preparation: 'yellow',
  shipped: 'indigo',
  delivered: 'teal',
  completed: 'green',
  cancelled: 'gray',
};

export const QUOTE_STATUS_COLORS: Record<QuoteStatus, string> = {
  draft: 'gray',
  sent: 'blue',
  accepted: 'green',
  declined: 'red',
  expired: 'orange',
};

/** The steps an order can take next, forward moves first; cancelling is offered apart. */
export function nextOrderSteps(status: OrderStatus): { forward: OrderStatus[]; canCancel: boolean } {
  const next = ORDER_TRANSITIONS[status];
  return { forward: next.filter((s) => s !== 'cancelled'), canCancel: next.includes('cancelled') };
}

// ---------------------------------------------------------------------------------------------- order form

export interface LineDraft {
  /** Stable React key of the row. */
  key: string;
  productId: string | null;
  quantity: string;
  /** Unit price as typed; the product's price when the product is chosen. */
  unitPrice: string;
  discountPercent: string;
}

export type DocumentKind = 'order' | 'quote';

export interface DocumentDraft {
  customerId: string | null;
  channel: SalesChannel;
  promoCode: string;
  validUntil: string;
  notes: string;
  lines: LineDraft[];
}

let keys = 0;
export function emptyLine(): LineDraft {
  keys += 1;
  return { key: `line-${keys}`, productId: null, quantity: '1', unitPrice: '', discountPercent: '0' };
}

export function emptyDraft(customerId: string | null = null): DocumentDraft {
  return { customerId, channel: 'store', promoCode: '', validUntil: '', notes: '', lines: [emptyLine()] };
}

/** Choosing a product fills in its price (the user can still change it). */
export function withProduct(line: LineDraft, product: Product | undefined): LineDraft {
  return { ...line, productId: product?.id ?? null, unitPrice: product ? product.unitPrice : '' };
}

/** "1,5" and "1.5" both mean one and a half: French keyboards type a comma. */
function normalised(text: string): string {
  return text.trim().replace(',', '.');
}

/** The amounts of a line, or null while it lacks a product or holds a number that does not read. */
export function draftLineAmounts(line: LineDraft, product: Product | undefined): LineAmounts | null {
  if (!product) return null;
  const quantity = normalised(line.quantity);
  const unitPrice = normalised(line.unitPrice) || product.unitPrice;
  const discount = normalised(line.discountPercent) || '0';
  const q = parseDecimal(quantity, QUANTITY_SCALE);
  const p = parseDecimal(unitPrice, MONEY_SCALE);
  const d = parseDecimal(discount, PERCENT_SCALE);
  if (q === null || q <= 0n || p === null || p < 0n || d === null || d < 0n || d > 100_00n) return null;
  return priceLine({ quantity, unitPrice, discountPercent: discount, vatRate: product.vatRate, unitCost: product.unitCost });
}

/** The live totals of the lines that read; null when none does. */
export function draftTotals(lines: readonly LineDraft[], products: ReadonlyMap<string, Product>): OrderTotals | null {
  const readable = lines.flatMap((line) => {
    const product = line.productId ? products.get(line.productId) : undefined;
    if (!product || !draftLineAmounts(line, product)) return [];
    return [
      {
        quantity: normalised(line.quantity),
        unitPrice: normalised(line.unitPrice) || product.unitPrice,
        discountPercent: normalised(line.discountPercent) || '0',
        vatRate: product.vatRate,
        unitCost: product.unitCost,
      },
    ];
  });
  return readable.length > 0 ? priceOrder(readable).totals : null;
}

/** The currency of the document: the one of its first product, euros until a product is chosen. */
export function draftCurrency(lines: readonly LineDraft[], products: ReadonlyMap<string, Product>): string {
  for (const line of lines) {
    const product = line.productId ? products.get(line.productId) : undefined;
    if (product) return product.currency;
  }
  return 'EUR';
}

function lineBody(line: LineDraft, product: Product | undefined): LineBody {
  const body: LineBody = { productId: line.productId ?? '', quantity: normalised(line.quantity) };
  const unitPrice = normalised(line.unitPrice);
  if (unitPrice !== '' && unitPrice !== product?.unitPrice) body.unitPrice = unitPrice;
  const discount = normalised(line.discountPercent);
  if (discount !== '' && discount !== '0') body.discountPercent = discount;
  return body;
}

/** The body of POST /api/orders. Lines without a product go along too: the server names them. */
export function orderBody(draft: DocumentDraft, products: ReadonlyMap<string, Product>): OrderCreateBody {
  return {
    customerId: draft.customerId ?? '',
    channel: draft.channel,
    currency: draftCurrency(draft.lines, products),
    ...(draft.promoCode.trim() ? { promoCode: draft.promoCode.trim() } : {}),
    ...(draft.notes.trim() ? { notes: draft.notes.trim() } : {}),
    lines: draft.lines.map((line) => lineBody(line, line.productId ? products.get(line.productId) : undefined)),
  };
}

/** The body of POST /api/quotes. */
export function quoteBody(draft: DocumentDraft, products: ReadonlyMap<string, Product>): QuoteCreateBody {
  return {
    customerId: draft.customerId ?? '',
    channel: draft.channel,
    currency: draftCurrency(draft.lines, products),
    ...(draft.validUntil ? { validUntil: draft.validUntil } : {}),
    ...(draft.notes.trim() ? { notes: draft.notes.trim() } : {}),
    lines: draft.lines.map((line) => lineBody(line, line.productId ? products.get(line.productId) : undefined)),
  };
}

/** The field of a line that a server issue names (`body.lines[2].quantity` → line 2, `quantity`), or null. */
export function lineIssueTarget(field: string): { index: number; field: string } | null {
  const match = /(?:^|\.)lines\[(\d+)\]\.(\w+)$/.exec(field);
  return match ? { index: Number(match[1]), field: match[2]! } : null;
}

/** Issues of a form error arranged by line and field, plus those about the document itself. */
export function arrangeIssues(issues: readonly { field: string; rule: string }[]): {
  lines: Record<number, Record<string, string>>;
  document: Record<string, string>;
} {
  const lines: Record<number, Record<string, string>> = {};
  const document: Record<string, string> = {};
  for (const issue of issues) {
    const target = lineIssueTarget(issue.field);
    if (target) (lines[target.index] ??= {})[target.field] = issue.rule;
    else document[issue.field.replace(/^body\./, '')] = issue.rule;
  }
  return { lines, document };
}

// ------------------------------------------------------------------------------------------------- product

export interface ProductDraft {
  sku: string;
  name: string;
  description: string;
  kind: 'product' | 'service';
  categoryId: string | null;
  unitPrice: string;
  unitCost: string;
  currency: string;
  vatRate: string;
  active: boolean;
}

export function productDraft(product?: Product): ProductDraft {
  return {
    sku: product?.sku ?? '',
    name: product?.name ?? '',
    description: product?.description ?? '',
    kind: product?.kind ?? 'product',
    categoryId: product?.categoryId ?? null,
    unitPrice: product?.unitPrice ?? '',
    unitCost: product?.unitCost ?? '0.00',
    currency: product?.currency ?? 'EUR',
    vatRate: product?.vatRate ?? '20.00',
    active: product?.active ?? true,
  };
}

/** Margin and margin rate of what is typed, or null while the price or cost does not read. */
export function draftMargin(draft: Pick<ProductDraft, 'unitPrice' | 'unitCost'>): { margin: string; rate: string | null } | null {
  const price = parseDecimal(normalised(draft.unitPrice), MONEY_SCALE);
  const cost = parseDecimal(normalised(draft.unitCost) || '0', MONEY_SCALE);
  if (price === null || cost === null || price < 0n || cost < 0n) return null;
  const priceText = formatDecimal(price, MONEY_SCALE);
  const costText = formatDecimal(cost, MONEY_SCALE);
  return { margin: marginOf(priceText, costText), rate: marginRate(priceText, costText) };
}

/** The body of POST (or the changes of PATCH) /api/catalogue/products. */
export function productBody(draft: ProductDraft) {
  return {
    sku: draft.sku.trim(),
    name: draft.name.trim(),
    description: draft.description.trim() || null,
    kind: draft.kind,
    categoryId: draft.categoryId,
    unitPrice: normalised(draft.unitPrice),
    unitCost: normalised(draft.unitCost) || '0',
    currency: draft.currency.trim().toUpperCase(),
    vatRate: normalised(draft.vatRate) || '0',
    active: draft.active,
  };
}
