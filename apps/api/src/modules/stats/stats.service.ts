import type { OrgMemberStats } from '@unionhub/contracts';
import type { StaffActor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import { getOrgInScope } from '../orgs/orgs.service.js';
import { listRollups, type RollupRow } from './stats.repository.js';

const AGE_BANDS = [
  { key: 'under25', max: 24 },
  { key: '25-34', max: 34 },
  { key: '35-44', max: 44 },
  { key: '45-54', max: 54 },
  { key: '55plus', max: Number.POSITIVE_INFINITY },
] as const;

/** YYYY-MM for this month and the eleven before it, in China's time zone. */
export function lastTwelveMonths(now: Date): string[] {
  const local = new Date(now.getTime() + 8 * 3600_000);
  const months: string[] = [];
  for (let i = 11; i >= 0; i--) {
    const d = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() - i, 1));
    months.push(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`);
  }
  return months;
}

/** Turns the kept rollup rows of one org into the figures shown; pure, so it is tested alone. */
export function summarizeRollups(rows: RollupRow[], now: Date): Omit<OrgMemberStats, 'orgId' | 'orgName'> {
  const of = (dim: string) => rows.filter((r) => r.dim === dim && r.n !== 0);
  const buckets = (dim: string) =>
    of(dim)
      .map((r) => ({ key: r.bucket, count: r.n }))
      .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  const thisYear = now.getUTCFullYear();
  const ages = AGE_BANDS.map((band) => ({ key: band.key, count: 0 }));
  for (const r of of('birth_year')) {
    const age = thisYear - Number(r.bucket);
    const i = AGE_BANDS.findIndex((band) => age <= band.max);
    ages[i]!.count += r.n;
  }
  const monthly = (dim: string) => {
    const byMonth = new Map(of(dim).map((r) => [r.bucket, r.n]));
    return lastTwelveMonths(now).map((key) => ({ key, count: byMonth.get(key) ?? 0 }));
  };
  return {
    active: of('status').find((r) => r.bucket === 'active')?.n ?? 0,
    byStatus: buckets('status'),
    byGender: buckets('gender'),
    byAgeBand: ages,
    byCategory: buckets('category'),
    joinsByMonth: monthly('joined'),
    leavesByMonth: monthly('left'),
  };
}

export async function getOrgMemberStats(
  ctx: AppContext,
  actor: StaffActor,
  orgId: number,
): Promise<OrgMemberStats> {
  const org = await getOrgInScope(ctx.db, actor, orgId);
  const now = ctx.clock.now();
  const rows = await listRollups(ctx.db, org.id, lastTwelveMonths(now)[0]);
  return { orgId: org.id, orgName: org.name, ...summarizeRollups(rows, now) };
}
