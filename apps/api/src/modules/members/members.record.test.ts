import type { StaffRole } from '@unionhub/contracts';
import { describe, expect, it } from 'vitest';
import { expectAccessMatrix } from '../../test/access-matrix.js';
import {
  bearer,
  buildMember,
  buildStaffUser,
  memberToken,
  tokenFor,
  uniquePhone,
  validIdNumber,
} from '../../test/factories.js';
import {
  counts,
  describePersonalDataAtRest,
  env,
  historyOf,
  member,
  membersByOrg,
  otherGrassroots,
  plain,
  tokenAs,
  tree,
  useMembersEnv,
} from './members.test-setup.js';

useMembersEnv();

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

describePersonalDataAtRest();
