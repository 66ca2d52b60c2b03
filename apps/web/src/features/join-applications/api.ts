import type {
  JoinApplication,
  JoinApplicationItem,
  JoinApplicationQuery,
  MemberDetail,
} from '@unionhub/contracts';
import { adminApi } from '../../lib/api';

export function listApplications(
  query: JoinApplicationQuery,
): Promise<{ items: JoinApplicationItem[]; total: number }> {
  return adminApi.get('/join-applications', { query: { ...query } });
}

export function acceptApplication(id: number): Promise<JoinApplication> {
  return adminApi.post<JoinApplication>(`/join-applications/${id}/accept`);
}

export function rejectApplication(id: number, reason: string): Promise<JoinApplication> {
  return adminApi.post<JoinApplication>(`/join-applications/${id}/reject`, { reason });
}

/** The member an accepted application made, for the card number issued with it. */
export function getMember(id: number): Promise<MemberDetail> {
  return adminApi.get<MemberDetail>(`/members/${id}`);
}
