import { and, eq, gte, notInArray, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { preparedPerDb } from '../../db/prepared.js';
import { orgMemberRollups } from './stats.schema.js';

export interface RollupRow {
  dim: string;
  bucket: string;
  n: number;
}

const recentRollups = preparedPerDb((db) =>
  db
    .select({ dim: orgMemberRollups.dim, bucket: orgMemberRollups.bucket, n: orgMemberRollups.n })
    .from(orgMemberRollups)
    .where(
      and(
        eq(orgMemberRollups.orgId, sql.placeholder('orgId')),
        or(
          notInArray(orgMemberRollups.dim, ['joined', 'left']),
          gte(orgMemberRollups.bucket, sql.placeholder('sinceMonth')),
        ),
      ),
    )
    .prepare('org_recent_rollups'),
);

/**
 * The rollups of one org. Monthly dimensions (joined, left) are read from `sinceMonth` (YYYY-MM) on
 * only: a province root holds some thirty years of months, and only the last twelve are shown.
 */
export async function listRollups(db: Db, orgId: number, sinceMonth?: string): Promise<RollupRow[]> {
  if (sinceMonth) return recentRollups(db).execute({ orgId, sinceMonth });
  return db
    .select({ dim: orgMemberRollups.dim, bucket: orgMemberRollups.bucket, n: orgMemberRollups.n })
    .from(orgMemberRollups)
    .where(eq(orgMemberRollups.orgId, orgId));
}

/**
 * Recomputes every rollup from the members themselves, in one transaction. Used to repair or
 * check the triggers' work (a test compares the two), and after restoring an old backup.
 */
export async function recountRollups(db: Db): Promise<void> {
  await db.execute(sql`delete from org_member_rollups`);
  // Counted per union first, then added up the ancestors: a province of ten million members
  // aggregates a few million per-union rows instead of every member once per ancestor.
  await db.execute(sql`
    insert into org_member_rollups (org_id, dim, bucket, n)
    select a.id, p.dim, p.bucket, sum(p.n)::bigint
    from (
      select m.org_id, f.dim, f.bucket, count(*) as n
      from members m
      cross join lateral member_rollup_facts(m.status, m.gender, m.birth_date, m.categories, m.joined_on) as f
      group by 1, 2, 3
    ) p
    join orgs o on o.id = p.org_id
    cross join lateral unnest(string_to_array(o.path::text, '.')::bigint[]) as a(id)
    group by 1, 2, 3`);
  await db.execute(sql`
    insert into org_member_rollups (org_id, dim, bucket, n)
    select a.id, 'left', to_char(h.at at time zone 'Asia/Shanghai', 'YYYY-MM'), count(*)
    from member_status_history h
    join orgs o on o.id = h.org_id
    cross join lateral unnest(string_to_array(o.path::text, '.')::bigint[]) as a(id)
    where h.to_status in ('left', 'deceased')
    group by 1, 2, 3`);
}

/** Every rollup row, sorted, for comparing the kept figures with a recount. */
export async function snapshotRollups(db: Db): Promise<string[]> {
  const rows = await db
    .select({
      orgId: orgMemberRollups.orgId,
      dim: orgMemberRollups.dim,
      bucket: orgMemberRollups.bucket,
      n: orgMemberRollups.n,
    })
    .from(orgMemberRollups)
    .where(sql`${orgMemberRollups.n} <> 0`);
  return rows.map((r) => `${r.orgId}|${r.dim}|${r.bucket}|${r.n}`).sort();
}
