import type { AssistanceState, MemberAssistanceAction, ReviewAction } from '@unionhub/contracts';
import { badTransition } from './assistance.errors.js';

/**
 * The assistance workflow as data. `next` on approve: the next level reviews, or — at the last
 * level — the application is approved. Payment moves approved → in_batch → paid | failed; a failed
 * payment may go into another batch.
 */
export const reviewTransitions: Record<
  AssistanceState,
  Partial<Record<ReviewAction, AssistanceState | 'next'>>
> = {
  reviewing: { approve: 'next', return: 'returned', reject: 'rejected' },
  returned: { reject: 'rejected' },
  approved: {},
  rejected: {},
  withdrawn: {},
  in_batch: {},
  paid: {},
  failed: {},
};

export const memberTransitions: Record<
  AssistanceState,
  Partial<Record<MemberAssistanceAction, AssistanceState>>
> = {
  reviewing: { withdraw: 'withdrawn' },
  returned: { resubmit: 'reviewing', withdraw: 'withdrawn' },
  approved: {},
  rejected: {},
  withdrawn: {},
  in_batch: {},
  paid: {},
  failed: {},
};

export type PaymentAction = 'batch' | 'pay' | 'fail';
export const paymentTransitions: Record<AssistanceState, Partial<Record<PaymentAction, AssistanceState>>> = {
  reviewing: {},
  returned: {},
  approved: { batch: 'in_batch' },
  rejected: {},
  withdrawn: {},
  in_batch: { pay: 'paid', fail: 'failed' },
  paid: {},
  failed: { batch: 'in_batch' },
};

/** Decisions a reviewer must explain: the member reads the reason. */
export const COMMENT_REQUIRED: ReadonlySet<ReviewAction> = new Set(['return', 'reject']);

/** States that count against the yearly limit and the budget. */
export const COMMITTED_STATES: readonly AssistanceState[] = ['approved', 'in_batch', 'paid'];
export const PENDING_STATES: readonly AssistanceState[] = ['reviewing', 'returned'];

type Table<A extends string> = Record<AssistanceState, Partial<Record<A, AssistanceState | 'next'>>>;

/** The target of an action in a state, or 409 naming the state and what is allowed. */
export function assertTransition<A extends string>(table: Table<A>, state: AssistanceState, action: A) {
  const to = table[state][action];
  if (!to) throw badTransition(state, action, Object.keys(table[state]));
  return to;
}

export const allowedReviewActions = (state: AssistanceState) =>
  Object.keys(reviewTransitions[state]) as ReviewAction[];
export const allowedMemberActions = (state: AssistanceState) =>
  Object.keys(memberTransitions[state]) as MemberAssistanceAction[];
