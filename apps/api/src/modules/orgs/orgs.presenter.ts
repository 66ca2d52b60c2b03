import type { Org, OrgFormation, OrgLevel, OrgSearchHit } from '@unionhub/contracts';
import type { OrgSearchRow, OrgWithCount } from './orgs.repository.js';

export function presentOrg(row: OrgWithCount): Org {
  return {
    id: row.id,
    parentId: row.parentId,
    name: row.name,
    namePinyin: row.namePinyin,
    nameInitials: row.nameInitials,
    level: row.level as OrgLevel,
    kind: row.kind as Org['kind'],
    formation: row.formation as OrgFormation | null,
    regionCode: row.regionCode,
    industryCode: row.industryCode,
    chairName: row.chairName,
    contactName: row.contactName,
    contactPhone: row.contactPhone,
    address: row.address,
    foundedOn: row.foundedOn,
    depth: row.depth,
    childCount: row.childCount,
    status: row.status as Org['status'],
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentSearchHit(row: OrgSearchRow): OrgSearchHit {
  return {
    id: row.id,
    parentId: row.parentId,
    name: row.name,
    level: row.level as OrgLevel,
    kind: row.kind as OrgSearchHit['kind'],
    regionCode: row.regionCode,
    depth: row.depth,
    status: row.status as OrgSearchHit['status'],
    ancestors: row.ancestors,
  };
}
