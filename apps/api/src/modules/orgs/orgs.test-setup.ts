/** Shared setup of the org write tests: one database per test file, the same org tree in each. */
import { afterAll, beforeAll, expect } from 'vitest';
import { bearer, buildOrgTree, buildStaffUser, tokenFor } from '../../test/factories.js';
import { createTestEnv, type TestEnv } from '../../test/harness.js';

export let env: TestEnv;
export let tree: Awaited<ReturnType<typeof buildOrgTree>>;
export let cityToken: string;
export function useOrgsEnv(): void {
  beforeAll(async () => {
    env = await createTestEnv();
    tree = await buildOrgTree(env);
    cityToken = await tokenFor(env, await buildStaffUser(env, { org: tree.city, roles: ['staff'] }));
  });
  afterAll(() => env.close());
}

let n = 0;
export const uniqueName = (base = '测试单位工会') => `${base}${++n}`;

export const count = async (table: string) =>
  (await env.database.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n;

/** Runs failing requests and checks that none of them wrote an org or an audit entry. */
export async function expectNothingWritten(work: () => Promise<void>) {
  const before = [await count('orgs'), await count('audit_log')];
  const paths = await env.database.query('select id, path::text, status, name from orgs order by id');
  await work();
  expect([await count('orgs'), await count('audit_log')]).toEqual(before);
  expect(await env.database.query('select id, path::text, status, name from orgs order by id')).toEqual(
    paths,
  );
}

export const post = (url: string, payload: unknown, token = cityToken) =>
  env.app.inject({
    method: 'POST',
    url,
    headers: bearer(token),
    payload: payload as Record<string, unknown>,
  });
export const patch = (url: string, payload: unknown, token = cityToken) =>
  env.app.inject({
    method: 'PATCH',
    url,
    headers: bearer(token),
    payload: payload as Record<string, unknown>,
  });
export const get = (url: string, token = cityToken) =>
  env.app.inject({ method: 'GET', url, headers: bearer(token) });
