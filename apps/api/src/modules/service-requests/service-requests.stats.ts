import type { ServiceFigures, ServiceStatsQuery } from '@unionhub/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { StaffActor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import { validationError } from '../../platform/errors.js';
import { chinaToday } from '../members/index.js';
import { getOrgInScope } from '../orgs/index.js';

type Row = Record<string, unknown>;
const rowsOf = (result: unknown) => (result as { rows: Row[] }).rows;

const hours = (from: string, to: string) => sql.raw(`extract(epoch from (${to} - ${from})) / 3600.0`);

/**
 * The aggregate of one group of requests. A promise is broken when the request was accepted or
 * finished after its deadline, or is still waiting past it.
 */
const figures = (now: Date) => sql`
  count(*)::int as total,
  count(*) filter (where r.state = 'submitted')::int as s_submitted,
  count(*) filter (where r.state = 'accepted')::int as s_accepted,
  count(*) filter (where r.state = 'in_progress')::int as s_in_progress,
  count(*) filter (where r.state = 'returned')::int as s_returned,
  count(*) filter (where r.state = 'completed')::int as s_completed,
  count(*) filter (where r.state = 'rejected')::int as s_rejected,
  count(*) filter (where r.state = 'withdrawn')::int as s_withdrawn,
  percentile_cont(0.5) within group (order by ${hours('r.submitted_at', 'r.accepted_at')}) as accept_median,
  percentile_cont(0.9) within group (order by ${hours('r.submitted_at', 'r.accepted_at')}) as accept_p90,
  percentile_cont(0.5) within group (order by ${hours('r.submitted_at', 'r.completed_at')}) as complete_median,
  percentile_cont(0.9) within group (order by ${hours('r.submitted_at', 'r.completed_at')}) as complete_p90,
  count(*) filter (where r.accepted_at > r.accept_due_at
                      or r.completed_at > r.complete_due_at
                      or (r.due_at is not null and r.due_at < ${now}))::int as overdue,
  count(r.rating)::int as ratings,
  avg(r.rating)::float8 as rating_average,
  count(*) filter (where r.rating >= 4)::int as satisfied`;

const round1 = (v: unknown) => (v === null || v === undefined ? null : Math.round(Number(v) * 10) / 10);
const share = (n: number, of: number) => (of > 0 ? Math.round((n / of) * 1000) / 1000 : null);

function figuresOf(r: Row): ServiceFigures {
  const total = Number(r.total);
  const states = ['submitted', 'accepted', 'in_progress', 'returned', 'completed', 'rejected', 'withdrawn'];
  const ratings = Number(r.ratings);
  return {
    total,
    byState: Object.fromEntries(states.map((s) => [s, Number(r[`s_${s}`] ?? 0)])),
    acceptHours: { median: round1(r.accept_median), p90: round1(r.accept_p90) },
    completeHours: { median: round1(r.complete_median), p90: round1(r.complete_p90) },
    overdue: Number(r.overdue),
    overdueShare: share(Number(r.overdue), total),
    ratings,
    ratingAverage: r.rating_average === null ? null : Math.round(Number(r.rating_average) * 100) / 100,
    satisfiedShare: share(Number(r.satisfied), ratings),
  };
}

async function aggregate(db: Db, where: SQL, groupKey: SQL, now: Date): Promise<Row[]> {
  return rowsOf(
    await db.execute(sql`
      select ${groupKey} as key, ${figures(now)}
      from service_requests r join orgs o on o.id = r.org_id
      where ${where}
      group by 1`),
  );
}

/** The China dates of a period: the given ones, or the last 30 days up to today. */
function periodOf(query: ServiceStatsQuery, now: Date) {
  const to = query.to ?? chinaToday(now);
  const from = query.from ?? chinaToday(new Date(Date.parse(`${to}T00:00:00Z`) - 29 * 86_400_000));
  if (from > to) throw validationError([{ path: 'querystring.from', message: 'must not be after to' }]);
  return {
    from,
    to,
    start: new Date(`${from}T00:00:00+08:00`),
    end: new Date(Date.parse(`${to}T00:00:00+08:00`) + 86_400_000),
  };
}

/**
 * Service statistics of a union's subtree over a period of submission: totals, per service, and per
 * union directly below (each with its subtree) plus the union's own requests. Computed from the
 * requests with the (org, submitted) indexes; the period bounds the scan.
 */
export async function getServiceStats(ctx: AppContext, actor: StaffActor, query: ServiceStatsQuery) {
  const org = await getOrgInScope(ctx.db, actor, query.orgId ?? actor.orgId);
  const now = ctx.clock.now();
  const period = periodOf(query, now);
  const where = sql`o.path <@ ${org.path}::ltree and r.submitted_at >= ${period.start} and r.submitted_at < ${period.end}`;
  const depth = org.path.split('.').length;
  const child = sql.raw(
    `case when nlevel(o.path) = ${depth} then 0 else subpath(o.path, ${depth}, 1)::text::bigint end`,
  );
  const [totals, byService, byChild] = await Promise.all([
    aggregate(ctx.db, where, sql`0`, now),
    aggregate(ctx.db, where, sql`r.service_id`, now),
    aggregate(ctx.db, where, child, now),
  ]);
  const ids = [...byService.map((r) => Number(r.key))];
  const childIds = byChild.map((r) => Number(r.key)).filter((k) => k !== 0);
  const names = await namesOf(ctx.db, ids, childIds);
  const empty = figuresOf({ total: 0, ratings: 0, overdue: 0, satisfied: 0, rating_average: null });
  return {
    org: { id: org.id, name: org.name },
    from: period.from,
    to: period.to,
    totals: totals[0] ? figuresOf(totals[0]) : empty,
    byService: byService
      .map((r) => ({
        serviceId: Number(r.key),
        serviceName: names.services.get(Number(r.key)) ?? '',
        ...figuresOf(r),
      }))
      .sort((a, b) => b.total - a.total),
    byOrg: byChild
      .map((r) => {
        const id = Number(r.key);
        return {
          orgId: id === 0 ? org.id : id,
          orgName: id === 0 ? org.name : (names.orgs.get(id) ?? ''),
          own: id === 0,
          ...figuresOf(r),
        };
      })
      .sort((a, b) => Number(b.own) - Number(a.own) || b.total - a.total),
  };
}

async function namesOf(db: Db, serviceIds: number[], orgIds: number[]) {
  const list = (ids: number[]) =>
    sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    );
  const services = serviceIds.length
    ? rowsOf(await db.execute(sql`select id, name from services where id in (${list(serviceIds)})`))
    : [];
  const orgs = orgIds.length
    ? rowsOf(await db.execute(sql`select id, name from orgs where id in (${list(orgIds)})`))
    : [];
  return {
    services: new Map(services.map((r) => [Number(r.id), String(r.name)])),
    orgs: new Map(orgs.map((r) => [Number(r.id), String(r.name)])),
  };
}
