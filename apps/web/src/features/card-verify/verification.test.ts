import { CardVerifyReasons } from '@unionhub/contracts';
import { describe, expect, test } from 'vitest';
import { cardVerifyEn, cardVerifyZh } from './i18n';
import { cleanScan, verificationView } from './verification';

const refused = (reason: string | null) => ({
  valid: false,
  reason,
  cardNo: null,
  maskedName: null,
  orgName: null,
});

describe('verification', () => {
  test('every reason the API can give reads as plain words in both languages, each its own', () => {
    const titles = new Set<string>();
    for (const reason of CardVerifyReasons) {
      expect(verificationView(refused(reason) as never)).toEqual({ valid: false, reason });
      for (const lang of [cardVerifyZh, cardVerifyEn]) {
        expect(lang.reasons[reason].title.length).toBeGreaterThan(1);
        expect(lang.reasons[reason].text.length).toBeGreaterThan(5);
      }
      titles.add(cardVerifyZh.reasons[reason].title);
    }
    expect(titles.size).toBe(CardVerifyReasons.length);
    expect(cardVerifyZh.reasons.replayed.title).toBe('已使用');
    expect(cardVerifyZh.reasons.expired.title).toContain('过期');
    expect(cardVerifyZh.reasons.card_suspended.title).toBe('已挂失');
    expect(cardVerifyZh.reasons.card_revoked.title).toBe('已注销');
    expect(cardVerifyZh.reasons.bad_signature.title).toBe('签名不符');
  });

  test('a reason this page does not know yet is still a refusal', () => {
    expect(verificationView(refused('card_frozen') as never)).toEqual({ valid: false, reason: 'unknown' });
    expect(verificationView(refused(null) as never)).toEqual({ valid: false, reason: 'unknown' });
  });

  test('a valid answer keeps the masked name, union and number', () => {
    expect(
      verificationView({
        valid: true,
        reason: null,
        cardNo: '4101052600000017',
        maskedName: '李**',
        orgName: '河南中原建设集团有限公司工会委员会',
      }),
    ).toEqual({
      valid: true,
      cardNo: '4101052600000017',
      maskedName: '李**',
      orgName: '河南中原建设集团有限公司工会委员会',
    });
  });

  test('a scanner’s line end or a pasted line break is not part of the token', () => {
    expect(cleanScan('  UHC1.abc\r\n')).toBe('UHC1.abc');
    expect(cleanScan('UHC1.ab\ncd')).toBe('UHC1.abcd');
  });
});
