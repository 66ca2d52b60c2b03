import { AssistanceStates, MemberAssistanceActions, ReviewActions } from '@unionhub/contracts';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import {
  assertTransition,
  memberTransitions,
  paymentTransitions,
  reviewTransitions,
} from './assistance.workflow.js';

const expected = {
  review: {
    reviewing: { approve: 'next', return: 'returned', reject: 'rejected' },
    returned: { reject: 'rejected' },
  } as Record<string, Record<string, string>>,
  member: {
    reviewing: { withdraw: 'withdrawn' },
    returned: { resubmit: 'reviewing', withdraw: 'withdrawn' },
  } as Record<string, Record<string, string>>,
  payment: {
    approved: { batch: 'in_batch' },
    in_batch: { pay: 'paid', fail: 'failed' },
    failed: { batch: 'in_batch' },
  } as Record<string, Record<string, string>>,
};

function check(
  table: Record<string, Record<string, unknown>>,
  want: Record<string, Record<string, string>>,
  actions: readonly string[],
) {
  for (const state of AssistanceStates)
    for (const action of actions) {
      const target = want[state]?.[action];
      if (target)
        expect(assertTransition(table as never, state, action), `${state} × ${action}`).toBe(target);
      else {
        try {
          assertTransition(table as never, state, action);
          expect.fail(`${state} × ${action} should be refused`);
        } catch (err) {
          expect(err).toBeInstanceOf(AppError);
          expect((err as AppError).code).toBe('ASSISTANCE_BAD_TRANSITION');
          expect((err as AppError).meta).toEqual({ state, allowed: Object.keys(want[state] ?? {}) });
        }
      }
    }
}

describe('assistance workflow', () => {
  it('reviewers: every state × action', () => check(reviewTransitions, expected.review, ReviewActions));
  it('members: every state × action', () =>
    check(memberTransitions, expected.member, MemberAssistanceActions));
  it('payment: every state × action', () =>
    check(paymentTransitions, expected.payment, ['batch', 'pay', 'fail']));
});
