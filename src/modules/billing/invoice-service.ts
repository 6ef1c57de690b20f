/**
 * Invoicing an order and cancelling an invoice. An invoice copies what it bills from the order lines (price,
 * discount, VAT rate, cost), for all that is not yet invoiced or for chosen lines and quantities; a line billed
 * in several goes is split so the parts add up to the order line to the cent. Numbers (FAC-…) are continuous per
 * year of issue. An invoice can be cancelled only while nothing has been paid or credited on it.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { inTransaction, type Ctx } from '../../platform/context.ts';
import { scoped } from '../../platform/db/scoped.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { takeDocumentNumber } from '../commerce/document-numbers.ts';
import { getOrder, lockOrder } from '../commerce/order-service.ts';
import { recordBillingEvent } from './billing-events.ts';
import { addDays, amount, cents, isCalendarDay, milli, partOfLine, todayInFrance } from './billing-math.ts';
import { DEFAULT_PAYMENT_TERM_DAYS } from './billing-reference.ts';
import { getInvoice, type InvoiceDetailOut } from './invoice-read.ts';
import { chooseLines, throwIfRefused, type LineRequest } from './line-choice.ts';
import { orderProgress, progressOf } from './order-progress.ts';

export interface InvoiceInput {
  /** Order lines and quantities; everything not yet invoiced when left out. */
  lines?: LineRequest[];
  /** Today (in France) by default. */
  issuedOn?: string;
  /** Days from issue to due date; 30 by default. */
  paymentTermDays?: number;
}

/** Invoices the order's lines not yet invoiced (or the chosen lines and quantities). */
export async function invoiceOrder(ctx: Ctx, orderId: string, input: InvoiceInput): Promise<InvoiceDetailOut> {
  return inTransaction(ctx, async (tx) => {
    const locked = await lockOrder(tx, orderId);
    if (locked.status === 'cancelled') throw new AppError('conflict', `Order ${locked.number} is cancelled: it cannot be invoiced`);
    const issuedOn = input.issuedOn ?? todayInFrance();
    if (!isCalendarDay(issuedOn)) throwIfRefused([{ field: 'body.issuedOn', rule: 'must be a day written YYYY-MM-DD' }]);
    const dueOn = addDays(issuedOn, input.paymentTermDays ?? DEFAULT_PAYMENT_TERM_DAYS);

    const order = await getOrder(tx, orderId);
    const progress = await orderProgress(tx, orderId);
    const available = new Map(order.lines.map((line) => [line.position, milli(line.quantity) - progressOf(progress, line.position).invoiced]));
    const chosen = chooseLines(input.lines, available, 'to invoice');
    if (chosen.length === 0) throw new AppError('conflict', `Everything on order ${order.number} is already invoiced`);

    const byPosition = new Map(order.lines.map((line) => [line.position, line]));
    const lines = chosen.map((choice, i) => {
      const line = byPosition.get(choice.position)!;
      const before = progressOf(progress, line.position).invoiced;
      return {
        position: i + 1,
        product_id: line.productId,
        order_line_position: line.position,
        description: line.description,
        unit_price: line.unitPrice,
        discount_percent: line.discountPercent,
        vat_rate: line.vatRate,
        unit_cost: line.unitCost,
        ...partOfLine({ total: line.lineTotal, cost: line.lineCost, vatRate: line.vatRate }, milli(line.quantity), before, choice.quantity),
      };
    });
    const totalExcl = lines.reduce((sum, line) => sum + cents(line.line_total), 0n);
    const tax = lines.reduce((sum, line) => sum + line.tax, 0n);
    const cost = lines.reduce((sum, line) => sum + cents(line.line_cost), 0n);

    const id = randomUUID();
    const number = await takeDocumentNumber(tx, 'invoice', new Date(`${issuedOn}T12:00:00Z`));
    const db = scoped(tx.db, tx.workspaceId);
    const row = await db
      .insertInto('invoices', [
        {
          id,
          number,
          kind: 'invoice',
          order_id: orderId,
          customer_id: order.customer.id,
          issued_on: issuedOn,
          due_on: dueOn,
          currency: order.currency,
          total_excl_tax: amount(totalExcl),
          tax_total: amount(tax),
          total_incl_tax: amount(totalExcl + tax),
          cost_total: amount(cost),
        },
      ])
      .returningAll()
      .executeTakeFirstOrThrow();
    await db.insertInto('invoice_lines', lines.map(({ tax: _tax, ...line }) => ({ ...line, invoice_id: id }))).execute();
    await recordBillingEvent(tx, {
      customerId: order.customer.id,
      entity: 'invoice',
      entityId: id,
      action: 'create',
      after: row,
      timeline: {
        kind: 'invoice',
        subjectType: 'invoice',
        subjectId: id,
        data: { action: 'issued', number, status: 'open', amount: row.total_incl_tax, currency: order.currency, dueOn, orderId, orderNumber: order.number },
      },
      refreshMetrics: true,
    });
    return getInvoice(tx, id);
  });
}

/** The invoice row, locked for the rest of the transaction; 404 when it is not this workspace's. */
export async function lockInvoice(tx: Ctx, id: string) {
  const row = await scoped(tx.db, tx.workspaceId).selectFrom('invoices').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw notFound('Invoice');
  return row;
}

/** What credit notes (not cancelled) take back from an invoice, incl. tax, in cents. */
export async function creditedTotal(tx: Ctx, invoiceId: string): Promise<bigint> {
  const row = await scoped(tx.db, tx.workspaceId)
    .selectFrom('invoices')
    .select(sql<string>`coalesce(sum(total_incl_tax), 0)::text`.as('total'))
    .where('credited_invoice_id', '=', invoiceId)
    .where('kind', '=', 'credit_note')
    .where('status', '<>', 'cancelled')
    .executeTakeFirstOrThrow();
  return cents(row.total);
}

/** Cancels an invoice on which nothing was paid or credited; its quantities can be invoiced again. */
export async function cancelInvoice(ctx: Ctx, id: string, reason?: string): Promise<InvoiceDetailOut> {
  return inTransaction(ctx, async (tx) => {
    const before = await lockInvoice(tx, id);
    if (before.kind !== 'invoice') throw new AppError('conflict', `${before.number} is a credit note: a credit note cannot be cancelled`);
    if (before.status === 'cancelled') return getInvoice(tx, id);
    if (cents(before.amount_paid) > 0n) {
      throw new AppError('conflict', `Invoice ${before.number} has payments (${amount(cents(before.amount_paid))} ${before.currency.trim()}): issue a credit note instead`);
    }
    if ((await creditedTotal(tx, id)) > 0n) throw new AppError('conflict', `Invoice ${before.number} has credit notes: it can no longer be cancelled`);
    const after = await scoped(tx.db, tx.workspaceId)
      .updateTable('invoices')
      .set({ status: 'cancelled', reason: reason ?? before.reason, version: sql<number>`version + 1`, updated_at: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordBillingEvent(tx, {
      customerId: before.customer_id,
      entity: 'invoice',
      entityId: id,
      action: 'update',
      before,
      after,
      timeline: {
        kind: 'invoice',
        subjectType: 'invoice',
        subjectId: id,
        data: {
          action: 'status_changed',
          number: before.number,
          status: 'cancelled',
          previousStatus: before.status,
          orderId: before.order_id,
          amount: before.total_incl_tax,
          currency: before.currency.trim(),
          ...(reason ? { reason } : {}),
        },
      },
      refreshMetrics: true,
    });
    return getInvoice(tx, id);
  });
}
