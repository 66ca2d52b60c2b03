import { describe, expect, it } from 'vitest';
import { bearer, buildStaffUser, tokenFor } from '../../test/factories.js';
import { buildService, memberWithAccount, multipartFile, PDF, upload } from '../../test/service-hall.js';
import {
  county,
  DAY,
  env,
  filed,
  service,
  submit,
  tree,
  useServiceRequestsEnv,
} from './service-requests.test-setup.js';

useServiceRequestsEnv();

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

  it('answers the filing with the request exactly as a later read shows it', async () => {
    const member = await memberWithAccount(env, tree.grassroots, { name: '赵桂兰' });
    const res = await submit(member);
    expect(res.statusCode, res.body).toBe(201);
    const read = await env.app.inject({
      method: 'GET',
      url: `/api/v1/me/service-requests/${res.json().id}`,
      headers: member.headers,
    });
    expect(res.json()).toEqual(read.json());
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
