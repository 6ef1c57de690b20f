/** The API shapes of alerts raised on a customer (dispute, unpaid invoice, sensitive complaint, VIP care). */
import { Type, type Static } from 'typebox';
import { NullableTimestamp, StringEnum, Timestamp } from '../../platform/http/schemas.ts';
import { PageQuery } from '../../platform/http/pagination.ts';

import { ALERT_KINDS, type AlertKind } from './alert-kinds.ts';

export { ALERT_KINDS, type AlertKind };

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const UserRef = Type.Object({ id: Nullable(Type.String()), name: Type.String({ description: 'The user, or who acted (an API token, the system)' }) });

export const AlertRaise = Type.Object(
  {
    kind: StringEnum(ALERT_KINDS),
    note: Type.Optional(Nullable(Type.String({ maxLength: 2000, description: 'What everyone dealing with the customer should know' }))),
  },
  { additionalProperties: false, examples: [{ kind: 'dispute', note: 'Conteste la facture F-2026-0042 : attendre le retour du service juridique' }] },
);
export type AlertRaiseBody = Static<typeof AlertRaise>;

export const AlertResolve = Type.Object(
  { resolution: Type.Optional(Nullable(Type.String({ maxLength: 2000, description: 'How it ended' }))) },
  { additionalProperties: false, examples: [{ resolution: 'Avoir émis, le client est satisfait' }] },
);
export type AlertResolveBody = Static<typeof AlertResolve>;

export const AlertOut = Type.Object({
  id: Type.String(),
  kind: StringEnum(ALERT_KINDS),
  note: Nullable(Type.String()),
  open: Type.Boolean(),
  party: Type.Object({
    id: Type.String(),
    kind: StringEnum(['person', 'organisation'] as const),
    displayName: Type.String(),
    customerNumber: Type.String(),
  }),
  raisedBy: UserRef,
  raisedAt: Timestamp,
  resolvedBy: Nullable(UserRef),
  resolvedAt: NullableTimestamp,
  resolution: Nullable(Type.String()),
});
export type AlertOutput = Static<typeof AlertOut>;

export const AlertListQuery = Type.Object(
  {
    ...PageQuery,
    kind: Type.Optional(StringEnum(ALERT_KINDS)),
    open: Type.Optional(Type.Boolean({ description: 'true: open alerts only; false: resolved ones only' })),
  },
  { additionalProperties: false },
);
export type AlertListOptions = Static<typeof AlertListQuery>;
