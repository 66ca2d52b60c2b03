import { beforeEach, describe, expect, test } from 'vitest';
import { apiError, json, mockFetch } from '../test/http';
import { ApiError, createApiClient } from './api';
import { createTokenStore } from './tokens';

const pair = (n: number) => ({ accessToken: `access-${n}`, refreshToken: `refresh-${n}`, expiresIn: 900 });

describe('api client', () => {
  const tokens = createTokenStore('uh.test.tokens');

  beforeEach(() => {
    tokens.set(pair(1));
  });

  test('sends JSON with the bearer token under /api/v1', async () => {
    const { fetch, calls } = mockFetch(() => json(200, { ok: true }));
    const api = createApiClient({ tokens, fetch });
    await expect(api.post('/things', { a: 1 })).resolves.toEqual({ ok: true });
    expect(calls).toEqual([
      { method: 'POST', url: '/api/v1/things', body: { a: 1 }, authorization: 'Bearer access-1' },
    ]);
  });

  test('sends a file as multipart (the browser sets the boundary) with extra headers', async () => {
    const seen: RequestInit[] = [];
    const fetch = (async (_input: RequestInfo | URL, init?: RequestInit) => {
      seen.push(init ?? {});
      return json(201, { id: 3 });
    }) as typeof globalThis.fetch;
    const api = createApiClient({ tokens, fetch });
    const form = new FormData();
    form.append('file', new Blob(['x'], { type: 'image/png' }), 'a.png');
    await expect(
      api.post('/attachments', form, { headers: { 'Idempotency-Key': 'k-12345678' } }),
    ).resolves.toEqual({
      id: 3,
    });
    const headers = new Headers(seen[0]?.headers);
    expect(seen[0]?.body).toBe(form);
    expect(headers.get('Content-Type')).toBeNull();
    expect(headers.get('Idempotency-Key')).toBe('k-12345678');
    expect(headers.get('Authorization')).toBe('Bearer access-1');
  });

  test('on TOKEN_EXPIRED refreshes once, stores the new pair and retries', async () => {
    const { fetch, calls } = mockFetch(({ url, authorization }) => {
      if (url.endsWith('/auth/refresh')) return json(200, pair(2));
      return authorization === 'Bearer access-2' ? json(200, { id: 7 }) : apiError(401, 'TOKEN_EXPIRED');
    });
    const api = createApiClient({ tokens, fetch });

    await expect(api.get('/me')).resolves.toEqual({ id: 7 });

    expect(calls.map((c) => `${c.method} ${c.url} ${c.authorization}`)).toEqual([
      'GET /api/v1/me Bearer access-1',
      'POST /api/v1/auth/refresh null',
      'GET /api/v1/me Bearer access-2',
    ]);
    expect(calls[1]?.body).toEqual({ refreshToken: 'refresh-1' });
    expect(tokens.get()).toMatchObject({ accessToken: 'access-2', refreshToken: 'refresh-2' });
  });

  test('parallel requests with an expired token share one refresh', async () => {
    const { fetch, calls } = mockFetch(({ url, authorization }) => {
      if (url.endsWith('/auth/refresh')) return json(200, pair(2));
      return authorization === 'Bearer access-2' ? json(200, { url }) : apiError(401, 'TOKEN_EXPIRED');
    });
    const api = createApiClient({ tokens, fetch });

    await Promise.all([api.get('/a'), api.get('/b'), api.get('/c')]);

    expect(calls.filter((c) => c.url.endsWith('/auth/refresh'))).toHaveLength(1);
  });

  test('a refused refresh ends the session and reports the expiry', async () => {
    const { fetch, calls } = mockFetch(({ url }) =>
      url.endsWith('/auth/refresh') ? apiError(401, 'AUTH_REFRESH_INVALID') : apiError(401, 'TOKEN_EXPIRED'),
    );
    const api = createApiClient({ tokens, fetch });

    const error = await api.get('/me').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, code: 'TOKEN_EXPIRED' });
    expect(calls).toHaveLength(2);
    expect(tokens.get()).toBeNull();
  });

  test('other 401s are not refreshed, and a wrong password does not sign out', async () => {
    const { fetch, calls } = mockFetch(() => apiError(401, 'AUTH_INVALID_CREDENTIALS'));
    const api = createApiClient({ tokens, fetch });

    await expect(api.post('/me/password', {})).rejects.toMatchObject({ code: 'AUTH_INVALID_CREDENTIALS' });
    expect(calls).toHaveLength(1);
    expect(tokens.get()).not.toBeNull();
  });

  test('calls made without auth send no token and never refresh', async () => {
    const { fetch, calls } = mockFetch(() => apiError(401, 'TOKEN_EXPIRED'));
    const api = createApiClient({ tokens, fetch });

    await expect(api.post('/auth/login', {}, { auth: false })).rejects.toMatchObject({
      code: 'TOKEN_EXPIRED',
    });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.authorization).toBeNull();
  });

  test('keeps the error body: details, meta and request id', async () => {
    const { fetch } = mockFetch(() =>
      apiError(423, 'AUTH_ACCOUNT_LOCKED', {
        meta: { retryAfterSeconds: 600 },
        details: [{ path: 'body.username', message: 'locked' }],
      }),
    );
    const api = createApiClient({ tokens, fetch });

    await expect(api.post('/auth/login', {}, { auth: false })).rejects.toMatchObject({
      status: 423,
      code: 'AUTH_ACCOUNT_LOCKED',
      meta: { retryAfterSeconds: 600 },
      details: [{ path: 'body.username', message: 'locked' }],
      requestId: 'req-1',
    });
  });

  test('a gateway page without JSON and an unreachable server get client codes', async () => {
    const gateway = createApiClient({
      tokens,
      fetch: mockFetch(() => new Response('<html>', { status: 502 })).fetch,
    });
    await expect(gateway.get('/x')).rejects.toMatchObject({ status: 502, code: 'SERVICE_UNAVAILABLE' });

    const offline = createApiClient({
      tokens,
      fetch: mockFetch(() => {
        throw new TypeError('Failed to fetch');
      }).fetch,
    });
    await expect(offline.get('/x')).rejects.toMatchObject({ status: 0, code: 'NETWORK_ERROR' });
  });

  test('204 answers resolve to undefined', async () => {
    const api = createApiClient({
      tokens,
      fetch: mockFetch(() => new Response(null, { status: 204 })).fetch,
    });
    await expect(api.post('/auth/logout', { refreshToken: 'r' })).resolves.toBeUndefined();
  });

  test('sends extra headers (an Idempotency-Key) without letting them replace the token', async () => {
    let seen: Headers | null = null;
    const api = createApiClient({
      tokens,
      fetch: async (_input, init) => {
        seen = new Headers(init?.headers);
        return json(201, { id: 1 });
      },
    });
    await api.post('/join-applications', { a: 1 }, { headers: { 'Idempotency-Key': 'k-123456789' } });
    expect(seen!.get('Idempotency-Key')).toBe('k-123456789');
    expect(seen!.get('Authorization')).toBe('Bearer access-1');
  });
});
