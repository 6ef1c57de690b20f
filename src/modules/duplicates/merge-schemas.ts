/** Input and output schemas of /api/merges. */
import { Type, type Static } from 'typebox';
import { NullableTimestamp, StringEnum, Timestamp } from '../../platform/http/schemas.ts';
import { MERGE_FIELDS, MERGE_STRATEGIES } from './survivorship.ts';

const Uuid = Type.String({ format: 'uuid' });
const SideEnum = StringEnum(['survivor', 'absorbed'] as const);

export const PartyBriefOut = Type.Object({
  id: Type.String(),
  kind: StringEnum(['person', 'organisation'] as const),
  displayName: Type.String(),
  customerNumber: Type.String(),
});

export const MergeCreate = Type.Object(
  {
    survivorId: Uuid,
    absorbedId: Uuid,
    strategy: StringEnum(MERGE_STRATEGIES, {
      description: 'most_recent: values of the record changed last; most_complete: filled values, the survivor’s first; manual: most_complete where no pick says otherwise',
    }),
    picks: Type.Optional(
      Type.Record(Type.String({ maxLength: 40 }), SideEnum, {
        description: `Field → the record whose value to keep, overriding the strategy. Fields: ${MERGE_FIELDS.map((f) => f.field).join(', ')}`,
      }),
    ),
    candidateId: Type.Optional(Type.String({ format: 'uuid', description: 'The duplicate pair this merge settles' })),
  },
  {
    additionalProperties: false,
    examples: [
      {
        survivorId: '2f1c7a52-8a0e-4a55-9d43-6f1d0c3b9e21',
        absorbedId: '7d3e9b10-4c2a-4f7e-8b1d-0a9c5e6f2b34',
        strategy: 'most_complete',
        picks: { firstName: 'absorbed' },
      },
    ],
  },
);
export type MergeCreateBody = Static<typeof MergeCreate>;

export const MergeOut = Type.Object({
  id: Type.String(),
  survivor: PartyBriefOut,
  absorbed: PartyBriefOut,
  strategy: Type.String(),
  moved: Type.Record(Type.String(), Type.Integer(), { description: 'Rows moved to the survivor, by kind (orders, timeline, cases, …)' }),
  mergedBy: Type.Union([Type.Object({ id: Type.String(), name: Type.String() }), Type.Null()]),
  mergedAt: Timestamp,
  undoneAt: NullableTimestamp,
  canUndo: Type.Boolean({ description: 'In force, and no later merge in force involves its survivor' }),
});

export const MergePreviewQuery = Type.Object(
  {
    survivorId: Uuid,
    absorbedId: Uuid,
    strategy: StringEnum(['most_recent', 'most_complete'] as const, { default: 'most_complete' }),
  },
  { additionalProperties: false },
);

export const MergePreviewOut = Type.Object({
  survivor: PartyBriefOut,
  absorbed: PartyBriefOut,
  fields: Type.Array(
    Type.Object({
      field: Type.String(),
      survivorValue: Type.Unknown(),
      absorbedValue: Type.Unknown(),
      chosen: SideEnum,
      differs: Type.Boolean(),
    }),
  ),
  emails: Type.Array(Type.String()),
  phones: Type.Array(Type.String()),
  addresses: Type.Array(Type.String()),
  consents: Type.Array(Type.Object({ channel: Type.String(), purpose: Type.String(), status: Type.String() })),
  moves: Type.Record(Type.String(), Type.Integer(), { description: 'Rows that will move to the survivor, by kind' }),
});

export const MergeListQuery = Type.Object({ partyId: Type.Optional(Uuid) }, { additionalProperties: false });
