import type { ApiKey, CreateApiKeyBody, CreatedApiKey } from '@unionhub/contracts';
import { adminApi } from '../../lib/api';

export async function listApiKeys(): Promise<ApiKey[]> {
  return (await adminApi.get<{ items: ApiKey[] }>('/api-keys')).items;
}

export function createApiKey(body: CreateApiKeyBody): Promise<CreatedApiKey> {
  return adminApi.post<CreatedApiKey>('/api-keys', body);
}

export function revokeApiKey(id: number): Promise<ApiKey> {
  return adminApi.post<ApiKey>(`/api-keys/${id}/revoke`);
}
