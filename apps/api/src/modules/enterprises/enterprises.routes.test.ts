import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessMatrix } from '../../test/access-matrix.js';
import {
  bearer,
  buildEnterprise,
  buildOrg,
  buildOrgTree,
  buildStaffUser,
  memberToken,
  tokenFor,
  validCreditCode,
} from '../../test/factories.js';
import { createTestEnv, type TestEnv } from '../../test/harness.js';

let env: TestEnv;
let tree: Awaited<ReturnType<typeof buildOrgTree>>;
let countyToken: string;
let mine: Awaited<ReturnType<typeof buildEnterprise>>;
let theirs: Awaited<ReturnType<typeof buildEnterprise>>;
beforeAll(async () => {
  env = await createTestEnv();
  tree = await buildOrgTree(env);
  countyToken = await tokenFor(env, await buildStaffUser(env, { org: tree.county, roles: ['staff'] }));
  mine = await buildEnterprise(env, {
    org: tree.grassroots,
    name: '郑州绿城物业服务有限公司',
    employeeCount: 120,
  });
  theirs = await buildEnterprise(env, {
    org: tree.otherCounty,
    name: '开封汴京食品有限公司',
    regionCode: '410202',
    covered: false,
  });
});
afterAll(() => env.close());

const count = async (table: string) =>
  (await env.database.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n;

async function expectNothingWritten(work: () => Promise<void>) {
  const before = [await count('enterprises'), await count('audit_log')];
  const rows = await env.database.query('select * from enterprises order by id');
  await work();
  expect([await count('enterprises'), await count('audit_log')]).toEqual(before);
  expect(await env.database.query('select * from enterprises order by id')).toEqual(rows);
}

const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown, token = countyToken) =>
  env.app.inject({
    method,
    url,
    headers: bearer(token),
    ...(payload ? { payload: payload as Record<string, unknown> } : {}),
  });

let n = 0;
const newEnterprise = (orgId: number, change: Record<string, unknown> = {}) => ({
  creditCode: validCreditCode(),
  name: `河南新企业${++n}有限公司`,
  regionCode: '410105',
  industryCode: 'I',
  orgId,
  ...change,
});

/** An enterprise per org for matrices whose URL names the record. */
const enterpriseOf = (org: { id: number }) => (org.id === tree.otherCounty.id ? theirs : mine);

describe('access', () => {
  it('POST /enterprises passes the access matrix', async () => {
    await expectAccessMatrix(env, {
      method: 'POST',
      url: () => '/api/v1/enterprises',
      payload: (org) => newEnterprise(org.id, { regionCode: org.regionCode }),
      allowedRole: 'staff',
      deniedRole: 'viewer',
      home: tree.city,
      inScope: tree.grassroots,
      outOfScope: tree.otherCounty,
      successStatus: 201,
    });
  });

  it('GET /enterprises/{id}, by credit code, the list and coverage pass the access matrix', async () => {
    const cases: ((org: { id: number }) => string)[] = [
      (org) => `/api/v1/enterprises/${enterpriseOf(org).id}`,
      (org) => `/api/v1/enterprises/by-credit-code/${enterpriseOf(org).creditCode}`,
      (org) => `/api/v1/enterprises?orgId=${org.id}`,
      (org) => `/api/v1/orgs/${org.id}/coverage`,
    ];
    for (const url of cases)
      await expectAccessMatrix(env, {
        method: 'GET',
        url,
        allowedRole: 'viewer',
        home: tree.city,
        inScope: tree.county,
        outOfScope: tree.otherCounty,
      });
    const member = await call('GET', `/api/v1/enterprises/${mine.id}`, undefined, await memberToken(env));
    expect(member.statusCode).toBe(403);
  });

  it('PATCH /enterprises/{id} passes the access matrix', async () => {
    await expectAccessMatrix(env, {
      method: 'PATCH',
      url: (org) => `/api/v1/enterprises/${enterpriseOf(org).id}`,
      payload: () => ({ address: '郑州市金水区农业路 8 号' }),
      allowedRole: 'staff',
      deniedRole: 'viewer',
      home: tree.city,
      inScope: tree.county,
      outOfScope: tree.otherCounty,
    });
  });
});

describe('POST /api/v1/enterprises', () => {
  it('registers an enterprise under its grassroots union with the code upper-cased, and audits it', async () => {
    const code = validCreditCode();
    const res = await call(
      'POST',
      '/api/v1/enterprises',
      newEnterprise(tree.grassroots.id, {
        creditCode: ` ${code.toLowerCase()} `,
        name: '河南豫信软件科技有限公司',
        industryCode: '65',
        size: 'small',
        employeeCount: 85,
        address: '郑州市金水区文化路 100 号',
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      creditCode: code,
      name: '河南豫信软件科技有限公司',
      namePinyin: 'henanyuxinruanjiankejiyouxiangongsi',
      industryCode: '65',
      size: 'small',
      employeeCount: 85,
      ownerOrgId: tree.grassroots.id,
      orgId: tree.grassroots.id,
      orgName: tree.grassroots.name,
      status: 'active',
    });
    const [row] = await env.database.query<{ province_code: string }>(
      'select province_code from enterprises where id = $1',
      [res.json().id],
    );
    expect(row!.province_code).toBe('410000');
    const [audit] = await env.database.query<{ org_id: number }>(
      "select org_id from audit_log where action = 'enterprise.create' and target_id = $1",
      [String(res.json().id)],
    );
    expect(audit!.org_id).toBe(tree.grassroots.id);
  });

  it('registers under a higher org as not yet covered by a union', async () => {
    const res = await call('POST', '/api/v1/enterprises', newEnterprise(tree.county.id));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ ownerOrgId: tree.county.id, orgId: null, orgName: null });
  });

  it('refuses a wrong check character, bad format, unknown region or industry, naming field and rule', async () => {
    const good = validCreditCode();
    const wrongCheck = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    await expectNothingWritten(async () => {
      const check = await call(
        'POST',
        '/api/v1/enterprises',
        newEnterprise(tree.grassroots.id, { creditCode: wrongCheck }),
      );
      expect(check.statusCode).toBe(400);
      expect(check.json().error).toMatchObject({
        code: 'ENTERPRISE_CREDIT_CODE_INVALID',
        details: [{ path: 'body.creditCode' }],
      });
      expect(check.json().error.details[0].message).toContain('GB 32100');
      expect(check.json().error.details[0].message).toContain('[credit_code.check_char]');
      const format = await call(
        'POST',
        '/api/v1/enterprises',
        newEnterprise(tree.grassroots.id, { creditCode: '91410105MA44O1234' }),
      );
      expect(format.json().error.details[0].message).toContain('[credit_code.format]');
      const cases: [Record<string, unknown>, string, string][] = [
        [{ regionCode: '419999' }, 'REGION_UNKNOWN', 'body.regionCode'],
        [{ industryCode: '99' }, 'INDUSTRY_UNKNOWN', 'body.industryCode'],
        [{ employeeCount: -1 }, 'VALIDATION_FAILED', 'body.employeeCount'],
        [{ size: 'huge' }, 'VALIDATION_FAILED', 'body.size'],
        [{ ownerOrgId: 1 }, 'VALIDATION_FAILED', 'body.ownerOrgId'],
      ];
      for (const [change, code, path] of cases) {
        const res = await call('POST', '/api/v1/enterprises', newEnterprise(tree.grassroots.id, change));
        expect(res.statusCode, JSON.stringify(change)).toBe(400);
        expect(res.json().error.code).toBe(code);
        expect(res.json().error.details[0].path).toBe(path);
      }
      const outside = await call('POST', '/api/v1/enterprises', newEnterprise(tree.otherCounty.id));
      expect(outside.statusCode).toBe(404);
      expect(outside.json().error.details[0].path).toBe('body.orgId');
    });
  });

  it('answers 409 for a registered credit code, masking the name when it is out of scope', async () => {
    await expectNothingWritten(async () => {
      const seen = await call(
        'POST',
        '/api/v1/enterprises',
        newEnterprise(tree.grassroots.id, { creditCode: mine.creditCode }),
      );
      expect(seen.statusCode).toBe(409);
      expect(seen.json().error).toMatchObject({
        code: 'ENTERPRISE_CREDIT_CODE_TAKEN',
        meta: { existingEnterpriseId: mine.id, existingEnterpriseName: '郑州绿城物业服务有限公司' },
        details: [{ path: 'body.creditCode' }],
      });
      const hidden = await call(
        'POST',
        '/api/v1/enterprises',
        newEnterprise(tree.grassroots.id, { creditCode: theirs.creditCode }),
      );
      expect(hidden.statusCode).toBe(409);
      expect(hidden.json().error.meta).toEqual({ existingEnterpriseName: '开封***' });
      expect(hidden.json().error.message).not.toContain('汴京');
    });
  });
});

describe('reading and changing', () => {
  it('looks up by credit code exactly, in any case, and 404s outside the scope', async () => {
    const res = await call('GET', `/api/v1/enterprises/by-credit-code/${mine.creditCode.toLowerCase()}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().id).toBe(mine.id);
    expect((await call('GET', `/api/v1/enterprises/by-credit-code/${theirs.creditCode}`)).statusCode).toBe(
      404,
    );
    const wrong = mine.creditCode.slice(0, 17) + (mine.creditCode[17] === '0' ? '1' : '0');
    const bad = await call('GET', `/api/v1/enterprises/by-credit-code/${wrong}`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({
      code: 'ENTERPRISE_CREDIT_CODE_INVALID',
      details: [{ path: 'params.code' }],
    });
  });

  it('changes details and the covering union, and audits the change', async () => {
    const e = await buildEnterprise(env, { org: tree.grassroots });
    const other = await buildOrg(env, { parent: tree.county, regionCode: '410105' });
    const moved = await call('PATCH', `/api/v1/enterprises/${e.id}`, {
      orgId: other.id,
      employeeCount: 45,
      size: 'micro',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({
      orgId: other.id,
      ownerOrgId: other.id,
      employeeCount: 45,
      size: 'micro',
    });
    const uncovered = await call('PATCH', `/api/v1/enterprises/${e.id}`, { orgId: tree.county.id });
    expect(uncovered.json()).toMatchObject({ orgId: null, ownerOrgId: tree.county.id });
    const audits = await env.database.query<{ details: { changed: Record<string, unknown> } }>(
      "select details from audit_log where action = 'enterprise.update' and target_id = $1 order by id",
      [String(e.id)],
    );
    expect(Object.keys(audits[0]!.details.changed).sort()).toEqual([
      'employeeCount',
      'orgId',
      'ownerOrgId',
      'size',
    ]);
    await expectNothingWritten(async () => {
      const bad = await call('PATCH', `/api/v1/enterprises/${e.id}`, {
        creditCode: validCreditCode(),
        industryCode: 'Z',
      });
      expect(bad.statusCode).toBe(400);
      const out = await call('PATCH', `/api/v1/enterprises/${e.id}`, { orgId: tree.otherCounty.id });
      expect(out.statusCode).toBe(404);
      expect(out.json().error.details[0].path).toBe('body.orgId');
    });
  });

  it('lists within the subtree with Chinese, pinyin and credit code filters, sorting and paging', async () => {
    const county = await buildOrg(env, { parent: tree.county, regionCode: '410105' });
    await buildEnterprise(env, { org: county, name: '郑州宇通客车股份有限公司', employeeCount: 5000 });
    await buildEnterprise(env, { org: county, name: '河南中原建设集团有限公司', employeeCount: 800 });
    const list = async (query: string) => {
      const res = await call('GET', `/api/v1/enterprises?${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { items: { name: string; employeeCount: number }[]; total: number };
    };
    const all = await list(`orgId=${county.id}`);
    expect(all.items.map((i) => i.name)).toEqual(['河南中原建设集团有限公司', '郑州宇通客车股份有限公司']);
    expect((await list(`orgId=${county.id}&sort=-employeeCount`)).items[0]!.name).toBe(
      '郑州宇通客车股份有限公司',
    );
    expect((await list(`q=${encodeURIComponent('宇通客车')}`)).items.map((i) => i.name)).toEqual([
      '郑州宇通客车股份有限公司',
    ]);
    expect((await list('q=yutong')).items.map((i) => i.name)).toEqual(['郑州宇通客车股份有限公司']);
    expect((await list('q=hnzyjs')).items.map((i) => i.name)).toEqual(['河南中原建设集团有限公司']);
    expect((await list(`creditCode=${mine.creditCode}`)).items.map((i) => i.name)).toEqual([
      '郑州绿城物业服务有限公司',
    ]);
    expect((await list(`creditCode=${theirs.creditCode}`)).total).toBe(0);
    expect((await list(`q=${encodeURIComponent('汴京')}`)).total).toBe(0);
    const paged = await list(`orgId=${county.id}&pageSize=1&page=2`);
    expect(paged).toMatchObject({ total: 2, items: [{ name: '郑州宇通客车股份有限公司' }] });
    const bad = await call('GET', '/api/v1/enterprises?sort=size&extra=1');
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(['querystring.extra', 'querystring.sort']);
  });
});

describe('GET /api/v1/orgs/{id}/coverage', () => {
  it('counts enterprises, those covered by a union, and their employees over the subtree', async () => {
    const env2 = await createTestEnv();
    try {
      const t = await buildOrgTree(env2);
      const token = await tokenFor(env2, await buildStaffUser(env2, { org: t.province, roles: ['viewer'] }));
      const joint = await buildOrg(env2, { parent: t.county, kind: 'joint', regionCode: '410105' });
      await buildEnterprise(env2, { org: t.grassroots, employeeCount: 100 });
      await buildEnterprise(env2, { org: joint, employeeCount: 30 });
      await buildEnterprise(env2, { org: joint, employeeCount: 20 });
      await buildEnterprise(env2, { org: joint, employeeCount: null });
      await buildEnterprise(env2, { org: t.county, employeeCount: 500 });
      await buildEnterprise(env2, { org: t.grassroots, employeeCount: 999, status: 'closed' });
      await buildEnterprise(env2, { org: t.otherCounty, regionCode: '410202', employeeCount: 70 });
      const coverage = async (orgId: number) =>
        (
          await env2.app.inject({
            method: 'GET',
            url: `/api/v1/orgs/${orgId}/coverage`,
            headers: bearer(token),
          })
        ).json();
      expect(await coverage(t.county.id)).toEqual({
        orgId: t.county.id,
        enterprises: 5,
        covered: 4,
        coveredEmployees: 150,
      });
      expect(await coverage(joint.id)).toEqual({
        orgId: joint.id,
        enterprises: 3,
        covered: 3,
        coveredEmployees: 50,
      });
      expect(await coverage(t.province.id)).toEqual({
        orgId: t.province.id,
        enterprises: 6,
        covered: 4,
        coveredEmployees: 150,
      });
      expect(await coverage(t.otherCity.id)).toEqual({
        orgId: t.otherCity.id,
        enterprises: 1,
        covered: 0,
        coveredEmployees: 0,
      });
    } finally {
      await env2.close();
    }
  });

  it('keeps an org with enterprises from being dissolved', async () => {
    const org = await buildOrg(env, { parent: tree.county, regionCode: '410105' });
    await buildEnterprise(env, { org });
    const res = await call('POST', `/api/v1/orgs/${org.id}/dissolve`, { reason: '机构调整' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'ORG_NOT_EMPTY', details: [{ path: 'enterprises' }] });
  });
});
