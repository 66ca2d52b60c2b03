import type { AssistanceKind, AssistanceStats, AssistanceStatsQuery } from '@unionhub/contracts';
import { AssistanceKinds } from '@unionhub/contracts';
import { sql } from 'drizzle-orm';
import type { StaffActor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import { validationError } from '../../platform/errors.js';
import { chinaToday } from '../members/index.js';
import { getOrgInScope } from '../orgs/index.js';

type Rows<T> = { rows: T[] } | T[];
const rowsOf = <T>(r: Rows<T>): T[] => (Array.isArray(r) ? r : r.rows);
const num = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));
const hours = (v: unknown) => (v === null || v === undefined ? null : Math.round(Number(v) * 10) / 10);

/**
 * 帮扶统计 of a union's subtree: households by tier and cause (open files), re-check compliance,
 * applications by kind filed in the period with amounts requested, approved and paid, review
 * times per level (median, p90) and budget use of the unions in the subtree for the period's years.
 */
export async function getAssistanceStats(
  ctx: AppContext,
  actor: StaffActor,
  q: AssistanceStatsQuery,
): Promise<AssistanceStats> {
  if (q.from > q.to) throw validationError([{ path: 'query.from', message: '开始日期不能晚于结束日期' }]);
  const org = await getOrgInScope(ctx.db, actor, q.orgId, 'query.orgId');
  const scope = sql`(select id from orgs where path <@ ${org.path}::ltree)`;
  const from = `${q.from}T00:00:00+08:00`;
  const to = `${q.to}T23:59:59.999+08:00`;
  const today = chinaToday(ctx.clock.now());
  const [tiers, causes, rechecks, kinds, reviews, budgets] = await Promise.all([
    ctx.db.execute(
      sql`select coalesce(tier, 'none') as key, count(*) as n from hardship_files where state = 'open' and org_id in ${scope} group by 1`,
    ),
    ctx.db.execute(
      sql`select c as key, count(*) as n from hardship_files, unnest(causes) c where state = 'open' and org_id in ${scope} group by 1`,
    ),
    ctx.db.execute(sql`select
        (select count(*) from hardship_rechecks r join hardship_files f on f.id = r.file_id
          where f.org_id in ${scope} and r.checked_on between ${q.from}::date and ${q.to}::date and (r.due_on is null or r.checked_on <= r.due_on)) as on_time,
        (select count(*) from hardship_rechecks r join hardship_files f on f.id = r.file_id
          where f.org_id in ${scope} and r.checked_on between ${q.from}::date and ${q.to}::date and r.checked_on > r.due_on) as late,
        (select count(*) from hardship_files f where f.org_id in ${scope} and f.state = 'open' and f.recheck_due_on < ${today}::date) as overdue`),
    ctx.db.execute(sql`select kind, count(*) as n, sum(amount_requested_fen) as requested,
        coalesce(sum(amount_approved_fen) filter (where state in ('approved','in_batch','paid','failed')), 0) as approved,
        coalesce(sum(amount_approved_fen) filter (where state = 'paid'), 0) as paid
      from assistance_applications where org_id in ${scope} and submitted_at between ${from}::timestamptz and ${to}::timestamptz group by kind`),
    ctx.db.execute(sql`select e.level, count(*) as n,
        percentile_cont(0.5) within group (order by e.review_minutes) / 60.0 as median,
        percentile_cont(0.9) within group (order by e.review_minutes) / 60.0 as p90
      from assistance_events e join assistance_applications a on a.id = e.application_id
      where a.org_id in ${scope} and e.review_minutes is not null and e.created_at between ${from}::timestamptz and ${to}::timestamptz
      group by e.level`),
    ctx.db.execute(sql`select b.org_id, o.name, b.year, sum(b.amount_fen) as amount,
        coalesce((select sum(a.amount_approved_fen) from assistance_applications a where a.paying_org_id = b.org_id and a.year = b.year and a.state in ('approved','in_batch','paid')), 0) as committed,
        coalesce((select sum(a.amount_approved_fen) from assistance_applications a where a.paying_org_id = b.org_id and a.year = b.year and a.state = 'paid'), 0) as paid
      from assistance_budgets b join orgs o on o.id = b.org_id
      where b.org_id in ${scope} and b.year between ${Number(q.from.slice(0, 4))} and ${Number(q.to.slice(0, 4))}
      group by b.org_id, o.name, o.path, b.year order by b.year, o.path`),
  ]);
  const kindRows = rowsOf(kinds as Rows<Record<string, unknown>>);
  const r = rowsOf(rechecks as Rows<Record<string, unknown>>)[0] ?? {};
  const tierRows = rowsOf(tiers as Rows<Record<string, unknown>>);
  return {
    org: { id: org.id, name: org.name },
    from: q.from,
    to: q.to,
    households: {
      open: tierRows.reduce((s, t) => s + num(t.n), 0),
      byTier: tierRows.map((t) => ({ tier: String(t.key), count: num(t.n) })),
      byCause: rowsOf(causes as Rows<Record<string, unknown>>).map((c) => ({
        cause: String(c.key),
        count: num(c.n),
      })),
    },
    rechecks: { onTime: num(r.on_time), late: num(r.late), overdue: num(r.overdue) },
    byKind: AssistanceKinds.map((kind: AssistanceKind) => {
      const k = kindRows.find((x) => x.kind === kind);
      return {
        kind,
        count: num(k?.n),
        requestedFen: num(k?.requested),
        approvedFen: num(k?.approved),
        paidFen: num(k?.paid),
      };
    }),
    reviewHours: rowsOf(reviews as Rows<Record<string, unknown>>).map((x) => ({
      level: String(x.level),
      count: num(x.n),
      medianHours: hours(x.median),
      p90Hours: hours(x.p90),
    })),
    budgets: rowsOf(budgets as Rows<Record<string, unknown>>).map((b) => ({
      org: { id: num(b.org_id), name: String(b.name) },
      year: num(b.year),
      amountFen: num(b.amount),
      committedFen: num(b.committed),
      paidFen: num(b.paid),
    })),
  };
}
