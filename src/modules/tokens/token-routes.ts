import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireAuth } from '../../platform/http/access.ts';
import { ERROR_RESPONSES, IdParams, NonBlankString, NullableTimestamp, StringEnum, Timestamp } from '../../platform/http/schemas.ts';
import { createApiToken, listApiTokens, revokeApiToken, type ApiToken } from './token-service.ts';

const Scope = StringEnum(['read', 'read_write'] as const);
const TokenOut = Type.Object({
  id: Type.String(),
  userId: Type.String(),
  name: Type.String(),
  scope: Scope,
  hint: Type.String(),
  createdAt: Timestamp,
  expiresAt: NullableTimestamp,
  lastUsedAt: NullableTimestamp,
  revokedAt: NullableTimestamp,
});

function presentToken(token: ApiToken) {
  return {
    id: token.id,
    userId: token.user_id,
    name: token.name,
    scope: token.scope as 'read' | 'read_write',
    hint: token.token_hint,
    createdAt: token.created_at.toISOString(),
    expiresAt: token.expires_at?.toISOString() ?? null,
    lastUsedAt: token.last_used_at?.toISOString() ?? null,
    revokedAt: token.revoked_at?.toISOString() ?? null,
  };
}

export const tokenRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/tokens',
    {
      config: { access: 'profile:read' },
      schema: {
        tags: ['tokens'],
        summary: 'Your API tokens (admins: `all=true` for everyone’s)',
        querystring: Type.Object({ all: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
        response: { 200: Type.Object({ data: Type.Array(TokenOut) }), ...ERROR_RESPONSES },
      },
    },
    async (request) => ({ data: (await listApiTokens(requireAuth(request).ctx, request.query)).map(presentToken) }),
  );

  app.post(
    '/api/tokens',
    {
      config: { access: 'profile:write' },
      schema: {
        tags: ['tokens'],
        summary: 'Create a personal API token; the secret is returned only this once',
        body: Type.Object(
          {
            name: NonBlankString(80),
            scope: Scope,
            expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })),
          },
          { additionalProperties: false, examples: [{ name: 'Invoicing sync', scope: 'read' }] },
        ),
        response: { 201: Type.Object({ token: TokenOut, secret: Type.String() }), ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const { token, secret } = await createApiToken(requireAuth(request).ctx, request.body);
      reply.status(201);
      return { token: presentToken(token), secret };
    },
  );

  app.delete(
    '/api/tokens/:id',
    {
      config: { access: 'profile:write', resource: 'api_token' },
      schema: { tags: ['tokens'], summary: 'Revoke a token', params: IdParams, response: { 204: Type.Null(), ...ERROR_RESPONSES } },
    },
    async (request, reply) => {
      await revokeApiToken(requireAuth(request).ctx, request.params.id);
      return reply.status(204).send(null);
    },
  );
};
