/**
 * The arithmetic of quote and order lines, exact to the cent: amounts are decimal strings ("12.50") turned into
 * integers of their smallest unit, multiplied as BigInt and rounded half up once per line. The server stores what
 * this computes and the order form shows it live, so both always agree.
 *
 * - line total = round(quantity × unit price × (1 − discount / 100)), to the cent
 * - line tax   = round(line total × VAT rate / 100), to the cent, per line
 * - line cost  = round(quantity × unit cost), to the cent
 * - subtotal = Σ round(quantity × unit price); discount total = subtotal − Σ line totals
 * - margin = total excluding tax − cost total
 */

/** Decimal places of each kind of number. */
export const MONEY_SCALE = 2;
export const QUANTITY_SCALE = 3;
export const PERCENT_SCALE = 2;

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

/**
 * The integer count of 10^-scale units in `text` ("12.5" at scale 2 → 1250n), or null when `text` is not a plain
 * decimal or has more decimals than `scale` (nothing is rounded silently).
 */
export function parseDecimal(text: string | number, scale: number): bigint | null {
  const written = typeof text === 'number' ? (Number.isFinite(text) ? numberToPlain(text) : '') : text.trim();
  const match = DECIMAL.exec(written);
  if (!match) return null;
  const [, minus, whole, fraction = ''] = match;
  const trimmed = fraction.replace(/0+$/, '');
  if (trimmed.length > scale) return null;
  const units = BigInt(whole! + trimmed.padEnd(scale, '0'));
  return minus ? -units : units;
}

/** A JS number written without exponent, as far as its own shortest form goes (0.1 → "0.1", 1e21 → digits). */
function numberToPlain(value: number): string {
  const text = String(value);
  if (!/e/i.test(text)) return text;
  return value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
}

/** Writes an integer count of 10^-scale units as a decimal string with exactly `scale` decimals. */
export function formatDecimal(units: bigint, scale: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale);
  return `${negative ? '-' : ''}${whole}${scale > 0 ? `.${fraction}` : ''}`;
}

/** numerator / denominator rounded half away from zero (half up for the non-negative amounts of an order). */
export function divideRounded(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new RangeError('denominator must be positive');
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  const rounded = (2n * magnitude + denominator) / (2n * denominator);
  return negative ? -rounded : rounded;
}

/** One line as it is priced: decimal strings at their scales (quantity 3 decimals, money and percents 2). */
export interface LineInput {
  quantity: string;
  unitPrice: string;
  discountPercent: string;
  vatRate: string;
  unitCost: string;
}

/** What a line comes to, as decimal strings with 2 decimals. */
export interface LineAmounts {
  /** quantity × unit price before the discount. */
  gross: string;
  lineTotal: string;
  tax: string;
  lineCost: string;
}

export interface OrderTotals {
  subtotal: string;
  discountTotal: string;
  totalExclTax: string;
  taxTotal: string;
  totalInclTax: string;
  costTotal: string;
  margin: string;
  /** margin / total excluding tax as a percentage with 2 decimals, or null when the total is zero. */
  marginRate: string | null;
}

interface LineCents {
  gross: bigint;
  lineTotal: bigint;
  tax: bigint;
  lineCost: bigint;
}

const QUANTITY_UNIT = 10n ** BigInt(QUANTITY_SCALE);
const PERCENT_UNIT = 100n * 10n ** BigInt(PERCENT_SCALE);

function required(text: string, scale: number, what: string): bigint {
  const value = parseDecimal(text, scale);
  if (value === null) throw new RangeError(`${what} must be a decimal with at most ${scale} decimals, not ${JSON.stringify(text)}`);
  return value;
}

function lineCents(line: LineInput): LineCents {
  const quantity = required(line.quantity, QUANTITY_SCALE, 'quantity');
  const unitPrice = required(line.unitPrice, MONEY_SCALE, 'unitPrice');
  const discount = required(line.discountPercent, PERCENT_SCALE, 'discountPercent');
  const vatRate = required(line.vatRate, PERCENT_SCALE, 'vatRate');
  const unitCost = required(line.unitCost, MONEY_SCALE, 'unitCost');
  const gross = divideRounded(quantity * unitPrice, QUANTITY_UNIT);
  const lineTotal = divideRounded(quantity * unitPrice * (PERCENT_UNIT - discount), QUANTITY_UNIT * PERCENT_UNIT);
  const tax = divideRounded(lineTotal * vatRate, PERCENT_UNIT);
  const lineCost = divideRounded(quantity * unitCost, QUANTITY_UNIT);
  return { gross, lineTotal, tax, lineCost };
}

/** The amounts of one line. Throws a RangeError for text that is not a decimal of the right scale. */
export function priceLine(line: LineInput): LineAmounts {
  const cents = lineCents(line);
  return {
    gross: formatDecimal(cents.gross, MONEY_SCALE),
    lineTotal: formatDecimal(cents.lineTotal, MONEY_SCALE),
    tax: formatDecimal(cents.tax, MONEY_SCALE),
    lineCost: formatDecimal(cents.lineCost, MONEY_SCALE),
  };
}

/** The totals of a set of lines: sums of the per-line amounts, so they always add up to what the lines show. */
export function priceOrder(lines: readonly LineInput[]): { lines: LineAmounts[]; totals: OrderTotals } {
  const sum = { gross: 0n, lineTotal: 0n, tax: 0n, lineCost: 0n };
  const priced: LineAmounts[] = [];
  for (const line of lines) {
    const cents = lineCents(line);
    sum.gross += cents.gross;
    sum.lineTotal += cents.lineTotal;
    sum.tax += cents.tax;
    sum.lineCost += cents.lineCost;
    priced.push({
      gross: formatDecimal(cents.gross, MONEY_SCALE),
      lineTotal: formatDecimal(cents.lineTotal, MONEY_SCALE),
      tax: formatDecimal(cents.tax, MONEY_SCALE),
      lineCost: formatDecimal(cents.lineCost, MONEY_SCALE),
    });
  }
  const margin = sum.lineTotal - sum.lineCost;
  return {
    lines: priced,
    totals: {
      subtotal: formatDecimal(sum.gross, MONEY_SCALE),
      discountTotal: formatDecimal(sum.gross - sum.lineTotal, MONEY_SCALE),
      totalExclTax: formatDecimal(sum.lineTotal, MONEY_SCALE),
      taxTotal: formatDecimal(sum.tax, MONEY_SCALE),
      totalInclTax: formatDecimal(sum.lineTotal + sum.tax, MONEY_SCALE),
      costTotal: formatDecimal(sum.lineCost, MONEY_SCALE),
      margin: formatDecimal(margin, MONEY_SCALE),
      marginRate: marginRate(formatDecimal(sum.lineTotal, MONEY_SCALE), formatDecimal(sum.lineCost, MONEY_SCALE)),
    },
  };
}

/** (price − cost) / price as a percentage with 2 decimals ("37.50"), or null when the price is zero. */
export function marginRate(price: string, cost: string): string | null {
  const priceCents = required(price, MONEY_SCALE, 'price');
  const costCents = required(cost, MONEY_SCALE, 'cost');
  if (priceCents === 0n) return null;
  return formatDecimal(divideRounded((priceCents - costCents) * PERCENT_UNIT, priceCents), PERCENT_SCALE);
}

/** price − cost, both money strings. */
export function marginOf(price: string, cost: string): string {
  return formatDecimal(required(price, MONEY_SCALE, 'price') - required(cost, MONEY_SCALE, 'cost'), MONEY_SCALE);
}

/** Whether any line is discounted (a promotion, together with a promo code). */
export function hasDiscount(lines: readonly Pick<LineInput, 'discountPercent'>[]): boolean {
  return lines.some((line) => (parseDecimal(line.discountPercent, PERCENT_SCALE) ?? 0n) > 0n);
}
