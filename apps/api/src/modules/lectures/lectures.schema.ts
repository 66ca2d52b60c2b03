import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { memberAccounts } from '../auth/auth.schema.js';
import { members } from '../members/members.schema.js';
import { orgs } from '../orgs/orgs.schema.js';

/**
 * 法律大讲堂: a lecture a union holds for its subtree's members. `seats_taken` counts the live
 * registrations and walk-ins; it changes only with the lecture row locked, so the capacity holds when
 * members register at the same moment.
 */
export const lectures = pgTable(
  'lectures',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    orgId: bigint('org_id', { mode: 'number' })
      .notNull()
      .references(() => orgs.id),
    title: text('title').notNull(),
    topic: text('topic').notNull(),
    fields: text('fields').array().notNull(),
    speakerName: text('speaker_name').notNull(),
    speakerTitle: text('speaker_title'),
    mode: text('mode').notNull(),
    place: text('place'),
    address: text('address'),
    onlineUrl: text('online_url'),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    capacity: integer('capacity').notNull(),
    registrationDeadline: timestamp('registration_deadline', { withTimezone: true }).notNull(),
    status: text('status').notNull().default('draft'),
    cancelReason: text('cancel_reason'),
    seatsTaken: integer('seats_taken').notNull().default(0),
    attended: integer('attended').notNull().default(0),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('lectures_org_starts_idx').on(t.orgId, t.startsAt),
    check('lectures_status_check', sql`${t.status} in ('draft','published','cancelled','finished')`),
    check('lectures_mode_check', sql`${t.mode} in ('onsite','online')`),
    check('lectures_seats_check', sql`${t.seatsTaken} >= 0 and ${t.seatsTaken} <= ${t.capacity}`),
    check('lectures_time_check', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

/** A member's seat at a lecture: registered beforehand, or a walk-in who checked in at the door. */
export const lectureRegistrations = pgTable(
  'lecture_registrations',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    lectureId: bigint('lecture_id', { mode: 'number' })
      .notNull()
      .references(() => lectures.id),
    memberId: bigint('member_id', { mode: 'number' })
      .notNull()
      .references(() => members.id),
    accountId: bigint('account_id', { mode: 'number' })
      .notNull()
      .references(() => memberAccounts.id),
    /** The member's union when they registered, for the counts per union. */
    orgId: bigint('org_id', { mode: 'number' })
      .notNull()
      .references(() => orgs.id),
    status: text('status').notNull(),
    walkIn: boolean('walk_in').notNull().default(false),
    registeredAt: timestamp('registered_at', { withTimezone: true }).notNull(),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    attendedAt: timestamp('attended_at', { withTimezone: true }),
    checkinMethod: text('checkin_method'),
    checkedInBy: bigint('checked_in_by', { mode: 'number' }),
  },
  (t) => [
    uniqueIndex('lecture_registrations_member_key').on(t.lectureId, t.memberId),
    index('lecture_registrations_account_idx').on(t.accountId),
    check('lecture_registrations_status_check', sql`${t.status} in ('registered','cancelled')`),
    check('lecture_registrations_method_check', sql`${t.checkinMethod} in ('qr','manual')`),
  ],
);
