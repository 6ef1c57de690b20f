/**
 * Turning the text of a cell into the value a field stores. Files come from French and English spreadsheets,
 * accounting tools and phones, so each converter accepts the usual ways of writing a value and, when it cannot
 * read one, says why in a short English reason the error report shows beside the column and the value. None of
 * them throws. A blank cell is the caller's business (it means "no value"), not a converter's.
 */
import { PARIS_TIME_ZONE } from '../../../shared/time/paris-clock.ts';
import { isoDate, parseDateParts, parisToUtc } from './dates.ts';
import { foldHeader } from './suggest.ts';

export type Converted<T> = { value: T } | { error: string };

/** Spaces used to group digits: ordinary, non-breaking (French Excel) and narrow non-breaking, thin; and apostrophes (Swiss). */
const DIGIT_GROUPING = /[\s\u00a0\u202f\u2009'’]/g;
const CURRENCY = /(€|\$|£|CHF|EUR|USD|GBP)/gi;

/**
 * A number from text such as "1 234,56 €", "1,234.56", "12,5 %" or "-3". `decimalSeparator` says which of ','
 * and '.' marks decimals; 'auto' takes the last of the two when both appear and refuses "1,234" alone (1.234 or
 * 1234?). A percent sign is dropped: "12,5 %" is 12.5. Accounting negatives "(12)" are refused.
 */
export function parseNumber(text: string, decimalSeparator: ',' | '.' | 'auto'): Converted<number> {
  return readNumber(text, decimalSeparator, false);
}

/** A whole number ("1 200", "42", "3.0"); an ambiguous "1,234" is read as thousands. */
export function parseInteger(text: string): Converted<number> {
  const number = readNumber(text, 'auto', true);
  if ('error' in number) return number;
  if (!Number.isInteger(number.value)) return { error: 'not a whole number' };
  if (!Number.isSafeInteger(number.value)) return { error: 'too large a number' };
  return number;
}

function readNumber(text: string, decimalSeparator: ',' | '.' | 'auto', groupsWhenAmbiguous: boolean): Converted<number> {
  let compact = text.replace(CURRENCY, '').replace(/%/g, '').replace(DIGIT_GROUPING, '').replace(/[\u2212\u2013]/g, '-');
  if (/^\(.*\)$/.test(compact)) return { error: 'a number in parentheses is not read as negative: write -12' };
  let sign = 1;
  if (/^[+-]/.test(compact)) {
    sign = compact[0] === '-' ? -1 : 1;
    compact = compact.slice(1);
  }
  const exponentMatch = /[eE]([+-]?\d+)$/.exec(compact);
  const exponent = exponentMatch ? Number(exponentMatch[1]) : 0;
  if (exponentMatch) compact = compact.slice(0, exponentMatch.index);
  if (!/^[\d.,]*\d[\d.,]*$/.test(compact)) return { error: 'not a number' };

  let decimal = decimalSeparator;
  if (decimal === 'auto') {
    const lastComma = compact.lastIndexOf(',');
    const lastDot = compact.lastIndexOf('.');
    if (lastComma >= 0 && lastDot >= 0) decimal = lastComma > lastDot ? ',' : '.';
    else if (lastComma < 0 && lastDot < 0) decimal = '.';
    else {
      const separator = lastComma >= 0 ? ',' : '.';
      const once = compact.indexOf(separator) === compact.lastIndexOf(separator);
      const thousandsLike = /^[1-9]\d{0,2}$/.test(compact.slice(0, compact.indexOf(separator))) && /^\d{3}$/.test(compact.slice(compact.lastIndexOf(separator) + 1));
      if (!once) decimal = separator === ',' ? '.' : ',';
      else if (thousandsLike && !groupsWhenAmbiguous) return { error: `ambiguous: ${compact} could be a decimal or a number of thousands; choose the decimal separator` };
      else decimal = thousandsLike ? (separator === ',' ? '.' : ',') : separator;
    }
  }
  const group = decimal === ',' ? '.' : ',';
  const [whole = '', fraction, extra] = compact.split(decimal);
  if (extra !== undefined) return { error: `more than one decimal separator "${decimal}"` };
  if (whole.includes(group) && !new RegExp(`^\\d{1,3}(\\${group}\\d{3})+$`).test(whole)) {
    return { error: `"${group}" is not the decimal separator here and does not group thousands` };
  }
  if (fraction !== undefined && !/^\d+$/.test(fraction)) return { error: 'not a number' };
  const value = sign * Number(`${whole.split(group).join('') || '0'}.${fraction ?? '0'}e${exponent}`);
  return Number.isFinite(value) ? { value } : { error: 'too large a number' };
}

/**
 * A calendar date as ISO `YYYY-MM-DD` from "15/04/1985", "15/4/85", "15.04.1985", "1985-04-15", "19850415", an
 * Excel serial number, "15 avril 1985" or "April 15, 1985". `dateOrder` says how slashed and dotted dates are
 * written; a time after the date is ignored. Impossible dates (31/02) are refused with the reason.
 */
export function parseDate(text: string, dateOrder: 'dmy' | 'mdy' | 'ymd'): Converted<string> {
  const parts = parseDateParts(text, dateOrder);
  if ('error' in parts) return parts;
  return { value: isoDate(parts) };
}

/**
 * An instant as an ISO UTC timestamp from a date (any form `parseDate` reads) with an optional time "14:30",
 * "14:30:15" or "14h30", read as the time in France (Europe/Paris); an ISO timestamp with its offset or Z is
 * taken as written. A date alone is midnight in France.
 */
export function parseDateTime(text: string, dateOrder: 'dmy' | 'mdy' | 'ymd'): Converted<string> {
  const trimmed = text.trim();
  if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?\s*(Z|[+-]\d{2}(:?\d{2})?)$/i.test(trimmed)) {
    const instant = Date.parse(trimmed.replace(' ', 'T').replace(/\s+/g, '').replace(/([+-]\d{2})$/, '$1:00'));
    return Number.isNaN(instant) ? { error: 'not a valid date and time' } : { value: new Date(instant).toISOString() };
  }
  const parts = parseDateParts(trimmed, dateOrder, true);
  if ('error' in parts) return parts;
  return { value: new Date(parisToUtc(parts)).toISOString() };
}

export { PARIS_TIME_ZONE };

const TRUE_WORDS = new Set(['oui', 'o', 'yes', 'y', 'vrai', 'true', '1', 'x']);
const FALSE_WORDS = new Set(['non', 'n', 'no', 'faux', 'false', '0']);

/** A yes/no value from oui/non, yes/no, vrai/faux, true/false, 1/0, o/n, and x (a ticked box). */
export function parseBoolean(text: string): Converted<boolean> {
  const word = foldHeader(text);
  if (TRUE_WORDS.has(word)) return { value: true };
  if (FALSE_WORDS.has(word)) return { value: false };
  return { error: 'not a yes/no value (use oui/non, yes/no, true/false or 1/0)' };
}

/**
 * The items of a list cell ("VIP; Newsletter, Salon 2024"), split on `separator` or, by default, on ';' and ',';
 * trimmed, blanks dropped, repeats (whatever their case) kept once.
 */
export function splitList(text: string, separator?: string): Converted<string[]> {
  const pieces = separator ? text.split(separator) : text.split(/[;,]/);
  const seen = new Set<string>();
  const value: string[] = [];
  for (const piece of pieces) {
    const item = piece.trim();
    if (item === '' || seen.has(item.toLowerCase())) continue;
    seen.add(item.toLowerCase());
    value.push(item);
  }
  return { value };
}

/**
 * One of an enum's stored `values` from the value itself or one of its labels (`labels`: stored value → French
 * and English labels), compared without case, accents or punctuation ("Mme", "madame", "Mrs." → 'mrs').
 */
export function parseEnum(text: string, values: readonly string[], labels: Readonly<Record<string, readonly string[]>> = {}): Converted<string> {
  const folded = foldHeader(text);
  for (const value of values) {
    if (foldHeader(value) === folded) return { value };
    if ((labels[value] ?? []).some((label) => foldHeader(label) === folded)) return { value };
  }
  const shown = values.slice(0, 12).join(', ') + (values.length > 12 ? ', …' : '');
  return { error: `not one of the accepted values (${shown})` };
}
