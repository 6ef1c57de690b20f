/**
 * What a demo order costs its customer: the invoice (due after 30 days, or the business's 30 or 45), the
 * payments — at the till or online at once, by transfer around the due date, late or in part for late payers,
 * some never — and the returns, with the credit note that refunds them. Payments never exceed what is due, and
 * an invoice's amount_paid, status and paid_at are what its payments make them.
 */
import { DAY_MS, isoDay } from './demo-drafts.ts';
import { atWorkingHour, dayStart } from './demo-calendar.ts';
import { paysAtOrder } from './demo-archetypes.ts';
import type { Customer, Teller } from './demo-history.ts';
import { lineColumns, money, priceLine, totalsOf, type OrderFacts } from './demo-orders.ts';
import { newId, onTimeline, toNumber, type Row } from './demo-story.ts';
import { RETURN_CONDITIONS, RETURN_REASONS } from './demo-texts.ts';

export interface InvoiceFacts {
  id: string;
  row: Row;
  issuedMs: number;
  dueMs: number;
  totalCents: number;
  paidCents: number;
  /** When the last payment settled it; null while anything is due. */
  settledMs: number | null;
  /** Still (partly) unpaid after its due date. */
  overdue: boolean;
}

interface PlannedPayment {
  atMs: number;
  /** Share of the total; the last payment of a full settlement takes what remains. */
  share: number;
}

/** When the customer pays: at once, around the due date, late, in two goes, or not at all. */
function paymentPlan(customer: Customer, order: OrderFacts, issuedMs: number, dueMs: number): PlannedPayment[] {
  const { random, profile } = customer;
  if (order.channel === 'store' || paysAtOrder(profile, order.channel)) return [{ atMs: issuedMs + 60_000, share: 1 }];
  const days = (n: number) => n * DAY_MS;
  if (profile.archetype === 'late_payer') {
    const roll = random.next();
    if (roll < 0.12) return [];
    if (roll < 0.32) {
      // A part paid late, and the rest later still — or never.
      const first = { atMs: dueMs + days(random.int(5, 30)), share: 0.3 + random.int(0, 4) / 10 };
      return random.chance(0.35) ? [first] : [first, { atMs: dueMs + days(random.int(35, 90)), share: 1 }];
    }
    return [{ atMs: dueMs + days(random.int(15, 90)), share: 1 }];
  }
  if (!profile.business) return [{ atMs: issuedMs + days(random.int(3, 20)), share: 1 }];
  if (profile.method === 'direct_debit') return [{ atMs: dueMs, share: 1 }];
  return random.chance(0.82)
    ? [{ atMs: Math.max(issuedMs + days(1), dueMs - days(random.int(0, 20))), share: 1 }]
    : [{ atMs: dueMs + days(random.int(1, 12)), share: 1 }];
}

function methodOf(customer: Customer, order: OrderFacts): string {
  if (order.channel === 'web' && !customer.profile.business && customer.profile.archetype !== 'late_payer') return customer.random.chance(0.2) ? 'paypal' : 'card';
  if (order.channel === 'phone' && paysAtOrder(customer.profile, order.channel)) return 'card';
  return customer.profile.method;
}

function referenceOf(customer: Customer, method: string): string | null {
  const digits = (n: number) => String(customer.random.int(0, 10 ** n - 1)).padStart(n, '0');
  switch (method) {
    case 'transfer': return `VIR ${digits(8)}`;
    case 'cheque': return `Chèque n° ${digits(7)}`;
    case 'paypal': return `PAYPAL-${digits(10)}`;
    case 'direct_debit': return `PRLV SEPA ${digits(8)}`;
    default: return null;
  }
}

/** Issues the order's invoice, if it is billed by today, with its lines and the payments made so far. */
export function invoiceOrder(teller: Teller, customer: Customer, order: OrderFacts): InvoiceFacts | null {
  if (order.billableMs === null) return null;
  const { party } = customer;
  const story = teller.story;
  const issuedMs = order.billableMs;
  const dueMs = dayStart(issuedMs) + customer.profile.termsDays * DAY_MS;
  const totalCents = order.totals.total + order.totals.tax;
  const id = newId(teller.uuid, customer.ids, 'invoices');
  const method = methodOf(customer, order);

  let paidCents = 0;
  let lastPaidMs: number | null = null;
  const holders: { number?: unknown }[] = [];
  for (const planned of paymentPlan(customer, order, issuedMs, dueMs)) {
    const atMs = planned.atMs === issuedMs + 60_000 ? planned.atMs : atWorkingHour(customer.random, planned.atMs, 'office', issuedMs);
    if (atMs >= teller.todayMs || paidCents >= totalCents) break;
    const cents = planned.share >= 1 ? totalCents - paidCents : Math.min(totalCents - paidCents, Math.round(totalCents * planned.share));
    if (cents <= 0) continue;
    paidCents += cents;
    lastPaidMs = atMs;
    const paymentId = newId(teller.uuid, customer.ids, 'payments');
    story.rows.payments.push({
      id: paymentId, invoice_id: id, customer_id: party.id, amount: money(cents), paid_at: new Date(atMs).toISOString(),
      method, reference: referenceOf(customer, method), created_by: null, created_at: new Date(atMs).toISOString(),
    });
    const daysLate = Math.max(0, Math.floor((dayStart(atMs) - dueMs) / DAY_MS));
    holders.push(onTimeline(story, teller.uuid, customer.ids, party.id, {
      kind: 'payment', atMs, subjectType: 'payment', subjectId: paymentId,
      data: { action: 'received', number: '', amount: money(cents), currency: 'EUR', daysLate },
    }));
  }
  const status = paidCents === 0 ? 'open' : paidCents < totalCents ? 'partially_paid' : 'paid';
  const row: Row = {
    id, number: '', kind: 'invoice', order_id: order.id, customer_id: party.id, credited_invoice_id: null, status,
    issued_on: isoDay(issuedMs), due_on: isoDay(dueMs), currency: 'EUR', total_excl_tax: money(order.totals.total),
    tax_total: money(order.totals.tax), total_incl_tax: money(totalCents), cost_total: money(order.totals.cost),
    amount_paid: money(paidCents), paid_at: status === 'paid' ? new Date(lastPaidMs!).toISOString() : null, reason: null,
    version: 1, created_at: new Date(issuedMs).toISOString(), updated_at: new Date(lastPaidMs ?? issuedMs).toISOString(),
  };
  story.rows.invoices.push(row);
  for (const line of order.lines) story.rows.invoice_lines.push({ invoice_id: id, ...lineColumns(line), order_line_position: line.position });
  const issued = onTimeline(story, teller.uuid, customer.ids, party.id, {
    kind: 'invoice', atMs: issuedMs, subjectType: 'invoice', subjectId: id,
    data: { action: 'issued', number: '', amount: money(totalCents), currency: 'EUR', dueOn: isoDay(dueMs) },
  });
  // Payments show the invoice's number.
  toNumber(story, 'invoice', issuedMs, row, issued, ...holders);
  return {
    id, row, issuedMs, dueMs, totalCents, paidCents, settledMs: status === 'paid' ? lastPaidMs : null,
    overdue: paidCents < totalCents && dueMs < teller.todayMs,
  };
}

export interface ReturnFacts {
  id: string;
  requestedMs: number;
}

/** A share of the orders that came back, higher for complainers and deal seekers. */
function returnRate(customer: Customer): number {
  const { archetype, business } = customer.profile;
  if (archetype === 'complainer') return 0.18;
  if (business) return 0.015;
  return archetype === 'deal_seeker' ? 0.06 : 0.03;
}

/**
 * Sometimes the customer sends goods back after delivery: requested, received, refunded with a credit note on the
 * paid invoice — or rejected. Writes what has happened by today.
 */
export function maybeReturn(teller: Teller, customer: Customer, order: OrderFacts, invoice: InvoiceFacts | null): ReturnFacts | null {
  const { random, party } = customer;
  const goods = order.lines.filter((l) => l.product.kind === 'product');
  if (order.handedOverMs === null || goods.length === 0 || invoice?.row.status !== 'paid' || !random.chance(returnRate(customer))) return null;
  const requestedMs = atWorkingHour(random, order.handedOverMs + random.int(1, 14) * DAY_MS, 'web', order.handedOverMs);
  if (requestedMs >= teller.todayMs) return null;
  const story = teller.story;
  const ordered = random.pick(goods);
  const line = priceLine(ordered.position, ordered.product, random.int(1, ordered.quantity), ordered.discount);
  const reason = random.pickWeighted(RETURN_REASONS);
  const receivedMs = requestedMs + random.int(3, 8) * DAY_MS;
  const rejected = random.chance(0.1);
  const settledMs = receivedMs + random.int(1, 4) * DAY_MS;
  const status = receivedMs >= teller.todayMs ? 'requested' : settledMs >= teller.todayMs ? 'received' : rejected ? 'rejected' : 'refunded';
  const id = newId(teller.uuid, customer.ids, 'returns');

  let creditNoteId: string | null = null;
  if (status === 'refunded') {
    creditNoteId = newId(teller.uuid, customer.ids, 'invoices');
    const totals = totalsOf([line]);
    const cents = totals.total + totals.tax;
    const note: Row = {
      id: creditNoteId, number: '', kind: 'credit_note', order_id: order.id, customer_id: party.id, credited_invoice_id: invoice.id,
      status: 'paid', issued_on: isoDay(settledMs), due_on: isoDay(settledMs), currency: 'EUR', total_excl_tax: money(totals.total),
      tax_total: money(totals.tax), total_incl_tax: money(cents), cost_total: money(totals.cost), amount_paid: money(cents),
      paid_at: new Date(settledMs).toISOString(), reason: `Retour : ${reason.toLowerCase()}`, version: 1,
      created_at: new Date(settledMs).toISOString(), updated_at: new Date(settledMs).toISOString(),
    };
    story.rows.invoices.push(note);
    story.rows.invoice_lines.push({ invoice_id: creditNoteId, ...lineColumns({ ...line, position: 1 }), order_line_position: line.position });
    const issued = onTimeline(story, teller.uuid, customer.ids, party.id, {
      kind: 'credit_note', atMs: settledMs, subjectType: 'invoice', subjectId: creditNoteId,
      data: { action: 'issued', number: '', amount: money(cents), currency: 'EUR' },
    });
    toNumber(story, 'credit_note', settledMs, note, issued);
  }
  const changedMs = status === 'requested' ? requestedMs : status === 'received' ? receivedMs : settledMs;
  const row: Row = {
    id, number: '', order_id: order.id, customer_id: party.id, status, reason, requested_at: new Date(requestedMs).toISOString(),
    received_at: status === 'requested' ? null : new Date(receivedMs).toISOString(), credit_note_id: creditNoteId, version: 1,
    created_at: new Date(requestedMs).toISOString(), updated_at: new Date(changedMs).toISOString(),
  };
  story.rows.returns.push(row);
  story.rows.return_lines.push({ return_id: id, position: 1, order_line_position: line.position, quantity: line.quantity, condition: random.pickWeighted(RETURN_CONDITIONS) });
  const subject = { subjectType: 'return' as const, subjectId: id };
  const holders: { number?: unknown }[] = [row];
  holders.push(onTimeline(story, teller.uuid, customer.ids, party.id, { kind: 'return', atMs: requestedMs, ...subject, data: { action: 'requested', number: '', status: 'requested' } }));
  if (status !== 'requested') {
    holders.push(onTimeline(story, teller.uuid, customer.ids, party.id, { kind: 'return', atMs: changedMs, ...subject, data: { action: 'status_changed', number: '', status } }));
  }
  toNumber(story, 'return', requestedMs, ...holders);
  return { id, requestedMs };
}
