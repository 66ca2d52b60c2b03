import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessMatrix } from '../../test/access-matrix.js';
import { bearer, buildOrgTree, buildStaffUser, tokenFor } from '../../test/factories.js';
import { createTestEnv, type TestEnv } from '../../test/harness.js';

let env: TestEnv;
let tree: Awaited<ReturnType<typeof buildOrgTree>>;
let adminToken: string;
beforeAll(async () => {
  env = await createTestEnv();
  tree = await buildOrgTree(env);
  adminToken = await tokenFor(env, await buildStaffUser(env, { org: tree.city, roles: ['org_admin'] }));
});
afterAll(() => env.close());

async function createKey(body: Record<string, unknown>, token = adminToken) {
  return env.app.inject({ method: 'POST', url: '/api/v1/api-keys', headers: bearer(token), payload: body });
}
const withKey = (key: string) => ({ authorization: `ApiKey ${key}` });

describe('open-API keys', () => {
  it('POST /api-keys passes the access matrix', async () => {
    await expectAccessMatrix(env, {
      method: 'POST',
      url: () => '/api/v1/api-keys',
      payload: (org) => ({ name: '政务数据平台', orgId: org.id, permissions: ['org.read'] }),
      allowedRole: 'org_admin',
      deniedRole: 'staff',
      home: tree.city,
      inScope: tree.county,
      outOfScope: tree.otherCounty,
      successStatus: 201,
    });
  });

  it('shows the key once, stores only its hash, and it works on the same endpoints within its scope', async () => {
    const res = await createKey({
      name: '省政务数据共享平台',
      orgId: tree.county.id,
      permissions: ['org.read', 'audit.read'],
    });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created.key).toMatch(/^uhk_[a-z0-9]{10}_[A-Za-z0-9_-]{43}$/);
    expect(created).toMatchObject({
      name: '省政务数据共享平台',
      orgId: tree.county.id,
      status: 'active',
      permissions: ['org.read', 'audit.read'],
    });

    const list = await env.app.inject({
      method: 'GET',
      url: '/api/v1/api-keys',
      headers: bearer(adminToken),
    });
    expect(list.body).not.toContain(created.key);
    expect(list.json().items.map((k: { id: number }) => k.id)).toContain(created.id);
    const stored = await env.database.query<{ t: string }>('select k::text as t from api_keys k');
    // The secret is everything after the second underscore (it may contain underscores itself).
    const secret = created.key.split('_').slice(2).join('_');
    for (const row of stored) expect(row.t).not.toContain(secret);

    const inside = await env.app.inject({
      method: 'GET',
      url: `/api/v1/orgs/${tree.grassroots.id}`,
      headers: withKey(created.key),
    });
    expect(inside.statusCode).toBe(200);
    const outside = await env.app.inject({
      method: 'GET',
      url: `/api/v1/orgs/${tree.city.id}`,
      headers: withKey(created.key),
    });
    expect(outside.statusCode).toBe(404);
    const notGranted = await env.app.inject({
      method: 'GET',
      url: '/api/v1/users',
      headers: withKey(created.key),
    });
    expect(notGranted.statusCode).toBe(403);
    const noProfile = await env.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: withKey(created.key),
    });
    expect(noProfile.statusCode).toBe(403);

    const [entry] = await env.database.query<{ actor_type: string }>(
      "select actor_type from audit_log where action = 'apikey.create' and target_id = $1",
      [String(created.id)],
    );
    expect(entry?.actor_type).toBe('staff');
  });

  it('refuses permissions the creator lacks or keys may never hold, naming them', async () => {
    const staffToken = await tokenFor(
      env,
      await buildStaffUser(env, { org: tree.city, roles: ['org_admin'] }),
    );
    const forbidden = await createKey(
      { name: '越权密钥', orgId: tree.county.id, permissions: ['user.manage'] },
      staffToken,
    );
    expect(forbidden.statusCode).toBe(400);
    expect(forbidden.json().error.details[0].path).toMatch(/^body\.permissions/);
    const past = await createKey({
      name: '过期密钥',
      orgId: tree.county.id,
      permissions: ['org.read'],
      expiresAt: '2000-01-01T00:00:00Z',
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.details[0].path).toBe('body.expiresAt');
  });

  it('stops working at once when revoked, and when expired', async () => {
    const created = (
      await createKey({ name: '临时对接', orgId: tree.county.id, permissions: ['org.read'] })
    ).json();
    const url = `/api/v1/orgs/${tree.county.id}`;
    expect((await env.app.inject({ method: 'GET', url, headers: withKey(created.key) })).statusCode).toBe(
      200,
    );
    const revoked = await env.app.inject({
      method: 'POST',
      url: `/api/v1/api-keys/${created.id}/revoke`,
      headers: bearer(adminToken),
    });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().status).toBe('revoked');
    expect((await env.app.inject({ method: 'GET', url, headers: withKey(created.key) })).statusCode).toBe(
      401,
    );

    const expiring = (
      await createKey({
        name: '一小时密钥',
        orgId: tree.county.id,
        permissions: ['org.read'],
        expiresAt: new Date(env.clock.now().getTime() + 3600_000).toISOString(),
      })
    ).json();
    expect((await env.app.inject({ method: 'GET', url, headers: withKey(expiring.key) })).statusCode).toBe(
      200,
    );
    env.clock.advance(3601_000);
    expect((await env.app.inject({ method: 'GET', url, headers: withKey(expiring.key) })).statusCode).toBe(
      401,
    );
    // The admin's own access token expired with the hour; sign in again for the tests that follow.
    adminToken = await tokenFor(env, await buildStaffUser(env, { org: tree.city, roles: ['org_admin'] }));
  });

  it('rejects a forged key and a key of another org’s admin cannot be revoked from outside', async () => {
    const created = (
      await createKey({ name: '对接平台', orgId: tree.county.id, permissions: ['org.read'] })
    ).json();
    const forged = `${created.key.slice(0, -3)}AAA`;
    expect(
      (
        await env.app.inject({
          method: 'GET',
          url: `/api/v1/orgs/${tree.county.id}`,
          headers: withKey(forged),
        })
      ).statusCode,
    ).toBe(401);
    const outsider = await tokenFor(
      env,
      await buildStaffUser(env, { org: tree.otherCity, roles: ['org_admin'] }),
    );
    const res = await env.app.inject({
      method: 'POST',
      url: `/api/v1/api-keys/${created.id}/revoke`,
      headers: bearer(outsider),
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('API_KEY_NOT_FOUND');
  });

  it('limits each key to its own request budget', async () => {
    const limited = await createTestEnv({ rateLimit: true });
    try {
      const t = await buildOrgTree(limited);
      const admin = await tokenFor(
        limited,
        await buildStaffUser(limited, { org: t.city, roles: ['org_admin'] }),
      );
      const key = (
        await limited.app.inject({
          method: 'POST',
          url: '/api/v1/api-keys',
          headers: bearer(admin),
          payload: { name: '压力测试', orgId: t.city.id, permissions: ['org.read'] },
        })
      ).json().key;
      let last = 0;
      for (let i = 0; i < 601; i++)
        last = (
          await limited.app.inject({ method: 'GET', url: `/api/v1/orgs/${t.city.id}`, headers: withKey(key) })
        ).statusCode;
      expect(last).toBe(429);
      // A person's session is not held back by a key's budget.
      expect(
        (
          await limited.app.inject({
            method: 'GET',
            url: `/api/v1/orgs/${t.city.id}`,
            headers: bearer(admin),
          })
        ).statusCode,
      ).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
