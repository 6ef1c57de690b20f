/**
 * vCard 4.0 (RFC 6350) exports: one card per person or organisation, for address books and phones. Text is
 * escaped as the RFC says (backslash, comma, newline everywhere; semicolon too inside the parts of N and ADR),
 * lines end with CRLF and are folded at 75 octets without cutting a UTF-8 character in two.
 */
import type { AddressRow, EmailRow, PhoneRow } from '../parties/party-input.ts';
import type { PartyKind } from '../parties/party-schemas.ts';

export interface VCardParty {
  kind: PartyKind;
  customerNumber: string;
  displayName: string;
  civility: string | null;
  firstName: string | null;
  lastName: string | null;
  legalName: string | null;
  /** A person's current employer, an organisation's own legal name. */
  organisation: string | null;
  birthDate: string | null;
  notes: string | null;
  tags: readonly string[];
  emails: readonly Pick<EmailRow, 'email' | 'type'>[];
  phones: readonly Pick<PhoneRow, 'phone' | 'type'>[];
  addresses: readonly Pick<AddressRow, 'type' | 'line1' | 'line2' | 'postcode' | 'city' | 'country'>[];
}

const MAX_OCTETS = 75;
const CRLF = '\r\n';

const HONORIFICS: Record<string, string> = { mr: 'M.', ms: 'Mme', mx: 'Mx' };
const EMAIL_TYPES: Record<string, string> = { personal: 'home', work: 'work', billing: 'work' };
const PHONE_TYPES: Record<string, string> = { mobile: 'cell', home: 'home,voice', work: 'work,voice', fax: 'fax' };
const ADDRESS_TYPES: Record<string, string> = { home: 'home', work: 'work', head_office: 'work', site: 'work' };

/**
 * A text value escaped for a vCard line. `component` is for the parts of N and ADR, where a semicolon separates
 * parts and so must be escaped too.
 */
export function escapeText(value: string, component = false): string {
  const escaped = value.replace(/\\/g, '\\\\').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
  return component ? escaped.replace(/;/g, '\\;') : escaped;
}

/** A content line folded into lines of at most 75 octets, each continuation starting with one space. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char);
    const limit = parts.length === 0 ? MAX_OCTETS : MAX_OCTETS - 1;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

/** A phone as a `tel:` URI when it is in international form (as Rapport stores valid numbers), else as text. */
function telLine(phone: Pick<PhoneRow, 'phone' | 'type'>): string {
  const type = PHONE_TYPES[phone.type];
  const typeParam = type ? `;TYPE=${type}` : '';
  const compact = phone.phone.replace(/[\s.()-]/g, '');
  if (/^\+[1-9]\d{5,14}$/.test(compact)) return `TEL;VALUE=uri${typeParam}:tel:${compact}`;
  return `TEL${typeParam}:${escapeText(phone.phone)}`;
}

function addressLine(address: VCardParty['addresses'][number]): string {
  const type = ADDRESS_TYPES[address.type];
  // Parts: post office box; extended address; street (the two lines as a list); locality; region; postcode; country.
  const street = [address.line1, address.line2].filter((l): l is string => !!l).map((l) => escapeText(l, true)).join(',');
  const parts = ['', '', street, escapeText(address.city, true), '', escapeText(address.postcode ?? '', true), escapeText(address.country, true)];
  return `ADR${type ? `;TYPE=${type}` : ''}:${parts.join(';')}`;
}

/** One vCard, CRLF line endings included. */
export function vcard(party: VCardParty): string {
  const lines = ['BEGIN:VCARD', 'VERSION:4.0', `KIND:${party.kind === 'organisation' ? 'org' : 'individual'}`];
  lines.push(`FN:${escapeText(party.displayName)}`);
  if (party.kind === 'person') {
    const honorific = party.civility ? (HONORIFICS[party.civility] ?? '') : '';
    lines.push(`N:${[party.lastName ?? '', party.firstName ?? '', '', honorific, ''].map((p) => escapeText(p, true)).join(';')}`);
  }
  if (party.organisation) lines.push(`ORG:${escapeText(party.organisation, true)}`);
  for (const email of party.emails) {
    const type = EMAIL_TYPES[email.type];
    lines.push(`EMAIL${type ? `;TYPE=${type}` : ''}:${escapeText(email.email)}`);
  }
  for (const phone of party.phones) lines.push(telLine(phone));
  for (const address of party.addresses) lines.push(addressLine(address));
  if (party.birthDate && /^\d{4}-\d{2}-\d{2}$/.test(party.birthDate)) lines.push(`BDAY:${party.birthDate.replace(/-/g, '')}`);
  if (party.notes) lines.push(`NOTE:${escapeText(party.notes)}`);
  if (party.tags.length > 0) lines.push(`CATEGORIES:${party.tags.map((tag) => escapeText(tag)).join(',')}`);
  lines.push(`UID;VALUE=text:${escapeText(party.customerNumber)}`);
  lines.push('END:VCARD');
  return lines.map(foldLine).join(CRLF) + CRLF;
}
