/**
 * The benchmark's tools: start a server as a child process and time it to its first answer, read its resident
 * memory, drive load at it with autocannon in another process, and make a throwaway PostgreSQL database.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import type { FastifyInstance } from 'fastify';

export const REPO = path.resolve(import.meta.dirname, '..');
const AUTOCANNON = path.join(REPO, 'node_modules', 'autocannon', 'autocannon.js');

/** A port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as net.AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
}

/** GET on a fresh connection; resolves with the status, or 0 when nothing answers yet. */
export function probe(url: string): Promise<number> {
  return new Promise((resolve) => {
    const request = http.get(url, { agent: false, timeout: 2000 }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', () => resolve(0));
    request.on('timeout', () => request.destroy());
  });
}

export interface ServerProcess {
  child: ChildProcess;
  pid: number;
  url: string;
  /** Milliseconds from spawn to the first 200 on /health. */
  coldStartMs: number;
  output(): string;
}

/** Spawns `node <args>` and waits until `GET /health` answers 200. */
export async function startServerProcess(args: string[], env: NodeJS.ProcessEnv, port: number): Promise<ServerProcess> {
  const url = `http://127.0.0.1:${port}`;
  let output = '';
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd: REPO, env: { ...process.env, ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk));
  let exited = false;
  child.on('exit', () => (exited = true));
  while ((await probe(`${url}/health`)) !== 200) {
    if (exited) throw new Error(`server exited before answering: ${args.join(' ')}\n${output}`);
    if (performance.now() - started > 120_000) throw new Error(`server did not answer within 120 s\n${output}`);
    await sleep(5);
  }
  return { child, pid: child.pid!, url, coldStartMs: performance.now() - started, output: () => output };
}

export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** Resident set size of a process, in MiB, from /proc/<pid>/status. */
export function rssMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1]);
  return kb / 1024;
}

/** CPU time (user + system) a process has used so far, in milliseconds, from /proc/<pid>/stat. */
export function cpuMs(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticksPerSecond = 100; // USER_HZ, 100 on every Linux Node supports
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
}

export interface LoadResult {
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  non2xx: number;
  errors: number;
}

/** Runs autocannon in its own process against one URL. */
export async function load(url: string, options: { connections: number; seconds: number; headers?: Record<string, string> }): Promise<LoadResult> {
  const args = [AUTOCANNON, '--json', '-c', String(options.connections), '-d', String(options.seconds)];
  for (const [name, value] of Object.entries(options.headers ?? {})) args.push('-H', `${name}:${value}`);
  args.push(url);
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`autocannon failed (${code}): ${stderr}`);
  const result = JSON.parse(stdout) as {
    requests: { average: number; total: number };
    latency: { p50: number; p99: number };
    non2xx: number;
    errors: number;
  };
  return {
    reqPerSec: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

export interface ScratchPostgres {
  url: string;
  drop(): Promise<void>;
}

/** Creates an empty database on the server of `serverUrl`; `drop()` removes it. */
export async function createScratchPostgres(serverUrl: string): Promise<ScratchPostgres> {
  const name = `rapport_bench_${randomBytes(5).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The p-th percentile (nearest rank) of `values`. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Runs `run` on each item in turn and returns each run's milliseconds. */
export async function timeEach<T>(items: T[], run: (item: T, index: number) => Promise<void>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < items.length; i++) {
    const start = performance.now();
    await run(items[i]!, i);
    times.push(performance.now() - start);
  }
  return times;
}

export const opsPerSecond = (times: number[]) => (1000 * times.length) / times.reduce((a, b) => a + b, 0);
export const round = (value: number, digits = 1) => Number(value.toFixed(digits));

/** A signed-in session on an in-process app, for API calls through `app.inject`. */
export interface Session {
  app: FastifyInstance;
  cookie: string;
  csrf: string;
}

/** One API call through the whole Fastify stack; throws on an answer of 300 or more. */
export async function api(s: Session, method: 'GET' | 'POST' | 'PATCH', url: string, body?: object) {
  const response = await s.app.inject({
    method,
    url,
    headers: { cookie: `rapport_session=${s.cookie}`, ...(method === 'GET' ? {} : { 'x-csrf-token': s.csrf }) },
    ...(body ? { payload: body } : {}),
  });
  if (response.statusCode >= 300) throw new Error(`${method} ${url} answered ${response.statusCode}: ${response.body}`);
  return response.json();
}
