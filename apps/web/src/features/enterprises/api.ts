import type { CreateEnterpriseBody, Enterprise, EnterpriseQuery } from '@unionhub/contracts';
import { adminApi } from '../../lib/api';

export function listEnterprises(query: EnterpriseQuery): Promise<{ items: Enterprise[]; total: number }> {
  return adminApi.get('/enterprises', { query: { ...query } });
}

export function createEnterprise(body: CreateEnterpriseBody): Promise<Enterprise> {
  return adminApi.post<Enterprise>('/enterprises', body);
}
