import type { MemberRequestAction, RequestState, StaffRequestAction } from '@unionhub/contracts';

/**
 * The request workflow as data. `null` as the target keeps the state (a progress note). Staff act
 * for the handling union; the member withdraws or resubmits. A finished request is final.
 */
export const staffTransitions: Record<
  RequestState,
  Partial<Record<StaffRequestAction, RequestState | null>>
> = {
  submitted: {
    accept: 'accepted',
    reject: 'rejected',
    return: 'returned',
    transfer: 'submitted',
    note: null,
  },
  accepted: {
    start: 'in_progress',
    complete: 'completed',
    reject: 'rejected',
    return: 'returned',
    transfer: 'submitted',
    note: null,
  },
  in_progress: { complete: 'completed', return: 'returned', note: null },
  returned: { reject: 'rejected', note: null },
  completed: {},
  rejected: {},
  withdrawn: {},
};

export const memberTransitions: Record<RequestState, Partial<Record<MemberRequestAction, RequestState>>> = {
  submitted: { withdraw: 'withdrawn' },
  accepted: { withdraw: 'withdrawn' },
  in_progress: {},
  returned: { resubmit: 'submitted', withdraw: 'withdrawn' },
  completed: {},
  rejected: {},
  withdrawn: {},
};

/** Actions that must say why or what was done: the member reads it on the timeline. */
export const COMMENT_REQUIRED: ReadonlySet<StaffRequestAction> = new Set([
  'return',
  'reject',
  'transfer',
  'complete',
]);

export const FINAL_STATES: ReadonlySet<RequestState> = new Set(['completed', 'rejected', 'withdrawn']);

export function allowedStaffActions(state: RequestState): StaffRequestAction[] {
  return Object.keys(staffTransitions[state]) as StaffRequestAction[];
}

export function allowedMemberActions(state: RequestState): MemberRequestAction[] {
  return Object.keys(memberTransitions[state]) as MemberRequestAction[];
}

/**
 * The deadline running in a state: acceptance while it waits for the union, completion while the
 * union works on it; none while it waits for the member or is finished.
 */
export function dueAtIn(
  state: RequestState,
  deadlines: { acceptDueAt: Date; completeDueAt: Date | null },
): Date | null {
  if (state === 'submitted') return deadlines.acceptDueAt;
  if (state === 'accepted' || state === 'in_progress') return deadlines.completeDueAt;
  return null;
}
