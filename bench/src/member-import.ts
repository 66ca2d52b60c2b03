/**
 * Member roster import on PostgreSQL, beside a baseline measured in the same run: a raw COPY of the
 * same csv into a bare table of eight text columns. The scratch database holds the synthetic Henan
 * org tree (no members); the roster is `ROWS` synthetic members of ONE grassroots union, uploaded by
 * a staff user of that union (a union's own roster upload, the common case). The import does
 * everything a real one does (streamed parse, every rule, registry lookups, encryption, staging by
 * COPY, one transaction into members and status history with the rollup triggers).
 *
 *   npm run build && DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres ROWS=200000 \
 *     npx tsx bench/src/member-import.ts
 *
 * Prints the baseline, the import's phases (upload and queue, checking, committing) beside its
 * total, the ratio (baseline ÷ import: 1 = as fast as a bare COPY), the same rows written once more
 * into a table like `members` (its indexes and foreign keys) as the bound any import into the
 * registry meets, the CPU per row of the API process
 * and of the database backends serving it beside the raw COPY's backend CPU (from /proc: less noisy
 * than wall time on a shared machine), the load average, and the API process's peak RSS sampled every
 * 200 ms. The scratch database is created and dropped.
 *
 * Profiling aids: DRY_RUN=1 stops at the checked import with its staged rows, KEEP_DB=1 keeps the
 * database (EXPLAIN the commit there), SERVER_NODE_ARGS passes flags to the API process
 * (`--cpu-prof --cpu-prof-dir=prof`), SERVER_STDOUT=inherit shows its stdout (`--trace-gc`),
 * TRACE_RSS=1 prints the RSS at every poll with the job's status.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createReadStream, mkdtempSync, openAsBlob, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { hashPassword } from './loader/app.js';
import { ensurePostgresBenchDb } from './loader/bench-db.js';
import { cpuMs, rssMb, waitFor } from './support/measure.js';
import { DEFAULT_SEED, generateProvince, writeMembersCsv } from './synthetic/index.js';

const root = resolve(import.meta.dirname, '../..');
const main = join(root, 'apps/api/dist/main.js');
const ROWS = Number(process.env.ROWS ?? 200_000);
const PORT = Number(process.env.PORT ?? 3290);
const url = process.env.DATABASE_URL;
if (!url) throw new Error('Set DATABASE_URL to a PostgreSQL server (a scratch database is made there)');
const USERNAME = 'bench_import';
const DRY_RUN = process.env.DRY_RUN === '1';
const KEEP_DB = process.env.KEEP_DB === '1';

const work = mkdtempSync(join(tmpdir(), 'uh-bench-import-'));
const dbName = `uh_bench_import_${process.pid}`;
const admin = new pg.Client({ connectionString: url });
await admin.connect();
let server: ChildProcess | undefined;
try {
  // The synthetic org tree only, loaded as the registry benchmark loads it (the app's migrations first).
  const dataDir = join(work, 'data');
  const db = await ensurePostgresBenchDb(url, dbName, { members: 0, dataDir, log: () => undefined });
  const dbUrl = db.env.DATABASE_URL!;
  // A grassroots union of the tree: the one with the most expected members, a large employer's union.
  const union = generateProvince({ seed: DEFAULT_SEED })
    .filter((o) => o.level === 'grassroots')
    .reduce((a, b) => (b.weight > a.weight ? b : a));
  const roster = join(work, 'roster.csv');
  await writeMembersCsv(roster, ROWS, { orgs: [union] });

  // A staff user of that union to upload with.
  const password = `Bench-${randomBytes(9).toString('base64url')}`;
  const setup = new pg.Client({ connectionString: dbUrl });
  await setup.connect();
  await setup.query(
    `insert into staff_users (org_id, username, display_name, password_hash, roles)
     values ($1, $2, '工会名册导入压测员', $3, array['staff'])`,
    [union.id, USERNAME, await hashPassword(password)],
  );

  // Baseline: the same file, COPY'd as csv into a bare table.
  await setup.query(
    'create table bare_roster (a text, b text, c text, d text, e text, f text, g text, h text)',
  );
  const copyPid = (await setup.query('select pg_backend_pid() as pid')).rows[0].pid as number;
  const copyCpu0 = cpuMs(copyPid);
  const copyStarted = performance.now();
  await pipeline(
    createReadStream(roster),
    setup.query(copyFrom('copy bare_roster from stdin (format csv, header true)')),
  );
  const copyMs = performance.now() - copyStarted;
  const copyCpu = cpuMs(copyPid) - copyCpu0;
  await setup.query('drop table bare_roster');
  await setup.end();

  // SERVER_NODE_ARGS passes flags to the API process only, e.g. "--cpu-prof --cpu-prof-dir=prof".
  const nodeArgs = (process.env.SERVER_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
  server = spawn(process.execPath, [...nodeArgs, main], {
    env: {
      ...process.env,
      ...db.env,
      PORT: String(PORT),
      LOG_LEVEL: 'warn',
      NODE_ENV: 'development',
      SEED_DEMO: 'never',
      IMPORT_MAX_BYTES: String(2 * 1024 * 1024 * 1024),
    },
    stdio: ['ignore', process.env.SERVER_STDOUT === 'inherit' ? 'inherit' : 'ignore', 'inherit'],
  });
  const base = `http://localhost:${PORT}`;
  await waitFor(`${base}/api/ready`, 300_000);
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: USERNAME, password }),
  });
  if (!login.ok) throw new Error(`login failed: ${login.status} ${await login.text()}`);
  const headers = {
    authorization: `Bearer ${((await login.json()) as { accessToken: string }).accessToken}`,
  };

  let peak = rssMb(server.pid!);
  const idleRss = peak;
  // CPU used by the API process and by the database's backends serving it (sampled: a backend may end first).
  const apiCpu0 = cpuMs(server.pid!);
  const backends = new Map<number, { first: number; last: number }>();
  const watch = new pg.Client({ connectionString: url });
  await watch.connect();
  const watchPid = (await watch.query('select pg_backend_pid() as pid')).rows[0].pid as number;
  const sampleBackends = async () => {
    const { rows } = await watch.query('select pid from pg_stat_activity where datname = $1 and pid <> $2', [
      dbName,
      watchPid,
    ]);
    for (const { pid } of rows as { pid: number }[]) {
      const now = cpuMs(pid);
      const seen = backends.get(pid);
      if (!seen) backends.set(pid, { first: now, last: now });
      else if (now > 0) seen.last = now;
    }
  };
  await sampleBackends();
  let sampling = false;
  const sampler = setInterval(() => {
    peak = Math.max(peak, rssMb(server!.pid!));
    if (sampling) return;
    sampling = true;
    sampleBackends().finally(() => {
      sampling = false;
    });
  }, 200);
  const started = performance.now();
  const form = new FormData();
  form.append('orgId', String(union.id));
  form.append('dryRun', String(DRY_RUN));
  form.append('file', await openAsBlob(roster), 'roster.csv');
  const accepted = await fetch(`${base}/api/v1/imports/members`, { method: 'POST', headers, body: form });
  if (accepted.status !== 202) throw new Error(`upload: ${accepted.status} ${await accepted.text()}`);
  const { id } = (await accepted.json()) as { id: number };
  let job: {
    status: string;
    imported: number;
    invalid: number;
    createdAt: string;
    startedAt: string;
    validatedAt: string;
    finishedAt: string;
  };
  for (;;) {
    job = (await (await fetch(`${base}/api/v1/imports/${id}`, { headers })).json()) as typeof job;
    if (process.env.TRACE_RSS)
      console.log(Math.round(performance.now() - started), job.status, rssMb(server.pid!));
    if (!['queued', 'validating', 'committing'].includes(job.status)) break;
    await sleep(200);
  }
  const importMs = performance.now() - started;
  clearInterval(sampler);
  const apiCpu = cpuMs(server.pid!) - apiCpu0;
  while (sampling) await sleep(10);
  await sampleBackends();
  await watch.end();
  const dbCpu = [...backends.values()].reduce((sum, b) => sum + b.last - b.first, 0);
  if (DRY_RUN ? job.status !== 'validated' : job.status !== 'committed' || job.imported !== ROWS)
    throw new Error(`import ended ${JSON.stringify(job)}`);

  // A second reference, for what the registry itself costs: the rows just imported, already checked
  // and sealed, written once more into a table like `members` (the same indexes and foreign keys, no
  // triggers) in one set-based statement — no import can write them faster than this.
  let likeMs = 0;
  if (!DRY_RUN) {
    const ref = new pg.Client({ connectionString: dbUrl });
    await ref.connect();
    await ref.query('create table members_like (like members including all)');
    const fks = await ref.query<{ def: string }>(
      `select pg_get_constraintdef(oid) as def from pg_constraint where conrelid = 'members'::regclass and contype = 'f'`,
    );
    for (const { def } of fks.rows) await ref.query(`alter table members_like add ${def}`);
    const likeStarted = performance.now();
    await ref.query('insert into members_like overriding system value select * from members');
    likeMs = performance.now() - likeStarted;
    await ref.query('drop table members_like');
    await ref.end();
  }

  const ms = (from: string, to: string) => Date.parse(to) - Date.parse(from);
  const pad = (label: string) => label.padEnd(25);
  console.log(`${pad('rows')}${ROWS}  (one union: ${union.name}, id ${union.id})`);
  console.log(`${pad('raw COPY (baseline)')}${Math.round(copyMs)} ms`);
  console.log(
    `${pad('  upload and queue')}${ms(job.createdAt, job.startedAt)} ms (server clock, after the upload)`,
  );
  console.log(`${pad('  checking')}${ms(job.startedAt, job.validatedAt)} ms`);
  if (!DRY_RUN) console.log(`${pad('  committing')}${ms(job.validatedAt, job.finishedAt)} ms`);
  console.log(
    `${pad('import (total)')}${Math.round(importMs)} ms  (upload to committed, as the client sees it)`,
  );
  console.log(`${pad('speed ratio')}${(copyMs / importMs).toFixed(3)}  (target >= 0.3)`);
  if (!DRY_RUN)
    console.log(
      `${pad('rows into members alone')}${Math.round(likeMs)} ms  (the imported rows, sealed, into a table like members: ` +
        `its indexes and foreign keys; raw COPY ÷ this = ${(copyMs / likeMs).toFixed(3)}, the best ratio any import into the registry reaches)`,
    );
  const perRow = (ms: number) => `${((ms * 1000) / ROWS).toFixed(1)} µs/row`;
  console.log(
    `${pad('CPU, raw COPY')}${copyCpu} ms database (${perRow(copyCpu)}; ticks of 10 ms, coarse on small runs)`,
  );
  console.log(
    `${pad('CPU, import')}${apiCpu} ms API (${perRow(apiCpu)}) + ${dbCpu} ms database (${perRow(dbCpu)})`,
  );
  console.log(
    `${pad('CPU ratio')}${(copyCpu / (apiCpu + dbCpu)).toFixed(3)}  (raw COPY's CPU ÷ the import's)`,
  );
  console.log(
    `${pad('load average')}${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  console.log(`${pad('API peak RSS')}${peak} MB  (target < 400; ${idleRss} MB before the upload)`);
} finally {
  if (server) {
    const exited = new Promise((r) => server!.once('exit', r));
    server.kill('SIGTERM');
    await exited;
  }
  if (KEEP_DB) console.log(`kept database ${dbName}`);
  else await admin.query(`drop database if exists ${dbName} with (force)`);
  await admin.end();
  rmSync(work, { recursive: true, force: true });
}
