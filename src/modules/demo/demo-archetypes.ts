/**
 * How demo customers behave. Each customer (a person or organisation who holds or held the customer role) gets
 * an archetype — a regular monthly buyer, a seasonal one, a lapsed customer, a one-off buyer, a deal seeker, a
 * late payer, a serial complainer or an ordinary occasional buyer — and from it the days they buy on, within the
 * time their role history says they were a customer. Businesses order by transfer on 30- or 45-day terms.
 */
import type { SalesChannel } from '../../shared/commerce/commerce-reference.ts';
import { weighted, type Weighted } from './demo-data.ts';
import { DAY_MS, type PartyDraft } from './demo-drafts.ts';
import type { Random } from './demo-random.ts';
import { MONTH_MS, busyInstant, dayOf, instantBetween, promotionsOf, yearsOf } from './demo-calendar.ts';
import type { Taste } from './demo-catalogue.ts';

export const ARCHETYPES = [
  'regular', 'seasonal_gifts', 'seasonal_garden', 'lapsed', 'one_off', 'deal_seeker', 'late_payer', 'complainer', 'occasional',
] as const;
export type Archetype = (typeof ARCHETYPES)[number];

/** Shares among private customers and among businesses (relative weights, before the role history has its say). */
export const PERSON_ARCHETYPES = weighted<Archetype>([
  ['occasional', 31], ['one_off', 15], ['lapsed', 10], ['seasonal_garden', 9], ['regular', 9], ['seasonal_gifts', 8],
  ['deal_seeker', 8], ['late_payer', 4], ['complainer', 6],
]);
export const ORGANISATION_ARCHETYPES = weighted<Archetype>([
  ['regular', 25], ['late_payer', 20], ['seasonal_gifts', 15], ['occasional', 12], ['seasonal_garden', 8], ['lapsed', 8],
  ['one_off', 7], ['complainer', 5],
]);

/** The time someone was a customer within the generated history, from their role history. */
export interface CustomerWindow {
  fromMs: number;
  /** Midnight of the day they stopped being a customer, or of today. */
  toMs: number;
  /** The customer role began after the record was created: they became a customer by buying. */
  converted: boolean;
  /** They hold the former_customer role now. */
  former: boolean;
}

/** The time a party was a customer within the history (from its customer role), or null if it never was. */
export function customerWindow(party: PartyDraft, historyStartMs: number, todayMs: number): CustomerWindow | null {
  const role = party.roles.find((r) => r.role === 'customer');
  if (!role) return null;
  const createdMs = Date.parse(party.fields.created_at);
  const startedMs = Date.parse(role.started_on);
  const fromMs = Math.max(startedMs, createdMs, historyStartMs);
  const toMs = role.ended_on === null ? todayMs : Date.parse(role.ended_on);
  if (toMs - fromMs < DAY_MS / 2) return null;
  return { fromMs, toMs, converted: startedMs > createdMs && startedMs >= historyStartMs, former: role.ended_on !== null };
}

const LAPSED_AFTER = 8 * MONTH_MS;
const LAPSED_UNTIL = 20 * MONTH_MS;
const LAPSED_BUYING = 4 * MONTH_MS;

export interface Profile {
  archetype: Archetype;
  business: boolean;
  taste: Taste;
  channels: Weighted<SalesChannel>;
  /** How they pay: at the till or online at once (card, cash, PayPal), or on invoice (transfer, cheque, debit). */
  method: string;
  paysAtOnce: boolean;
  /** Days between an invoice and its due date. */
  termsDays: number;
  /** When they buy: the customer window, cut short for lapsed customers. */
  fromMs: number;
  toMs: number;
  converted: boolean;
  /** They hold the former_customer role. */
  former: boolean;
  /** How often they buy, relative to their archetype's usual pace (1). */
  pace: number;
}

const TASTES = weighted<Taste>([['garden', 40], ['mixed', 35], ['pantry', 15], ['gifts', 10]]);
const STORE_GOER = weighted<SalesChannel>([['store', 80], ['web', 15], ['phone', 5]]);
const WEB_BUYER = weighted<SalesChannel>([['web', 85], ['store', 15]]);
const BY_PHONE = weighted<SalesChannel>([['phone', 55], ['store', 45]]);
const DEAL_HUNTER = weighted<SalesChannel>([['web', 75], ['store', 25]]);
const REGULAR_SHOPPER = weighted<SalesChannel>([['store', 85], ['web', 15]]);
const ON_INVOICE = weighted<SalesChannel>([['phone', 60], ['web', 25], ['store', 15]]);
const BUSINESS = weighted<SalesChannel>([['sales_rep', 45], ['phone', 20], ['email', 20], ['web', 15]]);

/** The archetype a customer gets, given the time they were one. */
export function chooseArchetype(random: Random, business: boolean, window: CustomerWindow, todayMs: number): { archetype: Archetype; stopMs: number } {
  const length = window.toMs - window.fromMs;
  if (window.former) {
    // They left: those who left long enough ago after buying for a while are the lapsed customers.
    if (todayMs - window.toMs >= LAPSED_AFTER && length >= LAPSED_BUYING / 2) return { archetype: 'lapsed', stopMs: window.toMs };
    return { archetype: length < MONTH_MS || random.chance(0.3) ? 'one_off' : 'occasional', stopMs: window.toMs };
  }
  let archetype = random.pickWeighted(business ? ORGANISATION_ARCHETYPES : PERSON_ARCHETYPES);
  if (archetype === 'lapsed') {
    const stopMs = Math.floor(todayMs - LAPSED_AFTER - random.next() * (LAPSED_UNTIL - LAPSED_AFTER));
    if (stopMs - window.fromMs >= LAPSED_BUYING) return { archetype, stopMs };
    archetype = 'occasional';
  }
  if ((archetype === 'regular' || archetype === 'complainer' || archetype === 'late_payer') && length < 2 * MONTH_MS) archetype = 'occasional';
  return { archetype, stopMs: window.toMs };
}

/** Everything about how a customer buys and pays. */
export function profileOf(random: Random, party: PartyDraft, window: CustomerWindow, todayMs: number, pace = 1): Profile {
  const business = party.kind === 'organisation';
  const { archetype, stopMs } = chooseArchetype(random, business, window, todayMs);
  const methods = party.fields.payment_methods;
  const age = new Date(todayMs).getUTCFullYear() - party.birthYear;
  let channels: Weighted<SalesChannel>;
  let method: string;
  if (business) {
    channels = BUSINESS;
    method = methods.find((m) => m === 'transfer' || m === 'direct_debit' || m === 'cheque') ?? 'transfer';
  } else if (archetype === 'late_payer') {
    channels = ON_INVOICE;
    method = methods.includes('cheque') ? 'cheque' : 'transfer';
  } else {
    channels = archetype === 'deal_seeker' ? DEAL_HUNTER : archetype === 'regular' ? REGULAR_SHOPPER
      : age >= 70 && random.chance(0.5) ? BY_PHONE : random.chance(0.55) ? STORE_GOER : WEB_BUYER;
    method = methods.find((m) => m === 'card' || m === 'cash' || m === 'cheque') ?? 'card';
  }
  const taste = archetype === 'seasonal_gifts' ? 'gifts' : archetype === 'seasonal_garden' ? 'garden'
    : archetype === 'regular' && !business ? (random.chance(0.6) ? 'pantry' : 'mixed') : random.pickWeighted(TASTES);
  return {
    archetype, business, taste, channels, method,
    paysAtOnce: !business && archetype !== 'late_payer' && method !== 'transfer',
    termsDays: business ? (random.chance(0.6) ? 30 : 45) : 30,
    fromMs: window.fromMs, toMs: stopMs, converted: window.converted, former: window.former, pace,
  };
}

/** Whether an order on this channel is paid when it is placed (at the till, online, by card on the phone). */
export function paysAtOrder(profile: Profile, channel: SalesChannel): boolean {
  return profile.paysAtOnce && (channel === 'store' || channel === 'web' || profile.method === 'card');
}

/** A whole number whose expectation is `value`: its whole part, and one more on a coin for the fraction. */
function times(random: Random, value: number): number {
  const whole = Math.floor(value);
  return value > whole && random.chance(value - whole) ? whole + 1 : whole;
}

/** A whole number near `mean` (between 0.5 and 1.5 times it). */
function around(random: Random, mean: number): number {
  return times(random, mean * (0.5 + random.next()));
}

/** Orders per year of the archetypes that buy at random times, for private customers and businesses. */
const YEARLY: Partial<Record<Archetype, readonly [number, number]>> = {
  occasional: [3.5, 6], late_payer: [4, 8], complainer: [5.5, 6],
};

/** Instants in [fromMs, toMs) on the days of [from, to] (month 0-11, day), each year. */
function inSeason(random: Random, profile: Profile, from: readonly [number, number], to: readonly [number, number], count: () => number): number[] {
  const dates: number[] = [];
  for (const year of yearsOf(profile.fromMs, profile.toMs)) {
    const start = Math.max(profile.fromMs, dayOf(year, from[0], from[1]));
    const end = Math.min(profile.toMs, dayOf(year, to[0], to[1]));
    if (end <= start) continue;
    for (let n = times(random, count() * profile.pace); n > 0; n--) dates.push(instantBetween(random, start, end));
  }
  return dates;
}

/** The days a customer orders on, oldest first; at least one, the first on the day they became a customer. */
export function purchaseDays(random: Random, profile: Profile): number[] {
  const { fromMs, toMs, business } = profile;
  const years = (toMs - fromMs) / (365.25 * DAY_MS);
  let dates: number[] = [];
  switch (profile.archetype) {
    case 'regular': {
      const anchor = random.int(1, 28);
      const first = new Date(fromMs);
      for (let m = 0; ; m++) {
        const at = Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + m, Math.max(1, Math.min(28, anchor + random.int(-3, 3))), 10);
        if (at >= toMs) break;
        if (at < fromMs || random.chance(0.05)) continue;
        dates.push(at);
        // A faster pace adds orders within the month.
        for (let n = times(random, profile.pace - 1); n > 0; n--) dates.push(at + random.int(1, 27) * DAY_MS);
      }
      break;
    }
    case 'seasonal_gifts':
      dates = business
        ? [...inSeason(random, profile, [10, 5], [11, 5], () => 1), ...inSeason(random, profile, [11, 1], [11, 18], () => (random.chance(0.3) ? 1 : 0))]
        : [...inSeason(random, profile, [10, 20], [11, 23], () => (random.chance(0.7) ? 1 : 2)), ...inSeason(random, profile, [4, 15], [5, 10], () => (random.chance(0.25) ? 1 : 0))];
      break;
    case 'seasonal_garden':
      dates = [...inSeason(random, profile, [2, 1], [6, 15], () => random.int(2, 5)), ...inSeason(random, profile, [8, 20], [10, 10], () => (random.chance(0.35) ? 1 : 0))];
      break;
    case 'lapsed':
      // They bought every few weeks until they stopped.
      for (let at = fromMs + random.next() * 20 * DAY_MS; at < toMs; at += (random.int(18, 45) * DAY_MS) / profile.pace) dates.push(Math.floor(at));
      break;
    case 'one_off':
      break;
    case 'deal_seeker':
      for (const year of yearsOf(fromMs, toMs)) {
        for (const promotion of promotionsOf(year)) {
          const start = Math.max(fromMs, promotion.fromMs);
          const end = Math.min(toMs, promotion.toMs);
          if (end <= start || !random.chance(0.85)) continue;
          for (let n = times(random, (random.chance(0.2) ? 2 : 1) * profile.pace); n > 0; n--) dates.push(instantBetween(random, start, end));
        }
      }
      for (let n = around(random, 1.5 * years * profile.pace); n > 0; n--) dates.push(busyInstant(random, fromMs, toMs));
      break;
    default: {
      const [person, organisation] = YEARLY[profile.archetype]!;
      for (let n = around(random, (business ? organisation : person) * years * profile.pace); n > 0; n--) dates.push(busyInstant(random, fromMs, toMs));
    }
  }
  const first = profile.converted ? fromMs + Math.min(DAY_MS / 2, (toMs - fromMs) / 2) : busyInstant(random, fromMs, toMs);
  if (profile.archetype === 'one_off') return [first];
  dates = dates.filter((at) => at >= fromMs && at < toMs);
  if (profile.converted || dates.length === 0) dates.push(first);
  return dates.sort((a, b) => a - b);
}
