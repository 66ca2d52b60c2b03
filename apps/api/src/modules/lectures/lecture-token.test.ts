import { describe, expect, it } from 'vitest';
import { checkLectureToken, lectureTokenKey, signLectureToken } from './lecture-token.js';

const key = lectureTokenKey('a test secret');
const now = new Date('2026-03-01T02:00:00Z');

describe('lecture check-in token', () => {
  it('names the lecture while it lives', () => {
    const { token, expiresAt } = signLectureToken(key, 42, now);
    expect(token).toMatch(/^UHL1\.[A-Za-z0-9_-]{63}$/);
    expect(checkLectureToken(key, token, new Date(now.getTime() + 60_000))).toEqual({
      valid: true,
      lectureId: 42,
      expiresAt,
    });
  });

  it('expires after its lifetime and the allowed skew', () => {
    const { token } = signLectureToken(key, 42, now);
    expect(checkLectureToken(key, token, new Date(now.getTime() + 101_000))).toEqual({
      valid: false,
      reason: 'expired',
    });
  });

  it('refuses a token signed with another key, altered, or not a token', () => {
    const { token } = signLectureToken(lectureTokenKey('another secret'), 42, now);
    expect(checkLectureToken(key, token, now)).toEqual({ valid: false, reason: 'bad_signature' });
    const mine = signLectureToken(key, 42, now).token;
    const raw = Buffer.from(mine.slice(5), 'base64url');
    raw.writeBigUInt64BE(43n, 1);
    expect(checkLectureToken(key, `UHL1.${raw.toString('base64url')}`, now).valid).toBe(false);
    expect(checkLectureToken(key, 'hello', now)).toEqual({ valid: false, reason: 'malformed' });
    expect(checkLectureToken(key, 'UHL1.abc', now)).toEqual({ valid: false, reason: 'malformed' });
  });

  it('refuses a token issued in the future', () => {
    const { token } = signLectureToken(key, 7, new Date(now.getTime() + 60_000));
    expect(checkLectureToken(key, token, now)).toEqual({ valid: false, reason: 'not_yet_valid' });
  });
});
