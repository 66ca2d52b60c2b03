import type { Transfer, TransferDetail, TransferQuery } from '@unionhub/contracts';
import { adminApi } from '../../lib/api';

export function listTransfers(query: TransferQuery): Promise<{ items: Transfer[]; total: number }> {
  return adminApi.get('/transfers', { query: { ...query } });
}

/**
 * What waits for this union's decision: its own members' transfers waiting for the origin, and
 * those coming in that the origin approved. Both lists are short; one page of each is shown.
 */
export async function listAwaitingDecision(): Promise<Transfer[]> {
  const [out, incoming] = await Promise.all([
    listTransfers({ direction: 'out', status: 'pending_origin', pageSize: 100 }),
    listTransfers({ direction: 'in', status: 'pending_destination', pageSize: 100 }),
  ]);
  const seen = new Set<number>();
  return [...out.items, ...incoming.items]
    .filter((t) => t.allowedActions.includes('approve') && !seen.has(t.id) && seen.add(t.id))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

export function getTransfer(id: number): Promise<TransferDetail> {
  return adminApi.get<TransferDetail>(`/transfers/${id}`);
}

export function approveTransfer(id: number): Promise<Transfer> {
  return adminApi.post<Transfer>(`/transfers/${id}/approve`);
}

export function rejectTransfer(id: number, reason: string): Promise<Transfer> {
  return adminApi.post<Transfer>(`/transfers/${id}/reject`, { reason });
}

export function cancelTransfer(id: number): Promise<Transfer> {
  return adminApi.post<Transfer>(`/transfers/${id}/cancel`);
}
