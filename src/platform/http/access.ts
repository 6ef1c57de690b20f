/**
 * The one request hook that authenticates, checks CSRF and authorises, driven by what each route declares.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { timingSafeEqual } from 'node:crypto';
import { AppError } from '../errors.ts';
import { authorize } from '../auth/permissions.ts';
import { resolveCredentials, SESSION_COOKIE } from '../auth/credentials.ts';
import type { DB } from '../db/schema.ts';
import type { AuthState } from './route-config.ts';
import type { AuthCache } from '../auth/auth-cache.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const CSRF_HEADER = 'x-csrf-token';

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The authenticated state of a request behind a route that is not public; throws 401 when there is none. */
export function requireAuth(request: FastifyRequest): AuthState {
  if (!request.auth) throw new AppError('unauthenticated', 'Sign in or send a valid API token');
  return request.auth;
}

export function registerAccessHook(app: FastifyInstance, db: Kysely<DB>, cache: AuthCache): void {
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access;
    if (!access || access === 'public') return;

    const auth = await resolveCredentials(
      db,
      { sessionCookie: request.cookies[SESSION_COOKIE], authorization: request.headers.authorization },
      cache,
    );
    if (!auth) throw new AppError('unauthenticated', 'Your session has expired or the credentials are invalid');

    if (auth.via === 'session' && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !auth.csrfToken || !sameSecret(sent, auth.csrfToken)) {
        throw new AppError('csrf_failed', `Missing or wrong ${CSRF_HEADER} header for a cookie-authenticated change`);
      }
    }
    if (access !== 'authenticated') authorize(auth.ctx.actor, access);
    request.auth = auth;
  });
}
