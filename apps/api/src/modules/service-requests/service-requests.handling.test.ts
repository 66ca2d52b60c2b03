import { describe, expect, it } from 'vitest';
import { expectAccessMatrix } from '../../test/access-matrix.js';
import { bearer, buildStaffUser, tokenFor } from '../../test/factories.js';
import { buildService, memberWithAccount, PDF, upload } from '../../test/service-hall.js';
import { runEscalation } from './service-requests.handling.js';
import {
  act,
  county,
  DAY,
  env,
  filed,
  otherGrassroots,
  setCounty,
  staffAt,
  tree,
  useServiceRequestsEnv,
} from './service-requests.test-setup.js';

useServiceRequestsEnv();

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

  it('serves a file of the request, its steps or its messages only; any other file is 404', async () => {
    const member = await memberWithAccount(env, tree.grassroots);
    const { id } = await filed(member);
    const other = await filed();
    const photo = await upload(env, member.headers, undefined, '工资条.png');
    const ask = await env.app.inject({
      method: 'POST',
      url: `/api/v1/me/service-requests/${id}/messages`,
      headers: member.headers,
      payload: { text: '补一张工资条', attachments: [{ id: photo.id }] },
    });
    expect(ask.statusCode, ask.body).toBe(200);
    const seen = (
      await env.app.inject({ method: 'GET', url: `/api/v1/service-requests/${id}`, headers: county })
    ).json();
    const otherSeen = (
      await env.app.inject({ method: 'GET', url: `/api/v1/service-requests/${other.id}`, headers: county })
    ).json();
    const unclaimed = await upload(env, member.headers);
    const get = (requestId: number, attachmentId: number, headers = county, prefix = '') =>
      env.app.inject({
        method: 'GET',
        url: `/api/v1${prefix}/service-requests/${requestId}/attachments/${attachmentId}`,
        headers,
      });
    expect((await get(id, seen.attachments[0].id)).statusCode).toBe(200);
    expect((await get(id, seen.messages[0].attachments[0].id)).statusCode).toBe(200);
    expect((await get(id, seen.messages[0].attachments[0].id, member.headers, '/me')).statusCode).toBe(200);
    for (const attachmentId of [otherSeen.attachments[0].id, unclaimed.id, 99_999_999]) {
      const res = await get(id, attachmentId);
      expect(res.statusCode, String(attachmentId)).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    }
    expect((await get(other.id, seen.messages[0].attachments[0].id)).statusCode).toBe(404);
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
    setCounty(await staffAt(tree.county));
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
    setCounty(await staffAt(tree.county));
    expect((await act(id, 'accept', county)).json()).toMatchObject({ overdue: null, escalatedTo: null });
  });
});
