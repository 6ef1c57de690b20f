/**
 * The record of POST /api/duplicates/check read defensively: the web sends whatever the create form holds so
 * far (half-typed, possibly invalid), so only the values detection uses are taken, and only when they are text.
 */
import type { PartyBody } from '../parties/party-schemas.ts';

const TEXT_FIELDS = ['firstName', 'lastName', 'birthDate', 'legalName', 'tradeName', 'siren', 'siret', 'website', 'externalId'] as const;

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.slice(0, 300) : undefined;
}

function items<K extends string>(value: unknown, keys: readonly K[]): Record<K, string | undefined>[] {
  if (!Array.isArray(value)) return [];
  return value.slice(0, 20).flatMap((item) => {
    if (typeof item !== 'object' || item === null) return [];
    const entry = {} as Record<K, string | undefined>;
    for (const key of keys) entry[key] = text((item as Record<string, unknown>)[key]);
    return [entry];
  });
}

function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** The parts of a create body that detection reads; anything else is left out. */
export function checkedRecord(record: Record<string, unknown>): PartyBody {
  const body: Record<string, unknown> = {};
  for (const field of TEXT_FIELDS) {
    const value = text(record[field]);
    if (value !== undefined) body[field] = value;
  }
  // A birth date is looked up in a date column: anything but YYYY-MM-DD is left out rather than refused.
  if (typeof body.birthDate === 'string' && !isCalendarDate(body.birthDate)) delete body.birthDate;
  body.emails = items(record.emails, ['email'] as const).filter((e) => e.email).map((e) => ({ email: e.email! }));
  body.phones = items(record.phones, ['phone'] as const).filter((p) => p.phone).map((p) => ({ phone: p.phone! }));
  body.addresses = items(record.addresses, ['line1', 'postcode', 'city'] as const)
    .filter((a) => a.line1 || a.postcode || a.city)
    .map((a) => ({ line1: a.line1 ?? '', postcode: a.postcode ?? null, city: a.city ?? '' }));
  return body as PartyBody;
}
