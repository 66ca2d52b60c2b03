import { MemberRequestActions, RequestStates, StaffRequestActions } from '@unionhub/contracts';
import { describe, expect, it } from 'vitest';
import {
  allowedMemberActions,
  allowedStaffActions,
  dueAtIn,
  memberTransitions,
  staffTransitions,
} from './service-requests.workflow.js';

/** The whole table, written out: state → action → next state ("same" keeps it, absent is forbidden). */
const staff = {
  submitted: {
    accept: 'accepted',
    reject: 'rejected',
    return: 'returned',
    transfer: 'submitted',
    note: 'same',
  },
  accepted: {
    start: 'in_progress',
    complete: 'completed',
    reject: 'rejected',
    return: 'returned',
    transfer: 'submitted',
    note: 'same',
  },
  in_progress: { complete: 'completed', return: 'returned', note: 'same' },
  returned: { reject: 'rejected', note: 'same' },
  completed: {},
  rejected: {},
  withdrawn: {},
} as const;

const member = {
  submitted: { withdraw: 'withdrawn' },
  accepted: { withdraw: 'withdrawn' },
  in_progress: {},
  returned: { resubmit: 'submitted', withdraw: 'withdrawn' },
  completed: {},
  rejected: {},
  withdrawn: {},
} as const;

describe('the service request workflow', () => {
  it('answers every state × staff action as the table says', () => {
    for (const state of RequestStates)
      for (const action of StaffRequestActions) {
        const expected = (staff[state] as Record<string, string>)[action];
        const table = staffTransitions[state];
        if (!expected) expect(action in table, `${state} ${action}`).toBe(false);
        else expect(table[action] ?? 'same', `${state} ${action}`).toBe(expected);
      }
  });

  it('answers every state × member action as the table says', () => {
    for (const state of RequestStates)
      for (const action of MemberRequestActions)
        expect(memberTransitions[state][action] ?? null, `${state} ${action}`).toBe(
          (member[state] as Record<string, string>)[action] ?? null,
        );
  });

  it('lists what can be done now, and nothing once finished', () => {
    expect(allowedStaffActions('submitted')).toEqual(['accept', 'reject', 'return', 'transfer', 'note']);
    expect(allowedMemberActions('returned')).toEqual(['resubmit', 'withdraw']);
    for (const final of ['completed', 'rejected', 'withdrawn'] as const) {
      expect(allowedStaffActions(final)).toEqual([]);
      expect(allowedMemberActions(final)).toEqual([]);
    }
  });

  it('runs the acceptance deadline while waiting for the union, the completion one while it works', () => {
    const acceptDueAt = new Date('2026-12-01T15:59:59Z');
    const completeDueAt = new Date('2026-12-10T15:59:59Z');
    expect(dueAtIn('submitted', { acceptDueAt, completeDueAt })).toBe(acceptDueAt);
    expect(dueAtIn('accepted', { acceptDueAt, completeDueAt })).toBe(completeDueAt);
    expect(dueAtIn('in_progress', { acceptDueAt, completeDueAt })).toBe(completeDueAt);
    for (const state of ['returned', 'completed', 'rejected', 'withdrawn'] as const)
      expect(dueAtIn(state, { acceptDueAt, completeDueAt })).toBeNull();
  });
});
