import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';

export interface AccessClaims {
  sid: string;
  subjectType: 'staff' | 'member';
  subjectId: number;
}

const ISSUER = 'unionhub';

/** How many verified access tokens a process remembers (a few MB at most). */
const VERIFIED_CACHE = 20_000;

/**
 * Short-lived bearer tokens (HS256 JWT) naming the session; the session row decides revocation.
 * A token is sent with every request for its whole life, so a verified one is remembered until it
 * expires: its signature is checked once per process instead of on every request (WebCrypto's HMAC
 * costs about a millisecond of the event loop under load). Expiry is still judged on every use.
 */
export function createTokenIssuer(secret: Buffer, ttlSeconds: number, now: () => Date) {
  // Imported once: given raw bytes, jose imports the key again for every token it signs or checks.
  const key = crypto.subtle.importKey('raw', secret, { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
    'verify',
  ]);
  const verified = new Map<string, { claims: AccessClaims; expiresAtMs: number }>();
  const remember = (token: string, claims: AccessClaims, exp: number | undefined) => {
    if (exp === undefined) return;
    if (verified.size >= VERIFIED_CACHE) verified.delete(verified.keys().next().value!);
    verified.set(token, { claims, expiresAtMs: exp * 1000 });
  };
  return {
    ttlSeconds,
    async issueAccess(claims: AccessClaims): Promise<string> {
      const iat = Math.floor(now().getTime() / 1000);
      return new SignJWT({ sid: claims.sid })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setIssuer(ISSUER)
        .setSubject(`${claims.subjectType}:${claims.subjectId}`)
        .setIssuedAt(iat)
        .setExpirationTime(iat + ttlSeconds)
        .sign(await key);
    },
    /** Verified claims, 'expired', or null for anything forged or malformed. */
    async verifyAccess(token: string): Promise<AccessClaims | 'expired' | null> {
      const known = verified.get(token);
      if (known) {
        // jose treats the second of expiry itself as expired; so does this.
        if (now().getTime() >= known.expiresAtMs) {
          verified.delete(token);
          return 'expired';
        }
        return known.claims;
      }
      try {
        const { payload } = await jwtVerify(token, await key, {
          issuer: ISSUER,
          algorithms: ['HS256'],
          currentDate: now(),
        });
        const match = /^(staff|member):(\d+)$/.exec(payload.sub ?? '');
        if (!match || typeof payload.sid !== 'string') return null;
        const claims = {
          sid: payload.sid,
          subjectType: match[1] as 'staff' | 'member',
          subjectId: Number(match[2]),
        };
        remember(token, claims, payload.exp);
        return claims;
      } catch (err) {
        if (err instanceof joseErrors.JWTExpired) return 'expired';
        return null;
      }
    },
  };
}

export type TokenIssuer = ReturnType<typeof createTokenIssuer>;

/** Refresh tokens are "<session id>.<random>"; only the SHA-256 of the random part is stored. */
export function newRefreshToken(sessionId: string): { token: string; hash: Buffer } {
  const secret = randomBytes(32).toString('base64url');
  return { token: `${sessionId}.${secret}`, hash: sha256(secret) };
}

export function parseRefreshToken(token: string): { sessionId: string; hash: Buffer } | null {
  const match = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  return { sessionId: match[1]!, hash: sha256(match[2]!) };
}

export function newSessionId(): string {
  return randomUUID();
}

export function sha256(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
