import type { Transfer, TransferDetail, UnionChoice } from '@unionhub/contracts';
import { memberApi } from '../../lib/api';

export async function listMyTransfers(): Promise<Transfer[]> {
  return (await memberApi.get<{ items: Transfer[] }>('/me/transfers')).items;
}

export function getMyTransfer(id: number): Promise<TransferDetail> {
  return memberApi.get<TransferDetail>(`/me/transfers/${id}`);
}

export function startMyTransfer(body: { toOrgId: number; reason: string }): Promise<Transfer> {
  return memberApi.post<Transfer>('/me/transfers', body);
}

export function cancelMyTransfer(id: number): Promise<Transfer> {
  return memberApi.post<Transfer>(`/me/transfers/${id}/cancel`);
}

/** The same public list of grassroots unions a worker joining sees. */
export async function searchUnions(q: string): Promise<UnionChoice[]> {
  return (await memberApi.get<{ items: UnionChoice[] }>('/join-applications/unions', { query: { q } })).items;
}
