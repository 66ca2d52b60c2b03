import { describe, expect, it } from 'vitest';
import { chinaTimeText, gapsIn, weekBounds, weekStartOf } from './legal-providers.week.js';

const at = (iso: string) => new Date(iso);

describe('duty week', () => {
  it('starts on the Monday of the China week', () => {
    expect(weekStartOf('2026-11-25')).toBe('2026-11-23'); // a Wednesday
    expect(weekStartOf('2026-11-23')).toBe('2026-11-23');
    expect(weekStartOf('2026-11-29')).toBe('2026-11-23'); // Sunday ends the week
    // Sunday 23:30 UTC is already Monday 07:30 in China.
    expect(weekStartOf(at('2026-11-29T23:30:00Z'))).toBe('2026-11-30');
    expect(weekStartOf(at('2026-11-29T15:59:00Z'))).toBe('2026-11-23');
  });

  it('runs from Monday 00:00 China time for 168 hours', () => {
    const { from, to } = weekBounds('2026-11-23');
    expect(from.toISOString()).toBe('2026-11-22T16:00:00.000Z');
    expect(to.getTime() - from.getTime()).toBe(168 * 3_600_000);
  });

  it('finds the uncovered parts of the week, merging overlapping and touching slots', () => {
    const { from, to } = weekBounds('2026-11-23');
    expect(gapsIn(from, to, [])).toEqual([{ startsAt: from, endsAt: to }]);
    const slots = [
      { startsAt: at('2026-11-22T10:00:00Z'), endsAt: at('2026-11-23T00:00:00Z') }, // starts before the week
      { startsAt: at('2026-11-22T20:00:00Z'), endsAt: at('2026-11-23T04:00:00Z') }, // overlaps the first
      { startsAt: at('2026-11-23T06:00:00Z'), endsAt: at('2026-11-29T16:00:00Z') }, // runs to the end
    ];
    expect(gapsIn(from, to, slots)).toEqual([
      { startsAt: at('2026-11-23T04:00:00Z'), endsAt: at('2026-11-23T06:00:00Z') },
    ]);
    expect(
      gapsIn(from, to, [
        ...slots,
        { startsAt: at('2026-11-23T04:00:00Z'), endsAt: at('2026-11-23T06:00:00Z') },
      ]),
    ).toEqual([]);
  });

  it('writes a time as a person in China reads it', () => {
    expect(chinaTimeText(at('2026-11-22T19:05:00Z'))).toBe('11月23日 03:05');
  });
});
