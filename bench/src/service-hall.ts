/**
 * The online service hall at province scale on PostgreSQL: N requests (default 1,000,000) over a
 * synthetic Henan, then over HTTP against the built server —
 *   - a county federation's inbox (own queue, filtered by state, sorted by deadline, first page with
 *     its total) read by 20 staff at once: req/s and p99, beside the same two statements through `pg`;
 *   - members filing requests (form checked, routed, deadlines, first event, idempotency key) at 50
 *     at once: req/s and p99, beside the bare insert of a request and its event through `pg`;
 *   - the notification worker draining queued SMS deliveries as its tick does (passes of 100, eight
 *     sends in flight): deliveries/s for one and two workers (SKIP LOCKED), with an instant gateway
 *     and with one answering in 20 ms, beside the same lease and finish statements through `pg`.
 *
 *   npm run build
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/src/service-hall.ts
 *       [--requests 1000000] [--members 1000000] [--accounts 200000] [--duration 15] [--port 3203]
 *
 * The bench database (`unionhub_bench_hall`, beside the one DATABASE_URL names) is kept and reused.
 */
import { join } from 'node:path';
import pg from 'pg';
import { ensureHall } from './hall/seed.js';
import { meanCount, recordStatements, type SentStatement } from './hall/statements.js';
import {
  buildApp,
  createLogger,
  createTokenIssuer,
  drainDueNotifications,
  hashPassword,
  loadConfig,
  newRefreshToken,
  newSessionId,
  openContext,
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
const requests = Number(arg('requests', '1000000'));
const members = Number(arg('members', '1000000'));
const accounts = Number(arg('accounts', '200000'));
const duration = Number(arg('duration', '15'));
const port = Number(arg('port', '3203'));
const dbName = arg('db', 'unionhub_bench_hall');
const STAFF = 20;
const MEMBERS = 50;
const figures: Figure[] = [];
const label = `postgres ${fmt(requests)} requests`;

const db = await ensurePostgresBenchDb(url, dbName, {
  members,
  dataDir: join(repoRoot, 'bench/.data/postgres'),
});
const benchUrl = db.env.DATABASE_URL!;
const config = loadConfig({ NODE_ENV: 'development', LOG_LEVEL: 'warn', SEED_DEMO: 'never', ...db.env });
// Opened here so the migrations are applied before the hall is built or cleaned; its app, in this
// process, counts the statements one request sends.
const inProcess = await openContext(config, {
  purpose: 'the service hall benchmark',
  log: createLogger(config),
});
const client = new pg.Client({ connectionString: benchUrl });
await client.connect();
const hall = await ensureHall(client, { requests, accounts });
const county = hall.busiestCounty;
console.info(
  `[${label}] busiest county: ${county.name}, ${fmt(county.requests)} requests (${fmt(county.submitted)} awaiting acceptance); ${fmt(hall.overdue)} overdue in the province`,
);

// Sessions made as a sign-in would make them, so the server authenticates each request for real.
const issuer = createTokenIssuer(config.secrets.tokenSecret, 3600, () => new Date());
async function sessionToken(subjectType: 'staff' | 'member', subjectId: number): Promise<string> {
  const sid = newSessionId();
  await client.query(
    `insert into sessions (id, subject_type, subject_id, refresh_hash, expires_at)
     values ($1, $2, $3, $4, now() + interval '1 day')`,
    [sid, subjectType, subjectId, newRefreshToken(sid).hash],
  );
  return `Bearer ${await issuer.issueAccess({ sid, subjectType, subjectId })}`;
}
const passwordHash = await hashPassword(`Bench-${Date.now()}-unused`);
const staffTokens: string[] = [];
for (let i = 1; i <= STAFF; i++) {
  const { rows } = await client.query(
    `insert into staff_users (org_id, username, display_name, password_hash, roles)
     values ($1, $2, $3, $4, array['staff'])
     on conflict (username) do update set org_id = excluded.org_id, disabled_at = null returning id`,
    [county.id, `bench_county_${i}`, `县总经办人${i}`, passwordHash],
  );
  staffTokens.push(await sessionToken('staff', Number(rows[0].id)));
}
const memberAccounts = (
  await client.query(
    `select a.id from member_accounts a join members m on m.phone_hash = a.phone_hash and m.status = 'active'
     order by a.id limit $1`,
    [MEMBERS],
  )
).rows.map((r) => Number(r.id));
const memberTokens: string[] = [];
for (const id of memberAccounts) memberTokens.push(await sessionToken('member', id));

const states = ['submitted', 'accepted', 'in_progress'];
const inboxPath = (k: number) =>
  `/api/v1/service-requests?queue=own&state=${states[k % states.length]}&sort=deadline&pageSize=20`;
const stamp = Date.now().toString(36);
const submitBody = (i: number) =>
  JSON.stringify({
    serviceId: hall.serviceIds[i % hall.serviceIds.length],
    data: { topic: '拖欠工资', question: `公司两个月没发工资，想咨询如何维权（${i}）` },
  });

// What the API sends for an inbox page of each state, recorded on the app run in this process: the
// baseline replays the same statements (text, prepared name, values), all but the session check.
const inProcessApp = await buildApp(inProcess.ctx, { logger: false, rateLimit: false });
const inboxSent = await recordStatements(states.length * 2, async (i) => {
  const res = await inProcessApp.inject({ url: inboxPath(i), headers: { authorization: staffTokens[i]! } });
  if (res.statusCode !== 200) throw new Error(`inbox: ${res.statusCode} ${res.body}`);
});
const inboxStatements = meanCount(inboxSent);
const inboxWork = inboxSent
  .slice(0, states.length)
  .map((run) => run.filter((q) => !/"sessions"/.test(q.text)));

const server = await startServer(db.env, port);
try {
  // 1. The county inbox.
  const probe = await fetch(`http://localhost:${port}${inboxPath(0)}`, {
    headers: { authorization: staffTokens[0]! },
  });
  if (!probe.ok) throw new Error(`inbox: ${probe.status} ${await probe.text()}`);
  const first = (await probe.json()) as { total: number };
  if (first.total !== county.submitted)
    throw new Error(`inbox total ${first.total}, expected ${county.submitted}`);
  let k = 0;
  const inbox = (seconds: number) =>
    httpLoad(server, {
      connections: STAFF,
      seconds,
      method: 'GET',
      path: inboxPath(0),
      headers: {},
      setup: (req) => {
        const i = k++;
        return { headers: { ...req.headers, authorization: staffTokens[i % STAFF]! }, path: inboxPath(i) };
      },
    });
  console.info(`[${label}] county inbox: warm-up, then ${duration} s at ${STAFF} staff`);
  await inbox(3);
  const ib = await inbox(duration);

  const pool = new pg.Pool({ connectionString: benchUrl, max: MEMBERS });
  const replay = (q: SentStatement) =>
    pool.query(
      q.name ? { name: q.name, text: q.text, values: q.values } : { text: q.text, values: q.values },
    );
  const inboxBase = await cpuPerRequest(null, dbName, () =>
    loops(STAFF, duration, (i) => Promise.all(inboxWork[i % inboxWork.length]!.map(replay))),
  );
  figures.push(
    {
      engine: label,
      what: `county inbox (state, by deadline), ${STAFF} staff: req/s`,
      value: `${fmt(ib.rps)}${failures(ib)}`,
      baseline: `${fmt(inboxBase.rps)} (pg alone: the API's page + total)`,
      ratio: (ib.rps / inboxBase.rps).toFixed(2),
      goal: '',
      pass: null,
    },
    {
      engine: label,
      what: 'county inbox: p99 / p50',
      value: `${ib.p99} / ${ib.p50} ms`,
      baseline: `${inboxBase.p99.toFixed(1)} / ${inboxBase.p50.toFixed(1)} ms`,
      ratio: '',
      goal: 'p99 < 50 ms',
      pass: ib.p99 < 50,
    },
    {
      engine: label,
      what: 'county inbox: CPU µs per request',
      value: cpuText(ib.cpu),
      baseline: cpuText(inboxBase.cpu),
      ratio: '',
      goal: '',
      pass: null,
    },
  );

  // 2. Members filing requests.
  let n = 0;
  const submit = (seconds: number) =>
    httpLoad(server, {
      connections: MEMBERS,
      seconds,
      method: 'POST',
      path: '/api/v1/me/service-requests',
      headers: {},
      setup: (req) => {
        const i = n++;
        return {
          headers: {
            ...req.headers,
            authorization: memberTokens[i % memberTokens.length]!,
            'idempotency-key': `bench-${stamp}-${i}`,
          },
          body: submitBody(i),
        };
      },
    });
  console.info(`[${label}] filing requests: warm-up, then ${duration} s at ${MEMBERS} members`);
  await submit(3);
  const sb = await submit(duration);
  const INSERT = `with r as (
      insert into service_requests (province_code, service_id, request_type, org_id, account_id, member_id, state,
        form, attachment_requirements, data, idempotency_key, body_hash, submitted_at, accept_due_at, due_at)
      values ('410000', $1, 'general', $2, $3, $3, 'submitted', '{}', '[]', $4, $5, md5($5), now(),
        now() + interval '3 days', now() + interval '3 days') returning id, org_id)
    insert into request_events (request_id, action, to_state, actor_type, actor_id, actor_name, org_id)
    select id, 'submit', 'submitted', 'member', $3, '申请人', org_id from r`;
  const submitBase = await cpuPerRequest(null, dbName, () =>
    loops(MEMBERS, duration, (i) =>
      pool.query(INSERT, [
        hall.serviceIds[i % hall.serviceIds.length],
        county.id,
        memberAccounts[i % memberAccounts.length],
        JSON.stringify({ topic: '拖欠工资', question: `基线（${i}）` }),
        `base-${stamp}-${i}`,
      ]),
    ),
  );
  figures.push(
    {
      engine: label,
      what: `filing a request, ${MEMBERS} members: req/s`,
      value: `${fmt(sb.rps)}${failures(sb)}`,
      baseline: `${fmt(submitBase.rps)} (pg alone: request + event)`,
      ratio: (sb.rps / submitBase.rps).toFixed(2),
      goal: '',
      pass: null,
    },
    {
      engine: label,
      what: 'filing a request: p99 / p50',
      value: `${sb.p99} / ${sb.p50} ms`,
      baseline: `${submitBase.p99.toFixed(1)} / ${submitBase.p50.toFixed(1)} ms`,
      ratio: '',
      goal: '',
      pass: null,
    },
    {
      engine: label,
      what: 'filing a request: CPU µs per request',
      value: cpuText(sb.cpu),
      baseline: cpuText(submitBase.cpu),
      ratio: '',
      goal: '',
      pass: null,
    },
  );
  await pool.end();
} finally {
  await server.stop();
}
await measureStatements();
await inProcess.close();
figures.push({
  engine: label,
  what: 'server RSS, max during the runs',
  value: `${server.maxRssMb()} MB`,
  baseline: '',
  ratio: '',
  goal: '< 400 MB',
  pass: server.maxRssMb() < 400,
});

// 3. The notification worker, in this process, against the same database.
await measureDelivery();
await client.end();

printFigures(
  `Service hall at province scale (2 cores shared by server, database and load; Node ${process.version})`,
  [
    `${fmt(members)} members, ${fmt(hall.accounts)} member accounts, ${fmt(hall.requests)} requests (plus those filed here)`,
    "CPU per request splits the machine's busy time: server, PostgreSQL backends, this process, the rest.",
  ],
  figures,
);

/** Statements one request sends to PostgreSQL, on the app run in this process (6 of each). */
async function measureStatements(): Promise<void> {
  try {
    const filing = await recordStatements(6, async (i) => {
      const res = await inProcessApp.inject({
        method: 'POST',
        url: '/api/v1/me/service-requests',
        headers: {
          authorization: memberTokens[i]!,
          'idempotency-key': `bench-${stamp}-statements-${i}`,
          'content-type': 'application/json',
        },
        payload: submitBody(i),
      });
      if (res.statusCode !== 201) throw new Error(`filing: ${res.statusCode} ${res.body}`);
    });
    figures.push(
      {
        engine: label,
        what: 'county inbox: statements per request',
        value: fmt(inboxStatements, 1),
        baseline: `${inboxWork[0]!.length} (pg alone: page + total)`,
        ratio: '',
        goal: '',
        pass: null,
      },
      {
        engine: label,
        what: 'filing a request: statements per request',
        value: fmt(meanCount(filing), 1),
        baseline: '1 (pg alone: request + event in one)',
        ratio: '',
        goal: '',
        pass: null,
      },
    );
  } finally {
    await inProcessApp.close();
  }
}

async function queueDeliveries(count: number): Promise<void> {
  await client.query(`delete from notification_deliveries; delete from notifications`);
  await client.query(
    `with n as (
       insert into notifications (recipient_type, recipient_id, topic, kind, title, body)
       select 'member', 1 + (i % $2), 'request', 'request.accepted', '您的申请已受理',
              '您提交的“法律咨询预约”已由县总工会受理，请留意后续办理进度。'
       from generate_series(1, $1::int) i returning id)
     insert into notification_deliveries (notification_id, channel) select id, 'sms' from n`,
    [count, hall.accounts],
  );
}

async function measureDelivery(): Promise<void> {
  const log = createLogger(config);
  let gatewayMs = 0;
  let sent = 0;
  const sms = {
    async send() {
      if (gatewayMs) await new Promise((r) => setTimeout(r, gatewayMs));
      sent++;
    },
  };
  const opened = await openContext(config, { purpose: 'the delivery benchmark', log, sms });
  const { ctx } = opened;
  const drain = async (workers: number) => {
    const started = performance.now();
    const worker = async () => {
      while ((await drainDueNotifications(ctx)) > 0);
    };
    await Promise.all(Array.from({ length: workers }, worker));
    return performance.now() - started;
  };
  const runs: [string, number, number, number][] = [
    ['instant gateway, 1 worker', 0, 1, 20_000],
    ['instant gateway, 2 workers', 0, 2, 20_000],
    ['gateway answering in 20 ms, 1 worker', 20, 1, 5_000],
  ];
  try {
    for (const [what, latency, workers, count] of runs) {
      await queueDeliveries(count);
      gatewayMs = latency;
      sent = 0;
      console.info(`[${label}] notification delivery: ${fmt(count)} SMS, ${what}`);
      const ms = await drain(workers);
      if (sent !== count) throw new Error(`sent ${sent} of ${count}`);
      const dup = await client.query(
        `select count(*)::int as n from notification_deliveries where status <> 'sent'`,
      );
      if (dup.rows[0].n !== 0) throw new Error(`${dup.rows[0].n} deliveries not sent`);
      figures.push({
        engine: label,
        what: `notification delivery, ${what}`,
        value: `${fmt((count / ms) * 1000)} SMS/s`,
        baseline: '',
        ratio: '',
        goal: '',
        pass: null,
      });
    }
    // Baseline: the same lease and finish statements through pg alone, no address, no sending.
    await queueDeliveries(20_000);
    const started = performance.now();
    for (;;) {
      const { rows } = await client.query(`with due as (
          select id from notification_deliveries where status = 'pending' and next_attempt_at <= now()
          order by next_attempt_at, id limit 50 for update skip locked)
        update notification_deliveries d set status = 'sending', attempts = d.attempts + 1,
          locked_until = now() + interval '1 minute'
        from due, notifications n where d.id = due.id and n.id = d.notification_id
        returning d.id, n.recipient_id`);
      if (rows.length === 0) break;
      for (const r of rows)
        await client.query(
          `update notification_deliveries set status = 'sent', sent_at = now(), locked_until = null
          where id = $1`,
          [r.id],
        );
    }
    const baseRate = (20_000 / (performance.now() - started)) * 1000;
    const first = figures.find((f) => f.what.endsWith('instant gateway, 1 worker'))!;
    first.baseline = `${fmt(baseRate)} SMS/s (pg alone: lease + finish)`;
    first.ratio = (Number(first.value.replace(/[^\d.]/g, '')) / baseRate).toFixed(2);
  } finally {
    await opened.close();
  }
}
