import { and, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  notificationContacts,
  notificationDeliveries,
  notificationPreferences,
  notifications,
} from './notifications.schema.js';

export type NotificationRow = typeof notifications.$inferSelect;
export type RecipientType = 'member' | 'staff';
export interface Recipient {
  type: RecipientType;
  id: number;
}

/**
 * One notice in each recipient's inbox and its deliveries on the channels they get — their own
 * choice for the topic, else the default of their kind — in one statement.
 */
export async function insertNotificationsWithDeliveries(
  db: Db,
  recipients: Recipient[],
  notice: { topic: string; kind: string; title: string; body: string; link: string | null },
  defaults: { type: RecipientType; channel: string; enabled: boolean }[],
  at: Date,
): Promise<void> {
  const when = at.toISOString();
  await db.execute(sql`
    with n as (
      insert into notifications (recipient_type, recipient_id, topic, kind, title, body, link, created_at)
      select r.type, r.id, ${notice.topic}, ${notice.kind}, ${notice.title}, ${notice.body}, ${notice.link},
        ${when}::timestamptz
      from jsonb_to_recordset(${JSON.stringify(recipients)}::jsonb) as r(type text, id bigint)
      returning id, recipient_type, recipient_id
    )
    insert into notification_deliveries (notification_id, channel, next_attempt_at, created_at)
    select n.id, d.channel, ${when}::timestamptz, ${when}::timestamptz
    from n
    join jsonb_to_recordset(${JSON.stringify(defaults)}::jsonb) as d(type text, channel text, enabled boolean)
      on d.type = n.recipient_type
    left join notification_preferences p on p.recipient_type = n.recipient_type
      and p.recipient_id = n.recipient_id and p.topic = ${notice.topic} and p.channel = d.channel
    where coalesce(p.enabled, d.enabled)
    order by n.id, d.channel`);
}

export async function listPreferencesOf(db: Db, recipients: Recipient[]) {
  if (!recipients.length) return [];
  const byType = (type: RecipientType) => recipients.filter((r) => r.type === type).map((r) => r.id);
  const conditions = (['member', 'staff'] as const)
    .filter((type) => byType(type).length)
    .map((type) =>
      and(
        eq(notificationPreferences.recipientType, type),
        inArray(notificationPreferences.recipientId, byType(type)),
      ),
    );
  return db
    .select()
    .from(notificationPreferences)
    .where(
      conditions.length === 1
        ? conditions[0]
        : sql.join(
            conditions.map((c) => sql`(${c})`),
            sql` or `,
          ),
    );
}

export async function upsertPreferences(
  db: Db,
  recipient: Recipient,
  items: { topic: string; channel: string; enabled: boolean }[],
  at: Date,
): Promise<void> {
  if (!items.length) return;
  await db
    .insert(notificationPreferences)
    .values(
      items.map((i) => ({ recipientType: recipient.type, recipientId: recipient.id, ...i, updatedAt: at })),
    )
    .onConflictDoUpdate({
      target: [
        notificationPreferences.recipientType,
        notificationPreferences.recipientId,
        notificationPreferences.topic,
        notificationPreferences.channel,
      ],
      set: { enabled: sql`excluded.enabled`, updatedAt: at },
    });
}

export async function findContact(db: Db, recipient: Recipient) {
  const [row] = await db
    .select()
    .from(notificationContacts)
    .where(
      and(
        eq(notificationContacts.recipientType, recipient.type),
        eq(notificationContacts.recipientId, recipient.id),
      ),
    );
  return row ?? null;
}

export async function listEmailsOf(db: Db, type: RecipientType, ids: number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: notificationContacts.recipientId, email: notificationContacts.email })
    .from(notificationContacts)
    .where(and(eq(notificationContacts.recipientType, type), inArray(notificationContacts.recipientId, ids)));
  return new Map(rows.filter((r) => r.email).map((r) => [r.id, r.email!]));
}

export async function setContactEmail(db: Db, recipient: Recipient, email: string | null, at: Date) {
  await db
    .insert(notificationContacts)
    .values({ recipientType: recipient.type, recipientId: recipient.id, email, updatedAt: at })
    .onConflictDoUpdate({
      target: [notificationContacts.recipientType, notificationContacts.recipientId],
      set: { email, updatedAt: at },
    });
}

const ofRecipient = (recipient: Recipient) =>
  and(eq(notifications.recipientType, recipient.type), eq(notifications.recipientId, recipient.id));

export async function listNotificationsOf(
  db: Db,
  recipient: Recipient,
  opts: { unreadOnly: boolean; limit: number; offset: number },
) {
  const where = opts.unreadOnly
    ? and(ofRecipient(recipient), isNull(notifications.readAt))
    : ofRecipient(recipient);
  const [items, [total], [unread]] = await Promise.all([
    db
      .select()
      .from(notifications)
      .where(where)
      .orderBy(desc(notifications.id))
      .limit(opts.limit)
      .offset(opts.offset),
    db.select({ n: count() }).from(notifications).where(where),
    db
      .select({ n: count() })
      .from(notifications)
      .where(and(ofRecipient(recipient), isNull(notifications.readAt))),
  ]);
  return { items, total: total?.n ?? 0, unread: unread?.n ?? 0 };
}

/** Marks the recipient's notifications read (all, or the given ones); returns how many changed. */
export async function markRead(db: Db, recipient: Recipient, at: Date, ids?: number[]): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: at })
    .where(
      and(
        ofRecipient(recipient),
        isNull(notifications.readAt),
        ids ? inArray(notifications.id, ids) : undefined,
      ),
    )
    .returning({ id: notifications.id });
  return rows.length;
}

export async function findNotificationOf(db: Db, recipient: Recipient, id: number) {
  const [row] = await db
    .select()
    .from(notifications)
    .where(and(ofRecipient(recipient), eq(notifications.id, id)));
  return row ?? null;
}

export interface ClaimedDelivery {
  id: number;
  channel: 'sms' | 'email';
  attempts: number;
  recipientType: RecipientType;
  recipientId: number;
  title: string;
  body: string;
}

/**
 * Takes up to `limit` deliveries that are due (or whose sender's lease ran out) and leases them to
 * this worker. `FOR UPDATE SKIP LOCKED` lets several API processes run the worker side by side
 * without two of them taking the same row.
 */
export async function claimDueDeliveries(db: Db, now: Date, leaseMs: number, limit: number) {
  const leaseUntil = new Date(now.getTime() + leaseMs);
  const result = await db.execute(sql`
    with due as (
      select id from notification_deliveries
      where (status = 'pending' and next_attempt_at <= ${now})
         or (status = 'sending' and locked_until < ${now})
      order by next_attempt_at, id
      limit ${limit}
      for update skip locked
    )
    update notification_deliveries d
       set status = 'sending', attempts = d.attempts + 1, locked_until = ${leaseUntil}
      from due, notifications n
     where d.id = due.id and n.id = d.notification_id
    returning d.id, d.channel, d.attempts, n.recipient_type, n.recipient_id, n.title, n.body`);
  return (result as unknown as { rows: Record<string, unknown>[] }).rows.map(
    (r): ClaimedDelivery => ({
      id: Number(r.id),
      channel: r.channel as ClaimedDelivery['channel'],
      attempts: Number(r.attempts),
      recipientType: r.recipient_type as RecipientType,
      recipientId: Number(r.recipient_id),
      title: String(r.title),
      body: String(r.body),
    }),
  );
}

export async function finishDelivery(
  db: Db,
  id: number,
  outcome:
    | { status: 'sent'; at: Date }
    | { status: 'skipped' | 'failed'; error: string }
    | { status: 'pending'; error: string; nextAttemptAt: Date },
): Promise<void> {
  await db
    .update(notificationDeliveries)
    .set(
      outcome.status === 'sent'
        ? { status: 'sent', sentAt: outcome.at, lockedUntil: null, lastError: null }
        : outcome.status === 'pending'
          ? {
              status: 'pending',
              lastError: outcome.error,
              nextAttemptAt: outcome.nextAttemptAt,
              lockedUntil: null,
            }
          : { status: outcome.status, lastError: outcome.error, lockedUntil: null },
    )
    .where(and(eq(notificationDeliveries.id, id), eq(notificationDeliveries.status, 'sending')));
}

export async function countDeliveriesByStatus(db: Db) {
  return db
    .select({ status: notificationDeliveries.status, n: count() })
    .from(notificationDeliveries)
    .groupBy(notificationDeliveries.status);
}
