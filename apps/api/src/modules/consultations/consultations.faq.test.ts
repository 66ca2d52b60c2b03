import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessMatrix } from '../../test/access-matrix.js';
import { bearer, buildOrgTree, buildStaffUser, tokenFor } from '../../test/factories.js';
import { createTestEnv, type TestEnv } from '../../test/harness.js';
import { buildProvider, onDuty } from '../../test/legal.js';
import { memberWithAccount } from '../../test/service-hall.js';

const HOUR = 3_600_000;
let env: TestEnv;
let tree: Awaited<ReturnType<typeof buildOrgTree>>;
let lawyer: Awaited<ReturnType<typeof buildProvider>>;

beforeAll(async () => {
  env = await createTestEnv();
  env.clock.set(new Date('2026-12-03T06:00:00Z'));
  tree = await buildOrgTree(env);
  lawyer = await buildProvider(env, tree.city, { name: '蒋律师' });
  await onDuty(env, tree.city, lawyer.provider.id, new Date(env.clock.now().getTime() - HOUR), 24);
});
afterAll(async () => env?.close());

async function answered(allowPublish: boolean, text: string, name = '韩梅梅') {
  const member = await memberWithAccount(env, tree.grassroots, { name });
  const res = await env.app.inject({
    method: 'POST',
    url: '/api/v1/me/legal/consultations',
    headers: member.headers,
    payload: { field: 'work_injury', text, allowPublish, anonymous: true },
  });
  const id = res.json().id as number;
  await env.app.inject({
    method: 'POST',
    url: `/api/v1/legal/workspace/consultations/${id}/answer`,
    headers: await lawyer.headers(),
    payload: { text: `${name}您好，工伤认定申请应在事故发生之日起一年内提出，可拨打0371-65551234咨询。` },
  });
  return { id, member };
}

describe('FAQ', () => {
  it('queues an answered question the member allowed to publish, masked, for staff to edit and publish', async () => {
    const { id, member } = await answered(
      true,
      '我叫韩梅梅，身份证410105199001011228，手机13912345678，在车间被机器压伤了手，公司不给报工伤。',
    );
    await answered(false, '公司不给交社保，受伤了怎么办？这种情况能认定工伤吗？', '李雷');
    const staff = bearer(await tokenFor(env, await buildStaffUser(env, { org: tree.city })));
    const queue = await env.app.inject({ method: 'GET', url: '/api/v1/legal/faq', headers: staff });
    expect(queue.statusCode, queue.body).toBe(200);
    expect(queue.json().total).toBe(1);
    const entry = queue.json().items[0];
    expect(entry).toMatchObject({
      consultationId: id,
      status: 'pending',
      field: 'work_injury',
      askedBy: '匿名会员',
    });
    expect(entry.question).toBe(
      '我叫韩**，身份证4101**********1228，手机139****5678，在车间被机器压伤了手，公司不给报工伤。',
    );
    expect(entry.answer).toContain('韩**您好');
    expect(entry.answer).toContain('0371-********');

    const edited = await env.app.inject({
      method: 'PATCH',
      url: `/api/v1/legal/faq/${entry.id}`,
      headers: staff,
      payload: {
        question: '在车间被机器压伤了手，公司不给报工伤，怎么办？',
        answer: '工伤认定申请应在事故发生之日起一年内由本人提出。',
      },
    });
    expect(edited.statusCode, edited.body).toBe(200);

    const search = (q: string) =>
      env.app.inject({
        method: 'GET',
        url: `/api/v1/me/legal/faq?q=${encodeURIComponent(q)}`,
        headers: member.headers,
      });
    expect((await search('压伤')).json().total).toBe(0);
    const published = await env.app.inject({
      method: 'POST',
      url: `/api/v1/legal/faq/${entry.id}/publish`,
      headers: staff,
    });
    expect(published.json()).toMatchObject({ status: 'published' });
    const again = await env.app.inject({
      method: 'POST',
      url: `/api/v1/legal/faq/${entry.id}/reject`,
      headers: staff,
    });
    expect(again.statusCode).toBe(409);
    const found = await search('压伤');
    expect(found.json().items).toMatchObject([
      { question: '在车间被机器压伤了手，公司不给报工伤，怎么办？' },
    ]);
    expect((await search('一年内')).json().total).toBe(1);
    expect((await search('社保')).json().total).toBe(0);
  });

  it('passes the access matrix (review queue)', async () => {
    await expectAccessMatrix(env, {
      method: 'GET',
      url: (org) => `/api/v1/legal/faq?orgId=${org.id}`,
      allowedRole: 'staff',
      deniedRole: 'viewer',
      home: tree.city,
      inScope: tree.county,
      outOfScope: tree.otherCity,
    });
  });
});
