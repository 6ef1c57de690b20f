/**
 * Emails, phones and postal addresses of a row: each email and phone column adds its values with its type (a cell
 * may hold several, as Google Contacts writes them, "a@x.fr ::: b@y.fr"), and the address columns of one kind
 * (home, work, head office) form one address.
 */
import type { PartyBody, PartyKind } from '../../parties/party-schemas.ts';
import type { MappedRow } from '../import-types.ts';
import type { Origins } from './party-prepare.ts';
import { readCountry } from './party-values.ts';

type Problem = (key: string, value: string | null, reason: string) => void;
type Address = NonNullable<PartyBody['addresses']>[number];
type AddressType = NonNullable<Address['type']>;

/** Field key → stored type, in the order the values are listed (the first value is the primary one). */
const EMAIL_KEYS: Record<PartyKind, [string, 'personal' | 'work' | 'billing' | 'other'][]> = {
  person: [['email', 'personal'], ['email.work', 'work'], ['email.other', 'other']],
  organisation: [['email', 'work']],
};
const PHONE_KEYS: Record<PartyKind, [string, 'mobile' | 'home' | 'work' | 'fax' | 'other'][]> = {
  person: [['phone.mobile', 'mobile'], ['phone.home', 'home'], ['phone.work', 'work'], ['phone.other', 'other']],
  organisation: [['phone', 'work']],
};
const ADDRESS_KEYS: Record<PartyKind, [string, AddressType][]> = {
  person: [['address', 'home'], ['workAddress', 'work']],
  organisation: [['address', 'head_office']],
};

const EMAIL_SEPARATORS = /\s*(?:;|,|\s:::\s)\s*/;
const PHONE_SEPARATORS = /\s*(?:;|\s:::\s)\s*/;

function cellValues(row: MappedRow, key: string, separators: RegExp): string[] {
  return (row.values.get(key) ?? []).flatMap((cell) => cell.split(separators)).map((v) => v.trim()).filter((v) => v !== '');
}

/** Adds the row's emails and phones to the body, each once, remembering the column each came from. */
export function readContactPoints(kind: PartyKind, row: MappedRow, body: PartyBody, origins: Origins): void {
  const emails: NonNullable<PartyBody['emails']> = [];
  const seenEmails = new Set<string>();
  for (const [key, type] of EMAIL_KEYS[kind]) {
    for (const email of cellValues(row, key, EMAIL_SEPARATORS)) {
      if (seenEmails.has(email.toLowerCase())) continue;
      seenEmails.add(email.toLowerCase());
      origins.set(`body.emails[${emails.length}].email`, { key, value: email });
      emails.push({ email, type });
    }
  }
  if (emails.length > 0) body.emails = emails;

  const phones: NonNullable<PartyBody['phones']> = [];
  const seenPhones = new Set<string>();
  for (const [key, type] of PHONE_KEYS[kind]) {
    for (const phone of cellValues(row, key, PHONE_SEPARATORS)) {
      const digits = phone.replace(/\D/g, '');
      if (seenPhones.has(digits)) continue;
      seenPhones.add(digits);
      origins.set(`body.phones[${phones.length}].phone`, { key, value: phone });
      phones.push({ phone, type });
    }
  }
  if (phones.length > 0) body.phones = phones;
}

const PARTS = ['line1', 'line2', 'postcode', 'city', 'country'] as const;

/** Adds the row's addresses to the body; an address needs its street line and its city. */
export function readAddresses(kind: PartyKind, row: MappedRow, body: PartyBody, origins: Origins, problem: Problem): void {
  const addresses: Address[] = [];
  for (const [prefix, type] of ADDRESS_KEYS[kind]) {
    const parts: Partial<Record<(typeof PARTS)[number], string>> = {};
    for (const part of PARTS) {
      const text = (row.values.get(`${prefix}.${part}`) ?? []).map((c) => c.trim()).filter((c) => c !== '').join(' ');
      if (text !== '') parts[part] = text;
    }
    const given = PARTS.filter((part) => parts[part] !== undefined);
    if (given.length === 0) continue;
    const firstKey = `${prefix}.${given[0]}`;
    const missing = (['line1', 'city'] as const).filter((part) => parts[part] === undefined);
    if (missing.length > 0) {
      const names = missing.map((part) => (part === 'line1' ? 'street line' : 'city'));
      problem(firstKey, parts[given[0]!]!, `the address has no ${names.join(' and no ')}: it needs both (map ${missing.map((p) => `${prefix}.${p}`).join(' and ')})`);
      continue;
    }
    let country = 'FR';
    if (parts.country !== undefined) {
      const result = readCountry(parts.country);
      if ('error' in result) {
        problem(`${prefix}.country`, parts.country, result.error);
        continue;
      }
      country = result.value;
    }
    const index = addresses.length;
    for (const part of given) origins.set(`body.addresses[${index}].${part}`, { key: `${prefix}.${part}`, value: parts[part]! });
    origins.set(`body.addresses[${index}]`, { key: firstKey, value: parts[given[0]!]! });
    addresses.push({
      type,
      line1: parts.line1!,
      line2: parts.line2 ?? null,
      postcode: parts.postcode ?? null,
      city: parts.city!,
      country,
    });
  }
  if (addresses.length > 0) body.addresses = addresses;
}
