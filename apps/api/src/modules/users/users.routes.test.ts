import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessMatrix } from '../../test/access-matrix.js';
import { bearer, buildOrgTree, buildStaffUser, login, tokenFor } from '../../test/factories.js';
import { createTestEnv, type TestEnv } from '../../test/harness.js';

let env: TestEnv;
let tree: Awaited<ReturnType<typeof buildOrgTree>>;
beforeAll(async () => {
  env = await createTestEnv();
  tree = await buildOrgTree(env);
});
afterAll(() => env.close());

let n = 0;
const newUser = (orgId: number) => ({
  orgId,
  username: `new_user_${++n}`,
  displayName: '新同事',
  password: 'Strong-enough-pass-1',
  roles: ['staff'],
});

const count = async (table: string) =>
  (await env.database.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n;

describe('staff user management', () => {
  it('POST /users passes the access matrix', async () => {
    await expectAccessMatrix(env, {
      method: 'POST',
      url: () => '/api/v1/users',
      payload: (org) => newUser(org.id),
      allowedRole: 'org_admin',
      deniedRole: 'staff',
      home: tree.city,
      inScope: tree.county,
      outOfScope: tree.otherCounty,
      successStatus: 201,
    });
  });

  it('GET /users lists only the caller’s subtree', async () => {
    const other = await buildStaffUser(env, { org: tree.otherCounty, roles: ['staff'] });
    const mine = await buildStaffUser(env, { org: tree.grassroots, roles: ['staff'] });
    const admin = await buildStaffUser(env, { org: tree.county, roles: ['staff'] });
    const res = await env.app.inject({
      method: 'GET',
      url: '/api/v1/users?pageSize=200',
      headers: bearer(await tokenFor(env, admin)),
    });
    expect(res.statusCode).toBe(200);
    const names = res.json().items.map((u: { username: string }) => u.username);
    expect(names).toContain(mine.username);
    expect(names).not.toContain(other.username);
    expect(res.json().total).toBe(names.length);
  });

  it('records a role change in the audit log and applies it at once', async () => {
    const admin = await buildStaffUser(env, { org: tree.city, roles: ['org_admin'] });
    const target = await buildStaffUser(env, { org: tree.county, roles: ['viewer'] });
    const targetToken = await tokenFor(env, target);
    const res = await env.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${target.id}`,
      headers: bearer(await tokenFor(env, admin)),
      payload: { roles: ['staff'] },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().roles).toEqual(['staff']);
    const me = await env.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(targetToken) });
    expect(me.json().permissions).toContain('org.write');
    const [entry] = await env.database.query<{ actor_id: number; details: { from: string[]; to: string[] } }>(
      "select actor_id, details from audit_log where action = 'user.roles_change' and target_id = $1",
      [String(target.id)],
    );
    expect(entry).toMatchObject({ actor_id: admin.id, details: { from: ['viewer'], to: ['staff'] } });
  });

  it('disabling a user ends their sessions', async () => {
    const admin = await buildStaffUser(env, { org: tree.city, roles: ['org_admin'] });
    const target = await buildStaffUser(env, { org: tree.county, roles: ['staff'] });
    const targetToken = await tokenFor(env, target);
    await env.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${target.id}`,
      headers: bearer(await tokenFor(env, admin)),
      payload: { disabled: true },
    });
    expect(
      (await env.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(targetToken) })).statusCode,
    ).toBe(401);
  });

  it('leaves recruiter accounts to the jobs module, which ties them to an enterprise', async () => {
    const admin = await buildStaffUser(env, { org: tree.city, roles: ['org_admin'] });
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: bearer(await tokenFor(env, admin)),
      payload: { ...newUser(tree.county.id), roles: ['enterprise_recruiter'] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('body.roles');
  });

  it('refuses changing one’s own roles', async () => {
    const admin = await buildStaffUser(env, { org: tree.city, roles: ['org_admin'] });
    const res = await env.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${admin.id}`,
      headers: bearer(await tokenFor(env, admin)),
      payload: { roles: ['viewer'] },
    });
    expect(res.statusCode).toBe(409);
  });

  it('refuses a taken username, a weak password and bad fields, writing nothing', async () => {
    const admin = await buildStaffUser(env, { org: tree.city, roles: ['org_admin'] });
    const token = await tokenFor(env, admin);
    const users = await count('staff_users');
    const audits = await count('audit_log');
    const taken = await env.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: bearer(token),
      payload: { ...newUser(tree.county.id), username: admin.username },
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('USER_USERNAME_TAKEN');
    const weak = await env.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: bearer(token),
      payload: { ...newUser(tree.county.id), password: '1234567890' },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details[0].path).toBe('body.password');
    const bad = await env.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: bearer(token),
      payload: { ...newUser(tree.county.id), roles: ['superuser'], isAdmin: true },
    });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['body.isAdmin', 'body.roles.0']));
    expect(await count('staff_users')).toBe(users);
    expect(await count('audit_log')).toBe(audits);
  });

  it('unlocks a locked account', async () => {
    const admin = await buildStaffUser(env, { org: tree.city, roles: ['org_admin'] });
    const target = await buildStaffUser(env, { org: tree.county });
    for (let i = 0; i < 5; i++)
      await env.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: target.username, password: 'wrong-password' },
      });
    const res = await env.app.inject({
      method: 'POST',
      url: `/api/v1/users/${target.id}/unlock`,
      headers: bearer(await tokenFor(env, admin)),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().locked).toBe(false);
    expect((await login(env, target)).accessToken).toBeTruthy();
  });
});
