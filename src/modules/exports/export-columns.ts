/**
 * The columns an export can hold: the columns of the people and organisations lists (same ids, same values as
 * the list's API answer, so a file shows what the list shows), plus a few only a file needs (every email, phone
 * and address, the notes). Each column knows its value type, which the writers turn into a CSV text, a typed
 * spreadsheet cell or nothing at all.
 */
import type { CustomFieldFull } from '../custom-fields/custom-field-service.ts';
import type { AddressRow, EmailRow, PhoneRow } from '../parties/party-input.ts';
import type { PartyKind, PartySummaryOutput } from '../parties/party-schemas.ts';
import type { FieldIssue } from '../../platform/errors.ts';

/** How a value is written: `date` is YYYY-MM-DD, `timestamp` an ISO instant, `money` a number with two decimals. */
export type ExportValueType = 'text' | 'number' | 'money' | 'date' | 'timestamp' | 'boolean' | 'list';
export type ExportValue = string | number | boolean | string[] | null;

/** A party's contact points, all of them in their order, fetched per page for the columns and cards that need them. */
export interface ExportContact {
  emails: EmailRow[];
  phones: PhoneRow[];
  addresses: AddressRow[];
  /** Name of the organisation a person currently works for. */
  employer: string | null;
}

/** One exported record: the list's presentation of it, its notes, and its contact points when asked for. */
export interface ExportRecord {
  summary: PartySummaryOutput;
  notes: string | null;
  contact: ExportContact | null;
}

export interface ExportColumn {
  id: string;
  type: ExportValueType;
  /** Whether the value needs the record's contact points (fetched only then). */
  needsContact: boolean;
  read(record: ExportRecord): ExportValue;
}

const BOTH: readonly PartyKind[] = ['person', 'organisation'];
const PERSON: readonly PartyKind[] = ['person'];
const ORGANISATION: readonly PartyKind[] = ['organisation'];

interface BuiltIn extends ExportColumn {
  kinds: readonly PartyKind[];
}

type SummaryKey = keyof PartySummaryOutput;
type MetricKey = keyof NonNullable<PartySummaryOutput['metrics']>;

function field(id: SummaryKey, type: ExportValueType, kinds: readonly PartyKind[]): BuiltIn {
  return { id, type, kinds, needsContact: false, read: (r) => asValue(r.summary[id], type) };
}

function metric(key: MetricKey, type: ExportValueType): BuiltIn {
  return { id: `metrics.${key}`, type, kinds: BOTH, needsContact: false, read: (r) => asValue(r.summary.metrics?.[key] ?? null, type) };
}

function ref(id: 'owner' | 'team'): BuiltIn {
  return { id, type: 'text', kinds: BOTH, needsContact: false, read: (r) => r.summary[id]?.name ?? null };
}

function contactList(id: string, read: (contact: ExportContact) => string[]): BuiltIn {
  return { id, type: 'list', kinds: BOTH, needsContact: true, read: (r) => (r.contact ? read(r.contact) : []) };
}

function addressText(a: AddressRow): string {
  return [a.line1, a.line2, [a.postcode, a.city].filter(Boolean).join(' '), a.country].filter(Boolean).join(', ');
}

/** A raw value as its column type wants it; amounts arrive as decimal strings and become numbers. */
function asValue(value: unknown, type: ExportValueType): ExportValue {
  if (value === null || value === undefined) return type === 'list' ? [] : null;
  switch (type) {
    case 'number':
    case 'money': {
      const number = typeof value === 'number' ? value : Number(value);
      return Number.isFinite(number) ? number : null;
    }
    case 'boolean':
      return typeof value === 'boolean' ? value : null;
    case 'list':
      return Array.isArray(value) ? value.map(String) : [String(value)];
    default:
      return String(value);
  }
}

/** The list columns, in the order of the list's column chooser, then the columns only an export offers. */
const BUILT_IN: readonly BuiltIn[] = [
  field('displayName', 'text', BOTH),
  field('customerNumber', 'text', BOTH),
  field('civility', 'text', PERSON),
  field('firstName', 'text', PERSON),
  field('lastName', 'text', PERSON),
  field('legalName', 'text', ORGANISATION),
  field('tradeName', 'text', ORGANISATION),
  field('siren', 'text', ORGANISATION),
  field('siret', 'text', ORGANISATION),
  field('nafCode', 'text', ORGANISATION),
  field('nafSection', 'text', ORGANISATION),
  field('headcountBand', 'text', ORGANISATION),
  field('annualRevenue', 'money', ORGANISATION),
  field('website', 'text', ORGANISATION),
  field('email', 'text', BOTH),
  field('phone', 'text', BOTH),
  field('postcode', 'text', BOTH),
  field('city', 'text', BOTH),
  field('departement', 'text', BOTH),
  field('region', 'text', BOTH),
  field('country', 'text', BOTH),
  field('roles', 'list', BOTH),
  ref('owner'),
  ref('team'),
  field('tags', 'list', BOTH),
  field('age', 'number', PERSON),
  field('birthDate', 'date', PERSON),
  field('nextBirthday', 'date', PERSON),
  field('gender', 'text', PERSON),
  field('pcsGroup', 'text', PERSON),
  field('familySituation', 'text', PERSON),
  field('childrenCount', 'number', PERSON),
  field('language', 'text', PERSON),
  field('preferredChannels', 'list', BOTH),
  field('interests', 'list', BOTH),
  field('doNotContact', 'boolean', BOTH),
  field('activeAlerts', 'list', BOTH),
  metric('revenue', 'money'),
  metric('revenue12m', 'money'),
  metric('margin', 'money'),
  metric('orderCount', 'number'),
  metric('averageBasket', 'money'),
  metric('lastPurchaseAt', 'timestamp'),
  metric('openBalance', 'money'),
  metric('latePaymentCount', 'number'),
  metric('lastNps', 'number'),
  field('createdAt', 'timestamp', BOTH),
  field('updatedAt', 'timestamp', BOTH),
  // Only in exports: every contact point (the list shows the primary ones), and the notes.
  contactList('emails', (c) => c.emails.map((e) => e.email)),
  contactList('phones', (c) => c.phones.map((p) => p.phone)),
  contactList('addresses', (c) => c.addresses.map(addressText)),
  { id: 'notes', type: 'text', kinds: BOTH, needsContact: false, read: (r) => r.notes },
];

/** Columns no list shows, which an export offers on request. */
export const EXPORT_ONLY_COLUMNS: readonly string[] = ['emails', 'phones', 'addresses', 'notes'];

/** What a list shows (and so what an export holds) until the user picks columns: the list's own default. */
export const DEFAULT_COLUMNS: Record<PartyKind, readonly string[]> = {
  person: ['displayName', 'activeAlerts', 'customerNumber', 'email', 'phone', 'city', 'roles', 'owner', 'tags', 'metrics.revenue12m'],
  organisation: ['displayName', 'activeAlerts', 'customerNumber', 'siren', 'nafSection', 'headcountBand', 'city', 'roles', 'owner', 'metrics.revenue12m'],
};

const CUSTOM_PREFIX = 'custom.';

const CUSTOM_TYPES: Record<string, ExportValueType> = {
  number: 'number',
  money: 'money',
  date: 'date',
  boolean: 'boolean',
  multi_choice: 'list',
};

function customColumn(field: CustomFieldFull): ExportColumn {
  const type = CUSTOM_TYPES[field.type] ?? 'text';
  // The presenter has already left out the values of sensitive fields the reader may not see.
  return { id: `${CUSTOM_PREFIX}${field.key}`, type, needsContact: false, read: (r) => asValue(r.summary.custom[field.key], type) };
}

/** Every column id an export of `kind` accepts, built-in ones first, then the custom fields. */
export function exportColumnIds(kind: PartyKind, fields: Map<string, CustomFieldFull>): string[] {
  return [...BUILT_IN.filter((c) => c.kinds.includes(kind)).map((c) => c.id), ...[...fields.keys()].map((key) => `${CUSTOM_PREFIX}${key}`)];
}

export interface ResolveColumnsOptions {
  /** Where the ids came from, for the message naming an unknown one (`query.columns`). */
  field: string;
  /** Unknown ids are refused when the client typed them, and skipped when a saved view kept them (an archived field). */
  strict: boolean;
}

/**
 * The columns to write, in the asked order, the name first as in the list; unknown ids add an issue naming
 * `options.field` when strict.
 */
export function resolveColumns(
  kind: PartyKind,
  ids: readonly string[],
  fields: Map<string, CustomFieldFull>,
  options: ResolveColumnsOptions,
  issues: FieldIssue[],
): ExportColumn[] {
  const byId = new Map<string, ExportColumn>(BUILT_IN.filter((c) => c.kinds.includes(kind)).map((c) => [c.id, c]));
  for (const f of fields.values()) byId.set(`${CUSTOM_PREFIX}${f.key}`, customColumn(f));
  const wanted = [...new Set(['displayName', ...ids])];
  const unknown = wanted.filter((id) => !byId.has(id));
  if (options.strict && unknown.length > 0) {
    issues.push({ field: options.field, rule: `has unknown column ${unknown.join(', ')} (known: ${[...byId.keys()].join(', ')})` });
  }
  return wanted.flatMap((id) => byId.get(id) ?? []);
}
