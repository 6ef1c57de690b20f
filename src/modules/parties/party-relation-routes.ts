/**
 * What surrounds one person or organisation: role history, links to other parties, consent, and the
 * data-protection requests (subject access export, erasure).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireAuth } from '../../platform/http/access.ts';
import { ERROR_RESPONSES, IdParams, StringEnum } from '../../platform/http/schemas.ts';
import { notFound } from '../../platform/errors.ts';
import { scoped } from '../../platform/db/scoped.ts';
import type { Ctx } from '../../platform/context.ts';
import { customVisibility } from './party-service.ts';
import { presentParty } from './party-presenter.ts';
import { PartyOut, type PartyKind } from './party-schemas.ts';
import { roleHistory } from './party-roles.ts';
import { addLink, deleteLink, DECISION_ROLES, LINK_KINDS, listLinks, updateLink } from './party-links.ts';
import { CONSENT_CHANNELS, CONSENT_PURPOSES, listConsents, setConsents } from './party-consents.ts';
import { eraseParty, exportParty } from './party-privacy.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const Day = Type.String({ format: 'date' });
const LinkParams = Type.Object({ id: Type.String({ format: 'uuid' }), linkId: Type.String({ format: 'uuid' }) }, { additionalProperties: false });

const RoleOut = Type.Object({
  id: Type.String(),
  role: Type.String(),
  startedOn: Type.String(),
  endedOn: Nullable(Type.String()),
  reason: Nullable(Type.String()),
  competitor: Nullable(Type.String()),
});
const LinkOut = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  direction: StringEnum(['outgoing', 'incoming'] as const),
  other: Type.Object({ id: Type.String(), kind: Type.String(), displayName: Type.String(), customerNumber: Type.String() }),
  function: Nullable(Type.String()),
  decisionRole: Nullable(Type.String()),
  startedOn: Nullable(Type.String()),
  endedOn: Nullable(Type.String()),
  current: Type.Boolean(),
});
const ConsentOut = Type.Object({
  channel: Type.String(),
  purpose: Type.String(),
  status: StringEnum(['granted', 'denied', 'unknown'] as const),
  source: Nullable(Type.String()),
  recordedAt: Nullable(Type.String()),
});

/** 404 unless the party exists in the workspace (reads of sub-lists must not reveal foreign ids). */
async function assertParty(ctx: Ctx, id: string): Promise<void> {
  const found = await scoped(ctx.db, ctx.workspaceId).selectFrom('parties').select('id').where('id', '=', id).executeTakeFirst();
  if (!found) throw notFound('Customer record');
}

export const partyRelationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/parties/:id/roles',
    {
      config: { access: 'customers:read', resource: 'party' },
      schema: {
        tags: ['relationships'],
        summary: 'The history of relationship roles (prospect, customer, former customer…), newest first',
        params: IdParams,
        response: { 200: Type.Object({ data: Type.Array(RoleOut) }), ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const { ctx } = requireAuth(request);
      await assertParty(ctx, request.params.id);
      return { data: await roleHistory(ctx, request.params.id) };
    },
  );

  app.get(
    '/api/parties/:id/links',
    {
      config: { access: 'customers:read', resource: 'party' },
      schema: {
        tags: ['relationships'],
        summary: 'Links to other people and organisations, both directions, current ones first',
        params: IdParams,
        response: { 200: Type.Object({ data: Type.Array(LinkOut) }), ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const { ctx } = requireAuth(request);
      await assertParty(ctx, request.params.id);
      return { data: await listLinks(ctx, request.params.id) };
    },
  );

  app.post(
    '/api/parties/:id/links',
    {
      config: { access: 'customers:write', resource: 'party' },
      schema: {
        tags: ['relationships'],
        summary: 'Link this party to another: employee of, subsidiary of, household, spouse, referred by, partner of',
        params: IdParams,
        body: Type.Object(
          {
            kind: StringEnum(LINK_KINDS),
            otherPartyId: Type.String({ format: 'uuid' }),
            function: Type.Optional(Nullable(Type.String({ maxLength: 120 }))),
            decisionRole: Type.Optional(Nullable(StringEnum(DECISION_ROLES))),
            startedOn: Type.Optional(Nullable(Day)),
            endedOn: Type.Optional(Nullable(Day)),
          },
          {
            additionalProperties: false,
            examples: [
              { kind: 'employee_of', otherPartyId: '2f1c7a52-8a0e-4a55-9d43-6f1d0c3b9e21', function: 'Directrice des achats', decisionRole: 'decision_maker' },
            ],
          },
        ),
        response: { 201: LinkOut, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const link = await addLink(requireAuth(request).ctx, request.params.id, request.body);
      reply.status(201);
      return link;
    },
  );

  app.patch(
    '/api/parties/:id/links/:linkId',
    {
      config: { access: 'customers:write', resource: 'party' },
      schema: {
        tags: ['relationships'],
        summary: 'Change a link: function, decision role, dates (set endedOn when someone leaves a company)',
        params: LinkParams,
        body: Type.Object(
          {
            function: Type.Optional(Nullable(Type.String({ maxLength: 120 }))),
            decisionRole: Type.Optional(Nullable(StringEnum(DECISION_ROLES))),
            startedOn: Type.Optional(Nullable(Day)),
            endedOn: Type.Optional(Nullable(Day)),
          },
          { additionalProperties: false, minProperties: 1, examples: [{ endedOn: '2026-06-30' }] },
        ),
        response: { 200: LinkOut, ...ERROR_RESPONSES },
      },
    },
    async (request) => updateLink(requireAuth(request).ctx, request.params.id, request.params.linkId, request.body),
  );

  app.delete(
    '/api/parties/:id/links/:linkId',
    {
      config: { access: 'customers:write', resource: 'party' },
      schema: { tags: ['relationships'], summary: 'Remove a link entered by mistake', params: LinkParams, response: { 204: Type.Null(), ...ERROR_RESPONSES } },
    },
    async (request, reply) => {
      await deleteLink(requireAuth(request).ctx, request.params.id, request.params.linkId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/parties/:id/consents',
    {
      config: { access: 'customers:read', resource: 'party' },
      schema: {
        tags: ['consent'],
        summary: 'Consent per channel and purpose; "unknown" where nothing was recorded',
        params: IdParams,
        response: { 200: Type.Object({ data: Type.Array(ConsentOut) }), ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const { ctx } = requireAuth(request);
      await assertParty(ctx, request.params.id);
      return { data: await listConsents(ctx, request.params.id) };
    },
  );

  app.put(
    '/api/parties/:id/consents',
    {
      config: { access: 'customers:write', resource: 'party' },
      schema: {
        tags: ['consent'],
        summary: 'Record consent answers with their source; pairs not sent stay as they were',
        params: IdParams,
        body: Type.Object(
          {
            consents: Type.Array(
              Type.Object(
                {
                  channel: StringEnum(CONSENT_CHANNELS),
                  purpose: StringEnum(CONSENT_PURPOSES),
                  status: StringEnum(['granted', 'denied'] as const),
                  source: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S', description: 'Where it was given: web form, phone call, shop…' }),
                  recordedAt: Type.Optional(Type.String({ format: 'date-time' })),
                },
                { additionalProperties: false },
              ),
              { minItems: 1, maxItems: 8 },
            ),
          },
          {
            additionalProperties: false,
            examples: [{ consents: [{ channel: 'email', purpose: 'marketing', status: 'granted', source: 'Formulaire web' }] }],
          },
        ),
        response: { 200: Type.Object({ data: Type.Array(ConsentOut) }), ...ERROR_RESPONSES },
      },
    },
    async (request) => ({ data: await setConsents(requireAuth(request).ctx, request.params.id, request.body.consents) }),
  );

  app.get(
    '/api/parties/:id/export',
    {
      config: { access: 'customers:privacy', resource: 'party' },
      schema: {
        tags: ['privacy'],
        summary: 'Subject access export: everything held about this person or organisation, as JSON',
        params: IdParams,
        response: { 200: Type.Unknown(), ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const { ctx } = requireAuth(request);
      const document = await exportParty(ctx, request.params.id, (detail) =>
        presentParty(detail, { fields: new Map(), canReadSensitive: true }),
      );
      const number = (document.record as { customerNumber: string }).customerNumber;
      reply.header('content-disposition', `attachment; filename="rapport-${number}.json"`);
      return document;
    },
  );

  app.post(
    '/api/parties/:id/erase',
    {
      config: { access: 'customers:privacy', resource: 'party' },
      schema: {
        tags: ['privacy'],
        summary: 'Erase a person: personal data anonymised for good, aggregates kept. Repeat the customer number to confirm',
        params: IdParams,
        body: Type.Object({ confirm: Type.String({ maxLength: 40 }) }, { additionalProperties: false, examples: [{ confirm: 'C-000123-18' }] }),
        response: { 200: PartyOut, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const { ctx } = requireAuth(request);
      const detail = await eraseParty(ctx, request.params.id, request.body.confirm);
      return presentParty(detail, await customVisibility(ctx, detail.row.kind as PartyKind));
    },
  );

};
