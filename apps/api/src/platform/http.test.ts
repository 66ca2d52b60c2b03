import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, buildOrgTree, buildStaffUser, tokenFor } from '../test/factories.js';
import { createTestEnv, type TestEnv } from '../test/harness.js';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env.close());

describe('HTTP platform', () => {
  it('answers health, readiness with the migrations applied, and Prometheus metrics', async () => {
    expect((await env.app.inject('/api/health')).json()).toEqual({ status: 'ok' });
    const ready = await env.app.inject('/api/ready');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ready', migrations: expect.any(Number) });
    await env.app.inject('/api/health');
    const metrics = await env.app.inject('/api/metrics');
    expect(metrics.headers['content-type']).toContain('text/plain');
    expect(metrics.body).toContain('unionhub_http_request_duration_seconds_bucket');
    expect(metrics.body).toContain('route="/api/health"');
    expect(metrics.body).toContain('unionhub_process_resident_memory_bytes');
  });

  it('publishes an OpenAPI 3 document generated from the schemas, and a docs page', async () => {
    const doc = (await env.app.inject('/api/openapi.json')).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/auth/login',
        '/api/v1/me',
        '/api/v1/orgs/{id}',
        '/api/v1/orgs/{id}/children',
      ]),
    );
    const login = doc.paths['/api/v1/auth/login'].post;
    expect(JSON.stringify(login.requestBody)).toContain('username');
    expect(Object.keys(login.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '423']));
    const page = await env.app.inject('/api/docs/');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
  });

  it('answers an unknown route with the one error shape and a request id', async () => {
    const res = await env.app.inject({
      method: 'GET',
      url: '/api/v1/nothing-here',
      headers: { 'x-request-id': 'trace-123' },
    });
    expect(res.statusCode).toBe(404);
    expect(res.headers['x-request-id']).toBe('trace-123');
    expect(res.json()).toEqual({
      error: { code: 'NOT_FOUND', message: 'No route GET /api/v1/nothing-here', details: [] },
      requestId: 'trace-123',
    });
  });

  it('rejects a body that is not JSON, and one that is too large', async () => {
    const broken = await env.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": ',
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.code).toBe('VALIDATION_FAILED');
    const huge = await env.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'x', password: 'y'.repeat(2 * 1024 * 1024) },
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('sends security headers', async () => {
    const res = await env.app.inject('/api/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('turns an unexpected failure into a 500 that names the request and hides the cause', async () => {
    const local = await createTestEnv();
    const tree = await buildOrgTree(local);
    const token = await tokenFor(local, await buildStaffUser(local, { org: tree.county }));
    await local.database.query('alter table orgs rename to orgs_moved');
    const res = await local.app.inject({
      method: 'GET',
      url: `/api/v1/orgs/${tree.county.id}`,
      headers: bearer(token),
    });
    expect(res.statusCode).toBe(500);
    const body = res.json();
    expect(body.error.code).toBe('INTERNAL');
    expect(body.error.message).toContain(body.requestId);
    expect(res.body).not.toMatch(/orgs|relation|does not exist/);
    await local.database.query('alter table orgs_moved rename to orgs');
    await local.close();
  });
});
