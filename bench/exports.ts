/**
 * Exports at volume (part of `npm run bench`, or `node bench/exports.ts`): rows per second exporting
 * BENCH_EXPORT_PEOPLE people (1M by default) to CSV and to XLSX through the HTTP server, each beside a baseline
 * measured in the same run on the same database — the same rows read with one SQL cursor and thrown away — and
 * the peak resident memory of each. PGlite in a temporary folder by default; with DATABASE_URL, a scratch
 * database on that PostgreSQL server. Writes bench/exports-results-<engine>.json.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
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
import { createScratchPostgres, REPO, round } from './lib.ts';

const PEOPLE = Number(process.env.BENCH_EXPORT_PEOPLE ?? 1_000_000);
const CURSOR_BATCH = 2000;

interface Run {
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  megabytes: number;
  peakRssMiB: number;
  /** Peak resident memory minus the resident memory when the run started. */
  rssGrowthMiB: number;
}

/** Runs `work` while sampling this process's resident memory (server and reader share the process). */
async function measured(work: () => Promise<{ rows: number; bytes: number }>): Promise<Run> {
  const startRss = process.memoryUsage.rss();
  let peak = startRss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 50);
  const start = performance.now();
  try {
    const { rows, bytes } = await work();
    const seconds = (performance.now() - start) / 1000;
    return {
      rows,
      seconds: round(seconds, 2),
      rowsPerSecond: Math.round(rows / seconds),
      megabytes: round(bytes / 1e6),
      peakRssMiB: round(peak / 2 ** 20),
      rssGrowthMiB: round((peak - startRss) / 2 ** 20),
    };
  } finally {
    clearInterval(sampler);
  }
}

/** The baseline: the list's rows (parties with owner, team and metrics, in name order) through one cursor. */
async function readWithCursor(db: Kysely<DB>, workspaceId: string): Promise<{ rows: number; bytes: number }> {
  return db.transaction().execute(async (trx) => {
    await sql`declare export_bench cursor for
      select p.*, owner.name as owner_name, team.name as team_name, m.*
        from parties p
        left join users owner on owner.workspace_id = p.workspace_id and owner.id = p.owner_id
        left join teams team on team.workspace_id = p.workspace_id and team.id = p.team_id
        left join customer_metrics m on m.workspace_id = p.workspace_id and m.party_id = p.id
       where p.workspace_id = ${workspaceId} and p.kind = 'person'
       order by p.sort_name, p.id`.execute(trx);
    let rows = 0;
    for (;;) {
      const batch = await sql`fetch ${sql.raw(String(CURSOR_BATCH))} from export_bench`.execute(trx);
      if (batch.rows.length === 0) break;
      rows += batch.rows.length;
    }
    await sql`close export_bench`.execute(trx);
    return { rows, bytes: 0 };
  });
}

/** Downloads an export over a real socket, counting rows (CSV lines) and bytes and keeping nothing. */
function download(port: number, cookie: string, query: string): Promise<{ rows: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: `/api/exports/people?${query}`, headers: { cookie: `rapport_session=${cookie}` }, agent: false }, (response) => {
        if (response.statusCode !== 200) reject(new Error(`export answered ${response.statusCode}`));
        let bytes = 0;
        let lines = 0;
        response.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
        });
        response.on('end', () => resolve({ rows: Math.max(0, lines - 1), bytes }));
        response.on('error', reject);
      })
      .on('error', reject);
  });
}

async function main() {
  const databaseUrl = process.env.DATABASE_URL || null;
  const scratch = databaseUrl ? await createScratchPostgres(databaseUrl) : null;
  const dataDir = scratch ? null : await mkdtemp(path.join(os.tmpdir(), 'rapport-bench-exports-'));
  const database = await openDatabase({ url: scratch?.url ?? null, dataDir });
  const { engine, db } = database;
  try {
    await migrateToLatest(db);
    const { workspace, admin } = await createWorkspace(db, { name: 'Bench', adminEmail: 'bench@rapport.local', adminName: 'Bench', adminPassword: 'benchmark password 42' });
    const ctx: Ctx = { db, workspaceId: workspace.id, actor: SYSTEM_ACTOR };
    console.log(`[${engine}] loading ${PEOPLE.toLocaleString('en')} people…`);
    const loadStart = performance.now();
    await generateDemo(ctx, { people: PEOPLE, organisations: Math.max(10, Math.round(PEOPLE / 20)), seed: 7, historyYears: 0 });
    await sql`analyze`.execute(db);
    const loadSeconds = round((performance.now() - loadStart) / 1000);
    console.log(`[${engine}] loaded in ${loadSeconds} s`);

    const app = await buildApp({ config: loadConfig({ DATABASE_URL: scratch?.url, LOG_LEVEL: 'silent' }, {}), db, engine, web: false, logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    const { cookie } = await createSession(db, { workspaceId: workspace.id, userId: admin.id, days: 1 });
    try {
      // Every email and phone too, so the per-page contact query is part of the figure.
      const columns = 'columns=customerNumber,firstName,lastName,birthDate,emails,phones,city,roles,tags,metrics.revenue12m,createdAt';
      const baseline = await measured(() => readWithCursor(db, workspace.id));
      const csv = await measured(() => download(port, cookie, `format=csv&${columns}`));
      const xlsx = await measured(() => download(port, cookie, `format=xlsx&${columns}`));
      // An XLSX is a zip: its "lines" say nothing, the row count is the cursor's.
      xlsx.rows = baseline.rows;
      xlsx.rowsPerSecond = Math.round(baseline.rows / xlsx.seconds);
      if (csv.rows !== baseline.rows) throw new Error(`the CSV holds ${csv.rows} rows, the cursor read ${baseline.rows}`);

      const results = { engine, people: PEOPLE, loadSeconds, startRssMiB: round(process.memoryUsage.rss() / 2 ** 20), sqlCursor: baseline, csv, xlsx };
      const share = (run: Run) => `${((100 * run.rowsPerSecond) / baseline.rowsPerSecond).toFixed(0)} %`;
      console.log(`\nExports on ${engine}, ${baseline.rows.toLocaleString('en')} people`);
      console.table({
        'sql cursor': { ...baseline, 'vs cursor': '100 %' },
        csv: { ...csv, 'vs cursor': share(csv) },
        xlsx: { ...xlsx, 'vs cursor': share(xlsx) },
      });
      await writeFile(path.join(REPO, 'bench', `exports-results-${engine}.json`), `${JSON.stringify(results, null, 2)}\n`);
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
    await scratch?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
