/**
 * Which values survive when two records of the same customer become one. Pure functions over plain values, so
 * the preview, the merge and the tests all compute exactly the same answer.
 *
 * - Single-valued fields follow the strategy: `most_recent` takes the value of the record changed last unless it
 *   is blank, `most_complete` (and `manual` for fields not picked) takes the non-blank value, the survivor's when
 *   both have one; a pick ('survivor' | 'absorbed') always wins, even a blank.
 * - Emails, phones and addresses are united, compared in their normal form, the survivor's first.
 * - Tags, interests, roles, preferred channels and payment methods are united.
 * - Custom fields: the survivor's values, the absorbed record's filling the blanks.
 * - Consent: per channel and purpose the most restrictive answer, and do-not-contact if either says so.
 */
import type { AddressRow, EmailRow, PhoneRow } from '../parties/party-input.ts';
import { fold, normaliseAddressLine, normaliseEmailAddress, normalisePhoneDigits, normalisePostcode } from './normalise.ts';

export const MERGE_STRATEGIES = ['most_recent', 'most_complete', 'manual'] as const;
export type MergeStrategy = (typeof MERGE_STRATEGIES)[number];
export type Side = 'survivor' | 'absorbed';

/** A single-valued field a merge chooses: its API name, its column and the kinds of record that have it. */
export interface MergeField {
  field: string;
  column: string;
  kinds: readonly ('person' | 'organisation')[];
}

const PERSON = ['person'] as const;
const ORGANISATION = ['organisation'] as const;
const BOTH = ['person', 'organisation'] as const;

export const MERGE_FIELDS: readonly MergeField[] = [
  { field: 'civility', column: 'civility', kinds: PERSON },
  { field: 'firstName', column: 'first_name', kinds: PERSON },
  { field: 'lastName', column: 'last_name', kinds: PERSON },
  { field: 'birthDate', column: 'birth_date', kinds: PERSON },
  { field: 'gender', column: 'gender', kinds: PERSON },
  { field: 'pcsGroup', column: 'pcs_group', kinds: PERSON },
  { field: 'familySituation', column: 'family_situation', kinds: PERSON },
  { field: 'childrenCount', column: 'children_count', kinds: PERSON },
  { field: 'childrenBirthYears', column: 'children_birth_years', kinds: PERSON },
  { field: 'language', column: 'language', kinds: BOTH },
  { field: 'legalName', column: 'legal_name', kinds: ORGANISATION },
  { field: 'tradeName', column: 'trade_name', kinds: ORGANISATION },
  // The SIREN is the first nine digits of the SIRET: it follows the SIRET's choice (see `chooseFields`).
  { field: 'siret', column: 'siret', kinds: ORGANISATION },
  { field: 'siren', column: 'siren', kinds: ORGANISATION },
  { field: 'nafCode', column: 'naf_code', kinds: ORGANISATION },
  { field: 'headcountBand', column: 'headcount_band', kinds: ORGANISATION },
  { field: 'annualRevenue', column: 'annual_revenue', kinds: ORGANISATION },
  { field: 'website', column: 'website', kinds: ORGANISATION },
  { field: 'externalId', column: 'external_id', kinds: BOTH },
  { field: 'notes', column: 'notes', kinds: BOTH },
  { field: 'ownerId', column: 'owner_id', kinds: BOTH },
  { field: 'teamId', column: 'team_id', kinds: BOTH },
];

/** The list columns whose values are united. */
export const UNITED_COLUMNS = ['tags', 'interests', 'roles', 'preferred_channels', 'payment_methods'] as const;

export function mergeFieldsOf(kind: string): MergeField[] {
  return MERGE_FIELDS.filter((f) => (f.kinds as readonly string[]).includes(kind));
}

export type ConsentStatus = 'granted' | 'denied';
export interface ConsentAnswer {
  channel: string;
  purpose: string;
  status: ConsentStatus;
  source: string;
  recorded_at: string;
}

/** One record as the merge sees it: its columns (as stored), when it last changed, its contact points and consent. */
export interface MergeSide {
  columns: Record<string, unknown>;
  updatedAt: string;
  emails: EmailRow[];
  phones: PhoneRow[];
  addresses: AddressRow[];
  consents: ConsentAnswer[];
}

export interface FieldChoice {
  field: string;
  column: string;
  survivorValue: unknown;
  absorbedValue: unknown;
  chosen: Side;
  differs: boolean;
}

export interface Survivorship {
  fields: FieldChoice[];
  /** The survivor's new column values (chosen fields, united lists, custom values, do-not-contact). */
  columns: Record<string, unknown>;
  emails: EmailRow[];
  phones: PhoneRow[];
  addresses: AddressRow[];
  consents: ConsentAnswer[];
}

/** Null, undefined, a text of spaces and an empty list are blank. */
export function isBlank(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (isBlank(a) && isBlank(b)) return true;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The side a strategy takes for one field, before picks. */
function strategyChoice(strategy: MergeStrategy, survivorValue: unknown, absorbedValue: unknown, absorbedIsNewer: boolean): Side {
  if (strategy === 'most_recent') {
    const newer: Side = absorbedIsNewer ? 'absorbed' : 'survivor';
    const newerValue = absorbedIsNewer ? absorbedValue : survivorValue;
    if (!isBlank(newerValue)) return newer;
    return newer === 'absorbed' ? 'survivor' : 'absorbed';
  }
  return isBlank(survivorValue) && !isBlank(absorbedValue) ? 'absorbed' : 'survivor';
}

/** The single-valued fields of `kind` with the side each comes from. */
export function chooseFields(
  kind: string,
  survivor: MergeSide,
  absorbed: MergeSide,
  strategy: MergeStrategy,
  picks: Readonly<Record<string, Side>> = {},
): FieldChoice[] {
  const absorbedIsNewer = new Date(absorbed.updatedAt).getTime() > new Date(survivor.updatedAt).getTime();
  const choices = mergeFieldsOf(kind).map((f): FieldChoice => {
    const survivorValue = survivor.columns[f.column] ?? null;
    const absorbedValue = absorbed.columns[f.column] ?? null;
    const chosen = picks[f.field] ?? strategyChoice(strategy, survivorValue, absorbedValue, absorbedIsNewer);
    return { field: f.field, column: f.column, survivorValue, absorbedValue, chosen, differs: !sameValue(survivorValue, absorbedValue) };
  });
  // A SIRET and its SIREN travel together unless the SIREN was picked on its own.
  const siret = choices.find((c) => c.field === 'siret');
  const siren = choices.find((c) => c.field === 'siren');
  if (siret && siren && picks.siren === undefined) {
    const siretValue = siret.chosen === 'survivor' ? siret.survivorValue : siret.absorbedValue;
    if (!isBlank(siretValue)) siren.chosen = siret.chosen;
  }
  return choices;
}

/** `first` then the items of `second` whose key is not there yet; items with a blank key are kept once each. */
function unite<T>(first: readonly T[], second: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  const result: T[] = [];
  for (const item of [...first, ...second]) {
    const k = key(item);
    if (k !== '' && seen.has(k)) continue;
    if (k !== '') seen.add(k);
    result.push(item);
  }
  return result;
}

export const emailKey = (e: Pick<EmailRow, 'email'>) => normaliseEmailAddress(e.email);
export const phoneKey = (p: Pick<PhoneRow, 'phone'>) => normalisePhoneDigits(p.phone);
export const addressKey = (a: Pick<AddressRow, 'line1' | 'line2' | 'postcode' | 'city' | 'country'>) =>
  [normaliseAddressLine(a.line1), fold(a.line2), normalisePostcode(a.postcode), fold(a.city), (a.country ?? '').toUpperCase()].join('|');

export function uniteEmails(survivor: readonly EmailRow[], absorbed: readonly EmailRow[]): EmailRow[] {
  return unite(survivor, absorbed, emailKey);
}
export function unitePhones(survivor: readonly PhoneRow[], absorbed: readonly PhoneRow[]): PhoneRow[] {
  return unite(survivor, absorbed, phoneKey);
}
export function uniteAddresses(survivor: readonly AddressRow[], absorbed: readonly AddressRow[]): AddressRow[] {
  return unite(survivor, absorbed, addressKey);
}

/** The distinct values of both lists, the survivor's order first. */
export function uniteValues<T>(survivor: readonly T[] | null | undefined, absorbed: readonly T[] | null | undefined): T[] {
  return [...new Set([...(survivor ?? []), ...(absorbed ?? [])])];
}

/**
 * Current roles of the merged record: the union, except that a customer is no longer a prospect, a lead or a
 * former customer (the same rule a record's own role changes follow), and a lead no longer a prospect.
 */
export function uniteRoles(survivor: readonly string[], absorbed: readonly string[]): string[] {
  const roles = new Set(uniteValues(survivor, absorbed));
  if (roles.has('customer')) ['prospect', 'lead', 'former_customer'].forEach((r) => roles.delete(r));
  if (roles.has('lead')) roles.delete('prospect');
  return [...roles].sort();
}

/** The survivor's custom values, the absorbed record's where the survivor has none. */
export function uniteCustom(survivor: Record<string, unknown>, absorbed: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = { ...survivor };
  for (const [key, value] of Object.entries(absorbed ?? {})) {
    if (isBlank(result[key]) && !isBlank(value)) result[key] = value;
  }
  return result;
}

/**
 * How permissive an answer is. No answer counts between a refusal and a consent: campaigns treat it as no, but
 * it may still be asked. The merged answer is the least permissive of the two, so a merge never turns a refusal
 * or an unanswered channel into a consent.
 */
const PERMISSIVENESS: Record<ConsentStatus | 'unknown', number> = { denied: 0, unknown: 1, granted: 2 };

export function consentLevel(answer: { status: ConsentStatus } | undefined): number {
  return PERMISSIVENESS[answer?.status ?? 'unknown'];
}

/** Per channel and purpose, the most restrictive answer (the survivor's when both say the same). */
export function uniteConsents(survivor: readonly ConsentAnswer[], absorbed: readonly ConsentAnswer[]): ConsentAnswer[] {
  const pairs = new Set([...survivor, ...absorbed].map((c) => `${c.channel}/${c.purpose}`));
  const result: ConsentAnswer[] = [];
  for (const pair of [...pairs].sort()) {
    const mine = survivor.find((c) => `${c.channel}/${c.purpose}` === pair);
    const theirs = absorbed.find((c) => `${c.channel}/${c.purpose}` === pair);
    const kept = consentLevel(theirs) < consentLevel(mine) ? theirs : mine;
    if (kept) result.push(kept);
  }
  return result;
}

/** Everything the survivor becomes. */
export function survive(
  kind: string,
  survivor: MergeSide,
  absorbed: MergeSide,
  strategy: MergeStrategy,
  picks: Readonly<Record<string, Side>> = {},
): Survivorship {
  const fields = chooseFields(kind, survivor, absorbed, strategy, picks);
  const columns: Record<string, unknown> = {};
  for (const choice of fields) columns[choice.column] = choice.chosen === 'survivor' ? choice.survivorValue : choice.absorbedValue;
  for (const column of UNITED_COLUMNS) {
    const mine = (survivor.columns[column] ?? []) as string[];
    const theirs = (absorbed.columns[column] ?? []) as string[];
    columns[column] = column === 'roles' ? uniteRoles(mine, theirs) : uniteValues(mine, theirs);
  }
  columns.custom = uniteCustom((survivor.columns.custom ?? {}) as Record<string, unknown>, (absorbed.columns.custom ?? {}) as Record<string, unknown>);
  columns.do_not_contact = survivor.columns.do_not_contact === true || absorbed.columns.do_not_contact === true;
  return {
    fields,
    columns,
    emails: uniteEmails(survivor.emails, absorbed.emails),
    phones: unitePhones(survivor.phones, absorbed.phones),
    addresses: uniteAddresses(survivor.addresses, absorbed.addresses),
    consents: uniteConsents(survivor.consents, absorbed.consents),
  };
}

/** How many of a record's fields and contact points are filled: the more complete record is the better survivor. */
export function completeness(side: MergeSide, kind: string): number {
  const filled = mergeFieldsOf(kind).filter((f) => !isBlank(side.columns[f.column])).length;
  return filled + side.emails.length + side.phones.length + side.addresses.length + side.consents.length;
}

/** The side to keep when nobody chose: the more complete record, the older one when equal. */
export function chooseSurvivor<T extends MergeSide & { createdAt: string }>(kind: string, a: T, b: T): { survivor: T; absorbed: T } {
  const difference = completeness(a, kind) - completeness(b, kind);
  const aFirst = difference > 0 || (difference === 0 && new Date(a.createdAt).getTime() <= new Date(b.createdAt).getTime());
  return aFirst ? { survivor: a, absorbed: b } : { survivor: b, absorbed: a };
}
