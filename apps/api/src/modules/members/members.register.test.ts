import type { StaffRole } from '@unionhub/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectAccessMatrix } from '../../test/access-matrix.js';
import { type BuiltMember, buildOrg, validIdNumber } from '../../test/factories.js';
import type { OrgRow } from '../orgs/index.js';
import {
  counts,
  describePersonalDataAtRest,
  env,
  historyOf,
  member,
  newMemberBody,
  otherGrassroots,
  plain,
  tokenAs,
  tree,
  useMembersEnv,
} from './members.test-setup.js';

useMembersEnv();

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

describePersonalDataAtRest();
