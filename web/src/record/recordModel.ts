/**
 * Changes to one record and what to do when someone else saved it first. Every save sends the version the page
 * read; when the server answers 409 with the record as it is now, these functions line up, field by field, the
 * value the user typed against the value now stored, and build the change to send again once the user chose.
 * Pure: no React, no network.
 */
import type { OrganisationUpdateBody, PersonUpdateBody } from '../../../src/modules/parties/party-schemas.ts';
import type { Party } from '../parties/partyTypes.ts';

/** What the record page may send in a PATCH, the version aside. */
export type PartyChanges = Omit<Partial<PersonUpdateBody> & Partial<OrganisationUpdateBody>, 'version'>;

/** Fields that only travel with another one (the reason for a role change) and are never compared alone. */
const COMPANIONS: Record<string, keyof PartyChanges> = { roleReason: 'roles', lostToCompetitor: 'roles' };

/** One changed field, as the conflict dialog shows it. Custom fields are named `custom.<key>`. */
export interface ConflictRow {
  field: string;
  /** What the user wanted to save. */
  mine: unknown;
  /** What the page had read when the user started editing. */
  base: unknown;
  /** What is stored now. */
  theirs: unknown;
  /** True when the other person changed this very field too. */
  theyChanged: boolean;
  /** True when both ended up with the same value: nothing to choose. */
  same: boolean;
}

export type Choice = 'mine' | 'theirs';

/**
 * The value of `field` in a record, in the shape a PATCH sends it: contact points without the places the server
 * derives, the owner and team as ids, a custom field by its key, null for anything empty.
 */
export function fieldValue(party: Party, field: string): unknown {
  if (field.startsWith('custom.')) return party.custom[field.slice('custom.'.length)] ?? null;
  switch (field) {
    case 'ownerId':
      return party.owner?.id ?? null;
    case 'teamId':
      return party.team?.id ?? null;
    case 'emails':
      return party.emails.map(({ email, type, valid }) => ({ email, type, valid }));
    case 'phones':
      return party.phones.map(({ phone, type, valid }) => ({ phone, type, valid }));
    case 'addresses':
      return party.addresses.map(({ type, line1, line2, postcode, city, country, valid }) => ({
        type,
        line1,
        line2,
        postcode,
        city,
        country,
        valid,
      }));
    default:
      return (party as unknown as Record<string, unknown>)[field] ?? null;
  }
}

/** The fields a change touches, custom fields one by one, companions left out. */
export function changedFields(changes: PartyChanges): string[] {
  const fields: string[] = [];
  for (const [field, value] of Object.entries(changes)) {
    if (value === undefined || field in COMPANIONS) continue;
    if (field === 'custom') fields.push(...Object.keys(value as object).map((key) => `custom.${key}`));
    else fields.push(field);
  }
  return fields;
}

/** The value a change sends for one of `changedFields`, null for an empty one. */
export function changedValue(changes: PartyChanges, field: string): unknown {
  if (field.startsWith('custom.')) return changes.custom?.[field.slice('custom.'.length)] ?? null;
  return (changes as Record<string, unknown>)[field] ?? null;
}

/** Whether two values are the same for the user: key order, `undefined` against null and '' against null ignored. */
export function sameValue(a: unknown, b: unknown): boolean {
  return stableJson(a) === stableJson(b);
}

function stableJson(value: unknown): string {
  return JSON.stringify(normalise(value));
}

function normalise(value: unknown): unknown {
  if (value === undefined || value === '') return null;
  if (Array.isArray(value)) return value.map(normalise);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, normalise(v)]),
    );
  }
  return value;
}

/** Lines up, for each field the user changed, their value, the value they had read and the value stored now. */
export function conflictRows(changes: PartyChanges, base: Party, current: Party): ConflictRow[] {
  return changedFields(changes).map((field) => {
    const mine = changedValue(changes, field);
    const baseValue = fieldValue(base, field);
    const theirs = fieldValue(current, field);
    return { field, mine, base: baseValue, theirs, theyChanged: !sameValue(baseValue, theirs), same: sameValue(mine, theirs) };
  });
}

/** The choice each row starts with: the user's own value, since that is what they were saving. */
export function defaultChoices(rows: readonly ConflictRow[]): Record<string, Choice> {
  return Object.fromEntries(rows.map((row) => [row.field, 'mine' as Choice]));
}

/**
 * The change to send on top of the current version: the fields where the user kept their value (and which still
 * differ from what is stored), with their companions. Null when there is nothing left to save.
 */
export function mergeChanges(changes: PartyChanges, rows: readonly ConflictRow[], choices: Record<string, Choice>): PartyChanges | null {
  const merged: Record<string, unknown> = {};
  const custom: Record<string, unknown> = {};
  for (const row of rows) {
    if ((choices[row.field] ?? 'mine') !== 'mine' || row.same) continue;
    if (row.field.startsWith('custom.')) custom[row.field.slice('custom.'.length)] = row.mine;
    else merged[row.field] = (changes as Record<string, unknown>)[row.field];
  }
  for (const [companion, owner] of Object.entries(COMPANIONS)) {
    const value = (changes as Record<string, unknown>)[companion];
    if (owner in merged && value !== undefined) merged[companion] = value;
  }
  if (Object.keys(custom).length > 0) merged.custom = custom;
  return Object.keys(merged).length === 0 ? null : (merged as PartyChanges);
}

/** "Keep mine": everything the user changed, sent again as it was, on top of the current version. */
export function keepMine(changes: PartyChanges): PartyChanges {
  return changes;
}

/** The list with the entry at `index` moved first: the first entry of a contact list is the primary one. */
export function makePrimary<T>(list: readonly T[], index: number): T[] {
  const item = list[index];
  if (item === undefined || index === 0) return [...list];
  return [item, ...list.slice(0, index), ...list.slice(index + 1)];
}

/** The list without the entry at `index`. */
export function removeAt<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}

/** The list with the entry at `index` changed by `patch`. */
export function updateAt<T>(list: readonly T[], index: number, patch: Partial<T>): T[] {
  return list.map((item, i) => (i === index ? { ...item, ...patch } : item));
}

/** "2012, 2015" → [2012, 2015]; anything that is not a plausible year is dropped. */
export function parseYears(values: readonly string[]): number[] {
  return values.map((v) => Number(v.trim())).filter((year) => Number.isInteger(year) && year >= 1900 && year <= 2100);
}

/** A number typed in an input ('' or not a number → null). */
export function numberOrNull(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  const number = typeof value === 'number' ? value : Number(String(value).replace(',', '.').replace(/\s/g, ''));
  return Number.isFinite(number) ? number : null;
}

/** A text typed in an input, trimmed; empty → null. */
export function textOrNull(value: string | null | undefined): string | null {
  const text = value?.trim() ?? '';
  return text === '' ? null : text;
}
