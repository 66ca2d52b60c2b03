import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWorkingDays } from '../../platform/calendar.js';
import { expectAccessMatrix } from '../../test/access-matrix.js';
import {
  bearer,
  buildEnterprise,
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
import { chinaToday } from '../members/index.js';
import type { OrgRow } from '../orgs/index.js';

let env: TestEnv;
let tree: Awaited<ReturnType<typeof buildOrgTree>>;
let otherGrassroots: OrgRow;
let staff: Record<string, string>;

beforeAll(async () => {
  env = await createTestEnv();
  tree = await buildOrgTree(env);
  otherGrassroots = await buildOrg(env, {
    parent: tree.otherCounty,
    name: '开封市龙亭区汴京机械有限公司工会',
    regionCode: '410202',
  });
  staff = bearer(await tokenFor(env, await buildStaffUser(env, { org: tree.county, roles: ['staff'] })));
});
afterAll(() => env.close());

async function worker(): Promise<{ phone: string; auth: Record<string, string> }> {
  const phone = uniquePhone();
  return { phone, auth: bearer(await memberToken(env, phone)) };
}

async function apply(
  auth: Record<string, string>,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
) {
  return env.app.inject({
    method: 'POST',
    url: '/api/v1/join-applications',
    headers: { ...auth, ...headers },
    payload: { name: '赵小红', idNumber: validIdNumber(), ...body },
  });
}

/** A pending application to each union, made fresh for each access matrix. */
async function applicationsByOrg(): Promise<Map<number, number>> {
  const ids = new Map<number, number>();
  for (const org of [tree.grassroots, otherGrassroots]) {
    const res = await apply((await worker()).auth, { orgId: org.id });
    expect(res.statusCode, res.body).toBe(201);
    ids.set(org.id, res.json().id);
  }
  return ids;
}

async function count(table: string): Promise<number> {
  const [row] = await env.database.query<{ n: number | string }>(`select count(*) as n from ${table}`);
  return Number(row!.n);
}

describe('joining: access matrix for staff endpoints', () => {
  it('GET /join-applications', async () => {
    await expectAccessMatrix(env, {
      method: 'GET',
      url: (o) => `/api/v1/join-applications?orgId=${o.id}`,
      allowedRole: 'staff',
      deniedRole: 'viewer',
      home: tree.county,
      inScope: tree.grassroots,
      outOfScope: otherGrassroots,
    });
  });

  it('POST /join-applications/{id}/accept', async () => {
    const ids = await applicationsByOrg();
    await expectAccessMatrix(env, {
      method: 'POST',
      url: (o) => `/api/v1/join-applications/${ids.get(o.id)}/accept`,
      allowedRole: 'staff',
      deniedRole: 'viewer',
      home: tree.county,
      inScope: tree.grassroots,
      outOfScope: otherGrassroots,
    });
  });

  it('POST /join-applications/{id}/reject', async () => {
    const ids = await applicationsByOrg();
    await expectAccessMatrix(env, {
      method: 'POST',
      url: (o) => `/api/v1/join-applications/${ids.get(o.id)}/reject`,
      payload: () => ({ reason: '不在本单位工作' }),
      allowedRole: 'staff',
      deniedRole: 'viewer',
      home: tree.county,
      inScope: tree.grassroots,
      outOfScope: otherGrassroots,
    });
  });

  it('member endpoints answer 401 without a session and 403 to staff', async () => {
    for (const [method, url] of [
      ['POST', '/api/v1/join-applications'],
      ['GET', '/api/v1/me/join-applications'],
      ['GET', '/api/v1/join-applications/unions?q=gongsi'],
    ] as const) {
      expect((await env.app.inject({ method, url })).statusCode, url).toBe(401);
      const res = await env.app.inject({ method, url, headers: staff, payload: {} });
      expect(res.statusCode, url).toBe(403);
    }
  });
});

describe('joining: a worker applies and the union decides', () => {
  it('applies once per Idempotency-Key, is accepted, and becomes a member with history and a notice', async () => {
    const { phone, auth } = await worker();
    const idNumber = validIdNumber({ gender: 'female' });
    const body = { orgId: tree.grassroots.id, idNumber, employerName: '郑州绿城物业服务有限公司' };
    const key = { 'idempotency-key': 'join-0001-abcdef' };
    const first = await apply(auth, body, key);
    expect(first.statusCode, first.body).toBe(201);
    const created = first.json();
    expect(created).toMatchObject({
      orgId: tree.grassroots.id,
      status: 'pending',
      overdue: false,
      idNumberMasked: expect.stringContaining('*'),
      phoneMasked: `${phone.slice(0, 3)}****${phone.slice(-4)}`,
      contactDeadline: addWorkingDays(chinaToday(env.clock.now()), 15),
    });
    expect(first.body).not.toContain(idNumber);

    const replay = await apply(auth, body, key);
    expect(replay.statusCode).toBe(201);
    expect(replay.json()).toEqual(created);

    const second = await apply(auth, body);
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('JOIN_APPLICATION_OPEN');

    const queue = await env.app.inject({
      method: 'GET',
      url: `/api/v1/join-applications?orgId=${tree.grassroots.id}&status=pending`,
      headers: staff,
    });
    expect(queue.statusCode).toBe(200);
    const item = queue.json().items.find((i: { id: number }) => i.id === created.id);
    expect(item.allowedActions).toEqual(['accept', 'reject']);

    const accepted = await env.app.inject({
      method: 'POST',
      url: `/api/v1/join-applications/${created.id}/accept`,
      headers: staff,
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const memberId = accepted.json().memberId;
    expect(accepted.json().status).toBe('accepted');

    const member = await env.app.inject({
      method: 'GET',
      url: `/api/v1/members/${memberId}`,
      headers: staff,
    });
    expect(member.statusCode).toBe(200);
    expect(member.json()).toMatchObject({
      orgId: tree.grassroots.id,
      name: '赵小红',
      gender: 'female',
      status: 'active',
      joinedOn: chinaToday(env.clock.now()),
      employerName: '郑州绿城物业服务有限公司',
    });
    expect(member.json().history).toHaveLength(1);
    expect(member.json().history[0]).toMatchObject({ fromStatus: null, toStatus: 'active' });
    // Acceptance issues the member card in the same transaction.
    const [card] = await env.database.query<{ card_no: string; status: string }>(
      'select card_no, status from member_cards where member_id = $1',
      [memberId],
    );
    expect(card).toMatchObject({ status: 'active', card_no: expect.stringMatching(/^410105\d{10}$/) });

    const mine = await env.app.inject({ method: 'GET', url: '/api/v1/me/join-applications', headers: auth });
    expect(mine.json().items[0]).toMatchObject({ id: created.id, status: 'accepted', memberId });
    const notices = await env.app.inject({ method: 'GET', url: '/api/v1/me/notifications', headers: auth });
    expect(notices.json().items[0]).toMatchObject({ kind: 'join.accepted', readAt: null });
    expect(notices.json().items[0].body).toContain('已通过');

    const again = await env.app.inject({
      method: 'POST',
      url: `/api/v1/join-applications/${created.id}/accept`,
      headers: staff,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('JOIN_APPLICATION_DECIDED');

    const [audit] = await env.database.query<{ n: number | string }>(
      `select count(*) as n from audit_log where target_type = 'join_application' and target_id = $1`,
      [String(created.id)],
    );
    expect(Number(audit!.n)).toBe(2);
  });

  it('a rejection needs a reason, which the applicant sees', async () => {
    const { auth } = await worker();
    const created = (await apply(auth, { orgId: tree.grassroots.id })).json();
    const url = `/api/v1/join-applications/${created.id}/reject`;
    const noReason = await env.app.inject({ method: 'POST', url, headers: staff, payload: {} });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details[0].path).toContain('reason');
    const rejected = await env.app.inject({
      method: 'POST',
      url,
      headers: staff,
      payload: { reason: '未在本单位就业' },
    });
    expect(rejected.statusCode).toBe(200);
    const mine = (
      await env.app.inject({ method: 'GET', url: '/api/v1/me/join-applications', headers: auth })
    ).json();
    expect(mine.items[0]).toMatchObject({ status: 'rejected', decisionReason: '未在本单位就业' });
    const notices = (
      await env.app.inject({ method: 'GET', url: '/api/v1/me/notifications', headers: auth })
    ).json();
    expect(notices.items[0].body).toContain('未在本单位就业');
    // Once decided, the worker may apply again.
    expect((await apply(auth, { orgId: tree.grassroots.id })).statusCode).toBe(201);
  });

  it('refuses a bad ID number, a union that is not grassroots, unknown fields and an existing member', async () => {
    const { auth } = await worker();
    const badId = await apply(auth, { orgId: tree.grassroots.id, idNumber: '410105199001011230' });
    expect(badId.statusCode).toBe(400);
    expect(badId.json().error.details[0]).toMatchObject({
      path: 'body.idNumber',
      rule: expect.stringMatching(/^id_number\./),
    });

    const county = await apply(auth, { orgId: tree.county.id });
    expect(county.statusCode).toBe(400);
    expect(county.json().error.code).toBe('MEMBER_ORG_NOT_GRASSROOTS');

    const missing = await apply(auth, { orgId: 999_999 });
    expect(missing.statusCode).toBe(404);

    const extra = await apply(auth, { orgId: tree.grassroots.id, phone: '13800000000' });
    expect(extra.statusCode).toBe(400);

    const existing = await buildMember(env, { org: otherGrassroots });
    const dup = await apply(auth, { orgId: tree.grassroots.id, idNumber: existing.idNumber });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('MEMBER_ALREADY_ACTIVE');
    expect(dup.json().error.meta.existingOrgName).toBe('开封****工会');
    expect(dup.json().error.meta.existingOrgId).toBeUndefined();

    const mine = (
      await env.app.inject({ method: 'GET', url: '/api/v1/me/join-applications', headers: auth })
    ).json();
    expect(mine.items).toEqual([]);
  });

  it('a worker may apply to a union in another province, and staff elsewhere do not see it', async () => {
    const otherProvince = await buildOrg(env, {
      name: '湖北省总工会',
      level: 'province',
      regionCode: '420000',
    });
    const union = await buildOrg(env, {
      parent: otherProvince,
      name: '武汉江城电子有限公司工会',
      regionCode: '420102',
    });
    const { auth } = await worker();
    const res = await apply(auth, { orgId: union.id });
    expect(res.statusCode, res.body).toBe(201);
    const accept = await env.app.inject({
      method: 'POST',
      url: `/api/v1/join-applications/${res.json().id}/accept`,
      headers: staff,
    });
    expect(accept.statusCode).toBe(404);
  });

  it('an acceptance that fails writes nothing: the application stays pending and no member is made', async () => {
    const { auth } = await worker();
    const idNumber = validIdNumber();
    const created = (await apply(auth, { orgId: tree.grassroots.id, idNumber })).json();
    // Meanwhile the person is registered directly by another union.
    await buildMember(env, { org: otherGrassroots, idNumber });
    const before = {
      members: await count('members'),
      history: await count('member_status_history'),
      audit: await count('audit_log'),
    };
    const res = await env.app.inject({
      method: 'POST',
      url: `/api/v1/join-applications/${created.id}/accept`,
      headers: staff,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('MEMBER_ALREADY_ACTIVE');
    expect({
      members: await count('members'),
      history: await count('member_status_history'),
      audit: await count('audit_log'),
    }).toEqual(before);
    const mine = (
      await env.app.inject({ method: 'GET', url: '/api/v1/me/join-applications', headers: auth })
    ).json();
    expect(mine.items[0]).toMatchObject({ id: created.id, status: 'pending', memberId: null });
  });

  it('flags a pending application as overdue after its deadline', async () => {
    const { auth } = await worker();
    const created = (await apply(auth, { orgId: tree.grassroots.id })).json();
    env.clock.advance(22 * 86_400_000);
    staff = bearer(await tokenFor(env, await buildStaffUser(env, { org: tree.county, roles: ['staff'] })));
    const queue = await env.app.inject({
      method: 'GET',
      url: `/api/v1/join-applications?orgId=${tree.grassroots.id}&status=pending`,
      headers: staff,
    });
    const item = queue.json().items.find((i: { id: number }) => i.id === created.id);
    expect(item.overdue).toBe(true);
  });
});

describe('joining: finding a union', () => {
  it('by the employer’s credit code, by name or pinyin, by region', async () => {
    const { auth } = await worker();
    const enterprise = await buildEnterprise(env, { org: tree.grassroots });
    const get = (query: string) =>
      env.app.inject({ method: 'GET', url: `/api/v1/join-applications/unions?${query}`, headers: auth });

    const byCode = await get(`creditCode=${enterprise.creditCode}`);
    expect(byCode.statusCode).toBe(200);
    expect(byCode.json().items.map((u: { id: number }) => u.id)).toEqual([tree.grassroots.id]);

    const uncovered = await buildEnterprise(env, { org: tree.county });
    expect((await get(`creditCode=${uncovered.creditCode}`)).json().items).toEqual([]);
    const badCode = await get('creditCode=91410105ABCDEFGH00');
    expect(badCode.statusCode).toBe(400);
    expect(badCode.json().error.details[0].path).toBe('querystring.creditCode');

    const byName = await get(`q=${encodeURIComponent('绿城物业')}`);
    expect(byName.json().items.map((u: { id: number }) => u.id)).toContain(tree.grassroots.id);
    const byPinyin = await get('q=zzlc');
    expect(byPinyin.json().items.map((u: { id: number }) => u.id)).toContain(tree.grassroots.id);
    // Only grassroots unions are offered, in any province.
    const county = await get(`q=${encodeURIComponent('金水区')}`);
    expect(county.json().items).toEqual([]);

    const byRegion = await get('regionCode=410202');
    expect(byRegion.json().items.map((u: { id: number }) => u.id)).toEqual([otherGrassroots.id]);

    expect((await get('')).statusCode).toBe(400);
  });
});
