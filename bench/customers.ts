/**
 * `npm run bench` (second part): customer records at volume, each figure beside a hand-written SQL baseline
 * measured in the same run on the same database.
 * - create, update and read throughput of people through the API (the whole Fastify stack, in process) against
 *   the same writes and reads as bare SQL statements;
 * - a filtered and sorted list page (first page and a deep page) with BENCH_PEOPLE people loaded (1M by default);
 * - global search latency p50/p99 over names, typos, emails, phones and customer numbers sampled from the data.
 * PGlite in a temporary folder by default; with DATABASE_URL, a scratch database on that PostgreSQL server.
 * Writes bench/customers-results.json.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import type { DB } from '../src/platform/db/schema.ts';
import { loadConfig } from '../src/platform/config.ts';
import { buildApp } from '../src/platform/http/app.ts';
import { SYSTEM_ACTOR, type Ctx } from '../src/platform/context.ts';
import { createWorkspace } from '../src/modules/workspaces/workspace-service.ts';
import { createSession } from '../src/modules/auth/session-service.ts';
import { generateDemo } from '../src/modules/demo/demo-generator.ts';
import { formatCustomerNumber } from '../src/shared/identifiers/customer-number.ts';
import { api, createScratchPostgres, median, opsPerSecond, percentile, REPO, round, timeEach, type Session } from './lib.ts';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 1_000_000);
const WRITES = Number(process.env.BENCH_WRITES ?? 500);
const READS = Number(process.env.BENCH_READS ?? 2000);
const LIST_RUNS = 30;
const SEARCHES = 300;

/** A new person as the API receives it, and the same as the columns the SQL baseline writes. */
function newPerson(i: number) {
  return {
    firstName: 'Bench',
    lastName: `Personne ${i}`,
    emails: [{ email: `bench.${i}@example.fr` }],
    phones: [{ phone: `+33 6 ${String(10_000_000 + i).slice(-8).replace(/(\d\d)(?=\d)/g, '$1 ')}` }],
    addresses: [{ line1: `${i} rue de la Mesure`, postcode: '69003', city: 'Lyon' }],
    roles: ['prospect'],
  };
}

/** The baseline write: what a creation must at least do, as bare SQL, in one transaction. */
async function sqlCreate(db: Kysely<DB>, ws: string, i: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ last_sequence: number; prefix: string }>`
      update customer_number_counters set last_sequence = last_sequence + 1 where workspace_id = ${ws}
      returning last_sequence, prefix`.execute(trx);
    const id = randomUUID();
    const number = formatCustomerNumber(rows[0]!.prefix, rows[0]!.last_sequence);
    const phone = `+336${String(10_000_000 + i).slice(-8)}`;
    await sql`insert into parties (workspace_id, id, kind, customer_number, display_name, first_name, last_name, email, phone,
                postcode, city, departement, region, country, roles)
              values (${ws}, ${id}, 'person', ${number}, ${`Sql Personne ${i}`}, 'Sql', ${`Personne ${i}`}, ${`sql.${i}@example.fr`},
                ${phone}, '69003', 'Lyon', '69', '84', 'FR', '{prospect}')`.execute(trx);
    await sql`insert into party_emails (workspace_id, party_id, position, email, type) values (${ws}, ${id}, 0, ${`sql.${i}@example.fr`}, 'personal')`.execute(trx);
    await sql`insert into party_phones (workspace_id, party_id, position, phone, type) values (${ws}, ${id}, 0, ${phone}, 'mobile')`.execute(trx);
    await sql`insert into party_addresses (workspace_id, party_id, position, type, line1, postcode, city, departement, region)
              values (${ws}, ${id}, 0, 'home', ${`${i} rue`}, '69003', 'Lyon', '69', '84')`.execute(trx);
    await sql`insert into party_roles (workspace_id, id, party_id, role, started_on) values (${ws}, ${randomUUID()}, ${id}, 'prospect', current_date)`.execute(trx);
    await sql`insert into events (workspace_id, actor_type, entity, entity_id, action, changes) values (${ws}, 'system', 'party', ${id}, 'create', '{}')`.execute(trx);
  });
}

/** Typing mistakes of the kind people make: two neighbouring letters swapped. */
function typo(word: string, seed: number): string {
  if (word.length < 5) return word;
  const at = 1 + (seed % (word.length - 3));
  return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
}

async function main() {
  const databaseUrl = process.env.DATABASE_URL || null;
  const scratch = databaseUrl ? await createScratchPostgres(databaseUrl) : null;
  const dataDir = scratch ? null : await mkdtemp(path.join(os.tmpdir(), 'rapport-bench-customers-'));
  const database = await openDatabase({ url: scratch?.url ?? null, dataDir });
  const engine = database.engine;
  const db = database.db;
  try {
    await migrateToLatest(db);
    const { workspace, admin } = await createWorkspace(db, {
      name: 'Bench',
      adminEmail: 'bench@rapport.local',
      adminName: 'Bench',
      adminPassword: 'benchmark password 42',
    });
    const ws = workspace.id;
    const ctx: Ctx = { db, workspaceId: ws, actor: SYSTEM_ACTOR };

    console.log(`[${engine}] loading ${PEOPLE.toLocaleString('en')} people…`);
    const loadStart = performance.now();
    await generateDemo(ctx, { people: PEOPLE, organisations: Math.max(10, Math.round(PEOPLE / 20)), seed: 7, historyYears: 0 });
    const loadSeconds = (performance.now() - loadStart) / 1000;
    await sql`analyze`.execute(db);
    console.log(`[${engine}] loaded in ${loadSeconds.toFixed(0)} s`);

    const config = loadConfig({ DATABASE_URL: scratch?.url, LOG_LEVEL: 'silent' }, {});
    const app = await buildApp({ config, db, engine, web: false, logger: false });
    await app.ready();
    const session = await createSession(db, { workspaceId: ws, userId: admin.id, days: 1 });
    const s: Session = { app, cookie: session.cookie, csrf: session.csrfToken };

    // Writes and reads, API against SQL, alternating blocks so drift in the machine hits both alike.
    const indexes = Array.from({ length: WRITES }, (_, i) => i);
    const createdIds: string[] = [];
    const apiCreate = await timeEach(indexes, async (i) => {
      createdIds.push((await api(s, 'POST', '/api/people', newPerson(i))).id);
    });
    const sqlCreateTimes = await timeEach(indexes, (i) => sqlCreate(db, ws, i));
    const versions = new Map(createdIds.map((id) => [id, 1]));
    const apiUpdate = await timeEach(createdIds, async (id, i) => {
      const updated = await api(s, 'PATCH', `/api/people/${id}`, { version: versions.get(id)!, notes: `Note ${i}`, tags: ['bench'] });
      versions.set(id, updated.version);
    });
    const sqlUpdate = await timeEach(createdIds, async (id, i) => {
      await db.transaction().execute(async (trx) => {
        const { rows } = await sql`update parties set notes = ${`Sql ${i}`}, tags = '{bench}', version = version + 1, updated_at = now()
                  where workspace_id = ${ws} and id = ${id} and version = ${versions.get(id)!} returning id`.execute(trx);
        if (rows.length === 1) versions.set(id, versions.get(id)! + 1);
        await sql`insert into events (workspace_id, actor_type, entity, entity_id, action, changes) values (${ws}, 'system', 'party', ${id}, 'update', '{}')`.execute(trx);
      });
    });
    const { rows: sample } = await sql<{ id: string; last_name: string; first_name: string; email: string | null; phone: string | null; customer_number: string }>`
      select id, last_name, first_name, email, phone, customer_number from parties
      where workspace_id = ${ws} and kind = 'person' and erased_at is null
      order by md5(id::text) limit ${Math.max(READS, SEARCHES)}`.execute(db);
    const readIds = sample.slice(0, READS).map((r) => r.id);
    const apiRead = await timeEach(readIds, async (id) => {
      await api(s, 'GET', `/api/people/${id}`);
    });
    const sqlRead = await timeEach(readIds, async (id) => {
      await sql`select p.*, o.name from parties p left join users o on o.workspace_id = p.workspace_id and o.id = p.owner_id
                where p.workspace_id = ${ws} and p.id = ${id}`.execute(db);
      await sql`select email, type, valid from party_emails where workspace_id = ${ws} and party_id = ${id} order by position`.execute(db);
      await sql`select phone, type, valid from party_phones where workspace_id = ${ws} and party_id = ${id} order by position`.execute(db);
      await sql`select * from party_addresses where workspace_id = ${ws} and party_id = ${id} order by position`.execute(db);
    });

    // List pages: a filtered, sorted first page and a page 20 pages deep, each beside the same query in SQL.
    const city = (await sql<{ city: string }>`select city from parties where workspace_id = ${ws} and kind = 'person' and city is not null
                   group by city order by count(*) desc limit 1`.execute(db)).rows[0]!.city;
    const listUrl = `/api/people?role=customer&city=${encodeURIComponent(city)}&sort=name&limit=50`;
    const apiFirstPage = await timeEach(Array.from({ length: LIST_RUNS }), async () => {
      await api(s, 'GET', listUrl);
    });
    const sqlFirstPage = await timeEach(Array.from({ length: LIST_RUNS }), async () => {
      await sql`select * from parties where workspace_id = ${ws} and kind = 'person' and roles @> '{customer}' and city = ${city}
                order by sort_name, id limit 51`.execute(db);
    });
    let cursor: string | null = null;
    for (let page = 0; page < 20; page++) {
      const result: { nextCursor: string | null } = await api(s, 'GET', `${listUrl}${cursor ? `&cursor=${cursor}` : ''}`);
      cursor = result.nextCursor;
    }
    const deepUrl = `${listUrl}${cursor ? `&cursor=${cursor}` : ''}`;
    const [lastName, lastId] = cursor ? (JSON.parse(Buffer.from(cursor, 'base64url').toString()) as string[]).slice(1) : ['', ''];
    const apiDeepPage = await timeEach(Array.from({ length: LIST_RUNS }), async () => {
      await api(s, 'GET', deepUrl);
    });
    const sqlDeepPage = await timeEach(Array.from({ length: LIST_RUNS }), async () => {
      await sql`select * from parties where workspace_id = ${ws} and kind = 'person' and roles @> '{customer}' and city = ${city}
                and (sort_name, id) > (${lastName}, ${lastId}::uuid) order by sort_name, id limit 51`.execute(db);
    });
    const sortedAll = await timeEach(Array.from({ length: LIST_RUNS }), async () => {
      await api(s, 'GET', '/api/people?sort=-createdAt&limit=50');
    });
    const sqlSortedAll = await timeEach(Array.from({ length: LIST_RUNS }), async () => {
      await sql`select * from parties where workspace_id = ${ws} and kind = 'person' order by created_at desc, id desc limit 51`.execute(db);
    });

    // Search: what people type in the box.
    const queries: string[] = [];
    const queryKinds: string[] = [];
    const SEARCH_KINDS = ['last name', 'typo', 'full name', 'email', 'phone', 'customer number'] as const;
    sample.slice(0, SEARCHES).forEach((row, i) => {
      const kind = SEARCH_KINDS[i % SEARCH_KINDS.length]!;
      const text = {
        'last name': row.last_name,
        typo: typo(row.last_name, i),
        'full name': `${row.first_name} ${row.last_name}`.toLowerCase(),
        email: row.email,
        phone: row.phone?.replace('+33', '0'),
        'customer number': row.customer_number.replace(/-/g, ''),
      }[kind];
      if (!text) return;
      queries.push(text);
      queryKinds.push(kind);
    });
    const apiSearch = await timeEach(queries, async (q) => {
      await api(s, 'GET', `/api/search?q=${encodeURIComponent(q)}&limit=10`);
    });
    const sqlSearch = await timeEach(queries, async (q) => {
      await sql`select id, display_name from parties where workspace_id = ${ws}
                and search_text like ${`%${q.toLowerCase().replace(/[\\%_]/g, '')}%`} limit 10`.execute(db);
    });
    await app.close();
    const searchByKind = Object.fromEntries(
      SEARCH_KINDS.map((kind) => {
        const times = apiSearch.filter((_, i) => queryKinds[i] === kind);
        return [kind, { p50: round(percentile(times, 50), 2), p99: round(percentile(times, 99), 2) }];
      }),
    );

    const results = {
      engine,
      people: PEOPLE,
      loadSeconds: round(loadSeconds),
      throughput: {
        create: { apiPerSecond: round(opsPerSecond(apiCreate)), sqlPerSecond: round(opsPerSecond(sqlCreateTimes)) },
        update: { apiPerSecond: round(opsPerSecond(apiUpdate)), sqlPerSecond: round(opsPerSecond(sqlUpdate)) },
        read: { apiPerSecond: round(opsPerSecond(apiRead)), sqlPerSecond: round(opsPerSecond(sqlRead)) },
      },
      listMedianMs: {
        firstPage: { api: round(median(apiFirstPage), 2), sql: round(median(sqlFirstPage), 2) },
        deepPage: { api: round(median(apiDeepPage), 2), sql: round(median(sqlDeepPage), 2) },
        newestFirst: { api: round(median(sortedAll), 2), sql: round(median(sqlSortedAll), 2) },
      },
      search: {
        queries: queries.length,
        api: { p50: round(percentile(apiSearch, 50), 2), p99: round(percentile(apiSearch, 99), 2) },
        sqlSubstring: { p50: round(percentile(sqlSearch, 50), 2), p99: round(percentile(sqlSearch, 99), 2) },
        byKind: searchByKind,
      },
    };
    const ratio = (a: number, b: number) => `${((100 * a) / b).toFixed(0)} %`;
    console.log(`\nCustomer records on ${engine}, ${PEOPLE.toLocaleString('en')} people (loaded in ${results.loadSeconds} s)`);
    console.table({
      'create /s': { api: results.throughput.create.apiPerSecond, sql: results.throughput.create.sqlPerSecond, 'api vs sql': ratio(results.throughput.create.apiPerSecond, results.throughput.create.sqlPerSecond) },
      'update /s': { api: results.throughput.update.apiPerSecond, sql: results.throughput.update.sqlPerSecond, 'api vs sql': ratio(results.throughput.update.apiPerSecond, results.throughput.update.sqlPerSecond) },
      'read /s': { api: results.throughput.read.apiPerSecond, sql: results.throughput.read.sqlPerSecond, 'api vs sql': ratio(results.throughput.read.apiPerSecond, results.throughput.read.sqlPerSecond) },
      'list first page ms': { ...results.listMedianMs.firstPage, 'api vs sql': ratio(results.listMedianMs.firstPage.api, results.listMedianMs.firstPage.sql) },
      'list page 21 ms': { ...results.listMedianMs.deepPage, 'api vs sql': ratio(results.listMedianMs.deepPage.api, results.listMedianMs.deepPage.sql) },
      'newest first ms': { ...results.listMedianMs.newestFirst, 'api vs sql': ratio(results.listMedianMs.newestFirst.api, results.listMedianMs.newestFirst.sql) },
      'search p50 ms': { api: results.search.api.p50, sql: results.search.sqlSubstring.p50, 'api vs sql': ratio(results.search.api.p50, results.search.sqlSubstring.p50) },
      'search p99 ms': { api: results.search.api.p99, sql: results.search.sqlSubstring.p99, 'api vs sql': ratio(results.search.api.p99, results.search.sqlSubstring.p99) },
    });
    console.log('search latency by kind of query (ms):');
    console.table(searchByKind);
    await writeFile(path.join(REPO, 'bench', `customers-results-${engine}.json`), `${JSON.stringify(results, null, 2)}\n`);
  } finally {
    await database.close();
    await scratch?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
