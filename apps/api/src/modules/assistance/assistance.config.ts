import type { AssistanceKind, ReviewLevel } from '@unionhub/contracts';
import type { Db } from '../../db/client.js';
import type { OrgRow } from '../orgs/index.js';
import { type ConfigRow, listConfigsOf } from './assistance.repository.js';
import type { ReviewLevelConfig, ReviewStepRow } from './assistance.schema.js';

export interface KindConfig {
  levels: ReviewLevelConfig[];
  yearlyLimitFen: number;
  noticeDays: number;
  payingLevel: ReviewLevel | null;
  reviewDays: number;
}

/**
 * The defaults a union gets until it writes its own (assistance_configs rows): grassroots then
 * county; medical and emergency aid above 5,000 元 also go to the city; 金秋助学 is published for
 * five days before payment.
 */
export const DEFAULT_CONFIGS: Record<AssistanceKind, KindConfig> = {
  daily_living: {
    levels: [{ level: 'grassroots' }, { level: 'county' }],
    yearlyLimitFen: 500_000,
    noticeDays: 0,
    payingLevel: null,
    reviewDays: 5,
  },
  medical: {
    levels: [{ level: 'grassroots' }, { level: 'county' }, { level: 'city', aboveFen: 500_000 }],
    yearlyLimitFen: 2_000_000,
    noticeDays: 0,
    payingLevel: null,
    reviewDays: 5,
  },
  education: {
    levels: [{ level: 'grassroots' }, { level: 'county' }],
    yearlyLimitFen: 500_000,
    noticeDays: 5,
    payingLevel: 'county',
    reviewDays: 5,
  },
  emergency: {
    levels: [{ level: 'grassroots' }, { level: 'county' }, { level: 'city', aboveFen: 500_000 }],
    yearlyLimitFen: 1_000_000,
    noticeDays: 0,
    payingLevel: null,
    reviewDays: 2,
  },
};

/** The configuration row that applies on a path: the deepest union on it that wrote one. */
export function deepestOn<R extends { orgId: number }>(rows: R[], path: OrgRow[]): R | undefined {
  const depth = new Map(path.map((o, i) => [o.id, i]));
  return rows.filter((r) => depth.has(r.orgId)).sort((a, b) => depth.get(b.orgId)! - depth.get(a.orgId)!)[0];
}

export const configOfRow = (row: ConfigRow): KindConfig => ({
  levels: row.levels,
  yearlyLimitFen: row.yearlyLimitFen,
  noticeDays: row.noticeDays,
  payingLevel: (row.payingLevel as ReviewLevel | null) ?? null,
  reviewDays: row.reviewDays,
});

/** The configuration of the kind for a member: the deepest union on their path that wrote one. */
export async function configFor(db: Db, path: OrgRow[], kind: AssistanceKind): Promise<KindConfig> {
  const rows = await listConfigsOf(
    db,
    path.map((o) => o.id),
    kind,
  );
  const row = deepestOn(rows, path);
  return row ? configOfRow(row) : DEFAULT_CONFIGS[kind];
}

/**
 * The review path for an amount: each configured level (those with a threshold only above it) at
 * the member's union on that level; a level missing on the path is skipped. The member's own
 * union is the grassroots level.
 */
export function reviewSteps(config: KindConfig, path: OrgRow[], amountFen: number): ReviewStepRow[] {
  const steps: ReviewStepRow[] = [];
  for (const l of config.levels) {
    if (l.aboveFen !== undefined && amountFen <= l.aboveFen) continue;
    const org = l.level === 'grassroots' ? path.at(-1) : path.find((o) => o.level === l.level);
    if (org && org.status === 'active' && !steps.some((s) => s.orgId === org.id))
      steps.push({ level: l.level, orgId: org.id });
  }
  if (!steps.length) steps.push({ level: 'grassroots', orgId: path.at(-1)!.id });
  return steps;
}

/** The union that pays: the configured level's union when it is on the path, else the last reviewer. */
export function payingOrgOf(config: KindConfig, path: OrgRow[], steps: ReviewStepRow[]): number {
  const configured = config.payingLevel ? path.find((o) => o.level === config.payingLevel) : undefined;
  return configured?.id ?? steps.at(-1)!.orgId;
}
