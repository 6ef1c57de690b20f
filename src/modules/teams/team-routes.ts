/** Teams, and the per-role rules deciding who may change which customer records. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireAuth } from '../../platform/http/access.ts';
import { ERROR_RESPONSES, IdParams, NonBlankString, StringEnum } from '../../platform/http/schemas.ts';
import { ROLES } from '../../platform/auth/permissions.ts';
import { createTeam, listTeams, renameTeam, type Team } from './team-service.ts';
import { EDIT_SCOPES, editScopes, setEditScopes } from '../parties/record-access.ts';

const TeamOut = Type.Object({ id: Type.String(), name: Type.String(), memberCount: Type.Integer() });
const present = (team: Team) => ({ id: team.id, name: team.name, memberCount: team.member_count });
const Scopes = Type.Object(Object.fromEntries(ROLES.map((role) => [role, StringEnum(EDIT_SCOPES)])));

export const teamRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/teams',
    {
      config: { access: 'users:read' },
      schema: { tags: ['teams'], summary: 'Teams of the workspace', response: { 200: Type.Object({ data: Type.Array(TeamOut) }), ...ERROR_RESPONSES } },
    },
    async (request) => ({ data: (await listTeams(requireAuth(request).ctx)).map(present) }),
  );

  app.post(
    '/api/teams',
    {
      config: { access: 'users:manage' },
      schema: {
        tags: ['teams'],
        summary: 'Create a team',
        body: Type.Object({ name: NonBlankString(80) }, { additionalProperties: false, examples: [{ name: 'Ventes Ouest' }] }),
        response: { 201: TeamOut, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      reply.status(201);
      return present(await createTeam(requireAuth(request).ctx, request.body.name));
    },
  );

  app.patch(
    '/api/teams/:id',
    {
      config: { access: 'users:manage', resource: 'team' },
      schema: {
        tags: ['teams'],
        summary: 'Rename a team',
        params: IdParams,
        body: Type.Object({ name: NonBlankString(80) }, { additionalProperties: false, examples: [{ name: 'Ventes Grand Ouest' }] }),
        response: { 200: TeamOut, ...ERROR_RESPONSES },
      },
    },
    async (request) => present(await renameTeam(requireAuth(request).ctx, request.params.id, request.body.name)),
  );

  app.get(
    '/api/record-access',
    {
      config: { access: 'customers:read' },
      schema: {
        tags: ['teams'],
        summary: 'Which customer records each role may change: all, team, own or none (everyone reads all)',
        response: { 200: Scopes, ...ERROR_RESPONSES },
      },
    },
    async (request) => editScopes(requireAuth(request).ctx),
  );

  app.put(
    '/api/record-access',
    {
      config: { access: 'customers:configure' },
      schema: {
        tags: ['teams'],
        summary: 'Set the edit scope of some roles (admins always change every record)',
        body: Type.Object(Object.fromEntries(ROLES.map((role) => [role, Type.Optional(StringEnum(EDIT_SCOPES))])), {
          additionalProperties: false,
          minProperties: 1,
          examples: [{ sales: 'team' }],
        }),
        response: { 200: Scopes, ...ERROR_RESPONSES },
      },
    },
    async (request) => setEditScopes(requireAuth(request).ctx, request.body as never),
  );
};
