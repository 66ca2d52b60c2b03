/**
 * The job search at province scale on PostgreSQL: N open jobs (default 1,000,000) of 24,000
 * enterprises over a synthetic Henan, then over HTTP against the built server — a keyword in
 * Chinese + a city (its counties included) + a wanted monthly pay, newest first, first page with
 * its capped total, searched by 20 members at once: req/s and p99, beside the same statements (built
 * by the app's code, run in the same order) through `pg` alone at the same concurrency.
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
  openContext,
  runSearch,
  searchQueries,
  TOTAL_CAP,
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
const board = await ensureJobs(client, {
  jobs,
  enterprises,
  migrate: async () => (await openContext(config, { purpose: 'the jobs bench' })).close(),
});

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
  salary: SALARIES[Math.floor(k / SEARCH_WORDS.length) % SALARIES.length]!,
});
const pathOf = (k: number) => {
  const s = search(k);
  return `/api/v1/job-board/jobs?q=${encodeURIComponent(s.q)}&region=${s.region}&salary=${s.salary}&pageSize=20`;
};

// The statements the server runs for one search (jobs.search.ts: the capped matches with the page,
// then — past the cap — the newest-first walk of the city), built by the app's own code with the
// same parameters and run in the same order through pg alone.
const searchThroughPg = (pool: pg.Pool, k: number) => {
  const s = search(k);
  return runSearch(
    searchQueries({ q: s.q, region: s.region, salary: s.salary, pageSize: 20 }, new Date()),
    (statement) => pool.query({ text: statement.sql, values: statement.params as unknown[] }),
  );
};
/** What the server's first statement counts for search k, up to the cap + 1. */
const matchesOf = async (pool: pg.Pool, k: number) => {
  const s = search(k);
  const { first } = searchQueries({ q: s.q, region: s.region, salary: s.salary, pageSize: 20 }, new Date());
  return Number((await pool.query({ text: first.sql, values: first.params as unknown[] })).rows[0].total);
};

const server = await startServer(db.env, port);
try {
  const probe = await fetch(`http://localhost:${port}${pathOf(0)}`, {
    headers: { authorization: tokens[0]! },
  });
  if (!probe.ok) throw new Error(`search: ${probe.status} ${await probe.text()}`);
  const first = (await probe.json()) as { total: number; items: { id: number }[] };
  const checkPool = new pg.Pool({ connectionString: benchUrl, max: 2 });
  const direct = await searchThroughPg(checkPool, 0);
  if (
    direct.total !== first.total ||
    direct.items.map((j) => j.id).join() !== first.items.map((j) => j.id).join()
  )
    throw new Error(`search total ${first.total}, pg alone ${direct.total}, or another page`);
  const totals: number[] = [];
  for (let k = 0; k < 36; k++) totals.push(await matchesOf(checkPool, k));
  await checkPool.end();
  const past = totals.filter((n) => n > TOTAL_CAP).length;
  console.info(
    `[${label}] searches match ${Math.min(...totals)}–${Math.max(...totals)} jobs (counted up to ${TOTAL_CAP + 1}; ${past} of ${totals.length} past the cap, paged by the walk) across ${board.cities.length} cities`,
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
    loops(WORKERS, duration, (i) => searchThroughPg(pool, i)),
  );
  await pool.end();
  figures.push(
    {
      engine: label,
      what: `keyword + city + pay, newest first, ${WORKERS} members: req/s`,
      value: `${fmt(http.rps)}${failures(http)}`,
      baseline: `${fmt(base.rps)} (pg alone: the same statements)`,
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
    `Keyword windows scoped to the city (one GIN posting list each) give at most ${fmt(TOTAL_CAP + 1)} matches: their number is the total, and under the cap the page is sorted from them; past it the city is walked newest first (jobs_open_city_idx) up to the page.`,
    'Baseline: the same statements, built by the app and run in the same order through pg alone, same parameters and concurrency.',
  ],
  figures,
);
