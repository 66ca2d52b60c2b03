import { describe, expect, test } from 'vitest';
import { chinaToday, dateParts, daysUntil, newIdempotencyKey } from './dates';

describe('dates', () => {
  test('spells a date as Chinese text does, without leading zeros', () => {
    expect(dateParts('2027-01-05')).toEqual({ year: '2027', month: '1', day: '5' });
    expect(dateParts('2026-12-15')).toEqual({ year: '2026', month: '12', day: '15' });
  });

  test('counts whole days to a deadline, negative once past', () => {
    expect(daysUntil('2026-12-15', '2026-12-10')).toBe(5);
    expect(daysUntil('2026-12-15', '2026-12-15')).toBe(0);
    expect(daysUntil('2026-12-15', '2027-01-01')).toBe(-17);
  });

  test('today is China’s day: 16:30 UTC is already tomorrow in Beijing', () => {
    expect(chinaToday(new Date('2026-12-14T16:30:00Z'))).toBe('2026-12-15');
    expect(chinaToday(new Date('2026-12-14T15:59:00Z'))).toBe('2026-12-14');
  });

  test('idempotency keys are long enough for the API and differ each time', () => {
    const a = newIdempotencyKey();
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(newIdempotencyKey()).not.toBe(a);
  });
});
