import type {
  ApplicationAction,
  ApplicationStage,
  JobAction,
  JobStatus,
  RecruiterJobAction,
  StaffJobAction,
} from '@unionhub/contracts';

type StoredStatus = Exclude<JobStatus, 'expired'>;

/**
 * A posting's workflow as data. The enterprise submits a draft (or a rejected job, once edited)
 * and may close a published one; the reviewing union approves or rejects a submitted job and may
 * take a published one down. An expired job (published, past its last day) takes no action.
 */
export const recruiterJobTransitions: Record<JobStatus, Partial<Record<RecruiterJobAction, StoredStatus>>> = {
  draft: { submit: 'submitted' },
  submitted: {},
  published: { close: 'closed' },
  rejected: { submit: 'submitted' },
  closed: {},
  expired: {},
};

export const staffJobTransitions: Record<JobStatus, Partial<Record<StaffJobAction, StoredStatus>>> = {
  draft: {},
  submitted: { approve: 'published', reject: 'rejected' },
  published: { close: 'closed' },
  rejected: {},
  closed: {},
  expired: {},
};

/** Statuses in which the enterprise may still change what the job says. */
export const EDITABLE: ReadonlySet<JobStatus> = new Set(['draft', 'rejected']);

export function allowedJobActions(side: 'recruiter' | 'staff', status: JobStatus): JobAction[] {
  const table = side === 'recruiter' ? recruiterJobTransitions : staffJobTransitions;
  return Object.keys(table[status]) as JobAction[];
}

/** An applicant's stages as the enterprise moves them; hired and rejected are final. */
export const applicationTransitions: Record<
  ApplicationStage,
  Partial<Record<ApplicationAction, ApplicationStage>>
> = {
  applied: { view: 'viewed', interview: 'interview', reject: 'rejected' },
  viewed: { interview: 'interview', reject: 'rejected' },
  interview: { hire: 'hired', reject: 'rejected' },
  hired: {},
  rejected: {},
};

export function allowedApplicationActions(stage: ApplicationStage): ApplicationAction[] {
  return Object.keys(applicationTransitions[stage]) as ApplicationAction[];
}

/** From the interview on, the enterprise has to call the worker: it sees the full phone number. */
export const PHONE_VISIBLE: ReadonlySet<ApplicationStage> = new Set(['interview', 'hired']);
