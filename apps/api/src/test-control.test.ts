import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from './config/config.js';
import { createTestEnv, type TestEnv } from './test/harness.js';

describe('clock control for browser journeys', () => {
  let env: TestEnv | undefined;
  afterEach(async () => {
    await env?.close();
    env = undefined;
  });

  it('is absent unless CLOCK_CONTROL is set', async () => {
    env = await createTestEnv();
    const res = await env.app.inject({ method: 'PUT', url: '/api/v1/test/clock', payload: { now: null } });
    expect(res.statusCode).toBe(404);
    const job = await env.app.inject({ method: 'POST', url: '/api/v1/test/jobs/request-escalation' });
    expect(job.statusCode).toBe(404);
  });

  it('is refused in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', CLOCK_CONTROL: 'true' })).toThrow(/CLOCK_CONTROL=true/);
  });

  it('sets the application clock, resets it, and runs a job pass at once', async () => {
    env = await createTestEnv({ env: { CLOCK_CONTROL: 'true' } });
    const at = '2026-03-04T19:00:00.000Z';
    const set = await env.app.inject({ method: 'PUT', url: '/api/v1/test/clock', payload: { now: at } });
    expect(set.statusCode).toBe(200);
    expect(Math.abs(Date.parse(set.json().now) - Date.parse(at))).toBeLessThan(1000);
    expect(Math.abs(env.ctx.clock.now().getTime() - Date.parse(at))).toBeLessThan(1000);

    const reset = await env.app.inject({ method: 'PUT', url: '/api/v1/test/clock', payload: { now: null } });
    expect(Math.abs(Date.parse(reset.json().now) - Date.now())).toBeLessThan(1000);

    const job = await env.app.inject({ method: 'POST', url: '/api/v1/test/jobs/request-escalation' });
    expect(job.statusCode).toBe(200);
    expect(job.json()).toEqual({ job: 'request-escalation', handled: 0 });
  });

  it('names the field when the input is wrong', async () => {
    env = await createTestEnv({ env: { CLOCK_CONTROL: 'true' } });
    const bad = await env.app.inject({
      method: 'PUT',
      url: '/api/v1/test/clock',
      payload: { now: 'tomorrow' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('body.now');
    const unknown = await env.app.inject({ method: 'POST', url: '/api/v1/test/jobs/make-coffee' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.details[0]).toMatchObject({ path: 'params.name' });
  });
});
