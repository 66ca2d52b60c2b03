import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectAccessMatrix } from '../../test/access-matrix.js';
import { bearer, buildOrg, buildOrgTree, buildStaffUser, tokenFor } from '../../test/factories.js';
import { createTestEnv, type TestEnv } from '../../test/harness.js';
import { buildProvider, onDuty } from '../../test/legal.js';
import { memberWithAccount, upload } from '../../test/service-hall.js';
import type { OrgRow } from '../orgs/index.js';

const HOUR = 3_600_000;
let env: TestEnv;
let tree: Awaited<ReturnType<typeof buildOrgTree>>;
/** A grassroots union of its own (under the other county) so each describe has a clean path. */
let kaifengUnion: OrgRow;
let cityLawyer: Awaited<ReturnType<typeof buildProvider>>;
let countyLawyer: Awaited<ReturnType<typeof buildProvider>>;
let cityStaff: Record<string, string>;

// 03:00 China time on a Thursday: the night shift.
const NIGHT = new Date('2026-12-02T19:00:00Z');

type Member = Awaited<ReturnType<typeof memberWithAccount>>;

const ask = (member: Member, payload: Record<string, unknown>) =>
  env.app.inject({ method: 'POST', url: '/api/v1/me/legal/consultations', headers: member.headers, payload });

const question = {
  field: 'wages',
  text: '我在郑州一家物流公司上班，公司已经连续三个月没发工资了，我该怎么办？',
};

const lawyerDo = async (
  lawyer: Awaited<ReturnType<typeof buildProvider>>,
  id: number,
  action: string,
  payload?: Record<string, unknown>,
) =>
  env.app.inject({
    method: 'POST',
    url: `/api/v1/legal/workspace/consultations/${id}/${action}`,
    headers: await lawyer.headers(),
    ...(payload ? { payload } : {}),
  });

beforeAll(async () => {
  env = await createTestEnv();
  env.clock.set(NIGHT);
  tree = await buildOrgTree(env);
  kaifengUnion = await buildOrg(env, {
    parent: tree.otherCounty,
    name: '开封汴京纺织厂工会',
    regionCode: '410202',
  });
  cityLawyer = await buildProvider(env, tree.city, { name: '周律师' });
  countyLawyer = await buildProvider(env, tree.county, { name: '吴律师', fields: ['work_injury'] });
  // The city's lawyer is on duty for every field through the night; the county's for work injury.
  await onDuty(env, tree.city, cityLawyer.provider.id, new Date(NIGHT.getTime() - 6 * HOUR), 48);
  await onDuty(env, tree.county, countyLawyer.provider.id, new Date(NIGHT.getTime() - 6 * HOUR), 48, [
    'work_injury',
  ]);
});
beforeEach(async () => {
  cityStaff = bearer(await tokenFor(env, await buildStaffUser(env, { org: tree.city })));
});
afterAll(async () => env?.close());

describe('asking and answering', () => {
  it('sends a 3 a.m. question to the lawyer on duty, who picks it up and answers in the thread', async () => {
    const member = await memberWithAccount(env, tree.grassroots, { name: '孙建国' });
    const file = await upload(env, member.headers, undefined, '工资条.png');
    const res = await ask(member, { ...question, attachments: [{ id: file.id }] });
    expect(res.statusCode, res.body).toBe(201);
    const asked = res.json();
    expect(asked).toMatchObject({
      field: 'wages',
      state: 'assigned',
      org: { id: tree.city.id, name: '郑州市总工会' },
      lawyer: { name: '周律师' },
      memberName: '孙**',
      attachments: [{ filename: '工资条.png' }],
      allowedActions: ['follow_up'],
    });
    expect(asked.events.map((e: { action: string }) => e.action)).toEqual(['ask', 'assign']);
    expect(Date.parse(asked.pickupDueAt) - Date.parse(asked.assignedAt)).toBe(15 * 60_000);

    const mine = await env.app.inject({
      method: 'GET',
      url: '/api/v1/legal/workspace/consultations?open=true',
      headers: await cityLawyer.headers(),
    });
    expect(mine.json().items.map((c: { id: number }) => c.id)).toContain(asked.id);

    const picked = await lawyerDo(cityLawyer, asked.id, 'pick');
    expect(picked.statusCode, picked.body).toBe(200);
    expect(picked.json()).toMatchObject({
      state: 'picked',
      pickupDueAt: null,
      allowedActions: ['answer', 'close'],
    });

    const lawyerFile = await upload(env, await cityLawyer.headers(), undefined, '劳动监察投诉指引.png');
    const answered = await lawyerDo(cityLawyer, asked.id, 'answer', {
      text: '可以先向公司书面催告，再到当地劳动保障监察大队投诉或申请劳动仲裁。',
      attachments: [{ id: lawyerFile.id }],
    });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json().state).toBe('answered');

    const seen = await env.app.inject({
      method: 'GET',
      url: `/api/v1/me/legal/consultations/${asked.id}`,
      headers: member.headers,
    });
    expect(seen.json()).toMatchObject({
      state: 'answered',
      messages: [
        { authorType: 'lawyer', authorName: '周律师', attachments: [{ filename: '劳动监察投诉指引.png' }] },
      ],
      allowedActions: ['follow_up', 'rate'],
    });
    const fileId = seen.json().messages[0].attachments[0].id;
    const download = await env.app.inject({
      method: 'GET',
      url: `/api/v1/me/legal/consultations/${asked.id}/files/${fileId}`,
      headers: member.headers,
    });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('image/png');

    const followUp = await env.app.inject({
      method: 'POST',
      url: `/api/v1/me/legal/consultations/${asked.id}/messages`,
      headers: member.headers,
      payload: { text: '仲裁需要准备哪些材料？' },
    });
    expect(followUp.statusCode, followUp.body).toBe(200);
    expect(followUp.json().state).toBe('picked');
    await lawyerDo(cityLawyer, asked.id, 'answer', { text: '劳动合同、工资条、考勤记录和身份证明。' });
    expect((await lawyerDo(cityLawyer, asked.id, 'close')).json().state).toBe('closed');

    const rate = (rating: number) =>
      env.app.inject({
        method: 'POST',
        url: `/api/v1/me/legal/consultations/${asked.id}/rate`,
        headers: member.headers,
        payload: { rating, comment: '解答很清楚' },
      });
    const rated = await rate(5);
    expect(rated.statusCode, rated.body).toBe(200);
    expect(rated.json()).toMatchObject({ rating: 5, ratingComment: '解答很清楚', allowedActions: [] });
    expect((await rate(4)).statusCode).toBe(409);
    expect(rated.json().events.map((e: { action: string }) => e.action)).toEqual([
      'ask',
      'assign',
      'pick',
      'answer',
      'follow_up',
      'answer',
      'close',
      'rate',
    ]);
    const notices = await env.app.inject({
      method: 'GET',
      url: '/api/v1/me/notifications',
      headers: member.headers,
    });
    expect(notices.json().items.map((n: { title: string }) => n.title)).toContain('律师已答复您的咨询');
  });

  it('files one question for a retried ask with the same Idempotency-Key, and refuses the key with another text', async () => {
    const member = await memberWithAccount(env, tree.grassroots);
    const send = (text: string) =>
      env.app.inject({
        method: 'POST',
        url: '/api/v1/me/legal/consultations',
        headers: { ...member.headers, 'idempotency-key': 'ask-2026-12-03-0001' },
        payload: { field: 'contract', text },
      });
    const first = await send('试用期六个月，合同期一年，这样合法吗？');
    const again = await send('试用期六个月，合同期一年，这样合法吗？');
    expect(first.statusCode, first.body).toBe(201);
    expect(again.json().id).toBe(first.json().id);
    const other = await send('另一个问题：加班没有加班费怎么办？');
    expect(other.statusCode).toBe(422);
    expect(other.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const mine = await env.app.inject({
      method: 'GET',
      url: '/api/v1/me/legal/consultations',
      headers: member.headers,
    });
    expect(mine.json().total).toBe(1);
  });

  it('goes to the nearest union with a lawyer on duty for the field', async () => {
    const member = await memberWithAccount(env, tree.grassroots);
    const res = await ask(member, { field: 'work_injury', text: '下班路上骑电动车摔伤了，算不算工伤？' });
    expect(res.json()).toMatchObject({ org: { name: '金水区总工会' }, lawyer: { name: '吴律师' } });
  });

  it('refuses a question without a field or with too little text (400 naming the field)', async () => {
    const member = await memberWithAccount(env, tree.grassroots);
    const noField = await ask(member, { text: question.text });
    expect(noField.statusCode).toBe(400);
    expect(noField.json().error.details[0].path).toBe('body.field');
    for (const text of ['', '   ', '欠薪怎么办']) {
      const res = await ask(member, { field: 'wages', text });
      expect(res.statusCode, text).toBe(400);
      expect(res.json().error.details[0].path).toBe('body.text');
    }
    const long = await ask(member, { field: 'wages', text: '长'.repeat(2001) });
    expect(long.statusCode).toBe(400);
  });

  it('answers 404 to a lawyer it is not assigned to and to another member', async () => {
    const member = await memberWithAccount(env, tree.grassroots);
    const { id } = (await ask(member, question)).json();
    const wrong = await lawyerDo(countyLawyer, id, 'answer', { text: '我来回答' });
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json().error.code).toBe('CONSULTATION_NOT_FOUND');
    const read = await env.app.inject({
      method: 'GET',
      url: `/api/v1/legal/workspace/consultations/${id}`,
      headers: await countyLawyer.headers(),
    });
    expect(read.statusCode).toBe(404);
    const other = await memberWithAccount(env, tree.grassroots);
    const peek = await env.app.inject({
      method: 'GET',
      url: `/api/v1/me/legal/consultations/${id}`,
      headers: other.headers,
    });
    expect(peek.statusCode).toBe(404);
    const closeEarly = await lawyerDo(cityLawyer, id, 'close');
    expect(closeEarly.statusCode).toBe(409);
    expect(closeEarly.json().error.meta.allowed).toEqual(['pick', 'answer']);
    const empty = await lawyerDo(cityLawyer, id, 'answer', { text: '  ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.details[0].path).toBe('body.text');
  });
});

describe('staff', () => {
  it('lists the subtree’s consultations with waiting ones first; nothing outside it', async () => {
    // Kaifeng has a lawyer but nobody on duty: the question waits at the city that works with one.
    const kaifengLawyer = await buildProvider(env, tree.otherCity, { name: '郑律师' });
    const member = await memberWithAccount(env, kaifengUnion);
    const res = await ask(member, question);
    expect(res.json()).toMatchObject({ state: 'waiting', org: { name: '开封市总工会' }, lawyer: null });
    const kaifeng = bearer(
      await tokenFor(env, await buildStaffUser(env, { org: tree.otherCity, roles: ['viewer'] })),
    );
    const list = await env.app.inject({
      method: 'GET',
      url: '/api/v1/legal/consultations',
      headers: kaifeng,
    });
    expect(list.json().items[0]).toMatchObject({ id: res.json().id, state: 'waiting' });
    const zz = await env.app.inject({
      method: 'GET',
      url: `/api/v1/legal/consultations/${res.json().id}`,
      headers: cityStaff,
    });
    expect(zz.statusCode).toBe(404);
    expect(kaifengLawyer.provider.org.name).toBe('开封市总工会');

    // The city's staff give the waiting question to their lawyer; only their own (or above) may take it.
    const admin = bearer(
      await tokenFor(env, await buildStaffUser(env, { org: tree.otherCity, roles: ['org_admin'] })),
    );
    const id = res.json().id as number;
    const detail = await env.app.inject({
      method: 'GET',
      url: `/api/v1/legal/consultations/${id}`,
      headers: admin,
    });
    expect(detail.json().allowedActions).toEqual(['assign']);
    const assign = (providerId: number, headers = admin) =>
      env.app.inject({
        method: 'POST',
        url: `/api/v1/legal/consultations/${id}/assign`,
        headers,
        payload: { providerId },
      });
    expect((await assign(kaifengLawyer.provider.id, kaifeng)).statusCode).toBe(403);
    const foreign = await assign(cityLawyer.provider.id);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.details[0].path).toBe('body.providerId');
    const given = await assign(kaifengLawyer.provider.id);
    expect(given.statusCode, given.body).toBe(200);
    expect(given.json()).toMatchObject({
      state: 'assigned',
      lawyer: { name: '郑律师' },
      allowedActions: ['assign'],
    });
    expect(given.json().events.at(-1)).toMatchObject({ action: 'assign', actorType: 'staff' });
    expect((await lawyerDo(kaifengLawyer, id, 'pick')).statusCode).toBe(200);
    const late = await assign(kaifengLawyer.provider.id);
    expect(late.statusCode).toBe(409);
  });

  it('passes the access matrix (list)', async () => {
    await expectAccessMatrix(env, {
      method: 'GET',
      url: (org) => `/api/v1/legal/consultations?orgId=${org.id}`,
      allowedRole: 'viewer',
      deniedRole: 'lawyer',
      home: tree.city,
      inScope: tree.county,
      outOfScope: tree.otherCity,
    });
  });
});
