import { AppError } from '../../platform/errors.js';

export const joinApplicationNotFound = (id: number) =>
  new AppError('JOIN_APPLICATION_NOT_FOUND', `Membership application ${id} not found`);

export const openApplicationExists = (existingId: number) =>
  new AppError(
    'JOIN_APPLICATION_OPEN',
    'This account already has an application waiting for a decision',
    [{ path: 'body', message: 'an application is already pending', rule: 'join.one_pending' }],
    { existingApplicationId: existingId },
  );

export const applicationDecided = (id: number, status: string) =>
  new AppError('JOIN_APPLICATION_DECIDED', `Membership application ${id} is already ${status}`, [], {
    status,
    allowed: [],
  });

export const unionNotFound = (orgId: number) =>
  new AppError('ORG_NOT_FOUND', `Organization ${orgId} not found`, [
    { path: 'body.orgId', message: 'no such union' },
  ]);

export const unionNotGrassroots = (orgId: number) =>
  new AppError(
    'MEMBER_ORG_NOT_GRASSROOTS',
    `Organization ${orgId} is not an active grassroots union; workers join grassroots unions`,
    [{ path: 'body.orgId', message: 'must be an active grassroots union', rule: 'member.org_grassroots' }],
  );
