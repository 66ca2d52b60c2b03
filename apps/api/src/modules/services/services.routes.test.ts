import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessMatrix } from '../../test/access-matrix.js';
import {
  bearer,
  buildOrg,
  buildOrgTree,
  buildStaffUser,
  memberToken,
  tokenFor,
  uniquePhone,
} from '../../test/factories.js';
import { createTestEnv, type TestEnv } from '../../test/harness.js';
import { buildService, hardshipForm, memberWithAccount } from '../../test/service-hall.js';
import type { OrgRow } from '../orgs/index.js';

let env: TestEnv;
let tree: Awaited<ReturnType<typeof buildOrgTree>>;
let otherGrassroots: OrgRow;

const names = (res: { json(): { services: { name: string }[] } }) => res.json().services.map((s) => s.name);

beforeAll(async () => {
  env = await createTestEnv();
  tree = await buildOrgTree(env);
  otherGrassroots = await buildOrg(env, {
    parent: tree.otherCounty,
    name: '开封龙亭纺织厂工会',
    regionCode: '410202',
  });
});
afterAll(async () => env?.close());

describe('the service catalogue', () => {
  it('drafts a service with its form, and names every problem of the form by its place', async () => {
    const admin = bearer(await tokenFor(env, await buildStaffUser(env, { org: tree.city })));
    const base = {
      orgId: tree.city.id,
      name: '法律咨询',
      category: 'rights',
      summary: '劳动争议问题咨询',
      description: '',
      eligibility: {},
      attachments: [],
      acceptWithinDays: 1,
      completeWithinDays: 5,
      handler: 'county',
    };
    const ok = await env.app.inject({
      method: 'POST',
      url: '/api/v1/services',
      headers: admin,
      payload: { ...base, form: hardshipForm },
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ status: 'draft', orgName: '郑州市总工会', requestType: 'general' });

    const bad = await env.app.inject({
      method: 'POST',
      url: '/api/v1/services',
      headers: admin,
      payload: {
        ...base,
        form: {
          fields: [
            { key: 'a', label: '甲', type: 'select', required: true },
            { key: 'a', label: '乙', type: 'text', required: false },
          ],
        },
        attachments: [
          { key: 'x', label: '证明', required: true, maxCount: 1, kinds: ['pdf'] },
          { key: 'x', label: '证明2', required: false, maxCount: 1, kinds: ['pdf'] },
        ],
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { path: string }) => d.path)).toEqual([
      'body.form.fields.0.options',
      'body.form.fields.1.key',
      'body.attachments.1.key',
    ]);

    const wrongType = await env.app.inject({
      method: 'POST',
      url: '/api/v1/services',
      headers: admin,
      payload: { ...base, form: { fields: [{ key: 'a', label: '甲', type: 'colour', required: true }] } },
    });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().error.details[0].path).toBe('body.form.fields.0.type');
  });

  it('offers a published service to the members of its subtree only, until withdrawn', async () => {
    const service = await buildService(env, tree.city, { name: '职工子女金秋助学' });
    const inside = await memberWithAccount(env, tree.grassroots);
    const outside = await memberWithAccount(env, otherGrassroots);
    const seen = await env.app.inject({ method: 'GET', url: '/api/v1/me/services', headers: inside.headers });
    expect(names(seen)).toContain('职工子女金秋助学');
    expect(seen.json().services.find((s: { id: number }) => s.id === service.id)).toMatchObject({
      orgName: '郑州市总工会',
      eligible: true,
      ineligibleReason: null,
    });
    const notSeen = await env.app.inject({
      method: 'GET',
      url: '/api/v1/me/services',
      headers: outside.headers,
    });
    expect(names(notSeen)).not.toContain('职工子女金秋助学');
    const direct = await env.app.inject({
      method: 'GET',
      url: `/api/v1/me/services/${service.id}`,
      headers: outside.headers,
    });
    expect(direct.statusCode).toBe(404);
    expect(direct.json().error.code).toBe('SERVICE_NOT_OFFERED');

    const admin = bearer(await tokenFor(env, await buildStaffUser(env, { org: tree.city })));
    const withdrawn = await env.app.inject({
      method: 'POST',
      url: `/api/v1/services/${service.id}/withdraw`,
      headers: admin,
    });
    expect(withdrawn.json().status).toBe('withdrawn');
    const again = await env.app.inject({
      method: 'POST',
      url: `/api/v1/services/${service.id}/withdraw`,
      headers: admin,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.meta).toEqual({ status: 'withdrawn', allowed: ['publish'] });
    const gone = await env.app.inject({ method: 'GET', url: '/api/v1/me/services', headers: inside.headers });
    expect(names(gone)).not.toContain('职工子女金秋助学');
  });

  it('lets a lower union replace a service of a union above for its own members', async () => {
    const original = await buildService(env, tree.city, { name: '困难帮扶（市）' });
    const countyAdmin = bearer(await tokenFor(env, await buildStaffUser(env, { org: tree.county })));
    const replacement = (overridesServiceId: number) => ({
      orgId: tree.county.id,
      overridesServiceId,
      name: '困难帮扶（金水区）',
      category: 'assistance',
      summary: '金水区职工的困难帮扶',
      description: '',
      eligibility: {},
      form: hardshipForm,
      attachments: [],
      acceptWithinDays: 2,
      completeWithinDays: 5,
      handler: 'member_union',
    });
    const own = await env.app.inject({
      method: 'POST',
      url: '/api/v1/services',
      headers: countyAdmin,
      payload: replacement(original.id),
    });
    expect(own.statusCode).toBe(201);
    await env.app.inject({
      method: 'POST',
      url: `/api/v1/services/${own.json().id}/publish`,
      headers: countyAdmin,
    });

    const inCounty = await memberWithAccount(env, tree.grassroots);
    const res = await env.app.inject({
      method: 'GET',
      url: '/api/v1/me/services',
      headers: inCounty.headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    const seen = names(res);
    expect(seen).toContain('困难帮扶（金水区）');
    expect(seen).not.toContain('困难帮扶（市）');

    const inherited = await env.app.inject({
      method: 'GET',
      url: '/api/v1/services?inherited=true',
      headers: countyAdmin,
    });
    expect(inherited.json().items.map((s: { name: string }) => s.name)).toContain('困难帮扶（市）');

    // Only a published service of a union above can be replaced.
    const sideways = await buildService(env, tree.otherCity, { name: '开封市的服务' });
    const bad = await env.app.inject({
      method: 'POST',
      url: '/api/v1/services',
      headers: countyAdmin,
      payload: replacement(sideways.id),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('SERVICE_OVERRIDE_INVALID');
    expect(bad.json().error.details[0].path).toBe('body.overridesServiceId');
  });

  it('shows who may apply, and packages meant for the member first', async () => {
    const migrantOnly = await buildService(env, tree.county, {
      name: '农民工技能补贴',
      eligibility: { categories: ['migrant_worker'], note: '仅限农民工会员申请' },
    });
    const admin = bearer(await tokenFor(env, await buildStaffUser(env, { org: tree.county })));
    const pkg = await env.app.inject({
      method: 'POST',
      url: '/api/v1/service-packages',
      headers: admin,
      payload: {
        orgId: tree.county.id,
        name: '新入会农民工服务包',
        description: '入会一年内的农民工会员',
        target: { categories: ['migrant_worker'], joinedWithinDays: 365 },
        serviceIds: [migrantOnly.id],
      },
    });
    expect(pkg.statusCode).toBe(201);
    await env.app.inject({
      method: 'PATCH',
      url: `/api/v1/service-packages/${pkg.json().id}`,
      headers: admin,
      payload: { status: 'published' },
    });

    const today = new Date(env.clock.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    const migrant = await memberWithAccount(env, tree.grassroots, {
      categories: ['migrant_worker'],
      joinedOn: today,
    });
    const other = await memberWithAccount(env, tree.grassroots);
    const forMigrant = (
      await env.app.inject({ method: 'GET', url: '/api/v1/me/services', headers: migrant.headers })
    ).json();
    expect(forMigrant.packages).toMatchObject([
      { name: '新入会农民工服务包', services: [{ name: '农民工技能补贴', eligible: true }] },
    ]);
    const forOther = (
      await env.app.inject({ method: 'GET', url: '/api/v1/me/services', headers: other.headers })
    ).json();
    expect(forOther.packages).toEqual([]);
    expect(forOther.services.find((s: { id: number }) => s.id === migrantOnly.id)).toMatchObject({
      eligible: false,
      ineligibleReason: '仅限农民工会员申请',
    });

    const notOnPath = await buildService(env, tree.otherCounty, { name: '别处的服务' });
    const bad = await env.app.inject({
      method: 'POST',
      url: '/api/v1/service-packages',
      headers: admin,
      payload: {
        orgId: tree.county.id,
        name: '错误的套餐',
        description: '',
        target: {},
        serviceIds: [notOnPath.id],
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('body.serviceIds.0');
  });

  it('is only for members: an account without a membership is told to join first', async () => {
    const res = await env.app.inject({
      method: 'GET',
      url: '/api/v1/me/services',
      headers: bearer(await memberToken(env, uniquePhone())),
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('MEMBERSHIP_REQUIRED');
  });

  it('passes the access matrix', async () => {
    const draft = new Map<number, number>();
    for (const org of [tree.county, tree.otherCounty])
      draft.set(org.id, (await buildService(env, org, { publish: false })).id);
    await expectAccessMatrix(env, {
      method: 'POST',
      url: () => '/api/v1/services',
      payload: (org) => ({
        orgId: org.id,
        name: '心理咨询',
        category: 'wellbeing',
        summary: '一对一心理疏导',
        description: '',
        eligibility: {},
        form: { fields: [] },
        attachments: [],
        acceptWithinDays: 2,
        completeWithinDays: 5,
        handler: 'member_union',
      }),
      allowedRole: 'staff',
      deniedRole: 'viewer',
      home: tree.city,
      inScope: tree.county,
      outOfScope: tree.otherCounty,
      successStatus: 201,
    });
    await expectAccessMatrix(env, {
      method: 'POST',
      url: (org) => `/api/v1/services/${draft.get(org.id)}/publish`,
      allowedRole: 'org_admin',
      deniedRole: 'viewer',
      home: tree.city,
      inScope: tree.county,
      outOfScope: tree.otherCounty,
    });
    await expectAccessMatrix(env, {
      method: 'GET',
      url: (org) => `/api/v1/services/${draft.get(org.id)}`,
      allowedRole: 'viewer',
      home: tree.city,
      inScope: tree.county,
      outOfScope: tree.otherCounty,
    });
  });
});
