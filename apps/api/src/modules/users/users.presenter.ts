import type { StaffRole, StaffUser } from '@unionhub/contracts';
import type { UserListRow } from './users.repository.js';

export function presentUser(row: UserListRow, now: Date): StaffUser {
  return {
    id: row.id,
    orgId: row.orgId,
    orgName: row.orgName,
    username: row.username,
    displayName: row.displayName,
    roles: row.roles as StaffRole[],
    totpEnabled: row.totpEnabled,
    locked: row.lockedUntil !== null && row.lockedUntil > now,
    disabled: row.disabledAt !== null,
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
