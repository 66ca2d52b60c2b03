import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessMatrix } from '../../test/access-matrix.js';
import { bearer, buildOrgTree, buildStaffUser, memberToken, tokenFor } from '../../test/factories.js';
import { createTestEnv, type TestEnv } from '../../test/harness.js';

let env: TestEnv;
let tree: Awaited<ReturnType<typeof buildOrgTree>>;
beforeAll(async () => {
  env = await createTestEnv();
  tree = await buildOrgTree(env);
});
afterAll(() => env.close());

describe('GET /api/v1/orgs/{id}', () => {
  it('passes the access matrix', async () => {
    await expectAccessMatrix(env, {
      method: 'GET',
      url: (org) => `/api/v1/orgs/${org.id}`,
      allowedRole: 'viewer',
      home: tree.city,
      inScope: tree.county,
      outOfScope: tree.otherCounty,
    });
  });

  it('describes the org with its level, region and number of children', async () => {
    const user = await buildStaffUser(env, { org: tree.city, roles: ['viewer'] });
    const res = await env.app.inject({
      method: 'GET',
      url: `/api/v1/orgs/${tree.city.id}`,
      headers: bearer(await tokenFor(env, user)),
    });
    expect(res.json()).toMatchObject({
      id: tree.city.id,
      parentId: tree.province.id,
      name: '郑州市总工会',
      namePinyin: 'zhengzhoushizonggonghui',
      nameInitials: 'zzszgh',
      level: 'city',
      kind: 'regular',
      formation: null,
      regionCode: '410100',
      industryCode: null,
      depth: 2,
      childCount: 1,
      status: 'active',
    });
  });

  it('answers 404 for an ancestor of the caller’s org and for an id that does not exist', async () => {
    const user = await buildStaffUser(env, { org: tree.county, roles: ['viewer'] });
    const token = await tokenFor(env, user);
    for (const id of [tree.city.id, tree.province.id, 999_999]) {
      const res = await env.app.inject({ method: 'GET', url: `/api/v1/orgs/${id}`, headers: bearer(token) });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('ORG_NOT_FOUND');
    }
  });

  it('rejects a malformed id naming the parameter, and members are not staff', async () => {
    const user = await buildStaffUser(env, { org: tree.county, roles: ['viewer'] });
    const bad = await env.app.inject({
      method: 'GET',
      url: '/api/v1/orgs/abc',
      headers: bearer(await tokenFor(env, user)),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('params.id');
    const member = await env.app.inject({
      method: 'GET',
      url: `/api/v1/orgs/${tree.county.id}`,
      headers: bearer(await memberToken(env)),
    });
    expect(member.statusCode).toBe(403);
  });
});

describe('GET /api/v1/orgs/{id}/children', () => {
  it('passes the access matrix', async () => {
    await expectAccessMatrix(env, {
      method: 'GET',
      url: (org) => `/api/v1/orgs/${org.id}/children`,
      allowedRole: 'viewer',
      home: tree.city,
      inScope: tree.city,
      outOfScope: tree.otherCity,
    });
  });

  it('lists direct children with their child counts', async () => {
    const user = await buildStaffUser(env, { org: tree.province, roles: ['viewer'] });
    const res = await env.app.inject({
      method: 'GET',
      url: `/api/v1/orgs/${tree.province.id}/children`,
      headers: bearer(await tokenFor(env, user)),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((o: { name: string; childCount: number }) => [o.name, o.childCount])).toEqual(
      [
        ['郑州市总工会', 1],
        ['开封市总工会', 1],
      ],
    );
  });
});
