import * as OTPAuth from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, buildOrgTree, buildStaffUser, login, tokenFor } from '../../test/factories.js';
import { createTestEnv, type TestEnv } from '../../test/harness.js';

let env: TestEnv;
let tree: Awaited<ReturnType<typeof buildOrgTree>>;

beforeAll(async () => {
  env = await createTestEnv();
  tree = await buildOrgTree(env);
});
afterAll(() => env.close());

const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
  env.app.inject({ method: 'POST', url, payload: payload as Record<string, unknown>, headers });

async function auditActions(targetId: number): Promise<string[]> {
  const rows = await env.database.query<{ action: string; outcome: string }>(
    "select action, outcome from audit_log where target_type = 'staff_user' and target_id = $1 order by id",
    [String(targetId)],
  );
  return rows.map((r) => `${r.action}:${r.outcome}`);
}

describe('staff sign-in', () => {
  it('returns a token pair and /me describes the caller, org and permissions', async () => {
    const user = await buildStaffUser(env, { org: tree.county, roles: ['staff'] });
    const tokens = await login(env, user);
    expect(tokens.expiresIn).toBe(900);
    const me = await env.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: bearer(tokens.accessToken),
    });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      user: { id: user.id, kind: 'staff', username: user.username, roles: ['staff'], totpEnabled: false },
      org: { id: tree.county.id, name: '金水区总工会', level: 'county', regionCode: '410105' },
      permissions: [
        'org.read',
        'org.write',
        'enterprise.read',
        'enterprise.write',
        'user.read',
        'member.read',
        'member.write',
        'member.pii',
        'card.manage',
        'card.verify',
        'service.manage',
        'request.read',
        'request.handle',
        'assistance.read',
        'assistance.manage',
        'legal.manage',
        'legal.read',
        'jobs.read',
        'jobs.manage',
      ],
    });
    expect(await auditActions(user.id)).toContain('auth.login:success');
  });

  it('rejects unknown fields and wrong types, listing every problem', async () => {
    const res = await post('/api/v1/auth/login', { username: 42, password: ['x'], remember: true });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.requestId).toEqual(expect.any(String));
    const paths = body.error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['body.username', 'body.password', 'body.remember']));
  });

  it('answers a wrong password with the attempts left, and locks on the fifth with the time to wait', async () => {
    const user = await buildStaffUser(env, { org: tree.county });
    for (let i = 1; i <= 4; i++) {
      const res = await post('/api/v1/auth/login', { username: user.username, password: 'wrong-password-1' });
      expect(res.statusCode).toBe(401);
      expect(res.json().error).toMatchObject({
        code: 'AUTH_INVALID_CREDENTIALS',
        meta: { attemptsLeft: 5 - i },
      });
    }
    const fifth = await post('/api/v1/auth/login', { username: user.username, password: 'wrong-password-1' });
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().error.code).toBe('AUTH_ACCOUNT_LOCKED');
    expect(fifth.json().error.meta.retryAfterSeconds).toBe(900);
    expect(fifth.headers['retry-after']).toBe('900');

    const rightButLocked = await post('/api/v1/auth/login', {
      username: user.username,
      password: user.password,
    });
    expect(rightButLocked.statusCode).toBe(423);

    env.clock.advance(901_000);
    const after = await post('/api/v1/auth/login', { username: user.username, password: user.password });
    expect(after.statusCode).toBe(200);
    expect(await auditActions(user.id)).toEqual(
      expect.arrayContaining(['auth.lockout:failure', 'auth.login:denied']),
    );
  });

  it('gives the same answer for an unknown username as for a wrong password', async () => {
    const res = await post('/api/v1/auth/login', { username: 'nobody-here', password: 'whatever-password' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('AUTH_INVALID_CREDENTIALS');
  });

  it('refuses a disabled account even with the right password', async () => {
    const user = await buildStaffUser(env, { org: tree.county });
    await env.database.query('update staff_users set disabled_at = now() where id = $1', [user.id]);
    const res = await post('/api/v1/auth/login', { username: user.username, password: user.password });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('AUTH_ACCOUNT_DISABLED');
  });
});

describe('sessions', () => {
  it('rotates refresh tokens and ends the session when an old one is replayed', async () => {
    const user = await buildStaffUser(env, { org: tree.county });
    const first = await login(env, user);
    const second = await post('/api/v1/auth/refresh', { refreshToken: first.refreshToken });
    expect(second.statusCode).toBe(200);
    const rotated = second.json();
    expect(rotated.refreshToken).not.toBe(first.refreshToken);

    const replay = await post('/api/v1/auth/refresh', { refreshToken: first.refreshToken });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.code).toBe('AUTH_REFRESH_INVALID');
    // The replay ended the session for the legitimate holder too.
    const afterReplay = await post('/api/v1/auth/refresh', { refreshToken: rotated.refreshToken });
    expect(afterReplay.statusCode).toBe(401);
    const me = await env.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: bearer(rotated.accessToken),
    });
    expect(me.statusCode).toBe(401);
  });

  it('answers an expired access token with TOKEN_EXPIRED, and a forged one with 401', async () => {
    const user = await buildStaffUser(env, { org: tree.county });
    const token = await tokenFor(env, user);
    env.clock.advance(901_000);
    const expired = await env.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token) });
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.code).toBe('TOKEN_EXPIRED');
    const forged = `${token.slice(0, -4)}AAAA`;
    const res = await env.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(forged) });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('logout revokes the access and refresh tokens server-side', async () => {
    const user = await buildStaffUser(env, { org: tree.county });
    const tokens = await login(env, user);
    const out = await post(
      '/api/v1/auth/logout',
      { refreshToken: tokens.refreshToken },
      bearer(tokens.accessToken),
    );
    expect(out.statusCode).toBe(204);
    const me = await env.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: bearer(tokens.accessToken),
    });
    expect(me.statusCode).toBe(401);
    const refresh = await post('/api/v1/auth/refresh', { refreshToken: tokens.refreshToken });
    expect(refresh.statusCode).toBe(401);
  });

  it('password change ends every session and returns a new pair', async () => {
    const user = await buildStaffUser(env, { org: tree.county });
    const other = await login(env, user);
    const current = await login(env, user);
    const weak = await post(
      '/api/v1/me/password',
      { currentPassword: user.password, newPassword: 'password123' },
      bearer(current.accessToken),
    );
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.code).toBe('AUTH_WEAK_PASSWORD');
    const wrong = await post(
      '/api/v1/me/password',
      { currentPassword: 'not-the-password', newPassword: 'Brand-new-pass-2026' },
      bearer(current.accessToken),
    );
    expect(wrong.statusCode).toBe(401);
    const res = await post(
      '/api/v1/me/password',
      { currentPassword: user.password, newPassword: 'Brand-new-pass-2026' },
      bearer(current.accessToken),
    );
    expect(res.statusCode).toBe(200);
    const fresh = res.json();
    for (const token of [other.accessToken, current.accessToken]) {
      const me = await env.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token) });
      expect(me.statusCode).toBe(401);
    }
    const me = await env.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(fresh.accessToken) });
    expect(me.statusCode).toBe(200);
    expect(
      (await login(env, { username: user.username, password: 'Brand-new-pass-2026' })).accessToken,
    ).toBeTruthy();
    expect(await auditActions(user.id)).toContain('auth.password_change:success');
  });
});

describe('two-step sign-in (TOTP)', () => {
  it('is set up with a first code and then required at sign-in', async () => {
    const user = await buildStaffUser(env, { org: tree.county });
    const token = await tokenFor(env, user);
    const setup = await post('/api/v1/me/totp/setup', {}, bearer(token));
    expect(setup.statusCode).toBe(200);
    const { secret, otpauthUrl } = setup.json();
    expect(otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
    const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) });
    const code = () => totp.generate({ timestamp: env.clock.now().getTime() });

    const bad = await post(
      '/api/v1/me/totp/confirm',
      { code: code() === '000000' ? '111111' : '000000' },
      bearer(token),
    );
    expect(bad.statusCode).toBe(400);
    expect((await post('/api/v1/me/totp/confirm', { code: code() }, bearer(token))).statusCode).toBe(204);

    const without = await post('/api/v1/auth/login', { username: user.username, password: user.password });
    expect(without.statusCode).toBe(400);
    expect(without.json().error.code).toBe('AUTH_TOTP_REQUIRED');
    const withCode = await post('/api/v1/auth/login', {
      username: user.username,
      password: user.password,
      totp: code(),
    });
    expect(withCode.statusCode).toBe(200);

    const off = await post(
      '/api/v1/me/totp/disable',
      { password: user.password },
      bearer(withCode.json().accessToken),
    );
    expect(off.statusCode).toBe(204);
    expect(
      (await post('/api/v1/auth/login', { username: user.username, password: user.password })).statusCode,
    ).toBe(200);
    expect(await auditActions(user.id)).toEqual(
      expect.arrayContaining(['auth.totp_enable:success', 'auth.totp_disable:success']),
    );
  });
});
