import { createPrivateKey, createPublicKey, type KeyObject, randomBytes, sign, verify } from 'node:crypto';

/**
 * The QR code on the member card holds a short token signed with Ed25519, so a merchant's terminal
 * can check it offline with the published public key. It names the card and lives 60 seconds, so a
 * screenshot stops working; a random nonce lets the server accept each token once per verifier.
 *
 * Binary layout before base64url, 87 bytes → 116 characters after "UHC1.":
 *   [1 version=1][8 card id, big-endian][4 issued at, unix seconds][2 lifetime seconds][8 nonce][64 signature]
 */
export const CARD_TOKEN_PREFIX = 'UHC1.';
export const CARD_TOKEN_TTL_SECONDS = 60;
const BODY_LENGTH = 1 + 8 + 4 + 2 + 8;
const SIGNATURE_LENGTH = 64;
/** Phones and terminals disagree on the time by a few seconds. */
const CLOCK_SKEW_SECONDS = 10;

export interface CardTokenClaims {
  cardId: number;
  issuedAt: Date;
  expiresAt: Date;
  nonce: string;
}

export type CardTokenCheck =
  | { valid: true; claims: CardTokenClaims }
  | { valid: false; reason: 'malformed' | 'bad_signature' | 'expired' | 'not_yet_valid' };

export interface CardSigningKeys {
  privateKey: KeyObject;
  publicKey: KeyObject;
}

/** Keys from a PKCS#8 PEM private key (as kept in the secrets file). */
export function cardKeysFromPem(privatePem: string): CardSigningKeys {
  const privateKey = createPrivateKey(privatePem);
  if (privateKey.asymmetricKeyType !== 'ed25519')
    throw new Error('The card signing key must be an Ed25519 key');
  return { privateKey, publicKey: createPublicKey(privateKey) };
}

export function signCardToken(
  keys: CardSigningKeys,
  cardId: number,
  now: Date,
  ttlSeconds = CARD_TOKEN_TTL_SECONDS,
): { token: string; claims: CardTokenClaims } {
  const body = Buffer.alloc(BODY_LENGTH);
  const issued = Math.floor(now.getTime() / 1000);
  const nonce = randomBytes(8);
  body.writeUInt8(1, 0);
  body.writeBigUInt64BE(BigInt(cardId), 1);
  body.writeUInt32BE(issued, 9);
  body.writeUInt16BE(ttlSeconds, 13);
  nonce.copy(body, 15);
  const signature = sign(null, body, keys.privateKey);
  return {
    token: `${CARD_TOKEN_PREFIX}${Buffer.concat([body, signature]).toString('base64url')}`,
    claims: {
      cardId,
      issuedAt: new Date(issued * 1000),
      expiresAt: new Date((issued + ttlSeconds) * 1000),
      nonce: nonce.toString('hex'),
    },
  };
}

/** Checks form, signature and time window; it does not know whether the card is still valid. */
export function checkCardToken(publicKey: KeyObject, token: string, now: Date): CardTokenCheck {
  if (typeof token !== 'string' || !token.startsWith(CARD_TOKEN_PREFIX))
    return { valid: false, reason: 'malformed' };
  const raw = Buffer.from(token.slice(CARD_TOKEN_PREFIX.length), 'base64url');
  if (raw.length !== BODY_LENGTH + SIGNATURE_LENGTH || raw.readUInt8(0) !== 1)
    return { valid: false, reason: 'malformed' };
  const body = raw.subarray(0, BODY_LENGTH);
  if (!verify(null, body, publicKey, raw.subarray(BODY_LENGTH)))
    return { valid: false, reason: 'bad_signature' };
  const issued = body.readUInt32BE(9);
  const ttl = body.readUInt16BE(13);
  const nowSeconds = now.getTime() / 1000;
  if (issued > nowSeconds + CLOCK_SKEW_SECONDS) return { valid: false, reason: 'not_yet_valid' };
  if (issued + ttl + CLOCK_SKEW_SECONDS < nowSeconds) return { valid: false, reason: 'expired' };
  const cardId = body.readBigUInt64BE(1);
  if (cardId > BigInt(Number.MAX_SAFE_INTEGER)) return { valid: false, reason: 'malformed' };
  return {
    valid: true,
    claims: {
      cardId: Number(cardId),
      issuedAt: new Date(issued * 1000),
      expiresAt: new Date((issued + ttl) * 1000),
      nonce: body.subarray(15, 23).toString('hex'),
    },
  };
}
