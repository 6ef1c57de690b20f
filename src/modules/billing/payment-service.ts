/**
 * Payments against an invoice. The invoice row is locked while the payment is checked and written, so payments
 * sent at the same moment are applied one after the other and together never exceed what is due. A payment
 * leaves the invoice partially paid, or paid (at that payment's time) once nothing remains due; one made after
 * the due date counts as late by the days between. The same on a credit note records a refund paid out to the
 * customer, up to the refund it still owes.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { actorUserId, inTransaction, type Ctx } from '../../platform/context.ts';
import { scoped } from '../../platform/db/scoped.ts';
import { recordChange } from '../../platform/events/change-log.ts';
import { AppError, throwIfIssues, type FieldIssue } from '../../platform/errors.ts';
import { MONEY_RULE, readDecimal, type DecimalInput } from '../commerce/money-input.ts';
import { recordBillingEvent } from './billing-events.ts';
import { amount, cents, dayInFrance, daysBetween } from './billing-math.ts';
import { presentPayment, type PaymentOut } from './billing-presenter.ts';
import type { PaymentMethod } from './billing-reference.ts';
import { getInvoice, type InvoiceDetailOut } from './invoice-read.ts';
import { creditedTotal, lockInvoice } from './invoice-service.ts';
import { throwIfRefused } from './line-choice.ts';

export interface PaymentInput {
  amount: DecimalInput;
  /** When the money was received; now by default. */
  paidAt?: string;
  method: PaymentMethod;
  reference?: string | null;
}

export interface PaymentResult {
  payment: PaymentOut;
  invoice: InvoiceDetailOut;
}

/**
 * Records a payment of at most the balance due (on a credit note: a refund of at most what it still owes);
 * anything else is refused before anything is written.
 */
export async function recordPayment(ctx: Ctx, invoiceId: string, input: PaymentInput): Promise<PaymentResult> {
  const malformed: FieldIssue[] = [];
  const text = readDecimal(input.amount, 'body.amount', { ...MONEY_RULE, min: undefined }, malformed);
  throwIfIssues(malformed);
  const paying = cents(text!);
  const paidAt = input.paidAt ? new Date(input.paidAt) : new Date();

  return inTransaction(ctx, async (tx) => {
    const before = await lockInvoice(tx, invoiceId);
    const currency = before.currency.trim();
    const refund = before.kind === 'credit_note';
    if (before.status === 'cancelled') throw new AppError('conflict', `${before.number} is cancelled: it takes no payments`);
    const paid = cents(before.amount_paid);
    const due = cents(before.total_incl_tax) - paid - (refund ? 0n : await creditedTotal(tx, invoiceId));
    const balance = due > 0n ? due : 0n;
    if (paying <= 0n || paying > balance) {
      const what = refund ? 'the refund owed' : 'the balance due';
      const rule = paying <= 0n ? 'must be more than 0' : `must be at most ${amount(balance)} (${what})`;
      const left = refund ? `credit note ${before.number} has ${amount(balance)} ${currency} left to refund` : `invoice ${before.number} has ${amount(balance)} ${currency} left to pay`;
      throwIfRefused([{ field: 'body.amount', rule }], `body.amount ${rule}: ${left}`);
    }

    const settled = paying === balance;
    const status = settled ? 'paid' : 'partially_paid';
    const id = randomUUID();
    const db = scoped(tx.db, tx.workspaceId);
    const payment = await db
      .insertInto('payments', [
        {
          id,
          invoice_id: invoiceId,
          customer_id: before.customer_id,
          amount: amount(paying),
          paid_at: paidAt,
          method: input.method,
          reference: input.reference ?? null,
          created_by: actorUserId(tx.actor),
        },
      ])
      .returningAll()
      .executeTakeFirstOrThrow();
    const after = await db
      .updateTable('invoices')
      .set({
        amount_paid: amount(paid + paying),
        status,
        paid_at: settled ? paidAt : null,
        version: sql<number>`version + 1`,
        updated_at: new Date(),
      })
      .where('id', '=', invoiceId)
      .returningAll()
      .executeTakeFirstOrThrow();
    const daysLate = refund ? 0 : Math.max(0, daysBetween(before.due_on, dayInFrance(paidAt)));
    await recordBillingEvent(tx, {
      customerId: before.customer_id,
      entity: 'payment',
      entityId: id,
      action: 'create',
      after: payment,
      timeline: {
        kind: 'payment',
        subjectType: 'invoice',
        subjectId: invoiceId,
        occurredAt: paidAt,
        data: {
          action: refund ? 'refunded' : 'received',
          paymentId: id,
          orderId: before.order_id,
          number: before.number,
          amount: amount(paying),
          currency,
          method: input.method,
          status,
          previousStatus: before.status,
          balanceDue: amount(balance - paying),
          dueOn: before.due_on,
          daysLate,
        },
      },
      refreshMetrics: true,
    });
    await recordChange(tx, { entity: 'invoice', entityId: invoiceId, action: 'update', before, after });
    return { payment: presentPayment(payment, before.due_on), invoice: await getInvoice(tx, invoiceId) };
  });
}

