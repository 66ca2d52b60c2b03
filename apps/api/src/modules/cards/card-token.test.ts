import { generateKeyPairSync } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCardNumber, groupCardNumber, luhnCheckDigit, parseCardNumber } from './card-number.js';
import { CARD_TOKEN_PREFIX, cardKeysFromPem, checkCardToken, signCardToken } from './card-token.js';

const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const keys = cardKeysFromPem(pem);
const other = cardKeysFromPem(
  generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
);
const now = new Date('2026-11-24T03:00:00Z');

describe('card numbers', () => {
  it('formats region, year and serial with a Luhn check digit and parses them back', () => {
    const cardNo = formatCardNumber({ regionCode: '410105', year: 2026, serial: 17 });
    expect(cardNo).toMatch(/^4101052600000\d{3}$/);
    expect(cardNo).toHaveLength(16);
    expect(parseCardNumber(cardNo)).toEqual({ regionCode: '410105', year: 2026, serial: 17 });
    expect(groupCardNumber(cardNo)).toMatch(/^\d{4} \d{4} \d{4} \d{4}$/);
    // The well-known Luhn example 7992739871 → 3.
    expect(luhnCheckDigit('7992739871')).toBe('3');
  });

  it('rejects any single mistyped digit', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9_999_999 }),
        fc.integer({ min: 0, max: 15 }),
        fc.integer({ min: 1, max: 9 }),
        (serial, pos, delta) => {
          const cardNo = formatCardNumber({ regionCode: '410100', year: 2026, serial });
          const wrong = `${cardNo.slice(0, pos)}${(Number(cardNo[pos]) + delta) % 10}${cardNo.slice(pos + 1)}`;
          expect(parseCardNumber(wrong)).toBeNull();
        },
      ),
    );
  });
});

describe('card QR tokens', () => {
  it('is short enough for a small QR code and verifies with the public key alone', () => {
    const { token, claims } = signCardToken(keys, 123_456, now);
    expect(token.startsWith(CARD_TOKEN_PREFIX)).toBe(true);
    expect(token.length).toBe(121);
    const check = checkCardToken(keys.publicKey, token, new Date(now.getTime() + 30_000));
    expect(check).toEqual({ valid: true, claims });
    expect(claims.expiresAt.getTime() - claims.issuedAt.getTime()).toBe(60_000);
  });

  it('gives a different token every time, even for the same card and second', () => {
    expect(signCardToken(keys, 1, now).token).not.toBe(signCardToken(keys, 1, now).token);
  });

  it('says why a token is refused: forged, tampered, expired, from the future, malformed', () => {
    const { token } = signCardToken(keys, 42, now);
    expect(checkCardToken(other.publicKey, token, now)).toEqual({ valid: false, reason: 'bad_signature' });
    const raw = Buffer.from(token.slice(CARD_TOKEN_PREFIX.length), 'base64url');
    raw.writeBigUInt64BE(43n, 1);
    expect(checkCardToken(keys.publicKey, `${CARD_TOKEN_PREFIX}${raw.toString('base64url')}`, now)).toEqual({
      valid: false,
      reason: 'bad_signature',
    });
    expect(checkCardToken(keys.publicKey, token, new Date(now.getTime() + 71_000))).toEqual({
      valid: false,
      reason: 'expired',
    });
    expect(checkCardToken(keys.publicKey, token, new Date(now.getTime() - 60_000))).toEqual({
      valid: false,
      reason: 'not_yet_valid',
    });
    for (const junk of ['', 'UHC1.', 'UHC1.abc', token.slice(0, -2), `UHC2.${token.slice(5)}`])
      expect(checkCardToken(keys.publicKey, junk, now)).toEqual({ valid: false, reason: 'malformed' });
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string(), (s) => void checkCardToken(keys.publicKey, `${CARD_TOKEN_PREFIX}${s}`, now)),
    );
  });
});
