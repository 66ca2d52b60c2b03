import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { bearer, buildOrgTree, buildStaffUser, tokenFor } from '../../test/factories.js';
import { createTestEnv, type TestEnv } from '../../test/harness.js';
import { principalCacheOf } from './principal-cache.js';

/**
 * Each process keeps the callers it resolved; changes made anywhere else (another API process,
 * an operator in psql) reach it through the database's notices. Here the changes are written in
 * SQL, bypassing this process's services, as another process would.
 */
let env: TestEnv;
let tree: Awaited<ReturnType<typeof buildOrgTree>>;
beforeAll(async () => {
  env = await createTestEnv();
  tree = await buildOrgTree(env);
});
afterAll(() => env.close());

const me = (token: string) => env.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token) });
const eventually = (check: () => Promise<void>) => vi.waitFor(check, { timeout: 5000, interval: 20 });

describe('signed-in callers kept by the process', () => {
  it('refuses a session revoked elsewhere', async () => {
    const user = await buildStaffUser(env, { org: tree.county, roles: ['staff'] });
    const token = await tokenFor(env, user);
    expect((await me(token)).statusCode).toBe(200);
    expect(principalCacheOf(env.database).size).toBeGreaterThan(0);
    await env.database.query(
      `update sessions set revoked_at = now(), revoked_reason = 'logout'
       where subject_type = 'staff' and subject_id = $1`,
      [user.id],
    );
    await eventually(async () => expect((await me(token)).statusCode).toBe(401));
  });

  it('applies roles changed elsewhere with the next request', async () => {
    const user = await buildStaffUser(env, { org: tree.county, roles: ['org_admin'] });
    const token = await tokenFor(env, user);
    const users = () => env.app.inject({ method: 'GET', url: '/api/v1/users', headers: bearer(token) });
    expect((await users()).statusCode).toBe(200);
    await env.database.query(`update staff_users set roles = '{viewer}' where id = $1`, [user.id]);
    await eventually(async () => expect((await users()).statusCode).toBe(403));
  });

  it('refuses a user disabled elsewhere', async () => {
    const user = await buildStaffUser(env, { org: tree.county, roles: ['staff'] });
    const token = await tokenFor(env, user);
    expect((await me(token)).statusCode).toBe(200);
    await env.database.query('update staff_users set disabled_at = now() where id = $1', [user.id]);
    await eventually(async () => expect((await me(token)).statusCode).toBe(401));
  });

  it('reads every scope again when org paths change', async () => {
    const user = await buildStaffUser(env, { org: tree.county, roles: ['staff'] });
    expect((await me(await tokenFor(env, user))).statusCode).toBe(200);
    const cache = principalCacheOf(env.database);
    expect(cache.size).toBeGreaterThan(0);
    await env.database.query('update orgs set path = path where id = $1', [tree.grassroots.id]);
    await eventually(async () => expect(cache.size).toBe(0));
  });
});
