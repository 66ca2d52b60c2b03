import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  char,
  check,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { bytea, citext } from '../../db/types.js';
import { enterprises } from '../enterprises/enterprises.schema.js';
import { orgs } from '../orgs/orgs.schema.js';

export const staffUsers = pgTable(
  'staff_users',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    orgId: bigint('org_id', { mode: 'number' })
      .notNull()
      .references(() => orgs.id),
    username: citext('username').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    roles: text('roles').array().notNull(),
    /** An enterprise recruiter's enterprise: the one whose jobs this account posts. */
    enterpriseId: bigint('enterprise_id', { mode: 'number' }).references(() => enterprises.id),
    /** TOTP secret, sealed like personal data; set during setup, active once totpEnabled. */
    totpSecret: bytea('totp_secret'),
    totpEnabled: boolean('totp_enabled').notNull().default(false),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('staff_users_username_key').on(t.username), index('staff_users_org_idx').on(t.orgId)],
);

/** A member's sign-in identity: a phone number, stored encrypted with a lookup hash. */
export const memberAccounts = pgTable(
  'member_accounts',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    phoneHash: bytea('phone_hash').notNull(),
    phoneEnc: bytea('phone_enc').notNull(),
    provinceCode: char('province_code', { length: 6 }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('member_accounts_phone_hash_key').on(t.phoneHash)],
);

/** Server-side record behind every token pair: refresh rotation and revocation. */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey(),
    subjectType: text('subject_type').notNull(),
    subjectId: bigint('subject_id', { mode: 'number' }).notNull(),
    refreshHash: bytea('refresh_hash').notNull(),
    /** The refresh token replaced by the last rotation: presenting it again means theft. */
    previousRefreshHash: bytea('previous_refresh_hash'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedReason: text('revoked_reason'),
  },
  (t) => [
    index('sessions_subject_idx').on(t.subjectType, t.subjectId),
    check('sessions_subject_type_check', sql`${t.subjectType} in ('staff','member')`),
  ],
);

/** One-time sign-in codes sent by SMS; only a keyed hash of the code is kept. */
export const otpCodes = pgTable(
  'otp_codes',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    phoneHash: bytea('phone_hash').notNull(),
    codeHash: bytea('code_hash').notNull(),
    attempts: integer('attempts').notNull().default(0),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    consumedAt: timestamp('consumed_at', { withTimezone: true }),
    ip: text('ip'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('otp_codes_phone_idx').on(t.phoneHash, t.createdAt)],
);
