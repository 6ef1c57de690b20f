/**
 * `npm run bench` (third part): contact points at volume, each figure beside a hand-written SQL baseline measured
 * in the same run on the same database. With BENCH_CUSTOMERS customers (1M by default) and about BENCH_ORDER_LINES
 * order lines (10M) loaded by the demo generator (see contact-points-data.ts):
 * - the first timeline page of a customer with 10,000 entries, p50 and p99;
 * - the customer 360 view (record, metrics, latest entries) for sampled customers, p50 and p99;
 * - purchase metrics: a full recomputation of the workspace against the incremental refresh of one customer;
 * - order creation throughput through the API against the same writes in bare SQL.
 * PGlite in a temporary folder by default; with DATABASE_URL, a scratch database on that PostgreSQL server.
 * Writes bench/contact-points-results-<engine>.json.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { loadConfig } from '../src/platform/config.ts';
import { buildApp } from '../src/platform/http/app.ts';
import { inTransaction } from '../src/platform/context.ts';
import { createSession } from '../src/modules/auth/session-service.ts';
import { recomputeAllCustomerMetrics, refreshCustomerMetrics } from '../src/modules/metrics/metrics-service.ts';
import { api, createScratchPostgres, opsPerSecond, percentile, REPO, round, timeEach, type Session } from './lib.ts';
import { loadContactPointsData } from './contact-points-data.ts';

const TIMELINE_RUNS = Number(process.env.BENCH_TIMELINE_RUNS ?? 300);
const OVERVIEWS = Number(process.env.BENCH_OVERVIEWS ?? 1000);
const INCREMENTAL = Number(process.env.BENCH_INCREMENTAL ?? 300);
const ORDERS = Number(process.env.BENCH_ORDERS ?? 300);

const stats = (times: number[]) => ({ p50: round(percentile(times, 50), 2), p99: round(percentile(times, 99), 2) });

async function main() {
  const scratch = process.env.DATABASE_URL ? await createScratchPostgres(process.env.DATABASE_URL) : null;
  const dataDir = scratch ? null : await mkdtemp(path.join(os.tmpdir(), 'rapport-bench-contact-points-'));
  const database = await openDatabase({ url: scratch?.url ?? null, dataDir });
  const { db, engine } = database;
  try {
    await migrateToLatest(db);
    const data = await loadContactPointsData(db, { sampleSize: OVERVIEWS, onProgress: (message) => console.log(`[${engine}] ${message}`) });
    const ws = data.workspaceId;
    await sql`analyze`.execute(db);
    console.log(`[${engine}] loaded in ${data.seconds.total.toFixed(0)} s: ${data.orderLines.toLocaleString('en')} order lines`);

    const config = loadConfig({ DATABASE_URL: scratch?.url, LOG_LEVEL: 'silent' }, {});
    const app = await buildApp({ config, db, engine, web: false, logger: false });
    await app.ready();
    const session = await createSession(db, { workspaceId: ws, userId: data.adminId, days: 1 });
    const s: Session = { app, cookie: session.cookie, csrf: session.csrfToken };

    // 1. The first timeline page of the customer with 10,000 entries.
    const key = data.timelineCustomerId;
    const runs = Array.from({ length: TIMELINE_RUNS });
    const apiTimeline = await timeEach(runs, async () => {
      await api(s, 'GET', `/api/parties/${key}/timeline?limit=50`);
    });
    const sqlTimeline = await timeEach(runs, async () => {
      await sql`select id, party_id, occurred_at, kind, channel, subject_type, subject_id, actor_id, actor_label, data
                from timeline_entries where workspace_id = ${ws} and party_id = ${key}
                order by occurred_at desc, id desc limit 51`.execute(db);
    });

    // 2. The customer 360 view.
    const sample = data.sampleCustomerIds;
    const apiOverview = await timeEach(sample, async (id) => {
      await api(s, 'GET', `/api/parties/${id}/overview`);
    });
    const sqlOverview = await timeEach(sample, async (id) => {
      await sql`select p.*, o.name from parties p left join users o on o.workspace_id = p.workspace_id and o.id = p.owner_id
                where p.workspace_id = ${ws} and p.id = ${id}`.execute(db);
      await sql`select email, type, valid from party_emails where workspace_id = ${ws} and party_id = ${id} order by position`.execute(db);
      await sql`select phone, type, valid from party_phones where workspace_id = ${ws} and party_id = ${id} order by position`.execute(db);
      await sql`select * from party_addresses where workspace_id = ${ws} and party_id = ${id} order by position`.execute(db);
      await sql`select * from customer_metrics where workspace_id = ${ws} and party_id = ${id}`.execute(db);
      await sql`select * from timeline_entries where workspace_id = ${ws} and party_id = ${id} order by occurred_at desc, id desc limit 11`.execute(db);
    });

    // 3. Metrics: everything recomputed against one customer refreshed after a change.
    const fullStart = performance.now();
    await recomputeAllCustomerMetrics(data.ctx);
    const fullMs = performance.now() - fullStart;
    const [{ n: metricRows }] = (await sql<{ n: number }>`select count(*)::int as n from customer_metrics where workspace_id = ${ws}`.execute(db)).rows as [{ n: number }];
    const incremental = await timeEach(sample.slice(0, INCREMENTAL), async (id) => {
      await inTransaction(data.ctx, (tx) => refreshCustomerMetrics(tx, [id]));
    });

    // 4. Order creation: the API (numbering, lines, totals, audit, timeline, metrics) against bare SQL writes.
    const products = (await sql<{ id: string; unit_price: string; unit_cost: string; vat_rate: string }>`
      select id, unit_price, unit_cost, vat_rate from products where workspace_id = ${ws} and active and currency = 'EUR'
      order by sku limit 3`.execute(db)).rows;
    const buyers = sample.slice(0, ORDERS);
    const apiOrders = await timeEach(buyers, async (customerId) => {
      await api(s, 'POST', '/api/orders', {
        customerId,
        channel: 'web',
        lines: products.map((p, i) => ({ productId: p.id, quantity: i + 1, discountPercent: i === 2 ? 10 : 0 })),
      });
    });
    const sqlOrders = await timeEach(buyers, async (customerId) => {
      await db.transaction().execute(async (trx) => {
        const { rows } = await sql<{ last_sequence: number }>`
          insert into document_counters (workspace_id, kind, year, last_sequence) values (${ws}, 'order', 2099, 1)
          on conflict (workspace_id, kind, year) do update set last_sequence = document_counters.last_sequence + 1
          returning last_sequence`.execute(trx);
        const id = randomUUID();
        await sql`insert into orders (workspace_id, id, number, customer_id, ordered_at, channel, total_excl_tax, tax_total, total_incl_tax, cost_total)
                  values (${ws}, ${id}, ${`SQL-${rows[0]!.last_sequence}`}, ${customerId}, now(), 'web', 100, 20, 120, 40)`.execute(trx);
        for (const [i, p] of products.entries()) {
          await sql`insert into order_lines (workspace_id, order_id, position, product_id, description, quantity, unit_price, vat_rate, line_total, unit_cost, line_cost)
                    values (${ws}, ${id}, ${i + 1}, ${p.id}, 'Ligne', ${i + 1}, ${p.unit_price}, ${p.vat_rate}, ${p.unit_price}, ${p.unit_cost}, ${p.unit_cost})`.execute(trx);
        }
        await sql`insert into timeline_entries (workspace_id, id, party_id, occurred_at, kind, subject_type, subject_id, data)
                  values (${ws}, ${randomUUID()}, ${customerId}, now(), 'order', 'order', ${id}, '{"action":"created"}')`.execute(trx);
      });
    });
    await app.close();

    const results = {
      engine,
      customers: data.customers,
      orderLines: data.orderLines,
      loadSeconds: round(data.seconds.total),
      timelineFirstPageMs: { entries: data.timelineEntries, api: stats(apiTimeline), sql: stats(sqlTimeline) },
      overviewMs: { customers: sample.length, api: stats(apiOverview), sql: stats(sqlOverview) },
      metrics: {
        fullRecomputeSeconds: round(fullMs / 1000, 2),
        customersWithMetrics: metricRows,
        incrementalPerCustomerMs: stats(incremental),
        fullPerCustomerMs: round(fullMs / Math.max(1, metricRows), 3),
      },
      orderInsert: { apiPerSecond: round(opsPerSecond(apiOrders)), sqlPerSecond: round(opsPerSecond(sqlOrders)) },
    };
    const ratio = (a: number, b: number) => `${(a / b).toFixed(1)}×`;
    console.log(`\nContact points on ${engine}: ${results.customers.toLocaleString('en')} customers, ${results.orderLines.toLocaleString('en')} order lines`);
    console.table({
      'timeline first page p50 ms': { api: results.timelineFirstPageMs.api.p50, sql: results.timelineFirstPageMs.sql.p50, ratio: ratio(results.timelineFirstPageMs.api.p50, results.timelineFirstPageMs.sql.p50) },
      'timeline first page p99 ms': { api: results.timelineFirstPageMs.api.p99, sql: results.timelineFirstPageMs.sql.p99, ratio: ratio(results.timelineFirstPageMs.api.p99, results.timelineFirstPageMs.sql.p99) },
      '360 view p50 ms': { api: results.overviewMs.api.p50, sql: results.overviewMs.sql.p50, ratio: ratio(results.overviewMs.api.p50, results.overviewMs.sql.p50) },
      '360 view p99 ms': { api: results.overviewMs.api.p99, sql: results.overviewMs.sql.p99, ratio: ratio(results.overviewMs.api.p99, results.overviewMs.sql.p99) },
      'orders created /s': { api: results.orderInsert.apiPerSecond, sql: results.orderInsert.sqlPerSecond, ratio: ratio(results.orderInsert.apiPerSecond, results.orderInsert.sqlPerSecond) },
    });
    console.log(
      `metrics: full recomputation ${results.metrics.fullRecomputeSeconds} s for ${metricRows.toLocaleString('en')} customers ` +
        `(${results.metrics.fullPerCustomerMs} ms each); incremental refresh of one customer p50 ${results.metrics.incrementalPerCustomerMs.p50} ms, ` +
        `p99 ${results.metrics.incrementalPerCustomerMs.p99} ms (${ratio(fullMs, results.metrics.incrementalPerCustomerMs.p50)} cheaper than a full run)`,
    );
    await writeFile(path.join(REPO, 'bench', `contact-points-results-${engine}.json`), `${JSON.stringify(results, null, 2)}\n`);
  } finally {
    await database.close();
    await scratch?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
