import { describe, expect, it } from 'vitest';
import { buildService, memberWithAccount, upload } from '../../test/service-hall.js';
import {
  act,
  aidData,
  assign,
  cityLawyer,
  county,
  env,
  type Member,
  service,
  tree,
  useLegalAidEnv,
} from './legal-aid.test-setup.js';

useLegalAidEnv();

const question = { field: 'wages', text: '公司连续三个月没发工资了，一共欠我一万八千多元，我该怎么办？' };

async function askAndAnswer(member: Member, answer = true) {
  const asked = await env.app.inject({
    method: 'POST',
    url: '/api/v1/me/legal/consultations',
    headers: member.headers,
    payload: question,
  });
  expect(asked.statusCode, asked.body).toBe(201);
  const id = asked.json().id as number;
  if (answer) {
    const res = await env.app.inject({
      method: 'POST',
      url: `/api/v1/legal/workspace/consultations/${id}/answer`,
      headers: await cityLawyer.headers(),
      payload: { text: '可以先向当地劳动争议调解组织申请调解，也可以申请工会法律援助。' },
    });
    expect(res.statusCode, res.body).toBe(200);
  }
  return id;
}

async function convert(member: Member, consultationId: number, overrides: Record<string, unknown> = {}) {
  const file = await upload(env, member.headers, undefined, '劳动合同.pdf');
  return env.app.inject({
    method: 'POST',
    url: `/api/v1/me/legal/consultations/${consultationId}/legal-aid`,
    headers: member.headers,
    payload: {
      serviceId: service.id,
      data: aidData({ story: question.text }),
      attachments: [{ id: file.id, slot: 'evidence' }],
      ...overrides,
    },
  });
}

describe('consultation → legal aid', () => {
  it('files the request linked to the answered consultation; the thread shows for member, staff and lawyer', async () => {
    const member = await memberWithAccount(env, tree.grassroots, { name: '孙建国' });
    const consultationId = await askAndAnswer(member);
    const draft = await env.app.inject({
      method: 'GET',
      url: `/api/v1/me/legal/consultations/${consultationId}/legal-aid`,
      headers: member.headers,
    });
    expect(draft.statusCode, draft.body).toBe(200);
    expect(draft.json()).toEqual({
      serviceId: service.id,
      data: { disputeType: '劳动报酬', story: question.text },
    });
    const res = await convert(member, consultationId);
    expect(res.statusCode, res.body).toBe(201);
    const again = await env.app.inject({
      method: 'GET',
      url: `/api/v1/me/legal/consultations/${consultationId}/legal-aid`,
      headers: member.headers,
    });
    expect(again.statusCode).toBe(409);
    const { requestId } = res.json();

    const mine = await env.app.inject({
      method: 'GET',
      url: `/api/v1/me/requests/${requestId}/legal-aid`,
      headers: member.headers,
    });
    expect(mine.json()).toMatchObject({
      consultationId,
      stage: 'unassigned',
      consultation: { id: consultationId, text: question.text, messages: [{ authorType: 'lawyer' }] },
    });

    expect((await act(requestId, 'accept', county)).statusCode).toBe(200);
    const choices = await env.app.inject({
      method: 'GET',
      url: `/api/v1/legal-aid/cases/${requestId}/providers`,
      headers: county,
    });
    expect(choices.json()[0]).toMatchObject({ name: '周律师', answeredConsultation: true });
    const assigned = await assign(requestId, cityLawyer.provider.id);
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json().consultation.id).toBe(consultationId);

    const lawyer = await env.app.inject({
      method: 'GET',
      url: `/api/v1/legal/workspace/aid-cases/${requestId}`,
      headers: await cityLawyer.headers(),
    });
    expect(lawyer.statusCode, lawyer.body).toBe(200);
    expect(lawyer.json()).toMatchObject({ consultationId, data: { disputeType: '劳动报酬' } });
  });

  it('refuses a second conversion (409 naming the request), someone else’s (404) and an unanswered one (409)', async () => {
    const member = await memberWithAccount(env, tree.grassroots);
    const consultationId = await askAndAnswer(member);
    const first = await convert(member, consultationId);
    expect(first.statusCode).toBe(201);
    const twice = await convert(member, consultationId);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error).toMatchObject({
      code: 'LEGAL_AID_ALREADY_REQUESTED',
      meta: { requestId: first.json().requestId },
    });

    const stranger = await memberWithAccount(env, tree.grassroots);
    const theirs = await convert(stranger, consultationId);
    expect(theirs.statusCode).toBe(404);

    const open = await askAndAnswer(member, false);
    const early = await convert(member, open);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('CONSULTATION_BAD_TRANSITION');
  });

  it('refuses a service that is not legal aid (400 naming serviceId) and a form left incomplete (400)', async () => {
    const member = await memberWithAccount(env, tree.grassroots);
    const consultationId = await askAndAnswer(member);
    const other = await buildService(env, tree.city);
    const file = await upload(env, member.headers);
    const wrong = await env.app.inject({
      method: 'POST',
      url: `/api/v1/me/legal/consultations/${consultationId}/legal-aid`,
      headers: member.headers,
      payload: {
        serviceId: other.id,
        data: { reason: '生活困难', kind: '因病' },
        attachments: [{ id: file.id, slot: 'proof' }],
      },
    });
    expect(wrong.statusCode, wrong.body).toBe(400);
    expect(wrong.json().error.details[0].path).toBe('body.serviceId');
    const blank = await convert(member, consultationId, { data: aidData({ employer: '' }) });
    expect(blank.statusCode).toBe(400);
    // Neither attempt left a link behind: the consultation can still be converted.
    expect((await convert(member, consultationId)).statusCode).toBe(201);
  });
});
