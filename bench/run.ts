/**
 * `npm run bench`: what Rapport costs over a bare Fastify server on this machine, measured in the same run.
 * - throughput and p99 latency of an authenticated `GET /api/me` against `GET /bare`, 50 connections;
 * - cold start, from spawn to the first 200 on /health: on an initialised store and on a first-ever start;
 * - resident memory after start and after the load;
 * - where the time goes: server CPU per request (the figure least disturbed by other work on the machine) for
 *   the bare route, Rapport's whole HTTP stack answering 401, and `GET /api/me`; then single database calls.
 * Servers and load generator are separate processes. Rapport runs on PGlite in a temporary folder, or with
 * DATABASE_URL on a scratch database of that PostgreSQL server. Prints a table and writes bench/results.json.
 * BENCH_SECONDS shortens or lengthens each load run (default 10, after a 2-second warm-up).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  cpuMs,
  createScratchPostgres,
  freePort,
  load,
  median,
  REPO,
  rssMiB,
  startServerProcess,
  stopProcess,
  type LoadResult,
  type ServerProcess,
} from './lib.ts';
import { timeQueries, type QueryTiming } from './queries.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const SIDE_SECONDS = Math.min(SECONDS, 5);
const WARM_UP_SECONDS = 2;
const CONNECTIONS = 50;
const COLD_STARTS = 3;
const TARGET_RATIO = 0.2;
const TARGET_P99_MS = 20;
const ADMIN = { email: 'bench@rapport.local', password: 'benchmark password 42' };
const BARE = [path.join(REPO, 'bench', 'bare-server.ts')];

interface Measured {
  load: LoadResult;
  /** CPU time of the server process per answered request, in microseconds. */
  cpuUsPerRequest: number;
  rssBeforeMiB: number;
  rssAfterMiB: number;
}

interface Side extends Measured {
  coldStartMs: number;
}

/** Starts a server `COLD_STARTS` times; keeps the last one running. Returns the median time to first answer. */
async function coldStarts(args: string[], env: NodeJS.ProcessEnv): Promise<{ server: ServerProcess; medianMs: number }> {
  const runsMs: number[] = [];
  for (let run = 1; ; run++) {
    const server = await startServerProcess(args, env, await freePort());
    runsMs.push(server.coldStartMs);
    if (run === COLD_STARTS) return { server, medianMs: median(runsMs) };
    await stopProcess(server.child);
  }
}

/** Warms up, then loads `url`, reading the server's memory and CPU time around the run. */
async function measure(
  server: ServerProcess,
  url: string,
  options: { seconds?: number; headers?: Record<string, string>; expectErrors?: boolean } = {},
): Promise<Measured> {
  const headers = options.headers ?? {};
  const alive = () => {
    if (server.child.exitCode !== null || server.child.signalCode !== null) {
      throw new Error(`the server under test stopped (${server.child.exitCode ?? server.child.signalCode}) during the load on ${url}:\n${server.output()}`);
    }
  };
  const rssBeforeMiB = rssMiB(server.pid);
  await load(url, { connections: CONNECTIONS, seconds: WARM_UP_SECONDS, headers });
  alive();
  const cpuBefore = cpuMs(server.pid);
  const result = await load(url, { connections: CONNECTIONS, seconds: options.seconds ?? SECONDS, headers });
  alive();
  const cpuUsPerRequest = ((cpuMs(server.pid) - cpuBefore) * 1000) / result.requests;
  if (!options.expectErrors && (result.non2xx > 0 || result.errors > 0)) {
    throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  }
  return { load: result, cpuUsPerRequest, rssBeforeMiB, rssAfterMiB: rssMiB(server.pid) };
}

async function signIn(url: string): Promise<string> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  if (response.status !== 200) throw new Error(`login failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('rapport_session='));
  if (!cookie) throw new Error('login set no session cookie');
  const session = cookie.split(';')[0]!;
  const me = await fetch(`${url}/api/me`, { headers: { cookie: session } });
  if (me.status !== 200) throw new Error(`GET /api/me answered ${me.status}`);
  return session;
}

async function benchBare(): Promise<Side> {
  const { server, medianMs } = await coldStarts(BARE, {});
  try {
    return { coldStartMs: medianMs, ...(await measure(server, `${server.url}/bare`)) };
  } finally {
    await stopProcess(server.child);
  }
}

interface RapportResult extends Side {
  engine: string;
  firstStartMs: number;
  unauthenticated: Measured;
  queries: QueryTiming[];
}

async function benchRapport(databaseUrl: string | null): Promise<RapportResult> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'rapport-bench-'));
  const scratch = databaseUrl ? await createScratchPostgres(databaseUrl) : null;
  const env = {
    DATABASE_URL: scratch?.url ?? '',
    RAPPORT_DATA_DIR: dataDir,
    RAPPORT_ADMIN_EMAIL: ADMIN.email,
    RAPPORT_ADMIN_PASSWORD: ADMIN.password,
    RAPPORT_JOBS: 'inline',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    NODE_ENV: 'production',
  };
  const args = [path.join(REPO, 'bin', 'rapport.js'), 'serve'];
  try {
    const first = await startServerProcess(args, env, await freePort());
    await stopProcess(first.child);
    const { server, medianMs } = await coldStarts(args, env);
    let measured: Measured;
    let unauthenticated: Measured;
    try {
      const cookie = await signIn(server.url);
      measured = await measure(server, `${server.url}/api/me`, { headers: { cookie } });
      unauthenticated = await measure(server, `${server.url}/api/me`, { seconds: SIDE_SECONDS, expectErrors: true });
    } finally {
      await stopProcess(server.child);
    }
    const queries = await timeQueries({ url: scratch?.url ?? null, dataDir: scratch ? null : dataDir, email: ADMIN.email });
    return {
      engine: scratch ? 'PostgreSQL (scratch database)' : 'PGlite (embedded)',
      coldStartMs: medianMs,
      firstStartMs: first.coldStartMs,
      ...measured,
      unauthenticated,
      queries,
    };
  } finally {
    await scratch?.drop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const ms = (n: number) => (n === 0 ? '< 1 ms' : `${n < 10 ? n.toFixed(1) : int(n)} ms`);
const us = (n: number) => `${int(n)} µs`;
const mib = (n: number) => `${n.toFixed(0)} MiB`;
const times = (a: number, b: number) => `${(a / b).toFixed(1)}×`;
const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
const out = (line = '') => process.stdout.write(`${line}\n`);

const loadAtStart = os.loadavg()[0]!;
const databaseUrl = process.env.DATABASE_URL || null;
out(`Benchmarking (${SECONDS} s per load run after a ${WARM_UP_SECONDS} s warm-up, ${CONNECTIONS} connections)…`);
const bare = await benchBare();
const rapport = await benchRapport(databaseUrl);
const loadAtEnd = os.loadavg()[0]!;

const ratio = rapport.load.reqPerSec / bare.load.reqPerSec;
const p99Pass = rapport.load.p99Ms < TARGET_P99_MS;
const figures: [string, string][] = [
  [
    'GET /api/me throughput',
    `${int(rapport.load.reqPerSec)} req/s  vs bare ${int(bare.load.reqPerSec)} req/s  = ${(ratio * 100).toFixed(1)} %  (target ≥ ${TARGET_RATIO * 100} %) ${verdict(ratio >= TARGET_RATIO)}`,
  ],
  [
    'GET /api/me p99 latency',
    `${ms(rapport.load.p99Ms)} (p50 ${ms(rapport.load.p50Ms)})  vs bare ${ms(bare.load.p99Ms)} (p50 ${ms(bare.load.p50Ms)})  (target < ${TARGET_P99_MS} ms) ${verdict(p99Pass)}`,
  ],
  ['GET /api/me CPU/request', `${us(rapport.cpuUsPerRequest)}  vs bare ${us(bare.cpuUsPerRequest)}  = ${times(rapport.cpuUsPerRequest, bare.cpuUsPerRequest)}  (server process only)`],
  ['cold start, initialised', `${ms(rapport.coldStartMs)}  vs bare ${ms(bare.coldStartMs)}  = ${times(rapport.coldStartMs, bare.coldStartMs)}  (median of ${COLD_STARTS})`],
  ['cold start, first ever', `${ms(rapport.firstStartMs)}  vs bare ${ms(bare.coldStartMs)}  = ${times(rapport.firstStartMs, bare.coldStartMs)}  (empty store: create, migrate, first admin)`],
  ['RSS after start', `${mib(rapport.rssBeforeMiB)}  vs bare ${mib(bare.rssBeforeMiB)}  = ${times(rapport.rssBeforeMiB, bare.rssBeforeMiB)}`],
  ['RSS after load', `${mib(rapport.rssAfterMiB)}  vs bare ${mib(bare.rssAfterMiB)}  = ${times(rapport.rssAfterMiB, bare.rssAfterMiB)}`],
];
const breakdown: [string, string][] = [
  ['bare Fastify, GET /bare', `${us(bare.cpuUsPerRequest)}  (${int(bare.load.reqPerSec)} req/s)`],
  ['Rapport, 401 without credentials', `${us(rapport.unauthenticated.cpuUsPerRequest)}  (${int(rapport.unauthenticated.load.reqPerSec)} req/s; whole HTTP stack, no query)`],
  ['Rapport, GET /api/me', `${us(rapport.cpuUsPerRequest)}  (${int(rapport.load.reqPerSec)} req/s)`],
  ...rapport.queries.map((q): [string, string] => [`  ${q.name}`, `${us(q.wallUs)}  (wall clock, one call at a time, in-process)`]),
];

const width = Math.max(...[...figures, ...breakdown].map(([name]) => name.length));
out();
out(`Rapport on ${rapport.engine} vs bare Fastify — ${os.cpus().length} CPUs, Node ${process.version}, load average ${loadAtStart.toFixed(1)} → ${loadAtEnd.toFixed(1)}`);
out();
for (const [name, line] of figures) out(`${name.padEnd(width)}  ${line}`);
out();
out('Where the time goes: server CPU per request, and single database calls on this engine');
for (const [name, line] of breakdown) out(`${name.padEnd(width)}  ${line}`);
if (Math.max(loadAtStart, loadAtEnd) > os.cpus().length) {
  out();
  out(`Note: the machine was busy with other work (load average above ${os.cpus().length}); throughput and latency are low`);
  out('for both servers; CPU per request is the figure least disturbed by that.');
}

const results = {
  measuredAt: new Date().toISOString(),
  machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, node: process.version, loadAverage: { start: loadAtStart, end: loadAtEnd } },
  settings: { connections: CONNECTIONS, seconds: SECONDS, warmUpSeconds: WARM_UP_SECONDS, coldStarts: COLD_STARTS },
  engine: rapport.engine,
  targets: { throughputRatio: TARGET_RATIO, p99Ms: TARGET_P99_MS },
  pass: { throughput: ratio >= TARGET_RATIO, p99: p99Pass },
  throughputRatio: ratio,
  rapport,
  bare,
};
await writeFile(path.join(REPO, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
out();
out('Written to bench/results.json');
