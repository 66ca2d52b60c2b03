import { describe, expect, it } from 'vitest';
import { type CardAction, cardStatusAfter, chinaYear, statusRefusal } from './cards.policy.js';

describe('card status rules', () => {
  it('allows exactly these transitions', () => {
    const table: Record<string, Record<CardAction, string | null>> = {
      active: { suspend: 'suspended', resume: null, revoke: 'revoked', reissue: 'replaced' },
      suspended: { suspend: null, resume: 'active', revoke: 'revoked', reissue: 'replaced' },
      revoked: { suspend: null, resume: null, revoke: null, reissue: null },
      replaced: { suspend: null, resume: null, revoke: null, reissue: null },
    };
    for (const [from, row] of Object.entries(table))
      for (const [action, to] of Object.entries(row))
        expect(cardStatusAfter(from as never, action as CardAction), `${from} ${action}`).toBe(to);
  });

  it('refuses every status but active at verification', () => {
    expect(statusRefusal('active')).toBeNull();
    expect(statusRefusal('suspended')).toBe('card_suspended');
    expect(statusRefusal('revoked')).toBe('card_revoked');
    expect(statusRefusal('replaced')).toBe('card_replaced');
  });

  it('counts the year in China time', () => {
    expect(chinaYear(new Date('2026-12-31T16:30:00Z'))).toBe(2027);
    expect(chinaYear(new Date('2026-12-31T15:30:00Z'))).toBe(2026);
  });
});
