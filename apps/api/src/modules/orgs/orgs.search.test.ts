import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessMatrix } from '../../test/access-matrix.js';
import { bearer, buildOrg, buildOrgTree, buildStaffUser, tokenFor } from '../../test/factories.js';
import { createTestEnv, type TestEnv } from '../../test/harness.js';

let env: TestEnv;
let tree: Awaited<ReturnType<typeof buildOrgTree>>;
let provinceToken: string;
let cityToken: string;
beforeAll(async () => {
  env = await createTestEnv();
  tree = await buildOrgTree(env);
  await buildOrg(env, {
    parent: tree.county,
    name: '郑州金水区餐饮行业工会',
    kind: 'trade',
    regionCode: '410105',
  });
  await buildOrg(env, { parent: tree.otherCounty, name: '开封金水河文旅公司工会', regionCode: '410202' });
  provinceToken = await tokenFor(env, await buildStaffUser(env, { org: tree.province, roles: ['viewer'] }));
  cityToken = await tokenFor(env, await buildStaffUser(env, { org: tree.city, roles: ['viewer'] }));
});
afterAll(() => env.close());

interface Hit {
  id: number;
  name: string;
  depth: number;
  ancestors: { id: number; name: string }[];
}
const search = async (query: string, token = provinceToken) => {
  const res = await env.app.inject({
    method: 'GET',
    url: `/api/v1/orgs/search?${query}`,
    headers: bearer(token),
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: Hit[]; total: number };
};
const names = (r: { items: Hit[] }) => r.items.map((h) => h.name);

describe('GET /api/v1/orgs/search', () => {
  it('passes the access matrix', async () => {
    await expectAccessMatrix(env, {
      method: 'GET',
      url: (org) => `/api/v1/orgs/search?q=${encodeURIComponent('工会')}&rootId=${org.id}`,
      allowedRole: 'viewer',
      home: tree.city,
      inScope: tree.county,
      outOfScope: tree.otherCounty,
    });
  });

  it('finds a Chinese substring anywhere in the name, with its ancestors from one query', async () => {
    const three = await search(`q=${encodeURIComponent('金水区')}`);
    expect(names(three)).toEqual(['金水区总工会', '郑州金水区餐饮行业工会']);
    expect(three.items[0]!.ancestors.map((a) => a.name).join(' / ')).toBe('河南省总工会 / 郑州市总工会');
    const two = await search(`q=${encodeURIComponent('金水')}`);
    // Names starting with the text come first; then by depth, then by pinyin.
    expect(names(two)).toEqual(['金水区总工会', '开封金水河文旅公司工会', '郑州金水区餐饮行业工会']);
    const middle = await search(`q=${encodeURIComponent('绿城物业')}`);
    expect(names(middle)).toEqual(['郑州绿城物业服务有限公司工会']);
    expect(middle.items[0]!.ancestors.map((a) => a.id)).toEqual([
      tree.province.id,
      tree.city.id,
      tree.county.id,
    ]);
  });

  it('matches pinyin initials and full pinyin from the start, case and spaces ignored', async () => {
    expect(names(await search('q=jsq'))[0]).toBe('金水区总工会');
    // A pinyin prefix ranks above the same pinyin inside a name.
    expect(names(await search('q=jinshui'))).toEqual([
      '金水区总工会',
      '开封金水河文旅公司工会',
      '郑州金水区餐饮行业工会',
    ]);
    expect(names(await search('q=Jin%20Shui%20Qu'))).toEqual(['金水区总工会', '郑州金水区餐饮行业工会']);
    expect(names(await search('q=zzjsqcy'))).toEqual(['郑州金水区餐饮行业工会']);
    // 行业 reads hang ye, not xing ye.
    expect(names(await search('q=canyinhangye'))).toEqual(['郑州金水区餐饮行业工会']);
    expect((await search('q=xyz')).total).toBe(0);
  });

  it('orders an exact name first, then by depth', async () => {
    const res = await search(`q=${encodeURIComponent('总工会')}`);
    expect(names(res)).toEqual([
      '河南省总工会',
      '开封市总工会',
      '郑州市总工会',
      '金水区总工会',
      '龙亭区总工会',
    ]);
    const exact = await search(`q=${encodeURIComponent('金水区总工会')}`);
    expect(exact.items[0]!.name).toBe('金水区总工会');
  });

  it('stays within the caller’s subtree, shows ancestors from the caller’s org, filters and pages', async () => {
    const city = await search(`q=${encodeURIComponent('金水')}`, cityToken);
    expect(names(city)).toEqual(['金水区总工会', '郑州金水区餐饮行业工会']);
    expect(city.items[0]!.ancestors.map((a) => a.name)).toEqual(['郑州市总工会']);
    expect((await search(`q=${encodeURIComponent('龙亭')}`, cityToken)).total).toBe(0);
    const rooted = await search(`q=${encodeURIComponent('工会')}&rootId=${tree.county.id}&level=grassroots`);
    expect(names(rooted).sort()).toEqual(['郑州绿城物业服务有限公司工会', '郑州金水区餐饮行业工会'].sort());
    const page = await search(`q=${encodeURIComponent('工会')}&pageSize=2&page=2`);
    expect(page.items).toHaveLength(2);
    expect(page.total).toBe(8);
    const past = await search(`q=${encodeURIComponent('工会')}&pageSize=5&page=9`);
    expect(past).toEqual({ items: [], total: 8 });
  });

  it('treats LIKE wildcards literally and rejects a missing or overlong q and unknown parameters', async () => {
    expect((await search('q=%25')).total).toBe(0);
    expect((await search('q=_')).total).toBe(0);
    for (const query of ['', `q=${'金'.repeat(65)}`, 'q=abc&sort=name', 'q=abc&level=street']) {
      const res = await env.app.inject({
        method: 'GET',
        url: `/api/v1/orgs/search?${query}`,
        headers: bearer(provinceToken),
      });
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.details[0].path).toMatch(/^querystring/);
    }
  });
});
