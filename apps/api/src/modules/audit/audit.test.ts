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

describe('audit log', () => {
  it('cannot be changed or emptied, even with the application’s own database access', async () => {
    const user = await buildStaffUser(env, { org: tree.county });
    await login(env, user);
    await expect(env.database.query("update audit_log set action = 'x'")).rejects.toThrow(/append-only/);
    await expect(env.database.query('delete from audit_log')).rejects.toThrow(/append-only/);
    await expect(env.database.query('truncate audit_log')).rejects.toThrow(/append-only/);
  });

  it('GET /audit passes the access matrix', async () => {
    await expectAccessMatrix(env, {
      method: 'GET',
      url: (org) => `/api/v1/audit?orgId=${org.id}&pageSize=5`,
      allowedRole: 'org_admin',
      deniedRole: 'staff',
      home: tree.city,
      inScope: tree.county,
      outOfScope: tree.otherCounty,
    });
  });

  it('shows a county admin the sign-ins in its subtree and none from elsewhere', async () => {
    const inside = await buildStaffUser(env, { org: tree.grassroots });
    const outside = await buildStaffUser(env, { org: tree.otherCounty });
    await login(env, inside);
    await login(env, outside);
    const admin = await buildStaffUser(env, { org: tree.county, roles: ['org_admin'] });
    const res = await env.app.inject({
      method: 'GET',
      url: '/api/v1/audit?action=auth.login&pageSize=100',
      headers: bearer(await tokenFor(env, admin)),
    });
    expect(res.statusCode).toBe(200);
    const targets = res.json().items.map((e: { targetId: string }) => e.targetId);
    expect(targets).toContain(String(inside.id));
    expect(targets).not.toContain(String(outside.id));
    const entry = res.json().items.find((e: { targetId: string }) => e.targetId === String(inside.id));
    expect(entry).toMatchObject({ action: 'auth.login', outcome: 'success', actorName: inside.username });
  });
});
