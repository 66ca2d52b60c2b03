/**
 * A service hall at province scale inside a bench database: services published by the province
 * (handled by the county federations), member accounts for the first members, and N requests
 * across the province in every state with their events and deadlines — written set-based in SQL,
 * in the shape the app writes them. Marked in `bench_hall_marker` so a later run at the same N
 * reuses them.
 */
import type pg from 'pg';

/** Bumped when the generated hall changes, so an older build is made again. */
const SEED_VERSION = 2;

export const BENCH_SERVICES = [
  { name: '法律咨询预约', category: 'rights' },
  { name: '困难职工帮扶申请', category: 'assistance' },
  { name: '农民工技能培训报名', category: 'training' },
  { name: '职工疗休养报名', category: 'wellbeing' },
  { name: '工伤认定协助', category: 'rights' },
] as const;

export const BENCH_FORM = {
  fields: [
    {
      key: 'topic',
      label: '咨询事项',
      type: 'select',
      required: true,
      options: ['劳动合同', '拖欠工资', '工伤认定', '社会保险', '其他'],
    },
    { key: 'question', label: '问题简述', type: 'textarea', required: true, maxLength: 500 },
  ],
};

/** How the requests spread over states (per thousand), as a busy year of a real hall would look. */
const STATE_SPREAD = [
  ['submitted', 80],
  ['accepted', 60],
  ['in_progress', 60],
  ['returned', 20],
  ['completed', 700],
  ['rejected', 50],
  ['withdrawn', 30],
] as const;

export interface HallInfo {
  requests: number;
  /** Requests past their promised time when the run starts (the escalation job chases them). */
  overdue: number;
  accounts: number;
  serviceIds: number[];
  /** The county federation with the most requests: the inbox the benchmark reads. */
  busiestCounty: { id: number; name: string; requests: number; submitted: number };
}

const RECOUNT = `delete from service_request_counts;
  insert into service_request_counts (org_id, state, slot, n)
  select org_id, state, id % 8, count(*) from service_requests group by org_id, state, id % 8`;

async function exists(client: pg.ClientBase, table: string) {
  const { rows } = await client.query(`select to_regclass($1) is not null as ok`, [table]);
  return rows[0].ok as boolean;
}

export async function ensureHall(
  client: pg.ClientBase,
  opts: { requests: number; accounts: number; log?: (line: string) => void },
): Promise<HallInfo> {
  const log = opts.log ?? console.info;
  await client.query(
    `create table if not exists bench_hall_marker (requests integer not null, accounts integer not null)`,
  );
  await client.query(
    `alter table bench_hall_marker add column if not exists version integer not null default 0`,
  );
  const marker = (await client.query(`select requests, accounts, version from bench_hall_marker`)).rows[0];
  if (
    !marker ||
    marker.requests !== opts.requests ||
    marker.accounts !== opts.accounts ||
    marker.version !== SEED_VERSION
  ) {
    const started = performance.now();
    await build(client, opts, log);
    log(
      `service hall: ${opts.requests.toLocaleString('en')} requests built in ${((performance.now() - started) / 1000).toFixed(0)} s`,
    );
  }
  // Requests filed by earlier runs (through the API or by the baseline) would grow the busiest
  // county's queue from run to run: they go, so every run reads the same hall.
  // Tens of thousands of rows go at once: the queue counts are recounted after, not kept row by row.
  const counted = await exists(client, 'service_request_counts');
  await client.query('begin');
  if (counted) await client.query(`set local unionhub.restoring = 'on'`);
  await client.query(`delete from request_events where request_id in
    (select id from service_requests where idempotency_key like 'bench-%' or idempotency_key like 'base-%')`);
  await client.query(
    `delete from service_requests where idempotency_key like 'bench-%' or idempotency_key like 'base-%'`,
  );
  if (counted) await client.query(RECOUNT);
  await client.query('commit');
  const serviceIds = (
    await client.query(`select id from services where created_by is null and org_id = 1 order by id`)
  ).rows.map((r) => Number(r.id));
  const busiest = (
    await client.query(`select r.org_id as id, o.name, count(*)::int as requests,
        count(*) filter (where r.state = 'submitted')::int as submitted
      from service_requests r join orgs o on o.id = r.org_id
      group by r.org_id, o.name order by count(*) desc limit 1`)
  ).rows[0];
  const overdue = (await client.query(`select count(*)::int as n from service_requests where due_at < now()`))
    .rows[0].n as number;
  return {
    overdue,
    requests: opts.requests,
    accounts: opts.accounts,
    serviceIds,
    busiestCounty: {
      id: Number(busiest.id),
      name: busiest.name,
      requests: busiest.requests,
      submitted: busiest.submitted,
    },
  };
}

async function build(
  client: pg.ClientBase,
  opts: { requests: number; accounts: number },
  log: (line: string) => void,
): Promise<void> {
  if (!(await exists(client, 'service_requests')))
    throw new Error('the bench database has no service hall tables');
  await client.query('begin');
  try {
    await client.query(`truncate request_messages, request_events, service_requests, service_request_counts,
      notification_deliveries, notifications, service_packages, services, member_accounts restart identity cascade`);
    // The queue counts are recounted once at the end rather than kept a million times row by row.
    await client.query(`set local unionhub.restoring = 'on'`);
    await client.query(`delete from bench_hall_marker`);
    const serviceIds: number[] = [];
    for (const s of BENCH_SERVICES) {
      const inserted = await client.query(
        `insert into services (org_id, name, category, summary, description, eligibility, form, attachments,
           accept_within_days, complete_within_days, handler, status, published_at)
         values (1, $1, $2, $3, $3, '{}', $4, '[]', 3, 15, 'county', 'published', now() - interval '400 days')
         returning id`,
        [s.name, s.category, `${s.name}（压测）`, JSON.stringify(BENCH_FORM)],
      );
      serviceIds.push(Number(inserted.rows[0].id));
    }
    // Accounts of the first members (their phone hash is the account's, as after a sign-in).
    await client.query(
      `insert into member_accounts (phone_hash, phone_enc, province_code, last_login_at)
       select phone_hash, phone_enc, province_code, now() from members where id <= $1 order by id`,
      [opts.accounts],
    );
    log(`service hall: ${opts.accounts.toLocaleString('en')} member accounts`);
    // Each union's county federation (the handling level of these services), or the nearest above.
    await client.query(`create temp table handling on commit drop as
      select o.id as org_id,
        coalesce((select a.id from orgs a where a.path @> o.path and a.level = 'county' limit 1),
                 (select a.id from orgs a where a.path @> o.path and a.level = 'city' limit 1), 1) as handler_id
      from orgs o where o.level = 'grassroots'`);
    await client.query(`create index on handling (org_id)`);
    const spread = STATE_SPREAD.map(([state, n]) => `('${state}', ${n})`).join(',');
    await client.query(
      `insert into service_requests (province_code, service_id, request_type, org_id, account_id, member_id,
          state, form, attachment_requirements, data, body_hash, submitted_at, accept_due_at, accepted_at,
          complete_due_at, completed_at, due_at, rating, created_at, updated_at)
       with spread(state, per_thousand) as (values ${spread}),
       bounds as (select state, sum(per_thousand) over (order by state) as upto, per_thousand from spread),
       g as (
         select i, ((i * 7919) % $2) + 1 as account_id, (i * 31 % 1000) as bucket
         from generate_series(1::bigint, $1::bigint) i
       ),
       -- A hall that keeps its promises: requests awaiting acceptance were filed in the last two days,
       -- those being handled in the last ten, finished ones over the past year.
       s as (
         select g.*, st.state,
           now() - make_interval(secs => (g.i * 104729 % case when st.state in ('submitted','returned') then 172800
             when st.state in ('accepted','in_progress') then 864000 else 31536000 end)) as submitted_at
         from g cross join lateral
           (select b.state from bounds b where g.bucket < b.upto order by b.upto limit 1) st
       )
       select m.province_code, ($4::bigint[])[1 + s.i % ${BENCH_SERVICES.length}],
         'general', h.handler_id, s.account_id, m.id, s.state, $3::jsonb, '[]'::jsonb,
         jsonb_build_object('topic', '拖欠工资', 'question', '公司两个月没发工资，想咨询如何维权'),
         md5(s.i::text), s.submitted_at, s.submitted_at + interval '3 days',
         case when s.state in ('accepted','in_progress','completed') then s.submitted_at + interval '1 day' end,
         case when s.state in ('accepted','in_progress','completed') then s.submitted_at + interval '16 days' end,
         case when s.state = 'completed' then s.submitted_at + interval '9 days' end,
         case when s.state in ('submitted','returned') then s.submitted_at + interval '3 days'
              when s.state in ('accepted','in_progress') then s.submitted_at + interval '16 days' end,
         case when s.state = 'completed' and s.i % 3 = 0 then 4 + (s.i % 2) end,
         s.submitted_at, s.submitted_at
       from s join members m on m.id = s.account_id join handling h on h.org_id = m.org_id`,
      [opts.requests, opts.accounts, JSON.stringify(BENCH_FORM), serviceIds],
    );
    log(`service hall: ${opts.requests.toLocaleString('en')} requests`);
    await client.query(
      `insert into request_events (request_id, action, from_state, to_state, actor_type, actor_id, actor_name, org_id, created_at)
       select id, 'submit', null, 'submitted', 'member', account_id, '申请人', org_id, submitted_at from service_requests
       union all
       select id, 'accept', 'submitted', 'accepted', 'staff', null, '受理人', org_id, accepted_at
         from service_requests where accepted_at is not null
       union all
       select id, 'complete', 'in_progress', 'completed', 'staff', null, '经办人', org_id, completed_at
         from service_requests where completed_at is not null`,
    );
    log('service hall: request events');
    await client.query(RECOUNT);
    await client.query(`insert into bench_hall_marker (requests, accounts, version) values ($1, $2, $3)`, [
      opts.requests,
      opts.accounts,
      SEED_VERSION,
    ]);
    await client.query('commit');
    await client.query(
      'analyze service_requests; analyze request_events; analyze member_accounts; analyze services',
    );
  } catch (err) {
    await client.query('rollback');
    throw err;
  }
}
