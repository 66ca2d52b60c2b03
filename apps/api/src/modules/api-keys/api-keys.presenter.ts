import type { ApiKey } from '@unionhub/contracts';
import type { ApiKeyRow } from './api-keys.repository.js';
import { keyStatus } from './api-keys.service.js';

export function presentApiKey(row: ApiKeyRow, now: Date): ApiKey {
  return {
    id: row.id,
    name: row.name,
    orgId: row.orgId,
    orgName: row.orgName,
    prefix: `uhk_${row.prefix}_…`,
    permissions: row.permissions,
    createdBy: row.createdByName,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    status: keyStatus(row, now),
  };
}
