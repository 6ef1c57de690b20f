/**
 * Cursor pagination over GET /api/users: walking every page in every sort order returns every matching user
 * exactly once, in the order a direct SQL query and a sort in JavaScript agree on, with filters and at any page
 * size. Users get created_at values with microsecond steps and ties, so the cursor's precision and its id
 * tie-breaker are exercised too.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { sql } from 'kysely';
import { ROLES, type Role } from '../../src/platform/auth/permissions.ts';
import { createUser, inviteUser, updateUser } from '../../src/modules/users/user-service.ts';
import { createTestApp, call, type TestApp } from '../helpers/app.ts';
import { makeWorkspace, PASSWORD, type TestWorkspace } from '../helpers/factories.ts';

let t: TestApp;
let ws: TestWorkspace;
/** Every user of the workspace as the test knows them, with the microsecond offset given to created_at. */
let people: Person[];

interface Person {
  id: string;
  name: string;
  email: string;
  role: string;
  status: string;
  micros: number;
}

const TOTAL = 37;
const SORTS = ['name', '-name', 'email', '-email', 'createdAt', '-createdAt'] as const;
type Sort = (typeof SORTS)[number];
// Capitalised words only, so every collation (C on PGlite, a locale on a PostgreSQL server) orders them alike.
const NAMES = ['Alice', 'Bruno', 'Chloe', 'Denis', 'Emma', 'Farid', 'Gaspard'];
const CREATED_BASE = Date.parse('2026-01-01T00:00:00Z');

/** Lower-case letters of one length, so emails compare alike in every collation. */
function emailLocalPart(): string {
  return [...randomBytes(10)].map((b) => String.fromCharCode(97 + (b % 26))).join('');
}

function createdAt(micros: number): string {
  const millis = Math.floor(micros / 1000);
  const rest = String(micros % 1000).padStart(3, '0');
  return new Date(CREATED_BASE + millis).toISOString().replace('Z', `${rest}Z`);
}

/** Builds `count` users besides the admin: a mix of roles and statuses, names with ties, created_at ties. */
async function populate(target: TestWorkspace, count: number): Promise<Person[]> {
  const result: Person[] = [];
  for (let i = 0; i < count; i++) {
    const options = { email: `${emailLocalPart()}@example.test`, name: NAMES[i % NAMES.length]!, role: ROLES[i % ROLES.length]! as Role };
    const user = i % 6 === 0 ? await createUser(target.ctx, { ...options, password: PASSWORD }) : (await inviteUser(target.ctx, options)).user;
    const status = i % 5 === 0 && user.status === 'invited' ? (await updateUser(target.ctx, user.id, { status: 'disabled' })).status : user.status;
    result.push({ id: user.id, name: user.name, email: user.email, role: user.role, status, micros: 0 });
  }
  const admin = target.admin;
  result.push({ id: admin.id, name: admin.name, email: admin.email, role: admin.role, status: admin.status, micros: 0 });
  // Microsecond steps, some shared by several users: 0, 1, 2, …, 12, then 0 again, spread over two milliseconds.
  for (const [i, person] of result.entries()) {
    person.micros = (i % 13) * 150;
    await t.database.db
      .updateTable('users')
      .set({ created_at: createdAt(person.micros) })
      .where('workspace_id', '=', target.id)
      .where('id', '=', person.id)
      .execute();
  }
  return result;
}

function compare(a: string | number, b: string | number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The order the API promises: the sort field, then the id, both reversed for a descending sort. */
function sortInJs(list: Person[], sort: Sort): Person[] {
  const descending = sort.startsWith('-');
  const field = descending ? sort.slice(1) : sort;
  const key = (p: Person) => (field === 'createdAt' ? p.micros : field === 'name' ? p.name : p.email);
  const sorted = [...list].sort((a, b) => compare(key(a), key(b)) || compare(a.id, b.id));
  return descending ? sorted.reverse() : sorted;
}

async function sortInSql(workspaceId: string, sort: Sort): Promise<string[]> {
  const descending = sort.startsWith('-');
  const column = { name: 'name', email: 'email', createdAt: 'created_at' }[descending ? sort.slice(1) : sort]!;
  const direction = descending ? sql`desc` : sql`asc`;
  const rows = await sql<{ id: string }>`
    select id from users where workspace_id = ${workspaceId}
    order by ${sql.ref(column)} ${direction}, id ${direction}`.execute(t.database.db);
  return rows.rows.map((r) => r.id);
}

interface Filters {
  q?: string;
  role?: string;
  status?: string;
}

function filterInJs(list: Person[], filters: Filters): Person[] {
  return list.filter(
    (p) =>
      (!filters.role || p.role === filters.role) &&
      (!filters.status || p.status === filters.status) &&
      (!filters.q || p.name.toLowerCase().includes(filters.q.toLowerCase()) || p.email.includes(filters.q.toLowerCase())),
  );
}

/** Follows nextCursor from the first page to the last; returns the pages' ids. */
async function walk(target: TestWorkspace, params: Record<string, string>): Promise<string[][]> {
  const pages: string[][] = [];
  let cursor: string | null = null;
  do {
    const query: URLSearchParams = new URLSearchParams({ ...params, ...(cursor ? { cursor } : {}) });
    const response = await call(t.app, { url: `/api/users?${query}`, session: target.adminSession });
    assert.equal(response.statusCode, 200, `${query}: ${response.body}`);
    const body = response.json() as { data: { id: string }[]; nextCursor: string | null };
    const limit = Number(params.limit);
    assert.ok(body.data.length <= limit, `a page of ${body.data.length} for limit ${limit}`);
    if (body.nextCursor) assert.equal(body.data.length, limit, 'only the last page may be short');
    pages.push(body.data.map((u) => u.id));
    cursor = body.nextCursor;
    assert.ok(pages.length <= TOTAL + 2, 'the walk does not end');
  } while (cursor);
  return pages;
}

before(async () => {
  t = await createTestApp();
  ws = await makeWorkspace(t.database.db);
  people = await populate(ws, TOTAL - 1);
});

after(() => t.close());

test('the fixture has ties in every sort key and a mix of roles and statuses', () => {
  assert.equal(people.length, TOTAL);
  assert.ok(new Set(people.map((p) => p.name)).size < TOTAL, 'names repeat');
  assert.ok(new Set(people.map((p) => p.micros)).size < TOTAL, 'created_at values repeat');
  assert.ok(new Set(people.map((p) => Math.floor(p.micros / 1000))).size < new Set(people.map((p) => p.micros)).size, 'some differ below the millisecond');
  assert.deepEqual(new Set(people.map((p) => p.status)), new Set(['active', 'invited', 'disabled']));
});

for (const sort of SORTS) {
  test(`walking sort=${sort} five at a time returns every user once, in order`, async () => {
    const pages = await walk(ws, { sort, limit: '5' });
    assert.equal(pages.length, Math.ceil(TOTAL / 5));
    assert.equal(pages.at(-1)!.length, TOTAL % 5 || 5);
    const ids = pages.flat();
    assert.equal(new Set(ids).size, ids.length, 'no user appears twice');
    assert.deepEqual(ids, await sortInSql(ws.id, sort), 'the order a direct SQL query gives');
    assert.deepEqual(ids, sortInJs(people, sort).map((p) => p.id), 'the order a sort in JavaScript gives');
  });
}

test('the default sort is by name, and a page holding the last user has no next cursor', async () => {
  const all = await call(t.app, { url: `/api/users?limit=${TOTAL}`, session: ws.adminSession });
  assert.equal(all.json().data.length, TOTAL);
  assert.equal(all.json().nextCursor, null);
  assert.deepEqual(all.json().data.map((u: { id: string }) => u.id), sortInJs(people, 'name').map((p) => p.id));
  const bigger = await call(t.app, { url: '/api/users?limit=200', session: ws.adminSession });
  assert.equal(bigger.json().nextCursor, null);
  const oneShort = await walk(ws, { limit: String(TOTAL - 1) });
  assert.deepEqual(oneShort.map((p) => p.length), [TOTAL - 1, 1]);
});

test('filters by q, role and status combine with pagination', async () => {
  const cases: Filters[] = [
    { status: 'invited' },
    { role: 'sales' },
    { role: 'admin', status: 'active' },
    { q: 'ali' },
    { q: 'EMMA', status: 'invited' },
    { q: 'a', role: 'support', status: 'disabled' },
    { q: 'example.test', role: 'marketing' },
    { q: 'nobody-matches-this' },
  ];
  let nonEmpty = 0;
  for (const filters of cases) {
    for (const sort of ['email', '-createdAt'] as const) {
      const expected = sortInJs(filterInJs(people, filters), sort).map((p) => p.id);
      const params = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)) as Record<string, string>;
      const ids = (await walk(ws, { ...params, sort, limit: '2' })).flat();
      assert.deepEqual(ids, expected, `${JSON.stringify(filters)} sort=${sort}`);
      if (expected.length > 2) nonEmpty++;
    }
  }
  assert.ok(nonEmpty >= 6, 'most filter cases span several pages');
});

test('q matches literally: % and _ are not wildcards', async () => {
  for (const q of ['%', '_', 'a%e', 'A_ice']) {
    const response = await call(t.app, { url: `/api/users?q=${encodeURIComponent(q)}`, session: ws.adminSession });
    assert.equal(response.statusCode, 200);
    assert.deepEqual(response.json().data, [], `q=${q} matched by wildcard`);
  }
});

test('a walk is stable while users are added: nobody is skipped or repeated', async () => {
  const fresh = await makeWorkspace(t.database.db);
  const before = await populate(fresh, 11);
  const ids: string[] = [];
  let cursor: string | null = null;
  let added = false;
  do {
    const query: URLSearchParams = new URLSearchParams({ sort: 'name', limit: '4', ...(cursor ? { cursor } : {}) });
    const body: { data: { id: string }[]; nextCursor: string | null } = (await call(t.app, { url: `/api/users?${query}`, session: fresh.adminSession })).json();
    ids.push(...body.data.map((u: { id: string }) => u.id));
    cursor = body.nextCursor;
    if (!added) {
      // One user sorts before everything already read, one after everything.
      await inviteUser(fresh.ctx, { email: `${emailLocalPart()}@example.test`, name: 'Aaron', role: 'sales' });
      const late = await inviteUser(fresh.ctx, { email: `${emailLocalPart()}@example.test`, name: 'Zacharie', role: 'sales' });
      before.push({ id: late.user.id, name: 'Zacharie', email: late.user.email, role: 'sales', status: 'invited', micros: 0 });
      added = true;
    }
  } while (cursor);
  assert.equal(new Set(ids).size, ids.length, 'no user appears twice');
  assert.deepEqual(ids, sortInJs(before, 'name').map((p) => p.id));
});

test('property: any page size, sort and filter walks to exactly the matching users in order', async () => {
  const filters = fc.record(
    {
      q: fc.constantFrom('a', 'li', 'EM', 'o', 'example', 'zz'),
      role: fc.constantFrom(...ROLES),
      status: fc.constantFrom('invited', 'active', 'disabled'),
    },
    { requiredKeys: [] },
  );
  await fc.assert(
    fc.asyncProperty(fc.integer({ min: 1, max: TOTAL + 3 }), fc.constantFrom(...SORTS), filters, async (limit, sort, filter) => {
      const expected = sortInJs(filterInJs(people, filter), sort).map((p) => p.id);
      const pages = await walk(ws, { ...(filter as Record<string, string>), sort, limit: String(limit) });
      assert.deepEqual(pages.flat(), expected);
      assert.equal(pages.length, Math.max(1, Math.ceil(expected.length / limit)));
    }),
    { numRuns: 40 },
  );
});
