import type { CheckinResult, MemberLecture, MemberLectureList } from '@unionhub/contracts';
import { memberApi } from '../../lib/api';

export function listMyLectures(mine: boolean): Promise<MemberLectureList> {
  return memberApi.get<MemberLectureList>('/me/lectures', {
    query: { pageSize: 50, ...(mine ? { mine } : {}) },
  });
}

export function getMyLecture(id: number): Promise<MemberLecture> {
  return memberApi.get<MemberLecture>(`/me/lectures/${id}`);
}

export function register(id: number): Promise<MemberLecture> {
  return memberApi.post<MemberLecture>(`/me/lectures/${id}/registration`);
}

export function cancelRegistration(id: number): Promise<MemberLecture> {
  return memberApi.request<MemberLecture>('DELETE', `/me/lectures/${id}/registration`);
}

export function checkIn(token: string): Promise<CheckinResult> {
  return memberApi.post<CheckinResult>('/me/lectures/checkin', { token });
}

/** What a scanner reads: the whole check-in link (a phone camera) or the bare token. */
export function tokenFromScan(scanned: string): string {
  const text = scanned.trim();
  try {
    const url = new URL(text);
    return url.searchParams.get('t') ?? text;
  } catch {
    return text;
  }
}
