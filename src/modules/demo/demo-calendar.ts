/**
 * When demo customers buy: instants inside a period with the shop's seasons (busy in spring and before Christmas,
 * quiet in August), at the hours a shop, a website or a sales team work, and the shop's promotions — winter and
 * summer sales, the spring garden fortnight, Black Friday — with their codes and discounts.
 */
import { DAY_MS } from './demo-drafts.ts';
import type { Random } from './demo-random.ts';

export const HOUR_MS = 3_600_000;
export const MONTH_MS = 30.4375 * DAY_MS;

/** How busy the shop is in each month (January first), for purchases without a season of their own. */
const MONTH_ACTIVITY = [0.7, 0.6, 1, 1.3, 1.4, 1.2, 0.9, 0.6, 0.9, 0.9, 1.1, 1.5];
const MAX_ACTIVITY = Math.max(...MONTH_ACTIVITY);

/** The month (0-11) of an instant. */
export function monthOf(ms: number): number {
  return new Date(ms).getUTCMonth();
}

/** An instant in [fromMs, toMs), more likely in busy months. */
export function busyInstant(random: Random, fromMs: number, toMs: number): number {
  for (let attempt = 0; attempt < 8; attempt++) {
    const at = fromMs + random.next() * (toMs - fromMs);
    if (random.next() * MAX_ACTIVITY <= MONTH_ACTIVITY[monthOf(at)]!) return Math.floor(at);
  }
  return Math.floor(fromMs + random.next() * (toMs - fromMs));
}

/** An instant in [fromMs, toMs). */
export function instantBetween(random: Random, fromMs: number, toMs: number): number {
  return Math.floor(fromMs + random.next() * Math.max(0, toMs - fromMs));
}

/** Midnight (UTC) of the day of `ms`. */
export function dayStart(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

/** A day of a year as an instant: month 0-11, day of month 1-31. */
export function dayOf(year: number, month: number, day: number): number {
  return Date.UTC(year, month, day);
}

export type Desk = 'store' | 'web' | 'office';

/**
 * The same day at an hour when the desk works — the shop from 9:00 to 19:00 and not on Sundays, the website any
 * time but mostly in the evening, offices from 8:30 to 18:00 on weekdays — never before `notBefore`.
 */
export function atWorkingHour(random: Random, ms: number, desk: Desk, notBefore = 0): number {
  const sameDay = dayStart(ms);
  const weekday = new Date(sameDay).getUTCDay();
  const back = desk === 'store' ? (weekday === 0 ? 1 : 0) : desk === 'office' ? (weekday === 0 ? 2 : weekday === 6 ? 1 : 0) : 0;
  // Hours are UTC; French time is one or two hours ahead.
  const hour = desk === 'store' ? 7.5 + random.next() * 10 : desk === 'office' ? 7 + random.next() * 9.5
    : random.chance(0.6) ? 16 + random.next() * 6 : 5 + random.next() * 11;
  const offset = Math.floor(hour * HOUR_MS + random.next() * 60_000);
  // Back to the last working day; when that is too early, the same day will do; when even that is, the instant itself.
  for (const day of [sameDay - back * DAY_MS, sameDay]) if (day + offset >= notBefore) return day + offset;
  return ms;
}

export interface Promotion {
  code: string;
  /** Line discounts it gives, in percent. */
  discounts: readonly number[];
  fromMs: number;
  toMs: number;
}

/** The first weekday (0 Sunday … 6 Saturday) of a month on or after a day. */
function weekdayOnOrAfter(year: number, month: number, day: number, weekday: number): number {
  const start = dayOf(year, month, day);
  return start + ((weekday - new Date(start).getUTCDay() + 7) % 7) * DAY_MS;
}

/** The shop's promotions of a year: the national sales (winter and summer), its spring fortnight and Black Friday. */
export function promotionsOf(year: number): Promotion[] {
  const winterSales = weekdayOnOrAfter(year, 0, 8, 3);
  const summerSales = weekdayOnOrAfter(year, 5, 22, 3);
  const blackFriday = weekdayOnOrAfter(year, 10, 22, 5);
  return [
    { code: 'SOLDES', discounts: [20, 30, 30, 40, 50], fromMs: winterSales, toMs: winterSales + 28 * DAY_MS },
    { code: 'PRINTEMPS15', discounts: [15], fromMs: dayOf(year, 2, 15), toMs: dayOf(year, 3, 1) },
    { code: 'SOLDESETE', discounts: [20, 30, 40, 50], fromMs: summerSales, toMs: summerSales + 28 * DAY_MS },
    { code: 'BLACKFRIDAY', discounts: [20, 25, 30], fromMs: blackFriday - DAY_MS, toMs: blackFriday + 4 * DAY_MS },
  ];
}

/** The promotion running at an instant, if any. */
export function promotionAt(ms: number): Promotion | null {
  return promotionsOf(new Date(ms).getUTCFullYear()).find((p) => ms >= p.fromMs && ms < p.toMs) ?? null;
}

/** Codes a customer may type outside the promotions: a welcome offer, the newsletter's, the loyalty card's. */
export const STANDING_CODES: readonly Promotion[] = [
  { code: 'BIENVENUE10', discounts: [10], fromMs: 0, toMs: Infinity },
  { code: 'NEWSLETTER10', discounts: [10], fromMs: 0, toMs: Infinity },
  { code: 'FIDELITE15', discounts: [15], fromMs: 0, toMs: Infinity },
];

/** Whole years touched by a period, oldest first. */
export function yearsOf(fromMs: number, toMs: number): number[] {
  const years: number[] = [];
  for (let y = new Date(fromMs).getUTCFullYear(); y <= new Date(toMs).getUTCFullYear(); y++) years.push(y);
  return years;
}
