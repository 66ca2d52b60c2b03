import { describe, expect, it } from 'vitest';
import { addDays, chinaToday, daySegments, weekHours, weekInstant } from './duty-week';

describe('duty week in the browser', () => {
  it('reads instants as hours of the China week', () => {
    expect(weekInstant('2026-11-23', 0)).toBe('2026-11-22T16:00:00.000Z');
    expect(weekHours('2026-11-23', '2026-11-24T00:00:00.000Z')).toBe(32);
    expect(addDays('2026-11-23', 7)).toBe('2026-11-30');
    expect(chinaToday(new Date('2026-11-29T17:00:00Z'))).toBe('2026-11-30');
  });

  it('cuts a night slot at midnight and puts overlapping slots in lanes', () => {
    const slots = [
      { id: 1, startsAt: weekInstant('2026-11-23', 16), endsAt: weekInstant('2026-11-23', 32) },
      { id: 2, startsAt: weekInstant('2026-11-23', 20), endsAt: weekInstant('2026-11-23', 22) },
    ];
    const segs = daySegments('2026-11-23', slots).map((s) => [
      s.item.id,
      s.day,
      s.from,
      s.to,
      s.lane,
      s.lanes,
    ]);
    expect(segs).toEqual([
      [1, 0, 16, 24, 0, 2],
      [2, 0, 20, 22, 1, 2],
      [1, 1, 0, 8, 0, 1],
    ]);
  });
});
