import type { ErrorDetail } from '@unionhub/contracts';

export interface JobTerms {
  salaryMin: number;
  salaryMax: number;
  regionCode: string;
  validUntil: string;
}

/**
 * The rules of a posting beyond the schema: the salary range in order, a known region, a last day
 * after today (China date). Each problem names its field and rule.
 */
export function jobTermsProblems(
  terms: JobTerms,
  today: string,
  regionExists: (code: string) => boolean,
): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (terms.salaryMin > terms.salaryMax)
    problems.push({
      path: 'body.salaryMin',
      message: `must not be above salaryMax (${terms.salaryMax}) [job.salary_range]`,
      rule: 'job.salary_range',
    });
  if (!regionExists(terms.regionCode))
    problems.push({
      path: 'body.regionCode',
      message: `${terms.regionCode} is not a GB/T 2260 region [region.exists]`,
      rule: 'region.exists',
    });
  if (terms.validUntil <= today)
    problems.push({
      path: 'body.validUntil',
      message: `must be after today (${today}) [job.valid_until_future]`,
      rule: 'job.valid_until_future',
    });
  return problems;
}

/** The end of a China date: the instant a job valid until that day stops being open. */
export function endOfChinaDay(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00+08:00`) + 86_400_000);
}

/** The GB/T 2260 codes a region code covers, as a half-open range: a province or a city finds its counties. */
export function regionRange(code: string): { from: string; to: string } {
  if (code.endsWith('0000')) {
    const p = Number(code.slice(0, 2));
    return { from: code, to: `${p + 1}0000` };
  }
  if (code.endsWith('00')) {
    const c = Number(code.slice(0, 4));
    return { from: code, to: `${c + 1}00` };
  }
  return { from: code, to: `${code.slice(0, 5)}${Number(code.slice(5)) + 1}` };
}
