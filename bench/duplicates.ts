/**
 * Duplicate detection at volume and in quality, end to end through the database (and, first, Jaro–Winkler ours
 * against the library's):
 * - FEBRL (both files): the records inserted as people, `scanDuplicates` run, the stored pairs compared with the
 *   truth: pairwise precision, recall and F1;
 * - the scan over BENCH_DEDUP_PEOPLE generated people (1,000,000 by default; one in 50 a retyped copy of the
 *   previous one) against a baseline measured in the same run on the same database: one `select` reading the
 *   same rows the scan reads. The rows are loaded without name keys, as demo data is; filling them (what the
 *   first scan does) is timed apart, then the scan is timed.
 * PGlite in a temporary folder by default; with DATABASE_URL, a scratch database on that PostgreSQL server.
 * Writes bench/duplicates-results-<engine>.json.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import type { DB } from '../src/platform/db/schema.ts';
import { SYSTEM_ACTOR, type Ctx } from '../src/platform/context.ts';
import { createWorkspace } from '../src/modules/workspaces/workspace-service.ts';
import { takeCustomerNumbers } from '../src/modules/parties/customer-numbers.ts';
import { fillNameKeys, scanDuplicates } from '../src/modules/duplicates/duplicate-scan.ts';
import { LIVE, RECORD_COLUMNS, RECORD_JOIN } from '../src/modules/duplicates/duplicate-store.ts';
import { loadFebrl, pairKey, quality, truePairs, type FebrlPerson, type Quality } from '../test/helpers/febrl.ts';
import { createScratchPostgres, REPO, round } from './lib.ts';
import { ENDINGS, familyName, FIRST, STEMS, STREETS, TYPES } from './french-names.ts';
import { jaroWinkler } from '../src/modules/duplicates/jaro-winkler.ts';
import { fold } from '../src/modules/duplicates/normalise.ts';
import talismanJaroWinkler from 'talisman/metrics/jaro-winkler.js';

const PEOPLE = Number(process.env.BENCH_DEDUP_PEOPLE ?? 1_000_000);
const ROWS_PER_INSERT = 500;

async function newWorkspace(db: Kysely<DB>, name: string): Promise<Ctx> {
  const { workspace } = await createWorkspace(db, {
    name,
    adminEmail: `bench-${randomUUID().slice(0, 8)}@rapport.local`,
    adminName: 'Bench',
    adminPassword: 'benchmark password 42',
  });
  return { db, workspaceId: workspace.id, actor: SYSTEM_ACTOR };
}

/** Inserts FEBRL records as people (multi-row inserts), returning their ids in file order. */
async function insertPeople(ctx: Ctx, people: FebrlPerson[]): Promise<string[]> {
  const ids = people.map(() => randomUUID());
  const numbers = await takeCustomerNumbers(ctx, people.length);
  for (let start = 0; start < people.length; start += ROWS_PER_INSERT) {
    const slice = people.slice(start, start + ROWS_PER_INSERT);
    const rows = slice.map((p, k) => {
      const i = start + k;
      const name = [p.firstName, p.lastName].filter(Boolean).join(' ') || '?';
      return sql`(${ctx.workspaceId}::uuid, ${ids[i]}::uuid, 'person', ${numbers[i]}, ${name}, ${p.firstName}, ${p.lastName},
        ${p.birthDate}::date, ${p.postcode}, ${p.city}, ${p.country}, ${p.externalId})`;
    });
    await sql`insert into parties (workspace_id, id, kind, customer_number, display_name, first_name, last_name, birth_date,
                postcode, city, country, external_id) values ${sql.join(rows)}`.execute(ctx.db);
    const addresses = slice.flatMap((p, k) =>
      p.line1 ? [sql`(${ctx.workspaceId}::uuid, ${ids[start + k]}::uuid, 0, 'home', ${p.line1}, ${p.line2}, ${p.postcode}, ${p.city ?? ''}, ${p.country})`] : [],
    );
    if (addresses.length > 0) {
      await sql`insert into party_addresses (workspace_id, party_id, position, type, line1, line2, postcode, city, country)
                values ${sql.join(addresses)}`.execute(ctx.db);
    }
  }
  return ids;
}

async function febrl(db: Kysely<DB>, file: 'dataset1' | 'dataset2'): Promise<Quality & { scanSeconds: number }> {
  const ctx = await newWorkspace(db, `FEBRL ${file}`);
  const people = loadFebrl(file);
  const ids = await insertPeople(ctx, people);
  const indexOf = new Map(ids.map((id, index) => [id, index]));
  const started = performance.now();
  await scanDuplicates(ctx, { kind: 'person', source: 'scan' });
  const scanSeconds = (performance.now() - started) / 1000;
  const { rows } = await sql<{ party_a: string; party_b: string }>`
    select party_a, party_b from duplicate_candidates where workspace_id = ${ctx.workspaceId}`.execute(db);
  const found = new Set(rows.map((r) => pairKey(indexOf.get(r.party_a)!, indexOf.get(r.party_b)!)));
  const result = quality(found, truePairs(people));
  console.log(`FEBRL ${file}: precision ${result.precision.toFixed(4)}, recall ${result.recall.toFixed(4)}, F1 ${result.f1.toFixed(4)} (scan ${scanSeconds.toFixed(2)} s)`);
  return { ...result, scanSeconds: round(scanSeconds, 3) };
}

/** The baseline: the rows the scan reads, read with one select and nothing done with them. */
async function baselineRead(ctx: Ctx): Promise<{ seconds: number; rows: number }> {
  const started = performance.now();
  const { rows } = await sql`select ${RECORD_COLUMNS} from parties p ${RECORD_JOIN}
    where p.workspace_id = ${ctx.workspaceId} and p.kind = 'person' and ${LIVE}`.execute(ctx.db);
  return { seconds: (performance.now() - started) / 1000, rows: rows.length };
}

/**
 * Loads people `from`..`to` with SQL alone: names from stems and endings, one
 * thousand postcodes, a birth date, an e-mail and a phone each; every 50th person is the previous one typed again
 * (first name cut short, another e-mail, address type abbreviated).
 */
async function loadPeopleRange(ctx: Ctx, from: number, to: number): Promise<void> {
  const text = (values: string[]) => sql`${values}::text[]`;
  // One statement: the people inserted, and their addresses from the rows the insert returns.
  await sql`
    with inserted as (
      insert into parties (workspace_id, id, kind, customer_number, display_name, first_name, last_name, birth_date, email, phone,
                           postcode, city, country)
      select ${ctx.workspaceId}::uuid, gen_random_uuid(), 'person', 'G' || lpad(i::text, 9, '0'), f || ' ' || l, f, l,
             date '1935-01-01' + (h % 25000)::int, lower(translate(f || '.' || l, 'éèêëàâîïôûùçÉ ', 'eeeeaaiiouucE-')) || i || '@example.fr',
             '+336' || lpad((h % 100000000)::text, 8, '0'), pc, 'Ville ' || pc, 'FR'
      from (
        select i, h, pc, l,
               case when copy then left(f, greatest(3, length(f) - 1)) else f end as f
        from (
          select i, i % 50 = 0 as copy, h,
                 lpad((10000 + h % 1000 * 89)::text, 5, '0') as pc,
                 (${text(FIRST)})[1 + (h / 7) % ${FIRST.length}] as f,
                 (${text(STEMS)})[1 + (h / 11) % ${STEMS.length}] || (${text(ENDINGS)})[1 + (h / 13) % ${ENDINGS.length}]
                   || case when (h / 17) % 4 = 0 then '' else (${text(ENDINGS)})[1 + (h / 19) % ${ENDINGS.length}] end as l
          from (select i, ((case when i % 50 = 0 then i - 1 else i end)::bigint * 2654435761) % 4294967291 as h
                from generate_series(${from}::int, ${to}::int) as i) as hashed
        ) as named
      ) as person
      returning workspace_id, id, customer_number, postcode, city
    )
    insert into party_addresses (workspace_id, party_id, position, type, line1, postcode, city, country)
    select p.workspace_id, p.id, 0, 'home',
           (1 + (h / 31) % 180)::text || ' ' || (case when n % 50 = 0 and t = 'boulevard' then 'bd' else t end) || ' ' || s,
           p.postcode, p.city, 'FR'
    from (
      select p.*, ((case when n % 50 = 0 then n - 1 else n end)::bigint * 2654435761) % 4294967291 as h
      from (select p.*, substr(p.customer_number, 2)::bigint as n from inserted p) p
    ) p
    cross join lateral (select (${text(TYPES)})[1 + (h / 23) % ${TYPES.length}] as t, (${text(STREETS)})[1 + (h / 29) % ${STREETS.length}] as s) as street`.execute(
    ctx.db,
  );
}

const LOAD_CHUNK = 10_000;

/**
 * Loads `count` people in statements of LOAD_CHUNK rows: in one statement, 200,000 rows were still loading into
 * PGlite after six minutes (its index and trigger work grows with the statement).
 */
async function loadPeople(ctx: Ctx, count: number): Promise<void> {
  const started = performance.now();
  await sql`analyze parties, party_addresses`.execute(ctx.db);
  for (let from = 1; from <= count; from += LOAD_CHUNK) {
    const to = Math.min(count, from + LOAD_CHUNK - 1);
    await loadPeopleRange(ctx, from, to);
    // The foreign-key checks keep the plans made when the tables were small (a scan of a growing table for
    // every address): fresh statistics at each tenfold growth replan them, as the import runner does.
    if (to === LOAD_CHUNK || to === 10 * LOAD_CHUNK) await sql`analyze parties, party_addresses`.execute(ctx.db);
    if (to % 100_000 === 0) console.log(`  … ${to.toLocaleString('en')} loaded (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  }
}

/**
 * Jaro–Winkler as the scan uses it (ours) against the library's (talisman), on the same family-name pairs in the
 * same run: the reason the scan carries its own (README, architecture notes).
 */
function jaroWinklerRace(pairs = 2_000_000): { ours: number; library: number; ratio: number } {
  const names = Array.from({ length: 5000 }, (_, i) => fold(familyName(((i * 37) % 997) / 997, ((i * 53) % 991) / 991, ((i * 71) % 983) / 983)));
  const time = (similarity: (a: string, b: string) => number) => {
    let sum = 0;
    const started = performance.now();
    for (let k = 0; k < pairs; k += 1) sum += similarity(names[k % names.length]!, names[(k * 7 + 1) % names.length]!);
    if (Number.isNaN(sum)) throw new Error('unreachable');
    return (performance.now() - started) / 1000;
  };
  time(jaroWinkler);
  time(talismanJaroWinkler);
  const ours = time(jaroWinkler);
  const library = time(talismanJaroWinkler);
  console.log(`Jaro–Winkler over ${pairs.toLocaleString('en')} pairs: ours ${ours.toFixed(2)} s, talisman ${library.toFixed(2)} s (${(library / ours).toFixed(1)}× faster)`);
  return { ours: round(ours, 3), library: round(library, 3), ratio: round(library / ours, 2) };
}

async function main() {
  const jaroWinklerSeconds = jaroWinklerRace();
  const databaseUrl = process.env.DATABASE_URL || null;
  const scratch = databaseUrl ? await createScratchPostgres(databaseUrl) : null;
  const dataDir = scratch ? null : await mkdtemp(path.join(os.tmpdir(), 'rapport-bench-duplicates-'));
  const database = await openDatabase({ url: scratch?.url ?? null, dataDir });
  const engine = database.engine;
  const db = database.db;
  try {
    await migrateToLatest(db);
    const dataset1 = await febrl(db, 'dataset1');
    const dataset2 = await febrl(db, 'dataset2');

    const ctx = await newWorkspace(db, 'Bench duplicates');
    console.log(`[${engine}] loading ${PEOPLE.toLocaleString('en')} people…`);
    const loadStart = performance.now();
    await loadPeople(ctx, PEOPLE);
    await sql`analyze`.execute(db);
    console.log(`[${engine}] loaded in ${((performance.now() - loadStart) / 1000).toFixed(0)} s`);

    const keysStart = performance.now();
    const keysFilled = await fillNameKeys(ctx, 'person');
    const keysSeconds = (performance.now() - keysStart) / 1000;
    console.log(`[${engine}] name keys filled for ${keysFilled.toLocaleString('en')} people in ${keysSeconds.toFixed(1)} s`);

    const baseline = await baselineRead(ctx);
    const memoryBefore = process.memoryUsage().rss;
    const scanStart = performance.now();
    const scan = await scanDuplicates(ctx, { kind: 'person', source: 'scan' });
    const scanSeconds = (performance.now() - scanStart) / 1000;
    const peakMiB = Math.max(memoryBefore, process.memoryUsage().rss) / 2 ** 20;
    const baselineAgain = await baselineRead(ctx);
    const baselineSeconds = Math.min(baseline.seconds, baselineAgain.seconds);
    console.log(
      `[${engine}] scan of ${scan.records.toLocaleString('en')} people: ${scanSeconds.toFixed(1)} s (${scan.compared.toLocaleString('en')} pairs compared, ` +
        `${scan.pairs.toLocaleString('en')} stored); baseline select ${baselineSeconds.toFixed(1)} s; ratio ${(scanSeconds / baselineSeconds).toFixed(1)}`,
    );

    // The planted copies: person 50k typed again as 50k - 1 (customer numbers one apart).
    const { rows: planted } = await sql<{ found: number }>`
      select count(*)::int as found from duplicate_candidates c
      join parties a on a.workspace_id = c.workspace_id and a.id = c.party_a
      join parties b on b.workspace_id = c.workspace_id and b.id = c.party_b
      cross join lateral (select substr(a.customer_number, 2)::bigint as x, substr(b.customer_number, 2)::bigint as y) n
      where c.workspace_id = ${ctx.workspaceId} and abs(n.x - n.y) = 1 and greatest(n.x, n.y) % 50 = 0`.execute(db);
    const plantedFound = planted[0]!.found;
    const plantedTotal = Math.floor(PEOPLE / 50);
    console.log(`[${engine}] planted copies found: ${plantedFound.toLocaleString('en')} of ${plantedTotal.toLocaleString('en')}`);

    const results = {
      engine,
      people: PEOPLE,
      plantedCopies: { found: plantedFound, total: plantedTotal, recall: round(plantedFound / plantedTotal, 4) },
      febrl: { dataset1, dataset2 },
      jaroWinklerSeconds,
      nameKeys: { filled: keysFilled, seconds: round(keysSeconds, 2) },
      scan: { seconds: round(scanSeconds, 2), records: scan.records, compared: scan.compared, pairs: scan.pairs, rssMiB: round(peakMiB, 0) },
      baseline: { what: 'one select of the same rows (record columns and primary address line)', seconds: round(baselineSeconds, 2), rows: baseline.rows },
      ratio: round(scanSeconds / baselineSeconds, 2),
      withinThreeMinutes: scanSeconds <= 180,
      measuredAt: new Date().toISOString(),
    };
    await writeFile(path.join(REPO, 'bench', `duplicates-results-${engine}.json`), `${JSON.stringify(results, null, 2)}\n`);
  } finally {
    await database.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    await scratch?.drop();
  }
}

await main();
