/**
 * The API describes itself: the OpenAPI document covers every route of the route table with a summary and
 * schemas for what it accepts, the docs page is served, the health check names its engine, and API answers
 * carry the security headers.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, call, type TestApp } from '../helpers/app.ts';
import { makeWorkspace, type TestWorkspace } from '../helpers/factories.ts';

let t: TestApp;
let ws: TestWorkspace;
let doc: OpenApiDocument;

interface Parameter {
  in: 'path' | 'query' | 'header' | 'cookie';
  name: string;
  required?: boolean;
  schema?: object;
}

interface Operation {
  summary?: string;
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: object }> };
  responses?: Record<string, unknown>;
}

interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, Operation>>;
  components?: { securitySchemes?: Record<string, unknown> };
}

/** Routes that are deliberately left out of the document. */
const HIDDEN = new Set(['/api/openapi.json', '/*']);

/** `/api/users/:id` as OpenAPI writes it: `/api/users/{id}`. */
function openApiPath(url: string): string {
  return url.replace(/:(\w+)/g, '{$1}');
}

function documented() {
  return t.app.routeTable.filter((route) => !HIDDEN.has(route.url));
}

before(async () => {
  t = await createTestApp();
  ws = await makeWorkspace(t.database.db);
  const response = await call(t.app, { url: '/api/openapi.json' });
  assert.equal(response.statusCode, 200, response.body);
  assert.match(String(response.headers['content-type']), /^application\/json/);
  doc = response.json();
});

after(() => t.close());

test('the document is OpenAPI 3.1.0 with both ways to authenticate', () => {
  assert.equal(doc.openapi, '3.1.0');
  assert.equal(doc.info.title, 'Rapport API');
  assert.ok(doc.info.version);
  assert.deepEqual(Object.keys(doc.components?.securitySchemes ?? {}).sort(), ['session', 'token']);
});

test('every route of the route table is documented, and nothing else', () => {
  const routes = documented();
  assert.ok(routes.length >= 15, `the route table looks incomplete: ${routes.length} routes`);
  for (const route of routes) {
    const operation = doc.paths[openApiPath(route.url)]?.[route.method.toLowerCase()];
    assert.ok(operation, `${route.method} ${route.url} is missing from the OpenAPI document`);
  }
  const expected = new Set(routes.map((r) => `${r.method.toLowerCase()} ${openApiPath(r.url)}`));
  for (const [path, operations] of Object.entries(doc.paths)) {
    for (const method of Object.keys(operations)) {
      assert.ok(expected.has(`${method} ${path}`), `${method} ${path} is documented but not in the route table`);
    }
  }
  assert.ok(!('/api/openapi.json' in doc.paths), 'the document does not list itself');
});

test('every operation has a summary and schemas for its body, path and query parameters', () => {
  for (const route of documented()) {
    const label = `${route.method} ${route.url}`;
    const operation = doc.paths[openApiPath(route.url)]![route.method.toLowerCase()]!;
    assert.ok(operation.summary && operation.summary.trim().length > 5, `${label} has no summary`);
    assert.ok(operation.responses && Object.keys(operation.responses).length > 0, `${label} documents no response`);

    if (route.hasBody) {
      const schema = operation.requestBody?.content?.['application/json']?.schema;
      assert.ok(schema && Object.keys(schema).length > 0, `${label} has a body without a schema`);
    } else {
      assert.equal(operation.requestBody, undefined, `${label} documents a body it does not take`);
    }

    const parameters = operation.parameters ?? [];
    for (const name of [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1])) {
      const parameter = parameters.find((p) => p.in === 'path' && p.name === name);
      assert.ok(parameter, `${label} does not document path parameter ${name}`);
      assert.equal(parameter.required, true);
      assert.ok(parameter.schema && Object.keys(parameter.schema).length > 0, `${label} path parameter ${name} has no schema`);
    }

    const queryNames = Object.keys((route.querySchema as { properties?: object } | undefined)?.properties ?? {});
    for (const name of queryNames) {
      const parameter = parameters.find((p) => p.in === 'query' && p.name === name);
      assert.ok(parameter, `${label} does not document query parameter ${name}`);
      assert.ok(parameter.schema && Object.keys(parameter.schema).length > 0, `${label} query parameter ${name} has no schema`);
    }
  }
});

test('public routes say they need no credentials', () => {
  for (const route of documented().filter((r) => r.access === 'public')) {
    const operation = doc.paths[openApiPath(route.url)]![route.method.toLowerCase()] as Operation & { security?: unknown[] };
    assert.deepEqual(operation.security, [], `${route.method} ${route.url} is public but inherits the global security`);
  }
});

test('/api/docs answers the HTML documentation page', async () => {
  let response = await call(t.app, { url: '/api/docs' });
  for (let hops = 0; response.statusCode >= 300 && response.statusCode < 400 && hops < 3; hops++) {
    const location = new URL(String(response.headers.location), 'http://localhost/api/docs').pathname;
    assert.match(location, /^\/api\/docs/);
    response = await call(t.app, { url: location });
  }
  assert.equal(response.statusCode, 200);
  assert.match(String(response.headers['content-type']), /^text\/html/);
  assert.match(response.body, /<html/i);
  assert.match(response.body, /swagger/i);
});

test('/health says ok and names the database engine', async () => {
  const response = await call(t.app, { url: '/health' });
  assert.equal(response.statusCode, 200);
  assert.deepEqual(response.json(), { status: 'ok', database: 'ok', engine: t.database.engine });
  assert.equal(t.database.engine, process.env.DATABASE_URL ? 'postgres' : 'pglite');
});

test('API answers carry the security headers, errors included', async () => {
  const answers = [
    await call(t.app, { url: '/api/me', session: ws.adminSession }),
    await call(t.app, { url: '/api/me' }),
    await call(t.app, { url: '/api/nope' }),
    await call(t.app, { url: '/health' }),
  ];
  for (const response of answers) {
    const label = `${response.statusCode} ${response.body.slice(0, 80)}`;
    const csp = String(response.headers['content-security-policy'] ?? '');
    assert.match(csp, /default-src 'none'/, label);
    assert.equal(response.headers['cache-control'], 'no-store', label);
    assert.equal(response.headers['x-content-type-options'], 'nosniff', label);
    const framing = /frame-ancestors 'none'/.test(csp) || ['DENY', 'SAMEORIGIN'].includes(String(response.headers['x-frame-options']));
    assert.ok(framing, `${label}: no protection against framing`);
    assert.equal(response.headers['referrer-policy'], 'no-referrer', label);
    assert.ok(response.headers['x-request-id'], label);
  }
  assert.equal(answers[0]!.statusCode, 200);
  assert.equal(answers[1]!.statusCode, 401);
});
