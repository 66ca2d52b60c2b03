import { AppError } from '../../platform/errors.js';

export const applicationNotFound = (id: number) =>
  new AppError('ASSISTANCE_NOT_FOUND', `Assistance application ${id} not found`);

export const batchNotFound = (id: number) =>
  new AppError('ASSISTANCE_BATCH_NOT_FOUND', `Payment batch ${id} not found`);

export const badTransition = (state: string, action: string, allowed: string[]) =>
  new AppError('ASSISTANCE_BAD_TRANSITION', `A ${state} application cannot be ${action}d`, [], {
    state,
    allowed,
  });

export const wrongLevel = (current: { level: string; orgId: number; orgName: string }) =>
  new AppError(
    'ASSISTANCE_WRONG_LEVEL',
    `The application is under review at the ${current.level} level (${current.orgName}); only that level may decide now`,
    [],
    { currentLevel: current.level, currentOrgId: current.orgId, currentOrgName: current.orgName },
  );

const yuan = (fen: number) => (fen / 100).toFixed(2);

export const limitExceeded = (path: string, kind: string, limitFen: number, usedFen: number) =>
  new AppError(
    'ASSISTANCE_LIMIT_EXCEEDED',
    `Over the yearly limit for ${kind}: limit ${yuan(limitFen)} yuan, ${yuan(Math.max(0, limitFen - usedFen))} yuan remain`,
    [
      {
        path,
        message: `超出本年度该类帮扶限额 ${yuan(limitFen)} 元，剩余 ${yuan(Math.max(0, limitFen - usedFen))} 元`,
        rule: 'assistance.yearly_limit',
      },
    ],
    { limitFen, usedFen, remainingFen: Math.max(0, limitFen - usedFen) },
  );

export const budgetExceeded = (
  org: { id: number; name: string },
  kind: string,
  year: number,
  budgetFen: number,
  remainingFen: number,
) =>
  new AppError(
    'ASSISTANCE_BUDGET_EXCEEDED',
    `Over the ${year} ${kind} budget of ${org.name}: budget ${yuan(budgetFen)} yuan, ${yuan(remainingFen)} yuan remain`,
    [
      {
        path: 'body.amountApprovedFen',
        message: `超出${org.name} ${year} 年该类帮扶预算，预算 ${yuan(budgetFen)} 元，剩余 ${yuan(remainingFen)} 元`,
        rule: 'assistance.budget',
      },
    ],
    { orgId: org.id, orgName: org.name, year, kind, budgetFen, remainingFen },
  );

export const commentRequired = (action: string) =>
  new AppError('VALIDATION_FAILED', 'Say why', [
    {
      path: 'body.comment',
      message: `required to ${action} an application`,
      rule: 'assistance.comment_required',
    },
  ]);
