import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The check-in QR code on the staff screen holds a short token naming the lecture, signed with
 * HMAC-SHA256 (only this server checks it, so a shared key is enough). It lives 90 seconds and the
 * screen shows a new one every 30, so a photo passed round a group chat stops working.
 *
 * Binary layout before base64url, 47 bytes → 63 characters after "UHL1.":
 *   [1 version=1][8 lecture id, big-endian][4 issued at, unix seconds][2 lifetime seconds][32 HMAC]
 */
export const LECTURE_TOKEN_PREFIX = 'UHL1.';
export const LECTURE_TOKEN_TTL_SECONDS = 90;
export const LECTURE_TOKEN_REFRESH_SECONDS = 30;
const BODY_LENGTH = 1 + 8 + 4 + 2;
const MAC_LENGTH = 32;
const CLOCK_SKEW_SECONDS = 10;

export type LectureTokenCheck =
  | { valid: true; lectureId: number; expiresAt: Date }
  | { valid: false; reason: 'malformed' | 'bad_signature' | 'expired' | 'not_yet_valid' };

/** A key of its own for check-in tokens, derived from the server's token secret. */
export function lectureTokenKey(tokenSecret: Buffer | string): Buffer {
  return createHmac('sha256', tokenSecret).update('unionhub/lecture-checkin/v1').digest();
}

const macOf = (key: Buffer, body: Buffer) => createHmac('sha256', key).update(body).digest();

export function signLectureToken(
  key: Buffer,
  lectureId: number,
  now: Date,
  ttlSeconds = LECTURE_TOKEN_TTL_SECONDS,
): { token: string; expiresAt: Date } {
  const body = Buffer.alloc(BODY_LENGTH);
  const issued = Math.floor(now.getTime() / 1000);
  body.writeUInt8(1, 0);
  body.writeBigUInt64BE(BigInt(lectureId), 1);
  body.writeUInt32BE(issued, 9);
  body.writeUInt16BE(ttlSeconds, 13);
  return {
    token: `${LECTURE_TOKEN_PREFIX}${Buffer.concat([body, macOf(key, body)]).toString('base64url')}`,
    expiresAt: new Date((issued + ttlSeconds) * 1000),
  };
}

export function checkLectureToken(key: Buffer, token: string, now: Date): LectureTokenCheck {
  if (!token.startsWith(LECTURE_TOKEN_PREFIX)) return { valid: false, reason: 'malformed' };
  const raw = Buffer.from(token.slice(LECTURE_TOKEN_PREFIX.length), 'base64url');
  if (raw.length !== BODY_LENGTH + MAC_LENGTH || raw.readUInt8(0) !== 1)
    return { valid: false, reason: 'malformed' };
  const body = raw.subarray(0, BODY_LENGTH);
  if (!timingSafeEqual(macOf(key, body), raw.subarray(BODY_LENGTH)))
    return { valid: false, reason: 'bad_signature' };
  const issued = body.readUInt32BE(9);
  const ttl = body.readUInt16BE(13);
  const nowSeconds = now.getTime() / 1000;
  if (issued > nowSeconds + CLOCK_SKEW_SECONDS) return { valid: false, reason: 'not_yet_valid' };
  if (issued + ttl + CLOCK_SKEW_SECONDS < nowSeconds) return { valid: false, reason: 'expired' };
  const id = body.readBigUInt64BE(1);
  if (id > BigInt(Number.MAX_SAFE_INTEGER)) return { valid: false, reason: 'malformed' };
  return { valid: true, lectureId: Number(id), expiresAt: new Date((issued + ttl) * 1000) };
}
