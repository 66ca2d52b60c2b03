import { sql } from 'drizzle-orm';
import { bigint, char, check, index, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { members } from '../members/members.schema.js';
import { orgs } from '../orgs/orgs.schema.js';

/** 会员关系转接: moving a membership from one grassroots union to another, approved by both. */
export const transfers = pgTable(
  'transfers',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    provinceCode: char('province_code', { length: 6 }).notNull(),
    memberId: bigint('member_id', { mode: 'number' })
      .notNull()
      .references(() => members.id),
    fromOrgId: bigint('from_org_id', { mode: 'number' })
      .notNull()
      .references(() => orgs.id),
    toOrgId: bigint('to_org_id', { mode: 'number' })
      .notNull()
      .references(() => orgs.id),
    reason: text('reason').notNull(),
    status: text('status').notNull().default('pending_origin'),
    startedByType: text('started_by_type').notNull(),
    startedById: bigint('started_by_id', { mode: 'number' }).notNull(),
    /** Set when the transfer reaches the destination union, which sees it only from then on. */
    reachedDestinationAt: timestamp('reached_destination_at', { withTimezone: true }),
    /** Thirty days after the start: the scheduled job completes a transfer nobody rejected by then. */
    autoAcceptAt: timestamp('auto_accept_at', { withTimezone: true }).notNull(),
    decisionReason: text('decision_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    /** One open transfer per member. */
    uniqueIndex('transfers_one_open_key')
      .on(t.memberId)
      .where(sql`status in ('pending_origin','pending_destination')`),
    index('transfers_from_org_idx').on(t.fromOrgId, t.status),
    index('transfers_to_org_idx').on(t.toOrgId, t.status),
    index('transfers_auto_accept_idx')
      .on(t.autoAcceptAt)
      .where(sql`status in ('pending_origin','pending_destination')`),
    check(
      'transfers_status_check',
      sql`${t.status} in ('pending_origin','pending_destination','completed','rejected','cancelled')`,
    ),
    check('transfers_started_by_check', sql`${t.startedByType} in ('staff','member')`),
  ],
);

/** Every step of a transfer, written with the step; never updated. */
export const transferHistory = pgTable(
  'transfer_history',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    transferId: bigint('transfer_id', { mode: 'number' })
      .notNull()
      .references(() => transfers.id),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    actorType: text('actor_type').notNull(),
    actorId: bigint('actor_id', { mode: 'number' }),
    actorName: text('actor_name'),
    reason: text('reason'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('transfer_history_transfer_idx').on(t.transferId, t.at)],
);
