/**
 * Recurrence rules of planned work: the part of RFC 5545's RRULE that a CRM needs (a monthly visit, a call every
 * other Tuesday, the last working day of the month), read strictly so that every accepted rule keeps producing
 * dates. Shared by the server and the web app, so nothing here may import from Node.
 *
 * Accepted parts: FREQ (DAILY, WEEKLY, MONTHLY, YEARLY), INTERVAL, BYDAY, BYMONTHDAY, BYMONTH (yearly rules),
 * BYSETPOS, COUNT and UNTIL (a date, inclusive, or a date-time; Paris time unless it ends with Z).
 */

export const FREQUENCIES = ['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/**
 * Why a rule was refused, as a stable code (safe to key translations on), with the rule it breaks in English,
 * worded to follow a field name (`body.recurrence must have FREQ=…`).
 */
export const RECURRENCE_RULES = {
  empty: 'must not be empty',
  'too-long': 'must have at most 200 characters',
  syntax: 'must be NAME=VALUE parts separated by semicolons, such as FREQ=MONTHLY;BYMONTHDAY=15',
  'unknown-part': 'may only use FREQ, INTERVAL, BYDAY, BYMONTHDAY, BYMONTH, BYSETPOS, COUNT and UNTIL',
  'repeated-part': 'must not give the same part twice',
  freq: 'must have FREQ=DAILY, WEEKLY, MONTHLY or YEARLY',
  interval: 'must have INTERVAL between 1 and 99',
  byday: 'must have BYDAY as weekdays MO, TU, WE, TH, FR, SA, SU, each maybe preceded by a position such as 2TU or -1FR',
  'byday-position': 'may give positions in BYDAY (2TU, -1FR) only with FREQ=MONTHLY (1 to 5) or FREQ=YEARLY (1 to 53, or 1 to 5 with BYMONTH)',
  'daily-byday': 'may use BYDAY with FREQ=DAILY only when INTERVAL is 1 (use FREQ=WEEKLY for every other week)',
  bymonthday: 'must have BYMONTHDAY days between 1 and 31 or -31 and -1 (-1 is the last day)',
  'bymonthday-freq': 'may use BYMONTHDAY only with FREQ=MONTHLY or FREQ=YEARLY',
  bymonth: 'must have BYMONTH months between 1 and 12, and only with FREQ=YEARLY',
  bysetpos: 'must have BYSETPOS positions between 1 and 366 or -366 and -1, with FREQ=MONTHLY or YEARLY and a BYDAY or BYMONTHDAY',
  count: 'must have COUNT between 1 and 1000',
  until: 'must have UNTIL as a date such as 20261231 or a date-time such as 20261231T170000Z',
  'count-and-until': 'must not have both COUNT and UNTIL',
  never: 'never gives a date after the due date',
} as const;

export type RecurrenceProblem = keyof typeof RECURRENCE_RULES;

export interface DayOfWeek {
  weekday: Weekday;
  /** 2 for the second, -1 for the last of the month (or year); null for every one. */
  position: number | null;
}

export interface RecurrenceRule {
  freq: Frequency;
  interval: number;
  byDay: DayOfWeek[];
  byMonthDay: number[];
  byMonth: number[];
  bySetPos: number[];
  count: number | null;
  /** `YYYYMMDD` (inclusive day), `YYYYMMDDTHHMMSS` (Paris time) or `YYYYMMDDTHHMMSSZ`, as written. */
  until: string | null;
}

export type RecurrenceResult = { ok: true; rule: RecurrenceRule; text: string } | { ok: false; code: RecurrenceProblem; rule: string };

const PARTS = ['FREQ', 'INTERVAL', 'BYDAY', 'BYMONTHDAY', 'BYMONTH', 'BYSETPOS', 'COUNT', 'UNTIL'] as const;
type Part = (typeof PARTS)[number];

const UNTIL_FORMAT = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$/;

function refuse(code: RecurrenceProblem): RecurrenceResult {
  return { ok: false, code, rule: RECURRENCE_RULES[code] };
}

/** A comma list of whole numbers, each within ±max and never 0; null when any item is not. */
function signedList(value: string, max: number): number[] | null {
  const items = value.split(',');
  const numbers: number[] = [];
  for (const item of items) {
    if (!/^[+-]?\d{1,3}$/.test(item)) return null;
    const n = Number(item);
    if (n === 0 || Math.abs(n) > max) return null;
    numbers.push(n);
  }
  return [...new Set(numbers)];
}

function readByDay(value: string): DayOfWeek[] | null {
  const days: DayOfWeek[] = [];
  for (const item of value.split(',')) {
    const match = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/.exec(item);
    if (!match) return null;
    const position = match[1] === undefined ? null : Number(match[1]);
    if (position === 0) return null;
    if (!days.some((d) => d.weekday === match[2] && d.position === position)) days.push({ weekday: match[2] as Weekday, position });
  }
  return days;
}

function validUntil(value: string): boolean {
  const match = UNTIL_FORMAT.exec(value);
  if (!match) return false;
  const [, y, mo, d, h, mi, s] = match as unknown as string[];
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  const sameDay = date.getUTCFullYear() === Number(y) && date.getUTCMonth() === Number(mo) - 1 && date.getUTCDate() === Number(d);
  const time = h === undefined || (Number(h) <= 23 && Number(mi) <= 59 && Number(s) <= 59);
  return sameDay && time && Number(y) >= 1970 && Number(y) <= 2999;
}

/** Reads a rule written as RRULE text (`RRULE:` prefix, case and spaces around parts ignored). */
export function parseRecurrence(input: string): RecurrenceResult {
  const text = input.trim().replace(/^RRULE:/i, '');
  if (text === '') return refuse('empty');
  if (input.length > 200) return refuse('too-long');
  const values = new Map<Part, string>();
  for (const raw of text.split(';')) {
    const piece = raw.trim();
    if (piece === '') continue;
    const eq = piece.indexOf('=');
    if (eq <= 0) return refuse('syntax');
    const name = piece.slice(0, eq).trim().toUpperCase();
    const value = piece.slice(eq + 1).trim().toUpperCase();
    if (value === '') return refuse('syntax');
    if (!(PARTS as readonly string[]).includes(name)) return refuse('unknown-part');
    if (values.has(name as Part)) return refuse('repeated-part');
    values.set(name as Part, value);
  }

  const freq = values.get('FREQ');
  if (!freq || !(FREQUENCIES as readonly string[]).includes(freq)) return refuse('freq');
  const rule: RecurrenceRule = { freq: freq as Frequency, interval: 1, byDay: [], byMonthDay: [], byMonth: [], bySetPos: [], count: null, until: null };

  const interval = values.get('INTERVAL');
  if (interval !== undefined) {
    if (!/^\d{1,2}$/.test(interval) || Number(interval) < 1) return refuse('interval');
    rule.interval = Number(interval);
  }

  const byMonth = values.get('BYMONTH');
  if (byMonth !== undefined) {
    const months = signedList(byMonth, 12);
    if (!months || months.some((m) => m < 1) || rule.freq !== 'YEARLY') return refuse('bymonth');
    rule.byMonth = months.sort((a, b) => a - b);
  }

  const byDay = values.get('BYDAY');
  if (byDay !== undefined) {
    const days = readByDay(byDay);
    if (!days) return refuse('byday');
    const widest = rule.freq === 'MONTHLY' || rule.byMonth.length > 0 ? 5 : rule.freq === 'YEARLY' ? 53 : 0;
    if (days.some((d) => d.position !== null && Math.abs(d.position) > widest)) return refuse('byday-position');
    if (rule.freq === 'DAILY' && rule.interval !== 1) return refuse('daily-byday');
    rule.byDay = days;
  }

  const byMonthDay = values.get('BYMONTHDAY');
  if (byMonthDay !== undefined) {
    const days = signedList(byMonthDay, 31);
    if (!days) return refuse('bymonthday');
    if (rule.freq !== 'MONTHLY' && rule.freq !== 'YEARLY') return refuse('bymonthday-freq');
    rule.byMonthDay = days.sort((a, b) => a - b);
  }

  const bySetPos = values.get('BYSETPOS');
  if (bySetPos !== undefined) {
    const positions = signedList(bySetPos, 366);
    const grouped = (rule.freq === 'MONTHLY' || rule.freq === 'YEARLY') && (rule.byDay.length > 0 || rule.byMonthDay.length > 0);
    if (!positions || !grouped) return refuse('bysetpos');
    rule.bySetPos = positions.sort((a, b) => a - b);
  }

  const count = values.get('COUNT');
  const until = values.get('UNTIL');
  if (count !== undefined && until !== undefined) return refuse('count-and-until');
  if (count !== undefined) {
    if (!/^\d{1,4}$/.test(count) || Number(count) < 1 || Number(count) > 1000) return refuse('count');
    rule.count = Number(count);
  }
  if (until !== undefined) {
    if (!validUntil(until)) return refuse('until');
    rule.until = until;
  }
  return { ok: true, rule, text: formatRecurrence(rule) };
}

/** The rule's canonical text: parts in a fixed order, defaults left out. */
export function formatRecurrence(rule: RecurrenceRule): string {
  const parts = [`FREQ=${rule.freq}`];
  if (rule.interval !== 1) parts.push(`INTERVAL=${rule.interval}`);
  if (rule.byMonth.length > 0) parts.push(`BYMONTH=${rule.byMonth.join(',')}`);
  if (rule.byMonthDay.length > 0) parts.push(`BYMONTHDAY=${rule.byMonthDay.join(',')}`);
  if (rule.byDay.length > 0) parts.push(`BYDAY=${rule.byDay.map((d) => `${d.position ?? ''}${d.weekday}`).join(',')}`);
  if (rule.bySetPos.length > 0) parts.push(`BYSETPOS=${rule.bySetPos.join(',')}`);
  if (rule.count !== null) parts.push(`COUNT=${rule.count}`);
  if (rule.until !== null) parts.push(`UNTIL=${rule.until}`);
  return parts.join(';');
}
