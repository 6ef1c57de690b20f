/**
 * Turns a create or update body into database values: emails lower-cased and checked, phones to E.164, French
 * postcodes to their département and région, SIREN/SIRET checked (the SIREN follows from the SIRET), NAF codes
 * normalised, custom fields checked against their definitions. Every problem is collected with the field and
 * the rule it breaks, and thrown together as one 400.
 */
import type { FieldIssue } from '../../platform/errors.ts';
import { normaliseEmail } from '../../shared/contact/email.ts';
import { normalisePhone } from '../../shared/contact/phone.ts';
import { checkFrenchPostcode } from '../../shared/contact/postcode.ts';
import { checkSiren, checkSiret, sirenOfSiret } from '../../shared/identifiers/siren.ts';
import { checkNafCode } from '../../shared/identifiers/naf.ts';
import { HEADCOUNT_BANDS } from '../../shared/reference/insee.ts';
import { checkCustomValue, type CustomFieldDefinition } from '../custom-fields/custom-field-values.ts';
import type { PartyBody, PartyKind } from './party-schemas.ts';

export interface EmailRow {
  email: string;
  type: string;
  valid: boolean;
}
export interface PhoneRow {
  phone: string;
  type: string;
  valid: boolean;
}
export interface AddressRow {
  type: string;
  line1: string;
  line2: string | null;
  postcode: string | null;
  city: string;
  country: string;
  departement: string | null;
  region: string | null;
  valid: boolean;
}

/** Party columns a body may set (snake_case, as stored). */
export type PartyColumns = Record<string, unknown>;

export interface PartyInput {
  columns: PartyColumns;
  emails?: EmailRow[];
  phones?: PhoneRow[];
  addresses?: AddressRow[];
  /** Custom values to set (null removes the key). */
  custom?: Record<string, unknown>;
}

const HEADCOUNT_CODES = new Set<string>(HEADCOUNT_BANDS.map((band) => band.code));

const trimmedOrNull = (value: string | null | undefined) => (value == null || value.trim() === '' ? null : value.trim());

/** Copies the fields present in the body, renamed to their columns. */
function plainColumns(body: PartyBody): PartyColumns {
  const mapping: [keyof PartyBody, string, ((v: never) => unknown)?][] = [
    ['civility', 'civility'],
    ['firstName', 'first_name', trimmedOrNull],
    ['lastName', 'last_name', trimmedOrNull],
    ['birthDate', 'birth_date'],
    ['gender', 'gender'],
    ['pcsGroup', 'pcs_group'],
    ['familySituation', 'family_situation'],
    ['childrenCount', 'children_count'],
    ['childrenBirthYears', 'children_birth_years'],
    ['language', 'language'],
    ['legalName', 'legal_name', trimmedOrNull],
    ['tradeName', 'trade_name', trimmedOrNull],
    ['annualRevenue', 'annual_revenue', (v: number | null) => (v === null ? null : v.toFixed(2))],
    ['tags', 'tags', (v: string[]) => [...new Set(v.map((t) => t.trim()))]],
    ['preferredChannels', 'preferred_channels'],
    ['paymentMethods', 'payment_methods'],
    ['interests', 'interests', (v: string[]) => [...new Set(v.map((t) => t.trim()))]],
    ['notes', 'notes', trimmedOrNull],
    ['doNotContact', 'do_not_contact'],
    ['ownerId', 'owner_id'],
    ['teamId', 'team_id'],
  ];
  const columns: PartyColumns = {};
  for (const [field, column, convert] of mapping) {
    if (body[field] === undefined) continue;
    columns[column] = convert ? convert(body[field] as never) : body[field];
  }
  return columns;
}

function checkBirthDate(value: string, issues: FieldIssue[]): void {
  const date = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || !date.toISOString().startsWith(value)) {
    issues.push({ field: 'body.birthDate', rule: 'must be a real calendar date' });
  } else if (date.getTime() > Date.now()) {
    issues.push({ field: 'body.birthDate', rule: 'must not be in the future' });
  } else if (date.getUTCFullYear() < 1900) {
    issues.push({ field: 'body.birthDate', rule: 'must be in 1900 or later' });
  }
}

function checkWebsite(value: string, issues: FieldIssue[]): string | null {
  const text = value.trim();
  if (text === '') return null;
  const withScheme = /^https?:\/\//i.test(text) ? text : `https://${text}`;
  try {
    const url = new URL(withScheme);
    if (url.hostname.includes('.')) return url.toString().replace(/\/$/, '');
  } catch {
    // reported below
  }
  issues.push({ field: 'body.website', rule: 'must be a web address such as https://example.fr' });
  return null;
}

function emailRows(list: NonNullable<PartyBody['emails']>, issues: FieldIssue[]): EmailRow[] {
  return list.map((item, i) => {
    const result = normaliseEmail(item.email);
    if (!result.ok) issues.push({ field: `body.emails[${i}].email`, rule: result.rule });
    return { email: result.ok ? result.email : item.email, type: item.type ?? 'personal', valid: item.valid ?? true };
  });
}

function phoneRows(list: NonNullable<PartyBody['phones']>, issues: FieldIssue[]): PhoneRow[] {
  return list.map((item, i) => {
    const result = normalisePhone(item.phone);
    if (!result.ok) issues.push({ field: `body.phones[${i}].phone`, rule: result.rule });
    return { phone: result.ok ? result.e164 : item.phone, type: item.type ?? 'mobile', valid: item.valid ?? true };
  });
}

function addressRows(list: NonNullable<PartyBody['addresses']>, issues: FieldIssue[]): AddressRow[] {
  return list.map((item, i) => {
    const country = (item.country ?? 'FR').toUpperCase();
    let postcode = trimmedOrNull(item.postcode);
    let departement: string | null = null;
    let region: string | null = null;
    if (country === 'FR') {
      if (postcode === null) {
        issues.push({ field: `body.addresses[${i}].postcode`, rule: 'is required for an address in France' });
      } else {
        const result = checkFrenchPostcode(postcode);
        if (result.ok) {
          postcode = result.postcode;
          departement = result.departement.code;
          region = result.region?.code ?? null;
        } else {
          issues.push({ field: `body.addresses[${i}].postcode`, rule: result.rule });
        }
      }
    }
    return {
      type: item.type ?? 'home',
      line1: item.line1.trim(),
      line2: trimmedOrNull(item.line2),
      postcode,
      city: item.city.trim(),
      country,
      departement,
      region,
      valid: item.valid ?? true,
    };
  });
}

function organisationColumns(body: PartyBody, columns: PartyColumns, issues: FieldIssue[]): void {
  if (body.siret !== undefined) {
    if (body.siret === null || body.siret.trim() === '') {
      columns.siret = null;
    } else {
      const result = checkSiret(body.siret);
      if (result.ok) {
        columns.siret = result.value;
        columns.siren = sirenOfSiret(result.value);
      } else {
        issues.push({ field: 'body.siret', rule: result.rule });
      }
    }
  }
  if (body.siren !== undefined) {
    if (body.siren === null || body.siren.trim() === '') {
      if (columns.siret == null) columns.siren = null;
    } else {
      const result = checkSiren(body.siren);
      if (!result.ok) issues.push({ field: 'body.siren', rule: result.rule });
      else if (typeof columns.siren === 'string' && columns.siren !== result.value) {
        issues.push({ field: 'body.siren', rule: 'must be the first nine digits of the SIRET' });
      } else columns.siren = result.value;
    }
  }
  if (body.nafCode !== undefined) {
    if (body.nafCode === null || body.nafCode.trim() === '') columns.naf_code = null;
    else {
      const result = checkNafCode(body.nafCode);
      if (result.ok) columns.naf_code = result.value;
      else issues.push({ field: 'body.nafCode', rule: result.rule });
    }
  }
  if (body.headcountBand !== undefined) {
    if (body.headcountBand !== null && !HEADCOUNT_CODES.has(body.headcountBand)) {
      issues.push({ field: 'body.headcountBand', rule: `must be an INSEE head-count band code (${[...HEADCOUNT_CODES].join(', ')})` });
    } else columns.headcount_band = body.headcountBand;
  }
  if (body.website !== undefined) columns.website = body.website === null ? null : checkWebsite(body.website, issues);
}

function customValues(
  kind: PartyKind,
  values: Record<string, unknown>,
  fields: ReadonlyMap<string, CustomFieldDefinition>,
  issues: FieldIssue[],
): Record<string, unknown> {
  const checked: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    const field = fields.get(key);
    if (!field) {
      issues.push({ field: `body.custom.${key}`, rule: `is not a custom field of ${kind === 'person' ? 'people' : 'organisations'}` });
      continue;
    }
    const result = checkCustomValue(field, value);
    if (result.ok) checked[key] = result.value;
    else issues.push({ field: `body.custom.${key}`, rule: result.rule });
  }
  return checked;
}

/** Checks a body for a party of `kind` and converts it; fills `issues` with every problem found. */
export function readPartyBody(
  kind: PartyKind,
  body: PartyBody,
  customFields: ReadonlyMap<string, CustomFieldDefinition>,
  issues: FieldIssue[],
): PartyInput {
  const columns = plainColumns(body);
  if (kind === 'person') {
    if (body.birthDate) checkBirthDate(body.birthDate, issues);
    const years = body.childrenBirthYears;
    if (years && body.childrenCount != null && years.length > body.childrenCount) {
      issues.push({ field: 'body.childrenBirthYears', rule: 'must not list more children than childrenCount' });
    }
    if (years && years.some((year) => year > new Date().getUTCFullYear())) {
      issues.push({ field: 'body.childrenBirthYears', rule: 'must not be in the future' });
    }
  } else {
    organisationColumns(body, columns, issues);
  }
  const input: PartyInput = { columns };
  if (body.emails) input.emails = emailRows(body.emails, issues);
  if (body.phones) input.phones = phoneRows(body.phones, issues);
  if (body.addresses) input.addresses = addressRows(body.addresses, issues);
  if (body.custom) input.custom = customValues(kind, body.custom, customFields, issues);
  return input;
}
