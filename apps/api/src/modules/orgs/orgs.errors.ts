import { AppError } from '../../platform/errors.js';

export const orgNotFound = (id: number, path?: string) =>
  new AppError(
    'ORG_NOT_FOUND',
    `Organization ${id} not found`,
    path ? [{ path, message: 'no such organization in your scope' }] : [],
  );

export const orgDissolved = (org: { id: number; name: string }, path?: string) =>
  new AppError(
    'ORG_DISSOLVED',
    `${org.name} has been dissolved and cannot be changed or given new orgs`,
    path ? [{ path, message: 'the organization is dissolved' }] : [],
    { orgId: org.id },
  );

export const orgNameTaken = (existing: { id: number; name: string }, path = 'body.name') =>
  new AppError(
    'ORG_NAME_TAKEN',
    `An active organization named ${existing.name} already exists under the same parent (id ${existing.id})`,
    [
      {
        path,
        message: `is taken by organization ${existing.id} under the same parent [org.name_unique_among_siblings]`,
      },
    ],
    { existingOrgId: existing.id, existingOrgName: existing.name },
  );
