/**
 * Orders from a sales history: one row per order line, the rows sharing an order number forming one order (the
 * order's own columns — customer, date, channel, status — are read from the first row that gives them). The
 * source's order number is kept as `orders.external_ref`, so importing the same file again leaves the orders
 * already there unchanged instead of creating them twice; the order gets a number of its own in Rapport's
 * sequence. Lines are priced like an order typed in the app: the product's price, VAT rate and cost unless the
 * row gives them, the amounts computed exactly by the shared order arithmetic.
 *
 * An order is written whole or not at all: a row's conversion problems are kept on its record (not returned as
 * issues by `prepare`, which would take the row out of the batch unseen) so that the writer can refuse the
 * order's other rows with it. A half-written order would have wrong totals, and importing the corrected file
 * again would leave it as it is (it exists already).
 */
import type { Ctx } from '../../../platform/context.ts';
import type { FieldIssue } from '../../../platform/errors.ts';
import { ORDER_STATUSES, SALES_CHANNELS, type OrderStatus, type SalesChannel } from '../../../shared/commerce/commerce-reference.ts';
import { DISCOUNT_RULE, MONEY_RULE, QUANTITY_RULE, readDecimal, VAT_RULE, type DecimalRule } from '../../commerce/money-input.ts';
import type { BatchOptions, ImportTarget, MappedRow, PreparedRow, PreviewValue, RowIssue, TargetField } from '../import-types.ts';
import { parseDateTime, parseEnum, parseNumber } from '../mapping/convert.ts';
import { CUSTOMER_FIELDS, namesCustomer, readCustomerRef, type CustomerRef } from './customer-lookup.ts';
import { writeOrderBatch } from './order-batch.ts';
import { undoOrders } from './order-undo.ts';

const ORDER_NUMBER_MAX = 200;
const PROMO_CODE_MAX = 100;
const NOTES_MAX = 4000;
const DESCRIPTION_MAX = 500;
const SKU_MAX = 64;

/** One row of an orders file: the order's columns and one line. Absent values are null. */
export interface OrderLineRecord {
  orderNumber: string;
  customer: CustomerRef | null;
  /** Whether the row names a customer at all (a malformed reference is among the problems). */
  namesCustomer: boolean;
  orderedAt: string | null;
  channel: SalesChannel | null;
  status: OrderStatus | null;
  promoCode: string | null;
  notes: string | null;
  sku: string | null;
  description: string | null;
  quantity: string | null;
  unitPrice: string | null;
  discountPercent: string | null;
  vatRate: string | null;
  /** The row's own problems, reported by the writer together with the rest of its order. */
  problems: RowIssue[];
  /** Set while writing when the order was imported before (its number in Rapport), for the preview. */
  alreadyImportedAs?: string;
  /** Field key → column title, for problems found while writing. */
  columns: ReadonlyMap<string, string>;
}

const FIELDS: TargetField[] = [
  { key: 'orderNumber', type: 'text', required: true, synonyms: ['numero commande', 'numero de commande', 'n commande', 'no commande', 'num commande', 'commande', 'reference commande', 'ref commande', 'order number', 'order no', 'order', 'order id', 'order ref', 'order reference'] },
  ...CUSTOMER_FIELDS,
  { key: 'orderedAt', type: 'datetime', required: true, synonyms: ['date commande', 'date de commande', 'date de la commande', 'date', 'date d achat', 'order date', 'ordered at', 'date ordered', 'purchase date'] },
  { key: 'channel', type: 'enum', values: SALES_CHANNELS, synonyms: ['canal', 'canal de vente', 'origine', 'channel', 'sales channel', 'source'] },
  { key: 'status', type: 'enum', values: ORDER_STATUSES, synonyms: ['statut', 'etat', 'statut commande', 'status', 'order status', 'state'] },
  { key: 'promoCode', type: 'text', synonyms: ['code promo', 'code promotionnel', 'promo', 'coupon', 'promo code', 'voucher', 'discount code'] },
  { key: 'notes', type: 'text', synonyms: ['notes', 'note', 'remarque', 'remarques', 'commentaire', 'observations', 'comment', 'comments'] },
  { key: 'line.sku', type: 'text', required: true, synonyms: ['sku', 'reference', 'ref', 'ref article', 'reference article', 'reference produit', 'code article', 'code produit', 'product code', 'item code', 'product sku'] },
  { key: 'line.description', type: 'text', synonyms: ['designation', 'libelle', 'intitule', 'description', 'produit', 'article', 'product', 'item', 'product name'] },
  { key: 'line.quantity', type: 'number', required: true, synonyms: ['quantite', 'qte', 'quantite commandee', 'nombre', 'qty', 'quantity', 'quantity ordered'] },
  { key: 'line.unitPrice', type: 'money', synonyms: ['prix unitaire', 'prix unitaire ht', 'prix ht', 'prix', 'pu', 'pu ht', 'unit price', 'price', 'unit price excl tax'] },
  { key: 'line.discountPercent', type: 'number', synonyms: ['remise', 'remise %', 'taux de remise', 'discount', 'discount %', 'discount percent', 'discount rate'] },
  { key: 'line.vatRate', type: 'number', synonyms: ['tva', 'taux de tva', 'taux tva', 'tva %', 'vat', 'vat rate', 'tax rate'] },
];

const CHANNEL_LABELS: Record<SalesChannel, string[]> = {
  store: ['magasin', 'en magasin', 'boutique', 'point de vente', 'in store', 'shop', 'retail'],
  web: ['site web', 'site', 'internet', 'en ligne', 'e commerce', 'online', 'website'],
  phone: ['telephone', 'tel', 'par telephone', 'by phone'],
  sales_rep: ['commercial', 'representant', 'vendeur', 'terrain', 'sales rep', 'sales representative', 'rep'],
  email: ['e mail', 'mail', 'courriel'],
  marketplace: ['place de marche', 'market place'],
  event: ['salon', 'evenement', 'salon evenement', 'foire', 'event', 'trade show', 'fair'],
};

const STATUS_LABELS: Record<OrderStatus, string[]> = {
  confirmed: ['confirmee', 'confirme', 'validee', 'valide', 'nouvelle', 'en cours', 'new', 'open'],
  in_preparation: ['en preparation', 'preparation', 'in preparation', 'preparing', 'processing'],
  shipped: ['expediee', 'expedie', 'envoyee', 'shipped', 'sent'],
  delivered: ['livree', 'livre', 'delivered'],
  completed: ['terminee', 'termine', 'cloturee', 'close', 'complete', 'done', 'closed'],
  cancelled: ['annulee', 'annule', 'canceled'],
};

/** The reason a decimal rule gives, in the words the error report uses. */
function ruleText(rule: DecimalRule): string {
  const issues: FieldIssue[] = [];
  readDecimal('not a number', 'x', rule, issues);
  return issues[0]!.rule;
}

/** Converts one row; see the module comment for why its problems stay on the record. */
async function prepare(_ctx: Ctx, row: MappedRow, options: BatchOptions): Promise<PreparedRow<OrderLineRecord>> {
  const problems: RowIssue[] = [];
  const cell = (key: string) => row.values.get(key)?.[0]?.trim() || null;
  const fail = (key: string, value: string | null, reason: string) => problems.push({ rowNumber: row.rowNumber, column: row.columns.get(key) ?? key, value, reason });
  const text = (key: string, max: number) => {
    const value = cell(key);
    if (value !== null && value.length > max) fail(key, value, `must be at most ${max} characters`);
    return value;
  };
  const decimal = (key: string, rule: DecimalRule, fraction = false) => {
    const value = cell(key);
    if (value === null) return null;
    const parsed = parseNumber(value, options.conversion.decimalSeparator);
    if ('error' in parsed) {
      fail(key, value, parsed.error);
      return null;
    }
    // A cell formatted as a percentage holds 0.2 for 20 %; no VAT rate lies strictly between 0 and 1 %.
    const number = fraction && parsed.value > 0 && parsed.value < 1 ? Math.round(parsed.value * 10_000) / 100 : parsed.value;
    const stored = readDecimal(number, key, rule, []);
    if (stored === undefined) fail(key, value, ruleText(rule));
    return stored ?? null;
  };
  const choice = <T extends string>(key: string, values: readonly T[], labels: Record<T, string[]>) => {
    const value = cell(key);
    if (value === null) return null;
    const parsed = parseEnum(value, values, labels);
    if ('error' in parsed) {
      fail(key, value, parsed.error);
      return null;
    }
    return parsed.value as T;
  };

  const orderNumber = text('orderNumber', ORDER_NUMBER_MAX);
  const orderedAtText = cell('orderedAt');
  let orderedAt: string | null = null;
  if (orderedAtText !== null) {
    const parsed = parseDateTime(orderedAtText, options.conversion.dateOrder);
    if ('error' in parsed) fail('orderedAt', orderedAtText, parsed.error);
    else orderedAt = parsed.value;
  }
  const sku = text('line.sku', SKU_MAX);
  if (sku === null) fail('line.sku', null, 'the SKU of the line is required');
  const quantity = decimal('line.quantity', QUANTITY_RULE);
  if (cell('line.quantity') === null) fail('line.quantity', null, 'the quantity of the line is required');
  const record: OrderLineRecord = {
    orderNumber: orderNumber ?? '',
    customer: readCustomerRef(row, problems),
    namesCustomer: namesCustomer(row),
    orderedAt,
    channel: choice('channel', SALES_CHANNELS, CHANNEL_LABELS),
    status: choice('status', ORDER_STATUSES, STATUS_LABELS),
    promoCode: text('promoCode', PROMO_CODE_MAX),
    notes: text('notes', NOTES_MAX),
    sku,
    description: text('line.description', DESCRIPTION_MAX),
    quantity,
    unitPrice: decimal('line.unitPrice', MONEY_RULE),
    discountPercent: decimal('line.discountPercent', DISCOUNT_RULE),
    vatRate: decimal('line.vatRate', VAT_RULE, true),
    problems,
    columns: row.columns,
  };
  // Without its order number a row belongs to no order: it is refused on its own.
  const issues: RowIssue[] = orderNumber === null ? [{ rowNumber: row.rowNumber, column: row.columns.get('orderNumber') ?? 'orderNumber', value: null, reason: 'the order number is required' }, ...problems] : [];
  return { rowNumber: row.rowNumber, record, matchValue: orderNumber, issues };
}

function previewValues(row: PreparedRow<OrderLineRecord>): Record<string, PreviewValue> {
  const r = row.record;
  const number = (value: string | null) => (value === null ? null : Number(value));
  const customer = (key: string) => (r.customer?.key === key ? r.customer.value : null);
  return {
    // An order imported before is left as it is; the preview says so where the user looks for it.
    orderNumber: r.alreadyImportedAs ? `${r.orderNumber} (already imported as ${r.alreadyImportedAs}: left unchanged)` : r.orderNumber || null,
    customerNumber: customer('customerNumber'),
    customerEmail: customer('customerEmail'),
    customerExternalId: customer('customerExternalId'),
    orderedAt: r.orderedAt,
    channel: r.channel,
    status: r.status,
    promoCode: r.promoCode,
    notes: r.notes,
    'line.sku': r.sku,
    'line.description': r.description,
    'line.quantity': number(r.quantity),
    'line.unitPrice': number(r.unitPrice),
    'line.discountPercent': number(r.discountPercent),
    'line.vatRate': number(r.vatRate),
  };
}

/** The orders target of an import (match key: `orderNumber`, kept as the order's external reference). */
export const ordersTarget: ImportTarget<OrderLineRecord> = {
  name: 'orders',
  matchKeys: ['orderNumber'],
  tables: ['orders', 'order_lines', 'timeline_entries', 'customer_metrics', 'import_changes'],
  fields: async () => FIELDS,
  prepare,
  writeBatch: writeOrderBatch,
  undo: undoOrders,
  previewValues,
};
