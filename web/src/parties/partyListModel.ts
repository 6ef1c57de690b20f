/**
 * The people and organisations lists as a pure model: what their URL holds (filters, sort, columns, the view
 * applied), how that becomes the API's query string, how saved views map onto it, and how counts read.
 */
import { HEADCOUNT_BANDS, SOCIO_PROFESSIONAL_GROUPS } from '../../../src/shared/reference/insee.ts';
import { FAMILY_SITUATIONS } from '../../../src/shared/reference/person.ts';
import { NAF_SECTIONS } from '../../../src/shared/identifiers/naf.ts';
import { PARTY_ROLES, type CustomFieldType, type PartyKind, type PartyRole, type SavedView } from './partyTypes.ts';

export const SORT_FIELDS = ['name', 'customerNumber', 'city', 'createdAt', 'updatedAt', 'revenue', 'revenue12m', 'orderCount', 'lastPurchaseAt', 'openBalance'] as const;
export type SortField = (typeof SORT_FIELDS)[number];
export type PartySort = SortField | `-${SortField}`;
export const DEFAULT_SORT: PartySort = 'name';

/** Rows asked for per request while scrolling. */
export const PAGE_SIZE = 100;

/** The owner filter value meaning "whoever is signed in", so that a shared "my customers" view works for all. */
export const OWNER_ME = 'me';

/** The list filters the API knows, as the URL and saved views keep them. */
export interface PartyFilters {
  q?: string;
  role?: PartyRole;
  ownerId?: string;
  teamId?: string;
  city?: string;
  postcode?: string;
  departement?: string;
  region?: string;
  tag?: string;
  doNotContact?: boolean;
  pcsGroup?: string;
  familySituation?: string;
  organisationId?: string;
  headcountBand?: string;
  nafSection?: string;
  /** Custom field conditions: `key=value`, `key>=n`, `key<=n`. */
  custom?: string[];
}

/** Everything the list page keeps in its URL. */
export interface PartyListSearch extends PartyFilters {
  sort?: PartySort;
  /** Column ids, when they differ from the default columns of the kind. */
  columns?: string[];
  /** Id of the saved view the list started from. */
  view?: string;
}

type TextFilter = 'q' | 'city' | 'postcode' | 'departement' | 'region' | 'tag';
const TEXT_LIMITS: Record<TextFilter, number> = { q: 200, city: 120, postcode: 10, departement: 3, region: 3, tag: 60 };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const COLUMN_ID = /^[A-Za-z][A-Za-z0-9_.]{0,60}$/;
export const CUSTOM_CONDITION = /^([a-z][a-z0-9_]{0,39})(=|>=|<=)(.*)$/s;
const MAX_CUSTOM_CONDITIONS = 20;
const MAX_COLUMNS = 60;

const CODES = {
  pcsGroup: SOCIO_PROFESSIONAL_GROUPS.map((g) => g.code as string),
  familySituation: FAMILY_SITUATIONS.map((s) => s.code as string),
  headcountBand: HEADCOUNT_BANDS.map((b) => b.code as string),
  nafSection: NAF_SECTIONS.map((s) => s.letter as string),
};

/** Which filters apply to which kind; the others are left out of that kind's requests. */
const KIND_ONLY: Partial<Record<keyof PartyFilters, PartyKind>> = {
  pcsGroup: 'person',
  familySituation: 'person',
  organisationId: 'person',
  headcountBand: 'organisation',
  nafSection: 'organisation',
};

/** The filter keys, in the order they are written into query strings. */
export const FILTER_KEYS = [
  'q',
  'role',
  'ownerId',
  'teamId',
  'city',
  'postcode',
  'departement',
  'region',
  'tag',
  'doNotContact',
  'pcsGroup',
  'familySituation',
  'organisationId',
  'headcountBand',
  'nafSection',
  'custom',
] as const satisfies readonly (keyof PartyFilters)[];

export function appliesTo(kind: PartyKind, key: keyof PartyFilters): boolean {
  const only = KIND_ONLY[key];
  return only === undefined || only === kind;
}

// TanStack Router reads `?postcode=44000` as the number 44000: take numbers back as text.
function text(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[]): T | undefined {
  const candidate = text(value);
  return candidate !== undefined && (allowed as readonly string[]).includes(candidate) ? (candidate as T) : undefined;
}

function list(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  return value === undefined || value === null ? [] : [value];
}

export function isPartySort(value: unknown): value is PartySort {
  return typeof value === 'string' && SORT_FIELDS.some((field) => value === field || value === `-${field}`);
}

/** Reads the filters from untrusted input (URL or saved view), dropping anything the API would refuse. */
export function parsePartyFilters(search: Record<string, unknown>): PartyFilters {
  const filters: PartyFilters = {};
  for (const key of Object.keys(TEXT_LIMITS) as TextFilter[]) {
    const value = text(search[key]);
    if (value !== undefined && value.length <= TEXT_LIMITS[key]) filters[key] = value;
  }
  const role = oneOf(search.role, PARTY_ROLES);
  if (role) filters.role = role;
  const owner = text(search.ownerId);
  if (owner === OWNER_ME || (owner && UUID.test(owner))) filters.ownerId = owner;
  for (const key of ['teamId', 'organisationId'] as const) {
    const id = text(search[key]);
    if (id && UUID.test(id)) filters[key] = id;
  }
  if (search.doNotContact === true || search.doNotContact === 'true') filters.doNotContact = true;
  if (search.doNotContact === false || search.doNotContact === 'false') filters.doNotContact = false;
  for (const key of ['pcsGroup', 'familySituation', 'headcountBand', 'nafSection'] as const) {
    const code = oneOf(search[key], CODES[key]);
    if (code) filters[key] = code;
  }
  const custom = list(search.custom)
    .map(text)
    .filter((c): c is string => c !== undefined && c.length <= 300 && CUSTOM_CONDITION.test(c))
    .slice(0, MAX_CUSTOM_CONDITIONS);
  if (custom.length > 0) filters.custom = custom;
  return filters;
}

/** The route's `validateSearch`: reads the list's URL, keeping only what makes sense. */
export function parsePartyListSearch(search: Record<string, unknown>): PartyListSearch {
  const result: PartyListSearch = parsePartyFilters(search);
  if (isPartySort(search.sort)) result.sort = search.sort;
  const columns = list(search.columns)
    .filter((c): c is string => typeof c === 'string' && COLUMN_ID.test(c))
    .slice(0, MAX_COLUMNS);
  if (columns.length > 0) result.columns = [...new Set(columns)];
  const view = text(search.view);
  if (view && UUID.test(view)) result.view = view;
  return result;
}

/** Drops what equals the default (sort by name, default columns), so that URLs stay short and comparable. */
export function normaliseSearch(search: PartyListSearch, defaultColumns: readonly string[]): PartyListSearch {
  const result = parsePartyListSearch(search as Record<string, unknown>);
  if (result.sort === DEFAULT_SORT) delete result.sort;
  if (result.columns && sameList(result.columns, defaultColumns)) delete result.columns;
  return result;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

/** The filters of `search` that apply to `kind`, with "me" resolved to the signed-in user. */
export function filtersFor(kind: PartyKind, search: PartyFilters, meId: string | null): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = search[key];
    if (value === undefined || !appliesTo(kind, key)) continue;
    if (key === 'ownerId' && value === OWNER_ME) {
      if (meId) params.append(key, meId);
    } else if (Array.isArray(value)) {
      for (const item of value) params.append(key, item);
    } else {
      params.append(key, String(value));
    }
  }
  return params;
}

/** Query string of a count request: filters only (the count refuses sort and paging). */
export function countQueryString(kind: PartyKind, search: PartyFilters, meId: string | null): string {
  return filtersFor(kind, search, meId).toString();
}

/** Query string of a list request, without its cursor; the same string keys the cached pages. */
export function listQueryString(kind: PartyKind, search: PartyListSearch, meId: string | null, limit = PAGE_SIZE): string {
  const params = filtersFor(kind, search, meId);
  params.set('sort', search.sort ?? DEFAULT_SORT);
  params.set('limit', String(limit));
  return params.toString();
}

/** How many filters are on (the search text is not counted: it shows in its own box). */
export function activeFilterCount(kind: PartyKind, search: PartyFilters): number {
  return FILTER_KEYS.filter((key) => key !== 'q' && key !== 'custom' && search[key] !== undefined && appliesTo(kind, key)).length +
    (search.custom?.length ?? 0);
}

/** The same search without any filter, keeping sort and columns. */
export function clearFilters(search: PartyListSearch): PartyListSearch {
  const { sort, columns } = search;
  return { sort, columns };
}

/** Which way `field` is sorted, or null when the list is sorted by another field. */
export function sortDirection(sort: PartySort, field: SortField): 'ascending' | 'descending' | null {
  if (sort === field) return 'ascending';
  if (sort === `-${field}`) return 'descending';
  return null;
}

/** Clicking a header: sort by it ascending, or flip the direction when it already is the sort. */
export function toggleSort(sort: PartySort, field: SortField): PartySort {
  return sort === field ? `-${field}` : field;
}

export type CustomOperator = '=' | '>=' | '<=';

export interface CustomCondition {
  key: string;
  operator: CustomOperator;
  value: string;
}

export function parseCustomCondition(condition: string): CustomCondition | null {
  const match = CUSTOM_CONDITION.exec(condition);
  if (!match) return null;
  return { key: match[1]!, operator: match[2] as CustomOperator, value: match[3]! };
}

export function formatCustomCondition({ key, operator, value }: CustomCondition): string {
  return `${key}${operator}${value}`;
}

/** The comparisons the API accepts on a custom field type: ranges on numbers, amounts and dates. */
export function operatorsFor(type: CustomFieldType): CustomOperator[] {
  return type === 'number' || type === 'money' || type === 'date' ? ['=', '>=', '<='] : ['='];
}

/** Adds a condition, replacing one with the same field and operator. */
export function withCustomCondition(search: PartyListSearch, condition: CustomCondition): PartyListSearch {
  const others = (search.custom ?? []).filter((c) => {
    const parsed = parseCustomCondition(c);
    return !parsed || parsed.key !== condition.key || parsed.operator !== condition.operator;
  });
  return { ...search, custom: [...others, formatCustomCondition(condition)].slice(0, MAX_CUSTOM_CONDITIONS) };
}

export function withoutCustomCondition(search: PartyListSearch, condition: string): PartyListSearch {
  const custom = (search.custom ?? []).filter((c) => c !== condition);
  return { ...search, custom: custom.length > 0 ? custom : undefined };
}

/** What a saved view stores of the list: its filters, sort and columns (empty columns: the default ones). */
export function viewFromSearch(search: PartyListSearch): Pick<SavedView, 'columns' | 'sort' | 'filters'> {
  const filters: Record<string, unknown> = {};
  for (const key of FILTER_KEYS) if (search[key] !== undefined) filters[key] = search[key];
  return { columns: search.columns ?? [], sort: search.sort ?? null, filters };
}

/** The list as a saved view sets it. */
export function searchFromView(view: Pick<SavedView, 'id' | 'columns' | 'sort' | 'filters'>): PartyListSearch {
  return parsePartyListSearch({ ...view.filters, sort: view.sort ?? undefined, columns: view.columns, view: view.id });
}

/** Whether the list shows something else than the view it started from (then "update the view" makes sense). */
export function differsFromView(search: PartyListSearch, view: Pick<SavedView, 'id' | 'columns' | 'sort' | 'filters'>, defaultColumns: readonly string[]): boolean {
  const a = normaliseSearch(search, defaultColumns);
  const b = normaliseSearch(searchFromView(view), defaultColumns);
  return JSON.stringify(viewFromSearch(a)) !== JSON.stringify(viewFromSearch(b));
}

/** The count as shown above the list: its digits in the locale's grouping, and whether it is a lower bound. */
export function formatCount(count: { count: number; exact: boolean }, locale: string): { value: string; atLeast: boolean } {
  return { value: new Intl.NumberFormat(locale).format(count.count), atLeast: !count.exact };
}
