import { sql } from 'drizzle-orm';
import { bigint, char, check, date, index, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { bytea } from '../../db/types.js';
import { memberAccounts } from '../auth/auth.schema.js';
import { members } from '../members/members.schema.js';
import { orgs } from '../orgs/orgs.schema.js';

/**
 * 我要入会: a worker's application to a grassroots union, made from a member account. The ID number
 * and phone are kept as in the registry (envelope, keyed hash, masked form) until acceptance turns
 * the application into a member.
 */
export const joinApplications = pgTable(
  'join_applications',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    provinceCode: char('province_code', { length: 6 }).notNull(),
    accountId: bigint('account_id', { mode: 'number' })
      .notNull()
      .references(() => memberAccounts.id),
    orgId: bigint('org_id', { mode: 'number' })
      .notNull()
      .references(() => orgs.id),
    name: text('name').notNull(),
    idHash: bytea('id_hash').notNull(),
    idEnc: bytea('id_enc').notNull(),
    idMasked: text('id_masked').notNull(),
    phoneEnc: bytea('phone_enc').notNull(),
    phoneMasked: text('phone_masked').notNull(),
    employerName: text('employer_name'),
    employerCreditCode: text('employer_credit_code'),
    status: text('status').notNull().default('pending'),
    /** The day by which the union contacts the applicant (15 working days after submission). */
    contactDeadline: date('contact_deadline', { mode: 'string' }).notNull(),
    decisionReason: text('decision_reason'),
    decidedBy: bigint('decided_by', { mode: 'number' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    memberId: bigint('member_id', { mode: 'number' }).references(() => members.id),
    /** The client's Idempotency-Key: a retried submission returns this row instead of a second one. */
    idempotencyKey: text('idempotency_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('join_applications_idempotency_key').on(t.accountId, t.idempotencyKey),
    /** One open application per account. */
    uniqueIndex('join_applications_one_pending_key').on(t.accountId).where(sql`status = 'pending'`),
    index('join_applications_org_status_idx').on(t.orgId, t.status, t.createdAt),
    check('join_applications_status_check', sql`${t.status} in ('pending','accepted','rejected')`),
  ],
);
