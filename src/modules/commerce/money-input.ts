/**
 * Reading the numbers of a request body (a JSON number or a decimal string) into exact decimal strings, with one
 * field issue per offending value. Nothing is rounded silently: too many decimals is an error, not a guess.
 */
import type { FieldIssue } from '../../platform/errors.ts';
import { formatDecimal, parseDecimal } from '../../shared/commerce/order-math.ts';

export type DecimalInput = number | string;

export interface DecimalRule {
  scale: number;
  /** Smallest allowed value, inclusive unless `exclusiveMin`. */
  min?: number;
  exclusiveMin?: boolean;
  /** Largest allowed value, inclusive unless `exclusiveMax`. */
  max?: number;
  exclusiveMax?: boolean;
}

function describe(rule: DecimalRule): string {
  const bounds: string[] = [];
  if (rule.min !== undefined) bounds.push(rule.exclusiveMin ? `greater than ${rule.min}` : `at least ${rule.min}`);
  if (rule.max !== undefined) bounds.push(rule.exclusiveMax ? `less than ${rule.max}` : `at most ${rule.max}`);
  return `must be a number${bounds.length ? ` ${bounds.join(' and ')}` : ''} with at most ${rule.scale} decimals`;
}

/** The value as a decimal string with `rule.scale` decimals, or undefined after pushing an issue for `field`. */
export function readDecimal(value: DecimalInput, field: string, rule: DecimalRule, issues: FieldIssue[]): string | undefined {
  const units = parseDecimal(value, rule.scale);
  const unit = 10 ** rule.scale;
  const fails =
    units === null ||
    (rule.min !== undefined && (rule.exclusiveMin ? units <= BigInt(rule.min * unit) : units < BigInt(rule.min * unit))) ||
    (rule.max !== undefined && (rule.exclusiveMax ? units >= BigInt(rule.max * unit) : units > BigInt(rule.max * unit)));
  if (fails) {
    issues.push({ field, rule: describe(rule) });
    return undefined;
  }
  return formatDecimal(units, rule.scale);
}

export const MONEY_RULE: DecimalRule = { scale: 2, min: 0, max: 999_999_999_999 };
export const QUANTITY_RULE: DecimalRule = { scale: 3, min: 0, exclusiveMin: true, max: 999_999_999 };
export const DISCOUNT_RULE: DecimalRule = { scale: 2, min: 0, max: 100 };
export const VAT_RULE: DecimalRule = { scale: 2, min: 0, max: 100, exclusiveMax: true };

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

/** An ISO 4217 code written in capitals (EUR, USD, CHF), or undefined after pushing an issue. */
export function readCurrency(value: string, field: string, issues: FieldIssue[]): string | undefined {
  if (!/^[A-Z]{3}$/.test(value) || !CURRENCIES.has(value)) {
    issues.push({ field, rule: 'must be an ISO 4217 currency code in capitals, such as EUR' });
    return undefined;
  }
  return value;
}
