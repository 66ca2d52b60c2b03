/**
 * Cold start and idle memory of the server, on both engines, beside a baseline measured in the same
 * run: a bare Node process that only opens the same engine and runs `select 1`.
 *
 *   npm run build && npx tsx bench/src/startup.ts            (PostgreSQL part runs when
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/src/startup.ts    DATABASE_URL is set)
 *
 * "first start" = empty data folder → migrations, demo data, then the admin page and /api/ready
 * answer; "restart" = the same with the data already there. RSS is read from /proc after the server
 * has answered a few requests and sat idle for 5 s.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';

const root = resolve(import.meta.dirname, '../..');
const main = join(root, 'apps/api/dist/main.js');

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

async function waitFor(url: string, deadlineMs: number): Promise<void> {
  const until = Date.now() + deadlineMs;
  while (Date.now() < until) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(25);
  }
  throw new Error(`${url} did not answer in ${deadlineMs} ms`);
}

async function startServer(
  env: Record<string, string>,
  port: number,
): Promise<{ child: ChildProcess; ms: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, [main], {
    env: { ...process.env, ...env, PORT: String(port), LOG_LEVEL: 'warn', NODE_ENV: 'development' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await waitFor(`http://localhost:${port}/admin`, 180_000);
  await waitFor(`http://localhost:${port}/api/ready`, 10_000);
  return { child, ms: Math.round(performance.now() - started) };
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

async function baseline(kind: 'pglite' | 'postgres', target: string): Promise<{ ms: number; rss: number }> {
  const script =
    kind === 'pglite'
      ? `const { PGlite } = await import('@electric-sql/pglite');
         const { ltree } = await import('@electric-sql/pglite/contrib/ltree');
         const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
         const { citext } = await import('@electric-sql/pglite/contrib/citext');
         const db = await PGlite.create({ dataDir: ${JSON.stringify(target)}, extensions: { ltree, pg_trgm, citext } });
         await db.query('select 1');`
      : `const pg = (await import('pg')).default; const pool = new pg.Pool({ connectionString: ${JSON.stringify(target)} });
         await pool.query('select 1');`;
  const started = performance.now();
  const child = spawn(
    process.execPath,
    ['--input-type=module', '-e', `${script}\nconsole.log('up'); setInterval(() => {}, 1000);`],
    {
      cwd: join(root, 'apps/api'),
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  await new Promise<void>((r) => child.stdout!.once('data', () => r()));
  const ms = Math.round(performance.now() - started);
  await sleep(2000);
  const rss = rssMb(child.pid!);
  await stop(child);
  return { ms, rss };
}

async function measure(kind: 'pglite' | 'postgres', port: number) {
  const dataDir = mkdtempSync(join(tmpdir(), `uh-bench-${kind}-`));
  // The embedded run must not inherit a server URL from the environment.
  const env: Record<string, string> = { DATA_DIR: dataDir, DATABASE_URL: '' };
  let admin: pg.Pool | undefined;
  let dbName = '';
  if (kind === 'postgres') {
    const url = new URL(process.env.DATABASE_URL!);
    admin = new pg.Pool({ connectionString: url.toString(), max: 1 });
    dbName = `uh_bench_start_${process.pid}`;
    await admin.query(`drop database if exists ${dbName}`);
    await admin.query(`create database ${dbName}`);
    url.pathname = `/${dbName}`;
    env.DATABASE_URL = url.toString();
  }
  const first = await startServer(env, port);
  for (const path of ['/admin', '/m', '/api/health', '/api/openapi.json'])
    await fetch(`http://localhost:${port}${path}`);
  await sleep(5000);
  const idleRss = rssMb(first.child.pid!);
  await stop(first.child);
  const again = await startServer(env, port);
  await stop(again.child);
  const base = await baseline(kind, kind === 'pglite' ? join(dataDir, 'pg') : env.DATABASE_URL!);
  rmSync(dataDir, { recursive: true, force: true });
  if (admin) {
    await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.end();
  }
  return { kind, firstStartMs: first.ms, restartMs: again.ms, idleRssMb: idleRss, base };
}

const results = [await measure('pglite', 3901)];
if (process.env.DATABASE_URL) results.push(await measure('postgres', 3902));

console.log('\nServer start and idle memory (2 cores; Node', process.version, ')');
console.log(
  'engine    | first start (migrate + demo) | restart  | bare engine open | restart / bare | idle RSS | bare RSS',
);
for (const r of results) {
  console.log(
    `${r.kind.padEnd(9)} | ${`${r.firstStartMs} ms`.padEnd(28)} | ${`${r.restartMs} ms`.padEnd(8)} | ${`${r.base.ms} ms`.padEnd(16)} | ${(r.restartMs / r.base.ms).toFixed(2).padEnd(14)} | ${`${r.idleRssMb} MB`.padEnd(8)} | ${r.base.rss} MB`,
  );
}
