import type { StaffRole } from '@unionhub/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessMatrix } from '../../test/access-matrix.js';
import {
  type BuiltMember,
  bearer,
  buildMember,
  buildOrg,
  buildOrgTree,
  buildStaffUser,
  memberToken,
  tokenFor,
  uniquePhone,
  validIdNumber,
} from '../../test/factories.js';
import { createTestEnv, type TestEnv } from '../../test/harness.js';
import type { OrgRow } from '../orgs/index.js';

let env: TestEnv;
let tree: Awaited<ReturnType<typeof buildOrgTree>>;
let otherGrassroots: OrgRow;
/** Every plain ID number and phone this file stores: none may appear anywhere in the database. */
const plain: string[] = [];

beforeAll(async () => {
  env = await createTestEnv();
  tree = await buildOrgTree(env);
  otherGrassroots = await buildOrg(env, {
    parent: tree.otherCounty,
    name: '开封市龙亭区汴京机械有限公司工会',
    regionCode: '410202',
  });
});
afterAll(() => env.close());

async function member(org: OrgRow, overrides: Omit<Parameters<typeof buildMember>[1], 'org'> = {}) {
  const built = await buildMember(env, { org, ...overrides });
  plain.push(built.idNumber, built.phone);
  return built;
}

/** A member in each org the access matrix targets, made fresh for each matrix. */
async function membersByOrg(): Promise<Map<number, BuiltMember>> {
  return new Map([
    [tree.grassroots.id, await member(tree.grassroots)],
    [otherGrassroots.id, await member(otherGrassroots)],
  ]);
}

async function tokenAs(role: StaffRole, org: OrgRow = tree.county): Promise<Record<string, string>> {
  return bearer(await tokenFor(env, await buildStaffUser(env, { org, roles: [role] })));
}

function newMemberBody(orgId: number, overrides: Record<string, unknown> = {}) {
  const body = {
    orgId,
    name: '李建国',
    idNumber: validIdNumber(),
    phone: uniquePhone(),
    joinedOn: '2021-03-15',
    employerName: '郑州绿城物业服务有限公司',
    categories: ['migrant_worker'],
    ...overrides,
  };
  plain.push(String(body.idNumber), String(body.phone));
  return body;
}

const counts = async () => {
  const [row] = await env.database.query<{ m: number; h: number; a: number }>(
    `select (select count(*)::int from members) as m,
            (select count(*)::int from member_status_history) as h,
            (select count(*)::int from audit_log) as a`,
  );
  return row!;
};

const historyOf = async (memberId: number) =>
  env.database.query<{ from_status: string | null; to_status: string; reason: string | null }>(
    'select from_status, to_status, reason from member_status_history where member_id = $1 order by id',
    [memberId],
  );

describe('POST /api/v1/members', () => {
  it('passes the access matrix', async () => {
    await expectAccessMatrix(env, {
      method: 'POST',
      url: () => '/api/v1/members',
      payload: (org) => newMemberBody(org.id === tree.grassroots.id ? org.id : otherGrassroots.id),
      allowedRole: 'staff',
      deniedRole: 'viewer',
      home: tree.county,
      inScope: tree.grassroots,
      outOfScope: otherGrassroots,
      successStatus: 201,
    });
  });

  it('registers a member with ID number and phone masked, birth date and gender read from the ID', async () => {
    const headers = await tokenAs('staff');
    const idNumber = validIdNumber({ birthDate: '19880612', gender: 'female' });
    const body = newMemberBody(tree.grassroots.id, { name: '欧阳娜娜', idNumber, phone: '13812345678' });
    const res = await env.app.inject({ method: 'POST', url: '/api/v1/members', headers, payload: body });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      orgId: tree.grassroots.id,
      orgName: '郑州绿城物业服务有限公司工会',
      name: '欧阳娜娜',
      idNumberMasked: `4101**********${idNumber.slice(-4)}`,
      phoneMasked: '138****5678',
      gender: 'female',
      birthDate: '1988-06-12',
      joinedOn: '2021-03-15',
      status: 'active',
      categories: ['migrant_worker'],
      employerName: '郑州绿城物业服务有限公司',
      cardNo: null,
    });
    expect(res.body).not.toContain(idNumber);
    expect(res.body).not.toContain('13812345678');
    const [row] = await env.database.query<{
      name_pinyin: string;
      name_initials: string;
      province_code: string;
    }>('select name_pinyin, name_initials, province_code from members where id = $1', [res.json().id]);
    expect(row).toEqual({ name_pinyin: 'ouyangnana', name_initials: 'oynn', province_code: '410000' });
    expect(await historyOf(res.json().id)).toEqual([
      { from_status: null, to_status: 'active', reason: null },
    ]);
  });

  it('accepts an ID number typed with spaces and a lower-case x', async () => {
    const headers = await tokenAs('staff');
    let idNumber = '';
    for (let seq = 1; !idNumber.endsWith('X'); seq++)
      idNumber = validIdNumber({ seq, birthDate: '19750303' });
    const typed = `${idNumber.slice(0, 6)} ${idNumber.slice(6, 14)} ${idNumber.slice(14).toLowerCase()}`;
    const body = newMemberBody(tree.grassroots.id, { idNumber: typed });
    plain.push(idNumber);
    const res = await env.app.inject({ method: 'POST', url: '/api/v1/members', headers, payload: body });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().idNumberMasked).toBe(`4101**********${idNumber.slice(-4)}`);
  });

  it('names the field and the rule of a bad ID number, and writes nothing', async () => {
    const headers = await tokenAs('staff');
    const before = await counts();
    const good = validIdNumber();
    const wrongCheck = `${good.slice(0, 17)}${good[17] === '0' ? '1' : '0'}`;
    const impossible = (() => {
      const first17 = `41010519900230${good.slice(14, 17)}`;
      return `${first17}0`;
    })();
    const cases: [string, string][] = [
      [wrongCheck, 'id_number.check_digit'],
      [impossible, 'id_number.birth_date'],
      ['41010519900101', 'id_number.format'],
    ];
    for (const [idNumber, rule] of cases) {
      const res = await env.app.inject({
        method: 'POST',
        url: '/api/v1/members',
        headers,
        payload: newMemberBody(tree.grassroots.id, { idNumber }),
      });
      expect(res.statusCode, idNumber).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
      expect(res.json().error.details).toEqual([expect.objectContaining({ path: 'body.idNumber', rule })]);
    }
    expect(await counts()).toEqual(before);
  });

  it('refuses a join date in the future or before birth, a bad name, phone or unknown field', async () => {
    const headers = await tokenAs('staff');
    const before = await counts();
    const post = (overrides: Record<string, unknown>) =>
      env.app.inject({
        method: 'POST',
        url: '/api/v1/members',
        headers,
        payload: newMemberBody(tree.grassroots.id, overrides),
      });
    const future = await post({ joinedOn: '2999-01-01' });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.details).toEqual([
      expect.objectContaining({ path: 'body.joinedOn', rule: 'joined_on.future' }),
    ]);
    const beforeBirth = await post({
      idNumber: validIdNumber({ birthDate: '20000101' }),
      joinedOn: '1999-12-31',
    });
    expect(beforeBirth.json().error.details).toEqual([
      expect.objectContaining({ path: 'body.joinedOn', rule: 'joined_on.before_birth' }),
    ]);
    const bad = await post({ name: '张3', phone: '23812345678', isAdmin: true, status: 'deceased' });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['body.name', 'body.phone', 'body.isAdmin', 'body.status']));
    const both = await post({ idNumber: '410105199001011230', joinedOn: '2999-01-01' });
    expect(
      both.json().error.details.map((d: { path: string; rule: string }) => `${d.path} ${d.rule}`),
    ).toEqual(['body.idNumber id_number.check_digit', 'body.joinedOn joined_on.future']);
    const notADate = await post({ joinedOn: '2021-02-30' });
    expect(notADate.json().error.details[0].path).toBe('body.joinedOn');
    expect(await counts()).toEqual(before);
  });

  it('lets members join grassroots unions only, and only in the caller’s subtree', async () => {
    const headers = await tokenAs('staff');
    const county = await env.app.inject({
      method: 'POST',
      url: '/api/v1/members',
      headers,
      payload: newMemberBody(tree.county.id),
    });
    expect(county.statusCode).toBe(400);
    expect(county.json().error).toMatchObject({
      code: 'MEMBER_ORG_NOT_GRASSROOTS',
      details: [{ path: 'body.orgId' }],
    });
    const outside = await env.app.inject({
      method: 'POST',
      url: '/api/v1/members',
      headers,
      payload: newMemberBody(otherGrassroots.id),
    });
    expect(outside.statusCode).toBe(404);
    expect(outside.json().error).toMatchObject({ code: 'ORG_NOT_FOUND', details: [{ path: 'body.orgId' }] });
  });

  it('refuses a second active membership, naming the union or masking it when out of scope', async () => {
    const headers = await tokenAs('staff');
    const here = await member(tree.grassroots);
    const before = await counts();
    const again = await env.app.inject({
      method: 'POST',
      url: '/api/v1/members',
      headers,
      payload: newMemberBody(tree.grassroots.id, { idNumber: here.idNumber }),
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({
      code: 'MEMBER_ALREADY_ACTIVE',
      details: [{ path: 'body.idNumber', rule: 'member.one_active' }],
      meta: {
        existingOrgName: '郑州绿城物业服务有限公司工会',
        existingOrgId: tree.grassroots.id,
        existingMemberId: here.id,
      },
    });
    const there = await member(otherGrassroots);
    const masked = await env.app.inject({
      method: 'POST',
      url: '/api/v1/members',
      headers,
      payload: newMemberBody(tree.grassroots.id, { idNumber: there.idNumber }),
    });
    expect(masked.statusCode).toBe(409);
    expect(masked.json().error.meta).toEqual({ existingOrgName: '开封****工会' });
    expect(masked.json().error.message).toContain('开封****工会');
    expect(masked.body).not.toContain('汴京');
    expect(await counts()).toEqual({ ...before, m: before.m + 1, h: before.h + 1, a: before.a + 1 });
  });
});

describe('one active membership under concurrent requests', () => {
  it('lets exactly one of two simultaneous registrations of a person through', async () => {
    const headers = await tokenAs('staff');
    const idNumber = validIdNumber();
    const before = await counts();
    const results = await Promise.all(
      [tree.grassroots.id, tree.grassroots.id].map((orgId) =>
        env.app.inject({
          method: 'POST',
          url: '/api/v1/members',
          headers,
          payload: newMemberBody(orgId, { idNumber }),
        }),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.statusCode === 409)!.json().error.code).toBe('MEMBER_ALREADY_ACTIVE');
    expect((await counts()).m).toBe(before.m + 1);
  });
});

describe('GET /api/v1/members/{id}', () => {
  it('passes the access matrix', async () => {
    const byOrg = await membersByOrg();
    await expectAccessMatrix(env, {
      method: 'GET',
      url: (org) => `/api/v1/members/${byOrg.get(org.id)!.id}`,
      allowedRole: 'viewer',
      home: tree.county,
      inScope: tree.grassroots,
      outOfScope: otherGrassroots,
    });
    const res = await env.app.inject({
      method: 'GET',
      url: `/api/v1/members/${byOrg.get(tree.grassroots.id)!.id}`,
      headers: bearer(await memberToken(env)),
    });
    expect(res.statusCode).toBe(403);
  });

  it('shows the masked member with its history and what the caller may do', async () => {
    const m = await member(tree.grassroots, { name: '张三丰' });
    const get = async (role: StaffRole) =>
      env.app.inject({ method: 'GET', url: `/api/v1/members/${m.id}`, headers: await tokenAs(role) });
    const asStaff = await get('staff');
    expect(asStaff.statusCode).toBe(200);
    expect(asStaff.json()).toMatchObject({
      id: m.id,
      name: '张三丰',
      status: 'active',
      history: [{ fromStatus: null, toStatus: 'active', orgId: tree.grassroots.id, reason: null }],
      allowedActions: ['viewPii', 'edit', 'changeStatus', 'correctIdNumber'],
    });
    expect(asStaff.body).not.toContain(m.idNumber);
    expect(asStaff.body).not.toContain(m.phone);
    expect((await get('viewer')).json().allowedActions).toEqual([]);
  });

  it('answers MEMBER_NOT_FOUND outside the subtree and for ids that do not exist', async () => {
    const there = await member(otherGrassroots);
    const headers = await tokenAs('org_admin');
    for (const id of [there.id, 99_999_999]) {
      const res = await env.app.inject({ method: 'GET', url: `/api/v1/members/${id}`, headers });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('MEMBER_NOT_FOUND');
    }
  });
});

describe('POST /api/v1/members/{id}/pii', () => {
  it('passes the access matrix', async () => {
    const byOrg = await membersByOrg();
    await expectAccessMatrix(env, {
      method: 'POST',
      url: (org) => `/api/v1/members/${byOrg.get(org.id)!.id}/pii`,
      payload: () => ({ reason: '核对会员身份' }),
      allowedRole: 'staff',
      deniedRole: 'viewer',
      home: tree.county,
      inScope: tree.grassroots,
      outOfScope: otherGrassroots,
    });
  });

  it('gives the full values and writes exactly one audit entry with the reason', async () => {
    const m = await member(tree.grassroots);
    const user = await buildStaffUser(env, { org: tree.county, roles: ['staff'] });
    const res = await env.app.inject({
      method: 'POST',
      url: `/api/v1/members/${m.id}/pii`,
      headers: { ...bearer(await tokenFor(env, user)), 'user-agent': 'registry-test' },
      payload: { reason: '办理困难帮扶需核对身份' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ idNumber: m.idNumber, phone: m.phone });
    expect(res.headers['cache-control']).toBe('no-store');
    const entries = await env.database.query<{
      actor_id: number;
      actor_name: string;
      org_id: number;
      details: { reason: string };
      ip: string;
      user_agent: string;
    }>(
      "select actor_id, actor_name, org_id, details, ip, user_agent from audit_log where action = 'member.pii_read' and target_id = $1",
      [String(m.id)],
    );
    expect(entries).toEqual([
      {
        actor_id: user.id,
        actor_name: user.username,
        org_id: tree.grassroots.id,
        details: { reason: '办理困难帮扶需核对身份', fields: ['idNumber', 'phone'] },
        ip: '127.0.0.1',
        user_agent: 'registry-test',
      },
    ]);
  });

  it('requires a reason of 2 to 200 characters and logs nothing without one', async () => {
    const m = await member(tree.grassroots);
    const headers = await tokenAs('staff');
    const before = await counts();
    for (const payload of [{}, { reason: '查' }, { reason: 'x'.repeat(201) }, { reason: '核对', extra: 1 }]) {
      const res = await env.app.inject({
        method: 'POST',
        url: `/api/v1/members/${m.id}/pii`,
        headers,
        payload,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0].path).toMatch(/^body\.(reason|extra)$/);
      expect(res.body).not.toContain(m.idNumber);
    }
    expect(await counts()).toEqual(before);
  });
});

describe('GET /api/v1/members', () => {
  let searchOrg: OrgRow;
  const people: Record<string, BuiltMember> = {};

  beforeAll(async () => {
    searchOrg = await buildOrg(env, { parent: tree.county, name: '郑州金水搜索测试有限公司工会' });
    people.zhang = await member(searchOrg, {
      name: '张三丰',
      joinedOn: '2019-01-01',
      employerName: '河南建工集团',
    });
    people.ouyang = await member(searchOrg, {
      name: '欧阳娜娜',
      joinedOn: '2020-01-01',
      categories: ['model_worker', 'migrant_worker'],
    });
    people.li = await member(searchOrg, {
      name: '李四',
      joinedOn: '2021-01-01',
      employerName: '郑州宇通客车',
    });
    people.zhao = await member(searchOrg, { name: '赵三', joinedOn: '2018-06-01' });
  });

  const list = async (query: string, role: StaffRole = 'viewer') =>
    env.app.inject({ method: 'GET', url: `/api/v1/members?${query}`, headers: await tokenAs(role) });
  const names = (res: { json: () => { items: { name: string }[] } }) => res.json().items.map((m) => m.name);

  it('passes the access matrix', async () => {
    await expectAccessMatrix(env, {
      method: 'GET',
      url: (org) => `/api/v1/members?orgId=${org.id}`,
      allowedRole: 'viewer',
      home: tree.county,
      inScope: tree.grassroots,
      outOfScope: otherGrassroots,
    });
  });

  it('lists the caller’s subtree only, masked, never a plain ID number or phone', async () => {
    const outside = await member(otherGrassroots, { name: '钱多多' });
    const res = await list('pageSize=200');
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBe(res.json().items.length);
    expect(names(res)).toContain('张三丰');
    expect(res.json().items.map((m: { id: number }) => m.id)).not.toContain(outside.id);
    for (const value of plain) expect(res.body).not.toContain(value);
    expect(res.body).not.toMatch(/\d{17}[\dX]/);
    expect(res.body).not.toMatch(/1[3-9]\d{9}/);
  });

  it('finds by Chinese substring, full pinyin, initials, exact ID number and exact phone', async () => {
    const q = async (text: string) =>
      names(await list(`orgId=${searchOrg.id}&q=${encodeURIComponent(text)}&sort=name`));
    expect(await q('三')).toEqual(['张三丰', '赵三']);
    expect(await q('三丰')).toEqual(['张三丰']);
    expect(await q('zhangsan')).toEqual(['张三丰']);
    expect(await q('ZSF')).toEqual(['张三丰']);
    expect(await q('oy')).toEqual(['欧阳娜娜']);
    expect(await q('l')).toEqual(['李四']);
    expect(await q(people.li!.idNumber)).toEqual(['李四']);
    expect(await q(people.ouyang!.phone)).toEqual(['欧阳娜娜']);
    expect(await q('410105190001011234')).toEqual([]);
    expect(await q('%')).toEqual([]);
  });

  it('filters by status, category and employer; sorts and pages on the server', async () => {
    const base = `orgId=${searchOrg.id}`;
    expect(names(await list(`${base}&category=model_worker`))).toEqual(['欧阳娜娜']);
    expect(names(await list(`${base}&employer=${encodeURIComponent('宇通')}`))).toEqual(['李四']);
    expect(names(await list(`${base}&sort=joinedOn`))).toEqual(['赵三', '张三丰', '欧阳娜娜', '李四']);
    expect(names(await list(`${base}&sort=-joinedOn`))).toEqual(['李四', '欧阳娜娜', '张三丰', '赵三']);
    expect(names(await list(`${base}&sort=name`))).toEqual(['李四', '欧阳娜娜', '张三丰', '赵三']);
    const page2 = await list(`${base}&sort=name&page=2&pageSize=3`);
    expect(page2.json()).toMatchObject({ total: 4, items: [{ name: '赵三' }] });
    const left = await member(searchOrg, { name: '孙离开' });
    await env.app.inject({
      method: 'POST',
      url: `/api/v1/members/${left.id}/status`,
      headers: await tokenAs('staff'),
      payload: { status: 'left', reason: '调离本单位' },
    });
    expect(names(await list(`${base}&status=left`))).toEqual(['孙离开']);
    expect((await list(`${base}&status=active`)).json().total).toBe(4);
  });

  it('rejects unknown query fields and sorts outside the whitelist', async () => {
    const res = await list('sort=id_hash&secret=1');
    expect(res.statusCode).toBe(400);
    const paths = res.json().error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['querystring.sort', 'querystring.secret']));
  });
});

describe('PATCH /api/v1/members/{id}', () => {
  it('passes the access matrix', async () => {
    const byOrg = await membersByOrg();
    await expectAccessMatrix(env, {
      method: 'PATCH',
      url: (org) => `/api/v1/members/${byOrg.get(org.id)!.id}`,
      payload: () => ({ employerName: '河南省某某有限公司' }),
      allowedRole: 'staff',
      deniedRole: 'viewer',
      home: tree.county,
      inScope: tree.grassroots,
      outOfScope: otherGrassroots,
    });
  });

  it('changes name (with its pinyin), phone, employer and categories; the ID number is not writable here', async () => {
    const m = await member(tree.grassroots, { name: '王小明' });
    const headers = await tokenAs('staff');
    const phone = uniquePhone();
    plain.push(phone);
    const res = await env.app.inject({
      method: 'PATCH',
      url: `/api/v1/members/${m.id}`,
      headers,
      payload: { name: '王晓明', phone, employerName: null, categories: ['new_form_worker'] },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      name: '王晓明',
      phoneMasked: `${phone.slice(0, 3)}****${phone.slice(-4)}`,
      employerName: null,
      categories: ['new_form_worker'],
    });
    const found = await env.app.inject({
      method: 'GET',
      url: `/api/v1/members?q=${phone}`,
      headers,
    });
    expect(found.json().items.map((x: { id: number }) => x.id)).toEqual([m.id]);
    const [audit] = await env.database.query<{ details: unknown }>(
      "select details from audit_log where action = 'member.update' and target_id = $1",
      [String(m.id)],
    );
    expect(audit?.details).toEqual({ fields: ['categories', 'employerName', 'name', 'phone'] });
    const before = await counts();
    const idChange = await env.app.inject({
      method: 'PATCH',
      url: `/api/v1/members/${m.id}`,
      headers,
      payload: { idNumber: validIdNumber(), status: 'left' },
    });
    expect(idChange.statusCode).toBe(400);
    expect(idChange.json().error.details.map((d: { path: string }) => d.path)).toEqual(
      expect.arrayContaining(['body.idNumber', 'body.status']),
    );
    const empty = await env.app.inject({
      method: 'PATCH',
      url: `/api/v1/members/${m.id}`,
      headers,
      payload: {},
    });
    expect(empty.statusCode).toBe(400);
    expect(await counts()).toEqual(before);
  });
});

describe('POST /api/v1/members/{id}/correct-id-number', () => {
  it('passes the access matrix', async () => {
    const byOrg = await membersByOrg();
    await expectAccessMatrix(env, {
      method: 'POST',
      url: (org) => `/api/v1/members/${byOrg.get(org.id)!.id}/correct-id-number`,
      payload: () => {
        const idNumber = validIdNumber();
        plain.push(idNumber);
        return { idNumber, reason: '登记时录入错误' };
      },
      allowedRole: 'staff',
      deniedRole: 'viewer',
      home: tree.county,
      inScope: tree.grassroots,
      outOfScope: otherGrassroots,
    });
  });

  it('replaces the number, birth date and gender, audited with the reason and masked values only', async () => {
    const m = await member(tree.grassroots, {
      idNumber: validIdNumber({ birthDate: '19800101', gender: 'male' }),
    });
    const headers = await tokenAs('staff');
    const fixed = validIdNumber({ birthDate: '19810202', gender: 'female' });
    plain.push(fixed);
    const res = await env.app.inject({
      method: 'POST',
      url: `/api/v1/members/${m.id}/correct-id-number`,
      headers,
      payload: { idNumber: fixed, reason: '身份证号录入错误，按户口本更正' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ birthDate: '1981-02-02', gender: 'female' });
    expect(res.body).not.toContain(fixed);
    const [audit] = await env.database.query<{ details: Record<string, string> }>(
      "select details from audit_log where action = 'member.id_number_correct' and target_id = $1",
      [String(m.id)],
    );
    expect(audit?.details).toEqual({
      reason: '身份证号录入错误，按户口本更正',
      from: `4101**********${m.idNumber.slice(-4)}`,
      to: `4101**********${fixed.slice(-4)}`,
    });
    const pii = await env.app.inject({
      method: 'POST',
      url: `/api/v1/members/${m.id}/pii`,
      headers,
      payload: { reason: '核对更正结果' },
    });
    expect(pii.json().idNumber).toBe(fixed);
  });

  it('refuses a bad number, the same number and a number active elsewhere, writing nothing', async () => {
    const m = await member(tree.grassroots);
    const other = await member(otherGrassroots);
    const headers = await tokenAs('staff');
    const before = await counts();
    const post = (idNumber: string) =>
      env.app.inject({
        method: 'POST',
        url: `/api/v1/members/${m.id}/correct-id-number`,
        headers,
        payload: { idNumber, reason: '更正' },
      });
    const bad = await post(`${m.idNumber.slice(0, 17)}${m.idNumber[17] === '1' ? '2' : '1'}`);
    expect(bad.json().error.details).toEqual([expect.objectContaining({ rule: 'id_number.check_digit' })]);
    const same = await post(m.idNumber);
    expect(same.json().error.details).toEqual([expect.objectContaining({ rule: 'id_number.unchanged' })]);
    const taken = await post(other.idNumber);
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error).toMatchObject({
      code: 'MEMBER_ALREADY_ACTIVE',
      meta: { existingOrgName: '开封****工会' },
    });
    expect(await counts()).toEqual(before);
  });
});

describe('POST /api/v1/members/{id}/status', () => {
  it('passes the access matrix', async () => {
    const byOrg = await membersByOrg();
    await expectAccessMatrix(env, {
      method: 'POST',
      url: (org) => `/api/v1/members/${byOrg.get(org.id)!.id}/status`,
      payload: () => ({ status: 'left', reason: '本人申请退会' }),
      allowedRole: 'staff',
      deniedRole: 'viewer',
      home: tree.county,
      inScope: tree.grassroots,
      outOfScope: otherGrassroots,
    });
  });

  it('records every change in the history and the audit log, and a death is final', async () => {
    const m = await member(tree.grassroots);
    const headers = await tokenAs('staff');
    const change = (status: string, reason: string) =>
      env.app.inject({
        method: 'POST',
        url: `/api/v1/members/${m.id}/status`,
        headers,
        payload: { status, reason },
      });
    expect((await change('left', '离职')).json().status).toBe('left');
    expect((await change('active', '重新入职')).json().status).toBe('active');
    expect((await change('deceased', '因病去世')).json().status).toBe('deceased');
    const before = await counts();
    const again = await change('active', '误操作');
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({
      code: 'MEMBER_BAD_TRANSITION',
      details: [{ path: 'body.status' }],
    });
    const same = await change('deceased', '重复');
    expect(same.statusCode).toBe(409);
    const manualTransfer = await change('transferred_out', '转出');
    expect(manualTransfer.statusCode).toBe(400);
    expect(await counts()).toEqual(before);
    expect(await historyOf(m.id)).toEqual([
      { from_status: null, to_status: 'active', reason: null },
      { from_status: 'active', to_status: 'left', reason: '离职' },
      { from_status: 'left', to_status: 'active', reason: '重新入职' },
      { from_status: 'active', to_status: 'deceased', reason: '因病去世' },
    ]);
    const audits = await env.database.query<{ details: { from: string; to: string } }>(
      "select details from audit_log where action = 'member.status_change' and target_id = $1 order by id",
      [String(m.id)],
    );
    expect(audits.map((a) => `${a.details.from}>${a.details.to}`)).toEqual([
      'active>left',
      'left>active',
      'active>deceased',
    ]);
    const detail = await env.app.inject({ method: 'GET', url: `/api/v1/members/${m.id}`, headers });
    expect(detail.json().history).toHaveLength(4);
    expect(detail.json().allowedActions).toEqual(['viewPii', 'edit', 'correctIdNumber']);
  });

  it('reactivates only while the person is not active in another union', async () => {
    const headers = await tokenAs('staff');
    const m = await member(tree.grassroots);
    await env.app.inject({
      method: 'POST',
      url: `/api/v1/members/${m.id}/status`,
      headers,
      payload: { status: 'left', reason: '离职' },
    });
    await buildMember(env, { org: otherGrassroots, idNumber: m.idNumber });
    const before = await counts();
    const res = await env.app.inject({
      method: 'POST',
      url: `/api/v1/members/${m.id}/status`,
      headers,
      payload: { status: 'active', reason: '回原单位' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'MEMBER_ALREADY_ACTIVE',
      meta: { existingOrgName: '开封****工会' },
    });
    expect(await counts()).toEqual(before);
  });
});

describe('POST /api/v1/members/lookup', () => {
  it('passes the access matrix', async () => {
    const byOrg = await membersByOrg();
    await expectAccessMatrix(env, {
      method: 'POST',
      url: () => '/api/v1/members/lookup',
      payload: (org) => ({ idNumber: byOrg.get(org.id)!.idNumber }),
      allowedRole: 'viewer',
      home: tree.county,
      inScope: tree.grassroots,
      outOfScope: otherGrassroots,
    });
  });

  it('finds the member by ID number (masked) in scope, 404 elsewhere, 400 for a bad number', async () => {
    const headers = await tokenAs('viewer');
    const m = await member(tree.grassroots, { name: '周查询' });
    const found = await env.app.inject({
      method: 'POST',
      url: '/api/v1/members/lookup',
      headers,
      payload: { idNumber: m.idNumber.toLowerCase() },
    });
    expect(found.statusCode).toBe(200);
    expect(found.json()).toMatchObject({ id: m.id, name: '周查询' });
    expect(found.body).not.toContain(m.idNumber);
    const there = await member(otherGrassroots);
    const outside = await env.app.inject({
      method: 'POST',
      url: '/api/v1/members/lookup',
      headers,
      payload: { idNumber: there.idNumber },
    });
    expect(outside.statusCode).toBe(404);
    expect(outside.json().error.code).toBe('MEMBER_NOT_FOUND');
    expect(outside.body).not.toContain(there.idNumber);
    const bad = await env.app.inject({
      method: 'POST',
      url: '/api/v1/members/lookup',
      headers,
      payload: { idNumber: '410105199013011234' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual([
      expect.objectContaining({ path: 'body.idNumber', rule: 'id_number.birth_date' }),
    ]);
  });
});

describe('personal data at rest', () => {
  it('keeps no plain ID number or phone anywhere in the database', async () => {
    expect(plain.length).toBeGreaterThan(50);
    const tables = await env.database.query<{ tablename: string }>(
      "select tablename from pg_tables where schemaname = 'public'",
    );
    expect(tables.map((t) => t.tablename)).toEqual(
      expect.arrayContaining(['members', 'member_status_history']),
    );
    const values = [...new Set(plain)];
    for (const { tablename } of tables) {
      const rows = await env.database.query<{ t: string }>(`select t::text as t from "${tablename}" t`);
      for (const row of rows) for (const value of values) expect(row.t, tablename).not.toContain(value);
    }
  });
});
