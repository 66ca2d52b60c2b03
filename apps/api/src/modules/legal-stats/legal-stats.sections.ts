import type { ConsultationFigures, LegalAidFigures } from '@unionhub/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';

type Row = Record<string, unknown>;
const rowsOf = (result: unknown) => (result as { rows: Row[] }).rows;
const share = (n: number, of: number) => (of > 0 ? Math.round((n / of) * 1000) / 1000 : null);
const round1 = (v: unknown) => (v === null || v === undefined ? null : Math.round(Number(v) * 10) / 10);

export interface Scope {
  path: string;
  start: Date;
  end: Date;
  /** The key a row is grouped by: 0 for the union's own, else the id of the union below. */
  child: SQL;
}

export function consultationFiguresOf(r: Row): ConsultationFigures {
  const rated = Number(r.rated ?? 0);
  return {
    asked: Number(r.asked ?? 0),
    answered: Number(r.answered ?? 0),
    answerMinutesMedian: round1(r.median),
    answerMinutesP90: round1(r.p90),
    rated,
    satisfaction: share(Number(r.satisfied ?? 0), rated),
    ratingMean: rated > 0 ? round1(r.mean) : null,
    timedOut: Number(r.timed_out ?? 0),
  };
}

export function legalAidFiguresOf(r: Row): LegalAidFigures {
  return {
    cases: Number(r.cases ?? 0),
    open: Number(r.open ?? 0),
    closed: Number(r.closed ?? 0),
    amountClaimedFen: Number(r.claimed ?? 0),
    amountRecoveredFen: Number(r.recovered ?? 0),
  };
}

/**
 * Consultations asked in the period by members of the subtree (counted at the member's union):
 * total, by field and by union below. Answer time runs from asking to the first answer.
 */
export async function consultationRows(db: Db, s: Scope) {
  const where = sql`o.path <@ ${s.path}::ltree and c.asked_at >= ${s.start} and c.asked_at < ${s.end}`;
  const q = (key: SQL) => sql`
    select ${key} as key, count(*)::int as asked,
      count(c.first_answered_at)::int as answered,
      percentile_cont(0.5) within group (order by extract(epoch from c.first_answered_at - c.asked_at) / 60)
        filter (where c.first_answered_at is not null) as median,
      percentile_cont(0.9) within group (order by extract(epoch from c.first_answered_at - c.asked_at) / 60)
        filter (where c.first_answered_at is not null) as p90,
      count(c.rating)::int as rated,
      count(*) filter (where c.rating >= 4)::int as satisfied,
      avg(c.rating) as mean,
      coalesce(sum((select count(*) from consultation_events e where e.consultation_id = c.id and e.action = 'timeout')), 0)::int as timed_out
    from consultations c join orgs o on o.id = c.member_org_id where ${where} group by 1`;
  const [totals, byField, byOrg] = await Promise.all([
    db.execute(q(sql`0`)).then(rowsOf),
    db.execute(q(sql`c.field`)).then(rowsOf),
    db.execute(q(s.child)).then(rowsOf),
  ]);
  return { totals, byField, byOrg };
}

/**
 * Legal-aid requests filed in the period and handled in the subtree (a request without a case yet
 * is unassigned): total, by stage, by outcome and by union below, with the amounts in fen.
 */
export async function legalAidRows(db: Db, s: Scope) {
  const from = sql`service_requests r join orgs o on o.id = r.org_id
    left join legal_aid_cases a on a.request_id = r.id
    where r.request_type = 'legal_aid' and r.state not in ('rejected','withdrawn')
      and o.path <@ ${s.path}::ltree and r.submitted_at >= ${s.start} and r.submitted_at < ${s.end}`;
  const q = (key: SQL) => sql`
    select ${key} as key, count(*)::int as cases,
      count(*) filter (where a.outcome is null)::int as open,
      count(a.outcome)::int as closed,
      coalesce(sum(a.amount_claimed_fen), 0)::bigint as claimed,
      coalesce(sum(a.amount_recovered_fen), 0)::bigint as recovered
    from ${from} group by 1`;
  const [totals, byOrg, byStage, byOutcome] = await Promise.all([
    db.execute(q(sql`0`)).then(rowsOf),
    db.execute(q(s.child)).then(rowsOf),
    db
      .execute(
        sql`select coalesce(a.stage, 'unassigned') as stage, count(*)::int as count from ${from} group by 1`,
      )
      .then(rowsOf),
    db
      .execute(
        sql`select a.outcome as outcome, count(*)::int as count from ${from} and a.outcome is not null group by 1`,
      )
      .then(rowsOf),
  ]);
  return {
    totals,
    byOrg,
    byStage: byStage.map((r) => ({ stage: String(r.stage), count: Number(r.count) })),
    byOutcome: byOutcome.map((r) => ({ outcome: String(r.outcome), count: Number(r.count) })),
  };
}
