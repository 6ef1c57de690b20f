/**
 * Reading the many ways a date is written in a file into year, month, day (and a time of day), and turning a
 * time of day in France into an instant. Used by the date converters of `convert.ts`.
 */
import { instantFromFloating } from '../../../shared/time/paris-clock.ts';
import { foldHeader } from './suggest.ts';

export interface DateParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

type Parsed = DateParts | { error: string };

/** Month names and their usual abbreviations, French and English, folded. */
const MONTHS: Record<string, number> = {};
[
  ['janvier', 'janv', 'jan', 'january'],
  ['fevrier', 'fevr', 'fev', 'feb', 'february'],
  ['mars', 'mar', 'march'],
  ['avril', 'avr', 'apr', 'april'],
  ['mai', 'may'],
  ['juin', 'jun', 'june'],
  ['juillet', 'juil', 'jul', 'july'],
  ['aout', 'aug', 'august'],
  ['septembre', 'sept', 'sep', 'september'],
  ['octobre', 'oct', 'october'],
  ['novembre', 'nov', 'november'],
  ['decembre', 'dec', 'december'],
].forEach((names, index) => names.forEach((name) => (MONTHS[name] = index + 1)));

/** Excel counts days from 1899-12-30 (its serial 1 is 1900-01-01, with the 1900 leap-year bug before March). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const MAX_EXCEL_SERIAL = 2958465; // 9999-12-31

const ORDER_WORDS = { dmy: 'day/month/year', mdy: 'month/day/year', ymd: 'year/month/day' } as const;

/**
 * The date (and, when `withTime`, the time of day) written in `text`, or the reason it is not one. A time after
 * the date is accepted and dropped when `withTime` is false (exports often write midnight after dates).
 */
export function parseDateParts(text: string, dateOrder: 'dmy' | 'mdy' | 'ymd', withTime = false): Parsed {
  const trimmed = text.trim();
  if (trimmed === '') return { error: 'no date' };
  // Excel serial numbers from 100 (April 1900) up: shorter numbers ("15.04") are more likely a cut date than 1900.
  if (/^\d{3,7}([.,]\d+)?$/.test(trimmed)) return excelSerial(trimmed, withTime);

  const timeMatch = /[T\s]+(\d{1,2})\s*[:h]\s*(\d{2})(?:\s*:\s*(\d{2})(?:[.,]\d+)?)?\s*$/i.exec(trimmed);
  const datePart = timeMatch ? trimmed.slice(0, timeMatch.index) : trimmed;
  const time = { hour: 0, minute: 0, second: 0 };
  if (timeMatch && withTime) {
    time.hour = Number(timeMatch[1]);
    time.minute = Number(timeMatch[2]);
    time.second = Number(timeMatch[3] ?? 0);
    if (time.hour > 23 || time.minute > 59 || time.second > 59) return { error: `not a valid time of day (${timeMatch[0].trim()})` };
  }
  const date = readDate(datePart.trim(), dateOrder);
  if ('error' in date) return date;
  return { ...date, ...time };
}

function readDate(text: string, dateOrder: 'dmy' | 'mdy' | 'ymd'): { year: number; month: number; day: number } | { error: string } {
  let match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (match) return checked(Number(match[1]), Number(match[2]), Number(match[3]), 'year-month-day');

  match = /^(\d{1,4})[-/.](\d{1,2})[-/.](\d{1,4})$/.exec(text);
  if (match) {
    const [first, second, third] = [match[1]!, match[2]!, match[3]!];
    const [year, month, day] =
      dateOrder === 'ymd' ? [first, second, third] : dateOrder === 'mdy' ? [third, first, second] : [third, second, first];
    if (year.length === 3 || (year.length !== 4 && year.length > 2)) return { error: 'not a date: the year must have 2 or 4 digits' };
    return checked(fullYear(year), Number(month), Number(day), ORDER_WORDS[dateOrder]);
  }
  return namedMonth(text);
}

/** "15 avril 1985", "1er avril 1985", "April 15, 1985", "15-Apr-85". */
function namedMonth(text: string): { year: number; month: number; day: number } | { error: string } {
  const words = foldHeader(text.replace(/(\d)(er|st|nd|rd|th)\b/gi, '$1')).split(' ');
  const monthWords = words.filter((word) => MONTHS[word] !== undefined);
  const numbers = words.filter((word) => /^\d+$/.test(word));
  const others = words.filter((word) => MONTHS[word] === undefined && !/^\d+$/.test(word) && !WEEKDAYS.has(word));
  if (monthWords.length !== 1 || numbers.length !== 2 || others.length > 0) return { error: 'not a date' };
  const month = MONTHS[monthWords[0]!]!;
  const [a, b] = [numbers[0]!, numbers[1]!];
  const yearFirst = a.length === 4 || Number(a) > 31;
  const [yearText, dayText] = yearFirst ? [a, b] : [b, a];
  if (yearText.length !== 2 && yearText.length !== 4) return { error: 'not a date: the year must have 2 or 4 digits' };
  return checked(fullYear(yearText), month, Number(dayText), 'day month year');
}

const WEEKDAYS = new Set(['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'lun', 'mer', 'jeu', 'ven', 'sam', 'dim', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);

/** A two-digit year is in this century up to this year, else in the last one ("85" → 1985, "07" → 2007). */
function fullYear(text: string): number {
  const year = Number(text);
  if (text.length !== 2) return year;
  const pivot = new Date().getUTCFullYear() % 100;
  return year <= pivot ? 2000 + year : 1900 + year;
}

function checked(year: number, month: number, day: number, order: string): { year: number; month: number; day: number } | { error: string } {
  if (year < 1000 || year > 9999) return { error: `not a valid date: year ${year}` };
  if (month < 1 || month > 12) return { error: `not a valid date: there is no month ${month} (read as ${order}; change the date order if the file writes dates another way)` };
  const length = daysInMonth(year, month);
  if (day < 1 || day > length) return { error: `not a valid date: month ${month} of ${year} has ${length} days` };
  return { year, month, day };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function excelSerial(text: string, withTime: boolean): Parsed {
  const serial = Number(text.replace(',', '.'));
  if (/^\d{4}$/.test(text)) return { error: 'not a date: a year alone is not a date' };
  if (serial < 1 || serial > MAX_EXCEL_SERIAL) return { error: 'not a date' };
  // Whole seconds, rounded: Excel stores times as fractions of a day that rarely fall on an exact second.
  const instant = EXCEL_EPOCH + Math.round((withTime ? serial : Math.floor(serial)) * 86400) * 1000;
  const date = new Date(instant);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
  };
}

/** `YYYY-MM-DD`. */
export function isoDate(parts: Pick<DateParts, 'year' | 'month' | 'day'>): string {
  return `${String(parts.year).padStart(4, '0')}-${String(parts.month).padStart(2, '0')}-${String(parts.day).padStart(2, '0')}`;
}

/**
 * The instant (ms since epoch) at which the clocks in France show this date and time. A time shown twice when
 * the clocks go back is the first one (summer time); a time skipped when they go forward is read with the
 * offset before the change (02:30 becomes 03:30 summer time), as most software does.
 */
export function parisToUtc(parts: DateParts): number {
  const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return instantFromFloating(new Date(wall), 'earlier').getTime();
}
