/**
 * Quotes: drafted with lines priced from the catalogue, sent, then accepted (which creates the order from the
 * quote's lines and links both), declined or expired. Every step is one transaction that writes the change log
 * and, for creation and each status change, an entry of kind `quote` on the customer's timeline.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { actorUserId, inTransaction, type Ctx } from '../../platform/context.ts';
import { scoped } from '../../platform/db/scoped.ts';
import { recordChange } from '../../platform/events/change-log.ts';
import { AppError, assertCurrentVersion, notFound, throwIfIssues, type FieldIssue } from '../../platform/errors.ts';
import { QUOTE_TRANSITIONS, type QuoteStatus } from '../../shared/commerce/commerce-reference.ts';
import { recordTimeline } from '../timeline/timeline-writer.ts';
import { takeDocumentNumber } from './document-numbers.ts';
import { assertDocumentParties } from './document-parties.ts';
import { priceLines, resolveLines, type PricedLines } from './document-lines.ts';
import { readCurrency } from './money-input.ts';
import { quotesWithCustomer } from './order-list.ts';
import { presentQuote, type CustomerColumns, type QuoteDetail, type QuoteLineRow, type QuoteRow } from './order-presenter.ts';
import { getOrder, type OrderDetail } from './order-service.ts';
import { insertOrder } from './order-write.ts';
import type { QuoteCreateBody, QuoteUpdateBody } from './order-schemas.ts';

const DEFAULT_VALIDITY_DAYS = 30;

async function quoteLines(ctx: Ctx, quoteId: string): Promise<(QuoteLineRow & { sku: string })[]> {
  return scoped(ctx.db, ctx.workspaceId)
    .selectFrom('quote_lines')
    .innerJoin('products', (join) => join.onRef('products.workspace_id', '=', 'quote_lines.workspace_id').onRef('products.id', '=', 'quote_lines.product_id'))
    .selectAll('quote_lines')
    .select('products.sku')
    .where('quote_lines.quote_id', '=', quoteId)
    .orderBy('quote_lines.position')
    .execute();
}

/** One quote with its lines. Throws `not_found` for a missing quote or another workspace's. */
export async function getQuote(ctx: Ctx, id: string): Promise<QuoteDetail> {
  const row = await quotesWithCustomer(ctx).where('quotes.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Quote');
  return presentQuote(row as QuoteRow & CustomerColumns, await quoteLines(ctx, id));
}

async function lockQuote(ctx: Ctx, id: string): Promise<QuoteRow> {
  const row = await scoped(ctx.db, ctx.workspaceId).selectFrom('quotes').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw notFound('Quote');
  return row;
}

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function totalColumns(priced: PricedLines) {
  const t = priced.totals;
  return {
    subtotal: t.subtotal,
    discount_total: t.discountTotal,
    total_excl_tax: t.totalExclTax,
    tax_total: t.taxTotal,
    total_incl_tax: t.totalInclTax,
    cost_total: t.costTotal,
  };
}

async function quoteTimeline(ctx: Ctx, quote: QuoteRow, action: string, extra: Record<string, unknown> = {}): Promise<void> {
  await recordTimeline(ctx, {
    partyId: quote.customer_id,
    kind: 'quote',
    subjectType: 'quote',
    subjectId: quote.id,
    channel: quote.channel,
    data: { action, number: quote.number, status: quote.status, amount: quote.total_incl_tax, currency: quote.currency.trim(), ...extra },
  });
}

/** Drafts a quote for a customer with lines priced from the catalogue. */
export async function createQuote(ctx: Ctx, body: QuoteCreateBody): Promise<QuoteDetail> {
  return inTransaction(ctx, async (tx) => {
    const issues: FieldIssue[] = [];
    const currency = readCurrency(body.currency ?? 'EUR', 'body.currency', issues);
    const issuedOn = body.issuedOn ?? new Date().toISOString().slice(0, 10);
    const validUntil = body.validUntil ?? addDays(issuedOn, DEFAULT_VALIDITY_DAYS);
    if (validUntil < issuedOn) issues.push({ field: 'body.validUntil', rule: 'must not be before the issue date' });
    throwIfIssues(issues);
    const priced = await resolveLines(tx, body.lines, currency!);
    await assertDocumentParties(tx, { customerId: body.customerId, contactId: body.contactId });
    const id = randomUUID();
    const number = await takeDocumentNumber(tx, 'quote', new Date(`${issuedOn}T12:00:00Z`));
    const db = scoped(tx.db, tx.workspaceId);
    const row = await db
      .insertInto('quotes', [
        {
          id,
          number,
          customer_id: body.customerId,
          contact_id: body.contactId ?? null,
          status: 'draft',
          issued_on: issuedOn,
          valid_until: validUntil,
          channel: body.channel,
          currency: currency!,
          ...totalColumns(priced),
          notes: body.notes?.trim() || null,
          owner_id: actorUserId(tx.actor),
          created_by: actorUserId(tx.actor),
        },
      ])
      .returningAll()
      .executeTakeFirstOrThrow();
    await db.insertInto('quote_lines', priced.lines.map((line) => ({ ...line, quote_id: id }))).execute();
    await recordChange(tx, { entity: 'quote', entityId: id, action: 'create', after: { ...row, lines: priced.lines.length } });
    await quoteTimeline(tx, row, 'created', { lineCount: priced.lines.length });
    return getQuote(tx, id);
  });
}

function assertOpen(quote: QuoteRow): void {
  if (quote.status !== 'draft' && quote.status !== 'sent') {
    throw new AppError('conflict', `Quote ${quote.number} is ${quote.status}; only a draft or sent quote can change`);
  }
}

/** Changes a draft or sent quote read at `version`; new lines replace the old ones and are priced again. */
export async function updateQuote(ctx: Ctx, id: string, body: QuoteUpdateBody): Promise<QuoteDetail> {
  return inTransaction(ctx, async (tx) => {
    const before = await lockQuote(tx, id);
    await assertCurrentVersion('quote', body.version, before.version, () => getQuote(tx, id));
    assertOpen(before);
    const issuedOn = String(before.issued_on).slice(0, 10);
    if (body.validUntil !== undefined && body.validUntil < issuedOn) {
      throwIfIssues([{ field: 'body.validUntil', rule: 'must not be before the issue date' }]);
    }
    const priced = body.lines ? await resolveLines(tx, body.lines, before.currency.trim()) : null;
    if (body.contactId) await assertDocumentParties(tx, { contactId: body.contactId });
    const db = scoped(tx.db, tx.workspaceId);
    if (priced) {
      await db.deleteFrom('quote_lines').where('quote_id', '=', id).execute();
      await db.insertInto('quote_lines', priced.lines.map((line) => ({ ...line, quote_id: id }))).execute();
    }
    const after = await db
      .updateTable('quotes')
      .set({
        ...(body.contactId !== undefined ? { contact_id: body.contactId } : {}),
        ...(body.channel !== undefined ? { channel: body.channel } : {}),
        ...(body.validUntil !== undefined ? { valid_until: body.validUntil } : {}),
        ...(body.notes !== undefined ? { notes: body.notes?.trim() || null } : {}),
        ...(priced ? totalColumns(priced) : {}),
        version: before.version + 1,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordChange(tx, { entity: 'quote', entityId: id, action: 'update', before, after: priced ? { ...after, lines: priced.lines.length } : after });
    return getQuote(tx, id);
  });
}

/** Moves a quote to `sent`, `declined` or `expired`; asking for its current status does nothing. */
export async function moveQuote(ctx: Ctx, id: string, status: Exclude<QuoteStatus, 'draft' | 'accepted'>): Promise<QuoteDetail> {
  return inTransaction(ctx, async (tx) => {
    const before = await lockQuote(tx, id);
    if (before.status === status) return getQuote(tx, id);
    assertTransition(before, status);
    const after = await scoped(tx.db, tx.workspaceId)
      .updateTable('quotes')
      .set({ status, version: sql<number>`version + 1`, updated_at: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordChange(tx, { entity: 'quote', entityId: id, action: 'update', before: { status: before.status }, after: { status } });
    await quoteTimeline(tx, after, status, { previousStatus: before.status });
    return getQuote(tx, id);
  });
}

function assertTransition(quote: QuoteRow, status: QuoteStatus): void {
  const allowed = QUOTE_TRANSITIONS[quote.status as QuoteStatus];
  if (!allowed.includes(status)) {
    throw new AppError('conflict', `Quote ${quote.number} is ${quote.status}: it cannot become ${status}`, [
      { field: 'status', rule: allowed.length > 0 ? `must be one of ${allowed.join(', ')}` : `cannot change: the quote is ${quote.status}` },
    ]);
  }
}

/**
 * Accepts a quote: creates a confirmed order from its lines (its prices and discounts, with the products' costs
 * of today, the time of sale) and links the quote to it. Accepting an accepted quote answers the same order.
 */
export async function acceptQuote(ctx: Ctx, id: string): Promise<{ quote: QuoteDetail; order: OrderDetail }> {
  return inTransaction(ctx, async (tx) => {
    const before = await lockQuote(tx, id);
    if (before.status === 'accepted' && before.order_id) return { quote: await getQuote(tx, id), order: await getOrder(tx, before.order_id) };
    assertTransition(before, 'accepted');
    await assertDocumentParties(tx, { customerId: before.customer_id, contactId: before.contact_id });
    const lines = await scoped(tx.db, tx.workspaceId)
      .selectFrom('quote_lines')
      .innerJoin('products', (join) => join.onRef('products.workspace_id', '=', 'quote_lines.workspace_id').onRef('products.id', '=', 'quote_lines.product_id'))
      .select([
        'quote_lines.product_id',
        'quote_lines.description',
        'quote_lines.quantity',
        'quote_lines.unit_price',
        'quote_lines.discount_percent',
        'quote_lines.vat_rate',
        'products.unit_cost',
      ])
      .where('quote_lines.quote_id', '=', id)
      .orderBy('quote_lines.position')
      .execute();
    const orderId = await insertOrder(tx, {
      customerId: before.customer_id,
      contactId: before.contact_id,
      quoteId: id,
      channel: before.channel as never,
      currency: before.currency.trim(),
      orderedAt: new Date(),
      promoCode: null,
      notes: before.notes,
      priced: priceLines(lines),
    });
    const after = await scoped(tx.db, tx.workspaceId)
      .updateTable('quotes')
      .set({ status: 'accepted', order_id: orderId, version: before.version + 1, updated_at: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordChange(tx, {
      entity: 'quote',
      entityId: id,
      action: 'update',
      before: { status: before.status, order_id: before.order_id },
      after: { status: after.status, order_id: orderId },
    });
    const order = await getOrder(tx, orderId);
    await quoteTimeline(tx, after, 'accepted', { previousStatus: before.status, orderId, orderNumber: order.number });
    return { quote: await getQuote(tx, id), order };
  });
}
