/**
 * `npm run bench` (imports): a people spreadsheet of BENCH_IMPORT_ROWS rows (1,000,000 by default) imported with
 * `rapport import FILE --type people` (the command a user runs, in its own process, so its memory is its own)
 * against a raw bulk insert of the same people, already converted, into the same tables (parties, emails,
 * phones, addresses) in batches of 1,000 rows — measured in the same run on a fresh embedded database each.
 * Then the duplicate scan over the imported people. PGlite by default (the target of the issue); with
 * DATABASE_URL, scratch databases on that server. Writes bench/imports-results-<engine>.json.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type Insertable, type Kysely } from 'kysely';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import type { DB } from '../src/platform/db/schema.ts';
import { SYSTEM_ACTOR } from '../src/platform/context.ts';
import { createWorkspace } from '../src/modules/workspaces/workspace-service.ts';
import { formatCustomerNumber } from '../src/shared/identifiers/customer-number.ts';
import { scanDuplicates } from '../src/modules/duplicates/duplicate-scan.ts';
import { benchPerson, writePeopleCsv } from './import-data.ts';
import { createScratchPostgres, REPO, round, rssMiB } from './lib.ts';
import { DUPLICATE_CHECK_LINE } from '../src/cli/import-command.ts';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 1_000_000);
const BATCH = 1000;

interface Store {
  url: string | null;
  dataDir: string | null;
  drop(): Promise<void>;
}

/** A fresh, migrated database with one workspace. */
async function freshStore(): Promise<Store & { workspaceId: string; slug: string }> {
  const serverUrl = process.env.DATABASE_URL || null;
  const scratch = serverUrl ? await createScratchPostgres(serverUrl) : null;
  const dataDir = scratch ? null : await mkdtemp(path.join(os.tmpdir(), 'rapport-bench-import-'));
  const database = await openDatabase({ url: scratch?.url ?? null, dataDir });
  await migrateToLatest(database.db);
  const { workspace } = await createWorkspace(database.db, {
    name: 'Bench import',
    adminEmail: 'bench@rapport.local',
    adminName: 'Bench',
    adminPassword: 'benchmark password 42',
  });
  await database.close();
  return {
    url: scratch?.url ?? null,
    dataDir,
    workspaceId: workspace.id,
    slug: workspace.slug,
    drop: async () => {
      if (scratch) await scratch.drop();
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** The baseline: the same people, already converted, written with multi-row inserts, 1,000 rows per transaction. */
async function rawBulkInsert(db: Kysely<DB>, workspaceId: string, rows: number): Promise<void> {
  for (let start = 0; start < rows; start += BATCH) {
    const end = Math.min(rows, start + BATCH);
    const parties: Insertable<DB['parties']>[] = [];
    const emails: Insertable<DB['party_emails']>[] = [];
    const phones: Insertable<DB['party_phones']>[] = [];
    const addresses: Insertable<DB['party_addresses']>[] = [];
    for (let i = start; i < end; i++) {
      const p = benchPerson(i).stored;
      const id = randomUUID();
      parties.push({
        workspace_id: workspaceId,
        id,
        kind: 'person',
        customer_number: formatCustomerNumber('C', i + 1),
        display_name: `${p.firstName} ${p.lastName}`,
        civility: p.civility,
        first_name: p.firstName,
        last_name: p.lastName,
        birth_date: p.birthDate,
        tags: p.tags,
        email: p.email,
        phone: p.phone,
        postcode: p.postcode,
        city: p.city,
        country: 'FR',
      });
      emails.push({ workspace_id: workspaceId, party_id: id, position: 0, email: p.email, type: 'personal' });
      phones.push({ workspace_id: workspaceId, party_id: id, position: 0, phone: p.phone, type: 'mobile' });
      addresses.push({ workspace_id: workspaceId, party_id: id, position: 0, type: 'home', line1: p.line1, postcode: p.postcode, city: p.city, country: 'FR' });
    }
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('parties').values(parties).execute();
      await trx.insertInto('party_emails').values(emails).execute();
      await trx.insertInto('party_phones').values(phones).execute();
      await trx.insertInto('party_addresses').values(addresses).execute();
    });
  }
}

/** Runs `rapport import` as its own process, sampling its resident memory; returns seconds, peak and late RSS. */
async function runImportCommand(store: Store, slug: string, file: string) {
  const env = { ...process.env, RAPPORT_DATA_DIR: store.dataDir ?? '', DATABASE_URL: store.url ?? '', LOG_LEVEL: 'silent' };
  const started = performance.now();
  const child = spawn(process.execPath, ['bin/rapport.js', 'import', file, '--type', 'people', '--workspace', slug], { cwd: REPO, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  // When the rows are all written the command says so and checks them for duplicates: the two phases are
  // measured apart (the rows stream; the check holds the workspace's people in memory).
  let rowsWrittenAt: number | null = null;
  const watch = (chunk: Buffer) => {
    if (rowsWrittenAt === null && String(chunk).includes(DUPLICATE_CHECK_LINE)) rowsWrittenAt = performance.now() - started;
  };
  child.stdout.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr.on('data', (chunk: Buffer) => {
    watch(chunk);
    output = (output + chunk).slice(-20_000);
  });
  const samples: { at: number; rss: number }[] = [];
  const timer = setInterval(() => {
    try {
      samples.push({ at: performance.now() - started, rss: rssMiB(child.pid!) });
    } catch {
      // The process has just exited.
    }
  }, 1000);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearInterval(timer);
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`rapport import exited with ${code}\n${output}`);
  // Flat memory while the rows stream: the resident size over the last half of that phase against its first
  // quarter's.
  const rowsMs = rowsWrittenAt ?? seconds * 1000;
  const streaming = samples.filter((s) => s.at <= rowsMs);
  const quarter = streaming.filter((s) => s.at < rowsMs / 4).map((s) => s.rss);
  const lastHalf = streaming.filter((s) => s.at > rowsMs / 2).map((s) => s.rss);
  const checking = samples.filter((s) => s.at > rowsMs).map((s) => s.rss);
  return {
    seconds,
    rowsSeconds: rowsMs / 1000,
    duplicateCheckSeconds: rowsWrittenAt === null ? null : seconds - rowsMs / 1000,
    peakRssMiB: Math.max(...samples.map((s) => s.rss)),
    earlyRssMiB: quarter.length ? Math.max(...quarter) : null,
    lateRssMiB: lastHalf.length ? Math.max(...lastHalf) : null,
    duplicateCheckRssMiB: checking.length ? Math.max(...checking) : null,
    summary: output.split('\n').filter((line) => line.startsWith('Import done')).join(' '),
  };
}

async function main() {
  const work = await mkdtemp(path.join(os.tmpdir(), 'rapport-bench-import-file-'));
  const file = path.join(work, 'clients.csv');
  try {
    console.log(`writing ${ROWS.toLocaleString('en')} people to a CSV file…`);
    await writePeopleCsv(file, ROWS);
    const fileMiB = (await stat(file)).size / 2 ** 20;

    const baselineStore = await freshStore();
    const baselineDb = await openDatabase({ url: baselineStore.url, dataDir: baselineStore.dataDir });
    const engine = baselineDb.engine;
    console.log(`[${engine}] raw bulk insert of the same rows…`);
    const rawStart = performance.now();
    await rawBulkInsert(baselineDb.db, baselineStore.workspaceId, ROWS);
    const rawSeconds = (performance.now() - rawStart) / 1000;
    await baselineDb.close();
    await baselineStore.drop();
    console.log(`[${engine}] raw insert ${rawSeconds.toFixed(1)} s`);

    const importStore = await freshStore();
    console.log(`[${engine}] rapport import ${path.basename(file)} --type people…`);
    const run = await runImportCommand(importStore, importStore.slug, file);
    console.log(`[${engine}] import ${run.seconds.toFixed(1)} s — ${run.summary}`);

    const importDb = await openDatabase({ url: importStore.url, dataDir: importStore.dataDir });
    const ctx = { db: importDb.db, workspaceId: importStore.workspaceId, actor: SYSTEM_ACTOR };
    const scanStart = performance.now();
    const scan = await scanDuplicates(ctx, { kind: 'person', source: 'scan' });
    const scanSeconds = (performance.now() - scanStart) / 1000;
    await importDb.close();
    await importStore.drop();

    const results = {
      engine,
      rows: ROWS,
      fileMiB: round(fileMiB),
      rawInsertSeconds: round(rawSeconds),
      importSeconds: round(run.seconds),
      ratio: round(run.seconds / rawSeconds, 2),
      importRowsPerSecond: Math.round(ROWS / run.seconds),
      rowsPhaseSeconds: round(run.rowsSeconds),
      rowsPhaseRatio: round(run.rowsSeconds / rawSeconds, 2),
      duplicateCheckSeconds: run.duplicateCheckSeconds === null ? null : round(run.duplicateCheckSeconds),
      peakRssMiB: round(run.peakRssMiB),
      earlyRssMiB: run.earlyRssMiB === null ? null : round(run.earlyRssMiB),
      lateRssMiB: run.lateRssMiB === null ? null : round(run.lateRssMiB),
      duplicateCheckRssMiB: run.duplicateCheckRssMiB === null ? null : round(run.duplicateCheckRssMiB),
      duplicateScanSeconds: round(scanSeconds),
      duplicatePairs: scan.pairs,
    };
    console.log(`\nImport on ${engine}: ${ROWS.toLocaleString('en')} rows (${results.fileMiB} MiB)`);
    console.table({
      'whole command': { seconds: results.importSeconds, 'raw insert': results.rawInsertSeconds, ratio: results.ratio },
      'rows written': { seconds: results.rowsPhaseSeconds, 'raw insert': results.rawInsertSeconds, ratio: results.rowsPhaseRatio },
    });
    console.log(`then the duplicate check of the imported people: ${results.duplicateCheckSeconds} s`);
    console.log(
      `memory of the import process while rows stream: first quarter ${results.earlyRssMiB} MiB, second half ${results.lateRssMiB} MiB; ` +
        `duplicate check ${results.duplicateCheckRssMiB} MiB`,
    );
    console.log(`duplicate scan over the imported people: ${results.duplicateScanSeconds} s, ${results.duplicatePairs} pairs`);
    await writeFile(path.join(REPO, 'bench', `imports-results-${engine}.json`), JSON.stringify(results, null, 2) + '\n');
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

await main();
