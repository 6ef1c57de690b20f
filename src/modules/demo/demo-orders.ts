/**
 * One demo order from basket to doorstep: its lines priced from the catalogue (with the promotion of the day for
 * those who take it), its way through the workflow — a shop sale is done at the till, other orders are
 * prepared, shipped and delivered, mostly on time, some late, a few sent back by the carrier — and where it stands
 * today. Amounts are integer cents, rounded as the order service rounds them.
 */
import type { OrderStatus, SalesChannel } from '../../shared/commerce/commerce-reference.ts';
import { weighted } from './demo-data.ts';
import { DAY_MS, isoDay } from './demo-drafts.ts';
import { HOUR_MS, STANDING_CODES, atWorkingHour, dayStart, monthOf, promotionAt, type Promotion } from './demo-calendar.ts';
import { OFFICE_PLANTS_CONTRACT, quantityOf, type Product } from './demo-catalogue.ts';
import { paysAtOrder } from './demo-archetypes.ts';
import type { Customer, Teller } from './demo-history.ts';
import { newId, onTimeline, toNumber, type Row } from './demo-story.ts';
import { CARRIERS } from './demo-texts.ts';

export interface PricedLine {
  position: number;
  product: Product;
  quantity: number;
  discount: number;
  gross: number;
  total: number;
  tax: number;
  cost: number;
}

export interface Totals {
  gross: number;
  total: number;
  tax: number;
  cost: number;
}

/** What the rest of the history needs to know about an order. */
export interface OrderFacts {
  id: string;
  atMs: number;
  channel: SalesChannel;
  lines: PricedLine[];
  totals: Totals;
  status: OrderStatus;
  /** When the goods or the service reached the customer (a shop sale: at once); null while on their way. */
  handedOverMs: number | null;
  /** When the invoice is due to be issued: at the order for those who pay at once, else once delivered. */
  billableMs: number | null;
  late: boolean;
  delivery: { id: string; row: Row } | null;
}

/** Euros with two decimals from integer cents. */
export function money(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** A line priced as order-math prices it: total rounded half up after the discount, tax per line. */
export function priceLine(position: number, product: Product, quantity: number, discount: number): PricedLine {
  const gross = quantity * product.priceCents;
  const total = Math.floor((gross * (100 - discount) + 50) / 100);
  const tax = Math.floor((total * Math.round(product.vatRate * 10) + 500) / 1000);
  return { position, product, quantity, discount, gross, total, tax, cost: quantity * product.costCents };
}

/** The sums of priced lines: gross, after discounts, tax and cost. */
export function totalsOf(lines: readonly PricedLine[]): Totals {
  const sum = { gross: 0, total: 0, tax: 0, cost: 0 };
  for (const l of lines) {
    sum.gross += l.gross;
    sum.total += l.total;
    sum.tax += l.tax;
    sum.cost += l.cost;
  }
  return sum;
}

/** The columns order and invoice lines share. */
export function lineColumns(line: PricedLine): Row {
  return {
    position: line.position, product_id: line.product.id, description: line.product.name, quantity: line.quantity,
    unit_price: money(line.product.priceCents), discount_percent: line.discount, vat_rate: line.product.vatRate,
    line_total: money(line.total), unit_cost: money(line.product.costCents), line_cost: money(line.cost),
  };
}

const PRIVATE_LINES = weighted([[1, 15], [2, 26], [3, 24], [4, 17], [5, 10], [6, 8]] as const);
const BUSINESS_LINES = weighted([[1, 10], [2, 15], [3, 20], [4, 20], [5, 18], [6, 17]] as const);

/** The promotion an order is bought on, if the customer takes one. */
function promotionFor(customer: Customer, atMs: number, first: boolean): Promotion | null {
  const { random, profile } = customer;
  if (profile.business) return null;
  const running = promotionAt(atMs);
  if (profile.archetype === 'deal_seeker') {
    if (running) return random.chance(0.95) ? running : null;
    return random.chance(0.55) ? random.pick(STANDING_CODES) : null;
  }
  if (running && random.chance(0.3)) return running;
  if (first && random.chance(0.08)) return STANDING_CODES[0]!;
  return !running && random.chance(0.02) ? random.pick(STANDING_CODES.slice(1)) : null;
}

function basket(teller: Teller, customer: Customer, atMs: number, promotion: Promotion | null): PricedLine[] {
  const { random, profile } = customer;
  const choices = teller.chooser(profile.business, profile.taste)(monthOf(atMs));
  const wanted = random.pickWeighted(profile.business ? BUSINESS_LINES : PRIVATE_LINES);
  const chosen: Product[] = [];
  // Regular businesses pay their office-plant upkeep every month; some months they add to it.
  if (profile.business && profile.archetype === 'regular') chosen.push(teller.product(OFFICE_PLANTS_CONTRACT));
  const count = profile.business && profile.archetype === 'regular' ? (random.chance(0.6) ? 1 : random.int(2, 4)) : wanted;
  for (let attempt = 0; chosen.length < count && attempt < count * 4; attempt++) {
    const product = random.pickWeighted(choices);
    if (!chosen.includes(product)) chosen.push(product);
  }
  const lines = chosen.map((product, i) => {
    const discounted = promotion !== null && product.kind === 'product' && random.chance(0.75);
    return priceLine(i + 1, product, quantityOf(random, product, profile.business), discounted ? random.pick(promotion.discounts) : 0);
  });
  // A promotion taken is a discount on at least one line.
  if (promotion && !lines.some((l) => l.discount > 0)) {
    const line = lines[0]!;
    lines[0] = priceLine(1, line.product, line.quantity, random.pick(promotion.discounts));
  }
  return lines;
}

/** How the order reached us: the desk that works it, for its hours. */
function deskOf(channel: SalesChannel) {
  return channel === 'store' ? 'store' : channel === 'web' ? 'web' : 'office';
}

/** The statuses an order goes through, in order. */
const FLOW: readonly OrderStatus[] = ['confirmed', 'in_preparation', 'shipped', 'delivered', 'completed'];

/** Places an order on a day: lines, promotion, status today, delivery; writes its rows and timeline entries. */
export function placeOrder(teller: Teller, customer: Customer, dayMs: number, first: boolean): OrderFacts {
  const { random, profile, party } = customer;
  const channel = random.pickWeighted(profile.channels);
  const atMs = Math.min(atWorkingHour(random, dayMs, deskOf(channel), profile.fromMs), teller.todayMs - 10 * 60_000);
  const promotion = promotionFor(customer, atMs, first);
  const lines = basket(teller, customer, atMs, promotion);
  const totals = totalsOf(lines);
  const id = newId(teller.uuid, customer.ids, 'orders');
  const today = teller.todayMs;
  const goods = lines.some((l) => l.product.kind === 'product');

  // Where the order stands today, and when each step happened.
  const steps: Partial<Record<OrderStatus, number>> = { confirmed: atMs };
  let late = false;
  let delivery: OrderFacts['delivery'] = null;
  let handedOverMs: number | null = null;
  if (channel === 'store') {
    steps.completed = atMs;
    handedOverMs = atMs;
  } else if (random.chance(0.035) && atMs + 2 * HOUR_MS < today) {
    steps.cancelled = Math.min(today - 60_000, atMs + random.int(2, 40) * HOUR_MS);
  } else if (!goods) {
    const doneMs = atWorkingHour(random, atMs + random.int(3, 21) * DAY_MS, 'office', atMs);
    if (doneMs < today) {
      steps.delivered = doneMs;
      handedOverMs = doneMs;
      if (doneMs + 14 * DAY_MS < today) steps.completed = doneMs + 14 * DAY_MS;
    }
  } else {
    const shipment = ship(teller, customer, id, atMs, lines);
    ({ late, delivery, handedOverMs } = shipment);
    Object.assign(steps, shipment.steps);
  }
  const status = steps.cancelled !== undefined ? 'cancelled' : [...FLOW].reverse().find((s) => steps[s] !== undefined)!;
  const changedMs = steps[status]!;

  const row: Row = {
    id, number: '', customer_id: party.id, contact_id: customer.buyer?.id ?? null, status, ordered_at: new Date(atMs).toISOString(),
    channel, currency: 'EUR', on_promotion: promotion !== null, promo_code: promotion && !(channel === 'store' && promotion.code.startsWith('SOLDES')) ? promotion.code : null,
    subtotal: money(totals.gross), discount_total: money(totals.gross - totals.total), total_excl_tax: money(totals.total),
    tax_total: money(totals.tax), total_incl_tax: money(totals.total + totals.tax), cost_total: money(totals.cost),
    owner_id: party.fields.owner_id, cancelled_at: steps.cancelled === undefined ? null : new Date(steps.cancelled).toISOString(),
    version: 1, created_at: new Date(atMs).toISOString(), updated_at: new Date(changedMs).toISOString(),
  };
  teller.story.rows.orders.push(row);
  for (const line of lines) teller.story.rows.order_lines.push({ order_id: id, ...lineColumns(line) });

  const amount = money(totals.total + totals.tax);
  const subject = { subjectType: 'order' as const, subjectId: id, channel };
  const created = onTimeline(teller.story, teller.uuid, customer.ids, party.id, {
    kind: 'order', atMs, ...subject,
    data: { action: 'created', number: '', status: channel === 'store' ? 'completed' : 'confirmed', amount, currency: 'EUR', channel, lineCount: lines.length },
  });
  const holders: { number?: unknown }[] = [row, created];
  if (channel !== 'store' && status !== 'confirmed') {
    const previous = status === 'cancelled' ? (steps.in_preparation !== undefined ? 'in_preparation' : 'confirmed') : FLOW[FLOW.indexOf(status) - 1]!;
    holders.push(onTimeline(teller.story, teller.uuid, customer.ids, party.id, {
      kind: 'order', atMs: changedMs, ...subject, data: { action: 'status_changed', number: '', status, previousStatus: previous, amount, currency: 'EUR' },
    }));
  }
  toNumber(teller.story, 'order', atMs, ...holders);
  // Paid at the order: the invoice a minute later. Otherwise once shipped or done, an hour later.
  const billableMs = status === 'cancelled' ? null : channel === 'store' || paysAtOrder(profile, channel) ? atMs + 60_000
    : (handedOverMs ?? steps.shipped ?? Infinity) + HOUR_MS;
  return { id, atMs, channel, lines, totals, status, handedOverMs, billableMs: billableMs !== null && billableMs < today ? billableMs : null, late, delivery };
}

/**
 * Ships an order's goods: prepared within hours, shipped within days, delivered before the promised day — or
 * late, or sent back by the carrier and shipped again. Writes the deliveries known today.
 */
function ship(teller: Teller, customer: Customer, orderId: string, atMs: number, lines: readonly PricedLine[]) {
  const { random, profile, party } = customer;
  const today = teller.todayMs;
  const preparedMs = atMs + random.int(2, 20) * HOUR_MS;
  const shippedMs = atWorkingHour(random, atMs + random.int(1, profile.business ? 4 : 3) * DAY_MS, 'office', preparedMs);
  const promisedMs = dayStart(atMs) + (profile.business ? 6 : 5) * DAY_MS;
  const late = random.chance(profile.archetype === 'complainer' ? 0.2 : 0.07);
  const bounced = !late && random.chance(0.012);
  // Carriers come by in the daytime, Monday to Saturday.
  const deliveredMs = atWorkingHour(random, late ? promisedMs + random.int(1, 8) * DAY_MS
    : Math.max(shippedMs + 4 * HOUR_MS, Math.min(shippedMs + random.int(18, 60) * HOUR_MS, promisedMs - DAY_MS)), 'store', shippedMs + 2 * HOUR_MS);
  const steps: Partial<Record<OrderStatus, number>> = {};
  if (preparedMs >= today) return { steps, late: false, delivery: null, handedOverMs: null };
  steps.in_preparation = preparedMs;
  const address = party.addresses[0];
  const base = {
    order_id: orderId, customer_id: party.id, carrier: random.pickWeighted(CARRIERS), tracking_number: null as string | null,
    address: address ? `${address.line1}, ${address.commune.postcode} ${address.commune.name}` : null,
    promised_on: isoDay(promisedMs), version: 1,
  };
  const write = (status: string, shipped: number | null, delivered: number | null, createdMs: number, changes: [string, string, number][]) => {
    const id = newId(teller.uuid, customer.ids, 'deliveries');
    const row: Row = {
      id, number: '', ...base, status, tracking_number: shipped === null ? null : `${random.int(10, 99)}${String(random.int(0, 999_999_999)).padStart(9, '0')}FR`,
      shipped_at: shipped === null ? null : new Date(shipped).toISOString(), delivered_at: delivered === null ? null : new Date(delivered).toISOString(),
      created_at: new Date(createdMs).toISOString(), updated_at: new Date(changes.at(-1)?.[2] ?? createdMs).toISOString(),
    };
    teller.story.rows.deliveries.push(row);
    let position = 0;
    for (const line of lines) {
      if (line.product.kind === 'product') teller.story.rows.delivery_lines.push({ delivery_id: id, position: ++position, order_line_position: line.position, quantity: line.quantity });
    }
    const subject = { subjectType: 'delivery' as const, subjectId: id };
    const holders: { number?: unknown }[] = [row];
    holders.push(onTimeline(teller.story, teller.uuid, customer.ids, party.id, { kind: 'delivery', atMs: createdMs, ...subject, data: { action: 'created', number: '', status: shipped === null ? 'prepared' : 'shipped' } }));
    for (const [to, from, at] of changes) {
      holders.push(onTimeline(teller.story, teller.uuid, customer.ids, party.id, { kind: 'delivery', atMs: at, ...subject, data: { action: 'status_changed', number: '', status: to, previousStatus: from } }));
    }
    toNumber(teller.story, 'delivery', createdMs, ...holders);
    return { id, row };
  };

  if (shippedMs >= today) return { steps, late: false, delivery: write('prepared', null, null, preparedMs, []), handedOverMs: null };
  steps.shipped = shippedMs;
  let arrivedMs = deliveredMs;
  let delivery;
  if (bounced && shippedMs + 9 * DAY_MS < today) {
    // The carrier brought it back (nobody home, wrong address); it went out again two days later.
    write('returned', shippedMs, null, shippedMs, [['returned', 'shipped', shippedMs + 4 * DAY_MS]]);
    const again = shippedMs + 6 * DAY_MS;
    arrivedMs = again + random.int(1, 2) * DAY_MS;
    delivery = write('delivered', again, arrivedMs, again, [['delivered', 'shipped', arrivedMs]]);
  } else {
    const overdueMs = promisedMs + DAY_MS;
    const changes: [string, string, number][] = [];
    if (late && overdueMs < today) changes.push(['late', 'shipped', overdueMs]);
    const arrived = arrivedMs < today;
    if (arrived) changes.push(['delivered', changes.length > 0 ? 'late' : 'shipped', arrivedMs]);
    const status = changes.at(-1)?.[0] ?? 'shipped';
    delivery = write(status, shippedMs, arrived ? arrivedMs : null, shippedMs, changes);
  }
  if (arrivedMs >= today) return { steps, late, delivery, handedOverMs: null };
  steps.delivered = arrivedMs;
  if (arrivedMs + 14 * DAY_MS < today) steps.completed = arrivedMs + 14 * DAY_MS;
  return { steps, late, delivery, handedOverMs: arrivedMs };
}
