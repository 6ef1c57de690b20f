/**
 * Builds the HTTP application: Fastify with JSON-schema validation, the access hook, security headers,
 * request ids, the OpenAPI document, every capability's routes, and the web app.
 */
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Kysely } from 'kysely';
import type { Config } from '../config.ts';
import type { DB } from '../db/schema.ts';
import type { Engine } from '../db/database.ts';
import { ErrorBody } from './schemas.ts';
import { handleError } from './error-handler.ts';
import { validatorCompiler } from './validation.ts';
import { registerSecurityHeaders } from './security-headers.ts';
import { registerAccessHook } from './access.ts';
import { AuthCache } from '../auth/auth-cache.ts';
import { registerWeb, isApiPath } from './web.ts';
import { AppError } from '../errors.ts';
import { modules } from '../../modules/index.ts';
import './route-config.ts';

export interface AppDependencies {
  config: Config;
  db: Kysely<DB>;
  engine: Engine;
  /** Serve the web app (off in API-only tests). */
  web?: boolean;
  logger?: FastifyServerOptions['logger'];
}

export interface RouteEntry {
  method: string;
  url: string;
  access: string | undefined;
  resource: string | undefined;
  hasBody: boolean;
  bodySchema: unknown;
  querySchema: unknown;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDependencies;
    /** Every API route with what it declared, for docs and for the generic tenant-isolation test. */
    routeTable: RouteEntry[];
    authCache: AuthCache;
  }
}

export type App = FastifyInstance;

/** JSON lines for machines; readable lines when a person watches the terminal. */
function loggerOptions(config: Config): FastifyServerOptions['logger'] {
  if (!process.stdout.isTTY) return { level: config.logLevel };
  return { level: config.logLevel, transport: { target: 'pino-pretty', options: { translateTime: 'HH:MM:ss', ignore: 'pid,hostname' } } };
}

export async function buildApp(deps: AppDependencies): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.logger ?? loggerOptions(deps.config),
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
    },
    bodyLimit: deps.config.bodyLimit,
    trustProxy: false,
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  // Only JSON bodies are accepted; anything else is a 415.
  app.removeContentTypeParser('text/plain');

  app.decorate('deps', deps);
  app.decorate('routeTable', [] as RouteEntry[]);
  app.addHook('onRoute', (route) => {
    if (!isApiPath(route.url) || route.url.startsWith('/api/docs')) return;
    const access = route.config?.access;
    if (!access) throw new Error(`Route ${String(route.method)} ${route.url} must declare config.access`);
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      app.routeTable.push({
        method,
        url: route.url,
        access,
        resource: route.config?.resource,
        hasBody: Boolean(route.schema?.body),
        bodySchema: route.schema?.body,
        querySchema: route.schema?.querystring,
      });
    }
  });

  app.addSchema(ErrorBody);
  app.setErrorHandler(handleError);
  app.setNotFoundHandler((request, reply) =>
    handleError(new AppError('not_found', `No route ${request.method} ${request.url.split('?')[0]}`), request, reply),
  );
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });

  registerSecurityHeaders(app, { development: deps.config.development });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Rapport API',
        version: '0.1.0',
        description:
          'The CRM API. Authenticate with the session cookie (browser; writes need the x-csrf-token header) ' +
          'or a personal API token as `Authorization: Bearer rpt_…`. Lists use cursor pagination: pass ' +
          '`nextCursor` back as `cursor`.',
      },
      components: {
        securitySchemes: {
          token: { type: 'http', scheme: 'bearer', description: 'Personal API token (rpt_…)' },
          session: { type: 'apiKey', in: 'cookie', name: 'rapport_session' },
        },
      },
      security: [{ token: [] }, { session: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());

  const authCache = new AuthCache(deps.config.authCacheSeconds * 1000);
  app.decorate('authCache', authCache);
  app.addHook('onClose', async () => authCache.close());
  registerAccessHook(app, deps.db, authCache);
  for (const register of modules) await app.register(register);
  if (deps.web !== false) await registerWeb(app, { development: deps.config.development });
  return app;
}
