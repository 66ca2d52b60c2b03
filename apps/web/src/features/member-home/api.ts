import type { JoinApplication, MyCard, NotificationList } from '@unionhub/contracts';
import { isApiError, memberApi } from '../../lib/api';

export type Membership =
  | { kind: 'member'; card: MyCard }
  | { kind: 'applied'; application: JoinApplication }
  | { kind: 'none' };

/**
 * Where the signed-in worker stands: a member with a card, a worker waiting for a union's answer,
 * or neither (who is offered 我要入会).
 */
export async function loadMembership(): Promise<Membership> {
  try {
    return { kind: 'member', card: await memberApi.get<MyCard>('/me/card') };
  } catch (err) {
    if (!isApiError(err, 'CARD_NOT_FOUND')) throw err;
  }
  const { items } = await memberApi.get<{ items: JoinApplication[] }>('/me/join-applications');
  const pending = items.find((a) => a.status === 'pending');
  return pending ? { kind: 'applied', application: pending } : { kind: 'none' };
}

export async function countUnreadNotices(): Promise<number> {
  return (await memberApi.get<NotificationList>('/me/notifications?unread=true&pageSize=1')).unread;
}
