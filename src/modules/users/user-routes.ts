import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireAuth } from '../../platform/http/access.ts';
import { ERROR_RESPONSES, IdParams, NonBlankString, Page, StringEnum } from '../../platform/http/schemas.ts';
import { PageQuery, SortQuery } from '../../platform/http/pagination.ts';
import { getUser, inviteUser, listUsers, updateUser } from './user-service.ts';
import { presentUser, RoleSchema, UserOut } from './user-presenter.ts';

const StatusFilter = StringEnum(['invited', 'active', 'disabled'] as const);

export const userRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/users',
    {
      config: { access: 'users:read' },
      schema: {
        tags: ['users'],
        summary: 'List the users of the workspace',
        querystring: Type.Object(
          {
            ...PageQuery,
            sort: SortQuery(['name', 'email', 'createdAt'], 'name'),
            q: Type.Optional(Type.String({ maxLength: 200, description: 'Part of the name or email' })),
            role: Type.Optional(RoleSchema),
            status: Type.Optional(StatusFilter),
          },
          { additionalProperties: false },
        ),
        response: { 200: Page(UserOut), ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const page = await listUsers(requireAuth(request).ctx, request.query);
      return { data: page.data.map(presentUser), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/api/users/:id',
    {
      config: { access: 'users:read', resource: 'user' },
      schema: { tags: ['users'], summary: 'One user', params: IdParams, response: { 200: UserOut, ...ERROR_RESPONSES } },
    },
    async (request) => presentUser(await getUser(requireAuth(request).ctx, request.params.id)),
  );

  app.post(
    '/api/users/invitations',
    {
      config: { access: 'users:manage' },
      schema: {
        tags: ['users'],
        summary: 'Invite a user; returns the invitation link to send them',
        body: Type.Object(
          {
            email: Type.String({ format: 'email', maxLength: 254 }),
            name: NonBlankString(120),
            role: RoleSchema,
          },
          { additionalProperties: false, examples: [{ email: 'claire.dupont@example.fr', name: 'Claire Dupont', role: 'sales' }] },
        ),
        response: { 201: Type.Object({ user: UserOut, inviteUrl: Type.String() }), ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const { user, inviteToken } = await inviteUser(requireAuth(request).ctx, request.body);
      const origin = `${request.protocol}://${request.host}`;
      reply.status(201);
      return { user: presentUser(user), inviteUrl: `${origin}/accept-invite?token=${encodeURIComponent(inviteToken)}` };
    },
  );

  app.patch(
    '/api/users/:id',
    {
      config: { access: 'users:manage', resource: 'user' },
      schema: {
        tags: ['users'],
        summary: "Change a user's name, role, team, or status (disable or re-enable)",
        params: IdParams,
        body: Type.Object(
          {
            name: Type.Optional(NonBlankString(120)),
            role: Type.Optional(RoleSchema),
            status: Type.Optional(StringEnum(['active', 'disabled'] as const)),
            teamId: Type.Optional(Type.Union([Type.String({ format: 'uuid' }), Type.Null()])),
          },
          { additionalProperties: false, minProperties: 1, examples: [{ role: 'manager' }] },
        ),
        response: { 200: UserOut, ...ERROR_RESPONSES },
      },
    },
    async (request) => presentUser(await updateUser(requireAuth(request).ctx, request.params.id, request.body)),
  );
};
