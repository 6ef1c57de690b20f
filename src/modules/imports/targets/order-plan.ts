/**
 * Turning the rows of one order into the order to write, or refusing them all. The order's own columns come
 * from the first row that gives them; every row must name the same customer (or none) and a product of the
 * catalogue, priced in the order's currency. Archived products are accepted: a sales history sells what the
 * catalogue no longer does. One bad row refuses the whole order, each other row saying which row stopped it.
 */
import { randomUUID } from 'node:crypto';
import type { OrderStatus, SalesChannel } from '../../../shared/commerce/commerce-reference.ts';
import type { LineTerms } from '../../commerce/document-lines.ts';
import type { PreparedRow, RowIssue } from '../import-types.ts';
import { missingCustomer, type findCustomers } from './customer-lookup.ts';
import type { OrderLineRecord } from './order-target.ts';

type Row = PreparedRow<OrderLineRecord>;

export interface StoredProduct {
  id: string;
  sku: string;
  name: string;
  currency: string;
  unit_price: string;
  unit_cost: string;
  vat_rate: string;
}

/** An order already carrying a reference of the file. */
export interface ExistingOrder {
  id: string;
  number: string;
  customer_id: string;
  currency: string;
  /** Created by this import from an earlier batch: the rows add lines to it. */
  ours: boolean;
  /** The highest line position it has. */
  line_count: number;
}

export interface PlannedOrder {
  /** The new order's id, or the id of the order this import created earlier and now completes. */
  id: string;
  existing: ExistingOrder | null;
  orderNumber: string;
  firstRow: number;
  customerId: string;
  currency: string;
  orderedAt: Date;
  channel: SalesChannel;
  status: OrderStatus;
  promoCode: string | null;
  notes: string | null;
  /** The lines these rows add, in row order. */
  terms: LineTerms[];
}

/** The channel of an order whose file does not say: most histories imported come from the shop's till. */
const DEFAULT_CHANNEL: SalesChannel = 'store';
const DEFAULT_CURRENCY = 'EUR';

type Customers = Awaited<ReturnType<typeof findCustomers>>;

const listRows = (numbers: number[]) => (numbers.length === 1 ? `row ${numbers[0]}` : `rows ${numbers.join(', ')}`);

/** The order the rows of one order number make, or each row's reason for refusing them all. */
export function planOrder(
  group: Row[],
  existing: ExistingOrder | null,
  customers: Customers,
  products: ReadonlyMap<string, StoredProduct>,
): { order: PlannedOrder } | { refused: Map<Row, RowIssue[]> } {
  const first = group[0]!;
  const issues = new Map<Row, RowIssue[]>(group.map((row) => [row, [...row.record.problems]]));
  const add = (row: Row, key: string, value: string | null, reason: string) =>
    issues.get(row)!.push({ rowNumber: row.rowNumber, column: row.record.columns.get(key) ?? key, value, reason });
  const firstOf = <K extends keyof OrderLineRecord>(key: K): OrderLineRecord[K] | null => group.find((r) => r.record[key] !== null)?.record[key] ?? null;

  let customerId = existing?.customer_id ?? null;
  let customerNumber: string | null = null;
  for (const row of group) {
    const ref = row.record.customer;
    if (!ref) continue;
    const resolution = customers.resolutionOf(ref, row.rowNumber);
    if ('issue' in resolution) issues.get(row)!.push(resolution.issue);
    else if (customerId === null) ({ id: customerId, customerNumber } = resolution.customer);
    else if (resolution.customer.id !== customerId) {
      const whose = customerNumber ? `customer ${customerNumber}` : 'another customer';
      issues.get(row)!.push({ rowNumber: row.rowNumber, column: ref.column, value: ref.text, reason: `order ${first.record.orderNumber} belongs to ${whose}; one order has one customer` });
    }
  }
  if (customerId === null && !group.some((r) => r.record.namesCustomer)) issues.get(first)!.push(missingCustomer(first.rowNumber, first.record.columns));

  const orderedAt = firstOf('orderedAt');
  if (existing === null && orderedAt === null && !group.some((r) => r.record.problems.some((p) => p.column === r.record.columns.get('orderedAt')))) {
    add(first, 'orderedAt', null, 'the order date is required (on at least one row of the order)');
  }

  let currency = existing?.currency ?? null;
  const terms: LineTerms[] = [];
  for (const row of group) {
    const { sku, quantity } = row.record;
    if (sku === null || quantity === null) continue;
    const product = products.get(sku);
    if (!product) {
      add(row, 'line.sku', sku, `no product has the SKU ${sku}`);
      continue;
    }
    currency ??= product.currency;
    if (product.currency !== currency) {
      add(row, 'line.sku', sku, `product ${sku} is priced in ${product.currency} but order ${row.record.orderNumber} is in ${currency}`);
      continue;
    }
    terms.push({
      product_id: product.id,
      description: row.record.description ?? product.name,
      quantity,
      unit_price: row.record.unitPrice ?? product.unit_price,
      discount_percent: row.record.discountPercent ?? '0.00',
      vat_rate: row.record.vatRate ?? product.vat_rate,
      unit_cost: product.unit_cost,
    });
  }

  const stopping = group.filter((row) => issues.get(row)!.length > 0);
  if (stopping.length > 0) {
    const because = listRows(stopping.map((r) => r.rowNumber));
    const what = existing ? `the lines of order ${first.record.orderNumber} in these rows are not added` : `order ${first.record.orderNumber} is not imported`;
    for (const row of group) {
      if (issues.get(row)!.length === 0) add(row, 'orderNumber', row.record.orderNumber, `${what}: ${because} ${stopping.length === 1 ? 'has' : 'have'} errors`);
    }
    return { refused: issues };
  }

  return {
    order: {
      id: existing?.id ?? randomUUID(),
      existing,
      orderNumber: first.record.orderNumber,
      firstRow: first.rowNumber,
      customerId: customerId!,
      currency: currency ?? DEFAULT_CURRENCY,
      orderedAt: new Date(orderedAt ?? Date.now()),
      channel: firstOf('channel') ?? DEFAULT_CHANNEL,
      status: firstOf('status') ?? 'confirmed',
      promoCode: firstOf('promoCode'),
      notes: firstOf('notes'),
      terms,
    },
  };
}
