import type {
  CreateOrgBody,
  DissolveOrgBody,
  Org,
  OrgCoverage,
  OrgList,
  OrgSearchQuery,
  OrgSearchResult,
  UpdateOrgBody,
} from '@unionhub/contracts';
import { adminApi } from '../../lib/api';

export function getOrg(id: number): Promise<Org> {
  return adminApi.get<Org>(`/orgs/${id}`);
}

export async function listChildOrgs(id: number): Promise<Org[]> {
  const list = await adminApi.get<OrgList>(`/orgs/${id}/children`);
  return list.items;
}

export function searchOrgs(query: OrgSearchQuery): Promise<OrgSearchResult> {
  return adminApi.get<OrgSearchResult>('/orgs/search', { query: { ...query } });
}

export function createOrg(body: CreateOrgBody): Promise<Org> {
  return adminApi.post<Org>('/orgs', body);
}

export function updateOrg(id: number, body: UpdateOrgBody): Promise<Org> {
  return adminApi.request<Org>('PATCH', `/orgs/${id}`, { body });
}

export function moveOrg(id: number, newParentId: number): Promise<Org> {
  return adminApi.post<Org>(`/orgs/${id}/move`, { newParentId });
}

export function dissolveOrg(id: number, body: DissolveOrgBody): Promise<Org> {
  return adminApi.post<Org>(`/orgs/${id}/dissolve`, body);
}

export function getOrgCoverage(id: number): Promise<OrgCoverage> {
  return adminApi.get<OrgCoverage>(`/orgs/${id}/coverage`);
}
