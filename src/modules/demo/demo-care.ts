/**
 * The demo's after-sales and conversations: cases opened after late deliveries, returns and for no reason but the
 * customer's temper (serial complainers open many), with the default SLA targets — most met, some breached, a
 * few still open; feedback after deliveries, shop visits, cases and sales visits, its scores and words in keeping
 * with the customer and with what just happened; and the calls, emails, visits and shop conversations in
 * between, each with the customer and their account owner as participants.
 */
import { DEFAULT_SLA, type CasePriority } from '../cases/case-reference.ts';
import { weighted } from './demo-data.ts';
import { DAY_MS } from './demo-drafts.ts';
import { HOUR_MS, atWorkingHour, busyInstant } from './demo-calendar.ts';
import type { Customer, Teller } from './demo-history.ts';
import type { OrderFacts } from './demo-orders.ts';
import { newId, onTimeline, toNumber, type Row } from './demo-story.ts';
import {
  BUSINESS_CONTACTS, CASE_CONTACTS, CASE_RESOLUTIONS, CASE_SUBJECTS, PRIVATE_CONTACTS, VERBATIMS, sentimentOf,
  type CaseType, type InteractionTemplate, type Topic,
} from './demo-texts.ts';

const MINUTE_MS = 60_000;

/** 'dd/mm/yyyy', as French dates are written. */
function frenchDate(ms: number): string {
  const [year, month, day] = new Date(ms).toISOString().slice(0, 10).split('-');
  return `${day}/${month}/${year}`;
}

export interface CaseFacts {
  id: string;
  type: CaseType;
  priority: CasePriority;
  subject: string;
  openedMs: number;
  resolvedMs: number | null;
  breached: boolean;
}

const COMPLAINER_TYPES = weighted<CaseType>([['complaint', 45], ['billing', 15], ['repair', 15], ['question', 10], ['technical', 10], ['other', 5]]);
const ORDINARY_TYPES = weighted<CaseType>([['question', 40], ['repair', 20], ['technical', 15], ['billing', 15], ['complaint', 10]]);
const CASE_CHANNELS = weighted([['phone', 40], ['email', 35], ['web_form', 12], ['store', 13]] as const);

function priorityOf(customer: Customer, type: CaseType): CasePriority {
  const roll = customer.random.next();
  if (customer.profile.archetype === 'complainer') return roll < 0.2 ? 'urgent' : roll < 0.7 ? 'high' : 'normal';
  if (type === 'complaint') return roll < 0.08 ? 'urgent' : roll < 0.45 ? 'high' : 'normal';
  if (type === 'question' || type === 'other') return roll < 0.5 ? 'low' : 'normal';
  return roll < 0.25 ? 'high' : 'normal';
}

/** What makes a customer open a case about an order, if anything does. */
export function caseCause(customer: Customer, order: OrderFacts, returned: boolean): CaseType | null {
  const { random, profile } = customer;
  const complainer = profile.archetype === 'complainer';
  if (order.late && random.chance(complainer ? 0.8 : 0.35)) return 'complaint';
  if (returned && random.chance(0.5)) return 'return';
  if (complainer && random.chance(0.4)) return random.pickWeighted(COMPLAINER_TYPES);
  return random.chance(0.03) ? random.pickWeighted(ORDINARY_TYPES) : null;
}

/**
 * Opens a case at `openedMs` and takes it as far as it has gone by today: first answer and resolution within the
 * targets of its priority or past them, closed a few days after resolution; a few stay open long after their due
 * time. Writes the case, its timeline entries and a conversation or two about it.
 */
export function openCase(teller: Teller, customer: Customer, type: CaseType, openedMs: number, order: OrderFacts | null): CaseFacts | null {
  const { random, party, profile } = customer;
  const today = teller.todayMs;
  if (openedMs >= today) return null;
  const complainer = profile.archetype === 'complainer';
  const priority = priorityOf(customer, type);
  const target = DEFAULT_SLA[priority];
  const subject = type === 'complaint' && order?.late ? 'Retard de livraison' : random.pick(CASE_SUBJECTS[type]);
  const respondedMs = openedMs + Math.floor(target.firstResponseMinutes * MINUTE_MS * (random.chance(complainer ? 0.2 : 0.1) ? 1.1 + random.next() * 2 : 0.1 + random.next() * 0.8));
  const stuck = random.chance(complainer ? 0.08 : 0.03);
  const resolvedAt = Math.max(respondedMs + 30 * MINUTE_MS,
    openedMs + Math.floor(target.resolutionMinutes * MINUTE_MS * (random.chance(complainer ? 0.25 : 0.15) ? 1.1 + random.next() * 3 : 0.2 + random.next() * 0.75)));
  const closedAt = resolvedAt + random.int(3, 10) * DAY_MS;
  const responded = respondedMs < today;
  const resolved = !stuck && resolvedAt < today;
  const closed = resolved && closedAt < today;
  const waiting = responded && !resolved && respondedMs + HOUR_MS < today && random.chance(0.3);
  const status = closed ? 'closed' : resolved ? 'resolved' : waiting ? 'waiting_customer' : responded ? 'open' : 'new';
  const dueMs = openedMs + target.resolutionMinutes * MINUTE_MS;
  const breached = (resolved ? resolvedAt : today) > dueMs || (responded ? respondedMs : today) > openedMs + target.firstResponseMinutes * MINUTE_MS;
  const assignee = customer.owner ?? teller.anyUser(random);
  const id = newId(teller.uuid, customer.ids, 'cases');
  const iso = (ms: number) => new Date(ms).toISOString();
  const channel = random.pickWeighted(CASE_CHANNELS);
  const row: Row = {
    id, number: '', party_id: party.id, type, channel, priority, status, subject,
    description: order ? `Au sujet de la commande du ${frenchDate(order.atMs)}.` : null, assignee_id: assignee?.id ?? null, team_id: null,
    order_id: order?.id ?? null, product_id: order?.lines[0]?.product.id ?? null, opened_at: iso(openedMs),
    first_response_at: responded ? iso(respondedMs) : null, first_response_due_at: iso(openedMs + target.firstResponseMinutes * MINUTE_MS),
    resolution_due_at: iso(dueMs), resolved_at: resolved ? iso(resolvedAt) : null, closed_at: closed ? iso(closedAt) : null,
    resolution: resolved ? random.pick(CASE_RESOLUTIONS[type]) : null, created_by: assignee?.id ?? null, version: 1,
    created_at: iso(openedMs), updated_at: iso(closed ? closedAt : resolved ? resolvedAt : responded ? respondedMs : openedMs),
  };
  teller.story.rows.cases.push(row);

  const entry = (atMs: number, data: Record<string, unknown>) =>
    onTimeline(teller.story, teller.uuid, customer.ids, party.id, { kind: 'case', atMs, subjectType: 'case', subjectId: id, channel, data });
  const holders: { number?: unknown }[] = [row];
  holders.push(entry(openedMs, { action: 'opened', number: '', title: subject, status: 'new', caseType: type, priority }));
  if (responded) holders.push(entry(respondedMs, { action: 'status_changed', number: '', title: subject, status: 'open', previousStatus: 'new' }));
  if (waiting) holders.push(entry(respondedMs + HOUR_MS, { action: 'status_changed', number: '', title: subject, status: 'waiting_customer', previousStatus: 'open' }));
  if (resolved) holders.push(entry(resolvedAt, { action: 'resolved', number: '', title: subject, status: 'resolved', previousStatus: 'open', resolution: row.resolution }));
  if (closed) holders.push(entry(closedAt, { action: 'status_changed', number: '', title: subject, status: 'closed', previousStatus: 'resolved' }));
  toNumber(teller.story, 'case', openedMs, ...holders);

  const conversations = complainer ? random.int(1, 3) : random.int(0, 2);
  for (let i = 0; i < conversations; i++) {
    const atMs = openedMs + random.int(1, 48) * HOUR_MS;
    if (atMs < today) converse(teller, customer, random.pick(CASE_CONTACTS), atMs, { caseId: id, orderId: order?.id ?? null });
  }
  return { id, type, priority, subject, openedMs, resolvedMs: resolved ? resolvedAt : null, breached };
}

/** Records an interaction with the customer (or their contact at the company) and its timeline entry. */
export function converse(teller: Teller, customer: Customer, template: InteractionTemplate, atMs: number, links: { orderId?: string | null; caseId?: string | null } = {}): string {
  const { random } = customer;
  const id = newId(teller.uuid, customer.ids, 'interactions');
  const who = customer.buyer ?? customer.party;
  const outcome = random.pick(template.outcomes);
  const owner = customer.owner;
  teller.story.rows.interactions.push({
    id, channel: template.channel, direction: template.direction, occurred_at: new Date(atMs).toISOString(),
    duration_minutes: template.minutes ? random.int(template.minutes[0], template.minutes[1]) : null, subject: template.subject,
    body: null, outcome, order_id: links.orderId ?? null, case_id: links.caseId ?? null, created_by: owner?.id ?? null, version: 1,
    created_at: new Date(atMs).toISOString(), updated_at: new Date(atMs).toISOString(),
  });
  teller.story.rows.interaction_participants.push({ interaction_id: id, position: 0, user_id: null, party_id: who.id });
  if (owner) teller.story.rows.interaction_participants.push({ interaction_id: id, position: 1, user_id: owner.id, party_id: null });
  onTimeline(teller.story, teller.uuid, customer.ids, who.id, {
    kind: 'interaction', atMs, subjectType: 'interaction', subjectId: id, channel: template.channel, actor: owner,
    data: { action: 'created', title: template.subject, direction: template.direction, outcome, attachmentCount: 0 },
  });
  return id;
}

/** The everyday conversations of a customer over their time with us: sales visits and calls, shop advice, emails. */
export function everydayConversations(teller: Teller, customer: Customer): void {
  const { random, profile } = customer;
  const endMs = Math.min(teller.todayMs, profile.toMs + 30 * DAY_MS);
  const years = (endMs - profile.fromMs) / (365.25 * DAY_MS);
  const perYear = profile.business ? (profile.archetype === 'regular' ? 10 : 5) : profile.archetype === 'complainer' ? 2 : 0.6;
  const list = profile.business ? BUSINESS_CONTACTS : PRIVATE_CONTACTS;
  for (let n = Math.floor(perYear * years + random.next()); n > 0; n--) {
    const template = random.pickWeighted(list);
    const atMs = atWorkingHour(random, busyInstant(random, profile.fromMs, endMs), template.channel === 'store' ? 'store' : 'office', profile.fromMs);
    if (atMs >= teller.todayMs) continue;
    const id = converse(teller, customer, template, atMs);
    if (template.channel === 'visit' && random.chance(0.2)) giveFeedback(teller, customer, 'visit', { type: 'interaction', id }, atMs + random.int(1, 3) * DAY_MS, 0);
  }
}

/** How the customer tends to score us (NPS), before what just happened. */
function moodOf(customer: Customer): number {
  const { random, profile } = customer;
  switch (profile.archetype) {
    case 'regular': return 8.5 + random.next() * 1.5;
    case 'complainer': return 1 + random.next() * 5;
    case 'late_payer': return 5 + random.next() * 3;
    case 'deal_seeker': return 6 + random.next() * 3;
    default: return 5.5 + random.next() * 4.5;
  }
}

const TOUCHPOINT_TOPICS: Readonly<Record<string, readonly Topic[]>> = {
  delivery: ['livraison', 'délai', 'qualité'], store: ['accueil', 'prix', 'qualité'], case: ['sav', 'délai'],
  visit: ['accueil', 'qualité', 'prix'], purchase: ['prix', 'qualité'],
};
const FEEDBACK_CHANNEL: Readonly<Record<string, string>> = { delivery: 'email', store: 'sms', case: 'email', visit: 'visit', purchase: 'web' };

/**
 * A customer's answer to a survey after a touch point: NPS, CSAT and effort (1 very easy, 7 very hard) as that
 * touch point asks them, lower after something went wrong (`penalty` NPS points), and often a verbatim on the
 * touch point's topics whose tone matches the score.
 */
export function giveFeedback(teller: Teller, customer: Customer, touchpoint: string, subject: { type: string; id: string }, atMs: number, penalty: number): void {
  const { random, party } = customer;
  if (atMs >= teller.todayMs) return;
  const nps = Math.max(0, Math.min(10, Math.round(moodOf(customer) - penalty + random.next() * 2 - 1)));
  const sentiment = sentimentOf(nps, random.next());
  const csat = touchpoint === 'store' && random.chance(0.5) ? null : Math.max(1, Math.min(5, Math.round(nps / 2.2 + random.next())));
  const effort = touchpoint === 'case' || random.chance(0.4) ? Math.max(1, Math.min(7, Math.round(7 - nps * 0.6 + random.next() * 1.5))) : null;
  const relevant = VERBATIMS[sentiment].filter((v) => v.topics.length === 0 || TOUCHPOINT_TOPICS[touchpoint]!.includes(v.topics[0]!));
  const verbatim = random.chance(0.55) && relevant.length > 0 ? random.pick(relevant) : null;
  const id = newId(teller.uuid, customer.ids, 'feedback');
  const channel = FEEDBACK_CHANNEL[touchpoint]!;
  const at = new Date(atMs).toISOString();
  teller.story.rows.feedback.push({
    id, party_id: party.id, touchpoint, channel, subject_type: subject.type, subject_id: subject.id, received_at: at,
    nps: touchpoint === 'case' && random.chance(0.5) ? null : nps, csat, effort, verbatim: verbatim?.text ?? null,
    topics: verbatim?.topics ?? [], sentiment, created_by: null, created_at: at,
  });
  const row = teller.story.rows.feedback.at(-1)!;
  onTimeline(teller.story, teller.uuid, customer.ids, party.id, {
    kind: 'feedback', atMs, subjectType: 'feedback', subjectId: id, channel,
    data: { action: 'received', nps: row.nps, csat, effort, sentiment, touchpoint, excerpt: verbatim?.text ?? null },
  });
}
