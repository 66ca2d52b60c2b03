import { sql } from 'drizzle-orm';
import { bigint, char, check, index, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { bytea } from '../../db/types.js';
import { staffUsers } from '../auth/auth.schema.js';
import { orgs } from '../orgs/orgs.schema.js';

/**
 * Lawyers and legal volunteers a union works with. The phone is personal data: an AES-GCM envelope,
 * a keyed hash and a masked form, like members'. `staff_user_id` is the account (role lawyer) they
 * sign in with to answer consultations.
 */
export const legalProviders = pgTable(
  'legal_providers',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    orgId: bigint('org_id', { mode: 'number' })
      .notNull()
      .references(() => orgs.id),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    firm: text('firm'),
    licenceNo: text('licence_no'),
    fields: text('fields').array().notNull(),
    regionCode: char('region_code', { length: 6 }).notNull(),
    languages: text('languages').array().notNull(),
    phoneHash: bytea('phone_hash').notNull(),
    phoneEnc: bytea('phone_enc').notNull(),
    phoneMasked: text('phone_masked').notNull(),
    status: text('status').notNull().default('active'),
    staffUserId: bigint('staff_user_id', { mode: 'number' }).references(() => staffUsers.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('legal_providers_licence_no_key').on(t.licenceNo),
    uniqueIndex('legal_providers_staff_user_key').on(t.staffUserId),
    index('legal_providers_org_idx').on(t.orgId, t.status),
    check('legal_providers_kind_check', sql`${t.kind} in ('lawyer','volunteer')`),
    check('legal_providers_status_check', sql`${t.status} in ('active','inactive')`),
  ],
);

/**
 * One provider on duty for one union over [starts_at, ends_at). `fields` empty = every field. A
 * provider is never on two slots at once, in any union (checked under a lock on the provider).
 */
export const legalDutySlots = pgTable(
  'legal_duty_slots',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    orgId: bigint('org_id', { mode: 'number' })
      .notNull()
      .references(() => orgs.id),
    providerId: bigint('provider_id', { mode: 'number' })
      .notNull()
      .references(() => legalProviders.id),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    fields: text('fields').array().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('legal_duty_slots_org_time_idx').on(t.orgId, t.startsAt),
    index('legal_duty_slots_provider_time_idx').on(t.providerId, t.startsAt),
    check('legal_duty_slots_interval_check', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);
