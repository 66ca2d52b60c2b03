import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * An uploaded file: kept in the file store under a generated key, typed by its content. It belongs
 * to its uploader until a record (a service request, a step of one, a message) claims it; unclaimed
 * files are removed after a day.
 */
export const attachments = pgTable(
  'attachments',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    storageKey: text('storage_key').notNull(),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    kind: text('kind').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    uploaderType: text('uploader_type').notNull(),
    uploaderId: bigint('uploader_id', { mode: 'number' }).notNull(),
    ownerType: text('owner_type'),
    ownerId: bigint('owner_id', { mode: 'number' }),
    /** Which of the owner's slots it fills, e.g. the service's attachment requirement key. */
    slot: text('slot'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('attachments_owner_idx').on(t.ownerType, t.ownerId),
    index('attachments_unclaimed_idx').on(t.createdAt).where(sql`owner_type is null`),
    check('attachments_kind_check', sql`${t.kind} in ('image','pdf','office')`),
  ],
);
