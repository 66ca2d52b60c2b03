import type {
  LegalStats,
  LegalStatsQuery,
  OrgMemberStats,
  ServiceStats,
  ServiceStatsQuery,
} from '@unionhub/contracts';
import { adminApi, type DownloadedFile } from '../../lib/api';

export function getOrgMemberStats(orgId: number): Promise<OrgMemberStats> {
  return adminApi.get<OrgMemberStats>(`/orgs/${orgId}/stats`);
}

export function getServiceStats(query: ServiceStatsQuery): Promise<ServiceStats> {
  return adminApi.get<ServiceStats>('/service-requests/stats', { query: { ...query } });
}

export function exportServiceStats(query: ServiceStatsQuery): Promise<DownloadedFile> {
  return adminApi.download('/service-requests/stats.xlsx', { query: { ...query } });
}

export function getLegalStats(query: LegalStatsQuery): Promise<LegalStats> {
  return adminApi.get<LegalStats>('/legal/stats', { query: { ...query } });
}

export function exportLegalStats(query: LegalStatsQuery): Promise<DownloadedFile> {
  return adminApi.download('/legal/stats.xlsx', { query: { ...query } });
}
