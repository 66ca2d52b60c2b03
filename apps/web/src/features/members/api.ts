import type {
  ChangeMemberStatusBody,
  CreateMemberBody,
  Member,
  MemberDetail,
  MemberExportQuery,
  MemberList,
  MemberPii,
  MemberQuery,
  UpdateMemberBody,
} from '@unionhub/contracts';
import { adminApi, type DownloadedFile } from '../../lib/api';

export function listMembers(query: MemberQuery): Promise<MemberList> {
  return adminApi.get<MemberList>('/members', { query: { ...query } });
}

export function getMember(id: number): Promise<MemberDetail> {
  return adminApi.get<MemberDetail>(`/members/${id}`);
}

export function createMember(body: CreateMemberBody): Promise<Member> {
  return adminApi.post<Member>('/members', body);
}

export function updateMember(id: number, body: UpdateMemberBody): Promise<Member> {
  return adminApi.request<Member>('PATCH', `/members/${id}`, { body });
}

export function changeMemberStatus(id: number, body: ChangeMemberStatusBody): Promise<Member> {
  return adminApi.post<Member>(`/members/${id}/status`, body);
}

/** The full ID number and phone; the API writes the reason to the audit log. */
export function readMemberPii(id: number, reason: string): Promise<MemberPii> {
  return adminApi.post<MemberPii>(`/members/${id}/pii`, { reason });
}

export function exportMembers(query: MemberExportQuery): Promise<DownloadedFile> {
  return adminApi.download('/members/export', { query: { ...query } });
}
