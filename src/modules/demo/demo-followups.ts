/**
 * What the team keeps an eye on after a demo customer's history: payment reminders sent for late invoices, the
 * alerts on the record (unpaid invoice, dispute, sensitive complaint, VIP care — open while the matter is, so that
 * `parties.active_alerts` lists them) and the open tasks in the owners' diaries: calls about overdue invoices and
 * complaints, win-back calls to lapsed customers, and the monthly visit to regular business accounts.
 */
import { DAY_MS } from './demo-drafts.ts';
import { HOUR_MS, atWorkingHour } from './demo-calendar.ts';
import type { InvoiceFacts } from './demo-billing.ts';
import type { CaseFacts } from './demo-care.ts';
import { converse } from './demo-care.ts';
import type { Customer, Teller } from './demo-history.ts';
import { money } from './demo-orders.ts';
import { newId, onTimeline } from './demo-story.ts';
import { PAYMENT_REMINDERS } from './demo-texts.ts';

/** What a customer's history left that calls for follow-up. */
export interface CustomerFacts {
  invoices: InvoiceFacts[];
  cases: CaseFacts[];
  orderDays: number[];
}

function frenchDay(ms: number): string {
  const [year, month, day] = new Date(ms).toISOString().slice(0, 10).split('-');
  return `${day}/${month}/${year}`;
}

function euros(cents: number): string {
  return `${money(cents).replace('.', ',')} €`;
}

/** Reminders for an invoice paid late or still unpaid: an email a week after the due date, a call, a letter. */
function remind(teller: Teller, customer: Customer, invoice: InvoiceFacts): void {
  const settled = invoice.settledMs ?? teller.todayMs;
  const steps = [[7, 0], [21, 1], [45, 2]] as const;
  for (const [days, which] of steps) {
    const atMs = atWorkingHour(customer.random, invoice.dueMs + days * DAY_MS, 'office', invoice.dueMs);
    if (atMs >= settled || (which === 2 && !customer.random.chance(0.3))) break;
    converse(teller, customer, PAYMENT_REMINDERS[which], atMs, { orderId: String(invoice.row.order_id) });
  }
}

interface AlertInput {
  kind: 'dispute' | 'unpaid_invoice' | 'sensitive_complaint' | 'vip_care';
  note: string;
  raisedMs: number;
  resolved?: { atMs: number; resolution: string } | null;
}

function raiseAlert(teller: Teller, customer: Customer, alert: AlertInput): void {
  if (alert.raisedMs >= teller.todayMs) return;
  const resolved = alert.resolved && alert.resolved.atMs < teller.todayMs ? alert.resolved : null;
  const id = newId(teller.uuid, customer.ids, 'alerts');
  const owner = customer.owner;
  teller.story.rows.alerts.push({
    id, party_id: customer.party.id, kind: alert.kind, note: alert.note, raised_by: owner?.id ?? null, raised_by_label: owner?.name ?? null,
    raised_at: new Date(alert.raisedMs).toISOString(), resolved_at: resolved ? new Date(resolved.atMs).toISOString() : null,
    resolved_by: resolved ? (owner?.id ?? null) : null, resolution: resolved?.resolution ?? null,
  });
  const subject = { subjectType: 'alert' as const, subjectId: id, actor: owner };
  onTimeline(teller.story, teller.uuid, customer.ids, customer.party.id, { kind: 'alert', atMs: alert.raisedMs, ...subject, data: { action: 'raised', alertKind: alert.kind, note: alert.note } });
  if (resolved) {
    onTimeline(teller.story, teller.uuid, customer.ids, customer.party.id, {
      kind: 'alert', atMs: resolved.atMs, ...subject, data: { action: 'resolved', alertKind: alert.kind, note: alert.note, resolution: resolved.resolution },
    });
  } else customer.activeAlerts.add(alert.kind);
}

interface TaskInput {
  kind: 'call' | 'visit' | 'email' | 'todo';
  title: string;
  dueMs: number;
  priority: 'low' | 'normal' | 'high';
  orderId?: string | null;
  caseId?: string | null;
  recurrence?: string;
  minutes?: number;
}

function planTask(teller: Teller, customer: Customer, task: TaskInput): void {
  const assignee = customer.owner ?? teller.anyUser(customer.random);
  if (!assignee) return;
  const id = newId(teller.uuid, customer.ids, 'tasks');
  const createdMs = Math.min(teller.todayMs - HOUR_MS, task.dueMs - customer.random.int(2, 12) * DAY_MS);
  const dueAt = new Date(task.dueMs).toISOString();
  teller.story.rows.tasks.push({
    id, kind: task.kind, title: task.title, notes: null, party_id: customer.party.id, order_id: task.orderId ?? null,
    case_id: task.caseId ?? null, assignee_id: assignee.id, due_at: dueAt, all_day: false, duration_minutes: task.minutes ?? null,
    priority: task.priority, status: 'open', completed_at: null, recurrence: task.recurrence ?? null,
    series_id: task.recurrence ? id : null, remind_before_minutes: null, remind_at: null, reminded_at: null,
    created_by: assignee.id, version: 1, created_at: new Date(createdMs).toISOString(), updated_at: new Date(createdMs).toISOString(),
  });
  onTimeline(teller.story, teller.uuid, customer.ids, customer.party.id, {
    kind: 'task', atMs: createdMs, subjectType: 'task', subjectId: id, actor: assignee,
    data: { action: 'created', title: task.title, taskKind: task.kind, dueAt, allDay: false, assignee: assignee.name, status: 'open' },
  });
}

/** Due in the next days, or (for a share of them) already a few days overdue. */
function soonOrOverdue(teller: Teller, customer: Customer, overdueShare: number): number {
  const { random } = customer;
  const day = teller.todayMs + (random.chance(overdueShare) ? -random.int(1, 6) : random.int(0, 10)) * DAY_MS;
  return atWorkingHour(random, day, 'office');
}

/** Writes what a customer's history calls for: reminders, alerts (with the customer's open ones noted) and tasks. */
export function followUps(teller: Teller, customer: Customer, facts: CustomerFacts): void {
  const { random, profile, party } = customer;
  const today = teller.todayMs;
  for (const invoice of facts.invoices) {
    if ((invoice.settledMs ?? today) > invoice.dueMs + 7 * DAY_MS) remind(teller, customer, invoice);
  }
  // Unpaid invoices: the oldest one overdue by a month raises an alert and a call; settled ones closed theirs.
  const unpaid = facts.invoices.filter((i) => i.settledMs === null && i.dueMs + 30 * DAY_MS < today);
  const oldest = unpaid[0];
  if (oldest) {
    raiseAlert(teller, customer, {
      kind: 'unpaid_invoice', note: `Facture de ${euros(oldest.totalCents)} échue le ${frenchDay(oldest.dueMs)}, ${euros(oldest.totalCents - oldest.paidCents)} restant dus`,
      raisedMs: atWorkingHour(random, oldest.dueMs + 30 * DAY_MS, 'office'),
    });
    planTask(teller, customer, { kind: 'call', title: `Relancer le règlement de la facture échue le ${frenchDay(oldest.dueMs)}`, dueMs: soonOrOverdue(teller, customer, 0.5), priority: 'high', orderId: String(oldest.row.order_id) });
  }
  if (profile.archetype === 'late_payer') {
    for (const invoice of facts.invoices) {
      if (invoice.settledMs !== null && invoice.settledMs > invoice.dueMs + 30 * DAY_MS && random.chance(0.5)) {
        raiseAlert(teller, customer, {
          kind: 'unpaid_invoice', note: `Facture de ${euros(invoice.totalCents)} échue le ${frenchDay(invoice.dueMs)}, impayée`,
          raisedMs: atWorkingHour(random, invoice.dueMs + 30 * DAY_MS, 'office'), resolved: { atMs: invoice.settledMs + 60 * 60_000, resolution: 'Facture réglée' },
        });
      }
    }
  }
  // Complaints: a dispute while a complaint is open (sensitive when urgent); complainers' past disputes, closed.
  for (const c of facts.cases.filter((c) => c.type === 'complaint')) {
    const open = c.resolvedMs === null;
    if (open) {
      raiseAlert(teller, customer, { kind: c.priority === 'urgent' ? 'sensitive_complaint' : 'dispute', note: `Réclamation en cours : ${c.subject.toLowerCase()}`, raisedMs: c.openedMs + 2 * HOUR_MS });
      planTask(teller, customer, { kind: 'call', title: 'Rappeler le client au sujet de sa réclamation', dueMs: soonOrOverdue(teller, customer, 0.4), priority: 'high', caseId: c.id });
    } else if (profile.archetype === 'complainer' && random.chance(0.3)) {
      raiseAlert(teller, customer, { kind: 'dispute', note: `Litige : ${c.subject.toLowerCase()}`, raisedMs: c.openedMs + 2 * HOUR_MS, resolved: { atMs: c.resolvedMs!, resolution: 'Litige clos avec le client' } });
    }
  }
  // The best customers get VIP care once they have ordered a few times.
  const vip = party.fields.tags.includes('vip') || party.fields.tags.includes('grand-compte');
  if (vip && facts.orderDays.length >= 4) {
    raiseAlert(teller, customer, { kind: 'vip_care', note: 'Client VIP : traitement prioritaire, interlocuteur dédié', raisedMs: facts.orderDays[3]! + DAY_MS });
  }
  if (profile.business && profile.archetype === 'regular' && profile.toMs === today) {
    const visit = new Date(today + random.int(-5, 25) * DAY_MS);
    planTask(teller, customer, {
      kind: 'visit', title: 'Visite mensuelle', dueMs: atWorkingHour(random, visit.getTime(), 'office'), priority: 'normal', recurrence: 'FREQ=MONTHLY', minutes: 60,
    });
  }
  if (profile.archetype === 'lapsed' && !profile.former && random.chance(0.4)) {
    const months = Math.floor((today - profile.toMs) / (30.4375 * DAY_MS));
    planTask(teller, customer, { kind: random.chance(0.6) ? 'call' : 'email', title: `Reprendre contact : aucune commande depuis ${months} mois`, dueMs: soonOrOverdue(teller, customer, 0.2), priority: 'normal' });
  }
}
