/**
 * Credit notes (AV-…): what is taken back from an invoice, for lines and quantities or for an amount with a
 * reason. Never more than was invoiced minus what earlier credit notes took back, per line and in total.
 *
 * How a credit note settles: applied to its invoice, it reduces the balance due; whatever exceeds that balance
 * (all of it, when the invoice was already paid) is a refund owed to the customer, recorded as paid out with a
 * payment on the credit note. So on the invoice balance due = max(0, total − paid − credited); on the credit note
 * `amount_paid` is what is settled (applied at issue, then refunded) and total − amount_paid the refund still
 * owed. An invoice whose balance a credit note brings to zero is settled ("paid"), at the time of its last
 * payment if it had any (a credit note is not a payment, so it makes nobody late).
 */
import { randomUUID } from 'node:crypto';
import { sql, type Selectable } from 'kysely';
import { inTransaction, type Ctx } from '../../platform/context.ts';
import type { InvoicesTable } from '../../platform/db/schema.ts';
import { scoped } from '../../platform/db/scoped.ts';
import { recordChange } from '../../platform/events/change-log.ts';
import { AppError, throwIfIssues, type FieldIssue } from '../../platform/errors.ts';
import { MONEY_RULE, readDecimal, type DecimalInput } from '../commerce/money-input.ts';
import type { LineColumns } from '../commerce/document-lines.ts';
import { takeDocumentNumber } from '../commerce/document-numbers.ts';
import { recordBillingEvent } from './billing-events.ts';
import { amount, cents, exclTaxOf, lineTax, milli, partOfLine, splitByWeight, todayInFrance } from './billing-math.ts';
import type { InvoiceLineRow } from './invoice-presenter.ts';
import { getInvoice, type InvoiceDetailOut } from './invoice-read.ts';
import { creditedTotal, lockInvoice } from './invoice-service.ts';
import { chooseLines, throwIfRefused, type ChosenLine, type LineRequest } from './line-choice.ts';

type InvoiceRecord = Selectable<InvoicesTable>;

export interface CreditNoteInput {
  /** Order lines (as invoiced) and quantities to credit. */
  lines?: LineRequest[];
  /** Or an amount including tax, spread over the invoice's VAT rates. */
  amount?: DecimalInput;
  reason: string;
}

export interface CreditableLine {
  line: InvoiceLineRow;
  /** Thousandths already credited on this line. */
  credited: bigint;
}

/** The invoice's lines by order line position, with what credit notes already took back of each. */
export async function creditableLines(tx: Ctx, invoiceId: string): Promise<Map<number, CreditableLine>> {
  const db = scoped(tx.db, tx.workspaceId);
  const [lines, credited] = await Promise.all([
    db.selectFrom('invoice_lines').selectAll().where('invoice_id', '=', invoiceId).where('order_line_position', 'is not', null).orderBy('position').execute(),
    sql<{ position: number; quantity: string }>`
      select il.order_line_position as position, sum(il.quantity)::text as quantity
      from invoice_lines il
      join invoices cn on cn.workspace_id = il.workspace_id and cn.id = il.invoice_id
      where cn.workspace_id = ${tx.workspaceId} and cn.credited_invoice_id = ${invoiceId} and cn.kind = 'credit_note'
        and cn.status <> 'cancelled' and il.order_line_position is not null
      group by 1`.execute(tx.db),
  ]);
  const creditedBy = new Map(credited.rows.map((row) => [row.position, milli(row.quantity)]));
  return new Map(lines.map((line) => [line.order_line_position!, { line, credited: creditedBy.get(line.order_line_position!) ?? 0n }]));
}

interface NewLine extends LineColumns {
  product_id: string | null;
  order_line_position: number | null;
  tax: bigint;
}

function linesFor(chosen: readonly ChosenLine[], creditable: Map<number, CreditableLine>): NewLine[] {
  return chosen.map((choice) => {
    const { line, credited } = creditable.get(choice.position)!;
    return {
      product_id: line.product_id,
      order_line_position: line.order_line_position,
      description: line.description,
      unit_price: line.unit_price,
      discount_percent: line.discount_percent,
      vat_rate: line.vat_rate,
      unit_cost: line.unit_cost,
      ...partOfLine({ total: line.line_total, cost: line.line_cost, vatRate: line.vat_rate }, milli(line.quantity), credited, choice.quantity),
    };
  });
}

/** An amount including tax spread over the invoice's VAT rates in proportion, one line per rate. */
async function linesForAmount(tx: Ctx, invoiceId: string, inclTax: bigint, reason: string): Promise<NewLine[]> {
  const lines = await scoped(tx.db, tx.workspaceId).selectFrom('invoice_lines').selectAll().where('invoice_id', '=', invoiceId).execute();
  const weights = new Map<string, bigint>();
  for (const line of lines) {
    const total = cents(line.line_total);
    weights.set(line.vat_rate, (weights.get(line.vat_rate) ?? 0n) + total + lineTax(total, line.vat_rate));
  }
  const rates = [...weights.keys()].sort();
  const shares = splitByWeight(inclTax, rates.map((rate) => weights.get(rate)!));
  return rates
    .map((rate, i) => ({ rate, share: shares[i]! }))
    .filter(({ share }) => share > 0n)
    .map(({ rate, share }) => {
      const excl = exclTaxOf(share, rate);
      return {
        product_id: null,
        order_line_position: null,
        description: reason,
        quantity: '1.000',
        unit_price: amount(excl),
        discount_percent: '0.00',
        vat_rate: rate,
        line_total: amount(excl),
        unit_cost: '0.00',
        line_cost: '0.00',
        tax: share - excl,
      };
    });
}

export type CreditRequest = { lines: ChosenLine[] } | { amount: bigint };

/**
 * Issues a credit note against a locked invoice and settles it as described above. `lines` must already be
 * checked against `creditableLines`; the total is checked here against what remains creditable.
 */
export async function issueCreditNote(tx: Ctx, invoice: InvoiceRecord, request: CreditRequest, reason: string): Promise<string> {
  const currency = invoice.currency.trim();
  const alreadyCredited = await creditedTotal(tx, invoice.id);
  const creditable = cents(invoice.total_incl_tax) - alreadyCredited;
  const lines = 'lines' in request ? linesFor(request.lines, await creditableLines(tx, invoice.id)) : await linesForAmount(tx, invoice.id, request.amount, reason);
  const excl = lines.reduce((sum, line) => sum + cents(line.line_total), 0n);
  let tax = lines.reduce((sum, line) => sum + line.tax, 0n);
  // Crediting lines, per-line rounding of VAT may overshoot the invoice's own total by a cent or so on the last
  // credit; an amount is what it says and is never trimmed.
  const overshoot = excl + tax - creditable;
  if ('lines' in request && overshoot > 0n && overshoot <= BigInt(lines.length) && tax >= overshoot) tax -= overshoot;
  if (excl + tax > creditable || excl + tax <= 0n) {
    const field = 'lines' in request ? 'body.lines' : 'body.amount';
    const rule =
      excl + tax <= 0n
        ? 'must come to more than 0.00'
        : `must come to at most ${amount(creditable > 0n ? creditable : 0n)} (invoiced minus already credited)`;
    throwIfRefused([{ field, rule }], `${field} ${rule}: invoice ${invoice.number} has ${amount(creditable > 0n ? creditable : 0n)} ${currency} left to credit`);
  }
  const total = excl + tax;
  const cost = lines.reduce((sum, line) => sum + cents(line.line_cost), 0n);

  const paid = cents(invoice.amount_paid);
  const open = cents(invoice.total_incl_tax) - paid - alreadyCredited;
  const balanceBefore = open > 0n ? open : 0n;
  const applied = total < balanceBefore ? total : balanceBefore;
  const now = new Date();
  const today = todayInFrance(now);
  const id = randomUUID();
  const number = await takeDocumentNumber(tx, 'credit_note');
  const db = scoped(tx.db, tx.workspaceId);
  const note = await db
    .insertInto('invoices', [
      {
        id,
        number,
        kind: 'credit_note',
        order_id: invoice.order_id,
        customer_id: invoice.customer_id,
        credited_invoice_id: invoice.id,
        status: applied === total ? 'paid' : applied > 0n ? 'partially_paid' : 'open',
        issued_on: today,
        due_on: today,
        currency,
        total_excl_tax: amount(excl),
        tax_total: amount(tax),
        total_incl_tax: amount(total),
        cost_total: amount(cost),
        amount_paid: amount(applied),
        paid_at: applied === total ? now : null,
        reason,
      },
    ])
    .returningAll()
    .executeTakeFirstOrThrow();
  await db.insertInto('invoice_lines', lines.map(({ tax: _tax, ...line }, i) => ({ ...line, invoice_id: id, position: i + 1 }))).execute();

  // The invoice is settled when nothing remains due, at its last payment's time (a credit note is not a payment).
  let invoiceStatus = invoice.status;
  if (balanceBefore - applied === 0n && (invoice.status === 'open' || invoice.status === 'partially_paid')) {
    const last = await db.selectFrom('payments').select(sql<Date | null>`max(paid_at)`.as('at')).where('invoice_id', '=', invoice.id).executeTakeFirst();
    const after = await db
      .updateTable('invoices')
      .set({ status: 'paid', paid_at: last?.at ?? null, version: sql<number>`version + 1`, updated_at: now })
      .where('id', '=', invoice.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordChange(tx, { entity: 'invoice', entityId: invoice.id, action: 'update', before: invoice, after });
    invoiceStatus = 'paid';
  }
  await recordBillingEvent(tx, {
    customerId: invoice.customer_id,
    entity: 'credit_note',
    entityId: id,
    action: 'create',
    after: note,
    timeline: {
      kind: 'credit_note',
      subjectType: 'invoice',
      subjectId: id,
      data: {
        action: 'issued',
        number,
        status: note.status,
        orderId: invoice.order_id,
        amount: amount(total),
        currency,
        reason,
        invoiceNumber: invoice.number,
        refundOwed: amount(total - applied),
        ...(invoiceStatus !== invoice.status ? { invoiceStatus, previousInvoiceStatus: invoice.status } : {}),
      },
    },
    refreshMetrics: true,
  });
  return id;
}

/** Credits chosen lines (quantities) or an amount of an invoice. */
export async function createCreditNote(ctx: Ctx, invoiceId: string, input: CreditNoteInput): Promise<InvoiceDetailOut> {
  if ((input.lines === undefined) === (input.amount === undefined)) {
    throwIfIssues([{ field: 'body', rule: 'must give either lines (quantities to credit) or an amount, not both' }]);
  }
  const malformed: FieldIssue[] = [];
  const amountText = input.amount === undefined ? undefined : readDecimal(input.amount, 'body.amount', { ...MONEY_RULE, min: undefined }, malformed);
  throwIfIssues(malformed);
  if (amountText !== undefined && cents(amountText) <= 0n) throwIfRefused([{ field: 'body.amount', rule: 'must be more than 0' }]);

  return inTransaction(ctx, async (tx) => {
    const invoice = await lockInvoice(tx, invoiceId);
    if (invoice.kind !== 'invoice') throw new AppError('conflict', `${invoice.number} is a credit note: only an invoice can be credited`);
    if (invoice.status === 'cancelled') throw new AppError('conflict', `Invoice ${invoice.number} is cancelled: there is nothing to credit`);
    let request: CreditRequest;
    if (input.lines) {
      const creditable = await creditableLines(tx, invoiceId);
      const available = new Map([...creditable.entries()].map(([position, c]) => [position, milli(c.line.quantity) - c.credited]));
      request = { lines: chooseLines(input.lines, available, 'to credit') };
      if (request.lines.length === 0) throwIfRefused([{ field: 'body.lines', rule: 'must name at least one line' }]);
    } else {
      request = { amount: cents(amountText!) };
    }
    const id = await issueCreditNote(tx, invoice, request, input.reason.trim());
    return getInvoice(tx, id);
  });
}
