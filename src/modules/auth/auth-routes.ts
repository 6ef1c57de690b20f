import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { requireAuth } from '../../platform/http/access.ts';
import { ERROR_RESPONSES, NonBlankString } from '../../platform/http/schemas.ts';
import { CSRF_COOKIE, SESSION_COOKIE } from '../../platform/auth/credentials.ts';
import { ROLE_PERMISSIONS, type Role } from '../../platform/auth/permissions.ts';
import { SYSTEM_ACTOR } from '../../platform/context.ts';
import { AppError, validationError } from '../../platform/errors.ts';
import { checkCredentials, createSession, deleteSession } from './session-service.ts';
import { acceptInvitation, changePassword, getUser, updateUser, type User } from '../users/user-service.ts';
import { LocaleSchema, presentUser, UserOut } from '../users/user-presenter.ts';
import { getWorkspace } from '../workspaces/workspace-service.ts';
import { presentWorkspace, WorkspaceOut } from '../workspaces/workspace-routes.ts';

const SessionOut = Type.Object({ user: UserOut, workspace: WorkspaceOut, csrfToken: Type.String() });
const MeOut = Type.Object({
  user: UserOut,
  workspace: WorkspaceOut,
  permissions: Type.Array(Type.String()),
  via: Type.Union([Type.Literal('session'), Type.Literal('token')]),
  csrfToken: Type.Union([Type.String(), Type.Null()]),
});

export const authRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { config, db } = app.deps;

  async function startSession(request: FastifyRequest, reply: FastifyReply, user: User) {
    const session = await createSession(db, {
      workspaceId: user.workspace_id,
      userId: user.id,
      days: config.sessionDays,
      userAgent: request.headers['user-agent'],
      ip: request.ip,
    });
    const secure = config.secureCookies === 'true' || (config.secureCookies === 'auto' && request.protocol === 'https');
    const common = { path: '/', sameSite: 'lax' as const, secure, expires: session.expiresAt };
    reply.setCookie(SESSION_COOKIE, session.cookie, { ...common, httpOnly: true });
    reply.setCookie(CSRF_COOKIE, session.csrfToken, { ...common, httpOnly: false });
    const workspace = await getWorkspace({ db, workspaceId: user.workspace_id, actor: SYSTEM_ACTOR });
    const signedIn = { ...user, last_login_at: new Date() };
    return { user: presentUser(signedIn), workspace: presentWorkspace(workspace), csrfToken: session.csrfToken };
  }

  app.post(
    '/api/auth/login',
    {
      config: {
        access: 'public',
        rateLimit: {
          max: config.loginRateLimit,
          timeWindow: 60_000,
          hook: 'preHandler',
          keyGenerator: (request) => `${request.ip}|${String((request.body as { email?: string })?.email ?? '').toLowerCase()}`,
        },
      },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with email and password; sets the session cookie',
        security: [],
        body: Type.Object(
          {
            email: Type.String({ format: 'email', maxLength: 254 }),
            password: Type.String({ minLength: 1, maxLength: 200 }),
            workspace: Type.Optional(Type.String({ maxLength: 60, description: 'Workspace slug, when the email is in several' })),
          },
          { additionalProperties: false, examples: [{ email: 'admin@rapport.local', password: 'a long password' }] },
        ),
        response: { 200: SessionOut, 429: Type.Ref('ErrorBody'), ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => startSession(request, reply, await checkCredentials(db, request.body)),
  );

  app.post(
    '/api/auth/accept-invite',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Accept an invitation by choosing a password; signs the user in',
        security: [],
        body: Type.Object(
          {
            token: Type.String({ minLength: 10, maxLength: 200 }),
            password: Type.String({ minLength: 1, maxLength: 200 }),
            name: Type.Optional(NonBlankString(120)),
          },
          { additionalProperties: false },
        ),
        response: { 200: SessionOut, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const user = await acceptInvitation({ db, actor: SYSTEM_ACTOR }, request.body);
      return startSession(request, reply, user);
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['auth'], summary: 'Sign out of this session', response: { 204: Type.Null(), ...ERROR_RESPONSES } },
    },
    async (request, reply) => {
      const auth = requireAuth(request);
      if (auth.sessionId) {
        await deleteSession(db, auth.ctx.workspaceId, auth.sessionId);
        app.authCache.forget((identity) => identity.sessionId === auth.sessionId);
      }
      reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(CSRF_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/me',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['auth'], summary: 'Who is signed in, in which workspace, with which permissions', response: { 200: MeOut, ...ERROR_RESPONSES } },
    },
    async (request) => {
      const auth = requireAuth(request);
      const actor = auth.ctx.actor;
      if (actor.type === 'system') throw new AppError('unauthenticated', 'No user behind these credentials');
      // The user and workspace were read with the credentials; a change to either drops them from the cache.
      const { user, workspace } = auth;
      const permissions = [...ROLE_PERMISSIONS[actor.role as Role]].filter((p) => actor.type !== 'token' || actor.scope === 'read_write' || p.endsWith(':read'));
      return { user: presentUser(user), workspace, permissions, via: auth.via, csrfToken: auth.csrfToken };
    },
  );

  app.patch(
    '/api/me',
    {
      config: { access: 'profile:write' },
      schema: {
        tags: ['auth'],
        summary: 'Change your own name, language or password',
        body: Type.Object(
          {
            name: Type.Optional(NonBlankString(120)),
            locale: Type.Optional(LocaleSchema),
            currentPassword: Type.Optional(Type.String({ maxLength: 200 })),
            newPassword: Type.Optional(Type.String({ maxLength: 200 })),
          },
          { additionalProperties: false, minProperties: 1, examples: [{ locale: 'fr' }] },
        ),
        response: { 200: Type.Object({ user: UserOut }), ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const auth = requireAuth(request);
      const actor = auth.ctx.actor;
      if (actor.type === 'system') throw new AppError('unauthenticated', 'No user behind these credentials');
      const { name, locale, currentPassword, newPassword } = request.body;
      if (newPassword !== undefined) {
        if (currentPassword === undefined) throw validationError('body.currentPassword', 'is required to change the password');
        await changePassword(auth.ctx, { userId: actor.userId, currentPassword, newPassword, keepSessionId: auth.sessionId });
      }
      const user =
        name !== undefined || locale !== undefined
          ? await updateUser(auth.ctx, actor.userId, { name, locale })
          : await getUser(auth.ctx, actor.userId);
      return { user: presentUser(user) };
    },
  );
};
