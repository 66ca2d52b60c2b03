import { MEMBER_EXPORT_LIMIT } from '@unionhub/contracts';
import { AppError } from '../../platform/errors.js';

export const memberNotFound = (id: number | string) =>
  new AppError('MEMBER_NOT_FOUND', `Member ${id} not found`);

/**
 * The person already belongs to a union. `orgName` is the real name when the caller may see that
 * union, otherwise masked; `orgId` and `memberId` are sent only in the first case.
 */
export const memberAlreadyActive = (
  path: string,
  existing: { orgName: string; orgId?: number; memberId?: number },
) =>
  new AppError(
    'MEMBER_ALREADY_ACTIVE',
    `This person is already an active member of ${existing.orgName}`,
    [{ path, message: 'already has an active membership', rule: 'member.one_active' }],
    {
      existingOrgName: existing.orgName,
      ...(existing.orgId === undefined ? {} : { existingOrgId: existing.orgId }),
      ...(existing.memberId === undefined ? {} : { existingMemberId: existing.memberId }),
    },
  );

export const orgNotGrassroots = (orgId: number) =>
  new AppError(
    'MEMBER_ORG_NOT_GRASSROOTS',
    `Organization ${orgId} is not an active grassroots union; members join grassroots unions`,
    [{ path: 'body.orgId', message: 'must be an active grassroots union', rule: 'member.org_grassroots' }],
  );

export const badTransition = (from: string, to: string) =>
  new AppError('MEMBER_BAD_TRANSITION', `A member cannot go from ${from} to ${to}`, [
    { path: 'body.status', message: `cannot change from ${from} to ${to}`, rule: 'member.transition' },
  ]);

export const exportTooLarge = (rows: number) =>
  new AppError(
    'MEMBER_EXPORT_TOO_LARGE',
    `The filter matches ${rows} members; one export holds at most ${MEMBER_EXPORT_LIMIT}. Narrow the filter`,
    [],
    { limit: MEMBER_EXPORT_LIMIT, rows },
  );
