/**
 * /api/people and /api/organisations: lists with filters and saved-view friendly parameters, counts, one record,
 * creation, and changes guarded by the record's version. /api/parties/by-number finds either kind by customer number.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type TSchema } from 'typebox';
import { requireAuth } from '../../platform/http/access.ts';
import { ERROR_RESPONSES, IdParams, Page, StringEnum } from '../../platform/http/schemas.ts';
import { PageQuery, SortQuery } from '../../platform/http/pagination.ts';
import type { Ctx } from '../../platform/context.ts';
import { HEADCOUNT_BANDS } from '../../shared/reference/insee.ts';
import { NAF_SECTIONS } from '../../shared/identifiers/naf.ts';
import {
  countParties,
  createParty,
  customVisibility,
  findByCustomerNumber,
  getPartyDetail,
  listParties,
  SORT_COLUMNS,
  updateParty,
  type ListPartiesOptions,
  type PartyDetail,
} from './party-service.ts';
import { deleteParty } from './party-deletion.ts';
import { removeStoredFiles } from '../interactions/attachment-service.ts';
import { attachmentStore } from '../../platform/storage/attachment-store.ts';
import { presentParty, presentPartySummary } from './party-presenter.ts';
import {
  FAMILY_SITUATION_CODES,
  OrganisationCreate,
  OrganisationUpdate,
  PARTY_ROLES,
  PartyOut,
  PartySummaryOut,
  PCS_GROUP_CODES,
  PersonCreate,
  PersonUpdate,
  type PartyBody,
  type PartyKind,
} from './party-schemas.ts';

const Uuid = Type.String({ format: 'uuid' });

/** Filters shared by the people and organisation lists, their counts and exports. */
export const PartyFilters = {
  q: Type.Optional(Type.String({ maxLength: 200, description: 'Part of the name, email, customer number or SIREN; accents ignored' })),
  role: Type.Optional(StringEnum(PARTY_ROLES)),
  ownerId: Type.Optional(Uuid),
  teamId: Type.Optional(Uuid),
  city: Type.Optional(Type.String({ maxLength: 120 })),
  postcode: Type.Optional(Type.String({ maxLength: 10 })),
  departement: Type.Optional(Type.String({ maxLength: 3 })),
  region: Type.Optional(Type.String({ maxLength: 3 })),
  tag: Type.Optional(Type.String({ maxLength: 60 })),
  doNotContact: Type.Optional(Type.Boolean()),
  custom: Type.Optional(
    Type.Array(Type.String({ maxLength: 300 }), { maxItems: 20, description: 'Custom field conditions: key=value, key>=number, key<=number' }),
  ),
};
export const PersonFilters = {
  ...PartyFilters,
  pcsGroup: Type.Optional(StringEnum(PCS_GROUP_CODES)),
  familySituation: Type.Optional(StringEnum(FAMILY_SITUATION_CODES)),
  organisationId: Type.Optional(Type.String({ format: 'uuid', description: 'People employed by this organisation' })),
};
export const OrganisationFilters = {
  ...PartyFilters,
  headcountBand: Type.Optional(StringEnum(HEADCOUNT_BANDS.map((b) => b.code))),
  nafSection: Type.Optional(StringEnum(NAF_SECTIONS.map((s) => s.letter), { description: 'NAF section letter (sector)' })),
};

const SORT_FIELDS = Object.keys(SORT_COLUMNS) as (keyof typeof SORT_COLUMNS)[];

async function present(ctx: Ctx, detail: PartyDetail) {
  return presentParty(detail, await customVisibility(ctx, detail.row.kind as PartyKind));
}

interface KindRoutes {
  kind: PartyKind;
  path: string;
  tag: string;
  label: string;
  filters: Record<string, TSchema>;
  create: TSchema;
  update: TSchema;
}

const KINDS: KindRoutes[] = [
  { kind: 'person', path: '/api/people', tag: 'people', label: 'people', filters: PersonFilters, create: PersonCreate, update: PersonUpdate },
  {
    kind: 'organisation',
    path: '/api/organisations',
    tag: 'organisations',
    label: 'organisations',
    filters: OrganisationFilters,
    create: OrganisationCreate,
    update: OrganisationUpdate,
  },
];

export const partyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  for (const k of KINDS) {
    const listQuery = Type.Object({ ...PageQuery, sort: SortQuery(SORT_FIELDS, 'name'), ...k.filters }, { additionalProperties: false });

    app.get(
      k.path,
      {
        config: { access: 'customers:read' },
        schema: { tags: [k.tag], summary: `List ${k.label}`, querystring: listQuery, response: { 200: Page(PartySummaryOut), ...ERROR_RESPONSES } },
      },
      async (request) => {
        const { ctx } = requireAuth(request);
        const page = await listParties(ctx, k.kind, request.query as ListPartiesOptions);
        const visibility = await customVisibility(ctx, k.kind);
        return { data: page.data.map((row) => presentPartySummary(row, visibility)), nextCursor: page.nextCursor };
      },
    );

    app.get(
      `${k.path}/count`,
      {
        config: { access: 'customers:read' },
        schema: {
          tags: [k.tag],
          summary: `Count the ${k.label} matching the list filters (exact up to 100 000)`,
          querystring: Type.Object(k.filters, { additionalProperties: false }),
          response: { 200: Type.Object({ count: Type.Integer(), exact: Type.Boolean() }), ...ERROR_RESPONSES },
        },
      },
      async (request) => countParties(requireAuth(request).ctx, k.kind, request.query as ListPartiesOptions),
    );

    app.post(
      k.path,
      {
        config: { access: 'customers:write' },
        schema: { tags: [k.tag], summary: `Create one of the ${k.label}`, body: k.create, response: { 201: PartyOut, ...ERROR_RESPONSES } },
      },
      async (request, reply) => {
        const { ctx } = requireAuth(request);
        const detail = await createParty(ctx, k.kind, request.body as PartyBody);
        reply.status(201);
        return present(ctx, detail);
      },
    );

    app.get(
      `${k.path}/:id`,
      {
        config: { access: 'customers:read', resource: 'party' },
        schema: { tags: [k.tag], summary: `One of the ${k.label}`, params: IdParams, response: { 200: PartyOut, ...ERROR_RESPONSES } },
      },
      async (request) => {
        const { ctx } = requireAuth(request);
        return present(ctx, await getPartyDetail(ctx, request.params.id, undefined, k.kind));
      },
    );

    app.patch(
      `${k.path}/:id`,
      {
        config: { access: 'customers:write', resource: 'party' },
        schema: {
          tags: [k.tag],
          summary: `Change one of the ${k.label}; answers 409 with the current record when it changed since you read it`,
          params: IdParams,
          body: k.update,
          response: { 200: PartyOut, ...ERROR_RESPONSES },
        },
      },
      async (request) => {
        const { ctx } = requireAuth(request);
        const visibility = await customVisibility(ctx, k.kind);
        const present = (detail: PartyDetail) => presentParty(detail, visibility);
        return present(await updateParty(ctx, k.kind, request.params.id, request.body as PartyBody, { present }));
      },
    );

    app.delete(
      `${k.path}/:id`,
      {
        config: { access: 'customers:write', resource: 'party' },
        schema: {
          tags: [k.tag],
          summary: `Delete one of the ${k.label} entered by mistake; refused (409) when it has orders, invoices, cases or feedback — erase it instead`,
          params: IdParams,
          response: { 204: Type.Null(), ...ERROR_RESPONSES },
        },
      },
      async (request, reply) => {
        const { ctx } = requireAuth(request);
        const fileKeys = await deleteParty(ctx, k.kind, request.params.id);
        await removeStoredFiles(ctx, attachmentStore(app.deps.config), fileKeys);
        return reply.status(204).send(null);
      },
    );
  }

  app.get(
    '/api/parties/by-number/:number',
    {
      config: { access: 'customers:read' },
      schema: {
        tags: ['people', 'organisations'],
        summary: 'The person or organisation with this customer number (also a number absorbed by a merge)',
        params: Type.Object({ number: Type.String({ maxLength: 40 }) }, { additionalProperties: false }),
        response: { 200: PartyOut, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const { ctx } = requireAuth(request);
      return present(ctx, await findByCustomerNumber(ctx, request.params.number));
    },
  );
};
