/**
 * How a timeline entry reads: its translation key, the values the sentence needs, its colour and where it
 * links. Pure, so that every kind and action is checked by unit tests without a browser.
 */
export interface TimelineEntry {
  id: string;
  occurredAt: string;
  kind: string;
  channel: string | null;
  subjectType: string | null;
  subjectId: string | null;
  actor: { id: string | null; label: string | null } | null;
  data: Record<string, unknown>;
  via: { id: string; kind: string; displayName: string } | null;
}

export interface TimelinePage {
  data: TimelineEntry[];
  nextCursor: string | null;
}

/** The kinds offered as filters, grouped as people think of them. */
export const FILTER_GROUPS = {
  interactions: ['interaction'],
  tasks: ['task', 'alert'],
  sales: ['quote', 'order', 'delivery', 'return'],
  billing: ['invoice', 'credit_note', 'payment'],
  service: ['case', 'feedback'],
  record: ['record', 'field_change', 'role', 'consent'],
} as const;
export type FilterGroup = keyof typeof FILTER_GROUPS;

export function kindsOf(groups: readonly FilterGroup[]): string[] {
  return groups.flatMap((group) => FILTER_GROUPS[group]);
}

const COLORS: Record<string, string> = {
  interaction: 'blue',
  task: 'grape',
  alert: 'red',
  quote: 'cyan',
  order: 'teal',
  delivery: 'indigo',
  return: 'orange',
  invoice: 'violet',
  credit_note: 'orange',
  payment: 'green',
  case: 'pink',
  feedback: 'yellow',
  record: 'gray',
  field_change: 'gray',
  role: 'gray',
  consent: 'gray',
};

export function entryColor(entry: Pick<TimelineEntry, 'kind' | 'data'>): string {
  if (entry.kind === 'feedback') {
    const sentiment = entry.data.sentiment;
    if (sentiment === 'negative') return 'red';
    if (sentiment === 'positive') return 'green';
  }
  if (entry.kind === 'payment' && typeof entry.data.daysLate === 'number' && entry.data.daysLate > 0) return 'orange';
  return COLORS[entry.kind] ?? 'gray';
}

/** Known actions per kind; an entry with another action reads with the kind's generic sentence. */
const ACTIONS: Record<string, readonly string[]> = {
  interaction: ['created'],
  task: ['created', 'completed', 'cancelled'],
  alert: ['raised', 'resolved'],
  quote: ['created', 'sent', 'accepted', 'declined', 'expired', 'status_changed'],
  order: ['created', 'status_changed', 'cancelled'],
  delivery: ['created', 'status_changed'],
  return: ['requested', 'status_changed'],
  invoice: ['issued', 'status_changed', 'cancelled'],
  credit_note: ['issued'],
  payment: ['received'],
  case: ['opened', 'status_changed', 'resolved', 'assigned'],
  feedback: ['received'],
  record: ['created'],
  field_change: ['changed'],
  role: ['changed'],
  consent: ['changed'],
};

/** The i18n key of the entry's sentence: `timeline.entries.<kind>.<action>`, or the kind's `other`. */
export function entryKey(entry: Pick<TimelineEntry, 'kind' | 'data'>): string {
  const action = typeof entry.data.action === 'string' ? entry.data.action : '';
  const known = ACTIONS[entry.kind];
  if (!known) return 'timeline.entries.unknown';
  return `timeline.entries.${entry.kind}.${known.includes(action) ? action : 'other'}`;
}

/** The values the sentence interpolates, as text. */
export function entryValues(entry: TimelineEntry): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(entry.data)) {
    if (typeof value === 'string' || typeof value === 'number') values[key] = String(value);
  }
  return values;
}

/** The fields a record-change entry changed, by name. */
export function changedFields(entry: TimelineEntry): string[] {
  const changes = entry.data.changes;
  return changes && typeof changes === 'object' ? Object.keys(changes as object) : [];
}

/** Where clicking the entry leads, for the records that have a page of their own. */
export function entryLink(entry: Pick<TimelineEntry, 'subjectType' | 'subjectId' | 'data'>): { to: '/orders/$id' | '/quotes/$id' | '/cases/$id'; id: string } | null {
  if (!entry.subjectId) return null;
  if (entry.subjectType === 'order') return { to: '/orders/$id', id: entry.subjectId };
  if (entry.subjectType === 'quote') return { to: '/quotes/$id', id: entry.subjectId };
  if (entry.subjectType === 'case') return { to: '/cases/$id', id: entry.subjectId };
  // Deliveries, invoices, payments and returns belong to an order; entries that name it lead there.
  const orderId = entry.data.orderId;
  if (typeof orderId === 'string' && ['delivery', 'invoice', 'payment', 'return'].includes(entry.subjectType ?? '')) {
    return { to: '/orders/$id', id: orderId };
  }
  return null;
}
