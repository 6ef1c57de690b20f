/** What the cases API accepts and answers, and the presenter that turns a row into the answer. */
import { Type, type Static } from 'typebox';
import { NonBlankString, NullableTimestamp, StringEnum, Timestamp } from '../../platform/http/schemas.ts';
import {
  CASE_CHANNELS,
  CASE_PRIORITIES,
  CASE_STATUSES,
  CASE_TRANSITIONS,
  CASE_TYPES,
  overallSlaState,
  slaTimer,
  type CaseStatus,
} from './case-reference.ts';
import type { CaseListRow } from './case-queries.ts';

const Uuid = Type.String({ format: 'uuid' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const SlaStateOut = StringEnum(['none', 'on_track', 'at_risk', 'breached', 'met'] as const);

export const CaseCreate = Type.Object(
  {
    partyId: Uuid,
    type: StringEnum(CASE_TYPES),
    channel: StringEnum(CASE_CHANNELS),
    priority: Type.Optional(StringEnum(CASE_PRIORITIES, { default: 'normal' })),
    subject: NonBlankString(200),
    description: Type.Optional(Nullable(Type.String({ maxLength: 20_000 }))),
    assigneeId: Type.Optional(Nullable(Uuid)),
    orderId: Type.Optional(Nullable(Uuid)),
    productId: Type.Optional(Nullable(Uuid)),
    openedAt: Type.Optional(Type.String({ format: 'date-time', description: 'When the customer got in touch; now by default' })),
  },
  {
    additionalProperties: false,
    examples: [
      {
        partyId: '2f1c7a52-8a0e-4a55-9d43-6f1d0c3b9e21',
        type: 'repair',
        channel: 'phone',
        priority: 'high',
        subject: 'Lave-linge en panne après trois semaines',
        description: 'Le tambour ne tourne plus; la cliente demande une intervention.',
      },
    ],
  },
);
export type CaseCreateBody = Static<typeof CaseCreate>;

export const CaseUpdate = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    type: Type.Optional(StringEnum(CASE_TYPES)),
    channel: Type.Optional(StringEnum(CASE_CHANNELS)),
    priority: Type.Optional(StringEnum(CASE_PRIORITIES)),
    subject: Type.Optional(NonBlankString(200)),
    description: Type.Optional(Nullable(Type.String({ maxLength: 20_000 }))),
    assigneeId: Type.Optional(Nullable(Uuid)),
    orderId: Type.Optional(Nullable(Uuid)),
    productId: Type.Optional(Nullable(Uuid)),
    resolution: Type.Optional(Nullable(Type.String({ maxLength: 20_000 }))),
  },
  { additionalProperties: false, minProperties: 2, examples: [{ version: 1, priority: 'urgent' }] },
);
export type CaseUpdateBody = Static<typeof CaseUpdate>;

export const CaseStatusChange = Type.Object(
  {
    status: StringEnum(CASE_STATUSES),
    resolution: Type.Optional(Type.String({ maxLength: 20_000, description: 'Required to resolve, unless the case already has one' })),
    version: Type.Optional(Type.Integer({ minimum: 1, description: 'The version read; a 409 when the case changed since' })),
  },
  { additionalProperties: false, examples: [{ status: 'open' }, { status: 'resolved', resolution: 'Pièce remplacée sous garantie.' }] },
);
export type CaseStatusBody = Static<typeof CaseStatusChange>;

export const CaseOut = Type.Object({
  id: Type.String(),
  number: Type.String(),
  party: Type.Object({ id: Type.String(), kind: Type.String(), displayName: Type.String(), customerNumber: Type.String() }),
  type: Type.String(),
  channel: Type.String(),
  priority: Type.String(),
  status: Type.String(),
  subject: Type.String(),
  description: Nullable(Type.String()),
  resolution: Nullable(Type.String()),
  assignee: Nullable(Type.Object({ id: Type.String(), name: Type.String() })),
  order: Nullable(Type.Object({ id: Type.String(), number: Type.String() })),
  product: Nullable(Type.Object({ id: Type.String(), name: Type.String(), sku: Type.String() })),
  openedAt: Timestamp,
  firstResponseAt: NullableTimestamp,
  firstResponseDueAt: NullableTimestamp,
  resolutionDueAt: NullableTimestamp,
  resolvedAt: NullableTimestamp,
  closedAt: NullableTimestamp,
  firstResponseBreached: Type.Boolean(),
  resolutionBreached: Type.Boolean(),
  firstResponseMinutesLeft: Nullable(Type.Integer({ description: 'Negative once overdue; null once met' })),
  resolutionMinutesLeft: Nullable(Type.Integer({ description: 'Negative once overdue; null once met' })),
  slaState: SlaStateOut,
  nextStatuses: Type.Array(Type.String()),
  version: Type.Integer(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type CaseOutput = Static<typeof CaseOut>;

const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());
const date = (value: Date | string | null): Date | null => (value === null ? null : new Date(value));

/** A case as the API shows it, with its SLA timers read at `now`. */
export function presentCase(row: CaseListRow, now = new Date()): CaseOutput {
  const openedAt = new Date(row.opened_at);
  const firstResponse = slaTimer(openedAt, date(row.first_response_due_at), date(row.responded_at), now);
  const resolution = slaTimer(openedAt, date(row.resolution_due_at), date(row.resolved_at), now);
  return {
    id: row.id,
    number: row.number,
    party: { id: row.party_id, kind: row.party_kind, displayName: row.party_name, customerNumber: row.party_number },
    type: row.type,
    channel: row.channel,
    priority: row.priority,
    status: row.status,
    subject: row.subject,
    description: row.description,
    resolution: row.resolution,
    assignee: row.assignee_id ? { id: row.assignee_id, name: row.assignee_name ?? '' } : null,
    order: row.order_id ? { id: row.order_id, number: row.order_number ?? '' } : null,
    product: row.product_id ? { id: row.product_id, name: row.product_name ?? '', sku: row.product_sku ?? '' } : null,
    openedAt: openedAt.toISOString(),
    firstResponseAt: iso(row.responded_at),
    firstResponseDueAt: iso(row.first_response_due_at),
    resolutionDueAt: iso(row.resolution_due_at),
    resolvedAt: iso(row.resolved_at),
    closedAt: iso(row.closed_at),
    firstResponseBreached: firstResponse.breached,
    resolutionBreached: resolution.breached,
    firstResponseMinutesLeft: firstResponse.minutesLeft,
    resolutionMinutesLeft: resolution.minutesLeft,
    slaState: overallSlaState(firstResponse, resolution),
    nextStatuses: [...CASE_TRANSITIONS[row.status as CaseStatus]],
    version: row.version,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
