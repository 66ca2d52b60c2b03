import { describe, expect, it } from 'vitest';
import { attemptsBeforeLock, lockoutSeconds } from './auth.policy.js';

describe('lockout policy', () => {
  it('locks on the fifth failure for 15 minutes and doubles every five more, up to a day', () => {
    expect([1, 2, 3, 4].map(lockoutSeconds)).toEqual([null, null, null, null]);
    expect(lockoutSeconds(5)).toBe(900);
    expect(lockoutSeconds(6)).toBeNull();
    expect(lockoutSeconds(10)).toBe(1800);
    expect(lockoutSeconds(15)).toBe(3600);
    expect(lockoutSeconds(100)).toBe(86400);
  });

  it('counts the attempts left before the lock', () => {
    expect(attemptsBeforeLock(1)).toBe(4);
    expect(attemptsBeforeLock(4)).toBe(1);
  });
});
