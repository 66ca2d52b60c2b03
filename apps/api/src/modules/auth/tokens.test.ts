import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createTokenIssuer } from './tokens.js';

describe('access tokens', () => {
  const secret = randomBytes(32);
  let nowMs = Date.parse('2026-05-01T08:00:00Z');
  const issuer = createTokenIssuer(secret, 900, () => new Date(nowMs));
  const claims = {
    sid: '6f1c1a3e-2b7d-4c55-9a38-1d2f3e4a5b6c',
    subjectType: 'staff' as const,
    subjectId: 42,
  };

  it('answers the same claims on every use, and expired once the lifetime has passed', async () => {
    nowMs = Date.parse('2026-05-01T08:00:00Z');
    const token = await issuer.issueAccess(claims);
    expect(await issuer.verifyAccess(token)).toEqual(claims);
    nowMs += 899_000;
    expect(await issuer.verifyAccess(token)).toEqual(claims);
    nowMs += 1_000;
    expect(await issuer.verifyAccess(token)).toBe('expired');
    expect(await issuer.verifyAccess(token)).toBe('expired');
  });

  it('refuses a token whose payload or signature was changed, even after the real one was used', async () => {
    nowMs = Date.parse('2026-05-01T09:00:00Z');
    const token = await issuer.issueAccess(claims);
    expect(await issuer.verifyAccess(token)).toEqual(claims);
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const forged = JSON.parse(Buffer.from(payload, 'base64url').toString());
    forged.sub = 'staff:1';
    expect(
      await issuer.verifyAccess(
        `${header}.${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${signature}`,
      ),
    ).toBeNull();
    const flipped = `${signature.slice(0, 5)}${signature[5] === 'Q' ? 'R' : 'Q'}${signature.slice(6)}`;
    expect(await issuer.verifyAccess(`${header}.${payload}.${flipped}`)).toBeNull();
  });

  it('refuses a token signed with another secret', async () => {
    const other = createTokenIssuer(randomBytes(32), 900, () => new Date(nowMs));
    expect(await issuer.verifyAccess(await other.issueAccess(claims))).toBeNull();
  });
});
