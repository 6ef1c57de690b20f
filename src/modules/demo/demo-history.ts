/**
 * The commercial history of a batch of demo records: for each person or organisation who is or was a customer,
 * an archetype, then their orders one after the other — each delivered, invoiced, paid (or not), sometimes
 * returned or complained about, sometimes rated — their conversations with the team, and what is left to follow
 * up. Each customer draws from their own generator (seed and customer number), so a customer's history is the same
 * whatever the batch it falls in.
 */
import { sql } from 'kysely';
import type { Ctx } from '../../platform/context.ts';
import { recomputeAllCustomerMetrics } from '../metrics/metrics-service.ts';
import { ARCHETYPES, customerWindow, profileOf, purchaseDays, type Archetype, type Profile } from './demo-archetypes.ts';
import { invoiceOrder, maybeReturn, type InvoiceFacts } from './demo-billing.ts';
import { HOUR_MS, busyInstant } from './demo-calendar.ts';
import { caseCause, converse, everydayConversations, giveFeedback, openCase, type CaseFacts } from './demo-care.ts';
import { loadCatalogue, productChooser, type Product, type Taste } from './demo-catalogue.ts';
import type { Weighted } from './demo-data.ts';
import { DAY_MS, isoDay, type PartyDraft } from './demo-drafts.ts';
import { followUps } from './demo-followups.ts';
import { placeOrder } from './demo-orders.ts';
import { hash32, seededRandom, type Random } from './demo-random.ts';
import { HISTORY_TABLES, UUID_OF, newStory, storyCustomer, type Story, type StoryCustomer, type Uuid } from './demo-story.ts';
import { BUSINESS_CONTACTS } from './demo-texts.ts';

const HISTORY_STREAM = 3;

export interface User {
  id: string;
  name: string;
}

/** What every batch's history shares: the clock, the catalogue and the team. */
export interface HistorySetup {
  seed: number;
  todayMs: number;
  /** The first day of the generated history. */
  startMs: number;
  products: readonly Product[];
  users: readonly User[];
  /** How often customers buy, relative to their archetype's usual pace. */
  pace: number;
}

/** What writing a batch's history needs at hand. */
export interface Teller {
  story: Story;
  uuid: Uuid;
  todayMs: number;
  chooser(business: boolean, taste: Taste): (month: number) => Weighted<Product>;
  product(sku: string): Product;
  /** A user of the team, for customers nobody owns. */
  anyUser(random: Random): User | null;
}

/** One customer while their history is written. */
export interface Customer {
  party: PartyDraft;
  random: Random;
  profile: Profile;
  ids: StoryCustomer;
  owner: User | null;
  /** For a business, the person who places its orders. */
  buyer: PartyDraft | null;
  activeAlerts: Set<string>;
}

export interface HistoryCounts {
  customers: number;
  orders: number;
  orderLines: number;
  deliveries: number;
  invoices: number;
  creditNotes: number;
  payments: number;
  returns: number;
  cases: number;
  interactions: number;
  feedback: number;
  tasks: number;
  alerts: number;
  timelineEntries: number;
  archetypes: Record<Archetype, number>;
}

/** Counts at zero, to add each batch's to. */
export function emptyHistoryCounts(): HistoryCounts {
  return {
    customers: 0, orders: 0, orderLines: 0, deliveries: 0, invoices: 0, creditNotes: 0, payments: 0, returns: 0, cases: 0,
    interactions: 0, feedback: 0, tasks: 0, alerts: 0, timelineEntries: 0,
    archetypes: Object.fromEntries(ARCHETYPES.map((a) => [a, 0])) as Record<Archetype, number>,
  };
}

/** Loads the catalogue and the team a demo's history needs. */
export async function prepareHistory(ctx: Ctx, options: { seed: number; todayMs: number; startMs: number; uuid: Uuid; pace?: number }): Promise<HistorySetup> {
  const users = await sql<User>`
    select id, name from users where workspace_id = ${ctx.workspaceId} and status = 'active' and role <> 'read_only'
    order by created_at, id`.execute(ctx.db);
  const products = await loadCatalogue(ctx, (i) => options.uuid(0, UUID_OF.catalogue, i), new Date(options.startMs - 30 * DAY_MS).toISOString());
  return { seed: options.seed, todayMs: options.todayMs, startMs: options.startMs, products, users: users.rows, pace: options.pace ?? 1 };
}

function tellerFor(setup: HistorySetup, uuid: Uuid): Teller {
  const choosers = new Map<string, (month: number) => Weighted<Product>>();
  const bySku = new Map(setup.products.map((p) => [p.sku, p]));
  return {
    story: newStory(), uuid, todayMs: setup.todayMs,
    chooser(business, taste) {
      const key = `${business}|${taste}`;
      let chooser = choosers.get(key);
      if (!chooser) choosers.set(key, (chooser = productChooser(setup.products, business, taste)));
      return chooser;
    },
    product: (sku) => bySku.get(sku)!,
    anyUser: (random) => (setup.users.length > 0 ? random.pick(setup.users) : null),
  };
}

/** The person a company's orders come from: its buyer if Rapport knows one, else whoever decides. */
function buyerOf(contacts: readonly PartyDraft[]): PartyDraft | null {
  const role = (p: PartyDraft) => p.links.find((l) => l.kind === 'employee_of')?.decision_role;
  return contacts.find((p) => role(p) === 'buyer') ?? contacts.find((p) => role(p) === 'decision_maker') ?? contacts[0] ?? null;
}

/**
 * Writes the history of every customer of a batch into a story (rows not yet written) and puts each customer's
 * open alerts on their draft. The batch's records have their ids and customer numbers.
 */
export function tellHistories(setup: HistorySetup, uuid: Uuid, batch: readonly PartyDraft[], counts: HistoryCounts): Story {
  const teller = tellerFor(setup, uuid);
  const staff = new Map<PartyDraft, PartyDraft[]>();
  for (const person of batch) {
    for (const link of person.links) if (link.kind === 'employee_of') staff.set(link.to, [...(staff.get(link.to) ?? []), person]);
  }
  const users = new Map(setup.users.map((u) => [u.id, u]));
  for (const party of batch) {
    const window = customerWindow(party, setup.startMs, setup.todayMs);
    if (!window) continue;
    const random = seededRandom(hash32(setup.seed, HISTORY_STREAM, party.sequence));
    const profile = profileOf(random, party, window, setup.todayMs, setup.pace);
    if (party.keyAccount) {
      profile.archetype = 'regular';
      profile.toMs = window.toMs;
    }
    const customer: Customer = {
      party, random, profile, ids: storyCustomer(party.sequence),
      owner: party.fields.owner_id ? (users.get(party.fields.owner_id) ?? null) : null,
      buyer: party.kind === 'organisation' ? buyerOf(staff.get(party) ?? []) : null, activeAlerts: new Set(),
    };
    tellCustomer(teller, customer);
    if (party.keyAccount) topUpTimeline(teller, customer, party.keyAccount.timelineEntries);
    party.activeAlerts = [...customer.activeAlerts].sort();
    counts.customers++;
    counts.archetypes[profile.archetype]++;
  }
  countStory(teller.story, counts);
  return teller.story;
}

/** One customer's orders and all that follows them, their conversations and what is left to follow up. */
function tellCustomer(teller: Teller, customer: Customer): void {
  const { random, profile } = customer;
  const days = customer.party.keyAccount ? keyAccountDays(customer, customer.party.keyAccount.timelineEntries) : purchaseDays(random, profile);
  const invoices: InvoiceFacts[] = [];
  const cases: CaseFacts[] = [];
  const handle = (c: CaseFacts | null) => {
    if (!c) return;
    cases.push(c);
    if (c.resolvedMs !== null && random.chance(0.45)) giveFeedback(teller, customer, 'case', { type: 'case', id: c.id }, c.resolvedMs + random.int(1, 3) * DAY_MS, c.breached ? 3 : 0);
  };
  days.forEach((day, i) => {
    const order = placeOrder(teller, customer, day, i === 0);
    const invoice = invoiceOrder(teller, customer, order);
    if (invoice) invoices.push(invoice);
    const returned = maybeReturn(teller, customer, order, invoice);
    const cause = order.status === 'cancelled' ? null : caseCause(customer, order, returned !== null);
    if (cause) {
      const openedMs = cause === 'return' && returned ? returned.requestedMs + random.int(1, 6) * HOUR_MS
        : (order.handedOverMs ?? order.atMs + 6 * DAY_MS) + random.int(0, 6) * DAY_MS + random.int(1, 8) * HOUR_MS;
      handle(openCase(teller, customer, cause, openedMs, order));
    }
    if (order.delivery && order.handedOverMs !== null && random.chance(0.22)) {
      giveFeedback(teller, customer, 'delivery', { type: 'delivery', id: order.delivery.id }, order.handedOverMs + random.int(1, 5) * DAY_MS, order.late ? 3 : 0);
    } else if (order.channel === 'store' && random.chance(0.06)) {
      giveFeedback(teller, customer, 'store', { type: 'order', id: order.id }, order.atMs + random.int(2, 30) * HOUR_MS, 0);
    }
  });
  // Questions and complaints that are about no order in particular.
  const years = (Math.min(teller.todayMs, profile.toMs + 60 * DAY_MS) - profile.fromMs) / (365.25 * DAY_MS);
  for (let n = Math.floor(years * (profile.archetype === 'complainer' ? 1 : 0.08) + random.next()); n > 0; n--) {
    handle(openCase(teller, customer, profile.archetype === 'complainer' ? 'complaint' : 'question', busyInstant(random, profile.fromMs, profile.fromMs + years * 365.25 * DAY_MS), null));
  }
  everydayConversations(teller, customer);
  followUps(teller, customer, { invoices, cases, orderDays: days });
}

/** A key account orders on most working days, as many orders as fill some 60 % of its timeline. */
function keyAccountDays(customer: Customer, timelineEntries: number): number[] {
  const { fromMs, toMs } = customer.profile;
  const count = Math.max(1, Math.floor((timelineEntries * 0.6) / 6));
  const step = (toMs - fromMs) / count;
  return Array.from({ length: count }, (_, i) => Math.floor(fromMs + (i + customer.random.next()) * step));
}

/** Fills a key account's timeline with calls, emails and visits up to exactly `wanted` entries. */
function topUpTimeline(teller: Teller, customer: Customer, wanted: number): void {
  const own = () => teller.story.rows.timeline_entries.filter((e) => e.party_id === customer.party.id).length;
  const missing = wanted - own();
  if (missing < 0) throw new Error(`the key account's history has ${wanted - missing} timeline entries, more than the ${wanted} asked for`);
  for (let i = 0; i < missing; i++) {
    const atMs = busyInstant(customer.random, customer.profile.fromMs, teller.todayMs - 60_000);
    converse(teller, customer, customer.random.pickWeighted(BUSINESS_CONTACTS), atMs);
  }
}

function countStory(story: Story, counts: HistoryCounts): void {
  const rows = story.rows;
  const creditNotes = rows.invoices.filter((i) => i.kind === 'credit_note').length;
  counts.orders += rows.orders.length;
  counts.orderLines += rows.order_lines.length;
  counts.deliveries += rows.deliveries.length;
  counts.invoices += rows.invoices.length - creditNotes;
  counts.creditNotes += creditNotes;
  counts.payments += rows.payments.length;
  counts.returns += rows.returns.length;
  counts.cases += rows.cases.length;
  counts.interactions += rows.interactions.length;
  counts.feedback += rows.feedback.length;
  counts.tasks += rows.tasks.length;
  counts.alerts += rows.alerts.length;
  counts.timelineEntries += rows.timeline_entries.length;
}

/** After the last batch: every customer's metrics, and fresh planner statistics for the tables just filled. */
export async function finishHistory(ctx: Ctx, todayMs: number): Promise<void> {
  // Statistics first: the metrics statement joins every table just filled.
  const tables = ['products', 'product_categories', 'document_counters', ...HISTORY_TABLES];
  await sql`analyze ${sql.raw(tables.join(', '))}`.execute(ctx.db);
  await recomputeAllCustomerMetrics(ctx, { asOf: isoDay(todayMs) });
  await sql`analyze customer_metrics`.execute(ctx.db);
}
