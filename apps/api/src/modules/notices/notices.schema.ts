import { bigint, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { memberAccounts } from '../auth/auth.schema.js';

/**
 * The member app's inbox: a short Chinese text per event (a decided application, a transfer).
 * Written in the same transaction as the event; delivery by SMS or push comes with the
 * notification system.
 */
export const memberNotices = pgTable(
  'member_notices',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    accountId: bigint('account_id', { mode: 'number' })
      .notNull()
      .references(() => memberAccounts.id),
    kind: text('kind').notNull(),
    text: text('text').notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('member_notices_account_idx').on(t.accountId, t.createdAt)],
);
