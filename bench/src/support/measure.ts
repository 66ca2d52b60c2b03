/**
 * What every scenario benchmark needs: the built server started on a bench database, load through
 * autocannon, latency percentiles, where the CPU went, the server's memory, and the closing table.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';

export const repoRoot = resolve(import.meta.dirname, '../../..');
const serverMain = join(repoRoot, 'apps/api/dist/main.js');

/** `--name value` from the command line, or the fallback. */
export function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

export const fmt = (n: number, digits = 0) => n.toLocaleString('en', { maximumFractionDigits: digits });

export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

export function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}

/** CPU time (user + system) of a process, in ms; the kernel counts in 10 ms ticks. */
export function cpuMs(pid: number | 'self'): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

/** CPU of the PostgreSQL backends serving the bench database (their process titles name it). */
function pgBackendsMs(database: string | null): number {
  if (!database) return 0;
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (cmd.startsWith('postgres: ') && cmd.includes(` ${database} `)) total += cpuMs(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return total;
}

/** The server process and, when it supervises API workers (API_WORKERS > 1), its children. */
function serverProcesses(pid: number): number[] {
  const pids = [pid];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const parent = /PPid:\s+(\d+)/.exec(readFileSync(`/proc/${entry}/status`, 'utf8'))?.[1];
      if (Number(parent) === pid) pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

const serverCpuMs = (pid: number) => serverProcesses(pid).reduce((sum, p) => sum + cpuMs(p), 0);

/** Busy CPU time of the whole machine, in ms over all cores. */
function machineBusyMs(): number {
  const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).map(Number);
  const [user, nice, system, , , irq, softirq, steal] = ticks as number[];
  return (user! + nice! + system! + irq! + softirq! + (steal ?? 0)) * 10;
}

export interface CpuSplit {
  server: number;
  database: number;
  client: number;
  other: number;
}

/** Where the CPU went while `run` ran, in microseconds per request. */
export async function cpuPerRequest<T extends { count: number }>(
  serverPid: number | null,
  database: string | null,
  run: () => Promise<T>,
): Promise<T & { cpu: CpuSplit }> {
  const before = {
    server: serverPid ? serverCpuMs(serverPid) : 0,
    database: pgBackendsMs(database),
    client: cpuMs('self'),
    machine: machineBusyMs(),
  };
  const result = await run();
  const d = (x: number, y: number) => ((x - y) * 1000) / Math.max(1, result.count);
  const server = serverPid ? d(serverCpuMs(serverPid), before.server) : 0;
  const databaseUs = d(pgBackendsMs(database), before.database);
  const client = d(cpuMs('self'), before.client);
  const machine = d(machineBusyMs(), before.machine);
  return {
    ...result,
    cpu: { server, database: databaseUs, client, other: Math.max(0, machine - server - databaseUs - client) },
  };
}

export const cpuText = (c: CpuSplit) =>
  `server ${fmt(c.server)} · db ${fmt(c.database)} · load ${fmt(c.client)} · other ${fmt(c.other)}`;

/** `concurrency` loops calling `call` for `seconds`: count, rate and latency percentiles (ms). */
export async function loops(concurrency: number, seconds: number, call: (i: number) => Promise<unknown>) {
  const latencies: number[] = [];
  const until = performance.now() + seconds * 1000;
  let k = 0;
  const loop = async () => {
    while (performance.now() < until) {
      const t = performance.now();
      await call(k++);
      latencies.push(performance.now() - t);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, loop));
  const sorted = Float64Array.from(latencies).sort();
  return {
    count: latencies.length,
    rps: latencies.length / ((performance.now() - started) / 1000),
    p99: percentile(sorted, 0.99),
    p50: percentile(sorted, 0.5),
  };
}

export async function waitFor(url: string, deadlineMs: number): Promise<void> {
  const until = Date.now() + deadlineMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`${url} did not answer in ${deadlineMs} ms`);
}

/** The built server on a bench database, with its peak memory sampled while it runs. */
export interface BenchServer {
  port: number;
  pid: number;
  /** The PostgreSQL database it serves (for the CPU split), or null on PGlite. */
  database: string | null;
  /** API processes serving (`--api-workers N`, PostgreSQL only). */
  workers: number;
  /** The largest RSS any one server process reached. */
  maxRssMb(): number;
  /** The largest RSS of all server processes together (the supervisor and its workers). */
  maxTotalRssMb(): number;
  stop(): Promise<void>;
}

export async function startServer(env: Record<string, string>, port: number): Promise<BenchServer> {
  // `--server-cpu-prof <dir>` writes a V8 CPU profile of the server (open it in Chrome's DevTools).
  const profileDir = arg('server-cpu-prof', '');
  const nodeArgs = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${resolve(profileDir)}`] : [];
  // `--api-workers N` runs N API processes on the port (node:cluster; PostgreSQL only).
  const workers = env.DATABASE_URL ? Number(arg('api-workers', '1')) : 1;
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, serverMain], {
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      NODE_ENV: 'development',
      SEED_DEMO: 'never',
      ACCESS_TOKEN_TTL: '3600',
      API_WORKERS: String(workers),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await waitFor(`http://localhost:${port}/api/ready`, 300_000);
  let maxRss = 0;
  let maxTotal = 0;
  const sample = () => {
    let total = 0;
    for (const pid of serverProcesses(child.pid!)) {
      try {
        const rss = rssMb(pid);
        maxRss = Math.max(maxRss, rss);
        total += rss;
      } catch {
        // exited
      }
    }
    maxTotal = Math.max(maxTotal, total);
  };
  sample();
  const sampler = setInterval(sample, 200);
  return {
    port,
    pid: child.pid!,
    database: env.DATABASE_URL ? new URL(env.DATABASE_URL).pathname.slice(1) : null,
    workers,
    maxRssMb: () => maxRss,
    maxTotalRssMb: () => maxTotal,
    async stop() {
      clearInterval(sampler);
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

export interface Load {
  count: number;
  cpu: CpuSplit;
  rps: number;
  p99: number;
  p50: number;
  non2xx: number;
  errors: number;
}

/**
 * HTTP load on the server for `seconds` at `connections`: `setup` may change each request (its
 * body, its headers) before it goes out.
 */
export async function httpLoad(
  server: BenchServer,
  opts: {
    connections: number;
    seconds: number;
    method: 'GET' | 'POST';
    path: string;
    headers: Record<string, string>;
    setup?: (req: { headers: Record<string, string>; body?: string }) => {
      headers: Record<string, string>;
      body?: string;
      path?: string;
    };
  },
): Promise<Load> {
  return cpuPerRequest(server.pid, server.database, async () => {
    const result = await autocannon({
      url: `http://localhost:${server.port}`,
      connections: opts.connections,
      duration: opts.seconds,
      requests: [
        {
          method: opts.method,
          path: opts.path,
          headers: { 'content-type': 'application/json', ...opts.headers },
          ...(opts.setup
            ? {
                setupRequest: (req) => {
                  const next = opts.setup!({ headers: { ...(req.headers as Record<string, string>) } });
                  return {
                    ...req,
                    headers: next.headers,
                    ...(next.body ? { body: next.body } : {}),
                    ...(next.path ? { path: next.path } : {}),
                  };
                },
              }
            : {}),
        },
      ],
    });
    return {
      count: result.requests.total,
      rps: result.requests.average,
      p99: result.latency.p99,
      p50: result.latency.p50,
      non2xx: result.non2xx,
      errors: result.errors + result.timeouts,
    };
  });
}

export const failures = (l: Pick<Load, 'non2xx' | 'errors'>) =>
  l.non2xx || l.errors ? ` (${l.non2xx} non-2xx, ${l.errors} errors)` : '';

export interface Figure {
  engine: string;
  what: string;
  value: string;
  baseline: string;
  ratio: string;
  goal: string;
  pass: boolean | null;
}

export function printFigures(title: string, notes: string[], figures: Figure[]): void {
  console.info(`\n${title}`);
  for (const n of notes) console.info(`  ${n}`);
  const cols = ['engine', 'what', 'value', 'baseline', 'ratio', 'goal', 'result'] as const;
  const table = figures.map((f) => ({ ...f, result: f.pass === null ? '' : f.pass ? 'PASS' : 'MISS' }));
  const widths = cols.map((c) => Math.max(c.length, ...table.map((r) => String(r[c]).length)));
  console.info(cols.map((c, i) => c.padEnd(widths[i]!)).join(' | '));
  for (const r of table) console.info(cols.map((c, i) => String(r[c]).padEnd(widths[i]!)).join(' | '));
}
