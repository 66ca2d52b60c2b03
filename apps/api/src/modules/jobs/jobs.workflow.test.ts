import {
  ApplicationActions,
  ApplicationStages,
  JobStatuses,
  RecruiterJobActions,
  StaffJobActions,
} from '@unionhub/contracts';
import { describe, expect, it } from 'vitest';
import {
  applicationTransitions,
  EDITABLE,
  recruiterJobTransitions,
  staffJobTransitions,
} from './jobs.workflow.js';

const expectedRecruiter: Record<string, Record<string, string | undefined>> = {
  draft: { submit: 'submitted' },
  submitted: {},
  published: { close: 'closed' },
  rejected: { submit: 'submitted' },
  closed: {},
  expired: {},
};
const expectedStaff: Record<string, Record<string, string | undefined>> = {
  draft: {},
  submitted: { approve: 'published', reject: 'rejected' },
  published: { close: 'closed' },
  rejected: {},
  closed: {},
  expired: {},
};
const expectedStages: Record<string, Record<string, string | undefined>> = {
  applied: { view: 'viewed', interview: 'interview', reject: 'rejected' },
  viewed: { interview: 'interview', reject: 'rejected' },
  interview: { hire: 'hired', reject: 'rejected' },
  hired: {},
  rejected: {},
};

describe('the job workflow, every status × action', () => {
  for (const status of JobStatuses) {
    for (const action of RecruiterJobActions)
      it(`recruiter: ${status} × ${action} → ${expectedRecruiter[status]![action] ?? 'refused'}`, () => {
        expect(recruiterJobTransitions[status][action]).toBe(expectedRecruiter[status]![action]);
      });
    for (const action of StaffJobActions)
      it(`staff: ${status} × ${action} → ${expectedStaff[status]![action] ?? 'refused'}`, () => {
        expect(staffJobTransitions[status][action]).toBe(expectedStaff[status]![action]);
      });
  }
  it('lets the enterprise edit only drafts and rejected jobs', () => {
    expect(JobStatuses.filter((s) => EDITABLE.has(s))).toEqual(['draft', 'rejected']);
  });
});

describe('the applicant stages, every stage × action', () => {
  for (const stage of ApplicationStages)
    for (const action of ApplicationActions)
      it(`${stage} × ${action} → ${expectedStages[stage]![action] ?? 'refused'}`, () => {
        expect(applicationTransitions[stage][action]).toBe(expectedStages[stage]![action]);
      });
});
