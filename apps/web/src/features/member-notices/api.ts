import type { Notification, NotificationList } from '@unionhub/contracts';
import { memberApi } from '../../lib/api';

export async function listMyNotices(): Promise<Notification[]> {
  return (await memberApi.get<NotificationList>('/me/notifications?pageSize=50')).items;
}

export function markMyNoticesRead(): Promise<{ updated: number }> {
  return memberApi.post<{ updated: number }>('/me/notifications/read-all');
}

/** How many notices wait unread, for the badge on the home and me pages. */
export async function countUnreadNotices(): Promise<number> {
  return (await memberApi.get<NotificationList>('/me/notifications?unread=true&pageSize=1')).unread;
}
