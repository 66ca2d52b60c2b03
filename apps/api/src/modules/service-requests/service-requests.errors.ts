import { AppError } from '../../platform/errors.js';

export const requestNotFound = (id: number) =>
  new AppError('REQUEST_NOT_FOUND', `Service request ${id} not found`);

export const badTransition = (state: string, action: string, allowed: string[]) =>
  new AppError('REQUEST_BAD_TRANSITION', `A ${state} request cannot be ${action}ed`, [], { state, allowed });

export const notHandlingUnion = (orgName: string) =>
  new AppError(
    'REQUEST_NOT_HANDLING_UNION',
    `Only ${orgName}, which handles this request, may act on it; higher levels may view it`,
  );

export const notEligible = (reason: string) =>
  new AppError('REQUEST_NOT_ELIGIBLE', reason, [
    { path: 'body.serviceId', message: reason, rule: 'service.eligibility' },
  ]);

export const idempotencyKeyReused = () =>
  new AppError(
    'IDEMPOTENCY_KEY_REUSED',
    'This Idempotency-Key was already used for a different request body',
    [{ path: 'headers.idempotency-key', message: 'already used with a different body' }],
  );

export const commentRequired = (action: string) =>
  new AppError('VALIDATION_FAILED', 'Say what was done or why', [
    { path: 'body.comment', message: `required to ${action} a request`, rule: 'request.comment_required' },
  ]);
