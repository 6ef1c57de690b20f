/** Input and output schemas of /api/duplicates. */
import { Type, type Static } from 'typebox';
import { NullableTimestamp, StringEnum, Timestamp } from '../../platform/http/schemas.ts';
import { MAX_LIMIT } from '../../platform/http/pagination.ts';
import { PartyBriefOut } from './merge-schemas.ts';

const Kind = StringEnum(['person', 'organisation'] as const);
const Nullable = (schema: ReturnType<typeof Type.String>) => Type.Union([schema, Type.Null()]);

export const FieldComparisonOut = Type.Object({
  field: Type.String(),
  a: Type.Union([Type.String(), Type.Null()]),
  b: Type.Union([Type.String(), Type.Null()]),
  verdict: StringEnum(['same', 'similar', 'different', 'missing'] as const),
  similarity: Type.Number({ minimum: 0, maximum: 1 }),
  weight: Type.Number({ description: 'Points this field added (or removed) to the score' }),
  reason: Type.String(),
});

const CandidateSide = Type.Object({
  ...PartyBriefOut.properties,
  email: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  city: Nullable(Type.String()),
  birthDate: Nullable(Type.String()),
  updatedAt: Timestamp,
});

export const CandidateOut = Type.Object({
  id: Type.String(),
  kind: Kind,
  score: Type.Number({ minimum: 0, maximum: 100 }),
  level: StringEnum(['match', 'possible'] as const),
  status: StringEnum(['open', 'ignored', 'merged'] as const),
  source: StringEnum(['scan', 'create', 'import'] as const),
  a: CandidateSide,
  b: CandidateSide,
  fields: Type.Array(FieldComparisonOut),
  detectedAt: Timestamp,
  decidedAt: NullableTimestamp,
});

export const CandidateListQuery = Type.Object(
  {
    kind: Type.Optional(Kind),
    status: Type.Optional(StringEnum(['open', 'ignored', 'merged'] as const, { default: 'open' })),
    level: Type.Optional(StringEnum(['match', 'possible'] as const)),
    partyId: Type.Optional(Type.String({ format: 'uuid' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_LIMIT, default: 50 })),
    cursor: Type.Optional(Type.String({ maxLength: 1000, description: 'nextCursor of the previous page' })),
  },
  { additionalProperties: false },
);
export type CandidateListQuery = Static<typeof CandidateListQuery>;

export const CandidatePage = Type.Object({ items: Type.Array(CandidateOut), nextCursor: Type.Union([Type.String(), Type.Null()]) });

export const SummaryOut = Type.Object({
  open: Type.Object({ person: Type.Integer(), organisation: Type.Integer() }),
  lastScanAt: NullableTimestamp,
  scanning: Type.Boolean(),
});

export const ScanBody = Type.Object({ kind: Type.Optional(Kind) }, { additionalProperties: false, examples: [{ kind: 'person' }] });

export const CheckBody = Type.Object(
  {
    kind: Kind,
    record: Type.Record(Type.String(), Type.Unknown(), { description: 'The body POST /api/people or /api/organisations would receive' }),
    excludeId: Type.Optional(Type.String({ format: 'uuid' })),
  },
  {
    additionalProperties: false,
    examples: [{ kind: 'person', record: { firstName: 'Jean', lastName: 'Dupond', emails: [{ email: 'jean.dupont@example.fr' }] } }],
  },
);

export const MatchOut = Type.Object({
  ...PartyBriefOut.properties,
  score: Type.Number(),
  level: StringEnum(['match', 'possible'] as const),
  fields: Type.Array(FieldComparisonOut),
});

const Threshold = Type.Number({ minimum: 0, maximum: 100 });
export const SettingsBody = Type.Object(
  { matchThreshold: Threshold, possibleThreshold: Threshold, autoMerge: Type.Boolean(), autoMergeThreshold: Threshold },
  { additionalProperties: false, examples: [{ matchThreshold: 80, possibleThreshold: 60, autoMerge: false, autoMergeThreshold: 97 }] },
);

export const BulkBody = Type.Object(
  {
    ids: Type.Array(Type.String({ format: 'uuid' }), { minItems: 1, maxItems: 200 }),
    action: StringEnum(['ignore', 'merge'] as const),
  },
  { additionalProperties: false, examples: [{ ids: ['2f1c7a52-8a0e-4a55-9d43-6f1d0c3b9e21'], action: 'ignore' }] },
);

export const BulkOut = Type.Object({
  done: Type.Integer(),
  failed: Type.Array(Type.Object({ id: Type.String(), message: Type.String() })),
});
