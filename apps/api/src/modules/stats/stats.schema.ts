import { bigint, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

/**
 * Member figures per org for its WHOLE subtree, kept current by statement-level triggers on
 * `members` and `member_status_history` (migration 0005), so that a province's figures are a read of
 * a few hundred rows instead of a scan of millions. Dimensions:
 *   status (every member) · gender, birth_year, category (active members) · joined (YYYY-MM) · left (YYYY-MM)
 */
export const orgMemberRollups = pgTable(
  'org_member_rollups',
  {
    orgId: bigint('org_id', { mode: 'number' }).notNull(),
    dim: text('dim').notNull(),
    bucket: text('bucket').notNull(),
    n: bigint('n', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ name: 'org_member_rollups_pkey', columns: [t.orgId, t.dim, t.bucket] })],
);
