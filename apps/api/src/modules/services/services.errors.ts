import { AppError } from '../../platform/errors.js';

export const serviceNotFound = (id: number) => new AppError('SERVICE_NOT_FOUND', `Service ${id} not found`);

export const serviceNotOffered = (id: number) =>
  new AppError('SERVICE_NOT_OFFERED', `Service ${id} is not offered to this member`);

export const overrideInvalid = (id: number) =>
  new AppError('SERVICE_OVERRIDE_INVALID', `Service ${id} is not a published service of a union above`, [
    {
      path: 'body.overridesServiceId',
      message: 'must be a published service of a union above this one',
      rule: 'service.override_ancestor',
    },
  ]);

export const serviceBadTransition = (status: string, allowed: string[]) =>
  new AppError('SERVICE_BAD_TRANSITION', `A ${status} service cannot do that`, [], { status, allowed });

export const packageNotFound = (id: number) =>
  new AppError('SERVICE_PACKAGE_NOT_FOUND', `Service package ${id} not found`);

export const membershipRequired = () =>
  new AppError('MEMBERSHIP_REQUIRED', 'Only union members can use this; apply to join first');
