import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer } from '../../test/factories.js';
import { createTestEnv, type TestEnv } from '../../test/harness.js';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env.close());

const post = (url: string, payload: unknown) =>
  env.app.inject({ method: 'POST', url, payload: payload as Record<string, unknown> });

describe('member sign-in with phone and one-time code', () => {
  it('signs in with the code from the SMS outbox; /me shows only the masked phone', async () => {
    const phone = '13912345678';
    expect((await post('/api/v1/auth/otp', { phone })).statusCode).toBe(204);
    const code = env.sms.lastCode(phone);
    expect(code).toMatch(/^\d{6}$/);
    expect(env.sms.sent.at(-1)?.text).toContain(code);
    const res = await post('/api/v1/auth/otp/verify', { phone, code });
    expect(res.statusCode).toBe(200);
    const me = await env.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: bearer(res.json().accessToken),
    });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ user: { kind: 'member', phoneMasked: '139****5678' }, org: null });
    expect(me.body).not.toContain('13912345678');
  });

  it('counts wrong codes down and refuses a reused one', async () => {
    const phone = '13900000001';
    await post('/api/v1/auth/otp', { phone });
    const code = env.sms.lastCode(phone);
    const wrong = code === '000000' ? '000001' : '000000';
    const first = await post('/api/v1/auth/otp/verify', { phone, code: wrong });
    expect(first.statusCode).toBe(400);
    expect(first.json().error).toMatchObject({ code: 'AUTH_OTP_INVALID', meta: { triesLeft: 4 } });
    expect((await post('/api/v1/auth/otp/verify', { phone, code })).statusCode).toBe(200);
    const again = await post('/api/v1/auth/otp/verify', { phone, code });
    expect(again.statusCode).toBe(400);
    expect(again.json().error).toMatchObject({ code: 'AUTH_OTP_INVALID', meta: { triesLeft: 0 } });
  });

  it('stops accepting a code after five wrong tries, even the right one', async () => {
    const phone = '13900000002';
    await post('/api/v1/auth/otp', { phone });
    const code = env.sms.lastCode(phone);
    const wrong = code === '000000' ? '000001' : '000000';
    for (let i = 0; i < 5; i++) await post('/api/v1/auth/otp/verify', { phone, code: wrong });
    const res = await post('/api/v1/auth/otp/verify', { phone, code });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.meta.triesLeft).toBe(0);
  });

  it('expires a code after five minutes', async () => {
    const phone = '13900000003';
    await post('/api/v1/auth/otp', { phone });
    env.clock.advance(5 * 60_000 + 1000);
    const res = await post('/api/v1/auth/otp/verify', { phone, code: env.sms.lastCode(phone) });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('AUTH_OTP_EXPIRED');
  });

  it('makes the phone wait a minute between codes', async () => {
    const phone = '13900000004';
    expect((await post('/api/v1/auth/otp', { phone })).statusCode).toBe(204);
    const again = await post('/api/v1/auth/otp', { phone });
    expect(again.statusCode).toBe(429);
    expect(again.json().error.code).toBe('AUTH_OTP_TOO_SOON');
    expect(again.json().error.meta.retryAfterSeconds).toBeGreaterThan(50);
    env.clock.advance(61_000);
    expect((await post('/api/v1/auth/otp', { phone })).statusCode).toBe(204);
  });

  it('rejects a malformed phone naming the field', async () => {
    const res = await post('/api/v1/auth/otp', { phone: '12345' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('body.phone');
  });

  it('keeps no phone number in the clear anywhere in the database', async () => {
    const phone = '13977776666';
    await post('/api/v1/auth/otp', { phone });
    await post('/api/v1/auth/otp/verify', { phone, code: env.sms.lastCode(phone) });
    const tables = await env.database.query<{ tablename: string }>(
      "select tablename from pg_tables where schemaname = 'public'",
    );
    for (const { tablename } of tables) {
      const rows = await env.database.query<{ t: string }>(`select t::text as t from "${tablename}" t`);
      for (const row of rows) expect(row.t, tablename).not.toContain(phone);
    }
  });
});

describe('rate limits by address', () => {
  it('answers 429 after too many sign-in attempts from one address', async () => {
    const limited = await createTestEnv({ rateLimit: true });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 22; i++) {
        const res = await limited.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { username: `nobody${i}`, password: 'whatever-password' },
        });
        codes.push(res.statusCode);
      }
      expect(codes.slice(0, 20).every((c) => c === 401)).toBe(true);
      expect(codes.at(-1)).toBe(429);
    } finally {
      await limited.close();
    }
  });
});
