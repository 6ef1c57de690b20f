/**
 * The API shapes of people and organisations (both are "parties"): what clients send and what they get back.
 * Formats that need more than a JSON schema (phones, postcodes, SIRET, custom fields) are checked by
 * `party-input.ts`, which names the field and the rule like the schema validator does.
 */
import { Type, type Static } from 'typebox';
import { NonBlankString, NullableTimestamp, StringEnum, Timestamp } from '../../platform/http/schemas.ts';

import {
  ADDRESS_TYPES,
  CHANNELS,
  CIVILITY_CODES,
  EMAIL_TYPES,
  FAMILY_SITUATION_CODES,
  GENDERS,
  PARTY_KINDS,
  PARTY_ROLES,
  PAYMENT_METHODS,
  PCS_GROUP_CODES,
  PHONE_TYPES,
} from '../../shared/reference/party.ts';

export {
  ADDRESS_TYPES,
  CHANNELS,
  CIVILITY_CODES,
  EMAIL_TYPES,
  FAMILY_SITUATION_CODES,
  GENDERS,
  PARTY_KINDS,
  PARTY_ROLES,
  PAYMENT_METHODS,
  PCS_GROUP_CODES,
  PHONE_TYPES,
};
export type { PartyKind, PartyRole } from '../../shared/reference/party.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const Day = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const ShortText = (max: number) => Type.String({ maxLength: max });
const Tag = Type.String({ minLength: 1, maxLength: 60, pattern: '\\S' });

export const EmailIn = Type.Object(
  {
    email: Type.String({ maxLength: 254 }),
    type: Type.Optional(StringEnum(EMAIL_TYPES, { default: 'personal' })),
    valid: Type.Optional(Type.Boolean({ default: true, description: 'false once mail to it bounces' })),
  },
  { additionalProperties: false },
);
export const PhoneIn = Type.Object(
  {
    phone: Type.String({ maxLength: 40, description: 'Any usual writing; stored in E.164 (+33…)' }),
    type: Type.Optional(StringEnum(PHONE_TYPES, { default: 'mobile' })),
    valid: Type.Optional(Type.Boolean({ default: true })),
  },
  { additionalProperties: false },
);
export const AddressIn = Type.Object(
  {
    type: Type.Optional(StringEnum(ADDRESS_TYPES, { default: 'home' })),
    line1: NonBlankString(200),
    line2: Type.Optional(Nullable(ShortText(200))),
    postcode: Type.Optional(Nullable(ShortText(20))),
    city: NonBlankString(120),
    country: Type.Optional(Type.String({ pattern: '^[A-Za-z]{2}$', default: 'FR', description: 'ISO 3166-1 alpha-2' })),
    valid: Type.Optional(Type.Boolean({ default: true })),
  },
  { additionalProperties: false },
);

/** Fields people and organisations share. */
const CommonFields = {
  tags: Type.Optional(Type.Array(Tag, { maxItems: 50 })),
  preferredChannels: Type.Optional(Type.Array(StringEnum(CHANNELS), { maxItems: 4, uniqueItems: true })),
  paymentMethods: Type.Optional(Type.Array(StringEnum(PAYMENT_METHODS), { maxItems: 7, uniqueItems: true })),
  interests: Type.Optional(Type.Array(Tag, { maxItems: 50 })),
  notes: Type.Optional(Nullable(ShortText(20_000))),
  emails: Type.Optional(Type.Array(EmailIn, { maxItems: 20 })),
  phones: Type.Optional(Type.Array(PhoneIn, { maxItems: 20 })),
  addresses: Type.Optional(Type.Array(AddressIn, { maxItems: 20 })),
  custom: Type.Optional(Type.Record(Type.String(), Type.Unknown(), { description: 'Custom field values by key; null clears' })),
  doNotContact: Type.Optional(Type.Boolean()),
  ownerId: Type.Optional(Nullable(Type.String({ format: 'uuid' }))),
  teamId: Type.Optional(Nullable(Type.String({ format: 'uuid' }))),
};

const RoleFields = {
  roles: Type.Optional(
    Type.Array(StringEnum(PARTY_ROLES), {
      maxItems: PARTY_ROLES.length,
      uniqueItems: true,
      description: 'Current roles; roles left are ended (kept in the role history), new ones start today',
    }),
  ),
  roleReason: Type.Optional(ShortText(500)),
  lostToCompetitor: Type.Optional(ShortText(200)),
};

const PersonFields = {
  civility: Type.Optional(Nullable(StringEnum(CIVILITY_CODES))),
  firstName: Type.Optional(Nullable(ShortText(100))),
  lastName: NonBlankString(100),
  birthDate: Type.Optional(Nullable(Day)),
  gender: Type.Optional(Nullable(StringEnum(GENDERS))),
  pcsGroup: Type.Optional(Nullable(StringEnum(PCS_GROUP_CODES, { description: 'INSEE socio-professional group (PCS 2020)' }))),
  familySituation: Type.Optional(Nullable(StringEnum(FAMILY_SITUATION_CODES))),
  childrenCount: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 30 }))),
  childrenBirthYears: Type.Optional(Type.Array(Type.Integer({ minimum: 1900, maximum: 2100 }), { maxItems: 30 })),
  language: Type.Optional(Nullable(Type.String({ pattern: '^[a-z]{2}$', description: 'ISO 639-1' }))),
};

const OrganisationFields = {
  legalName: NonBlankString(200),
  tradeName: Type.Optional(Nullable(ShortText(200))),
  siren: Type.Optional(Nullable(ShortText(20))),
  siret: Type.Optional(Nullable(ShortText(25))),
  nafCode: Type.Optional(Nullable(ShortText(10))),
  headcountBand: Type.Optional(Nullable(ShortText(2))),
  annualRevenue: Type.Optional(Nullable(Type.Number({ minimum: 0, maximum: 1e13 }))),
  website: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
};

const VersionField = {
  version: Type.Integer({ minimum: 1, description: 'The version you read; the save is refused with 409 if it changed since' }),
};

export const PersonCreate = Type.Object(
  { ...PersonFields, ...CommonFields, ...RoleFields },
  {
    additionalProperties: false,
    examples: [
      {
        civility: 'ms',
        firstName: 'Élodie',
        lastName: 'Marchand',
        birthDate: '1986-04-12',
        emails: [{ email: 'elodie.marchand@example.fr', type: 'personal' }],
        phones: [{ phone: '06 12 34 56 78', type: 'mobile' }],
        addresses: [{ type: 'home', line1: '12 rue des Tilleuls', postcode: '69003', city: 'Lyon' }],
        roles: ['prospect'],
      },
    ],
  },
);
export const PersonUpdate = Type.Object(
  { ...VersionField, ...PersonFields, lastName: Type.Optional(PersonFields.lastName), ...CommonFields, ...RoleFields },
  { additionalProperties: false, minProperties: 2, examples: [{ version: 1, firstName: 'Élodie', tags: ['salon-2026'] }] },
);
export const OrganisationCreate = Type.Object(
  { ...OrganisationFields, ...CommonFields, ...RoleFields },
  {
    additionalProperties: false,
    examples: [
      {
        legalName: 'Menuiserie Durand SARL',
        tradeName: 'Durand Bois',
        siret: '73282932000074',
        nafCode: '16.23Z',
        headcountBand: '11',
        addresses: [{ type: 'head_office', line1: '4 avenue de la Gare', postcode: '44000', city: 'Nantes' }],
        roles: ['lead'],
      },
    ],
  },
);
export const OrganisationUpdate = Type.Object(
  { ...VersionField, ...OrganisationFields, legalName: Type.Optional(OrganisationFields.legalName), ...CommonFields, ...RoleFields },
  { additionalProperties: false, minProperties: 2, examples: [{ version: 1, headcountBand: '12' }] },
);

export type PersonCreateBody = Static<typeof PersonCreate>;
export type PersonUpdateBody = Static<typeof PersonUpdate>;
export type OrganisationCreateBody = Static<typeof OrganisationCreate>;
export type OrganisationUpdateBody = Static<typeof OrganisationUpdate>;
/** Any create or update body, as the service sees it. */
export type PartyBody = Partial<PersonCreateBody & OrganisationCreateBody> & { version?: number };

const Place = Nullable(Type.Object({ code: Type.String(), name: Type.String() }));

export const EmailOut = Type.Object({ email: Type.String(), type: Type.String(), valid: Type.Boolean() });
export const PhoneOut = Type.Object({ phone: Type.String(), type: Type.String(), valid: Type.Boolean() });
export const AddressOut = Type.Object({
  type: Type.String(),
  line1: Type.String(),
  line2: Nullable(Type.String()),
  postcode: Nullable(Type.String()),
  city: Type.String(),
  country: Type.String(),
  departement: Place,
  region: Place,
  valid: Type.Boolean(),
});

const Ref = Nullable(Type.Object({ id: Type.String(), name: Type.String() }));

/** What lists show: the record without its contact-point lists. */
const SummaryFields = {
  id: Type.String({ format: 'uuid' }),
  kind: StringEnum(PARTY_KINDS),
  customerNumber: Type.String(),
  displayName: Type.String(),
  version: Type.Integer(),
  civility: Nullable(Type.String()),
  firstName: Nullable(Type.String()),
  lastName: Nullable(Type.String()),
  birthDate: Nullable(Type.String()),
  age: Nullable(Type.Integer()),
  nextBirthday: Nullable(Type.String({ description: 'Date of the next birthday' })),
  gender: Nullable(Type.String()),
  pcsGroup: Nullable(Type.String()),
  familySituation: Nullable(Type.String()),
  childrenCount: Nullable(Type.Integer()),
  childrenAges: Type.Array(Type.Integer()),
  childrenBirthYears: Type.Array(Type.Integer()),
  language: Nullable(Type.String()),
  legalName: Nullable(Type.String()),
  tradeName: Nullable(Type.String()),
  siren: Nullable(Type.String()),
  siret: Nullable(Type.String()),
  nafCode: Nullable(Type.String()),
  nafSection: Nullable(Type.String()),
  headcountBand: Nullable(Type.String()),
  annualRevenue: Nullable(Type.Number()),
  website: Nullable(Type.String()),
  roles: Type.Array(Type.String()),
  tags: Type.Array(Type.String()),
  preferredChannels: Type.Array(Type.String()),
  paymentMethods: Type.Array(Type.String()),
  interests: Type.Array(Type.String()),
  email: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  postcode: Nullable(Type.String()),
  city: Nullable(Type.String()),
  departement: Nullable(Type.String()),
  region: Nullable(Type.String()),
  country: Nullable(Type.String()),
  custom: Type.Record(Type.String(), Type.Unknown()),
  hiddenFields: Type.Array(Type.String(), { description: 'Sensitive custom fields your role may not read' }),
  doNotContact: Type.Boolean(),
  owner: Ref,
  team: Ref,
  erasedAt: NullableTimestamp,
  createdAt: Timestamp,
  updatedAt: Timestamp,
  activeAlerts: Type.Array(Type.String(), { description: 'Kinds of the open alerts on this customer (dispute, unpaid_invoice, …)' }),
  metrics: Nullable(
    Type.Object(
      {
        revenue: Type.String(),
        revenue12m: Type.String(),
        margin: Type.String(),
        orderCount: Type.Integer(),
        averageBasket: Nullable(Type.String()),
        lastPurchaseAt: NullableTimestamp,
        openBalance: Type.String(),
        latePaymentCount: Type.Integer(),
        lastNps: Nullable(Type.Integer()),
      },
      { description: 'Purchase metrics in brief (null without commercial history); the full set is at /api/parties/{id}/metrics' },
    ),
  ),
};

export const PartySummaryOut = Type.Object(SummaryFields);
export const PartyOut = Type.Object(
  {
    ...SummaryFields,
    notes: Nullable(Type.String()),
    emails: Type.Array(EmailOut),
    phones: Type.Array(PhoneOut),
    addresses: Type.Array(AddressOut),
    mergedIntoId: Nullable(Type.String()),
    canEdit: Type.Boolean({ description: 'Whether you may change this record' }),
  },
);
export type PartySummaryOutput = Static<typeof PartySummaryOut>;
export type PartyOutput = Static<typeof PartyOut>;
