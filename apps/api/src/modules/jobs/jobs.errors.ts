import { AppError } from '../../platform/errors.js';

export const jobNotFound = (id: number) => new AppError('JOB_NOT_FOUND', `Job ${id} not found`);

export const jobBadTransition = (status: string, action: string, allowed: string[]) =>
  new AppError('JOB_BAD_TRANSITION', `A ${status} job cannot take the action ${action}`, [], {
    status,
    allowed,
  });

export const jobNotEditable = (status: string) =>
  new AppError('JOB_BAD_TRANSITION', `A ${status} job cannot be edited`, [], {
    status,
    allowed: [],
  });

export const applicationNotFound = (id: number) =>
  new AppError('JOB_APPLICATION_NOT_FOUND', `Job application ${id} not found`);

export const applicationBadTransition = (stage: string, action: string, allowed: string[]) =>
  new AppError(
    'JOB_APPLICATION_BAD_TRANSITION',
    `An application at the stage ${stage} cannot take the action ${action}`,
    [],
    { stage, allowed },
  );

export const alreadyApplied = (jobId: number) =>
  new AppError('JOB_ALREADY_APPLIED', `You have already applied for job ${jobId}`);

export const jobNotOpen = (jobId: number) =>
  new AppError('JOB_NOT_OPEN', `Job ${jobId} is no longer open for applications`);

export const fairNotFound = (id: number) => new AppError('JOB_FAIR_NOT_FOUND', `Job fair ${id} not found`);

export const noEnterprise = () =>
  new AppError('RECRUITER_NO_ENTERPRISE', 'This account is not tied to an enterprise');

export const reasonRequired = () =>
  new AppError('VALIDATION_FAILED', 'Say why the job is rejected', [
    { path: 'body.reason', message: 'required to reject a job', rule: 'job.reason_required' },
  ]);
