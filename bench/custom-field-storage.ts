/**
 * How to store the custom fields an admin adds to parties: one JSONB document per row (what `parties.custom` does)
 * or one row per value in an entity-attribute-value (EAV) table. Builds both layouts in tables of its own, with
 * BENCH_CF_ROWS parties (default 1 000 000) carrying six typed fields each, then measures load time, size on disk
 * and the queries a list, a record page and the API make. JSONB is measured three times as its indexes are added:
 * none on `custom`, then GIN `jsonb_path_ops`, then a btree on a cast expression; EAV once, fully indexed.
 * Every query is checked to return the same rows on JSONB and on EAV, so both layouts answer the same question.
 *
 *   node bench/custom-field-storage.ts                     PGlite in a temporary folder
 *   DATABASE_URL=postgres://… node bench/custom-field-storage.ts   a scratch database on that server
 *
 * Prints a table and writes bench/custom-field-storage.json, which keeps one entry per engine.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CompiledQuery } from 'kysely';
import { openDatabase, type Database } from '../src/platform/db/database.ts';
import { createScratchPostgres, median, REPO } from './lib.ts';

const ROWS = Number(process.env.BENCH_CF_ROWS ?? 1_000_000);
/** Timed runs of each query, after one untimed run that warms the cache. */
const RUNS = 5;
/** Reads of one party by id; the median of the single reads is reported. */
const READS = 200;
/** Runs of the update batch, and single-row updates per batch, each its own statement and transaction. */
const UPDATE_RUNS = 3;
const UPDATES = 1_000;
const OUTPUT = path.join(REPO, 'bench', 'custom-field-storage.json');

/** One tenant holds every row: the worst case for a workspace-scoped index. */
const WORKSPACE = '8f3c2a10-0000-4000-8000-000000000001';
/** The six fields, with the ids the EAV layout stores in `field_id`; JSONB uses the key. */
const FIELD = {
  segment: 'c0000000-0000-4000-8000-000000000001', // choice, 8 values
  headcount: 'c0000000-0000-4000-8000-000000000002', // number, 0 – 9 999
  budget: 'c0000000-0000-4000-8000-000000000003', // money, 0.00 – 99 999.99
  renewal_on: 'c0000000-0000-4000-8000-000000000004', // date, 2026 – 2028
  newsletter: 'c0000000-0000-4000-8000-000000000005', // boolean, 30 % true
  interests: 'c0000000-0000-4000-8000-000000000006', // multi_choice, 3 of 12 tags
};
const LAST_NAMES = ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon', 'Laurent'];
const FIRST_NAMES = ['Camille', 'Léa', 'Manon', 'Chloé', 'Inès', 'Louise', 'Lucas', 'Hugo', 'Louis', 'Nathan', 'Jules', 'Gabriel'];
const SEGMENTS = ['particulier', 'artisan', 'tpe', 'pme', 'eti', 'grand_compte', 'association', 'collectivite'];
const TAGS = ['crm', 'export', 'formation', 'logistique', 'marketing', 'finance', 'rh', 'juridique', 'achats', 'qualite', 'securite', 'energie'];
/** A band of headcount holding 1 % of the rows. */
const RANGE = [4200, 4299];

const out = (line = '') => process.stdout.write(`${line}\n`);
const started = performance.now();
const progress = (step: string) => process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(0).padStart(5)} s] ${step}\n`);

/** The uuid PostgreSQL makes of `md5('party' || n)::uuid`, the id of the n-th generated party. */
function partyId(n: number): string {
  const hex = createHash('md5').update(`party${n}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Deterministic pseudo-random integers in [0, bound) (mulberry32), so both layouts touch the same parties. */
function randomInts(seed: number, count: number, bound: number): number[] {
  let state = seed >>> 0;
  return Array.from({ length: count }, () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 2 ** 32) * bound);
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Data and layouts

/** A pseudo-random integer in [0, 2^28) from 7 hex digits of `hash` at `at`. */
const draw = (hash: string, at: number) => `('x' || substr(${hash}, ${at}, 7))::bit(28)::int`;
const textArray = (values: string[]) => `array[${values.map((value) => `'${value}'`).join(', ')}]`;

/**
 * The generated parties, set-based and deterministic: every value comes from a slice of an md5 of the row number.
 * Both layouts are loaded from this table, so their load times exclude the generation.
 */
const SOURCE = `
  create table cf_source as
  with combos as ( -- the 220 ways to pick 3 of the 12 tags, numbered from 0
    select (row_number() over (order by a, b, c) - 1)::int as k, array[t[a], t[b], t[c]] as interests
    from (select ${textArray(TAGS)} as t) tags, generate_series(1, 12) a, generate_series(a + 1, 12) b, generate_series(b + 1, 12) c
  )
  select n, md5('party' || n)::uuid as id,
    (${textArray(LAST_NAMES)})[1 + ${draw('g', 1)} % ${LAST_NAMES.length}] || ' ' ||
      (${textArray(FIRST_NAMES)})[1 + ${draw('g', 8)} % ${FIRST_NAMES.length}] || ' ' || n as name,
    (${textArray(SEGMENTS)})[1 + ${draw('h', 1)} % 8] as segment,
    ${draw('h', 8)} % 10000 as headcount,
    (${draw('h', 15)} % 10000000 / 100.0)::numeric(12, 2) as budget,
    date '2026-01-01' + ${draw('h', 22)} % 1096 as renewal_on,
    ${draw('g', 15)} % 10 < 3 as newsletter,
    combos.interests
  from generate_series(1, ${ROWS}) n
  cross join md5('values' || n) h
  cross join md5('names' || n) g
  join combos on combos.k = ${draw('g', 22)} % 220`;

interface Step {
  step: string;
  ms: number;
}

/** Runs statements one after another, timing each. */
async function timed(database: Database, steps: [string, string][]): Promise<Step[]> {
  const done: Step[] = [];
  for (const [step, statement] of steps) {
    progress(step);
    const at = performance.now();
    await exec(database, statement);
    done.push({ step, ms: performance.now() - at });
  }
  return done;
}

function exec(database: Database, statement: string, parameters: unknown[] = []) {
  return database.db.executeQuery(CompiledQuery.raw(statement, parameters));
}

/** Sets the visibility map (for index-only scans) and the planner statistics, including those of expression indexes. */
const vacuum = (database: Database, tables: string[]) => exec(database, `vacuum analyze ${tables.join(', ')}`);

async function sizeOf(database: Database, tables: string[]): Promise<{ totalBytes: number; tableBytes: number; indexBytes: number }> {
  const { rows } = await exec(
    database,
    `select sum(pg_total_relation_size(t))::bigint as total, sum(pg_table_size(t))::bigint as tab, sum(pg_indexes_size(t))::bigint as idx
     from unnest($1::regclass[]) t`,
    [tables],
  );
  const row = rows[0] as { total: number; tab: number; idx: number };
  return { totalBytes: row.total, tableBytes: row.tab, indexBytes: row.idx };
}

/** JSONB: the custom values in one document per party, as `parties.custom` holds them. */
const JSONB_LOAD: [string, string][] = [
  ['jsonb: create table', 'create table cf_jsonb (workspace_id uuid not null, id uuid not null, name text not null, custom jsonb not null)'],
  [
    `jsonb: insert ${ROWS} rows`,
    `insert into cf_jsonb
     select '${WORKSPACE}', id, name, jsonb_build_object('segment', segment, 'headcount', headcount, 'budget', budget,
       'renewal_on', renewal_on, 'newsletter', newsletter, 'interests', to_jsonb(interests))
     from cf_source`,
  ],
  ['jsonb: primary key', 'alter table cf_jsonb add primary key (workspace_id, id)'],
  ['jsonb: name index', 'create index cf_jsonb_name_idx on cf_jsonb (workspace_id, name, id)'],
];
/** Serves `@>` on any key: equality on a choice or boolean, one tag of a multi_choice, several keys at once. */
const JSONB_GIN: [string, string][] = [['jsonb: GIN jsonb_path_ops', 'create index cf_jsonb_custom_idx on cf_jsonb using gin (custom jsonb_path_ops)']];
/** Serves ranges and sorts on one field, which GIN cannot; one such index per field an admin filters or sorts on. */
const JSONB_EXPRESSION: [string, string][] = [
  ['jsonb: expression index on headcount', `create index cf_jsonb_headcount_idx on cf_jsonb (workspace_id, ((custom ->> 'headcount')::numeric), id)`],
];

/** EAV: one row per value (per tag for a multi_choice), in the typed column of the field's type. */
const EAV_LOAD: [string, string][] = [
  ['eav: create parties table', 'create table cf_eav_parties (workspace_id uuid not null, id uuid not null, name text not null)'],
  [
    'eav: create values table',
    `create table cf_eav_values (workspace_id uuid not null, party_id uuid not null, field_id uuid not null,
       text_value text, number_value numeric, date_value date, bool_value boolean)`,
  ],
  [`eav: insert ${ROWS} parties`, `insert into cf_eav_parties select '${WORKSPACE}', id, name from cf_source`],
  [
    `eav: insert ${ROWS * 8} values`,
    `insert into cf_eav_values
     select '${WORKSPACE}', s.id, v.*
     from cf_source s cross join lateral (
       values ('${FIELD.segment}'::uuid, s.segment, null::numeric, null::date, null::boolean),
              ('${FIELD.headcount}', null, s.headcount, null, null),
              ('${FIELD.budget}', null, s.budget, null, null),
              ('${FIELD.renewal_on}', null, null, s.renewal_on, null),
              ('${FIELD.newsletter}', null, null, null, s.newsletter)
       union all
       select '${FIELD.interests}', tag, null, null, null from unnest(s.interests) tag
     ) v`,
  ],
  ['eav: parties primary key', 'alter table cf_eav_parties add primary key (workspace_id, id)'],
  ['eav: parties name index', 'create index cf_eav_parties_name_idx on cf_eav_parties (workspace_id, name, id)'],
  // A party's values, for reading a record and updating one value.
  ['eav: values by party', 'create index cf_eav_values_party_idx on cf_eav_values (workspace_id, party_id, field_id)'],
  // One index per typed column, partial so each holds only its own type's rows; the trailing party_id lets
  // counts and semi-joins run as index-only scans.
  ...(['text', 'number', 'date', 'bool'] as const).map((type): [string, string] => [
    `eav: ${type}_value index`,
    `create index cf_eav_values_${type}_idx on cf_eav_values (workspace_id, field_id, ${type}_value, party_id) where ${type}_value is not null`,
  ]),
  [
    'eav: foreign key',
    'alter table cf_eav_values add foreign key (workspace_id, party_id) references cf_eav_parties (workspace_id, id) on delete cascade',
  ],
];

// ---------------------------------------------------------------------------------------------------------------
// Queries

interface Query {
  sql: string;
  parameters: unknown[];
}
interface Queries {
  choiceCount: Query;
  choicePage: Query;
  rangeCount: Query;
  tagCount: Query;
  choiceAndBooleanPage: Query;
  sortByNumberPage: Query;
  readById(id: string): Query;
  updateOne(id: string, date: string): Query;
}

const MEASURES: { key: Exclude<keyof Queries, 'readById' | 'updateOne'>; label: string }[] = [
  { key: 'choiceCount', label: 'choice = value, count (12.5 %)' },
  { key: 'choicePage', label: 'choice = value, page of 50 by name' },
  { key: 'rangeCount', label: 'number in range, count (1 %)' },
  { key: 'tagCount', label: 'multi_choice has tag, count (25 %)' },
  { key: 'choiceAndBooleanPage', label: 'choice AND boolean, page of 50 by name' },
  { key: 'sortByNumberPage', label: 'sort by number, page of 50' },
];

// Pages are first pages of a keyset pagination: the next one adds `and (name, id) > ($name, $id)` and walks the
// same index. Like the API, a page returns each party's custom values with it.
const JSONB_QUERIES: Queries = {
  choiceCount: { sql: 'select count(*) from cf_jsonb where workspace_id = $1 and custom @> $2::jsonb', parameters: [WORKSPACE, '{"segment":"pme"}'] },
  choicePage: {
    sql: 'select id, name, custom from cf_jsonb where workspace_id = $1 and custom @> $2::jsonb order by name, id limit 50',
    parameters: [WORKSPACE, '{"segment":"pme"}'],
  },
  rangeCount: {
    sql: `select count(*) from cf_jsonb where workspace_id = $1 and (custom ->> 'headcount')::numeric between $2 and $3`,
    parameters: [WORKSPACE, ...RANGE],
  },
  tagCount: { sql: 'select count(*) from cf_jsonb where workspace_id = $1 and custom @> $2::jsonb', parameters: [WORKSPACE, '{"interests":["export"]}'] },
  choiceAndBooleanPage: {
    sql: 'select id, name, custom from cf_jsonb where workspace_id = $1 and custom @> $2::jsonb order by name, id limit 50',
    parameters: [WORKSPACE, '{"segment":"pme","newsletter":true}'],
  },
  sortByNumberPage: {
    sql: `select id, name, custom from cf_jsonb where workspace_id = $1 order by (custom ->> 'headcount')::numeric, id limit 50`,
    parameters: [WORKSPACE],
  },
  readById: (id) => ({ sql: 'select id, name, custom from cf_jsonb where workspace_id = $1 and id = $2', parameters: [WORKSPACE, id] }),
  updateOne: (id, date) => ({
    sql: `update cf_jsonb set custom = custom || jsonb_build_object('renewal_on', $3::date) where workspace_id = $1 and id = $2`,
    parameters: [WORKSPACE, id, date],
  }),
};

/** The values of the parties a `page` CTE selected, one row per value, in the page's order. */
const EAV_PAGE_VALUES = `
  select page.id, page.name, v.field_id, v.text_value, v.number_value, v.date_value, v.bool_value
  from page left join cf_eav_values v on v.workspace_id = $1 and v.party_id = page.id`;
/** Parties having value `$value` in field `$field`, for a `where` on cf_eav_parties p. */
const hasText = (field: string, value: string) =>
  `exists (select from cf_eav_values v where v.workspace_id = p.workspace_id and v.party_id = p.id and v.field_id = ${field} and v.text_value = ${value})`;

// A choice or a tag is held by a party at most once, so counting values counts parties.
const EAV_QUERIES: Queries = {
  choiceCount: {
    sql: 'select count(*) from cf_eav_values where workspace_id = $1 and field_id = $2 and text_value = $3',
    parameters: [WORKSPACE, FIELD.segment, 'pme'],
  },
  choicePage: {
    sql: `with page as (select p.id, p.name from cf_eav_parties p where p.workspace_id = $1 and ${hasText('$2', '$3')} order by p.name, p.id limit 50)
      ${EAV_PAGE_VALUES} order by page.name, page.id`,
    parameters: [WORKSPACE, FIELD.segment, 'pme'],
  },
  rangeCount: {
    sql: 'select count(*) from cf_eav_values where workspace_id = $1 and field_id = $2 and number_value between $3 and $4',
    parameters: [WORKSPACE, FIELD.headcount, ...RANGE],
  },
  tagCount: {
    sql: 'select count(*) from cf_eav_values where workspace_id = $1 and field_id = $2 and text_value = $3',
    parameters: [WORKSPACE, FIELD.interests, 'export'],
  },
  choiceAndBooleanPage: {
    sql: `with page as (
        select p.id, p.name from cf_eav_parties p
        where p.workspace_id = $1 and ${hasText('$2', '$3')}
          and exists (select from cf_eav_values v where v.workspace_id = p.workspace_id and v.party_id = p.id and v.field_id = $4 and v.bool_value = $5)
        order by p.name, p.id limit 50)
      ${EAV_PAGE_VALUES} order by page.name, page.id`,
    parameters: [WORKSPACE, FIELD.segment, 'pme', FIELD.newsletter, true],
  },
  sortByNumberPage: {
    sql: `with page as (
        select p.id, p.name, v.number_value as sort from cf_eav_values v
        join cf_eav_parties p on p.workspace_id = v.workspace_id and p.id = v.party_id
        where v.workspace_id = $1 and v.field_id = $2 and v.number_value is not null
        order by v.number_value, v.party_id limit 50)
      ${EAV_PAGE_VALUES} order by page.sort, page.id`,
    parameters: [WORKSPACE, FIELD.headcount],
  },
  readById: (id) => ({
    sql: `select p.id, p.name, v.field_id, v.text_value, v.number_value, v.date_value, v.bool_value
      from cf_eav_parties p left join cf_eav_values v on v.workspace_id = p.workspace_id and v.party_id = p.id
      where p.workspace_id = $1 and p.id = $2`,
    parameters: [WORKSPACE, id],
  }),
  updateOne: (id, date) => ({
    sql: 'update cf_eav_values set date_value = $3 where workspace_id = $1 and party_id = $2 and field_id = $4',
    parameters: [WORKSPACE, id, date, FIELD.renewal_on],
  }),
};

interface Timing {
  ms: number;
  /** The count, or the number of parties on the page. */
  result: number;
  /** The plan's nodes, depth first, with the indexes they use. */
  plan: string;
}

/** What a query returned, reduced to compare layouts: the count, or the page's party ids in order. */
function answer(rows: Record<string, unknown>[]): string[] {
  return 'count' in rows[0]! ? [String(rows[0]!.count)] : [...new Set(rows.map((row) => String(row.id)))];
}

async function explain(database: Database, query: Query): Promise<string> {
  const { rows } = await exec(database, `explain (format json) ${query.sql}`, query.parameters);
  const nodes: string[] = [];
  const walk = (node: Record<string, unknown>) => {
    nodes.push(node['Index Name'] ? `${node['Node Type']} (${node['Index Name']})` : String(node['Node Type']));
    for (const child of (node.Plans as Record<string, unknown>[] | undefined) ?? []) walk(child);
  };
  walk((rows[0] as { 'QUERY PLAN': { Plan: Record<string, unknown> }[] })['QUERY PLAN'][0]!.Plan);
  return nodes.join(' > ');
}

interface Variant {
  name: string;
  loadSteps: Step[];
  loadMs: number;
  size: { totalBytes: number; tableBytes: number; indexBytes: number };
  queries: Record<string, Timing>;
  answers: Record<string, string[]>;
}

/** Measures every query on one layout as it stands. */
async function measure(database: Database, name: string, queries: Queries, loadSteps: Step[], tables: string[]): Promise<Variant> {
  await vacuum(database, tables);
  const variant: Variant = {
    name,
    loadSteps,
    loadMs: loadSteps.reduce((sum, step) => sum + step.ms, 0),
    size: await sizeOf(database, tables),
    queries: {},
    answers: {},
  };
  for (const { key, label } of MEASURES) {
    progress(`${name}: ${label}`);
    const query = queries[key];
    const { rows } = await exec(database, query.sql, query.parameters);
    const runs: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const at = performance.now();
      await exec(database, query.sql, query.parameters);
      runs.push(performance.now() - at);
    }
    const answered = answer(rows as Record<string, unknown>[]);
    variant.answers[key] = answered;
    const result = key.endsWith('Count') ? Number(answered[0]) : answered.length;
    variant.queries[key] = { ms: median(runs), result, plan: await explain(database, query) };
  }

  progress(`${name}: read by id`);
  const ids = randomInts(1, READS, ROWS).map((n) => partyId(n + 1));
  const reads: number[] = [];
  for (const [i, id] of [...ids.slice(0, READS / 10), ...ids].entries()) {
    const query = queries.readById(id);
    const at = performance.now();
    const { rows } = await exec(database, query.sql, query.parameters);
    if (i >= READS / 10) reads.push(performance.now() - at); // the first tenth again, untimed, warms up
    if (rows.length === 0) throw new Error(`${name}: party ${id} not found`);
  }
  variant.queries.readById = { ms: median(reads), result: 1, plan: await explain(database, queries.readById(ids[0]!)) };

  progress(`${name}: ${UPDATE_RUNS} × ${UPDATES} updates`);
  const batches: number[] = [];
  for (let run = 0; run < UPDATE_RUNS; run++) {
    const days = randomInts(100 + run, UPDATES, 1096);
    const targets = randomInts(10 + run, UPDATES, ROWS).map((n, i) => [partyId(n + 1), new Date(Date.UTC(2029, 0, 1 + days[i]!)).toISOString().slice(0, 10)] as const);
    const at = performance.now();
    for (const [id, date] of targets) {
      const query = queries.updateOne(id, date);
      const { numAffectedRows } = await exec(database, query.sql, query.parameters);
      if (numAffectedRows !== 1n) throw new Error(`${name}: update of ${id} changed ${numAffectedRows} rows`);
    }
    batches.push(performance.now() - at);
  }
  variant.queries.update1000 = { ms: median(batches), result: UPDATES, plan: await explain(database, queries.updateOne(ids[0]!, '2030-01-01')) };
  return variant;
}

// ---------------------------------------------------------------------------------------------------------------
// Run

async function bench(database: Database): Promise<{ server: string; variants: Variant[] }> {
  const { rows } = await exec(database, 'select version()');
  const server = (rows[0] as { version: string }).version.split(' on ')[0]!;
  await timed(database, [[`generate ${ROWS} parties`, SOURCE]]);

  const eavLoad = await timed(database, EAV_LOAD);
  const eav = await measure(database, 'EAV', EAV_QUERIES, eavLoad, ['cf_eav_parties', 'cf_eav_values']);

  const jsonbLoad = await timed(database, JSONB_LOAD);
  await exec(database, 'drop table cf_source');
  const jsonbPlain = await measure(database, 'JSONB, no index on custom', JSONB_QUERIES, jsonbLoad, ['cf_jsonb']);
  const ginLoad = [...jsonbLoad, ...(await timed(database, JSONB_GIN))];
  const jsonbGin = await measure(database, 'JSONB + GIN', JSONB_QUERIES, ginLoad, ['cf_jsonb']);
  const expressionLoad = [...ginLoad, ...(await timed(database, JSONB_EXPRESSION))];
  const jsonbExpression = await measure(database, 'JSONB + GIN + expression', JSONB_QUERIES, expressionLoad, ['cf_jsonb']);

  const variants = [jsonbPlain, jsonbGin, jsonbExpression, eav];
  for (const variant of variants) {
    for (const { key, label } of MEASURES) {
      if (variant.answers[key]!.join() !== eav.answers[key]!.join()) throw new Error(`${variant.name} and EAV disagree on "${label}"`);
    }
  }
  return { server, variants };
}

const loadAtStart = os.loadavg()[0]!;
const databaseUrl = process.env.DATABASE_URL || null;
const scratch = databaseUrl ? await createScratchPostgres(databaseUrl) : null;
const dataDir = scratch ? null : await mkdtemp(path.join(os.tmpdir(), 'rapport-cf-bench-'));
const engine = scratch ? 'postgres' : 'pglite';
let measured: Awaited<ReturnType<typeof bench>>;
try {
  const database = await openDatabase({ url: scratch?.url ?? null, dataDir, poolSize: 1 });
  try {
    measured = await bench(database);
  } finally {
    await database.close();
  }
} finally {
  await scratch?.drop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
}

const loadAtEnd = os.loadavg()[0]!;

const msText = (ms: number) => (ms < 10 ? ms.toFixed(2) : ms < 100 ? ms.toFixed(1) : Math.round(ms).toLocaleString('en-US'));
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const lines: [string, ...string[]][] = [
  ['', ...measured.variants.map((v) => v.name)],
  ['load + indexes (ms)', ...measured.variants.map((v) => msText(v.loadMs))],
  ['size on disk (heap + indexes)', ...measured.variants.map((v) => `${mib(v.size.totalBytes)} (${mib(v.size.tableBytes)} + ${mib(v.size.indexBytes)})`)],
  ...MEASURES.map(({ key, label }): [string, ...string[]] => [
    `${label} (ms)`,
    ...measured.variants.map((v) => `${msText(v.queries[key]!.ms)}  [${v.queries[key]!.result}]`),
  ]),
  ['read one party by id (ms)', ...measured.variants.map((v) => msText(v.queries.readById!.ms))],
  [`update one value × ${UPDATES} (ms)`, ...measured.variants.map((v) => msText(v.queries.update1000!.ms))],
];
const widths = lines[0]!.map((_, column) => Math.max(...lines.map((line) => line[column]!.length)));
out();
out(`Custom fields, JSONB vs EAV — ${ROWS.toLocaleString('en-US')} parties on ${measured.server}`);
out(`Median of ${RUNS} runs (reads by id: of ${READS}; updates: of ${UPDATE_RUNS} batches); [n] = count, or parties on the page.`);
out(`${os.cpus().length} CPUs, Node ${process.version}, load average ${loadAtStart.toFixed(1)} → ${loadAtEnd.toFixed(1)}`);
out();
for (const line of lines) out(line.map((cell, column) => (column === 0 ? cell.padEnd(widths[0]!) : cell.padStart(widths[column]!))).join('  '));

let results: Record<string, unknown> = {};
try {
  results = JSON.parse(await readFile(OUTPUT, 'utf8')) as Record<string, unknown>;
} catch {
  // no earlier results: start the file
}
results[engine] = {
  measuredAt: new Date().toISOString(),
  server: measured.server,
  machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, node: process.version, loadAverage: { start: loadAtStart, end: loadAtEnd } },
  settings: { rows: ROWS, runs: RUNS, reads: READS, updateRuns: UPDATE_RUNS, updates: UPDATES },
  variants: measured.variants.map(({ answers: _answers, ...variant }) => variant),
};
await writeFile(OUTPUT, `${JSON.stringify(results, null, 2)}\n`);
out();
out(`Written to bench/custom-field-storage.json (${engine})`);
