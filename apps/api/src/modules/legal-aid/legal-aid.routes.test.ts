import { describe, expect, it } from 'vitest';
import { expectAccessMatrix } from '../../test/access-matrix.js';
import { buildOrg } from '../../test/factories.js';
import { memberWithAccount, upload } from '../../test/service-hall.js';
import {
  act,
  assign,
  assignedCase,
  cityLawyer,
  county,
  countyLawyer,
  env,
  fileAid,
  otherLawyer,
  staffAt,
  tree,
  useLegalAidEnv,
} from './legal-aid.test-setup.js';

useLegalAidEnv();

const lawyerCall = async (
  lawyer: typeof countyLawyer,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  payload?: Record<string, unknown>,
) =>
  env.app.inject({
    method,
    url: `/api/v1/legal/workspace/aid-cases${url}`,
    headers: await lawyer.headers(),
    ...(payload ? { payload } : {}),
  });

const mediation = {
  kind: 'mediation',
  date: '2026-12-02',
  note: '在区劳动争议调解中心组织双方调解',
  result: '公司同意分两期支付',
};
const settled = {
  outcome: 'settled',
  amountClaimedFen: 1_860_000,
  amountRecoveredFen: 1_500_000,
  note: '调解和解',
};

describe('assigning the lawyer', () => {
  it('lets the handling county give an accepted request to a lawyer it may use, and reassign it', async () => {
    const member = await memberWithAccount(env, tree.grassroots, { name: '孙建国' });
    const id = await fileAid(member);
    const early = await assign(id, countyLawyer.provider.id);
    expect(early.statusCode, 'not accepted yet').toBe(409);
    expect((await act(id, 'accept', county)).statusCode).toBe(200);

    const choices = await env.app.inject({
      method: 'GET',
      url: `/api/v1/legal-aid/cases/${id}/providers`,
      headers: county,
    });
    expect(choices.statusCode, choices.body).toBe(200);
    const names = choices.json().map((p: { name: string }) => p.name);
    expect(names).toEqual(expect.arrayContaining(['吴律师', '周律师']));
    expect(names).not.toContain('郑律师');

    const res = await assign(id, countyLawyer.provider.id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      stage: 'assigned',
      provider: { name: '吴律师' },
      allowedActions: ['assign'],
    });
    const again = await assign(id, cityLawyer.provider.id);
    expect(again.json()).toMatchObject({ stage: 'assigned', provider: { name: '周律师' } });
  });

  it('answers 404 for a provider the union may not use and 403 for a union that only looks on', async () => {
    const id = await assignedCase(await memberWithAccount(env, tree.grassroots));
    const other = await assign(id, otherLawyer.provider.id);
    expect(other.statusCode).toBe(404);
    expect(other.json().error.code).toBe('LEGAL_PROVIDER_NOT_FOUND');
    expect((await assign(id, 999_999)).statusCode).toBe(404);
    const city = await assign(id, countyLawyer.provider.id, await staffAt(tree.city));
    expect(city.statusCode).toBe(403);
    expect(city.json().error.code).toBe('REQUEST_NOT_HANDLING_UNION');
    const bad = await assign(id, 0);
    expect(bad.statusCode).toBe(400);
  });

  it('passes the access matrix: read in the subtree, 404 outside it', async () => {
    const id = await assignedCase(await memberWithAccount(env, tree.grassroots));
    const factory = await buildOrg(env, {
      parent: tree.otherCounty,
      name: '开封汴京纺织厂工会',
      regionCode: '410202',
    });
    const kaifeng = await fileAid(await memberWithAccount(env, factory));
    await expectAccessMatrix(env, {
      method: 'GET',
      url: (target) => `/api/v1/legal-aid/cases/${target.id === tree.county.id ? id : kaifeng}`,
      allowedRole: 'viewer',
      home: tree.county,
      inScope: tree.county,
      outOfScope: tree.otherCounty,
    });
  });
});

describe('the lawyer works the case', () => {
  it('lists the case, records a mediation step with a file and the outcome; the member sees them', async () => {
    const member = await memberWithAccount(env, tree.grassroots, { name: '李红梅' });
    const id = await assignedCase(member);
    const list = await lawyerCall(countyLawyer, 'GET', '?open=true');
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items).toContainEqual(
      expect.objectContaining({ requestId: id, memberName: '李**', stage: 'assigned' }),
    );

    const lawyerHeaders = await countyLawyer.headers();
    const file = await upload(env, lawyerHeaders, undefined, '调解协议.pdf');
    const step = await lawyerCall(countyLawyer, 'POST', `/${id}/steps`, {
      ...mediation,
      attachments: [{ id: file.id }],
    });
    expect(step.statusCode, step.body).toBe(201);
    expect(step.json()).toMatchObject({
      stage: 'mediation',
      allowedActions: ['step', 'outcome'],
      steps: [{ kind: 'mediation', providerName: '吴律师', attachments: [{ filename: '调解协议.pdf' }] }],
    });

    const out = await lawyerCall(countyLawyer, 'PUT', `/${id}/outcome`, settled);
    expect(out.statusCode, out.body).toBe(200);
    expect(out.json()).toMatchObject({
      stage: 'closed',
      outcome: 'settled',
      amountRecoveredFen: 1_500_000,
      allowedActions: [],
    });
    const twice = await lawyerCall(countyLawyer, 'PUT', `/${id}/outcome`, settled);
    expect(twice.statusCode).toBe(409);
    expect((await lawyerCall(countyLawyer, 'POST', `/${id}/steps`, mediation)).statusCode).toBe(409);

    const mine = await env.app.inject({
      method: 'GET',
      url: `/api/v1/me/requests/${id}/legal-aid`,
      headers: member.headers,
    });
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json()).toMatchObject({
      outcome: 'settled',
      provider: { name: '吴律师' },
      steps: [{ kind: 'mediation' }],
    });
  });

  it('hides another lawyer’s case (404) and refuses bad steps (400 naming the field)', async () => {
    const id = await assignedCase(await memberWithAccount(env, tree.grassroots));
    expect((await lawyerCall(cityLawyer, 'GET', `/${id}`)).statusCode).toBe(404);
    expect((await lawyerCall(cityLawyer, 'POST', `/${id}/steps`, mediation)).statusCode).toBe(404);
    expect((await lawyerCall(cityLawyer, 'PUT', `/${id}/outcome`, settled)).statusCode).toBe(404);
    const future = await lawyerCall(countyLawyer, 'POST', `/${id}/steps`, {
      ...mediation,
      date: '2030-01-01',
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.details[0].path).toBe('body.date');
    const kind = await lawyerCall(countyLawyer, 'POST', `/${id}/steps`, { ...mediation, kind: 'prayer' });
    expect(kind.statusCode).toBe(400);
    const over = await lawyerCall(countyLawyer, 'PUT', `/${id}/outcome`, {
      ...settled,
      amountRecoveredFen: 9_999_999,
    });
    expect(over.statusCode).toBe(400);
    expect(over.json().error.details[0].path).toBe('body.amountRecoveredFen');
    const staff = await env.app.inject({
      method: 'GET',
      url: `/api/v1/legal/workspace/aid-cases/${id}`,
      headers: county,
    });
    expect(staff.statusCode, 'staff hold no legal.answer').toBe(403);
  });

  it('a member cannot read someone else’s case (404)', async () => {
    const id = await assignedCase(await memberWithAccount(env, tree.grassroots));
    const other = await memberWithAccount(env, tree.grassroots);
    const res = await env.app.inject({
      method: 'GET',
      url: `/api/v1/me/requests/${id}/legal-aid`,
      headers: other.headers,
    });
    expect(res.statusCode).toBe(404);
  });
});

describe('completing the request', () => {
  it('refuses to complete without an outcome (409 naming it), then completes once it is recorded', async () => {
    const member = await memberWithAccount(env, tree.grassroots);
    const id = await assignedCase(member);
    const early = await act(id, 'complete', county, { comment: '已办结' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toMatchObject({
      code: 'LEGAL_AID_OUTCOME_MISSING',
      details: [{ path: 'legalAid.outcome' }],
    });
    expect((await lawyerCall(countyLawyer, 'PUT', `/${id}/outcome`, settled)).statusCode).toBe(200);
    const done = await act(id, 'complete', county, { comment: '调解和解，已追回工资 15000 元' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().state).toBe('completed');
    expect((await lawyerCall(countyLawyer, 'POST', `/${id}/steps`, mediation)).statusCode).toBe(409);
  });
});
