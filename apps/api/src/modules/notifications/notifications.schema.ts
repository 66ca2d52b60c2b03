import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';

/**
 * The in-app inbox of members (recipient_type 'member', a member account) and staff ('staff', a
 * staff user). Written in the same transaction as the change it reports.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    recipientType: text('recipient_type').notNull(),
    recipientId: bigint('recipient_id', { mode: 'number' }).notNull(),
    topic: text('topic').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    link: text('link'),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('notifications_recipient_idx').on(t.recipientType, t.recipientId, t.id),
    index('notifications_unread_idx').on(t.recipientType, t.recipientId).where(sql`read_at is null`),
    check('notifications_recipient_type_check', sql`${t.recipientType} in ('member','staff')`),
  ],
);

/**
 * The outbox: one row per notification and outside channel (SMS, e-mail), delivered by a background
 * worker with retries and backoff. The address is resolved when sending, so no personal data is
 * copied here. `sending` rows carry a lease (`locked_until`): a worker that dies mid-send leaves
 * them to be picked up again once the lease runs out.
 */
export const notificationDeliveries = pgTable(
  'notification_deliveries',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    notificationId: bigint('notification_id', { mode: 'number' })
      .notNull()
      .references(() => notifications.id),
    channel: text('channel').notNull(),
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastError: text('last_error'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('notification_deliveries_due_idx').on(t.nextAttemptAt).where(sql`status in ('pending','sending')`),
    index('notification_deliveries_notification_idx').on(t.notificationId),
    check('notification_deliveries_channel_check', sql`${t.channel} in ('sms','email')`),
    check(
      'notification_deliveries_status_check',
      sql`${t.status} in ('pending','sending','sent','failed','skipped')`,
    ),
  ],
);

/** A user's choice per topic and channel; no row means the default for their kind of account. */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    recipientType: text('recipient_type').notNull(),
    recipientId: bigint('recipient_id', { mode: 'number' }).notNull(),
    topic: text('topic').notNull(),
    channel: text('channel').notNull(),
    enabled: boolean('enabled').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.recipientType, t.recipientId, t.topic, t.channel] })],
);

/**
 * Where the outside channels reach a user besides the sign-in identity: a staff user's work e-mail.
 * (A member's text messages go to the phone of their account.)
 */
export const notificationContacts = pgTable(
  'notification_contacts',
  {
    recipientType: text('recipient_type').notNull(),
    recipientId: bigint('recipient_id', { mode: 'number' }).notNull(),
    email: text('email'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.recipientType, t.recipientId] })],
);
