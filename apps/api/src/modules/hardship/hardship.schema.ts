import type { TierRule } from '@unionhub/contracts';
import { sql } from 'drizzle-orm';
import {
  bigint,
  char,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { bytea } from '../../db/types.js';
import { members } from '../members/members.schema.js';
import { orgs } from '../orgs/orgs.schema.js';

/**
 * 困难职工档案: one file per household, attached to a member. The tier is computed from the tier
 * rules (data) when the file is written or re-checked. A closed file is watched for a year.
 */
export const hardshipFiles = pgTable(
  'hardship_files',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    provinceCode: char('province_code', { length: 6 }).notNull(),
    memberId: bigint('member_id', { mode: 'number' })
      .notNull()
      .references(() => members.id),
    /** The keeping union: the member's grassroots union or one above it. */
    orgId: bigint('org_id', { mode: 'number' })
      .notNull()
      .references(() => orgs.id),
    state: text('state').notNull(),
    tier: text('tier'),
    causes: text('causes').array().notNull(),
    incomePerPersonFen: integer('income_per_person_fen').notNull(),
    householdSize: smallint('household_size').notNull(),
    note: text('note'),
    lastCheckedOn: date('last_checked_on', { mode: 'string' }),
    recheckDueOn: date('recheck_due_on', { mode: 'string' }),
    /** The China day the keeping union was last reminded of this file's re-check (once a day). */
    recheckRemindedOn: date('recheck_reminded_on', { mode: 'string' }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedReason: text('closed_reason'),
    watchUntil: date('watch_until', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    /** One file per member that is not closed (a draft from an application or an open file). */
    uniqueIndex('hardship_files_member_live_key').on(t.memberId).where(sql`state <> 'closed'`),
    index('hardship_files_org_idx').on(t.orgId, t.state),
    index('hardship_files_recheck_idx').on(t.recheckDueOn).where(sql`state = 'open'`),
    check('hardship_files_state_check', sql`${t.state} in ('draft','open','closed')`),
    check('hardship_files_tier_check', sql`${t.tier} in ('deep','relative','at_risk')`),
  ],
);

/** The people of the household; ID numbers kept like members' (sealed, keyed hash, masked). */
export const hardshipHouseholdMembers = pgTable(
  'hardship_household_members',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    fileId: bigint('file_id', { mode: 'number' })
      .notNull()
      .references(() => hardshipFiles.id),
    position: smallint('position').notNull(),
    name: text('name').notNull(),
    relationship: text('relationship').notNull(),
    idHash: bytea('id_hash').notNull(),
    idEnc: bytea('id_enc').notNull(),
    idMasked: text('id_masked').notNull(),
    health: text('health').notNull(),
    jobStatus: text('job_status').notNull(),
  },
  (t) => [
    index('hardship_household_file_idx').on(t.fileId, t.position),
    index('hardship_household_id_hash_idx').on(t.idHash),
  ],
);

/** Yearly re-checks: what was found, the tier that followed; never changed afterwards. */
export const hardshipRechecks = pgTable(
  'hardship_rechecks',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    fileId: bigint('file_id', { mode: 'number' })
      .notNull()
      .references(() => hardshipFiles.id),
    checkedOn: date('checked_on', { mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }),
    incomePerPersonFen: integer('income_per_person_fen').notNull(),
    tier: text('tier'),
    note: text('note').notNull(),
    actorId: bigint('actor_id', { mode: 'number' }),
    actorName: text('actor_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('hardship_rechecks_file_idx').on(t.fileId, t.id)],
);

/**
 * 困难认定标准: the rules that set a file's tier, per region code prefix ("41" = the province
 * default, "4101" = a city). The longest prefix of the keeping union's region wins.
 */
export const hardshipTierRules = pgTable('hardship_tier_rules', {
  regionPrefix: text('region_prefix').primaryKey(),
  rules: jsonb('rules').$type<TierRule[]>().notNull(),
  updatedBy: text('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
