import { JobCategories, type JobCategory, type JobFigures, type JobStatsQuery } from '@unionhub/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { StaffActor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import { validationError } from '../../platform/errors.js';
import { chinaToday } from '../members/index.js';
import { getOrgInScope } from '../orgs/index.js';

type Row = Record<string, unknown>;
const rowsOf = (result: unknown) => (result as { rows: Row[] }).rows;

function periodOf(query: JobStatsQuery, now: Date) {
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
 * Figures of one group of jobs: posted (submitted in the period), open now (published, before
 * their end) with their headcount, applications made and hires decided in the period.
 */
async function aggregate(db: Db, root: string, key: SQL, p: { start: Date; end: Date }, now: Date) {
  return rowsOf(
    await db.execute(sql`
      select ${key} as key,
        count(*) filter (where j.submitted_at >= ${p.start} and j.submitted_at < ${p.end})::int as posted,
        count(*) filter (where j.status = 'published' and j.expires_at > ${now})::int as open_jobs,
        coalesce(sum(j.headcount) filter (where j.status = 'published' and j.expires_at > ${now}), 0)::int as open_positions,
        coalesce(sum(a.applications), 0)::int as applications,
        coalesce(sum(a.hires), 0)::int as hires
      from jobs j
      join orgs o on o.id = j.org_id
      left join lateral (
        select count(*) filter (where x.created_at >= ${p.start} and x.created_at < ${p.end}) as applications,
               count(*) filter (where x.stage = 'hired' and x.stage_changed_at >= ${p.start} and x.stage_changed_at < ${p.end}) as hires
        from job_applications x where x.job_id = j.id
      ) a on true
      where o.path <@ ${root}::ltree
      group by 1`),
  );
}

const figuresOf = (r: Row | undefined): JobFigures => ({
  posted: Number(r?.posted ?? 0),
  openJobs: Number(r?.open_jobs ?? 0),
  openPositions: Number(r?.open_positions ?? 0),
  applications: Number(r?.applications ?? 0),
  hires: Number(r?.hires ?? 0),
});

/** Employment statistics of a union's subtree: totals, by category, and by union directly below. */
export async function getJobStats(ctx: AppContext, actor: StaffActor, query: JobStatsQuery) {
  const org = await getOrgInScope(ctx.db, actor, query.orgId ?? actor.orgId, 'querystring.orgId');
  const now = ctx.clock.now();
  const period = periodOf(query, now);
  const depth = org.path.split('.').length;
  const child = sql.raw(
    `case when nlevel(o.path) = ${depth} then 0 else subpath(o.path, ${depth}, 1)::text::bigint end`,
  );
  const [totals, byCategory, byChild] = await Promise.all([
    aggregate(ctx.db, org.path, sql`0`, period, now),
    aggregate(ctx.db, org.path, sql`j.category`, period, now),
    aggregate(ctx.db, org.path, child, period, now),
  ]);
  const childIds = byChild.map((r) => Number(r.key)).filter((k) => k !== 0);
  const names = childIds.length
    ? rowsOf(
        await ctx.db.execute(
          sql`select id, name from orgs where id in (${sql.join(
            childIds.map((id) => sql`${id}`),
            sql`, `,
          )})`,
        ),
      )
    : [];
  const nameOf = new Map(names.map((r) => [Number(r.id), String(r.name)]));
  const categoryRow = new Map(byCategory.map((r) => [String(r.key), r]));
  return {
    org: { id: org.id, name: org.name },
    from: period.from,
    to: period.to,
    totals: figuresOf(totals[0]),
    byCategory: JobCategories.map((category: JobCategory) => ({
      category,
      ...figuresOf(categoryRow.get(category)),
    })),
    byOrg: byChild
      .map((r) => {
        const id = Number(r.key);
        return {
          orgId: id === 0 ? org.id : id,
          orgName: id === 0 ? org.name : (nameOf.get(id) ?? ''),
          own: id === 0,
          ...figuresOf(r),
        };
      })
      .sort((a, b) => Number(b.own) - Number(a.own) || b.posted - a.posted),
  };
}
