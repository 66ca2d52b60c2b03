import type { RuleViolation } from '@unionhub/contracts';
import { AppError } from '../../platform/errors.js';

export const enterpriseNotFound = (what: string | number) =>
  new AppError('ENTERPRISE_NOT_FOUND', `Enterprise ${what} not found`);

export const creditCodeInvalid = (violation: RuleViolation, path: string) =>
  new AppError(
    'ENTERPRISE_CREDIT_CODE_INVALID',
    `The unified social credit code ${violation.message}`,
    [{ path, message: `${violation.message} [${violation.rule}]` }],
    { rules: [violation.rule] },
  );

/** Only the first two characters of a name the caller may not see, e.g. 郑州***. */
export const maskName = (name: string) => `${[...name].slice(0, 2).join('')}***`;

export const creditCodeTaken = (existing: { id: number; name: string }, visible: boolean) =>
  new AppError(
    'ENTERPRISE_CREDIT_CODE_TAKEN',
    `An enterprise with this credit code is already registered: ${visible ? existing.name : maskName(existing.name)}`,
    [{ path: 'body.creditCode', message: 'is already registered [enterprise.credit_code_unique]' }],
    visible
      ? { existingEnterpriseId: existing.id, existingEnterpriseName: existing.name }
      : { existingEnterpriseName: maskName(existing.name) },
  );
