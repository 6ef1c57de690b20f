/**
 * The small arithmetic of billing, pure and exact: amounts and quantities as integers of their smallest unit
 * (cents, thousandths), shares of a line that always add up to the line, and calendar days in France.
 */
import { divideRounded, formatDecimal, MONEY_SCALE, parseDecimal, QUANTITY_SCALE } from '../../shared/commerce/order-math.ts';

/** "12.50" → 1250n. Columns are numeric, so a value that does not parse is a bug, not user input. */
export function cents(value: string | number): bigint {
  const units = parseDecimal(String(value), MONEY_SCALE);
  if (units === null) throw new RangeError(`not an amount: ${value}`);
  return units;
}

/** 1250n → "12.50". */
export function amount(units: bigint): string {
  return formatDecimal(units, MONEY_SCALE);
}

/** "1.500" → 1500n (thousandths). */
export function milli(value: string | number): bigint {
  const units = parseDecimal(String(value), QUANTITY_SCALE);
  if (units === null) throw new RangeError(`not a quantity: ${value}`);
  return units;
}

/** 1500n → "1.5": a quantity without trailing zeros. */
export function quantityText(units: bigint): string {
  return formatDecimal(units, QUANTITY_SCALE).replace(/\.?0+$/, '');
}

/** Writes thousandths back as the numeric column takes them. */
export function quantityColumn(units: bigint): string {
  return formatDecimal(units, QUANTITY_SCALE);
}

/**
 * The part of `total` carried by the quantities from `before` to `before + part` of a line of `whole` units.
 * Shares telescope (each is a difference of rounded cumulative shares), so however a line is split — invoiced
 * in three goes, credited in two — the parts add up to the line's total to the cent.
 */
export function shareOf(total: bigint, whole: bigint, before: bigint, part: bigint): bigint {
  if (whole <= 0n) return 0n;
  const upTo = (q: bigint) => (q >= whole ? total : divideRounded(total * q, whole));
  return upTo(before + part) - upTo(before);
}

/**
 * The part of a line of `whole` units from `before` to `before + part`, as the columns of an invoice or credit
 * note line: its quantity, its share of the line's total and cost (see `shareOf`), and the VAT of that share.
 */
export function partOfLine(line: { total: string; cost: string; vatRate: string }, whole: bigint, before: bigint, part: bigint) {
  const lineTotal = shareOf(cents(line.total), whole, before, part);
  return {
    quantity: quantityColumn(part),
    line_total: amount(lineTotal),
    line_cost: amount(shareOf(cents(line.cost), whole, before, part)),
    tax: lineTax(lineTotal, line.vatRate),
  };
}

/** VAT of a line, rounded half up to the cent per line (the rule the orders follow, see order-math.ts). */
export function lineTax(lineTotal: bigint, vatRate: string): bigint {
  const rate = parseDecimal(vatRate, 2);
  if (rate === null) throw new RangeError(`not a VAT rate: ${vatRate}`);
  return divideRounded(lineTotal * rate, 10_000n);
}

/** The amount excluding tax inside `inclTax` at `vatRate` percent, rounded to the cent. */
export function exclTaxOf(inclTax: bigint, vatRate: string): bigint {
  const rate = parseDecimal(vatRate, 2);
  if (rate === null) throw new RangeError(`not a VAT rate: ${vatRate}`);
  return divideRounded(inclTax * 10_000n, 10_000n + rate);
}

/**
 * Splits `total` over `weights` in proportion, the last share taking what rounding left over, so the shares
 * add up to `total` exactly.
 */
export function splitByWeight(total: bigint, weights: readonly bigint[]): bigint[] {
  const sum = weights.reduce((a, b) => a + b, 0n);
  if (weights.length === 0) return [];
  if (sum <= 0n) return weights.map((_, i) => (i === weights.length - 1 ? total : 0n));
  let given = 0n;
  let cumulative = 0n;
  return weights.map((weight, i) => {
    cumulative += weight;
    const upTo = i === weights.length - 1 ? total : divideRounded(total * cumulative, sum);
    const share = upTo - given;
    given = upTo;
    return share;
  });
}

/** Business days and due dates are French calendar days, whatever the server's time zone. */
export const BUSINESS_TIME_ZONE = 'Europe/Paris';

const DAY_FORMAT = new Intl.DateTimeFormat('en-CA', { timeZone: BUSINESS_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar day (YYYY-MM-DD) of an instant in France. */
export function dayInFrance(at: Date | string): string {
  return DAY_FORMAT.format(at instanceof Date ? at : new Date(at));
}

/** Today in France. */
export function todayInFrance(now: Date = new Date()): string {
  return dayInFrance(now);
}

const DAY_MS = 86_400_000;

/** `2026-03-31` + 30 → `2026-04-30`. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` comes first. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** Whether `text` is a real calendar day written YYYY-MM-DD. */
export function isCalendarDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const time = Date.parse(`${text}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === text;
}
