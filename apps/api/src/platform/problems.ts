import type { ErrorCode, ErrorDetail, RuleViolation } from '@unionhub/contracts';
import { AppError } from './errors.js';

/** One broken rule on one field, with the code the whole error takes when it is alone. */
export interface Problem {
  code: ErrorCode;
  path: string;
  violation: RuleViolation;
}

/**
 * Throws when there are problems: with their shared code if they agree, as VALIDATION_FAILED if not.
 * Each detail names the field and the rule, e.g. "region 410202 does not lie … [org.region_within_parent]".
 */
export function throwProblems(problems: Problem[], message = 'The request breaks the rules below'): void {
  if (problems.length === 0) return;
  const codes = new Set(problems.map((p) => p.code));
  const code = codes.size === 1 ? problems[0]!.code : 'VALIDATION_FAILED';
  const details: ErrorDetail[] = problems.map((p) => ({
    path: p.path,
    message: `${p.violation.message} [${p.violation.rule}]`,
  }));
  throw new AppError(
    code,
    problems.length === 1 ? `${problems[0]!.path}: ${problems[0]!.violation.message}` : message,
    details,
    {
      rules: problems.map((p) => p.violation.rule),
    },
  );
}
