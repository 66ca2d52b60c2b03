import type { Enterprise } from '@unionhub/contracts';
import type { EnterpriseRow } from './enterprises.repository.js';

export function presentEnterprise(row: EnterpriseRow): Enterprise {
  return {
    id: row.id,
    creditCode: row.creditCode,
    name: row.name,
    namePinyin: row.namePinyin,
    industryCode: row.industryCode,
    regionCode: row.regionCode,
    size: row.size as Enterprise['size'],
    employeeCount: row.employeeCount,
    address: row.address,
    ownerOrgId: row.ownerOrgId,
    ownerOrgName: row.ownerOrgName,
    orgId: row.orgId,
    orgName: row.orgName,
    status: row.status as Enterprise['status'],
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
