/**
 * What the imports API accepts and answers. The web wizard codes against these shapes; field keys are stable
 * identifiers (the web labels them `imports.field.<key>`).
 */
import { Type, type Static } from 'typebox';
import { NullableTimestamp, StringEnum, Timestamp } from '../../platform/http/schemas.ts';
import { PageQuery } from '../../platform/http/pagination.ts';
import { IMPORT_TARGETS, MATCH_KEYS, SOURCE_FORMATS, SOURCE_LAYOUTS } from './import-types.ts';

export const IMPORT_STATUSES = ['uploaded', 'mapped', 'queued', 'running', 'completed', 'validated', 'failed', 'cancelled', 'undone'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

export const ConversionIn = Type.Object(
  {
    dateOrder: StringEnum(['dmy', 'mdy', 'ymd'] as const, { description: 'Order of day, month and year in dates written with / or .' }),
    decimalSeparator: StringEnum([',', '.', 'auto'] as const),
    listSeparator: Type.Optional(Type.String({ minLength: 1, maxLength: 3 })),
  },
  { additionalProperties: false },
);

export const ImportOut = Type.Object({
  id: Type.String({ format: 'uuid' }),
  fileName: Type.String(),
  fileSize: Type.Number(),
  format: StringEnum(SOURCE_FORMATS),
  encoding: Nullable(Type.String()),
  delimiter: Nullable(Type.String()),
  layout: StringEnum(SOURCE_LAYOUTS),
  sheets: Type.Array(Type.String()),
  sheet: Nullable(Type.String()),
  headers: Type.Array(Type.String()),
  sample: Type.Array(Type.Array(Type.String()), { description: 'The first 20 rows of cells' }),
  target: Type.Union([StringEnum(IMPORT_TARGETS), Type.Null()]),
  mapping: Type.Array(Nullable(Type.String()), { description: 'Aligned with headers: the field each column feeds, null = ignored' }),
  mappingSource: StringEnum(['remembered', 'layout', 'suggested', 'user'] as const),
  matchKey: Type.Union([StringEnum(MATCH_KEYS), Type.Null()]),
  options: ConversionIn,
  dryRun: Type.Boolean(),
  status: StringEnum(IMPORT_STATUSES),
  progress: Type.Object({
    rowsRead: Type.Number(),
    bytesRead: Type.Number(),
    bytesTotal: Type.Number(),
    percent: Type.Number({ minimum: 0, maximum: 100 }),
    rowsPerSecond: Type.Union([Type.Number(), Type.Null()]),
    secondsLeft: Type.Union([Type.Number(), Type.Null()]),
  }),
  counts: Type.Object({ created: Type.Number(), updated: Type.Number(), unchanged: Type.Number(), invalid: Type.Number(), duplicatesFlagged: Type.Number() }),
  createdBy: Type.Union([Type.Object({ id: Type.String(), name: Type.String() }), Type.Null()]),
  createdAt: Timestamp,
  startedAt: NullableTimestamp,
  finishedAt: NullableTimestamp,
  undoneAt: NullableTimestamp,
  failure: Nullable(Type.String()),
  canUndo: Type.Boolean(),
});
export type ImportOut = Static<typeof ImportOut>;

export const ImportPage = Type.Object({ items: Type.Array(ImportOut), nextCursor: Nullable(Type.String()) });

export const ImportListQuery = Type.Object({ ...PageQuery }, { additionalProperties: false });

export const TargetsOut = Type.Object({
  targets: Type.Array(
    Type.Object({
      name: StringEnum(IMPORT_TARGETS),
      matchKeys: Type.Array(Type.String()),
      fields: Type.Array(
        Type.Object({
          key: Type.String(),
          type: Type.String(),
          required: Type.Boolean(),
          values: Type.Optional(Type.Array(Type.String())),
          matchOnly: Type.Optional(Type.Boolean()),
          label: Type.Optional(Type.String()),
        }),
      ),
    }),
  ),
});

export const MappingIn = Type.Object(
  {
    target: StringEnum(IMPORT_TARGETS),
    mapping: Type.Array(Type.Union([Type.String({ minLength: 1, maxLength: 200 }), Type.Null()]), { maxItems: 2000 }),
    matchKey: Type.Union([StringEnum(MATCH_KEYS), Type.Null()]),
    options: Type.Optional(ConversionIn),
    sheet: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    delimiter: Type.Optional(StringEnum([',', ';', '\t', '|'] as const)),
    encoding: Type.Optional(StringEnum(['utf-8', 'utf-16le', 'utf-16be', 'windows-1252'] as const)),
  },
  {
    additionalProperties: false,
    examples: [{ target: 'products', mapping: ['sku', 'name', 'unitPrice', null], matchKey: 'sku', options: { dateOrder: 'dmy', decimalSeparator: ',' } }],
  },
);
export type MappingIn = Static<typeof MappingIn>;

const PreviewValue = Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Array(Type.String()), Type.Null()]);
const PartyBriefFields = {
  id: Type.String(),
  kind: StringEnum(['person', 'organisation'] as const),
  displayName: Type.String(),
  customerNumber: Type.String(),
};

export const PreviewRowOut = Type.Object({
  rowNumber: Type.Number(),
  action: StringEnum(['create', 'update', 'invalid'] as const),
  values: Type.Record(Type.String(), PreviewValue),
  issues: Type.Array(Type.Object({ column: Nullable(Type.String()), value: Nullable(Type.String()), reason: Type.String() })),
  matchedParty: Type.Union([Type.Object(PartyBriefFields), Type.Null()]),
  likelyDuplicate: Type.Union([Type.Object({ ...PartyBriefFields, score: Type.Number() }), Type.Null()]),
});
export type PreviewRowOut = Static<typeof PreviewRowOut>;

export const MappingOut = Type.Object({ import: ImportOut, preview: Type.Array(PreviewRowOut) });

export const StartIn = Type.Object({ dryRun: Type.Boolean() }, { additionalProperties: false, examples: [{ dryRun: true }] });
