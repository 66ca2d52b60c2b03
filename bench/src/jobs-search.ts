/**
 * The job search at province scale on PostgreSQL: N open jobs (default 1,000,000) of 24,000
 * enterprises over a synthetic Henan, then over HTTP against the built server — a keyword in
 * Chinese + a city (its counties included) + a wanted monthly pay, newest first, first page with
 * its capped total, searched by 20 members at once: req/s and p99, beside the same two statements
 * through `pg` alone at the same concurrency.
 *
 *   npm run build
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/src/jobs-search.ts
 *       [--jobs 1000000] [--enterprises 24000] [--members 20000] [--duration 15] [--port 3206]
 *
 * The bench database (`unionhub_bench_jobs`, beside the one DATABASE_URL names) is kept and reused.
 */
import { join } from 'node:path';
import pg from 'pg';
import { ensureJobs, SEARCH_WORDS } from './jobs/seed.js';
import {
  createTokenIssuer,
  loadConfig,
  newRefreshToken,
  newSessionId,
  regionQueryKey,
  searchBigrams,
} from './loader/app.js';
import { ensurePostgresBenchDb } from './loader/bench-db.js';
import {
  arg,
  cpuPerRequest,
  cpuText,
  type Figure,
  failures,
  fmt,
  httpLoad,
  loops,
  printFigures,
  repoRoot,
  startServer,
} from './support/measure.js';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('Set DATABASE_URL to a PostgreSQL server (the bench database goes beside it)');
const jobs = Number(arg('jobs', '1000000'));
const enterprises = Number(arg('enterprises', '24000'));
const members = Number(arg('members', '20000'));
const duration = Number(arg('duration', '15'));
const port = Number(arg('port', '3206'));
const dbName = arg('db', 'unionhub_bench_jobs');
const WORKERS = 20;
const SALARIES = [3000, 5000, 8000];
const figures: Figure[] = [];
const label = `postgres ${fmt(jobs)} jobs`;

const db = await ensurePostgresBenchDb(url, dbName, {
  members,
  dataDir: join(repoRoot, 'bench/.data/postgres'),
});
const benchUrl = db.env.DATABASE_URL!;
const config = loadConfig({ NODE_ENV: 'development', LOG_LEVEL: 'warn', SEED_DEMO: 'never', ...db.env });
const client = new pg.Client({ connectionString: benchUrl });
await client.connect();
const board = await ensureJobs(client, { jobs, enterprises });

// Members signed in as the app signs them in, so the server authenticates each search for real.
const issuer = createTokenIssuer(config.secrets.tokenSecret, 3600, () => new Date());
const tokens: string[] = [];
for (let i = 0; i < WORKERS; i++) {
  const { rows } = await client.query(
    `insert into member_accounts (phone_hash, phone_enc) values (decode(md5($1), 'hex'), decode(md5($1), 'hex'))
     on conflict (phone_hash) do update set last_login_at = now() returning id`,
    [`bench-jobs-${i}`],
  );
  const sid = newSessionId();
  await client.query(
    `insert into sessions (id, subject_type, subject_id, refresh_hash, expires_at)
     values ($1, 'member', $2, $3, now() + interval '1 day')`,
    [sid, rows[0].id, newRefreshToken(sid).hash],
  );
  tokens.push(
    `Bearer ${await issuer.issueAccess({ sid, subjectType: 'member', subjectId: Number(rows[0].id) })}`,
  );
}

/** The k-th search of the run: a keyword, a city and a wanted pay, all in turn. */
const search = (k: number) => ({
  q: SEARCH_WORDS[k % SEARCH_WORDS.length]!,
  region: board.cities[(k * 7) % board.cities.length]!,
  salary: SALARIES[(k * 3) % SALARIES.length]!,
});
const pathOf = (k: number) => {
  const s = search(k);
  return `/api/v1/job-board/jobs?q=${encodeURIComponent(s.q)}&region=${s.region}&salary=${s.salary}&pageSize=20`;
};
const regionEnd = (city: string) => `${Number(city.slice(0, 4)) + 1}00`;

// The statements the server runs for one search (jobs.search.ts), with the same parameters.
const where = `j.status = 'published' and j.expires_at > $1 and j.search_bigrams @> $2::text[]
  and j.search_text like $3 and j.region_code >= $4 and j.region_code < $5 and j.salary_max >= $6`;
const PAGE = `select j.id, j.title, j.category, e.name as enterprise_name, j.salary_min, j.salary_max,
    j.region_code, j.headcount, j.valid_until::text as valid_until, j.published_at
  from (select j.id from jobs j where ${where} order by j.published_at desc, j.id desc limit 20 offset 0) top
  join jobs j on j.id = top.id join enterprises e on e.id = j.enterprise_id
  order by j.published_at desc, j.id desc`;
const COUNT = `select count(*)::int as n from (select 1 from jobs j where ${where} limit 1001) t`;
const paramsOf = (k: number) => {
  const s = search(k);
  return [
    new Date(),
    [...searchBigrams(s.q), regionQueryKey(s.region)],
    `%${s.q}%`,
    s.region,
    regionEnd(s.region),
    s.salary,
  ];
};

const server = await startServer(db.env, port);
try {
  const probe = await fetch(`http://localhost:${port}${pathOf(0)}`, {
    headers: { authorization: tokens[0]! },
  });
  if (!probe.ok) throw new Error(`search: ${probe.status} ${await probe.text()}`);
  const first = (await probe.json()) as { total: number; items: unknown[] };
  const direct = await client.query(COUNT, paramsOf(0));
  if (Math.min(direct.rows[0].n, 1000) !== first.total)
    throw new Error(`search total ${first.total}, pg alone ${direct.rows[0].n}`);
  const totals: number[] = [];
  for (let k = 0; k < 36; k++)
    totals.push(Math.min((await client.query(COUNT, paramsOf(k))).rows[0].n, 1001));
  console.info(
    `[${label}] searches match ${Math.min(...totals)}–${Math.max(...totals)} jobs (capped at 1,000) across ${board.cities.length} cities`,
  );

  let k = 0;
  const load = (seconds: number) =>
    httpLoad(server, {
      connections: WORKERS,
      seconds,
      method: 'GET',
      path: pathOf(0),
      headers: {},
      setup: (req) => {
        const i = k++;
        return { headers: { ...req.headers, authorization: tokens[i % WORKERS]! }, path: pathOf(i) };
      },
    });
  console.info(`[${label}] keyword + region + salary: warm-up, then ${duration} s at ${WORKERS} members`);
  await load(3);
  const http = await load(duration);

  const pool = new pg.Pool({ connectionString: benchUrl, max: WORKERS });
  const base = await cpuPerRequest(null, dbName, () =>
    loops(WORKERS, duration, (i) =>
      Promise.all([pool.query(PAGE, paramsOf(i)), pool.query(COUNT, paramsOf(i))]),
    ),
  );
  await pool.end();
  figures.push(
    {
      engine: label,
      what: `keyword + city + pay, newest first, ${WORKERS} members: req/s`,
      value: `${fmt(http.rps)}${failures(http)}`,
      baseline: `${fmt(base.rps)} (pg alone: page + capped total)`,
      ratio: (http.rps / base.rps).toFixed(2),
      goal: '',
      pass: null,
    },
    {
      engine: label,
      what: 'search: p99 / p50',
      value: `${http.p99} / ${http.p50} ms`,
      baseline: `${base.p99.toFixed(1)} / ${base.p50.toFixed(1)} ms`,
      ratio: '',
      goal: 'p99 < 100 ms',
      pass: http.p99 < 100,
    },
    {
      engine: label,
      what: 'search: CPU µs per request',
      value: cpuText(http.cpu),
      baseline: cpuText(base.cpu),
      ratio: '',
      goal: '',
      pass: null,
    },
  );
} finally {
  await server.stop();
  await client.end();
}

printFigures(
  `Job search — ${fmt(jobs)} open jobs of ${fmt(enterprises)} enterprises`,
  [
    'Keyword keys (two characters) and the city key meet in one GIN index; then the substring and the range of county codes are checked.',
    'Baseline: the same page and capped-count statements through pg alone, same parameters and concurrency.',
  ],
  figures,
);
