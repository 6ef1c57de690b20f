/**
 * API shapes of quotes and orders, from rows: amounts as strings with two decimals, quantities without trailing
 * zeros, the customer as a small summary the web app links to.
 */
import type { Selectable } from 'kysely';
import type { OrderLinesTable, OrdersTable, QuoteLinesTable, QuotesTable } from '../../platform/db/schema.ts';
import { formatDecimal, MONEY_SCALE, parseDecimal, QUANTITY_SCALE, type OrderTotals } from '../../shared/commerce/order-math.ts';
import type { LineColumns } from './document-lines.ts';
import type { OrderStatus, QuoteStatus, SalesChannel } from '../../shared/commerce/commerce-reference.ts';

export type OrderRow = Selectable<OrdersTable>;
export type QuoteRow = Selectable<QuotesTable>;
export type OrderLineRow = Selectable<OrderLinesTable>;
export type QuoteLineRow = Selectable<QuoteLinesTable>;

export interface CustomerSummary {
  id: string;
  kind: 'person' | 'organisation';
  displayName: string;
  customerNumber: string;
}

export interface CustomerColumns {
  customer_kind: string;
  customer_name: string;
  customer_number: string;
}

/** What a query selects from its `parties as customer` join to hand `customerOf` its `CustomerColumns`. */
export const CUSTOMER_COLUMNS = ['customer.kind as customer_kind', 'customer.display_name as customer_name', 'customer.customer_number as customer_number'] as const;

/** The priced figures of a document line as the API shows them: the same on quotes, orders and invoices. */
export interface LineFigures {
  description: string;
  quantity: string;
  unitPrice: string;
  discountPercent: string;
  vatRate: string;
  lineTotal: string;
  unitCost: string;
  lineCost: string;
}

export interface LineOutput extends LineFigures {
  position: number;
  productId: string;
  sku: string;
}

/** The totals a quote or an order stores (the margin rate is only computed while pricing). */
type DocumentTotals = Omit<OrderTotals, 'marginRate'>;

export interface OrderSummary extends DocumentTotals {
  id: string;
  number: string;
  customer: CustomerSummary;
  contactId: string | null;
  quoteId: string | null;
  status: OrderStatus;
  orderedAt: string;
  channel: SalesChannel;
  currency: string;
  onPromotion: boolean;
  promoCode: string | null;
  notes: string | null;
  version: number;
}

/** One order with its lines, as `GET /api/orders/:id` answers. */
export interface OrderDetail extends OrderSummary {
  lines: LineOutput[];
}

export interface QuoteSummary extends DocumentTotals {
  id: string;
  number: string;
  customer: CustomerSummary;
  contactId: string | null;
  status: QuoteStatus;
  issuedOn: string;
  validUntil: string;
  channel: SalesChannel;
  currency: string;
  orderId: string | null;
  notes: string | null;
  version: number;
}

export interface QuoteDetail extends QuoteSummary {
  lines: LineOutput[];
}

/** A money column as "123.40" (PostgreSQL already prints two decimals; this keeps the promise on every engine). */
export function money(value: string | number | null): string {
  if (value === null) return '0.00';
  const units = parseDecimal(String(value), MONEY_SCALE);
  return units === null ? String(value) : formatDecimal(units, MONEY_SCALE);
}

/** A quantity without trailing zeros: "2", "0.5". */
export function quantity(value: string): string {
  const units = parseDecimal(value, QUANTITY_SCALE);
  if (units === null) return value;
  return formatDecimal(units, QUANTITY_SCALE).replace(/\.?0+$/, '');
}

/** An instant as ISO 8601. */
export function iso(value: Date | string): string {
  return value instanceof Date ? value.toISOString() : new Date(value).toISOString();
}

/** A date column as YYYY-MM-DD (PostgreSQL hands dates over as text). */
export function day(value: Date | string): string {
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10);
}

/** The customer of a document, from the columns its query joins in. */
export function customerOf(row: { customer_id: string } & CustomerColumns): CustomerSummary {
  return {
    id: row.customer_id,
    kind: row.customer_kind as CustomerSummary['kind'],
    displayName: row.customer_name,
    customerNumber: row.customer_number,
  };
}

/** The document's totals; the margin is total excluding tax minus cost, as the orders table computes it. */
function totalsOf(row: OrderRow | QuoteRow): DocumentTotals {
  const cents = (value: string) => parseDecimal(value, MONEY_SCALE) ?? 0n;
  return {
    subtotal: money(row.subtotal),
    discountTotal: money(row.discount_total),
    totalExclTax: money(row.total_excl_tax),
    taxTotal: money(row.tax_total),
    totalInclTax: money(row.total_incl_tax),
    costTotal: money(row.cost_total),
    margin: formatDecimal(cents(row.total_excl_tax) - cents(row.cost_total), MONEY_SCALE),
  };
}

/** The figures of any document line (quote, order, invoice, credit note), formatted once for all of them. */
export function presentLineFigures(line: LineColumns): LineFigures {
  return {
    description: line.description,
    quantity: quantity(line.quantity),
    unitPrice: money(line.unit_price),
    discountPercent: money(line.discount_percent),
    vatRate: money(line.vat_rate),
    lineTotal: money(line.line_total),
    unitCost: money(line.unit_cost),
    lineCost: money(line.line_cost),
  };
}

export function presentLine(line: (OrderLineRow | QuoteLineRow) & { sku: string }): LineOutput {
  return { position: line.position, productId: line.product_id, sku: line.sku, ...presentLineFigures(line) };
}

export function presentOrderSummary(row: OrderRow & CustomerColumns): OrderSummary {
  return {
    id: row.id,
    number: row.number,
    customer: customerOf(row),
    contactId: row.contact_id,
    quoteId: row.quote_id,
    status: row.status as OrderStatus,
    orderedAt: iso(row.ordered_at),
    channel: row.channel as SalesChannel,
    currency: row.currency.trim(),
    onPromotion: row.on_promotion,
    promoCode: row.promo_code,
    ...totalsOf(row),
    notes: row.notes,
    version: row.version,
  };
}

export function presentOrder(row: OrderRow & CustomerColumns, lines: readonly (OrderLineRow & { sku: string })[]): OrderDetail {
  return { ...presentOrderSummary(row), lines: lines.map(presentLine) };
}

export function presentQuoteSummary(row: QuoteRow & CustomerColumns): QuoteSummary {
  return {
    id: row.id,
    number: row.number,
    customer: customerOf(row),
    contactId: row.contact_id,
    status: row.status as QuoteStatus,
    issuedOn: day(row.issued_on),
    validUntil: day(row.valid_until),
    channel: row.channel as SalesChannel,
    currency: row.currency.trim(),
    orderId: row.order_id,
    ...totalsOf(row),
    notes: row.notes,
    version: row.version,
  };
}

export function presentQuote(row: QuoteRow & CustomerColumns, lines: readonly (QuoteLineRow & { sku: string })[]): QuoteDetail {
  return { ...presentQuoteSummary(row), lines: lines.map(presentLine) };
}
