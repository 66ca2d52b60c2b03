/**
 * Member roster import on PostgreSQL, beside a baseline measured in the same run: a raw COPY of the
 * same csv into a bare table of eight text columns. The import does everything a real one does
 * (streamed parse, every rule, registry lookups, encryption, staging by COPY, one transaction into
 * members and status history with the rollup triggers).
 *
 *   npm run build && DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres ROWS=200000 \
 *     npx tsx bench/src/member-import.ts
 *
 * Prints both times, their ratio (baseline ÷ import: 1 = as fast as a bare COPY) and the API
 * process's peak RSS sampled every 200 ms. A scratch database is created and dropped.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, openAsBlob, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

const root = resolve(import.meta.dirname, '../..');
const main = join(root, 'apps/api/dist/main.js');
const ROWS = Number(process.env.ROWS ?? 200_000);
const PORT = Number(process.env.PORT ?? 3290);
const url = process.env.DATABASE_URL;
if (!url) throw new Error('Set DATABASE_URL to a PostgreSQL server (a scratch database is made there)');

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN =
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华建国志红玉梅海燕鹏飞晓东雪琳浩宇欣怡子涵梓轩';
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

function idNumber(i: number): string {
  const day = new Date(Date.UTC(1965, 0, 1) + (i % 14_000) * 86_400_000).toISOString().slice(0, 10);
  const first17 = `410105${day.replace(/-/g, '')}${String(Math.floor(i / 14_000) % 1000).padStart(3, '0')}`;
  let sum = 0;
  for (let k = 0; k < 17; k++) sum += Number(first17[k]) * WEIGHTS[k]!;
  return first17 + CHECK[sum % 11];
}

async function writeRoster(path: string): Promise<void> {
  const out = createWriteStream(path);
  out.write('姓名*,身份证号*,手机号*,入会日期*,工作单位,统一社会信用代码,人员类别,所属工会编号\n');
  for (let i = 0; i < ROWS; i++) {
    const name =
      SURNAMES[i % SURNAMES.length]! + GIVEN[(i * 7) % GIVEN.length]! + GIVEN[(i * 13) % GIVEN.length]!;
    const joined = `20${String(15 + (i % 10))}-0${1 + (i % 9)}-1${i % 10}`;
    const line = `${name},${idNumber(i)},13${String(100_000_000 + i).slice(-9)},${joined},郑州示例物流有限公司,,${i % 3 === 0 ? '农民工' : ''},\n`;
    if (!out.write(line)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((r) => out.end(r));
}

function rssMb(pid: number): number {
  const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  return Math.round(kb / 1024);
}

async function waitFor(target: string, ms: number) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(target)).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`${target} did not answer`);
}

const work = mkdtempSync(join(tmpdir(), 'uh-bench-import-'));
const dbName = `uh_bench_import_${process.pid}`;
const admin = new pg.Client({ connectionString: url });
await admin.connect();
await admin.query(`create database ${dbName}`);
const dbUrl = new URL(url);
dbUrl.pathname = `/${dbName}`;
let server: ChildProcess | undefined;
try {
  const roster = join(work, 'roster.csv');
  await writeRoster(roster);

  // Baseline: the same file, COPY'd as csv into a bare table.
  const bare = new pg.Client({ connectionString: dbUrl.toString() });
  await bare.connect();
  await bare.query(
    'create table bare_roster (a text, b text, c text, d text, e text, f text, g text, h text)',
  );
  const copyStarted = performance.now();
  await pipeline(
    createReadStream(roster),
    bare.query(copyFrom('copy bare_roster from stdin (format csv, header true)')),
  );
  const copyMs = performance.now() - copyStarted;
  await bare.query('drop table bare_roster');
  await bare.end();

  const dataDir = join(work, 'data');
  server = spawn(process.execPath, [main], {
    env: {
      ...process.env,
      DATABASE_URL: dbUrl.toString(),
      DATA_DIR: dataDir,
      PORT: String(PORT),
      LOG_LEVEL: 'warn',
      NODE_ENV: 'development',
      IMPORT_MAX_BYTES: String(2 * 1024 * 1024 * 1024),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://localhost:${PORT}`;
  await waitFor(`${base}/api/ready`, 300_000);
  const accounts = JSON.parse(readFileSync(join(dataDir, 'demo-accounts.json'), 'utf8')) as {
    accounts: { username: string; password: string }[];
  };
  const account = accounts.accounts.find((a) => a.username === 'zhongyuan_jianshe')!;
  const login = (await (
    await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: account.username, password: account.password }),
    })
  ).json()) as { accessToken: string };
  const headers = { authorization: `Bearer ${login.accessToken}` };
  const me = (await (await fetch(`${base}/api/v1/me`, { headers })).json()) as { org: { id: number } };

  let peak = rssMb(server.pid!);
  const sampler = setInterval(() => {
    peak = Math.max(peak, rssMb(server!.pid!));
  }, 200);
  const started = performance.now();
  const form = new FormData();
  form.append('orgId', String(me.org.id));
  form.append('dryRun', 'false');
  form.append('file', await openAsBlob(roster), 'roster.csv');
  const accepted = await fetch(`${base}/api/v1/imports/members`, { method: 'POST', headers, body: form });
  if (accepted.status !== 202) throw new Error(`upload: ${accepted.status} ${await accepted.text()}`);
  const { id } = (await accepted.json()) as { id: number };
  let job: { status: string; imported: number; invalid: number };
  for (;;) {
    job = (await (await fetch(`${base}/api/v1/imports/${id}`, { headers })).json()) as typeof job;
    if (!['queued', 'validating', 'committing'].includes(job.status)) break;
    await sleep(200);
  }
  const importMs = performance.now() - started;
  clearInterval(sampler);
  if (job.status !== 'committed' || job.imported !== ROWS)
    throw new Error(`import ended ${JSON.stringify(job)}`);

  console.log(`rows                     ${ROWS}`);
  console.log(`raw COPY (baseline)      ${Math.round(copyMs)} ms`);
  console.log(`import (check + commit)  ${Math.round(importMs)} ms`);
  console.log(`speed ratio              ${(copyMs / importMs).toFixed(3)}  (target >= 0.3)`);
  console.log(`API peak RSS             ${peak} MB  (target < 400)`);
} finally {
  if (server) {
    const exited = new Promise((r) => server!.once('exit', r));
    server.kill('SIGTERM');
    await exited;
  }
  await admin.query(`drop database if exists ${dbName} with (force)`);
  await admin.end();
  rmSync(work, { recursive: true, force: true });
}
