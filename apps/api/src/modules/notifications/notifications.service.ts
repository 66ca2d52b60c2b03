import {
  type NotificationChannel,
  NotificationChannels,
  type NotificationQuery,
  type NotificationTopic,
  NotificationTopics,
  type UpdateNotificationPreferencesBody,
} from '@unionhub/contracts';
import type { Db } from '../../db/client.js';
import { inTransaction } from '../../db/tx.js';
import type { MemberActor, StaffActor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { findMemberAccountById, findMemberAccountByPhoneHash, listActiveStaffOf } from '../auth/index.js';
import { channelsFor, MAX_DELIVERY_ATTEMPTS, retryDelayMs } from './notifications.policy.js';
import * as repo from './notifications.repository.js';

export type { Recipient } from './notifications.repository.js';

export interface NoticeInput {
  topic: NotificationTopic;
  /** The event, e.g. `request.accepted`. */
  kind: string;
  title: string;
  body: string;
  /** Path in the app that shows the subject, e.g. /m/requests/12. */
  link?: string | null;
}

/**
 * Puts a notice in each recipient's inbox and queues it on the channels each of them chose, in the
 * caller's transaction: if the change rolls back, nobody is told about it.
 */
export async function notify(
  tx: Db,
  recipients: repo.Recipient[],
  notice: NoticeInput,
  at: Date,
): Promise<void> {
  if (!recipients.length) return;
  // The channels each kind of recipient gets when they chose nothing; their own choices win in SQL.
  const defaults = [...new Set(recipients.map((r) => r.type))].flatMap((type) => {
    const on = channelsFor(type, notice.topic, []);
    return NotificationChannels.map((channel) => ({ type, channel, enabled: on.includes(channel) }));
  });
  await repo.insertNotificationsWithDeliveries(
    tx,
    recipients,
    { ...notice, link: notice.link ?? null },
    defaults,
    at,
  );
}

/** As notify, for the account a member signs in with (found by the member's phone); none → nobody. */
export async function notifyMemberByPhone(tx: Db, phoneHash: Buffer, notice: NoticeInput, at: Date) {
  const account = await findMemberAccountByPhoneHash(tx, phoneHash);
  if (account) await notify(tx, [{ type: 'member', id: account.id }], notice, at);
}

/** As notify, for the active staff of one union who hold the permission. */
export async function notifyOrgStaff(
  tx: Db,
  orgId: number,
  permission: Parameters<typeof listActiveStaffOf>[2],
  notice: NoticeInput,
  at: Date,
) {
  const staff = await listActiveStaffOf(tx, orgId, permission);
  await notify(
    tx,
    staff.map((s) => ({ type: 'staff', id: s.id })),
    notice,
    at,
  );
}

const recipientOf = (actor: StaffActor | MemberActor): repo.Recipient =>
  actor.kind === 'staff' ? { type: 'staff', id: actor.id } : { type: 'member', id: actor.id };

export async function listMyNotifications(
  ctx: AppContext,
  actor: StaffActor | MemberActor,
  query: NotificationQuery,
) {
  const pageSize = query.pageSize ?? 20;
  return repo.listNotificationsOf(ctx.db, recipientOf(actor), {
    unreadOnly: query.unread ?? false,
    limit: pageSize,
    offset: ((query.page ?? 1) - 1) * pageSize,
  });
}

export async function markMyNotificationRead(ctx: AppContext, actor: StaffActor | MemberActor, id: number) {
  const recipient = recipientOf(actor);
  const row = await repo.findNotificationOf(ctx.db, recipient, id);
  if (!row) throw new AppError('NOT_FOUND', `Notification ${id} not found`);
  if (!row.readAt) await repo.markRead(ctx.db, recipient, ctx.clock.now(), [id]);
  return (await repo.findNotificationOf(ctx.db, recipient, id))!;
}

export async function markAllMyNotificationsRead(ctx: AppContext, actor: StaffActor | MemberActor) {
  return repo.markRead(ctx.db, recipientOf(actor), ctx.clock.now());
}

export async function getMyPreferences(ctx: AppContext, actor: StaffActor | MemberActor) {
  const recipient = recipientOf(actor);
  const [choices, contact] = await Promise.all([
    repo.listPreferencesOf(ctx.db, [recipient]),
    repo.findContact(ctx.db, recipient),
  ]);
  const items = NotificationTopics.flatMap((topic) => {
    const on = channelsFor(recipient.type, topic, choices);
    return NotificationChannels.map((channel) => ({ topic, channel, enabled: on.includes(channel) }));
  });
  const email = contact?.email ?? null;
  const available: NotificationChannel[] = recipient.type === 'member' ? ['sms'] : email ? ['email'] : [];
  return { items, available, email: recipient.type === 'staff' ? email : null };
}

export async function updateMyPreferences(
  ctx: AppContext,
  actor: StaffActor | MemberActor,
  body: UpdateNotificationPreferencesBody,
) {
  const recipient = recipientOf(actor);
  if (body.email !== undefined && recipient.type === 'member')
    throw new AppError('VALIDATION_FAILED', 'Members are reached on the phone they sign in with', [
      { path: 'body.email', message: 'Members are reached on the phone they sign in with' },
    ]);
  const now = ctx.clock.now();
  await inTransaction(ctx.db, async (tx) => {
    await repo.upsertPreferences(tx, recipient, body.items, now);
    if (body.email !== undefined) await repo.setContactEmail(tx, recipient, body.email?.trim() || null, now);
  });
  return getMyPreferences(ctx, actor);
}

async function addressOf(ctx: AppContext, delivery: repo.ClaimedDelivery): Promise<string | null> {
  if (delivery.channel === 'sms') {
    if (delivery.recipientType !== 'member') return null;
    const account = await findMemberAccountById(ctx.db, delivery.recipientId);
    return account ? ctx.pii.open(account.phoneEnc) : null;
  }
  return (
    (await repo.findContact(ctx.db, { type: delivery.recipientType, id: delivery.recipientId }))?.email ??
    null
  );
}

/** Sends one leased delivery and records the outcome: sent, skipped (no address), retried later or failed. */
async function deliverOne(ctx: AppContext, delivery: repo.ClaimedDelivery): Promise<void> {
  const address = await addressOf(ctx, delivery);
  if (!address) {
    await repo.finishDelivery(ctx.db, delivery.id, {
      status: 'skipped',
      error: 'no address for this channel',
    });
    return;
  }
  try {
    if (delivery.channel === 'sms')
      await ctx.sms.send({
        phone: address,
        template: 'notice',
        text: `【工会服务】${delivery.body}`,
        params: { title: delivery.title },
      });
    else await ctx.email.send({ to: address, subject: delivery.title, text: delivery.body });
    await repo.finishDelivery(ctx.db, delivery.id, { status: 'sent', at: ctx.clock.now() });
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    await repo.finishDelivery(
      ctx.db,
      delivery.id,
      delivery.attempts >= MAX_DELIVERY_ATTEMPTS
        ? { status: 'failed', error }
        : {
            status: 'pending',
            error,
            nextAttemptAt: new Date(ctx.clock.now().getTime() + retryDelayMs(delivery.attempts)),
          },
    );
    ctx.log.warn(
      { deliveryId: delivery.id, attempts: delivery.attempts, err: error },
      'notification delivery failed',
    );
  }
}

export interface DeliveryOptions {
  /** Deliveries leased per pass. */
  batch?: number;
  /** Sends in flight at once: a gateway answers in tens of milliseconds, so one at a time would cap a process at a few dozen a second. */
  concurrency?: number;
}

/**
 * One pass of the delivery worker: leases due deliveries and sends them, a few at a time, recording
 * each outcome. Returns the number handled. Safe to run from several processes at once.
 */
export async function deliverDueNotifications(ctx: AppContext, opts: DeliveryOptions = {}): Promise<number> {
  const claimed = await repo.claimDueDeliveries(ctx.db, ctx.clock.now(), 60_000, opts.batch ?? 100);
  let next = 0;
  const lane = async () => {
    while (next < claimed.length) await deliverOne(ctx, claimed[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(opts.concurrency ?? 8, claimed.length) }, lane));
  return claimed.length;
}

/**
 * The worker's tick: passes back to back while they come back full, for at most `budgetMs` of
 * running time, so a notice to a whole union drains at the gateway's pace instead of one batch
 * per tick.
 */
export async function drainDueNotifications(
  ctx: AppContext,
  opts: DeliveryOptions & { budgetMs?: number } = {},
): Promise<number> {
  const batch = opts.batch ?? 100;
  const until = performance.now() + (opts.budgetMs ?? 1500);
  let handled = 0;
  for (;;) {
    const n = await deliverDueNotifications(ctx, { ...opts, batch });
    handled += n;
    if (n < batch || performance.now() >= until) return handled;
  }
}
