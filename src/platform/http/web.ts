/**
 * Serves the web app from the same server as the API: the built files from `web/dist` in production, and
 * Vite in middleware mode (with hot reload) in development. Any GET that is not an API or docs path gets the
 * single-page app's index.html.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.ts';

export const WEB_ROOT = path.resolve(import.meta.dirname, '../../../web');
export const WEB_DIST = path.join(WEB_ROOT, 'dist');

export function isApiPath(url: string): boolean {
  return url.startsWith('/api/') || url === '/api' || url.startsWith('/health');
}

export async function registerWeb(app: FastifyInstance, options: { development: boolean }): Promise<void> {
  if (options.development) {
    const { createServer } = await import('vite');
    const middie = (await import('@fastify/middie')).default;
    await app.register(middie);
    const vite = await createServer({
      configFile: path.join(WEB_ROOT, 'vite.config.ts'),
      // Hot reload rides on the API server's own port rather than a second one.
      server: { middlewareMode: true, hmr: { server: app.server } },
      appType: 'spa',
    });
    app.use((req, res, next) => (isApiPath(req.url ?? '') ? next() : vite.middlewares(req, res, next)));
    app.addHook('onClose', () => vite.close());
    return;
  }

  const index = path.join(WEB_DIST, 'index.html');
  if (!fs.existsSync(index)) {
    app.log.warn('web/dist is missing: run `npm run build` to serve the web app');
    return;
  }
  const fastifyStatic = (await import('@fastify/static')).default;
  await app.register(fastifyStatic, {
    root: WEB_DIST,
    wildcard: false,
    index: false,
    maxAge: '1h',
    setHeaders(reply, filePath) {
      // Vite names built assets by content hash, so they never change under the same name.
      if (filePath.includes(`${path.sep}assets${path.sep}`)) reply.header('cache-control', 'public, max-age=31536000, immutable');
    },
  });
  const html = fs.readFileSync(index);
  app.get('/*', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    if (isApiPath(request.url)) throw new AppError('not_found', `No route ${request.method} ${request.url.split('?')[0]}`);
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(html);
  });
}
