import { describe, expect, test } from 'vitest';
import { deadlineState } from './deadline';

describe('deadlineState', () => {
  const pending = { status: 'pending' as const, contactDeadline: '2026-12-15' };
  test('days left, due today, days over for a pending application', () => {
    expect(deadlineState(pending, '2026-12-10')).toEqual({ kind: 'left', days: 5 });
    expect(deadlineState(pending, '2026-12-15')).toEqual({ kind: 'today' });
    expect(deadlineState(pending, '2026-12-18')).toEqual({ kind: 'over', days: 3 });
  });
  test('a decided application has no flag, however late', () => {
    expect(deadlineState({ ...pending, status: 'accepted' }, '2027-03-01')).toEqual({ kind: 'decided' });
    expect(deadlineState({ ...pending, status: 'rejected' }, '2027-03-01')).toEqual({ kind: 'decided' });
  });
});
