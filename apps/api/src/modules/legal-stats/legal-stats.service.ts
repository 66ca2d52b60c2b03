import {
  DefaultInspectionChecklist,
  type LectureFigures,
  type LegalStats,
  type LegalStatsQuery,
  type SupervisionFigures,
} from '@unionhub/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { StaffActor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import { validationError } from '../../platform/errors.js';
import { chinaToday } from '../members/index.js';
import { getOrgInScope } from '../orgs/index.js';
import {
  consultationFiguresOf,
  consultationRows,
  legalAidFiguresOf,
  legalAidRows,
} from './legal-stats.sections.js';

type Row = Record<string, unknown>;
const rowsOf = (result: unknown) => (result as { rows: Row[] }).rows;
const share = (n: number, of: number) => (of > 0 ? Math.round((n / of) * 1000) / 1000 : null);

/** The China dates of a period: the given ones, or the last 12 months up to today. */
function periodOf(query: LegalStatsQuery, now: Date) {
  const to = query.to ?? chinaToday(now);
  const from = query.from ?? chinaToday(new Date(Date.parse(`${to}T00:00:00Z`) - 364 * 86_400_000));
  if (from > to) throw validationError([{ path: 'querystring.from', message: 'must not be after to' }]);
  return {
    from,
    to,
    start: new Date(`${from}T00:00:00+08:00`),
    end: new Date(Date.parse(`${to}T00:00:00+08:00`) + 86_400_000),
  };
}

function lectureFiguresOf(r: Row): LectureFigures {
  const registrations = Number(r.registrations ?? 0);
  const attended = Number(r.attended ?? 0);
  return {
    lectures: Number(r.lectures ?? 0),
    registrations,
    attended,
    attendanceRate: share(attended, registrations),
  };
}

function supervisionFiguresOf(r: Row): SupervisionFigures {
  const needing = Number(r.needing ?? 0);
  const rectified = Number(r.rectified ?? 0);
  return {
    inspections: Number(r.inspections ?? 0),
    enterprises: Number(r.enterprises ?? 0),
    needingRectification: needing,
    rectified,
    rectificationRate: share(rectified, needing),
    overdue: Number(r.overdue ?? 0),
  };
}

/**
 * 法律服务统计 of a union's subtree over a period: consultations and legal aid (legal-stats.sections.ts),
 * lectures starting in it (published or held) with
 * their seats and attendance, and inspections made in it with where their rectifications stand today;
 * each in total and per union directly below (with its subtree) plus the union's own.
 */
export async function getLegalStats(
  ctx: AppContext,
  actor: StaffActor,
  query: LegalStatsQuery,
): Promise<LegalStats> {
  const org = await getOrgInScope(ctx.db, actor, query.orgId ?? actor.orgId, 'querystring.orgId');
  const now = ctx.clock.now();
  const today = chinaToday(now);
  const period = periodOf(query, now);
  const depth = org.path.split('.').length;
  const child = sql.raw(
    `case when nlevel(o.path) = ${depth} then 0 else subpath(o.path, ${depth}, 1)::text::bigint end`,
  );
  const lectureWhere = sql`o.path <@ ${org.path}::ltree and l.status in ('published','finished')
    and l.starts_at >= ${period.start} and l.starts_at < ${period.end}`;
  const inspectionWhere = sql`o.path <@ ${org.path}::ltree
    and i.inspected_on >= ${period.from}::date and i.inspected_on <= ${period.to}::date`;
  const lectureSql = (key: SQL) => sql`
    select ${key} as key, count(*)::int as lectures, coalesce(sum(l.seats_taken), 0)::int as registrations,
           coalesce(sum(l.attended), 0)::int as attended
    from lectures l join orgs o on o.id = l.org_id where ${lectureWhere} group by 1`;
  const inspectionSql = (key: SQL) => sql`
    select ${key} as key, count(*)::int as inspections, count(distinct i.enterprise_id)::int as enterprises,
           count(*) filter (where i.non_compliant > 0)::int as needing,
           count(*) filter (where i.non_compliant > 0 and i.status = 'closed')::int as rectified,
           count(*) filter (where i.status = 'rectifying' and i.rectification_due_on < ${today}::date)::int as overdue
    from legal_inspections i join orgs o on o.id = i.org_id where ${inspectionWhere} group by 1`;
  const scope = { path: org.path, start: period.start, end: period.end, child };
  const [consult, aid] = await Promise.all([consultationRows(ctx.db, scope), legalAidRows(ctx.db, scope)]);
  const [lectureTotals, lectureByChild, inspectionTotals, inspectionByChild, items] = await Promise.all([
    ctx.db.execute(lectureSql(sql`0`)).then(rowsOf),
    ctx.db.execute(lectureSql(child)).then(rowsOf),
    ctx.db.execute(inspectionSql(sql`0`)).then(rowsOf),
    ctx.db.execute(inspectionSql(child)).then(rowsOf),
    ctx.db
      .execute(sql`
        select item->>'key' as key, max(item->>'label') as label, count(*)::int as count
        from legal_inspections i join orgs o on o.id = i.org_id,
             jsonb_array_elements(i.checklist) item
        where ${inspectionWhere} and item->>'result' = 'non_compliant'
        group by 1`)
      .then(rowsOf),
  ]);
  const childIds = [...lectureByChild, ...inspectionByChild, ...consult.byOrg, ...aid.byOrg]
    .map((r) => Number(r.key))
    .filter((k) => k !== 0);
  const names = await orgNames(ctx.db, [...new Set(childIds)]);
  const orgKey = (r: Row) => {
    const id = Number(r.key);
    return {
      orgId: id === 0 ? org.id : id,
      orgName: id === 0 ? org.name : (names.get(id) ?? ''),
      own: id === 0,
    };
  };
  const order = (a: { own: boolean; orgName: string }, b: { own: boolean; orgName: string }) =>
    Number(b.own) - Number(a.own) || a.orgName.localeCompare(b.orgName, 'zh-CN');
  const defaultOrder = DefaultInspectionChecklist.map((i) => i.key as string);
  const rank = (key: string) =>
    defaultOrder.includes(key) ? defaultOrder.indexOf(key) : defaultOrder.length;
  return {
    org: { id: org.id, name: org.name },
    from: period.from,
    to: period.to,
    consultations: {
      totals: consultationFiguresOf(consult.totals[0] ?? {}),
      byField: consult.byField.map((r) => ({ field: String(r.key), ...consultationFiguresOf(r) })),
      byOrg: consult.byOrg.map((r) => ({ ...orgKey(r), ...consultationFiguresOf(r) })).sort(order),
    },
    legalAid: {
      totals: legalAidFiguresOf(aid.totals[0] ?? {}),
      byStage: aid.byStage,
      byOutcome: aid.byOutcome,
      byOrg: aid.byOrg.map((r) => ({ ...orgKey(r), ...legalAidFiguresOf(r) })).sort(order),
    },
    lectures: {
      totals: lectureFiguresOf(lectureTotals[0] ?? {}),
      byOrg: lectureByChild.map((r) => ({ ...orgKey(r), ...lectureFiguresOf(r) })).sort(order),
    },
    supervision: {
      totals: supervisionFiguresOf(inspectionTotals[0] ?? {}),
      byOrg: inspectionByChild.map((r) => ({ ...orgKey(r), ...supervisionFiguresOf(r) })).sort(order),
      nonCompliance: items
        .map((r) => ({ key: String(r.key), label: String(r.label), count: Number(r.count) }))
        .sort((a, b) => rank(a.key) - rank(b.key) || b.count - a.count),
    },
  };
}

async function orgNames(db: Db, ids: number[]) {
  if (!ids.length) return new Map<number, string>();
  const list = sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );
  const rows = rowsOf(await db.execute(sql`select id, name from orgs where id in (${list})`));
  return new Map(rows.map((r) => [Number(r.id), String(r.name)]));
}
