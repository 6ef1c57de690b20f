/**
 * vCard files (2.1, 3.0 and 4.0, as phones, Outlook, Google and Apple Contacts export them) read as a table:
 * one row per card, in fixed columns. Each card is parsed with ical.js; when it refuses the card, each property
 * is parsed alone so that one broken line costs that property only, named in the row's problems.
 */
import ICAL from 'ical.js';
import type { SourceRow } from '../import-types.ts';
import type { TableStream } from './table.ts';
import { readCards, type RawCard } from './vcard-lines.ts';

/** The columns of a vCard file, in order: the headers of format 'vcard'. */
export const VCARD_COLUMNS: readonly string[] = [
  'FN', 'N family', 'N given', 'N additional', 'N prefix', 'NICKNAME', 'ORG', 'TITLE', 'BDAY', 'GENDER',
  'EMAIL 1', 'EMAIL 1 type', 'EMAIL 2', 'EMAIL 2 type', 'EMAIL 3', 'EMAIL 3 type',
  'TEL 1', 'TEL 1 type', 'TEL 2', 'TEL 2 type', 'TEL 3', 'TEL 3 type',
  'ADR home street', 'ADR home extended', 'ADR home postcode', 'ADR home city', 'ADR home country',
  'ADR work street', 'ADR work extended', 'ADR work postcode', 'ADR work city', 'ADR work country',
  'URL', 'NOTE', 'CATEGORIES', 'UID',
];

const COLUMN = new Map(VCARD_COLUMNS.map((title, index) => [title, index]));

type JsonValue = string | number | null | JsonValue[] | { [key: string]: unknown };
interface Property {
  name: string;
  types: string[];
  values: JsonValue[];
}

/** Opens a vCard file: its fixed columns, then one row per card. */
export async function openVcard(path: string, encoding: string): Promise<TableStream> {
  const cards = readCards(path, encoding);
  async function* rows(): AsyncGenerator<SourceRow> {
    for await (const card of cards) yield cardRow(card);
  }
  return { headers: [...VCARD_COLUMNS], rows: rows(), close: async () => void (await cards.return(undefined)) };
}

/** The row of one card: its properties placed in the fixed columns, with the problems met on the way. */
export function cardRow(card: RawCard): SourceRow {
  const problems = [...card.problems];
  const cells = new Array<string>(VCARD_COLUMNS.length).fill('');
  const set = (column: string, value: string) => (cells[COLUMN.get(column)!] = value.trim());
  const contacts: Record<'EMAIL' | 'TEL', Contact[]> = { EMAIL: [], TEL: [] };
  const addresses = new Set<string>();

  for (const property of parseCard(card.lines, problems)) {
    const text = () => flatten(property.values, ',');
    switch (property.name) {
      case 'fn':
        set('FN', text());
        break;
      case 'n': {
        const parts = structured(property.values);
        set('N family', parts[0] ?? '');
        set('N given', parts[1] ?? '');
        set('N additional', parts[2] ?? '');
        set('N prefix', parts[3] ?? '');
        break;
      }
      case 'nickname':
      case 'title':
      case 'url':
      case 'uid':
        if (cells[COLUMN.get(property.name.toUpperCase())!] === '') set(property.name.toUpperCase(), text());
        break;
      case 'note':
        set('NOTE', text());
        break;
      case 'categories':
        set('CATEGORIES', flatten(property.values, ', '));
        break;
      case 'org':
        set('ORG', structured(property.values)[0] ?? '');
        break;
      case 'bday': {
        const birthday = birthDate(text());
        set('BDAY', birthday.value);
        if (birthday.problem) problems.push(birthday.problem);
        break;
      }
      case 'gender':
        set('GENDER', ({ M: 'male', F: 'female', O: 'other' } as Record<string, string>)[text().slice(0, 1).toUpperCase()] ?? '');
        break;
      case 'email':
      case 'tel':
        contacts[property.name === 'email' ? 'EMAIL' : 'TEL'].push({
          value: text().replace(/^(tel|mailto):/i, ''),
          type: contactType(property.types),
        });
        break;
      case 'adr': {
        const kind = contactType(property.types) === 'work' ? 'work' : 'home';
        if (addresses.has(kind)) break;
        addresses.add(kind);
        const [, extended = '', street = '', city = '', , postcode = '', country = ''] = structured(property.values);
        set(`ADR ${kind} street`, street);
        set(`ADR ${kind} extended`, extended);
        set(`ADR ${kind} postcode`, postcode);
        set(`ADR ${kind} city`, city);
        set(`ADR ${kind} country`, country);
        break;
      }
    }
  }
  for (const kind of ['EMAIL', 'TEL'] as const) {
    slotContacts(contacts[kind], SLOTS[kind]).forEach((contact, index) => {
      if (!contact) return;
      set(`${kind} ${index + 1}`, contact.value);
      set(`${kind} ${index + 1} type`, contact.type);
    });
    for (const left of contacts[kind].filter((contact) => !contact.placed)) problems.push(`${kind} "${left.value}" left out: only 3 are read per card`);
  }
  return { rowNumber: card.position, cells, bytesRead: card.bytesRead, problems };
}

interface Contact {
  value: string;
  type: string;
  placed?: boolean;
}

/**
 * The type each of the 3 columns prefers: the layout preset maps TEL 1 to the mobile, TEL 2 to the work phone,
 * TEL 3 to the home phone (EMAIL 1 personal, 2 work, 3 other), so a typed value goes to its column and the
 * mapping is right for most cards; untyped values, and a second one of a type, fill the columns left free.
 */
const SLOTS = { EMAIL: ['home', 'work', 'other'], TEL: ['mobile', 'work', 'home'] } as const;

function slotContacts(contacts: Contact[], preferred: readonly string[]): Array<Contact | undefined> {
  const slots: Array<Contact | undefined> = [undefined, undefined, undefined];
  for (const contact of contacts) {
    const slot = preferred.indexOf(contact.type);
    if (slot >= 0 && !slots[slot]) {
      slots[slot] = contact;
      contact.placed = true;
    }
  }
  // Faxes last: a fax number is the least likely to be what the user wants in a phone field.
  const rest = contacts.filter((contact) => !contact.placed).sort((a, b) => Number(a.type === 'fax') - Number(b.type === 'fax'));
  for (const contact of rest) {
    const free = slots.findIndex((slot) => !slot);
    if (free < 0) break;
    slots[free] = contact;
    contact.placed = true;
  }
  return slots;
}

/** The card's properties; a property ical.js cannot read is left out and named in `problems`. */
function parseCard(lines: string[], problems: string[]): Property[] {
  const wrap = (body: string[]) => ['BEGIN:VCARD', ...body, 'END:VCARD'].join('\r\n');
  try {
    return properties(ICAL.parse(wrap(lines)));
  } catch {
    const found: Property[] = [];
    for (const line of lines) {
      try {
        found.push(...properties(ICAL.parse(wrap(['VERSION:3.0', line]))).filter((property) => property.name !== 'version'));
      } catch (error) {
        const name = line.split(/[;:]/)[0]!.slice(0, 40);
        problems.push(`property ${name} could not be read (${(error as Error).message.slice(0, 80)}); the rest of the card was read`);
      }
    }
    return found;
  }
}

function properties(jcard: unknown): Property[] {
  const component = new ICAL.Component(jcard as unknown[]);
  return component.getAllProperties().map((property) => {
    const [name, params, , ...values] = property.toJSON() as [string, { type?: string | string[] }, string, ...JsonValue[]];
    const type = params.type;
    const types = (Array.isArray(type) ? type : type ? [type] : []).flatMap((t) => t.split(',')).map((t) => t.trim().toLowerCase());
    return { name, types, values };
  });
}

/** The components of a structured value (N, ADR, ORG), each flattened to text. */
function structured(values: JsonValue[]): string[] {
  const first = values[0];
  if (!Array.isArray(first)) return [flatten(values, ',')];
  return first.map((part) => flatten([part], ','));
}

function flatten(values: JsonValue[], separator: string): string {
  return values
    .map((value) => (Array.isArray(value) ? flatten(value, ' ') : value === null || typeof value === 'object' ? '' : String(value)))
    .join(separator);
}

/** The kind of an email, phone or address from its TYPE values; '' when the card gives none. */
function contactType(types: string[]): string {
  if (types.some((type) => type === 'cell' || type === 'mobile' || type === 'iphone')) return 'mobile';
  if (types.some((type) => type.includes('fax'))) return 'fax';
  if (types.includes('work')) return 'work';
  if (types.includes('home')) return 'home';
  const meaningful = types.filter((type) => !['pref', 'internet', 'voice', 'x400', 'msg', 'text'].includes(type));
  return meaningful.length > 0 ? 'other' : '';
}

/** BDAY as `YYYY-MM-DD`: "19850415", "1985-04-15" and with a time are read; a day without a year is not. */
function birthDate(text: string): { value: string; problem?: string } {
  const match = /^(\d{4})-?(\d{2})-?(\d{2})(?:T.*)?$/.exec(text.trim());
  if (match) return { value: `${match[1]}-${match[2]}-${match[3]}` };
  if (/^--/.test(text.trim())) return { value: '', problem: `BDAY "${text}" has no year: the birthday cannot be stored` };
  return { value: '', problem: `BDAY "${text}" is not a date` };
}
