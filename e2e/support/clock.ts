import { type APIRequestContext, expect } from '@playwright/test';

/**
 * The journeys' server runs with CLOCK_CONTROL=true (support/serve-fresh.mjs): a journey may put the
 * application clock anywhere and run a background job's pass at once instead of waiting an hour.
 * A journey that moves the clock puts it back before it ends, since the server is shared.
 */
export async function setServerClock(request: APIRequestContext, at: Date | null): Promise<Date> {
  const res = await request.put('/api/v1/test/clock', { data: { now: at ? at.toISOString() : null } });
  expect(res.status(), await res.text()).toBe(200);
  return new Date((await res.json()).now as string);
}

export async function runServerJob(request: APIRequestContext, name: string): Promise<number> {
  const res = await request.post(`/api/v1/test/jobs/${name}`);
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()).handled as number;
}
