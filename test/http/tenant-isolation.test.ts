/**
 * Tenant isolation over the whole route table. Every non-public route is called from workspace B, with the
 * ids of workspace A's records wherever the route takes an id. Routes about one record must answer 404
 * exactly as for an unknown id; other routes must not leak any of A's identifiers; and afterwards every row
 * of workspace A must be exactly as before. Routes added later are covered automatically: a route that
 * takes an id must declare `config.resource`, and a route with a body must declare an example body.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestApp, call, type TestApp } from '../helpers/app.ts';
import { makeUser, makeWorkspace, sessionFor, tokenFor, type TestWorkspace } from '../helpers/factories.ts';
import { createParty } from '../../src/modules/parties/party-service.ts';
import { addLink } from '../../src/modules/parties/party-links.ts';
import { createCustomField } from '../../src/modules/custom-fields/custom-field-service.ts';
import { createTeam } from '../../src/modules/teams/team-service.ts';
import { createView } from '../../src/modules/views/view-service.ts';
import { seedFeatures } from '../helpers/isolation/index.ts';

let t: TestApp;
let a: TestWorkspace;
let b: TestWorkspace;
/** One record of workspace A for every kind of resource a route can name. */
let resourcesOfA: Record<string, string>;
let secretsOfA: string[];
/** Values for the other path parameters, all pointing at workspace A's records. */
let paramsOfA: Record<string, string>;

async function snapshot(workspaceId: string): Promise<Record<string, unknown[]>> {
  const tables = await sql<{ table_name: string }>`
    select table_name from information_schema.columns
    where table_schema = 'public' and column_name = 'workspace_id' order by table_name`.execute(t.database.db);
  const result: Record<string, unknown[]> = {};
  for (const { table_name } of tables.rows) {
    const rows = await sql`select * from ${sql.table(table_name)} where workspace_id = ${workspaceId} order by 1, 2`.execute(t.database.db);
    result[table_name] = rows.rows;
  }
  result.workspaces = (await sql`select * from workspaces where id = ${workspaceId}`.execute(t.database.db)).rows;
  return result;
}

before(async () => {
  t = await createTestApp();
  a = await makeWorkspace(t.database.db, 'Alpha Isolation');
  b = await makeWorkspace(t.database.db, 'Beta Isolation');
  const sales = await makeUser(a, 'sales', 'Zoé Alphaonly');
  const token = await tokenFor(a, a.admin, 'read_write');
  const organisation = await createParty(a.ctx, 'organisation', { legalName: 'Alphaonly Industries', siret: '73282932000074' });
  // Customer numbers are per workspace, so B's first records get the same numbers as A's first ones: the record
  // probed by number comes after a few others, beyond what B's example bodies create during the walk.
  for (let i = 0; i < 5; i++) await createParty(a.ctx, 'person', { lastName: `Filler ${i}` });
  const person = await createParty(a.ctx, 'person', { lastName: 'Alphaonly', emails: [{ email: 'zoe@alphaonly.test' }] });
  const link = await addLink(a.ctx, person.row.id, { kind: 'employee_of', otherPartyId: organisation.row.id });
  const field = await createCustomField(a.ctx, { entity: 'person', label: 'Alphaonly size', type: 'text', purpose: 'test' });
  const team = await createTeam(a.ctx, 'Alphaonly team');
  const adminCtx = { ...a.ctx, actor: { type: 'user' as const, userId: a.admin.id, role: 'admin' as const, label: a.admin.email } };
  const view = await createView(adminCtx, { entity: 'person', name: 'Alphaonly view' });
  resourcesOfA = {
    user: sales.id,
    api_token: token.id,
    workspace: a.id,
    party: person.row.id,
    custom_field: field.id,
    team: team.id,
    saved_view: view.id,
  };
  paramsOfA = { linkId: link.id, number: person.row.customer_number };
  secretsOfA = [a.id, a.admin.id, sales.id, token.id, a.admin.email, sales.email, 'Alphaonly', 'alphaonly', 'Alpha Isolation', person.row.id, organisation.row.id, link.id];
  const features = await seedFeatures({ workspace: a, personId: person.row.id, organisationId: organisation.row.id });
  Object.assign(resourcesOfA, features.resources);
  Object.assign(paramsOfA, features.params);
  secretsOfA.push(...features.secrets);
});

after(() => t.close());

function exampleBody(schema: unknown): unknown {
  const examples = (schema as { examples?: unknown[] } | undefined)?.examples;
  return examples?.[0];
}

test('every API route declares its access, and every id-taking route its resource', () => {
  const routes = t.app.routeTable;
  assert.ok(routes.length >= 15, `expected the full route table, got ${routes.length} routes`);
  for (const route of routes) {
    assert.ok(route.access, `${route.method} ${route.url} declares no access`);
    if (route.url.includes(':id')) assert.ok(route.resource, `${route.method} ${route.url} takes :id but declares no resource`);
    if (route.hasBody && route.access !== 'public') {
      assert.ok(exampleBody(route.bodySchema) !== undefined, `${route.method} ${route.url} has a body schema without an example`);
    }
  }
});

test('workspace B can neither read nor change anything of workspace A, on every route', async () => {
  const before = await snapshot(a.id);
  const probes: { label: string; status: number; body: string }[] = [];

  for (const route of t.app.routeTable) {
    if (route.access === 'public') continue;
    const params = [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
    const variants: { url: string; targetsA: boolean }[] = [];
    if (params.length === 1 && paramsOfA[params[0]!]) {
      variants.push({ url: route.url.replace(`:${params[0]}`, paramsOfA[params[0]!]!), targetsA: true });
    } else if (params.length === 0) {
      variants.push({ url: route.url, targetsA: false });
    } else {
      const kinds = route.resource === '*' ? Object.keys(resourcesOfA) : [route.resource!];
      for (const kind of kinds) {
        const id = resourcesOfA[kind];
        assert.ok(id, `no factory record of kind "${kind}" for ${route.method} ${route.url}: add one to this test`);
        let url = route.url;
        for (const param of params) {
          if (param === 'id') url = url.replace(':id', id);
          else if (param === 'entity') url = url.replace(':entity', kind);
          else if (paramsOfA[param]) url = url.replace(`:${param}`, paramsOfA[param]!);
          else assert.fail(`${route.method} ${route.url}: the probe does not know path parameter :${param}`);
        }
        variants.push({ url, targetsA: true });
      }
    }

    for (const variant of variants) {
      // A fresh session each time, so a logout probe does not sign B out of the next one.
      const session = await sessionFor(b, b.admin);
      const response = await call(t.app, {
        method: route.method as 'GET',
        url: variant.url,
        session,
        ...(route.hasBody ? { body: exampleBody(route.bodySchema) } : {}),
      });
      const label = `${route.method} ${variant.url}`;
      probes.push({ label, status: response.statusCode, body: response.body });
      if (variant.targetsA) {
        assert.equal(response.statusCode, 404, `${label} answered ${response.statusCode} for another workspace's id: ${response.body}`);
        assert.equal(response.json().error.code, 'not_found', label);
      } else {
        assert.ok(response.statusCode < 500, `${label} failed: ${response.body}`);
      }
      for (const secret of secretsOfA) {
        assert.ok(!response.body.includes(secret), `${label} leaked "${secret}" of workspace A: ${response.body}`);
      }
    }
  }

  assert.ok(probes.some((p) => p.status === 404), 'at least one id-taking route was probed');
  assert.deepEqual(await snapshot(a.id), before, 'a request from workspace B changed workspace A');
});

test('an unknown id and another workspace’s id get the very same answer', async () => {
  const foreign = await call(t.app, { url: `/api/users/${resourcesOfA.user}`, session: b.adminSession });
  const unknown = await call(t.app, { url: '/api/users/00000000-0000-4000-8000-000000000000', session: b.adminSession });
  assert.equal(foreign.statusCode, 404);
  assert.equal(unknown.statusCode, 404);
  assert.deepEqual({ ...foreign.json().error, requestId: null }, { ...unknown.json().error, requestId: null });
});

test('an API token of workspace B cannot reach workspace A either', async () => {
  const token = await tokenFor(b, b.admin, 'read_write');
  const response = await call(t.app, { url: `/api/users/${resourcesOfA.user}`, token: token.secret });
  assert.equal(response.statusCode, 404);
  const list = await call(t.app, { url: '/api/users', token: token.secret });
  assert.equal(list.statusCode, 200);
  assert.ok(!list.body.includes(resourcesOfA.user!));
});
