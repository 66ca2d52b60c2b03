import type { OrgMemberStats } from '@unionhub/contracts';
import { adminApi } from '../../lib/api';

export function getOrgMemberStats(orgId: number): Promise<OrgMemberStats> {
  return adminApi.get<OrgMemberStats>(`/orgs/${orgId}/stats`);
}
