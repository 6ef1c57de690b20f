/**
 * The baseline of the benchmark: Fastify with nothing else, answering a small JSON on `GET /bare` and
 * `GET /health`. Whatever Rapport costs beyond it is Rapport's own. Listens on 127.0.0.1:$PORT.
 */
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/bare', async () => ({ id: 'c0ffee00-0000-4000-8000-000000000000', name: 'Bare', ok: true }));
app.get('/health', async () => ({ status: 'ok' }));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });

const stop = () => void app.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
