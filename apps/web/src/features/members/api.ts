import type {
  Card,
  ChangeMemberStatusBody,
  CreateMemberBody,
  CreateTransferBody,
  Member,
  MemberDetail,
  MemberExportQuery,
  MemberList,
  MemberPii,
  MemberQuery,
  Transfer,
  UnionChoice,
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

export async function listMemberCards(memberId: number): Promise<Card[]> {
  return (await adminApi.get<{ items: Card[] }>(`/members/${memberId}/cards`)).items;
}

export function issueCard(memberId: number): Promise<Card> {
  return adminApi.post<Card>(`/members/${memberId}/card`);
}

export type CardAction = 'suspend' | 'resume' | 'revoke' | 'reissue';

/** Suspend, resume, revoke or reissue; every action but resume carries a reason for the audit log. */
export function changeCard(cardId: number, action: CardAction, reason?: string): Promise<Card> {
  return adminApi.post<Card>(`/cards/${cardId}/${action}`, action === 'resume' ? undefined : { reason });
}

/** Grassroots unions anywhere (a member may move to another city), by name or pinyin. */
export async function findTransferDestinations(q: string): Promise<UnionChoice[]> {
  return (await adminApi.get<{ items: UnionChoice[] }>('/transfers/destinations', { query: { q } })).items;
}

export function startTransfer(body: CreateTransferBody): Promise<Transfer> {
  return adminApi.post<Transfer>('/transfers', body);
}
