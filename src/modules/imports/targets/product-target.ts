/**
 * Products from a spreadsheet. Rows are matched on the SKU (unique in a catalogue): a known SKU updates the
 * product when the import matches on `sku` and is refused otherwise, an unknown one creates it. Each batch is
 * written with one multi-row insert and one `update … from (values …)`; categories are found by name (case
 * ignored) and created when missing. The catalogue's own rules apply: prices and costs at least 0 with two
 * decimals, VAT below 100 %.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Ctx } from '../../../platform/context.ts';
import type { FieldIssue } from '../../../platform/errors.ts';
import { scoped } from '../../../platform/db/scoped.ts';
import { PRODUCT_KINDS, type ProductKind } from '../../../shared/commerce/commerce-reference.ts';
import { MONEY_RULE, readDecimal, VAT_RULE, type DecimalRule } from '../../commerce/money-input.ts';
import { parseBoolean, parseEnum, parseNumber } from '../mapping/convert.ts';
import type { BatchResult, ImportChange, ImportTarget, MappedRow, PreparedRow, RowIssue, RowOutcome, TargetField } from '../import-types.ts';
import { undoProducts } from './product-undo.ts';

/** The limits of the catalogue's API, so an imported product could have been typed in by hand. */
const SKU_MAX = 64;
const NAME_MAX = 200;
const DESCRIPTION_MAX = 4000;
const CATEGORY_MAX = 120;

/** What a row says about a product; absent keys leave the stored value alone. */
export interface ProductRecord {
  sku: string;
  name?: string;
  description?: string;
  kind?: ProductKind;
  category?: string;
  unit_price?: string;
  unit_cost?: string;
  vat_rate?: string;
  active?: boolean;
}

const FIELDS: TargetField[] = [
  { key: 'sku', type: 'text', required: true, synonyms: ['sku', 'reference', 'ref', 'ref article', 'reference article', 'reference produit', 'code article', 'code produit', 'product code', 'item code', 'item number', 'article number'] },
  { key: 'name', type: 'text', required: true, synonyms: ['nom', 'designation', 'libelle', 'intitule', 'nom du produit', 'produit', 'article', 'name', 'product name', 'product', 'item', 'title'] },
  { key: 'category', type: 'text', synonyms: ['categorie', 'famille', 'rayon', 'gamme', 'category', 'product category', 'family'] },
  { key: 'kind', type: 'enum', values: PRODUCT_KINDS, synonyms: ['type', 'nature', 'type de produit', 'kind', 'product type'] },
  { key: 'description', type: 'text', synonyms: ['description', 'descriptif', 'details', 'description longue', 'long description'] },
  { key: 'unitPrice', type: 'money', required: true, synonyms: ['prix', 'prix unitaire', 'prix ht', 'prix unitaire ht', 'prix de vente', 'pu ht', 'pu', 'tarif', 'price', 'unit price', 'sale price', 'selling price'] },
  { key: 'unitCost', type: 'money', synonyms: ['cout', 'cout unitaire', 'cout de revient', 'prix d achat', 'prix achat', 'prix d achat ht', 'cost', 'unit cost', 'purchase price', 'cost price'] },
  { key: 'vatRate', type: 'number', synonyms: ['tva', 'taux de tva', 'taux tva', 'tva %', 'vat', 'vat rate', 'tax rate', 'tax'] },
  { key: 'active', type: 'boolean', synonyms: ['actif', 'active', 'en vente', 'disponible', 'enabled', 'available'] },
];

const KIND_LABELS: Record<ProductKind, string[]> = {
  product: ['produit', 'article', 'bien', 'marchandise', 'goods', 'item'],
  service: ['service', 'prestation', 'main d oeuvre', 'labour', 'labor'],
};

/** The record columns an update may change, in the order of the `values` list below. */
const COLUMNS = ['name', 'description', 'kind', 'category_id', 'unit_price', 'unit_cost', 'vat_rate', 'active'] as const;
type Columns = { name: string; description: string | null; kind: string; category_id: string | null; unit_price: string; unit_cost: string; vat_rate: string; active: boolean };

function ruleText(rule: DecimalRule): string {
  const issues: FieldIssue[] = [];
  readDecimal('not a number', 'x', rule, issues);
  return issues[0]!.rule;
}

/** Converts one mapped row; every cell that cannot be stored becomes an issue naming its column. */
async function prepare(_ctx: Ctx, row: MappedRow, options: { conversion: { decimalSeparator: ',' | '.' | 'auto' } }): Promise<PreparedRow<ProductRecord>> {
  const issues: RowIssue[] = [];
  const cell = (key: string) => row.values.get(key)?.[0]?.trim() || undefined;
  const fail = (key: string, value: string | null, reason: string) =>
    issues.push({ rowNumber: row.rowNumber, column: row.columns.get(key) ?? key, value, reason });
  const text = (key: string, max: number) => {
    const value = cell(key);
    if (value !== undefined && value.length > max) fail(key, value, `must be at most ${max} characters`);
    return value;
  };
  const decimal = (key: string, rule: DecimalRule, fraction = false) => {
    const value = cell(key);
    if (value === undefined) return undefined;
    const parsed = parseNumber(value, options.conversion.decimalSeparator);
    if ('error' in parsed) return void fail(key, value, parsed.error);
    // A spreadsheet cell formatted as a percentage holds 0.2 for 20 %; no VAT rate lies strictly between 0 and 1 %.
    const number = fraction && parsed.value > 0 && parsed.value < 1 ? Math.round(parsed.value * 10_000) / 100 : parsed.value;
    const decimalIssues: FieldIssue[] = [];
    const stored = readDecimal(number, key, rule, decimalIssues);
    if (stored === undefined) fail(key, value, ruleText(rule));
    return stored;
  };

  const sku = text('sku', SKU_MAX);
  if (sku === undefined) fail('sku', null, 'the SKU is required');
  const record: ProductRecord = { sku: sku ?? '' };
  const name = text('name', NAME_MAX);
  if (name !== undefined) record.name = name;
  const description = text('description', DESCRIPTION_MAX);
  if (description !== undefined) record.description = description;
  const category = text('category', CATEGORY_MAX);
  if (category !== undefined) record.category = category;
  const kind = cell('kind');
  if (kind !== undefined) {
    const parsed = parseEnum(kind, PRODUCT_KINDS, KIND_LABELS);
    if ('error' in parsed) fail('kind', kind, parsed.error);
    else record.kind = parsed.value as ProductKind;
  }
  const unitPrice = decimal('unitPrice', MONEY_RULE);
  if (unitPrice !== undefined) record.unit_price = unitPrice;
  const unitCost = decimal('unitCost', MONEY_RULE);
  if (unitCost !== undefined) record.unit_cost = unitCost;
  const vatRate = decimal('vatRate', VAT_RULE, true);
  if (vatRate !== undefined) record.vat_rate = vatRate;
  const active = cell('active');
  if (active !== undefined) {
    const parsed = parseBoolean(active);
    if ('error' in parsed) fail('active', active, parsed.error);
    else record.active = parsed.value;
  }
  return { rowNumber: row.rowNumber, record, matchValue: sku ?? null, issues };
}

type StoredProduct = Columns & { id: string; sku: string; version: number; updated_at: Date };

/** The category id of each name (folded to lower case), creating the missing categories in one insert. */
async function categoryIds(ctx: Ctx, names: string[], changes: ImportChange[], rowOf: Map<string, number>): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  if (names.length === 0) return ids;
  const db = scoped(ctx.db, ctx.workspaceId);
  const lower = [...new Set(names.map((n) => n.toLowerCase()))];
  const find = () =>
    db.selectFrom('product_categories').select(['id', sql<string>`lower(name)`.as('key')]).where(sql<boolean>`lower(name) = any(${lower}::text[])`).execute();
  for (const found of await find()) ids.set(found.key, found.id);
  const missing = new Map<string, string>();
  for (const name of names) if (!ids.has(name.toLowerCase()) && !missing.has(name.toLowerCase())) missing.set(name.toLowerCase(), name);
  if (missing.size === 0) return ids;
  const inserted = await sql<{ id: string; key: string }>`
    insert into product_categories (workspace_id, id, name)
    select ${ctx.workspaceId}::uuid, gen_random_uuid(), n from unnest(${[...missing.values()]}::text[]) as n
    on conflict do nothing
    returning id, lower(name) as key`.execute(ctx.db);
  for (const row of inserted.rows) {
    ids.set(row.key, row.id);
    changes.push({ entity: 'product_category', entityId: row.id, action: 'created', rowNumber: rowOf.get(row.key) ?? 0, before: null });
  }
  return ids;
}

interface Pending {
  id: string;
  sku: string;
  firstRow: number;
  before: StoredProduct | null;
  current: Columns;
}

function applyRecord(current: Columns, record: ProductRecord, categories: Map<string, string>): Columns {
  const next = { ...current };
  if (record.name !== undefined) next.name = record.name;
  if (record.description !== undefined) next.description = record.description;
  if (record.kind !== undefined) next.kind = record.kind;
  if (record.category !== undefined) next.category_id = categories.get(record.category.toLowerCase()) ?? null;
  if (record.unit_price !== undefined) next.unit_price = record.unit_price;
  if (record.unit_cost !== undefined) next.unit_cost = record.unit_cost;
  if (record.vat_rate !== undefined) next.vat_rate = record.vat_rate;
  if (record.active !== undefined) next.active = record.active;
  return next;
}

const sameColumns = (a: Columns, b: Columns) => COLUMNS.every((c) => String(a[c]) === String(b[c]));

/** Creates and updates the products of one batch with one insert and one update. */
async function writeBatch(ctx: Ctx, rows: PreparedRow<ProductRecord>[], options: { matchKey: string | null }): Promise<BatchResult> {
  const db = scoped(ctx.db, ctx.workspaceId);
  const changes: ImportChange[] = [];
  const skus = [...new Set(rows.map((r) => r.record.sku))];
  const stored = await db
    .selectFrom('products')
    .select(['id', 'sku', 'version', 'updated_at', ...COLUMNS])
    .where(sql<boolean>`sku = any(${skus}::text[])`)
    .execute();
  const existing = new Map(stored.map((p) => [p.sku, p as StoredProduct]));
  const rowOfCategory = new Map<string, number>();
  for (const r of rows) if (r.record.category && !rowOfCategory.has(r.record.category.toLowerCase())) rowOfCategory.set(r.record.category.toLowerCase(), r.rowNumber);
  const categories = await categoryIds(ctx, rows.flatMap((r) => (r.record.category ? [r.record.category] : [])), changes, rowOfCategory);

  const matching = options.matchKey === 'sku';
  const pending = new Map<string, Pending>();
  const outcomes: RowOutcome[] = [];
  const invalid = (row: PreparedRow<ProductRecord>, column: string | null, reason: string) =>
    outcomes.push({ rowNumber: row.rowNumber, action: 'invalid', entityId: null, issues: [{ rowNumber: row.rowNumber, column, value: row.record.sku, reason }] });
  for (const row of rows) {
    const { record } = row;
    let entry = pending.get(record.sku);
    if (entry && !matching) {
      invalid(row, 'sku', `SKU ${record.sku} already appears in row ${entry.firstRow}; choose SKU as the match key to update it`);
      continue;
    }
    if (!entry) {
      const found = existing.get(record.sku);
      if (found && !matching) {
        invalid(row, 'sku', `a product with SKU ${record.sku} already exists; choose SKU as the match key to update it`);
        continue;
      }
      if (!found && (record.name === undefined || record.unit_price === undefined)) {
        const missing = [record.name === undefined ? 'a name' : null, record.unit_price === undefined ? 'a unit price' : null].filter(Boolean).join(' and ');
        invalid(row, record.name === undefined ? 'name' : 'unitPrice', `a new product needs ${missing}`);
        continue;
      }
      const blank: Columns = { name: '', description: null, kind: 'product', category_id: null, unit_price: '0.00', unit_cost: '0.00', vat_rate: '20.00', active: true };
      entry = found
        ? { id: found.id, sku: record.sku, firstRow: row.rowNumber, before: found, current: pickColumns(found) }
        : { id: randomUUID(), sku: record.sku, firstRow: row.rowNumber, before: null, current: blank };
      pending.set(record.sku, entry);
      if (!found) {
        entry.current = applyRecord(entry.current, record, categories);
        outcomes.push({ rowNumber: row.rowNumber, action: 'created', entityId: entry.id, issues: [] });
        continue;
      }
    }
    const next = applyRecord(entry.current, record, categories);
    outcomes.push({ rowNumber: row.rowNumber, action: sameColumns(next, entry.current) ? 'unchanged' : 'updated', entityId: entry.id, issues: [] });
    entry.current = next;
  }

  const created = [...pending.values()].filter((p) => p.before === null);
  const updated = [...pending.values()].filter((p) => p.before !== null && !sameColumns(p.before, p.current));
  if (created.length > 0) {
    await db.insertInto('products', created.map((p) => ({ id: p.id, sku: p.sku, ...p.current }))).execute();
    for (const p of created) changes.push({ entity: 'product', entityId: p.id, action: 'created', rowNumber: p.firstRow, before: null });
  }
  if (updated.length > 0) {
    const values = sql.join(
      updated.map((p) => {
        const c = p.current;
        return sql`(${p.id}::uuid, ${c.name}, ${c.description}, ${c.kind}, ${c.category_id}::uuid, ${c.unit_price}::numeric, ${c.unit_cost}::numeric, ${c.vat_rate}::numeric, ${c.active}::boolean)`;
      }),
    );
    await sql`
      update products p set name = v.name, description = v.description, kind = v.kind, category_id = v.category_id,
        unit_price = v.unit_price, unit_cost = v.unit_cost, vat_rate = v.vat_rate, active = v.active,
        version = p.version + 1, updated_at = now()
      from (values ${values}) as v (id, name, description, kind, category_id, unit_price, unit_cost, vat_rate, active)
      where p.workspace_id = ${ctx.workspaceId} and p.id = v.id`.execute(ctx.db);
    for (const p of updated) {
      changes.push({ entity: 'product', entityId: p.id, action: 'updated', rowNumber: p.firstRow, before: { sku: p.sku, ...pickColumns(p.before!), version: p.before!.version } });
    }
  }
  return { outcomes, changes, partyIds: [] };
}

function pickColumns(row: Columns): Columns {
  return Object.fromEntries(COLUMNS.map((c) => [c, row[c]])) as Columns;
}

/** The products target of an import (match key: `sku`). */
export const productsTarget: ImportTarget<ProductRecord> = {
  name: 'products',
  matchKeys: ['sku'],
  tables: ['products', 'product_categories', 'import_changes'],
  fields: async () => FIELDS,
  prepare,
  writeBatch,
  undo: undoProducts,
  previewValues(row) {
    const r = row.record;
    return {
      sku: r.sku || null,
      name: r.name ?? null,
      category: r.category ?? null,
      kind: r.kind ?? null,
      description: r.description ?? null,
      unitPrice: r.unit_price === undefined ? null : Number(r.unit_price),
      unitCost: r.unit_cost === undefined ? null : Number(r.unit_cost),
      vatRate: r.vat_rate === undefined ? null : Number(r.vat_rate),
      active: r.active ?? null,
    };
  },
};
