/**
 * Registry at province scale: member lookup by ID number, subtree statistics of the province root
 * and card verification over HTTP against the built server, on a synthetic Henan (55,000 orgs, N
 * members), each beside a baseline measured in the same run.
 *
 *   npm run build
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/src/registry.ts
 *       [--members 11280000] [--pglite-members 1000000] [--duration 15] [--connections 50]
 *       [--engine postgres|pglite|both] [--db unionhub_bench] [--port 3202] [--build-only]
 *
 * The PostgreSQL bench database is created beside the database DATABASE_URL names (never in it)
 * and kept, marked with its N, generator version and secrets, so later runs at the same N reuse it;
 * the embedded data folder lives in bench/.data/pglite-<N>. The server runs with the secrets the
 * loader used (bench/.data/<engine>/secrets.json). Baselines, through `pg` alone (or PGlite
 * in-process) at the same concurrency: the lookup's own indexed query with the same keyed hash per
 * request; the statistics route's two reads (the org, its rollups); the card check's statement with a
 * fresh nonce each time (its rows removed afterwards). `--server-cpu-prof <dir>` profiles the server.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import {
  cardKeysFromPem,
  createLogger,
  hashPassword,
  lastTwelveMonths,
  loadConfig,
  openContext,
  signCardToken,
} from './loader/app.js';
import { type BenchDb, ensurePgliteBenchDb, ensurePostgresBenchDb } from './loader/bench-db.js';
import {
  arg,
  type BenchServer,
  type CpuSplit,
  cpuPerRequest,
  cpuText,
  type Figure,
  failures,
  fmt,
  httpLoad,
  type Load,
  loops,
  printFigures,
  repoRoot as root,
  startServer,
} from './support/measure.js';

const members = Number(arg('members', '11280000'));
const pgliteMembers = Number(arg('pglite-members', '1000000'));
const duration = Number(arg('duration', '15'));
const connections = Number(arg('connections', '50'));
const pgliteConnections = Number(arg('pglite-connections', '10'));
const engine = arg('engine', process.env.DATABASE_URL ? 'both' : 'pglite');
const dbName = arg('db', 'unionhub_bench');
const port = Number(arg('port', '3202'));
/** Only make sure the bench databases exist (the long part at 11.28 million), measure nothing. */
const buildOnly = process.argv.includes('--build-only');
const SAMPLE = 20_000;
const USERNAME = 'bench_admin';

const figures: Figure[] = [];

const LOOKUP_SQL = `select m.*, o.name as org_name, o.path as org_path from members m
  join orgs o on o.id = m.org_id
  where m.id_hash = $1 and o.path <@ $2::ltree
  order by (m.status = 'active') desc, m.updated_at desc, m.id desc limit 1`;

/** What the statistics route reads: the org (scope) and its kept rollups of the last twelve months. */
const ORG_SQL = `select id, name, path from orgs where id = $1 and path <@ $2::ltree`;
const ROLLUPS_SQL = `select dim, bucket, n from org_member_rollups
  where org_id = $1 and (dim not in ('joined', 'left') or bucket >= $2)`;

/** What a card check writes and reads in the common case (cards.repository: cardCheck). */
const CARD_CHECK_SQL = `with card as (
    select c.id, c.card_no, c.status, m.name as member_name, o.name as org_name
    from member_cards c join members m on m.id = c.member_id join orgs o on o.id = c.org_id
    where c.id = $1::bigint
  ), recorded as (
    insert into card_verifications (card_id, verifier, nonce, verified_at, result)
    select id, $2::text, $3::text, $4::timestamptz, 'valid' from card where status = 'active'
    on conflict (nonce, verifier) where result = 'valid' do nothing
    returning id
  )
  select id, card_no, status, member_name, org_name, exists (select 1 from recorded) as recorded_valid from card`;

type Baseline = { rps: number; p99: number; p50: number; cpu: CpuSplit };

interface Prepared {
  password: string;
  idNumbers: string[];
  cardIds: number[];
  cardKeyPem: string;
  baseline: Baseline;
  statsBaseline: Baseline;
  verifyBaseline: Baseline;
}

/**
 * Before the server starts: a province-level admin to sign in with, a sample of members' ID
 * numbers (decrypted from the stored envelopes), the card ids, and the baseline lookup measured
 * through the engine alone.
 */
async function prepare(db: BenchDb, concurrency: number): Promise<Prepared> {
  const config = loadConfig({ NODE_ENV: 'development', LOG_LEVEL: 'warn', SEED_DEMO: 'never', ...db.env });
  const opened = await openContext(config, { purpose: 'the registry benchmark', log: createLogger(config) });
  const { ctx } = opened;
  try {
    const password = `Bench-${randomBytes(9).toString('base64url')}`;
    await ctx.database.query(
      `insert into staff_users (org_id, username, display_name, password_hash, roles)
       values (1, $1, '省总工会压测管理员', $2, array['org_admin'])
       on conflict (username) do update set password_hash = excluded.password_hash, disabled_at = null`,
      [USERNAME, await hashPassword(password)],
    );
    const step = Math.max(1, Math.floor(db.members / SAMPLE));
    const ids = Array.from({ length: Math.min(SAMPLE, db.members) }, (_, i) => 1 + i * step);
    const rows = await ctx.database.query<{ id_enc: Buffer | Uint8Array }>(
      `select id_enc from members where id = any($1::bigint[])`,
      [ids],
    );
    const idNumbers = rows.map((r) => ctx.pii.open(Buffer.from(r.id_enc)));
    // Spread over the province: ordering by a hash of the number mixes unions and cities.
    idNumbers.sort((a, b) => (a.slice(12) < b.slice(12) ? -1 : 1));
    const cardIds = (
      await ctx.database.query<{ id: number | string }>(`select id from member_cards where status = 'active'`)
    ).map((r) => Number(r.id));

    // Baseline: the same indexed query, the same keyed hash, `concurrency` loops for `duration`.
    const run = (query: (hash: Buffer) => Promise<unknown>) =>
      loops(concurrency, duration, (k) =>
        query(ctx.pii.lookupHash('id_number', idNumbers[k % idNumbers.length]!)),
      );
    // The statistics and card-check baselines run the API's statements as named prepared ones, as the API does.
    const since = lastTwelveMonths(new Date())[0]!;
    let nonce = 0;
    const statsCall =
      (q: (text: string, values: unknown[], name: string) => Promise<unknown>) => async () => {
        await q(ORG_SQL, [1, '1'], 'bench_org');
        await q(ROLLUPS_SQL, [1, since], 'bench_rollups');
      };
    const cardCall =
      (q: (text: string, values: unknown[], name: string) => Promise<unknown>) => (k: number) =>
        q(
          CARD_CHECK_SQL,
          [
            cardIds[k % cardIds.length],
            'staff:bench-baseline',
            `${process.pid}-${++nonce}`,
            new Date().toISOString(),
          ],
          'bench_card_check',
        );
    let baseline: Baseline;
    let statsBaseline: Baseline;
    let verifyBaseline: Baseline;
    if (db.engine === 'postgres') {
      const pool = new pg.Pool({ connectionString: db.env.DATABASE_URL, max: concurrency });
      await Promise.all(Array.from({ length: concurrency }, () => pool.query('select 1')));
      const query = (hash: Buffer) => pool.query(LOOKUP_SQL, [hash, '1']);
      await runFor(query, 3);
      baseline = await cpuPerRequest(null, dbName, () => run(query));
      const named = (text: string, values: unknown[], name: string) => pool.query({ name, text, values });
      statsBaseline = await cpuPerRequest(null, dbName, () => loops(concurrency, duration, statsCall(named)));
      verifyBaseline = await cpuPerRequest(null, dbName, () => loops(concurrency, duration, cardCall(named)));
      await pool.end();
    } else {
      const query = (hash: Buffer) => ctx.database.query(LOOKUP_SQL, [hash, '1']);
      await runFor(query, 3);
      baseline = await cpuPerRequest(null, null, () => run(query));
      const plain = (text: string, values: unknown[]) => ctx.database.query(text, values);
      statsBaseline = await cpuPerRequest(null, null, () => loops(concurrency, duration, statsCall(plain)));
      verifyBaseline = await cpuPerRequest(null, null, () => loops(concurrency, duration, cardCall(plain)));
    }
    await ctx.database.query(`delete from card_verifications where verifier = 'staff:bench-baseline'`);
    return {
      password,
      idNumbers,
      cardIds,
      cardKeyPem: config.secrets.cardSigningKeyPem,
      baseline,
      statsBaseline,
      verifyBaseline,
    };

    async function runFor(query: (hash: Buffer) => Promise<unknown>, seconds: number) {
      const until = performance.now() + seconds * 1000;
      let k = 0;
      while (performance.now() < until)
        await query(ctx.pii.lookupHash('id_number', idNumbers[k++ % idNumbers.length]!));
    }
  } finally {
    await opened.close();
  }
}

async function measure(db: BenchDb, conns: number): Promise<void> {
  const label = `${db.engine} ${fmt(db.members)}${db.engine === 'postgres' && Number(arg('api-workers', '1')) > 1 ? `, ${arg('api-workers', '1')} API processes` : ''}`;
  console.info(
    `\n[${label}] preparing: staff account, ID number sample, baseline lookup through the engine alone`,
  );
  const prep = await prepare(db, conns);
  console.info(`[${label}] starting the server`);
  const server: BenchServer = await startServer(db.env, port);
  try {
    const login = await fetch(`http://localhost:${port}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: USERNAME, password: prep.password }),
    });
    if (!login.ok) throw new Error(`login failed: ${login.status} ${await login.text()}`);
    const token = ((await login.json()) as { accessToken: string }).accessToken;

    const check = await fetch(`http://localhost:${port}/api/v1/members/lookup`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ idNumber: prep.idNumbers[0] }),
    });
    if (!check.ok) throw new Error(`lookup of a loaded member failed: ${check.status} ${await check.text()}`);

    let k = 0;
    const lookupBody = () => JSON.stringify({ idNumber: prep.idNumbers[k++ % prep.idNumbers.length] });
    const headers = { authorization: `Bearer ${token}` };
    const load = (o: {
      connections: number;
      seconds: number;
      method: 'GET' | 'POST';
      path: string;
      body?: () => string;
    }) =>
      httpLoad(server, {
        ...o,
        headers,
        ...(o.body ? { setup: (req) => ({ headers: req.headers, body: o.body!() }) } : {}),
      });
    const lookup = {
      connections: conns,
      method: 'POST' as const,
      path: '/api/v1/members/lookup',
      body: lookupBody,
    };
    console.info(`[${label}] lookup by ID number: warm-up, then ${duration} s at ${conns} connections`);
    await load({ ...lookup, seconds: 3 });
    const lk = await load({ ...lookup, seconds: duration });

    const stats = { connections: conns, method: 'GET' as const, path: '/api/v1/orgs/1/stats' };
    console.info(`[${label}] root statistics: ${duration} s at ${conns} connections, then at 1`);
    await load({ ...stats, seconds: 2 });
    const st = await load({ ...stats, seconds: duration });
    const st1 = await load({ ...stats, connections: 1, seconds: 5 });

    // Fresh tokens, each presented once: signed just before the run, well inside their 60 s life.
    const keys = cardKeysFromPem(prep.cardKeyPem);
    const tokens: string[] = [];
    const now = new Date();
    const needed = Math.min(200_000, duration * 8_000);
    for (let i = 0; i < needed; i++)
      tokens.push(signCardToken(keys, prep.cardIds[i % prep.cardIds.length]!, now).token);
    let t = 0;
    const verify = {
      connections: conns,
      method: 'POST' as const,
      path: '/api/v1/cards/verify',
      body: () => JSON.stringify({ token: tokens[t++ % tokens.length] }),
    };
    console.info(
      `[${label}] card verification: ${duration} s at ${conns} connections (${fmt(needed)} fresh tokens)`,
    );
    const vf = await load({ ...verify, seconds: duration });
    const reused = t > tokens.length;

    const ratio = lk.rps / prep.baseline.rps;
    const bad = (l: Load) => failures(l);
    const isPg = db.engine === 'postgres';
    const engineAlone = isPg ? 'pg alone' : 'PGlite alone';
    figures.push(
      {
        engine: label,
        what: `lookup by ID number, ${conns} conns: req/s`,
        value: `${fmt(lk.rps)}${bad(lk)}`,
        baseline: `${fmt(prep.baseline.rps)} (${isPg ? 'pg' : 'PGlite'} alone)`,
        ratio: ratio.toFixed(2),
        goal: isPg ? '>= 0.4' : '',
        pass: isPg ? ratio >= 0.4 : null,
      },
      {
        engine: label,
        what: 'lookup: CPU µs per request',
        value: cpuText(lk.cpu),
        baseline: cpuText(prep.baseline.cpu),
        ratio: '',
        goal: '',
        pass: null,
      },
      {
        engine: label,
        what: 'lookup by ID number: p99 / p50',
        value: `${lk.p99} / ${lk.p50} ms`,
        baseline: `${prep.baseline.p99.toFixed(1)} / ${prep.baseline.p50.toFixed(1)} ms`,
        ratio: '',
        goal: isPg ? 'p99 < 50 ms' : '',
        pass: isPg ? lk.p99 < 50 : null,
      },
      {
        engine: label,
        what: `root statistics, ${conns} conns: p99 (req/s)`,
        value: `${st.p99} ms (${fmt(st.rps)}/s)${bad(st)}`,
        baseline: `${prep.statsBaseline.p99.toFixed(1)} ms (${fmt(prep.statsBaseline.rps)}/s, the two reads through ${engineAlone})`,
        ratio: (st.rps / prep.statsBaseline.rps).toFixed(2),
        goal: isPg ? 'p99 < 50 ms' : '',
        pass: isPg ? st.p99 < 50 : null,
      },
      {
        engine: label,
        what: 'root statistics: CPU µs per request',
        value: cpuText(st.cpu),
        baseline: cpuText(prep.statsBaseline.cpu),
        ratio: '',
        goal: '',
        pass: null,
      },
      {
        engine: label,
        what: 'root statistics, 1 conn: p99 / p50',
        value: `${st1.p99} / ${st1.p50} ms${bad(st1)}`,
        baseline: '',
        ratio: '',
        goal: '',
        pass: null,
      },
      {
        engine: label,
        what: `card verification, ${conns} conns: verif/s, p99`,
        value: `${fmt(vf.rps)}/s, p99 ${vf.p99} ms${bad(vf)}${reused ? ' (tokens reused)' : ''}`,
        baseline: `${fmt(prep.verifyBaseline.rps)}/s, p99 ${prep.verifyBaseline.p99.toFixed(1)} ms (the check statement through ${engineAlone})`,
        ratio: (vf.rps / prep.verifyBaseline.rps).toFixed(2),
        goal: isPg ? 'p99 < 20 ms' : '',
        pass: isPg ? vf.p99 < 20 : null,
      },
      {
        engine: label,
        what: 'card verification: CPU µs per request',
        value: cpuText(vf.cpu),
        baseline: cpuText(prep.verifyBaseline.cpu),
        ratio: '',
        goal: '',
        pass: null,
      },
    );
  } finally {
    await server.stop();
  }
  const maxRss = server.maxRssMb();
  figures.push({
    engine: label,
    what:
      server.workers > 1
        ? `server RSS, max of one of ${server.workers} processes (all together)`
        : 'server RSS, max during the runs',
    value: server.workers > 1 ? `${maxRss} MB (${server.maxTotalRssMb()} MB)` : `${maxRss} MB`,
    baseline: '',
    ratio: '',
    goal: '< 400 MB',
    pass: maxRss < 400,
  });
}

const builds: string[] = [];
const describeBuild = (db: BenchDb) =>
  `${db.engine} at ${fmt(db.members)} members: ${db.reused ? 'reused a build of' : 'built in'} ${fmt(db.buildSeconds)} s, ${(db.sizeBytes / 2 ** 30).toFixed(2)} GiB`;

if (engine === 'postgres' || engine === 'both') {
  const url = process.env.DATABASE_URL;
  if (!url)
    throw new Error(
      'Set DATABASE_URL to a PostgreSQL server (any database there; the bench database goes beside it)',
    );
  const db = await ensurePostgresBenchDb(url, dbName, {
    members,
    dataDir: join(root, 'bench/.data/postgres'),
  });
  builds.push(describeBuild(db));
  if (!buildOnly) await measure(db, connections);
}
if (engine === 'pglite' || engine === 'both') {
  const db = await ensurePgliteBenchDb({
    members: pgliteMembers,
    dataDir: join(root, `bench/.data/pglite-${pgliteMembers}`),
  });
  builds.push(describeBuild(db));
  if (!buildOnly) await measure(db, pgliteConnections);
}

console.info(
  "\nCPU per request splits the machine's busy time: the server process, the PostgreSQL backends of the bench",
);
console.info(
  'database, this process (load generator or baseline client), and everything else running meanwhile.',
);
printFigures(
  `Registry at province scale (55,000 orgs; 2 cores shared by server, database and load; Node ${process.version})`,
  builds,
  figures,
);
