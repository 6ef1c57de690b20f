/**
 * Returns (RET-…): goods a customer sends back, no more of a line than was delivered minus what earlier returns
 * (not rejected) took. A return is requested, then received, then refunded — which issues the credit note for
 * the returned lines against the invoices that billed them — or rejected.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { inTransaction, type Ctx } from '../../platform/context.ts';
import { scoped } from '../../platform/db/scoped.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { takeDocumentNumber } from '../commerce/document-numbers.ts';
import { getOrder, lockOrder } from '../commerce/order-service.ts';
import { CUSTOMER_COLUMNS } from '../commerce/order-presenter.ts';
import { recordBillingEvent } from './billing-events.ts';
import { milli, quantityColumn, quantityText } from './billing-math.ts';
import { presentReturn, type DocumentLineJson, type ReturnOut, type ReturnRow } from './billing-presenter.ts';
import { RETURN_TRANSITIONS, type ReturnStatus } from './billing-reference.ts';
import { creditableLines, issueCreditNote } from './credit-note-service.ts';
import { lockInvoice } from './invoice-service.ts';
import { chooseLines, type ChosenLine, type LineRequest } from './line-choice.ts';
import { orderProgress, progressOf } from './order-progress.ts';

export interface ReturnInput {
  lines: (LineRequest & { condition?: string | null })[];
  reason: string;
}

/** Returns with their order number, customer, credit note number and lines (descriptions from the order lines). */
export function returnsQuery(ctx: Ctx) {
  return scoped(ctx.db, ctx.workspaceId)
    .selectFrom('returns')
    .innerJoin('orders', (join) => join.onRef('orders.workspace_id', '=', 'returns.workspace_id').onRef('orders.id', '=', 'returns.order_id'))
    .innerJoin('parties as customer', (join) => join.onRef('customer.workspace_id', '=', 'returns.workspace_id').onRef('customer.id', '=', 'returns.customer_id'))
    .leftJoin('invoices as credit_note', (join) =>
      join.onRef('credit_note.workspace_id', '=', 'returns.workspace_id').onRef('credit_note.id', '=', 'returns.credit_note_id'),
    )
    .selectAll('returns')
    .select([
      'orders.number as order_number',
      ...CUSTOMER_COLUMNS,
      'credit_note.number as credit_note_number',
      sql<DocumentLineJson[]>`coalesce((
        select json_agg(json_build_object('position', rl.position, 'orderLinePosition', rl.order_line_position,
                 'quantity', rl.quantity::text, 'description', ol.description, 'condition', rl.condition) order by rl.position)
        from return_lines rl
        left join order_lines ol on ol.workspace_id = rl.workspace_id and ol.order_id = returns.order_id and ol.position = rl.order_line_position
        where rl.workspace_id = returns.workspace_id and rl.return_id = returns.id), '[]')`.as('lines'),
    ]);
}

export async function getReturn(ctx: Ctx, id: string): Promise<ReturnOut> {
  const row = await returnsQuery(ctx).where('returns.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Return');
  return presentReturn(row as ReturnRow);
}

/** The returns of an order, oldest first; 404 for an order that is not this workspace's. */
export async function listOrderReturns(ctx: Ctx, orderId: string): Promise<ReturnOut[]> {
  await getOrder(ctx, orderId);
  return returnsOfOrder(ctx, orderId);
}

/** The returns of an order known to exist, oldest first. */
export async function returnsOfOrder(ctx: Ctx, orderId: string): Promise<ReturnOut[]> {
  const rows = await returnsQuery(ctx).where('returns.order_id', '=', orderId).orderBy('returns.requested_at').orderBy('returns.number').execute();
  return rows.map((row) => presentReturn(row as ReturnRow));
}

/** Records a return request for delivered quantities. */
export async function createReturn(ctx: Ctx, orderId: string, input: ReturnInput): Promise<ReturnOut> {
  return inTransaction(ctx, async (tx) => {
    await lockOrder(tx, orderId);
    const order = await getOrder(tx, orderId);
    const progress = await orderProgress(tx, orderId);
    const available = new Map(order.lines.map((line) => [line.position, progressOf(progress, line.position).delivered - progressOf(progress, line.position).returned]));
    const chosen = chooseLines(input.lines, available, 'to return (delivered minus already returned)');
    const conditions = new Map(input.lines.map((line) => [line.orderLinePosition, line.condition ?? null]));

    const id = randomUUID();
    const number = await takeDocumentNumber(tx, 'return');
    const db = scoped(tx.db, tx.workspaceId);
    const row = await db
      .insertInto('returns', [{ id, number, order_id: orderId, customer_id: order.customer.id, reason: input.reason.trim(), requested_at: new Date() }])
      .returningAll()
      .executeTakeFirstOrThrow();
    await db
      .insertInto(
        'return_lines',
        chosen.map((line, i) => ({
          return_id: id,
          position: i + 1,
          order_line_position: line.position,
          quantity: quantityColumn(line.quantity),
          condition: conditions.get(line.position) ?? null,
        })),
      )
      .execute();
    await recordBillingEvent(tx, {
      customerId: order.customer.id,
      entity: 'return',
      entityId: id,
      action: 'create',
      after: { ...row, lines: chosen.map((line) => `${line.position}: ${quantityText(line.quantity)}`) },
      timeline: {
        kind: 'return',
        subjectType: 'return',
        subjectId: id,
        data: { action: 'requested', number, status: 'requested', orderId, orderNumber: order.number, reason: row.reason },
      },
      refreshMetrics: true,
    });
    return getReturn(tx, id);
  });
}

/**
 * The invoices a return's lines are credited against: for each returned line, the invoices that billed that
 * order line and still have it to credit, oldest first. A quantity no invoice covers is a 409: invoice first.
 */
async function allocateToInvoices(tx: Ctx, orderId: string, number: string, lines: readonly ChosenLine[]): Promise<Map<string, ChosenLine[]>> {
  const invoices = await scoped(tx.db, tx.workspaceId)
    .selectFrom('invoices')
    .select('id')
    .where('order_id', '=', orderId)
    .where('kind', '=', 'invoice')
    .where('status', '<>', 'cancelled')
    .orderBy('issued_on')
    .orderBy('number')
    .execute();
  const creditable = new Map<string, Map<number, bigint>>();
  for (const invoice of invoices) {
    const lines = await creditableLines(tx, invoice.id);
    creditable.set(invoice.id, new Map([...lines.entries()].map(([position, c]) => [position, milli(c.line.quantity) - c.credited])));
  }
  const allocation = new Map<string, ChosenLine[]>();
  for (const line of lines) {
    let left = line.quantity;
    for (const invoice of invoices) {
      const available = creditable.get(invoice.id)!.get(line.position) ?? 0n;
      const take = available < left ? available : left;
      if (take <= 0n) continue;
      allocation.set(invoice.id, [...(allocation.get(invoice.id) ?? []), { position: line.position, quantity: take }]);
      left -= take;
      if (left === 0n) break;
    }
    if (left > 0n) {
      throw new AppError('conflict', `Return ${number}: ${quantityText(left)} of order line ${line.position} is not invoiced (or already credited); invoice it before refunding`);
    }
  }
  return allocation;
}

/** Moves a return to `status`: received stamps the time, refunded issues the credit note(s). */
export async function changeReturnStatus(ctx: Ctx, id: string, status: Exclude<ReturnStatus, 'requested'>, note?: string): Promise<ReturnOut> {
  return inTransaction(ctx, async (tx) => {
    const db = scoped(tx.db, tx.workspaceId);
    const found = await db.selectFrom('returns').select('order_id').where('id', '=', id).executeTakeFirst();
    if (!found) throw notFound('Return');
    const order = await lockOrder(tx, found.order_id);
    const before = await db.selectFrom('returns').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    const previous = before.status as ReturnStatus;
    if (previous === status) return getReturn(tx, id);
    if (!RETURN_TRANSITIONS[previous].includes(status)) {
      const allowed = RETURN_TRANSITIONS[previous];
      throw new AppError(
        'conflict',
        `Return ${before.number} is ${previous}: it cannot become ${status}${allowed.length > 0 ? ` (it can become ${allowed.join(' or ')})` : ''}`,
      );
    }

    let creditNoteId: string | null = before.credit_note_id;
    if (status === 'refunded') {
      const lines = await db.selectFrom('return_lines').select(['order_line_position', 'quantity']).where('return_id', '=', id).orderBy('position').execute();
      const chosen = lines.map((line) => ({ position: line.order_line_position, quantity: milli(line.quantity) }));
      const reason = `${before.number} — ${before.reason}`;
      for (const [invoiceId, invoiceLines] of await allocateToInvoices(tx, before.order_id, before.number, chosen)) {
        const created = await issueCreditNote(tx, await lockInvoice(tx, invoiceId), { lines: invoiceLines }, reason);
        creditNoteId ??= created;
      }
    }
    const now = new Date();
    const after = await db
      .updateTable('returns')
      .set({
        status,
        received_at: status === 'received' ? now : before.received_at,
        credit_note_id: creditNoteId,
        version: sql<number>`version + 1`,
        updated_at: now,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const creditNote = creditNoteId ? await db.selectFrom('invoices').select(['number', 'total_incl_tax']).where('id', '=', creditNoteId).executeTakeFirst() : undefined;
    await recordBillingEvent(tx, {
      customerId: before.customer_id,
      entity: 'return',
      entityId: id,
      action: 'update',
      before,
      after,
      timeline: {
        kind: 'return',
        subjectType: 'return',
        subjectId: id,
        data: {
          action: 'status_changed',
          number: before.number,
          status,
          previousStatus: previous,
          orderId: before.order_id,
          orderNumber: order.number,
          ...(status === 'refunded' && creditNote ? { creditNoteNumber: creditNote.number, amount: creditNote.total_incl_tax, currency: order.currency.trim() } : {}),
          ...(note ? { note } : {}),
        },
      },
      refreshMetrics: true,
    });
    return getReturn(tx, id);
  });
}
