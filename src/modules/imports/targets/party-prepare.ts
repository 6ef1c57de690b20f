/**
 * One mapped row of a people or organisations file → a checked record. Cells are converted with the import's
 * options (French dates and decimal commas by default, labels of coded values), assembled into the body the API
 * would accept, and checked by the same rules as a record typed in the app (`readPartyBody`: phones to E.164,
 * postcodes, SIRET checksum, custom fields). Every problem names the column and the value it came from.
 */
import { Compile } from 'typebox/compile';
import type { FieldIssue } from '../../../platform/errors.ts';
import { normaliseEmail } from '../../../shared/contact/email.ts';
import { formatCustomerNumber, parseCustomerNumber } from '../../../shared/identifiers/customer-number.ts';
import type { CustomFieldFull } from '../../custom-fields/custom-field-service.ts';
import { readPartyBody, type PartyInput } from '../../parties/party-input.ts';
import { OrganisationCreate, PersonCreate, type PartyBody, type PartyKind, type PartyRole } from '../../parties/party-schemas.ts';
import type { BatchOptions, MappedRow, PreparedRow, RowIssue } from '../import-types.ts';
import { parseBoolean, parseDate, parseInteger, parseNumber, splitList } from '../mapping/convert.ts';
import { readAddresses, readContactPoints } from './party-contact-cells.ts';
import * as labels from './party-values.ts';

/** What a people or organisations row becomes: the API body, its checked database values, and the import extras. */
export interface PartyImportRecord {
  kind: PartyKind;
  /** The body as the API would take it (the duplicate check reads it). */
  body: PartyBody;
  /** The checked values, as stored. */
  input: PartyInput;
  externalId: string | null;
  /** A customer number to match on, formatted. */
  customerNumber: string | null;
  /** People: the employer's name and the function held there. */
  organisation: string | null;
  jobTitle: string | null;
  /** The email of the user to own the record (checked against the users when written). */
  ownerEmail: string | null;
  /** Where each value of the body came from (the preview and the problems found while writing read it). */
  origins: Origins;
  /** Field key → column title, to name the column of a problem found while writing. */
  columns: ReadonlyMap<string, string>;
  /** The column the match value came from. */
  matchColumn: string | null;
}

/** Where a value of the body came from: the field key (hence the column) and the cell text. */
export type Origins = Map<string, { key: string; value: string }>;

/** Where the value each match key reads sits in the body. */
const MATCH_ORIGINS: Partial<Record<string, string>> = { email: 'body.emails[0].email', phone: 'body.phones[0].phone', siret: 'body.siret' };

const validators = { person: Compile(PersonCreate), organisation: Compile(OrganisationCreate) };

const PLAIN_TEXT: Record<string, keyof PartyBody> = {
  firstName: 'firstName',
  lastName: 'lastName',
  legalName: 'legalName',
  tradeName: 'tradeName',
  siren: 'siren',
  siret: 'siret',
  nafCode: 'nafCode',
  website: 'website',
  notes: 'notes',
};

const CODED: Record<string, [keyof PartyBody, (text: string) => labels.Read<string>]> = {
  civility: ['civility', labels.readCivility],
  gender: ['gender', labels.readGender],
  pcsGroup: ['pcsGroup', labels.readPcsGroup],
  familySituation: ['familySituation', labels.readFamilySituation],
  headcountBand: ['headcountBand', labels.readHeadcountBand],
  language: ['language', labels.readLanguage],
};

const nonBlank = (cells: readonly string[] | undefined) => (cells ?? []).map((c) => c.trim()).filter((c) => c !== '');

/** The instance path of a schema error as the API names fields: '/emails/0/email' → 'body.emails[0].email'. */
function bodyPath(instancePath: string): string {
  return `body${instancePath.replace(/\/(\d+)/g, '[$1]').replace(/\//g, '.')}`;
}

/** Converts and checks one row for a party of `kind`; never throws on any cell text. */
export function preparePartyRow(
  kind: PartyKind,
  row: MappedRow,
  options: BatchOptions,
  customFields: ReadonlyMap<string, CustomFieldFull>,
): PreparedRow<PartyImportRecord> {
  const issues: RowIssue[] = [];
  const columnOf = (key: string) => row.columns.get(key) ?? key;
  const problem = (key: string, value: string | null, reason: string): void => {
    issues.push({ rowNumber: row.rowNumber, column: columnOf(key), value, reason });
  };
  const body: PartyBody = {};
  const record: PartyImportRecord = {
    kind,
    body,
    input: { columns: {} },
    externalId: null,
    customerNumber: null,
    organisation: null,
    jobTitle: null,
    ownerEmail: null,
    origins: new Map(),
    columns: row.columns,
    matchColumn: null,
  };
  const origins = record.origins;
  const { dateOrder, decimalSeparator, listSeparator } = options.conversion;
  const list = (key: string, cells: string[]) => {
    const items: string[] = [];
    for (const cell of cells) {
      const result = splitList(cell, listSeparator);
      if ('error' in result) problem(key, cell, result.error);
      else items.push(...result.value.map((item) => item.trim()).filter((item) => item !== ''));
    }
    return [...new Set(items)];
  };

  for (const [key, raw] of row.values) {
    const cells = nonBlank(raw);
    if (cells.length === 0) continue;
    const first = cells[0]!;
    const set = <K extends keyof PartyBody>(field: K, value: PartyBody[K], text = first) => {
      body[field] = value;
      origins.set(`body.${String(field)}`, { key, value: text });
    };
    if (key in PLAIN_TEXT) {
      set(PLAIN_TEXT[key]!, cells.join(key === 'notes' ? '\n' : ' '));
    } else if (key in CODED) {
      const [field, read] = CODED[key]!;
      const result = read(first);
      if ('error' in result) problem(key, first, result.error);
      else set(field, result.value as never);
    } else if (key === 'fullName') {
      origins.set('fullName', { key, value: first });
    } else if (key === 'birthDate') {
      const result = parseDate(first, dateOrder);
      if ('error' in result) problem(key, first, result.error);
      else set('birthDate', result.value);
    } else if (key === 'childrenCount') {
      const result = parseInteger(first);
      if ('error' in result) problem(key, first, result.error);
      else set('childrenCount', result.value);
    } else if (key === 'annualRevenue') {
      const result = parseNumber(first, decimalSeparator);
      if ('error' in result) problem(key, first, result.error);
      else set('annualRevenue', result.value);
    } else if (key === 'doNotContact') {
      const result = parseBoolean(first);
      if ('error' in result) problem(key, first, result.error);
      else set('doNotContact', result.value);
    } else if (key === 'tags' || key === 'interests') {
      set(key, list(key, cells), cells.join(' '));
    } else if (key === 'roles') {
      const roles: PartyRole[] = [];
      for (const item of list(key, cells)) {
        const result = labels.readRole(item);
        if ('error' in result) problem(key, item, result.error);
        else if (!roles.includes(result.value as PartyRole)) roles.push(result.value as PartyRole);
      }
      set('roles', roles, cells.join(' '));
    } else if (key === 'externalId') {
      if (first.length > 200) problem(key, first, 'must be at most 200 characters');
      else record.externalId = first;
    } else if (key === 'customerNumber') {
      const parsed = parseCustomerNumber(first);
      if (!parsed) problem(key, first, 'is not a customer number such as C-000123-18 (or its check digits do not match)');
      else record.customerNumber = formatCustomerNumber(parsed.prefix, parsed.sequence);
    } else if (key === 'organisation' || key === 'jobTitle') {
      if (first.length > 200) problem(key, first, 'must be at most 200 characters');
      else record[key] = first;
    } else if (key === 'owner') {
      const result = normaliseEmail(first);
      if (!result.ok) problem(key, first, `must be the email of a user of this workspace (${result.rule})`);
      else record.ownerEmail = result.email;
    } else if (key.startsWith('custom.')) {
      readCustom(key, cells, customFields.get(key.slice('custom.'.length)));
    }
  }

  function readCustom(key: string, cells: string[], field: CustomFieldFull | undefined): void {
    const first = cells[0]!;
    if (!field) return problem(key, first, 'is not a custom field of this workspace');
    let value: unknown = first;
    if (field.type === 'number' || field.type === 'money') {
      const result = parseNumber(first, decimalSeparator);
      if ('error' in result) return problem(key, first, result.error);
      value = result.value;
    } else if (field.type === 'date') {
      const result = parseDate(first, dateOrder);
      if ('error' in result) return problem(key, first, result.error);
      value = result.value;
    } else if (field.type === 'boolean') {
      const result = parseBoolean(first);
      if ('error' in result) return problem(key, first, result.error);
      value = result.value;
    } else if (field.type === 'choice') {
      value = field.options.find((option) => labels.sameWords(option, first)) ?? first;
    } else if (field.type === 'multi_choice') {
      value = list(key, cells).map((item) => field.options.find((option) => labels.sameWords(option, item)) ?? item);
    }
    body.custom = { ...body.custom, [field.key]: value };
    origins.set(`body.custom.${field.key}`, { key, value: cells.join(' ') });
  }

  const fullName = origins.get('fullName');
  if (kind === 'person' && fullName && (body.lastName === undefined || body.firstName === undefined)) {
    const split = labels.splitFullName(fullName.value);
    if (body.lastName === undefined && split.lastName !== null) {
      body.lastName = split.lastName;
      origins.set('body.lastName', fullName);
      if (body.firstName === undefined && split.firstName !== null) {
        body.firstName = split.firstName;
        origins.set('body.firstName', fullName);
      }
    }
  }
  readContactPoints(kind, row, body, origins);
  readAddresses(kind, row, body, origins, problem);

  const nameField = kind === 'person' ? 'lastName' : 'legalName';
  if (body[nameField] === undefined) {
    const key = kind === 'person' && fullName ? 'fullName' : nameField;
    problem(key, null, kind === 'person' ? 'the last name is required' : 'the legal name is required');
  }

  const fieldIssues: FieldIssue[] = [];
  const checked = new Set<string>();
  const validator = validators[kind];
  for (const error of validator.Check(body) ? [] : validator.Errors(body)) {
    // Nullable fields report each branch of their union; the first error of a field says what is wrong.
    if (error.instancePath === '' || checked.has(error.instancePath) || error.keyword === 'anyOf') continue;
    checked.add(error.instancePath);
    fieldIssues.push({ field: bodyPath(error.instancePath), rule: error.message });
  }
  if (fieldIssues.length === 0) record.input = readPartyBody(kind, body, customFields, fieldIssues);
  for (const issue of fieldIssues) {
    const origin = origins.get(issue.field) ?? origins.get(issue.field.replace(/(\[\d+\]|\.\w+)$/, ''));
    issues.push({
      rowNumber: row.rowNumber,
      column: origin ? columnOf(origin.key) : null,
      value: origin?.value ?? null,
      reason: origin ? issue.rule : `${issue.field.replace(/^body\./, '')} ${issue.rule}`,
    });
  }
  const matchOrigin = options.matchKey ? origins.get(MATCH_ORIGINS[options.matchKey] ?? '') : undefined;
  record.matchColumn = matchOrigin ? columnOf(matchOrigin.key) : options.matchKey ? (row.columns.get(options.matchKey) ?? null) : null;
  return { rowNumber: row.rowNumber, record, matchValue: matchValueOf(record, options), issues };
}

/** The normalised value of the match key in a prepared record (null when the row has none). */
export function matchValueOf(record: PartyImportRecord, options: Pick<BatchOptions, 'matchKey'>): string | null {
  switch (options.matchKey) {
    case 'email':
      return record.input.emails?.[0]?.email ?? null;
    case 'phone':
      return record.input.phones?.[0]?.phone ?? null;
    case 'siret':
      return typeof record.input.columns.siret === 'string' ? record.input.columns.siret : null;
    case 'customerNumber':
      return record.customerNumber;
    case 'externalId':
      return record.externalId;
    default:
      return null;
  }
}
