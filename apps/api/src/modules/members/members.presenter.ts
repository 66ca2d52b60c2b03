import type {
  Member,
  MemberAction,
  MemberCategory,
  MemberDetail,
  MemberStatus,
  MemberStatusChange,
} from '@unionhub/contracts';
import type { MemberWithOrg, StatusHistoryRow } from './members.repository.js';

/** Only masked forms of the ID number and phone ever leave through here. */
export function presentMember(row: MemberWithOrg): Member {
  return {
    id: row.id,
    orgId: row.orgId,
    orgName: row.orgName,
    name: row.name,
    idNumberMasked: row.idMasked,
    phoneMasked: row.phoneMasked,
    gender: row.gender as Member['gender'],
    birthDate: row.birthDate,
    employerName: row.employerName,
    employerId: row.employerId,
    joinedOn: row.joinedOn,
    status: row.status as MemberStatus,
    categories: row.categories as MemberCategory[],
    cardNo: row.cardNo,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentStatusChange(row: StatusHistoryRow): MemberStatusChange {
  return {
    fromStatus: row.fromStatus as MemberStatus | null,
    toStatus: row.toStatus as MemberStatus,
    orgId: row.orgId,
    reason: row.reason,
    actorName: row.actorName,
    at: row.at.toISOString(),
  };
}

export function presentMemberDetail(
  row: MemberWithOrg,
  history: StatusHistoryRow[],
  allowedActions: MemberAction[],
): MemberDetail {
  return { ...presentMember(row), history: history.map(presentStatusChange), allowedActions };
}
