/**
 * The columns a people or organisations list can show: the summary fields the API sends, and every custom field
 * of the kind (`custom.<key>`). Pure: which columns exist, which are shown by default, how wide they are, how
 * their value is read and by which server sort they order.
 */
import type { CustomField, CustomFieldType, PartyKind, PartySummary } from './partyTypes.ts';
import type { SortField } from './partyListModel.ts';

/** How a cell shows its value; the renderer (PartyCells.tsx) has one case per type. */
export type CellType =
  | 'name'
  | 'text'
  | 'code'
  | 'number'
  | 'money'
  | 'day'
  | 'timestamp'
  | 'email'
  | 'phone'
  | 'url'
  | 'boolean'
  | 'roles'
  | 'badges'
  | 'choice'
  | 'ref'
  | 'civility'
  | 'gender'
  | 'pcsGroup'
  | 'familySituation'
  | 'headcountBand'
  | 'nafSection'
  | 'departement'
  | 'region'
  | 'doNotContact'
  | 'alerts';

export interface PartyColumn {
  /** Summary field name, or `custom.<key>`. */
  id: string;
  type: CellType;
  /** Width in pixels: rows have a fixed height, so cells never wrap. */
  width: number;
  /** The server sort a click on the header asks for. */
  sort?: SortField;
  /** Label of a custom field (built-in columns are translated from their id). */
  label?: string;
}

interface BuiltInColumn extends PartyColumn {
  kinds: readonly PartyKind[];
}

const BOTH = ['person', 'organisation'] as const;
const PERSON = ['person'] as const;
const ORGANISATION = ['organisation'] as const;

/** Every built-in column, in the order the column chooser lists them. */
export const BUILT_IN_COLUMNS: readonly BuiltInColumn[] = [
  { id: 'displayName', type: 'name', width: 230, sort: 'name', kinds: BOTH },
  { id: 'customerNumber', type: 'code', width: 130, sort: 'customerNumber', kinds: BOTH },
  { id: 'civility', type: 'civility', width: 90, kinds: PERSON },
  { id: 'firstName', type: 'text', width: 140, kinds: PERSON },
  { id: 'lastName', type: 'text', width: 160, kinds: PERSON },
  { id: 'legalName', type: 'text', width: 220, kinds: ORGANISATION },
  { id: 'tradeName', type: 'text', width: 180, kinds: ORGANISATION },
  { id: 'siren', type: 'code', width: 110, kinds: ORGANISATION },
  { id: 'siret', type: 'code', width: 160, kinds: ORGANISATION },
  { id: 'nafCode', type: 'code', width: 100, kinds: ORGANISATION },
  { id: 'nafSection', type: 'nafSection', width: 210, kinds: ORGANISATION },
  { id: 'headcountBand', type: 'headcountBand', width: 160, kinds: ORGANISATION },
  { id: 'annualRevenue', type: 'money', width: 150, kinds: ORGANISATION },
  { id: 'website', type: 'url', width: 200, kinds: ORGANISATION },
  { id: 'email', type: 'email', width: 220, kinds: BOTH },
  { id: 'phone', type: 'phone', width: 140, kinds: BOTH },
  { id: 'postcode', type: 'code', width: 100, kinds: BOTH },
  { id: 'city', type: 'text', width: 140, sort: 'city', kinds: BOTH },
  { id: 'departement', type: 'departement', width: 170, kinds: BOTH },
  { id: 'region', type: 'region', width: 200, kinds: BOTH },
  { id: 'country', type: 'code', width: 80, kinds: BOTH },
  { id: 'roles', type: 'roles', width: 190, kinds: BOTH },
  { id: 'owner', type: 'ref', width: 140, kinds: BOTH },
  { id: 'team', type: 'ref', width: 150, kinds: BOTH },
  { id: 'tags', type: 'badges', width: 170, kinds: BOTH },
  { id: 'age', type: 'number', width: 80, kinds: PERSON },
  { id: 'birthDate', type: 'day', width: 130, kinds: PERSON },
  { id: 'nextBirthday', type: 'day', width: 150, kinds: PERSON },
  { id: 'gender', type: 'gender', width: 100, kinds: PERSON },
  { id: 'pcsGroup', type: 'pcsGroup', width: 240, kinds: PERSON },
  { id: 'familySituation', type: 'familySituation', width: 170, kinds: PERSON },
  { id: 'childrenCount', type: 'number', width: 90, kinds: PERSON },
  { id: 'language', type: 'code', width: 90, kinds: PERSON },
  { id: 'preferredChannels', type: 'badges', width: 180, kinds: BOTH },
  { id: 'interests', type: 'badges', width: 200, kinds: BOTH },
  { id: 'doNotContact', type: 'doNotContact', width: 130, kinds: BOTH },
  { id: 'activeAlerts', type: 'alerts', width: 170, kinds: BOTH },
  { id: 'metrics.revenue', type: 'money', width: 140, sort: 'revenue', kinds: BOTH },
  { id: 'metrics.revenue12m', type: 'money', width: 150, sort: 'revenue12m', kinds: BOTH },
  { id: 'metrics.margin', type: 'money', width: 140, kinds: BOTH },
  { id: 'metrics.orderCount', type: 'number', width: 110, sort: 'orderCount', kinds: BOTH },
  { id: 'metrics.averageBasket', type: 'money', width: 140, kinds: BOTH },
  { id: 'metrics.lastPurchaseAt', type: 'timestamp', width: 170, sort: 'lastPurchaseAt', kinds: BOTH },
  { id: 'metrics.openBalance', type: 'money', width: 140, sort: 'openBalance', kinds: BOTH },
  { id: 'metrics.latePaymentCount', type: 'number', width: 120, kinds: BOTH },
  { id: 'metrics.lastNps', type: 'number', width: 100, kinds: BOTH },
  { id: 'createdAt', type: 'timestamp', width: 170, sort: 'createdAt', kinds: BOTH },
  { id: 'updatedAt', type: 'timestamp', width: 170, sort: 'updatedAt', kinds: BOTH },
];

/** What a list shows until the user picks columns. */
export const DEFAULT_COLUMNS: Record<PartyKind, readonly string[]> = {
  person: ['displayName', 'activeAlerts', 'customerNumber', 'email', 'phone', 'city', 'roles', 'owner', 'tags', 'metrics.revenue12m'],
  organisation: ['displayName', 'activeAlerts', 'customerNumber', 'siren', 'nafSection', 'headcountBand', 'city', 'roles', 'owner', 'metrics.revenue12m'],
};

export const CUSTOM_PREFIX = 'custom.';

const CUSTOM_CELL: Record<CustomFieldType, { type: CellType; width: number }> = {
  text: { type: 'text', width: 200 },
  url: { type: 'url', width: 200 },
  number: { type: 'number', width: 120 },
  money: { type: 'money', width: 140 },
  date: { type: 'day', width: 130 },
  boolean: { type: 'boolean', width: 110 },
  choice: { type: 'choice', width: 160 },
  multi_choice: { type: 'badges', width: 220 },
};

export function customColumn(field: Pick<CustomField, 'key' | 'label' | 'type'>): PartyColumn {
  return { id: `${CUSTOM_PREFIX}${field.key}`, label: field.label, ...CUSTOM_CELL[field.type] };
}

/** Every column the chooser offers for `kind`: built-in ones first, then the custom fields not archived. */
export function availableColumns(kind: PartyKind, customFields: readonly CustomField[]): PartyColumn[] {
  const builtIn = BUILT_IN_COLUMNS.filter((c) => c.kinds.includes(kind)).map(({ kinds: _kinds, ...column }) => column);
  const custom = customFields
    .filter((f) => f.entity === kind && f.archivedAt === null)
    .toSorted((a, b) => a.position - b.position)
    .map(customColumn);
  return [...builtIn, ...custom];
}

/**
 * The columns to show, in the chosen order: unknown ids (a custom field since archived, a column of the other
 * kind) are skipped, and the name always comes first since it is the link to the record.
 */
export function visibleColumns(kind: PartyKind, chosen: readonly string[] | undefined, customFields: readonly CustomField[]): PartyColumn[] {
  const byId = new Map(availableColumns(kind, customFields).map((c) => [c.id, c]));
  const ids = ['displayName', ...(chosen ?? DEFAULT_COLUMNS[kind]).filter((id) => id !== 'displayName')];
  return [...new Set(ids)].flatMap((id) => byId.get(id) ?? []);
}

/** Shows or hides one column, keeping the order of the others; a new column goes last. */
export function toggleColumn(kind: PartyKind, chosen: readonly string[] | undefined, id: string): string[] {
  const current = [...(chosen ?? DEFAULT_COLUMNS[kind])];
  if (id === 'displayName') return current;
  return current.includes(id) ? current.filter((c) => c !== id) : [...current, id];
}

/** Moves a column one place left (-1) or right (+1) among the chosen ones; the name stays first. */
export function moveColumn(kind: PartyKind, chosen: readonly string[] | undefined, id: string, step: -1 | 1): string[] {
  const current = [...(chosen ?? DEFAULT_COLUMNS[kind])];
  const from = current.indexOf(id);
  const to = from + step;
  if (from < 0 || to < 0 || to >= current.length || current[to] === 'displayName' || id === 'displayName') return current;
  [current[from], current[to]] = [current[to]!, current[from]!];
  return current;
}

/** The raw value of a column in a row, as the API sent it. */
const METRICS_PREFIX = 'metrics.';

export function cellValue(row: PartySummary, columnId: string): unknown {
  if (columnId.startsWith(CUSTOM_PREFIX)) return row.custom[columnId.slice(CUSTOM_PREFIX.length)];
  if (columnId.startsWith(METRICS_PREFIX)) {
    // Amounts arrive as decimal strings; money cells format numbers.
    const value = row.metrics?.[columnId.slice(METRICS_PREFIX.length) as keyof NonNullable<PartySummary['metrics']>] ?? null;
    return typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
  }
  return (row as unknown as Record<string, unknown>)[columnId];
}

/** Total width of the columns, for the table's minimum width. */
export function totalWidth(columns: readonly PartyColumn[]): number {
  return columns.reduce((sum, c) => sum + c.width, 0);
}
