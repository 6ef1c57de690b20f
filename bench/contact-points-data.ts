/**
 * The data behind the contact-points benchmarks: BENCH_CUSTOMERS customers (people and organisations, 1,000,000
 * by default) with about BENCH_ORDER_LINES order lines (10,000,000) and everything the demo's commercial history
 * puts around them — deliveries, invoices, payments, returns, cases, interactions, feedback, timelines, metrics —
 * loaded by the demo generator, plus one key account with exactly 10,000 timeline entries for the timeline
 * benchmark. The demo's customers buy at a pace raised or lowered so the order lines come near the target.
 *
 * `node bench/contact-points-data.ts` loads it once (PGlite in a temporary folder, or a scratch database on the
 * PostgreSQL server of DATABASE_URL) and prints how long each part took.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { SYSTEM_ACTOR, type Ctx } from '../src/platform/context.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import type { DB } from '../src/platform/db/schema.ts';
import { createUser } from '../src/modules/users/user-service.ts';
import { createWorkspace } from '../src/modules/workspaces/workspace-service.ts';
import { generateDemo, type DemoCounts } from '../src/modules/demo/demo-generator.ts';
import { generateKeyAccount } from '../src/modules/demo/demo-key-account.ts';
import { createScratchPostgres } from './lib.ts';

export const BENCH_CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 1_000_000);
export const BENCH_ORDER_LINES = Number(process.env.BENCH_ORDER_LINES ?? 10_000_000);
export const TIMELINE_ENTRIES = 10_000;
/** Order lines the demo makes per customer at its usual pace (measured on 20,000 customers). */
const LINES_PER_CUSTOMER = 9.9;
/** The demo's mix: 60 organisations to 950 people. */
const ORGANISATION_SHARE = 60 / 1010;

export interface ContactPointsOptions {
  customers?: number;
  orderLines?: number;
  seed?: number;
  /** Customer ids to sample for the 360 view (default 1,000). */
  sampleSize?: number;
  /** The day the history ends (default today). */
  today?: Date;
  onProgress?: (message: string) => void;
}

export interface ContactPointsData {
  ctx: Ctx;
  workspaceId: string;
  /** The workspace's admin, for a session. */
  adminId: string;
  /** The key account: exactly `timelineEntries` entries on its timeline. */
  timelineCustomerId: string;
  timelineEntries: number;
  /** Customers who have ordered, spread over the whole dataset, in a stable order. */
  sampleCustomerIds: string[];
  /** People and organisations loaded, the key account included. */
  customers: number;
  counts: DemoCounts;
  orderLines: number;
  /** Rows written in all (records, contact points, history) and timings in seconds. */
  rows: number;
  seconds: { demo: number; keyAccount: number; total: number };
}

/** Creates a workspace in `db` and loads the benchmark's customers and history into it. */
export async function loadContactPointsData(db: Kysely<DB>, options: ContactPointsOptions = {}): Promise<ContactPointsData> {
  const customers = options.customers ?? BENCH_CUSTOMERS;
  const orderLines = options.orderLines ?? BENCH_ORDER_LINES;
  const seed = options.seed ?? 7;
  const say = options.onProgress ?? (() => {});
  const started = performance.now();

  const { workspace, admin } = await createWorkspace(db, {
    name: 'Bench contact points', adminEmail: 'bench-contact-points@rapport.local', adminName: 'Bench', adminPassword: 'benchmark password 42',
  });
  const ctx: Ctx = { db, workspaceId: workspace.id, actor: SYSTEM_ACTOR };
  // Customers are spread over a small team, as in a real workspace.
  for (const [name, role] of [['Claire Moreau', 'sales'], ['Karim Benali', 'sales'], ['Sophie Lambert', 'manager']] as const) {
    await createUser(ctx, { email: `${name.toLowerCase().replace(' ', '.')}@bench.example`, name, role, password: 'benchmark password 42' });
  }

  const organisations = Math.max(1, Math.round(customers * ORGANISATION_SHARE));
  const pace = Math.min(20, Math.max(0.1, orderLines / (customers * LINES_PER_CUSTOMER)));
  say(`loading ${customers.toLocaleString('en')} customers, about ${orderLines.toLocaleString('en')} order lines (pace ${pace.toFixed(2)})…`);
  let lastReport = performance.now();
  const counts = await generateDemo(ctx, {
    people: customers - organisations, organisations, seed, pace, today: options.today,
    onProgress: ({ done, total }) => {
      if (performance.now() - lastReport < 30_000 && done < total) return;
      lastReport = performance.now();
      say(`  ${done.toLocaleString('en')} / ${total.toLocaleString('en')} customers, ${((performance.now() - started) / 1000).toFixed(0)} s`);
    },
  });
  const demoSeconds = (performance.now() - started) / 1000;

  const keyStarted = performance.now();
  const key = await generateKeyAccount(ctx, { timelineEntries: TIMELINE_ENTRIES, seed, today: options.today });
  await sql`analyze timeline_entries, orders, order_lines, invoices, payments, interactions, customer_metrics`.execute(db);
  const keySeconds = (performance.now() - keyStarted) / 1000;

  const { rows: sample } = await sql<{ party_id: string }>`
    select party_id from customer_metrics where workspace_id = ${workspace.id} and order_count > 0 and party_id <> ${key.partyId}
    order by md5(party_id::text) limit ${options.sampleSize ?? 1000}`.execute(db);
  const h = counts.history;
  const rows = customers + counts.emails + counts.phones + counts.addresses + counts.roles + counts.links + counts.consents + h.orders
    + h.orderLines + h.deliveries + h.invoices + h.creditNotes + h.payments + h.returns + h.cases + h.interactions + h.feedback + h.tasks
    + h.alerts + h.timelineEntries;
  return {
    ctx, workspaceId: workspace.id, adminId: admin.id, timelineCustomerId: key.partyId, timelineEntries: TIMELINE_ENTRIES,
    sampleCustomerIds: sample.map((r) => r.party_id), customers: customers + 1, counts, orderLines: h.orderLines + key.counts.orderLines, rows,
    seconds: { demo: demoSeconds, keyAccount: keySeconds, total: (performance.now() - started) / 1000 },
  };
}

async function main(): Promise<void> {
  const scratch = process.env.DATABASE_URL ? await createScratchPostgres(process.env.DATABASE_URL) : null;
  const dataDir = scratch ? null : await mkdtemp(path.join(os.tmpdir(), 'rapport-bench-contact-points-'));
  const database = await openDatabase({ url: scratch?.url ?? null, dataDir });
  try {
    await migrateToLatest(database.db);
    const cpu = process.cpuUsage();
    const data = await loadContactPointsData(database.db, { onProgress: (message) => console.log(`[${database.engine}] ${message}`) });
    const { user, system } = process.cpuUsage(cpu);
    const [check] = (await sql<{ n: number }>`select count(*)::int n from timeline_entries
      where workspace_id = ${data.workspaceId} and party_id = ${data.timelineCustomerId}`.execute(database.db)).rows;
    const h = data.counts.history;
    const rate = (n: number, s: number) => Math.round(n / s).toLocaleString('en');
    console.log(`[${database.engine}] ${BENCH_CUSTOMERS.toLocaleString('en')} customers, ${h.orders.toLocaleString('en')} orders, ` +
      `${data.orderLines.toLocaleString('en')} order lines, ${h.timelineEntries.toLocaleString('en')} timeline entries, ${data.rows.toLocaleString('en')} rows`);
    console.log(`[${database.engine}] demo ${data.seconds.demo.toFixed(1)} s (${rate(data.rows, data.seconds.demo)} rows/s, ` +
      `${rate(h.orderLines, data.seconds.demo)} order lines/s); key account ${data.seconds.keyAccount.toFixed(1)} s with ${check!.n} timeline entries; ` +
      `${data.sampleCustomerIds.length} sample customers; ${((user + system) / 1e6).toFixed(1)} s of CPU in this process`);
  } finally {
    await database.close();
    await scratch?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.main) await main();
