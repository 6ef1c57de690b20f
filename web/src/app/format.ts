/** Dates as people read them, in the interface's language. Pure. */

/** `2026-03-12T14:05:00Z` → `12 Mar 2026, 15:05` (en) or `12 mars 2026, 15:05` (fr), in the local time zone. */
export function formatDateTime(iso: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** `2026-03-12T14:05:00Z` → `12 Mar 2026`. */
export function formatDate(iso: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(date);
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** True for a string that is an ISO 8601 date-time, as the API writes timestamps. */
export function isIsoDateTime(value: unknown): value is string {
  return typeof value === 'string' && ISO_DATE_TIME.test(value);
}

/** `"1234.5"`, `EUR` → `1 234,50 €` (fr) or `€1,234.50` (en). Amounts arrive from the API as decimal strings. */
export function formatMoney(amount: string | number | null | undefined, currency: string, locale: string): string {
  if (amount === null || amount === undefined || amount === '') return '—';
  const value = typeof amount === 'number' ? amount : Number(amount);
  if (Number.isNaN(value)) return String(amount);
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(value);
}
