import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addWorkingDays, workingDaysDeadline } from './calendar.js';

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

describe('workingDaysDeadline', () => {
  it('ends at the last instant of the China day, counting from the China date of the instant', () => {
    // Friday 2026-11-27 20:00 in Beijing is still Friday there (12:00 UTC): 2 working days → Tuesday.
    expect(workingDaysDeadline(new Date('2026-11-27T12:00:00Z'), 2).toISOString()).toBe(
      '2026-12-01T15:59:59.999Z',
    );
    // Friday 23:30 UTC is already Saturday in Beijing: 1 working day → Monday.
    expect(workingDaysDeadline(new Date('2026-11-27T23:30:00Z'), 1).toISOString()).toBe(
      '2026-11-30T15:59:59.999Z',
    );
  });
});
