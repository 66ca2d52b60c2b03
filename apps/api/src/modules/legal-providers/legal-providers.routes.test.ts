import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectAccessMatrix } from '../../test/access-matrix.js';
import { bearer, buildOrgTree, buildStaffUser, tokenFor } from '../../test/factories.js';
import { createTestEnv, type TestEnv } from '../../test/harness.js';
import { buildProvider, licenceNo } from '../../test/legal.js';
import { memberWithAccount } from '../../test/service-hall.js';
import type { OrgRow } from '../orgs/index.js';

let env: TestEnv;
let tree: Awaited<ReturnType<typeof buildOrgTree>>;
let city: Record<string, string>;

async function staffAt(org: OrgRow, role: 'org_admin' | 'staff' | 'viewer' | 'lawyer' = 'staff') {
  return bearer(await tokenFor(env, await buildStaffUser(env, { org, roles: [role] })));
}

const providerBody = (org: OrgRow, overrides: Record<string, unknown> = {}) => ({
  orgId: org.id,
  kind: 'lawyer',
  name: '李明远',
  firm: '河南中原律师事务所',
  licenceNo: licenceNo(),
  fields: ['wages', 'work_injury'],
  regionCode: '410105',
  languages: ['普通话', '河南话'],
  phone: '13903711234',
  ...overrides,
});

const post = (url: string, headers: Record<string, string>, payload: unknown) =>
  env.app.inject({
    method: 'POST',
    url: `/api/v1${url}`,
    headers,
    payload: payload as Record<string, unknown>,
  });

beforeAll(async () => {
  env = await createTestEnv();
  tree = await buildOrgTree(env);
});
beforeEach(async () => {
  city = await staffAt(tree.city, 'org_admin');
});
afterAll(async () => env?.close());

describe('providers', () => {
  it('registers a lawyer with a sign-in that lands on the lawyer workspace only', async () => {
    const res = await post('/legal/providers', city, {
      ...providerBody(tree.city),
      account: { username: 'zz_test_lawyer', password: 'Lvshi-Zhiban-2026!' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      org: { id: tree.city.id, name: '郑州市总工会' },
      kind: 'lawyer',
      fields: ['wages', 'work_injury'],
      regionName: '金水区',
      phoneMasked: '139****1234',
      status: 'active',
      account: { username: 'zz_test_lawyer' },
    });
    expect(res.body).not.toContain('13903711234');
    const login = await post(
      '/auth/login',
      {},
      { username: 'zz_test_lawyer', password: 'Lvshi-Zhiban-2026!' },
    );
    expect(login.statusCode).toBe(200);
    const me = await env.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: bearer(login.json().accessToken),
    });
    expect(me.json().permissions).toEqual(['legal.answer']);
  });

  it('refuses a lawyer’s licence number that is not 17 digits, naming licenceNo', async () => {
    for (const bad of ['1234', '1410120101234567X', undefined]) {
      const res = await post('/legal/providers', city, providerBody(tree.city, { licenceNo: bad }));
      expect(res.statusCode, String(bad)).toBe(400);
      expect(res.json().error.details[0].path).toBe('body.licenceNo');
    }
    // A volunteer may have none.
    const volunteer = await post(
      '/legal/providers',
      city,
      providerBody(tree.city, { kind: 'volunteer', licenceNo: undefined }),
    );
    expect(volunteer.statusCode, volunteer.body).toBe(201);
  });

  it('refuses a licence number registered already (409) and a region that does not exist (400)', async () => {
    const body = providerBody(tree.city);
    expect((await post('/legal/providers', city, body)).statusCode).toBe(201);
    const again = await post('/legal/providers', city, { ...body, name: '另一人' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({
      code: 'LEGAL_LICENCE_TAKEN',
      details: [{ path: 'body.licenceNo' }],
    });
    const region = await post('/legal/providers', city, providerBody(tree.city, { regionCode: '419999' }));
    expect(region.statusCode).toBe(400);
    expect(region.json().error.details[0].path).toBe('body.regionCode');
  });

  it('edits a provider and sets it inactive', async () => {
    const { provider } = await buildProvider(env, tree.city);
    const res = await env.app.inject({
      method: 'PATCH',
      url: `/api/v1/legal/providers/${provider.id}`,
      headers: city,
      payload: { firm: '河南金博律师事务所', status: 'inactive', phone: '13700001111' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      firm: '河南金博律师事务所',
      status: 'inactive',
      phoneMasked: '137****1111',
    });
    const bad = await env.app.inject({
      method: 'PATCH',
      url: `/api/v1/legal/providers/${provider.id}`,
      headers: city,
      payload: { licenceNo: '123' },
    });
    expect(bad.statusCode).toBe(400);
  });

  it('passes the access matrix (list, create, read)', async () => {
    await expectAccessMatrix(env, {
      method: 'GET',
      url: (org) => `/api/v1/legal/providers?orgId=${org.id}`,
      allowedRole: 'viewer',
      deniedRole: 'lawyer',
      home: tree.city,
      inScope: tree.county,
      outOfScope: tree.otherCity,
    });
    await expectAccessMatrix(env, {
      method: 'POST',
      url: () => '/api/v1/legal/providers',
      payload: (org) => providerBody(org),
      allowedRole: 'staff',
      deniedRole: 'viewer',
      home: tree.city,
      inScope: tree.county,
      outOfScope: tree.otherCity,
      successStatus: 201,
    });
    const inside = await buildProvider(env, tree.county);
    const outside = await buildProvider(env, tree.otherCity);
    const ids = new Map([
      [tree.county.id, inside.provider.id],
      [tree.otherCity.id, outside.provider.id],
    ]);
    await expectAccessMatrix(env, {
      method: 'GET',
      url: (org) => `/api/v1/legal/providers/${ids.get(org.id)}`,
      allowedRole: 'viewer',
      deniedRole: 'lawyer',
      home: tree.city,
      inScope: tree.county,
      outOfScope: tree.otherCity,
    });
  });

  it('shows members a directory by field and region without contacts', async () => {
    await buildProvider(env, tree.otherCounty, { name: '开封赵律师', fields: ['social_insurance'] });
    const member = await memberWithAccount(env, tree.grassroots);
    const all = await env.app.inject({
      method: 'GET',
      url: '/api/v1/me/legal/providers?field=social_insurance',
      headers: member.headers,
    });
    expect(all.statusCode, all.body).toBe(200);
    const names = all.json().items.map((p: { name: string }) => p.name);
    expect(names).toContain('开封赵律师');
    expect(all.body).not.toMatch(/phone|licence|1390371/);
    const zhengzhou = await env.app.inject({
      method: 'GET',
      url: '/api/v1/me/legal/providers?field=social_insurance&regionCode=410100',
      headers: member.headers,
    });
    expect(zhengzhou.json().items.map((p: { name: string }) => p.name)).not.toContain('开封赵律师');
    const staff = await env.app.inject({ method: 'GET', url: '/api/v1/me/legal/providers', headers: city });
    expect(staff.statusCode).toBe(403);
  });
});
