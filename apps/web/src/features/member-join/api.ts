import type {
  CreateJoinApplicationBody,
  JoinApplication,
  Region,
  UnionChoice,
  UnionSearchQuery,
} from '@unionhub/contracts';
import { memberApi } from '../../lib/api';

/** Grassroots unions a worker may apply to: by employer credit code, by name or pinyin, or by region. */
export async function findUnions(query: UnionSearchQuery): Promise<UnionChoice[]> {
  return (await memberApi.get<{ items: UnionChoice[] }>('/join-applications/unions', { query: { ...query } }))
    .items;
}

/** The same key on a retry (a double tap, a lost answer) files one application, not two. */
export function applyToJoin(
  body: CreateJoinApplicationBody,
  idempotencyKey: string,
): Promise<JoinApplication> {
  return memberApi.post<JoinApplication>('/join-applications', body, {
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

export async function listMyApplications(): Promise<JoinApplication[]> {
  return (await memberApi.get<{ items: JoinApplication[] }>('/me/join-applications')).items;
}

export async function listChildRegions(code: string): Promise<Region[]> {
  return (await memberApi.get<{ items: Region[] }>(`/reference/regions/${code}/children`)).items;
}
