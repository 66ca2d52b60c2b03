import type { Service } from '@unionhub/contracts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectAccessMatrix } from '../../test/access-matrix.js';
import { bearer, buildOrg, buildOrgTree, buildStaffUser, tokenFor } from '../../test/factories.js';
import { createTestEnv, type TestEnv } from '../../test/harness.js';
import { buildService, memberWithAccount, multipartFile, PDF, upload } from '../../test/service-hall.js';
import type { OrgRow } from '../orgs/index.js';
import { runEscalation } from './service-requests.handling.js';

const DAY = 86_400_000;
let env: TestEnv;
let tree: Awaited<ReturnType<typeof buildOrgTree>>;
let otherGrassroots: OrgRow;
let service: Service;
let county: Record<string, string>;

async function staffAt(org: OrgRow, role: 'org_admin' | 'staff' | 'viewer' = 'staff') {
  return bearer(await tokenFor(env, await buildStaffUser(env, { org, roles: [role] })));
}

type Member = Awaited<ReturnType<typeof memberWithAccount>>;

async function submit(
  member: Member,
  overrides: Record<string, unknown> = {},
  headers: Record<string, string> = {},
) {
  const file = await upload(env, member.headers);
  return env.app.inject({
    method: 'POST',
    url: '/api/v1/me/service-requests',
    headers: { ...member.headers, ...headers },
    payload: {
      serviceId: service.id,
      data: { reason: '爱人住院，医药费负担重', amount: 3000, kind: '因病' },
      attachments: [{ id: file.id, slot: 'proof' }],
      ...overrides,
    },
  });
}

async function filed(member?: Member) {
  const res = await submit(member ?? (await memberWithAccount(env, tree.grassroots)));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number };
}

const act = (
  id: number,
  action: string,
  headers: Record<string, string>,
  payload: Record<string, unknown> = {},
) => env.app.inject({ method: 'POST', url: `/api/v1/service-requests/${id}/${action}`, headers, payload });

beforeAll(async () => {
  env = await createTestEnv();
  tree = await buildOrgTree(env);
  otherGrassroots = await buildOrg(env, {
    parent: tree.otherCounty,
    name: '开封龙亭纺织厂工会',
    regionCode: '410202',
  });
  service = await buildService(env, tree.city);
});
// Signing members in moves the clock a minute each time; a fresh staff session per test stays valid.
beforeEach(async () => {
  county = await staffAt(tree.county);
});
afterAll(async () => env?.close());

describe('applying', () => {
  it('files the request with its form and files at the union the service names, with a deadline', async () => {
    const member = await memberWithAccount(env, tree.grassroots, { name: '刘春梅' });
    const res = await submit(member);
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      serviceName: '困难职工帮扶申请',
      org: { id: tree.county.id, name: '金水区总工会' },
      state: 'submitted',
      memberName: '刘春梅',
      overdue: null,
      data: { reason: '爱人住院，医药费负担重', amount: 3000, kind: '因病' },
      attachments: [{ filename: '诊断证明.png', contentType: 'image/png', kind: 'image', slot: 'proof' }],
      events: [{ action: 'submit', toState: 'submitted', actorType: 'member', actorName: '刘春梅' }],
      allowedActions: ['withdraw', 'message'],
    });
    // Three working days to accept, to the end of the China day.
    expect(Date.parse(body.acceptDueAt)).toBeGreaterThan(env.clock.now().getTime() + 2 * DAY);

    const inbox = await env.app.inject({ method: 'GET', url: '/api/v1/me/notifications', headers: county });
    expect(inbox.json().items[0]).toMatchObject({ kind: 'request.submitted', title: '新的服务申请' });
    const queue = await env.app.inject({ method: 'GET', url: '/api/v1/service-requests', headers: county });
    expect(queue.json().items.map((r: { id: number }) => r.id)).toContain(body.id);

    const file = await env.app.inject({
      method: 'GET',
      url: `/api/v1/service-requests/${body.id}/attachments/${body.attachments[0].id}`,
      headers: county,
    });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.headers['content-disposition']).toContain(encodeURIComponent('诊断证明.png'));
  });

  it('tells the handling union’s staff', async () => {
    const user = await buildStaffUser(env, { org: tree.county, roles: ['staff'] });
    const { id } = await filed();
    const inbox = await env.app.inject({
      method: 'GET',
      url: '/api/v1/me/notifications',
      headers: bearer(await tokenFor(env, user)),
    });
    expect(inbox.json().items[0]).toMatchObject({ kind: 'request.submitted', link: `/admin/requests/${id}` });
  });

  it('names each bad form value by the form’s own label, and files nothing', async () => {
    const member = await memberWithAccount(env, tree.grassroots);
    const res = await submit(member, { data: { amount: '三千', kind: '因故' }, attachments: [] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([
      { path: 'body.data.reason', message: '请填写「申请事由」', rule: 'form.required' },
      { path: 'body.data.amount', message: '「申请金额」应为数字', rule: 'form.amount' },
      { path: 'body.data.kind', message: '「困难类型」应从给定选项中选择', rule: 'form.select' },
    ]);
    const mine = await env.app.inject({
      method: 'GET',
      url: '/api/v1/me/service-requests',
      headers: member.headers,
    });
    expect(mine.json().total).toBe(0);
  });

  it('wants the required documents, the member’s own uploads, of the kinds asked', async () => {
    const member = await memberWithAccount(env, tree.grassroots);
    const missing = await submit(member, { attachments: [] });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details).toEqual([
      { path: 'body.attachments.proof', message: '请上传「困难证明材料」' },
    ]);

    const other = await memberWithAccount(env, tree.grassroots);
    const theirs = await upload(env, other.headers);
    const notMine = await submit(member, { attachments: [{ id: theirs.id, slot: 'proof' }] });
    expect(notMine.json().error.details[0]).toMatchObject({ path: 'body.attachments.0' });

    const mine = await env.app.inject({
      method: 'GET',
      url: '/api/v1/me/service-requests',
      headers: member.headers,
    });
    expect(mine.json().total).toBe(0);
    // The file refused with the request is still the member's to use.
    const pdf = await upload(env, member.headers, PDF, '证明.pdf');
    expect((await submit(member, { attachments: [{ id: pdf.id, slot: 'proof' }] })).statusCode).toBe(201);
  });

  it('refuses uploads that are too large or not of an accepted type, judged by content', async () => {
    const member = await memberWithAccount(env, tree.grassroots);
    const send = (content: Buffer, name: string) => {
      const body = multipartFile(content, name, 'image/png');
      return env.app.inject({
        method: 'POST',
        url: '/api/v1/attachments',
        headers: { ...member.headers, ...body.headers },
        payload: body.payload,
      });
    };
    const text = await send(Buffer.from('这其实是一段文字，不是图片'), '假图片.png');
    expect(text.statusCode).toBe(415);
    expect(text.json().error.details[0].path).toBe('file');
    const big = await send(Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]), '太大.pdf');
    expect(big.statusCode).toBe(413);
  });

  it('files one request for a double tap, and refuses the same key with another body', async () => {
    const member = await memberWithAccount(env, tree.grassroots);
    const file = await upload(env, member.headers);
    const payload = {
      serviceId: service.id,
      data: { reason: '因病致困', kind: '因病' },
      attachments: [{ id: file.id, slot: 'proof' }],
    };
    const headers = { ...member.headers, 'idempotency-key': 'tap-0001-abcdef' };
    const send = (body: unknown) =>
      env.app.inject({
        method: 'POST',
        url: '/api/v1/me/service-requests',
        headers,
        payload: body as object,
      });
    const [first, second] = await Promise.all([send(payload), send(payload)]);
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.json().id).toBe(first.json().id);
    const changed = await send({ ...payload, data: { reason: '别的事', kind: '因灾' } });
    expect(changed.statusCode).toBe(422);
    expect(changed.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const mine = await env.app.inject({
      method: 'GET',
      url: '/api/v1/me/service-requests',
      headers: member.headers,
    });
    expect(mine.json().total).toBe(1);
  });

  it('refuses a member who does not meet the conditions', async () => {
    const special = await buildService(env, tree.county, {
      name: '劳模疗休养',
      eligibility: { categories: ['model_worker'], note: '仅限劳动模范' },
      attachments: [],
    });
    const member = await memberWithAccount(env, tree.grassroots);
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/v1/me/service-requests',
      headers: member.headers,
      payload: { serviceId: special.id, data: { reason: '想去', kind: '因病' } },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({ code: 'REQUEST_NOT_ELIGIBLE', message: '仅限劳动模范' });
  });

  it('routes by the service: the member’s own union, or the publisher', async () => {
    const own = await buildService(env, tree.city, {
      name: '会员生日慰问',
      handler: 'member_union',
      attachments: [],
    });
    const publisher = await buildService(env, tree.city, {
      name: '市级法律援助',
      handler: 'publisher',
      attachments: [],
    });
    const member = await memberWithAccount(env, tree.grassroots);
    for (const [s, org] of [
      [own, tree.grassroots],
      [publisher, tree.city],
    ] as const) {
      const res = await env.app.inject({
        method: 'POST',
        url: '/api/v1/me/service-requests',
        headers: member.headers,
        payload: { serviceId: s.id, data: { reason: '申请', kind: '因病' } },
      });
      expect(res.json().org.id).toBe(org.id);
    }
  });
});

describe('handling', () => {
  it('goes accepted → in progress → completed with a record of each step; the member rates it once', async () => {
    const member = await memberWithAccount(env, tree.grassroots);
    const { id } = await filed(member);
    expect((await act(id, 'accept', county)).json()).toMatchObject({ state: 'accepted' });
    expect((await act(id, 'start', county, { comment: '已预约上门核实' })).json().state).toBe('in_progress');
    expect((await act(id, 'complete', county)).statusCode).toBe(400);
    const receipt = await upload(env, county, PDF, '帮扶金发放回执.pdf');
    const done = await act(id, 'complete', county, {
      comment: '已于区职工服务中心当面发放帮扶金 3000 元，经办人王芳',
      attachments: [{ id: receipt.id }],
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ state: 'completed', overdue: null, allowedActions: ['message'] });

    const seen = (
      await env.app.inject({
        method: 'GET',
        url: `/api/v1/me/service-requests/${id}`,
        headers: member.headers,
      })
    ).json();
    expect(seen.events.map((e: { action: string }) => e.action)).toEqual([
      'submit',
      'accept',
      'start',
      'complete',
    ]);
    expect(seen.events[3]).toMatchObject({
      actorType: 'staff',
      orgName: '金水区总工会',
      comment: '已于区职工服务中心当面发放帮扶金 3000 元，经办人王芳',
      attachments: [{ filename: '帮扶金发放回执.pdf', kind: 'pdf' }],
    });
    expect(seen.allowedActions).toEqual(['rate', 'message']);
    const file = await env.app.inject({
      method: 'GET',
      url: `/api/v1/me/service-requests/${id}/attachments/${seen.events[3].attachments[0].id}`,
      headers: member.headers,
    });
    expect(file.statusCode).toBe(200);

    const inbox = (
      await env.app.inject({ method: 'GET', url: '/api/v1/me/notifications', headers: member.headers })
    ).json();
    expect(inbox.items.map((n: { title: string }) => n.title)).toEqual([
      '申请已办结',
      '申请正在办理',
      '申请已受理',
    ]);

    const rate = (payload: object) =>
      env.app.inject({
        method: 'POST',
        url: `/api/v1/me/service-requests/${id}/rate`,
        headers: member.headers,
        payload,
      });
    expect((await rate({ rating: 6 })).statusCode).toBe(400);
    expect((await rate({ rating: 5, comment: '上门服务，很及时' })).json()).toMatchObject({
      rating: 5,
      ratingComment: '上门服务，很及时',
    });
    expect((await rate({ rating: 1 })).statusCode).toBe(409);
  });

  it('refuses a transition the table does not have, listing what is allowed', async () => {
    const { id } = await filed();
    await act(id, 'reject', county, { comment: '不属于帮扶范围' });
    const res = await act(id, 'complete', county, { comment: '办结' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'REQUEST_BAD_TRANSITION',
      meta: { state: 'rejected', allowed: [] },
    });
    const start = await act((await filed()).id, 'start', county);
    expect(start.json().error.meta).toEqual({
      state: 'submitted',
      allowed: ['accept', 'reject', 'return', 'transfer', 'note'],
    });
  });

  it('returns to the member for more, who corrects it and sends it again; or withdraws', async () => {
    const member = await memberWithAccount(env, tree.grassroots);
    const { id } = await filed(member);
    expect((await act(id, 'return', county, { comment: '请补充医院出具的费用清单' })).json().state).toBe(
      'returned',
    );
    const resubmit = (payload: object) =>
      env.app.inject({
        method: 'POST',
        url: `/api/v1/me/service-requests/${id}/resubmit`,
        headers: member.headers,
        payload,
      });
    expect((await resubmit({ data: { reason: '' } })).statusCode).toBe(400);
    const again = await resubmit({
      data: { reason: '爱人住院，已补充费用清单', kind: '因病' },
      attachments: [{ id: (await upload(env, member.headers, PDF, '费用清单.pdf')).id }],
      comment: '已补充',
    });
    expect(again.json()).toMatchObject({ state: 'submitted', data: { reason: '爱人住院，已补充费用清单' } });
    const withdraw = await env.app.inject({
      method: 'POST',
      url: `/api/v1/me/service-requests/${id}/withdraw`,
      headers: member.headers,
      payload: {},
    });
    expect(withdraw.json()).toMatchObject({ state: 'withdrawn', allowedActions: [] });
    expect((await act(id, 'accept', county)).statusCode).toBe(409);
  });

  it('passes a request on to another union, which must accept it anew', async () => {
    const { id } = await filed();
    expect((await act(id, 'transfer', county, { toOrgId: tree.grassroots.id })).statusCode).toBe(400);
    const moved = await act(id, 'transfer', county, {
      toOrgId: tree.grassroots.id,
      comment: '由本单位工会就近办理',
    });
    expect(moved.json()).toMatchObject({ state: 'submitted', org: { id: tree.grassroots.id } });
    expect((await act(id, 'accept', county)).statusCode).toBe(403);
    expect((await act(id, 'accept', await staffAt(tree.grassroots))).json().state).toBe('accepted');
    const outside = await act((await filed()).id, 'transfer', county, {
      toOrgId: otherGrassroots.id,
      comment: '转',
    });
    expect(outside.json().error.details[0].path).toBe('body.toOrgId');
  });

  it('lets higher levels look on while only the handling union acts; other subtrees see nothing', async () => {
    const { id } = await filed();
    const province = await staffAt(tree.province, 'org_admin');
    const view = await env.app.inject({
      method: 'GET',
      url: `/api/v1/service-requests/${id}`,
      headers: province,
    });
    expect(view.json()).toMatchObject({ state: 'submitted', allowedActions: [] });
    expect(view.json().member.idNumberMasked).toMatch(/^4101\*+/);
    const acting = await act(id, 'accept', province);
    expect(acting.statusCode).toBe(403);
    expect(acting.json().error.code).toBe('REQUEST_NOT_HANDLING_UNION');
    const outsider = await staffAt(tree.otherCounty, 'org_admin');
    expect((await act(id, 'accept', outsider)).statusCode).toBe(404);
    expect(
      (await env.app.inject({ method: 'GET', url: `/api/v1/service-requests/${id}`, headers: outsider }))
        .statusCode,
    ).toBe(404);
    const subtree = await env.app.inject({
      method: 'GET',
      url: '/api/v1/service-requests?queue=subtree&open=true',
      headers: province,
    });
    expect(subtree.json().items.map((r: { id: number }) => r.id)).toContain(id);
    const own = await env.app.inject({ method: 'GET', url: '/api/v1/service-requests', headers: province });
    expect(own.json().items.map((r: { id: number }) => r.id)).not.toContain(id);
  });

  it('accepts in bulk, reporting the ones it could not', async () => {
    const a = await filed();
    const b = await filed();
    const foreign = await buildService(env, tree.otherCity, { attachments: [], handler: 'member_union' });
    const far = await memberWithAccount(env, otherGrassroots);
    const theirs = await env.app.inject({
      method: 'POST',
      url: '/api/v1/me/service-requests',
      headers: far.headers,
      payload: { serviceId: foreign.id, data: { reason: '申请', kind: '因病' } },
    });
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/v1/service-requests/bulk-accept',
      headers: county,
      payload: { ids: [a.id, b.id, theirs.json().id] },
    });
    expect(res.json()).toEqual({
      accepted: [a.id, b.id],
      failed: [{ id: theirs.json().id, code: 'REQUEST_NOT_FOUND', message: expect.any(String) }],
    });
  });

  it('assigns to a staff user of the handling union only, who is told', async () => {
    const { id } = await filed();
    const clerk = await buildStaffUser(env, { org: tree.county, roles: ['staff'] });
    const stranger = await buildStaffUser(env, { org: tree.otherCounty, roles: ['staff'] });
    const bad = await env.app.inject({
      method: 'POST',
      url: `/api/v1/service-requests/${id}/assign`,
      headers: county,
      payload: { staffId: stranger.id },
    });
    expect(bad.json().error.details[0].path).toBe('body.staffId');
    const ok = await env.app.inject({
      method: 'POST',
      url: `/api/v1/service-requests/${id}/assign`,
      headers: county,
      payload: { staffId: clerk.id },
    });
    expect(ok.json().assignee).toEqual({ id: clerk.id, name: `测试用户${clerk.username}` });
    const clerkHeaders = bearer(await tokenFor(env, clerk));
    const mine = await env.app.inject({
      method: 'GET',
      url: '/api/v1/service-requests?assignedToMe=true',
      headers: clerkHeaders,
    });
    expect(mine.json().items.map((r: { id: number }) => r.id)).toEqual([id]);
  });

  it('carries questions and answers between the member and the staff', async () => {
    const member = await memberWithAccount(env, tree.grassroots);
    const { id } = await filed(member);
    const ask = await env.app.inject({
      method: 'POST',
      url: `/api/v1/me/service-requests/${id}/messages`,
      headers: member.headers,
      payload: { text: '请问大概多久能有结果？' },
    });
    expect(ask.json().messages).toMatchObject([{ authorType: 'member', text: '请问大概多久能有结果？' }]);
    const answer = await env.app.inject({
      method: 'POST',
      url: `/api/v1/service-requests/${id}/messages`,
      headers: county,
      payload: { text: '三个工作日内会联系您上门核实。' },
    });
    expect(answer.json().messages.map((m: { authorType: string }) => m.authorType)).toEqual([
      'member',
      'staff',
    ]);
    const inbox = (
      await env.app.inject({ method: 'GET', url: '/api/v1/me/notifications', headers: member.headers })
    ).json();
    expect(inbox.items[0]).toMatchObject({ topic: 'message', title: '工会回复了您的留言' });
    const other = await memberWithAccount(env, tree.grassroots);
    const nosy = await env.app.inject({
      method: 'GET',
      url: `/api/v1/me/service-requests/${id}`,
      headers: other.headers,
    });
    expect(nosy.statusCode).toBe(404);
  });

  it('passes the access matrix', async () => {
    const byOrg = new Map<number, number>();
    const foreign = await buildService(env, tree.otherCity, { attachments: [], handler: 'county' });
    byOrg.set(tree.county.id, (await filed()).id);
    const far = await memberWithAccount(env, otherGrassroots);
    const theirs = await env.app.inject({
      method: 'POST',
      url: '/api/v1/me/service-requests',
      headers: far.headers,
      payload: { serviceId: foreign.id, data: { reason: '申请', kind: '因病' } },
    });
    byOrg.set(tree.otherCounty.id, theirs.json().id);
    await expectAccessMatrix(env, {
      method: 'GET',
      url: (org) => `/api/v1/service-requests/${byOrg.get(org.id)}`,
      allowedRole: 'viewer',
      home: tree.county,
      inScope: tree.county,
      outOfScope: tree.otherCounty,
    });
    await expectAccessMatrix(env, {
      method: 'POST',
      url: (org) => `/api/v1/service-requests/${byOrg.get(org.id)}/note`,
      payload: () => ({ comment: '已电话联系会员' }),
      allowedRole: 'staff',
      deniedRole: 'viewer',
      home: tree.county,
      inScope: tree.county,
      outOfScope: tree.otherCounty,
    });
  });
});

describe('deadlines', () => {
  it('flags overdue requests and escalates them one level up a day, to be chased there', async () => {
    const { id } = await filed();
    env.clock.advance(6 * DAY);
    county = await staffAt(tree.county);
    const overdue = await env.app.inject({
      method: 'GET',
      url: '/api/v1/service-requests?overdue=true',
      headers: county,
    });
    expect(overdue.json().items.find((r: { id: number }) => r.id === id)).toMatchObject({
      overdue: 'accept',
    });

    await runEscalation(env.ctx);
    const city = await staffAt(tree.city);
    const chased = await env.app.inject({
      method: 'GET',
      url: '/api/v1/service-requests?queue=escalated',
      headers: city,
    });
    expect(chased.json().items.find((r: { id: number }) => r.id === id)).toMatchObject({
      escalatedTo: { id: tree.city.id, name: '郑州市总工会' },
    });
    // Once a day: a second run the same day changes nothing.
    await runEscalation(env.ctx);
    const detail = (
      await env.app.inject({ method: 'GET', url: `/api/v1/service-requests/${id}`, headers: city })
    ).json();
    expect(detail.events.filter((e: { action: string }) => e.action === 'escalate')).toHaveLength(1);
    expect(detail.events.at(-1)).toMatchObject({
      actorType: 'system',
      comment: '超过承诺时限未受理，已提请郑州市总工会督办',
    });

    env.clock.advance(DAY + 1000);
    await runEscalation(env.ctx);
    const province = await staffAt(tree.province);
    const top = await env.app.inject({
      method: 'GET',
      url: '/api/v1/service-requests?queue=escalated',
      headers: province,
    });
    expect(top.json().items.map((r: { id: number }) => r.id)).toContain(id);

    // Accepting puts it back on track: no longer chased.
    county = await staffAt(tree.county);
    expect((await act(id, 'accept', county)).json()).toMatchObject({ overdue: null, escalatedTo: null });
  });
});
