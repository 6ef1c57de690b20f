/**
 * The API shapes of interactions and attachments: what clients send and what they get back.
 */
import { Type, type Static } from 'typebox';
import { NonBlankString, StringEnum, Timestamp } from '../../platform/http/schemas.ts';
import { PageQuery, SortQuery } from '../../platform/http/pagination.ts';
import { ATTACHMENT_OWNER_TYPES, INTERACTION_CHANNELS, INTERACTION_DIRECTIONS } from '../../shared/interactions/interaction-reference.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const Uuid = Type.String({ format: 'uuid' });

export const ParticipantIn = Type.Object(
  {
    userId: Type.Optional(Type.String({ format: 'uuid', description: 'A user of the workspace (a colleague who took part)' })),
    partyId: Type.Optional(Type.String({ format: 'uuid', description: 'A person or organisation (a contact who took part)' })),
  },
  { additionalProperties: false, description: 'Exactly one of userId and partyId' },
);

const InteractionFields = {
  channel: StringEnum(INTERACTION_CHANNELS),
  direction: StringEnum(INTERACTION_DIRECTIONS, { description: 'inbound: the customer reached out; outbound: we did; internal: a note' }),
  occurredAt: Type.String({ format: 'date-time' }),
  durationMinutes: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 100_000 }))),
  subject: NonBlankString(300),
  body: Type.Optional(Nullable(Type.String({ maxLength: 50_000 }))),
  outcome: Type.Optional(Nullable(Type.String({ maxLength: 2_000 }))),
  participants: Type.Array(ParticipantIn, { minItems: 1, maxItems: 50, description: 'Users and contacts; at least one contact' }),
  orderId: Type.Optional(Nullable(Uuid)),
  caseId: Type.Optional(Nullable(Uuid)),
};

const EXAMPLE_PARTY = '2f1c7a52-8a0e-4a55-9d43-6f1d0c3b9e21';

export const InteractionCreate = Type.Object(InteractionFields, {
  additionalProperties: false,
  examples: [
    {
      channel: 'phone',
      direction: 'inbound',
      occurredAt: '2026-11-24T09:30:00Z',
      durationMinutes: 12,
      subject: 'Question sur la livraison',
      body: 'La cliente demande quand arrive sa commande.',
      outcome: 'Date de livraison confirmée',
      participants: [{ partyId: EXAMPLE_PARTY }],
    },
  ],
});
export type InteractionCreateBody = Static<typeof InteractionCreate>;

export const InteractionUpdate = Type.Object(
  {
    version: Type.Integer({ minimum: 1, description: 'The version you read; a newer one answers 409 version_conflict' }),
    channel: Type.Optional(InteractionFields.channel),
    direction: Type.Optional(InteractionFields.direction),
    occurredAt: Type.Optional(InteractionFields.occurredAt),
    durationMinutes: InteractionFields.durationMinutes,
    subject: Type.Optional(InteractionFields.subject),
    body: InteractionFields.body,
    outcome: InteractionFields.outcome,
    participants: Type.Optional(InteractionFields.participants),
    orderId: InteractionFields.orderId,
    caseId: InteractionFields.caseId,
  },
  { additionalProperties: false, minProperties: 2, examples: [{ version: 1, outcome: 'Rappel prévu lundi' }] },
);
export type InteractionUpdateBody = Static<typeof InteractionUpdate>;

export const InteractionListQuery = Type.Object(
  {
    ...PageQuery,
    sort: SortQuery(['occurredAt'] as const, '-occurredAt'),
    partyId: Type.Optional(Type.String({ format: 'uuid', description: 'Interactions this person or organisation took part in' })),
    channel: Type.Optional(StringEnum(INTERACTION_CHANNELS)),
    direction: Type.Optional(StringEnum(INTERACTION_DIRECTIONS)),
    from: Type.Optional(Type.String({ format: 'date-time', description: 'Occurred at or after' })),
    to: Type.Optional(Type.String({ format: 'date-time', description: 'Occurred before' })),
    orderId: Type.Optional(Uuid),
    caseId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type InteractionListOptions = Static<typeof InteractionListQuery>;

const UserParticipantOut = Type.Object({ type: Type.Literal('user'), userId: Type.String(), name: Type.String() });
const ContactParticipantOut = Type.Object({
  type: Type.Literal('contact'),
  partyId: Type.String(),
  displayName: Type.String(),
  kind: Type.String({ description: 'person or organisation' }),
  customerNumber: Type.String(),
});

export const InteractionOut = Type.Object({
  id: Type.String(),
  channel: Type.String(),
  direction: Type.String(),
  occurredAt: Timestamp,
  durationMinutes: Nullable(Type.Integer()),
  subject: Type.String(),
  body: Nullable(Type.String()),
  outcome: Nullable(Type.String()),
  participants: Type.Array(Type.Union([UserParticipantOut, ContactParticipantOut])),
  orderId: Nullable(Type.String()),
  caseId: Nullable(Type.String()),
  attachmentCount: Type.Integer(),
  createdBy: Nullable(Type.Object({ id: Type.String(), name: Type.String() })),
  version: Type.Integer(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const AttachmentOut = Type.Object({
  id: Type.String(),
  ownerType: StringEnum(ATTACHMENT_OWNER_TYPES),
  ownerId: Type.String(),
  fileName: Type.String(),
  contentType: Type.String(),
  sizeBytes: Type.Integer(),
  sha256: Type.String({ description: 'Hex SHA-256 of the bytes' }),
  uploadedBy: Nullable(Type.Object({ id: Type.String(), name: Type.String() })),
  createdAt: Timestamp,
  url: Type.String({ description: 'Where to download the bytes' }),
});
