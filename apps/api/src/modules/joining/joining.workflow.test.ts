import { describe, expect, it } from 'vitest';
import { allowedJoinActions, joinTransitions, nextJoinStatus } from './joining.workflow.js';

describe('join application workflow', () => {
  const expected = {
    pending: { accept: 'accepted', reject: 'rejected' },
    accepted: { accept: null, reject: null },
    rejected: { accept: null, reject: null },
  } as const;

  it('answers every state × action as the table says', () => {
    for (const [from, actions] of Object.entries(expected)) {
      for (const [action, to] of Object.entries(actions)) {
        expect(nextJoinStatus(from as keyof typeof expected, action as 'accept'), `${from} ${action}`).toBe(
          to,
        );
      }
    }
    expect(Object.keys(joinTransitions).sort()).toEqual(Object.keys(expected).sort());
    expect(allowedJoinActions('pending')).toEqual(['accept', 'reject']);
    expect(allowedJoinActions('accepted')).toEqual([]);
  });
});
