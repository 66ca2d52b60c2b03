import type { ReviewLevel } from '@unionhub/contracts';
import { sql } from 'drizzle-orm';
import {
  bigint,
  char,
  check,
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
import { memberAccounts } from '../auth/auth.schema.js';
import { hardshipFiles } from '../hardship/hardship.schema.js';
import { members } from '../members/members.schema.js';
import { orgs } from '../orgs/orgs.schema.js';

/** One level of review on an application's path: the level and the union that reviews there. */
export interface ReviewStepRow {
  level: ReviewLevel;
  orgId: number;
}

/**
 * 困难帮扶 applications. `steps` is the review path fixed when filed (from the kind's configuration
 * and the amount); `step_index` is the level reviewing now. `due_at` is that level's deadline.
 */
export const assistanceApplications = pgTable(
  'assistance_applications',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    provinceCode: char('province_code', { length: 6 }).notNull(),
    fileId: bigint('file_id', { mode: 'number' })
      .notNull()
      .references(() => hardshipFiles.id),
    memberId: bigint('member_id', { mode: 'number' })
      .notNull()
      .references(() => members.id),
    accountId: bigint('account_id', { mode: 'number' }).references(() => memberAccounts.id),
    /** The member's grassroots union (scope). */
    orgId: bigint('org_id', { mode: 'number' })
      .notNull()
      .references(() => orgs.id),
    kind: text('kind').notNull(),
    year: smallint('year').notNull(),
    state: text('state').notNull(),
    amountRequestedFen: integer('amount_requested_fen').notNull(),
    amountApprovedFen: integer('amount_approved_fen'),
    reason: text('reason').notNull(),
    steps: jsonb('steps').$type<ReviewStepRow[]>().notNull(),
    stepIndex: smallint('step_index').notNull().default(0),
    currentOrgId: bigint('current_org_id', { mode: 'number' }).references(() => orgs.id),
    payingOrgId: bigint('paying_org_id', { mode: 'number' }).references(() => orgs.id),
    noticeDays: smallint('notice_days').notNull().default(0),
    noticeUntil: timestamp('notice_until', { withTimezone: true }),
    bankName: text('bank_name').notNull(),
    bankAccountEnc: bytea('bank_account_enc').notNull(),
    bankAccountMasked: text('bank_account_masked').notNull(),
    batchId: bigint('batch_id', { mode: 'number' }),
    failReason: text('fail_reason'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    levelStartedAt: timestamp('level_started_at', { withTimezone: true }),
    dueAt: timestamp('due_at', { withTimezone: true }),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('assistance_current_org_idx').on(t.currentOrgId, t.state, t.dueAt),
    index('assistance_org_idx').on(t.orgId, t.state),
    index('assistance_paying_idx').on(t.payingOrgId, t.state),
    index('assistance_file_year_idx').on(t.fileId, t.kind, t.year),
    index('assistance_account_idx').on(t.accountId, t.id),
    index('assistance_batch_idx').on(t.batchId),
    check(
      'assistance_state_check',
      sql`${t.state} in ('reviewing','returned','approved','rejected','withdrawn','in_batch','paid','failed')`,
    ),
    check('assistance_kind_check', sql`${t.kind} in ('daily_living','medical','education','emergency')`),
  ],
);

/** Every step: filing, each level's decision, resubmission, payment. Never changed afterwards. */
export const assistanceEvents = pgTable(
  'assistance_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    applicationId: bigint('application_id', { mode: 'number' })
      .notNull()
      .references(() => assistanceApplications.id),
    action: text('action').notNull(),
    level: text('level'),
    orgId: bigint('org_id', { mode: 'number' }).references(() => orgs.id),
    actorType: text('actor_type').notNull(),
    actorId: bigint('actor_id', { mode: 'number' }),
    actorName: text('actor_name').notNull(),
    amountFen: integer('amount_fen'),
    comment: text('comment'),
    /** For review decisions: minutes the level took, from its start to the decision. */
    reviewMinutes: integer('review_minutes'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('assistance_events_app_idx').on(t.applicationId, t.id)],
);

/**
 * Per kind and union subtree: which levels review (a level with `aboveFen` only when the amount
 * is above it), the yearly limit per household, the public notice days and the paying level. The
 * deepest configuration on the member's path applies.
 */
export interface ReviewLevelConfig {
  level: ReviewLevel;
  aboveFen?: number;
}
export const assistanceConfigs = pgTable(
  'assistance_configs',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    orgId: bigint('org_id', { mode: 'number' })
      .notNull()
      .references(() => orgs.id),
    kind: text('kind').notNull(),
    levels: jsonb('levels').$type<ReviewLevelConfig[]>().notNull(),
    yearlyLimitFen: integer('yearly_limit_fen').notNull(),
    noticeDays: smallint('notice_days').notNull().default(0),
    /** The level whose union pays; null = the last approving level. */
    payingLevel: text('paying_level'),
    reviewDays: smallint('review_days').notNull().default(5),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('assistance_configs_org_kind_key').on(t.orgId, t.kind)],
);

/** Each union's budget per year and kind. */
export const assistanceBudgets = pgTable(
  'assistance_budgets',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    orgId: bigint('org_id', { mode: 'number' })
      .notNull()
      .references(() => orgs.id),
    year: smallint('year').notNull(),
    kind: text('kind').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('assistance_budgets_key').on(t.orgId, t.year, t.kind)],
);

/** The ledger: allocations (a budget set or changed) and payments, per union. Append-only. */
export const assistanceLedger = pgTable(
  'assistance_ledger',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    orgId: bigint('org_id', { mode: 'number' })
      .notNull()
      .references(() => orgs.id),
    year: smallint('year').notNull(),
    kind: text('kind').notNull(),
    entry: text('entry').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    balanceFen: bigint('balance_fen', { mode: 'number' }),
    applicationId: bigint('application_id', { mode: 'number' }).references(() => assistanceApplications.id),
    batchId: bigint('batch_id', { mode: 'number' }),
    note: text('note'),
    actorName: text('actor_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('assistance_ledger_org_idx').on(t.orgId, t.year, t.id),
    check('assistance_ledger_entry_check', sql`${t.entry} in ('allocation','payment')`),
  ],
);

/** 发放批次: one union pays a set of approved applications through its bank. */
export const assistanceBatches = pgTable(
  'assistance_batches',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    orgId: bigint('org_id', { mode: 'number' })
      .notNull()
      .references(() => orgs.id),
    state: text('state').notNull(),
    totalFen: bigint('total_fen', { mode: 'number' }).notNull(),
    count: integer('count').notNull(),
    createdBy: text('created_by').notNull(),
    exportedAt: timestamp('exported_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('assistance_batches_org_idx').on(t.orgId, t.id),
    check('assistance_batches_state_check', sql`${t.state} in ('open','exported','done')`),
  ],
);
