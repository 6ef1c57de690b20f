/**
 * The values of a prepared row as they will be stored, by field key, for the import preview: phones in E.164,
 * dates ISO, codes instead of labels, numbers as numbers.
 */
import type { PartyImportRecord } from './party-prepare.ts';

type Stored = string | number | boolean | string[] | null;

const COLUMNS: Record<string, string> = {
  civility: 'civility',
  firstName: 'first_name',
  lastName: 'last_name',
  birthDate: 'birth_date',
  gender: 'gender',
  language: 'language',
  pcsGroup: 'pcs_group',
  familySituation: 'family_situation',
  childrenCount: 'children_count',
  legalName: 'legal_name',
  tradeName: 'trade_name',
  siren: 'siren',
  siret: 'siret',
  nafCode: 'naf_code',
  headcountBand: 'headcount_band',
  website: 'website',
  tags: 'tags',
  interests: 'interests',
  notes: 'notes',
  doNotContact: 'do_not_contact',
};

function add(values: Record<string, Stored>, key: string, value: string): void {
  const current = values[key];
  values[key] = Array.isArray(current) ? [...current, value] : current == null ? value : [String(current), value];
}

/** Field key → stored value for the fields the row fills. */
export function storedValues(record: PartyImportRecord): Record<string, Stored> {
  const origins = record.origins;
  const values: Record<string, Stored> = {};
  const { columns, emails, phones, addresses, custom } = record.input;
  for (const [key, column] of Object.entries(COLUMNS)) {
    if (columns[column] !== undefined) values[key] = columns[column] as Stored;
  }
  if (typeof columns.annual_revenue === 'string') values.annualRevenue = Number(columns.annual_revenue);
  if (record.body.roles) values.roles = record.body.roles;
  emails?.forEach((email, i) => add(values, origins.get(`body.emails[${i}].email`)?.key ?? 'email', email.email));
  phones?.forEach((phone, i) => add(values, origins.get(`body.phones[${i}].phone`)?.key ?? 'phone', phone.phone));
  addresses?.forEach((address, i) => {
    for (const part of ['line1', 'line2', 'postcode', 'city', 'country'] as const) {
      const origin = origins.get(`body.addresses[${i}].${part}`);
      if (origin && address[part] != null) values[origin.key] = address[part];
    }
  });
  for (const [key, value] of Object.entries(custom ?? {})) values[`custom.${key}`] = value as Stored;
  if (origins.has('fullName')) values.fullName = [columns.first_name, columns.last_name].filter(Boolean).join(' ') || null;
  if (record.externalId !== null) values.externalId = record.externalId;
  if (record.customerNumber !== null) values.customerNumber = record.customerNumber;
  if (record.organisation !== null) values.organisation = record.organisation;
  if (record.jobTitle !== null) values.jobTitle = record.jobTitle;
  if (record.ownerEmail !== null) values.owner = record.ownerEmail;
  return values;
}
