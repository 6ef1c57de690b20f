/**
 * The cases screens as a pure model: what the queue's URL holds and how it becomes the API's query, how SLA
 * states are coloured, how a time left reads, and the hours ↔ minutes of the SLA settings form.
 */
import {
  CASE_PRIORITIES,
  CASE_STATUSES,
  CASE_TYPES,
  type CasePriority,
  type CaseStatus,
  type CaseType,
  type SlaState,
} from '../../../src/modules/cases/case-reference.ts';
import type { QueryValue } from '../app/api.ts';

export { CASE_CHANNELS, CASE_PRIORITIES, CASE_STATUSES, CASE_TYPES, DEFAULT_SLA } from '../../../src/modules/cases/case-reference.ts';

export const CASE_SORTS = ['urgency', '-openedAt', 'openedAt', '-updatedAt', '-number'] as const;
export type CaseSort = (typeof CASE_SORTS)[number];

/** What the queue keeps in its URL. Without `all` or a status, only cases still waiting for work are listed. */
export interface CaseListSearch {
  q?: string;
  status?: CaseStatus;
  priority?: CasePriority;
  type?: CaseType;
  /** A user id, `me` or `none`. */
  assignee?: string;
  breached?: boolean;
  all?: boolean;
  sort?: CaseSort;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function oneOf<T extends string>(values: readonly T[], value: unknown): T | undefined {
  return typeof value === 'string' && (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

const isTrue = (value: unknown) => value === true || value === 'true';

/** Reads the queue's filters from untrusted URL search parameters, dropping anything the API would refuse. */
export function parseCaseListSearch(search: Record<string, unknown>): CaseListSearch {
  const parsed: CaseListSearch = {};
  if (typeof search.q === 'string' && search.q.trim() !== '') parsed.q = search.q.slice(0, 200);
  const status = oneOf(CASE_STATUSES, search.status);
  if (status) parsed.status = status;
  const priority = oneOf(CASE_PRIORITIES, search.priority);
  if (priority) parsed.priority = priority;
  const type = oneOf(CASE_TYPES, search.type);
  if (type) parsed.type = type;
  if (search.assignee === 'me' || search.assignee === 'none' || (typeof search.assignee === 'string' && UUID.test(search.assignee))) {
    parsed.assignee = search.assignee;
  }
  if (isTrue(search.breached)) parsed.breached = true;
  if (isTrue(search.all)) parsed.all = true;
  const sort = oneOf(CASE_SORTS, search.sort);
  if (sort) parsed.sort = sort;
  return parsed;
}

/** The API query of the queue (cursor and limit aside). */
export function caseListQuery(search: CaseListSearch): Record<string, QueryValue> {
  return {
    q: search.q,
    status: search.status,
    open: !search.all && !search.status ? true : undefined,
    priority: search.priority,
    type: search.type,
    assignee: search.assignee,
    breached: search.breached || undefined,
    sort: search.sort,
  };
}

/** Badge colour of each SLA state: breached red, at risk orange, on track green. */
export const SLA_COLORS: Record<SlaState, string> = {
  breached: 'red',
  at_risk: 'orange',
  on_track: 'green',
  met: 'teal',
  none: 'gray',
};

export const PRIORITY_COLORS: Record<CasePriority, string> = { urgent: 'red', high: 'orange', normal: 'blue', low: 'gray' };

export const STATUS_COLORS: Record<CaseStatus, string> = {
  new: 'blue',
  open: 'cyan',
  waiting_customer: 'yellow',
  resolved: 'teal',
  closed: 'gray',
};

export interface DurationUnits {
  day: string;
  hour: string;
  minute: string;
}

/** `125` → `2 h 5 min`, `1500` → `1 d 1 h`: the two largest units, sign ignored. */
export function formatDuration(minutes: number, units: DurationUnits): string {
  const total = Math.abs(Math.trunc(minutes));
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const mins = total % 60;
  const parts: [number, string][] = [
    [days, units.day],
    [hours, units.hour],
    [mins, units.minute],
  ];
  const first = parts.findIndex(([value]) => value > 0);
  if (first === -1) return `0 ${units.minute}`;
  return parts
    .slice(first, first + 2)
    .filter(([value]) => value > 0)
    .map(([value, unit]) => `${value} ${unit}`)
    .join(' ');
}

/** Minutes as hours for the settings form (90 → 1.5). */
export function minutesToHours(minutes: number): number {
  return Math.round((minutes / 60) * 100) / 100;
}

/** Hours typed in the settings form as whole minutes (1.5 → 90), or null when not a positive number. */
export function hoursToMinutes(hours: number | string): number | null {
  const value = typeof hours === 'number' ? hours : Number(String(hours).replace(',', '.'));
  if (!Number.isFinite(value) || value <= 0) return null;
  return Math.max(1, Math.round(value * 60));
}
