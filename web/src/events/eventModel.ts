/** The change log as the API presents it (GET /api/events, GET /api/history/…), and how it reads. Pure. */

export type EventAction = 'create' | 'update' | 'delete';

export interface EventActor {
  type: 'user' | 'token' | 'system';
  id: string | null;
  label: string | null;
}

export interface ChangeEvent {
  id: number;
  occurredAt: string;
  actor: EventActor;
  entity: string;
  entityId: string;
  action: EventAction;
  changes: Record<string, { before: unknown; after: unknown }>;
}

export interface EventPage {
  data: ChangeEvent[];
  nextCursor: string | null;
}

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** Bookkeeping columns that say nothing to a reader of the history. */
const HIDDEN_FIELDS = new Set(['id', 'workspaceId', 'createdAt', 'updatedAt']);

/** `invite_expires_at` → `inviteExpiresAt`: the change log may name fields as columns or as API properties. */
export function fieldKey(field: string): string {
  return field.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}

/**
 * The changed fields of an event in a stable order (alphabetical), leaving out bookkeeping fields and fields
 * whose value did not actually change. Field names are given in camelCase.
 */
export function fieldChanges(event: Pick<ChangeEvent, 'changes'>): FieldChange[] {
  return Object.entries(event.changes ?? {})
    .map(([field, change]): [string, { before: unknown; after: unknown }] => [fieldKey(field), change])
    .filter(([field, change]) => !HIDDEN_FIELDS.has(field) && !sameValue(change.before, change.after))
    .map(([field, change]) => ({ field, before: change.before, after: change.after }))
    .sort((a, b) => a.field.localeCompare(b.field));
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/** True for an empty value, which the timeline shows as a dash. */
export function isEmptyValue(value: unknown): boolean {
  return value === null || value === undefined || value === '';
}

/** A value shortened for one line of the timeline; objects and arrays are shown as JSON. */
export function displayValue(value: unknown, maxLength = 80): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}

/** A page of the web app, in the router's terms. */
export type EntityLink = { to: '/users/$id'; params: { id: string } } | { to: '/settings' };

/** The page of the web app that shows the record an event is about, when there is one. */
export function entityLink(entity: string, entityId: string): EntityLink | null {
  switch (entity) {
    case 'user':
      return { to: '/users/$id', params: { id: entityId } };
    case 'workspace':
      return { to: '/settings' };
    default:
      return null;
  }
}
