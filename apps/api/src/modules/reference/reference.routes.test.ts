import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, buildOrgTree, buildStaffUser, memberToken, tokenFor } from '../../test/factories.js';
import { createTestEnv, type TestEnv } from '../../test/harness.js';
import { industryExists, listIndustries } from './industries.js';

let env: TestEnv;
let staffToken: string;
beforeAll(async () => {
  env = await createTestEnv();
  const tree = await buildOrgTree(env);
  staffToken = await tokenFor(env, await buildStaffUser(env, { org: tree.grassroots, roles: ['viewer'] }));
});
afterAll(() => env.close());

describe('GB/T 4754-2017 industries', () => {
  it('loads 20 sections and 97 divisions from the shipped table', () => {
    const all = listIndustries();
    expect(all.filter((i) => i.level === 'section')).toHaveLength(20);
    expect(all.filter((i) => i.level === 'division')).toHaveLength(97);
    expect(all.find((i) => i.code === 'A')?.name).toBe('农、林、牧、渔业');
    expect(industryExists('C')).toBe(true);
    expect(industryExists('13')).toBe(true);
    expect(industryExists('U')).toBe(false);
    expect(industryExists('00')).toBe(false);
  });
});

describe('reference endpoints', () => {
  it('need a session and serve any signed-in caller, staff or member', async () => {
    for (const url of ['/api/v1/reference/industries', '/api/v1/reference/regions/410000/children']) {
      expect((await env.app.inject({ method: 'GET', url })).statusCode, url).toBe(401);
      expect((await env.app.inject({ method: 'GET', url, headers: bearer(staffToken) })).statusCode).toBe(
        200,
      );
    }
    const member = await env.app.inject({
      method: 'GET',
      url: '/api/v1/reference/industries',
      headers: bearer(await memberToken(env)),
    });
    expect(member.statusCode).toBe(200);
    expect(member.json().items).toHaveLength(117);
  });

  it('lists the children of a region and refuses unknown or malformed codes', async () => {
    const get = (code: string) =>
      env.app.inject({
        method: 'GET',
        url: `/api/v1/reference/regions/${code}/children`,
        headers: bearer(staffToken),
      });
    const zhengzhou = (await get('410100')).json().items as { code: string; name: string }[];
    expect(zhengzhou.find((r) => r.code === '410105')?.name).toBe('金水区');
    expect((await get('410000')).json().items.map((r: { code: string }) => r.code)).toContain('410100');
    const unknown = await get('419999');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.details[0].path).toBe('params.code');
    const malformed = await get('41');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.details[0].path).toBe('params.code');
  });
});
