import type { MemberNotice } from '@unionhub/contracts';
import { memberApi } from '../../lib/api';

export async function listMyNotices(): Promise<MemberNotice[]> {
  return (await memberApi.get<{ items: MemberNotice[] }>('/me/notices')).items;
}

export function markMyNoticesRead(): Promise<{ marked: number }> {
  return memberApi.post<{ marked: number }>('/me/notices/read');
}

/** How many notices wait unread, for the badge on the home and me pages. */
export async function countUnreadNotices(): Promise<number> {
  return (await listMyNotices()).filter((n) => n.readAt === null).length;
}
