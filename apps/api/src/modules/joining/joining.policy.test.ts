import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addWorkingDays } from './joining.policy.js';
import { allowedJoinActions, joinTransitions, nextJoinStatus } from './joining.workflow.js';

describe('addWorkingDays', () => {
  it('skips weekends', () => {
    // 2026-11-20 is a Friday: the next working day is Monday the 23rd.
    expect(addWorkingDays('2026-11-20', 1)).toBe('2026-11-23');
    expect(addWorkingDays('2026-11-23', 5)).toBe('2026-11-30');
    // 15 working days are three full weeks from a weekday.
    expect(addWorkingDays('2026-11-24', 15)).toBe('2026-12-15');
    // From a Saturday, the first working day is Monday.
    expect(addWorkingDays('2026-11-21', 1)).toBe('2026-11-23');
    expect(addWorkingDays('2026-11-22', 15)).toBe('2026-12-11');
  });

  it('always lands on a weekday, 15 working days spanning exactly three weeks of weekdays', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
        (d) => {
          const from = d.toISOString().slice(0, 10);
          const to = addWorkingDays(from, 15);
          const weekday = new Date(`${to}T00:00:00Z`).getUTCDay();
          expect([1, 2, 3, 4, 5]).toContain(weekday);
          const span = (Date.parse(to) - Date.parse(from)) / 86_400_000;
          expect(span).toBeGreaterThanOrEqual(19);
          expect(span).toBeLessThanOrEqual(21);
        },
      ),
    );
  });
});

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
