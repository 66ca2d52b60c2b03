import type { Lecture } from '@unionhub/contracts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectAccessMatrix } from '../../test/access-matrix.js';
import { bearer, buildOrg, buildOrgTree, buildStaffUser, tokenFor } from '../../test/factories.js';
import { createTestEnv, type TestEnv } from '../../test/harness.js';
import { memberWithAccount } from '../../test/service-hall.js';
import type { OrgRow } from '../orgs/index.js';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
let env: TestEnv;
let tree: Awaited<ReturnType<typeof buildOrgTree>>;
let otherGrassroots: OrgRow;
let county: Record<string, string>;

async function staffAt(org: OrgRow, role: 'org_admin' | 'staff' | 'viewer' = 'staff') {
  return bearer(await tokenFor(env, await buildStaffUser(env, { org, roles: [role] })));
}

function lectureBody(org: OrgRow, overrides: Record<string, unknown> = {}) {
  const now = env.clock.now().getTime();
  return {
    orgId: org.id,
    title: '劳动合同法与工资权益保护',
    topic: '签订劳动合同要注意什么、拖欠工资怎么办',
    fields: ['contracts', 'wages'],
    speakerName: '王建国',
    speakerTitle: '河南中原律师事务所律师',
    mode: 'onsite',
    place: '金水区职工服务中心三楼报告厅',
    address: '郑州市金水区花园路 88 号',
    startsAt: new Date(now + 10 * DAY).toISOString(),
    endsAt: new Date(now + 10 * DAY + 2 * HOUR).toISOString(),
    capacity: 50,
    registrationDeadline: new Date(now + 9 * DAY).toISOString(),
    ...overrides,
  };
}

async function published(org: OrgRow = tree.county, overrides: Record<string, unknown> = {}) {
  const headers = await staffAt(org);
  const res = await env.app.inject({
    method: 'POST',
    url: '/api/v1/lectures',
    headers,
    payload: lectureBody(org, overrides),
  });
  expect(res.statusCode, res.body).toBe(201);
  const pub = await env.app.inject({
    method: 'POST',
    url: `/api/v1/lectures/${res.json().id}/publish`,
    headers,
  });
  expect(pub.statusCode, pub.body).toBe(200);
  return pub.json() as Lecture;
}

const register = (id: number, headers: Record<string, string>) =>
  env.app.inject({ method: 'POST', url: `/api/v1/me/lectures/${id}/registration`, headers });

async function checkinToken(id: number) {
  const res = await env.app.inject({
    method: 'GET',
    url: `/api/v1/lectures/${id}/checkin-token`,
    headers: county,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { token: string; path: string; expiresAt: string };
}

const checkin = (token: string, headers: Record<string, string>) =>
  env.app.inject({ method: 'POST', url: '/api/v1/me/lectures/checkin', headers, payload: { token } });

beforeAll(async () => {
  env = await createTestEnv();
  tree = await buildOrgTree(env);
  otherGrassroots = await buildOrg(env, { parent: tree.otherCounty, name: '开封龙亭纺织厂工会' });
});
beforeEach(async () => {
  county = await staffAt(tree.county);
});
afterAll(async () => env?.close());

describe('drafting and publishing', () => {
  it('drafts a lecture in scope and publishes it to the subtree’s members', async () => {
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/v1/lectures',
      headers: county,
      payload: lectureBody(tree.county),
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      org: { id: tree.county.id, name: '金水区总工会' },
      status: 'draft',
      mode: 'onsite',
      onlineUrl: null,
      registered: 0,
      seatsLeft: 50,
      allowedActions: ['edit', 'publish', 'cancel'],
    });
    const member = await memberWithAccount(env, tree.grassroots);
    const before = await env.app.inject({
      method: 'GET',
      url: '/api/v1/me/lectures',
      headers: member.headers,
    });
    expect(before.json().items.map((l: { id: number }) => l.id)).not.toContain(res.json().id);

    const pub = await env.app.inject({
      method: 'POST',
      url: `/api/v1/lectures/${res.json().id}/publish`,
      headers: await staffAt(tree.county),
    });
    expect(pub.json()).toMatchObject({ status: 'published', allowedActions: ['edit', 'cancel', 'finish'] });
    const after = await env.app.inject({
      method: 'GET',
      url: '/api/v1/me/lectures',
      headers: member.headers,
    });
    expect(after.json().items.find((l: { id: number }) => l.id === res.json().id)).toMatchObject({
      title: '劳动合同法与工资权益保护',
      canRegister: true,
      registration: null,
    });
    const again = await env.app.inject({
      method: 'POST',
      url: `/api/v1/lectures/${res.json().id}/publish`,
      headers: county,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({
      code: 'LECTURE_BAD_TRANSITION',
      meta: { status: 'published', allowed: ['edit', 'cancel', 'finish'] },
    });
  });

  it('names each bad field: time order, deadline, the place or the https link', async () => {
    const start = env.clock.now().getTime() + 5 * DAY;
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/v1/lectures',
      headers: county,
      payload: lectureBody(tree.county, {
        mode: 'online',
        place: undefined,
        startsAt: new Date(start).toISOString(),
        endsAt: new Date(start - HOUR).toISOString(),
        registrationDeadline: new Date(start + HOUR).toISOString(),
      }),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toEqual([
      'body.endsAt',
      'body.registrationDeadline',
      'body.onlineUrl',
    ]);
    const plain = await env.app.inject({
      method: 'POST',
      url: '/api/v1/lectures',
      headers: county,
      payload: lectureBody(tree.county, { mode: 'online', onlineUrl: 'http://live.example.cn/room/1' }),
    });
    expect(plain.statusCode).toBe(400);
    expect(plain.json().error.details[0].path).toBe('body.onlineUrl');
    const onsite = await env.app.inject({
      method: 'POST',
      url: '/api/v1/lectures',
      headers: county,
      payload: lectureBody(tree.county, { place: '  ' }),
    });
    expect(onsite.json().error.details).toEqual([
      { path: 'body.place', message: '现场讲座请填写地点', rule: 'lecture.place_required' },
    ]);
  });

  it('keeps an online lecture’s link for the members who registered', async () => {
    const lecture = await published(tree.county, {
      mode: 'online',
      place: undefined,
      onlineUrl: 'https://live.example.cn/room/88',
    });
    expect(lecture).toMatchObject({ place: null, onlineUrl: 'https://live.example.cn/room/88' });
    const member = await memberWithAccount(env, tree.grassroots);
    const seen = await env.app.inject({
      method: 'GET',
      url: `/api/v1/me/lectures/${lecture.id}`,
      headers: member.headers,
    });
    expect(seen.json().onlineUrl).toBeNull();
    expect((await register(lecture.id, member.headers)).json().onlineUrl).toBe(
      'https://live.example.cn/room/88',
    );
  });

  it('edits a published lecture: moving it online drops the place and keeps the seats', async () => {
    const lecture = await published();
    const member = await memberWithAccount(env, tree.grassroots);
    await register(lecture.id, member.headers);
    const res = await env.app.inject({
      method: 'PATCH',
      url: `/api/v1/lectures/${lecture.id}`,
      headers: county,
      payload: { mode: 'online', onlineUrl: 'https://live.example.cn/room/9', title: '劳动合同法线上讲座' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      title: '劳动合同法线上讲座',
      mode: 'online',
      place: null,
      onlineUrl: 'https://live.example.cn/room/9',
      registered: 1,
    });
    const cancelled = await env.app.inject({
      method: 'POST',
      url: `/api/v1/lectures/${lecture.id}/cancel`,
      headers: county,
      payload: { reason: '改期' },
    });
    expect(cancelled.statusCode).toBe(200);
    const late = await env.app.inject({
      method: 'PATCH',
      url: `/api/v1/lectures/${lecture.id}`,
      headers: county,
      payload: { title: '再改' },
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('LECTURE_BAD_TRANSITION');
  });

  it('offers a lecture to the members below the union only', async () => {
    const lecture = await published(tree.county);
    const outsider = await memberWithAccount(env, otherGrassroots);
    const list = await env.app.inject({
      method: 'GET',
      url: '/api/v1/me/lectures',
      headers: outsider.headers,
    });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((l: { id: number }) => l.id)).not.toContain(lecture.id);
    const detail = await env.app.inject({
      method: 'GET',
      url: `/api/v1/me/lectures/${lecture.id}`,
      headers: outsider.headers,
    });
    expect(detail.statusCode).toBe(404);
    expect(detail.json().error.code).toBe('LECTURE_NOT_FOUND');
  });

  it('refuses fewer seats than registrations', async () => {
    const lecture = await published(tree.county, { capacity: 3 });
    await register(lecture.id, (await memberWithAccount(env, tree.grassroots)).headers);
    await register(lecture.id, (await memberWithAccount(env, tree.grassroots)).headers);
    const res = await env.app.inject({
      method: 'PATCH',
      url: `/api/v1/lectures/${lecture.id}`,
      headers: await staffAt(tree.county),
      payload: { capacity: 1 },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0]).toMatchObject({
      path: 'body.capacity',
      rule: 'lecture.capacity_below_seats',
    });
  });

  it('passes the access matrix', async () => {
    await expectAccessMatrix(env, {
      method: 'POST',
      url: () => '/api/v1/lectures',
      payload: (target) => lectureBody(target),
      allowedRole: 'staff',
      deniedRole: 'viewer',
      home: tree.city,
      inScope: tree.county,
      outOfScope: tree.otherCity,
      successStatus: 201,
    });
    const mine = await published(tree.county);
    const theirs = await published(otherGrassroots);
    await expectAccessMatrix(env, {
      method: 'GET',
      url: (target) => `/api/v1/lectures/${target === tree.county ? mine.id : theirs.id}/registrations`,
      allowedRole: 'viewer',
      deniedRole: 'card_verifier',
      home: tree.city,
      inScope: tree.county,
      outOfScope: otherGrassroots,
    });
    await expectAccessMatrix(env, {
      method: 'GET',
      url: (target) => `/api/v1/lectures/${target === tree.county ? mine.id : theirs.id}/checkin-token`,
      allowedRole: 'staff',
      deniedRole: 'viewer',
      home: tree.city,
      inScope: tree.county,
      outOfScope: otherGrassroots,
    });
  });
});

describe('registering', () => {
  it('takes a seat once; a second tap changes nothing; cancelling gives it back', async () => {
    const lecture = await published();
    const member = await memberWithAccount(env, tree.grassroots);
    const first = await register(lecture.id, member.headers);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({
      seatsLeft: 49,
      canRegister: false,
      registration: { status: 'registered' },
    });
    const second = await register(lecture.id, member.headers);
    expect(second.statusCode).toBe(200);
    expect(second.json().seatsLeft).toBe(49);

    const list = await env.app.inject({
      method: 'GET',
      url: `/api/v1/lectures/${lecture.id}/registrations`,
      headers: county,
    });
    expect(list.json()).toMatchObject({
      total: 1,
      items: [{ memberName: member.name, status: 'registered', walkIn: false }],
    });
    expect(list.json().items[0].phoneMasked).toMatch(/\*{4}/);

    const gone = await env.app.inject({
      method: 'DELETE',
      url: `/api/v1/me/lectures/${lecture.id}/registration`,
      headers: member.headers,
    });
    expect(gone.json()).toMatchObject({
      seatsLeft: 50,
      canRegister: true,
      registration: { status: 'cancelled' },
    });
    const mine = await env.app.inject({
      method: 'GET',
      url: '/api/v1/me/lectures?mine=true',
      headers: member.headers,
    });
    expect(mine.json().items.map((l: { id: number }) => l.id)).toEqual([lecture.id]);
    expect((await register(lecture.id, member.headers)).statusCode).toBe(201);
  });

  it('gives the last seat to one of two members registering at the same moment', async () => {
    const lecture = await published(tree.county, { capacity: 1 });
    const a = await memberWithAccount(env, tree.grassroots);
    const b = await memberWithAccount(env, tree.grassroots);
    const results = await Promise.all([register(lecture.id, a.headers), register(lecture.id, b.headers)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.statusCode === 409)!.json().error.code).toBe('LECTURE_FULL');
    const detail = await env.app.inject({
      method: 'GET',
      url: `/api/v1/lectures/${lecture.id}`,
      headers: county,
    });
    expect(detail.json()).toMatchObject({ registered: 1, seatsLeft: 0 });
  });

  it('hides lectures of other subtrees and drafts (404) and wants a membership', async () => {
    const theirs = await published(otherGrassroots);
    const member = await memberWithAccount(env, tree.grassroots);
    expect((await register(theirs.id, member.headers)).statusCode).toBe(404);
    const draft = await env.app.inject({
      method: 'POST',
      url: '/api/v1/lectures',
      headers: county,
      payload: lectureBody(tree.county),
    });
    expect((await register(draft.json().id, member.headers)).statusCode).toBe(404);
  });

  it('tells the registrants when the lecture is called off', async () => {
    const lecture = await published();
    const member = await memberWithAccount(env, tree.grassroots);
    await register(lecture.id, member.headers);
    const res = await env.app.inject({
      method: 'POST',
      url: `/api/v1/lectures/${lecture.id}/cancel`,
      headers: county,
      payload: { reason: '主讲律师临时出庭' },
    });
    expect(res.json()).toMatchObject({
      status: 'cancelled',
      cancelReason: '主讲律师临时出庭',
      allowedActions: [],
    });
    const inbox = await env.app.inject({
      method: 'GET',
      url: '/api/v1/me/notifications',
      headers: member.headers,
    });
    expect(inbox.json().items[0]).toMatchObject({
      kind: 'lecture.cancelled',
      title: '讲座取消通知',
      link: `/m/lectures/${lecture.id}`,
    });
    expect(inbox.json().items[0].body).toContain('主讲律师临时出庭');
    expect(
      (await register(lecture.id, (await memberWithAccount(env, tree.grassroots)).headers)).statusCode,
    ).toBe(404);
    const noReason = await env.app.inject({
      method: 'POST',
      url: `/api/v1/lectures/${(await published()).id}/cancel`,
      headers: county,
      payload: {},
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details[0].path).toBe('body.reason');
  });
});

describe('check-in', () => {
  it('marks a registered member present from the QR token, once', async () => {
    const start = env.clock.now().getTime() + 30 * 60_000;
    const lecture = await published(tree.county, {
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(start + 2 * HOUR).toISOString(),
      registrationDeadline: new Date(start).toISOString(),
    });
    const member = await memberWithAccount(env, tree.grassroots);
    await register(lecture.id, member.headers);
    const { token, path } = await checkinToken(lecture.id);
    expect(path).toBe(`/m/lectures/checkin?t=${encodeURIComponent(token)}`);
    const res = await checkin(token, member.headers);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ walkIn: false, alreadyCheckedIn: false, lecture: { id: lecture.id } });
    expect(res.json().lecture.registration.attendedAt).not.toBeNull();
    expect((await checkin(token, member.headers)).json().alreadyCheckedIn).toBe(true);
    const list = await env.app.inject({
      method: 'GET',
      url: `/api/v1/lectures/${lecture.id}/registrations?attended=true`,
      headers: county,
    });
    expect(list.json().items).toMatchObject([{ memberName: member.name, checkinMethod: 'qr' }]);
    const detail = await env.app.inject({
      method: 'GET',
      url: `/api/v1/lectures/${lecture.id}`,
      headers: county,
    });
    expect(detail.json()).toMatchObject({ registered: 1, attended: 1 });
  });

  it('lets a member who did not register walk in while seats remain', async () => {
    const start = env.clock.now().getTime() + 30 * 60_000;
    const lecture = await published(tree.county, {
      capacity: 1,
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(start + 2 * HOUR).toISOString(),
      registrationDeadline: new Date(start).toISOString(),
    });
    const walker = await memberWithAccount(env, tree.grassroots);
    const late = await memberWithAccount(env, tree.grassroots);
    const { token } = await checkinToken(lecture.id);
    const res = await checkin(token, walker.headers);
    expect(res.json()).toMatchObject({ walkIn: true, lecture: { seatsLeft: 0 } });
    const full = await checkin(token, late.headers);
    expect(full.statusCode).toBe(409);
    expect(full.json().error.code).toBe('LECTURE_FULL');
  });

  it('refuses a forged, expired or early token', async () => {
    const lecture = await published();
    const member = await memberWithAccount(env, tree.grassroots);
    const bad = await checkin('UHL1.not-a-token', member.headers);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({
      code: 'LECTURE_CHECKIN_INVALID',
      details: [{ path: 'body.token', rule: 'lecture_token.malformed' }],
    });
    // Ten days ahead: check-in opens an hour before the start.
    const early = await checkin((await checkinToken(lecture.id)).token, member.headers);
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toMatchObject({
      code: 'LECTURE_REGISTRATION_CLOSED',
      meta: { reason: 'checkin_early' },
    });
    const { token } = await checkinToken(lecture.id);
    env.clock.advance(2 * 60_000);
    const expired = await checkin(token, (await memberWithAccount(env, tree.grassroots)).headers);
    expect(expired.json().error.details[0].rule).toBe('lecture_token.expired');
  });

  it('lets staff mark a registrant present by hand', async () => {
    const lecture = await published();
    const member = await memberWithAccount(env, tree.grassroots);
    await register(lecture.id, member.headers);
    const list = await env.app.inject({
      method: 'GET',
      url: `/api/v1/lectures/${lecture.id}/registrations`,
      headers: county,
    });
    const regId = list.json().items[0].id;
    const res = await env.app.inject({
      method: 'POST',
      url: `/api/v1/lectures/${lecture.id}/registrations/${regId}/attend`,
      headers: await staffAt(tree.county),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ checkinMethod: 'manual', memberName: member.name });
    const wrong = await env.app.inject({
      method: 'POST',
      url: `/api/v1/lectures/${lecture.id}/registrations/999999/attend`,
      headers: county,
    });
    expect(wrong.statusCode).toBe(404);
    const viewer = await env.app.inject({
      method: 'POST',
      url: `/api/v1/lectures/${lecture.id}/registrations/${regId}/attend`,
      headers: await staffAt(tree.county, 'viewer'),
    });
    expect(viewer.statusCode).toBe(403);
  });
});

describe('deadlines', () => {
  it('closes registration after the deadline (409) and lets staff finish it once begun', async () => {
    const start = env.clock.now().getTime() + 3 * HOUR;
    const lecture = await published(tree.county, {
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(start + 2 * HOUR).toISOString(),
      registrationDeadline: new Date(start - 2 * HOUR).toISOString(),
    });
    const early = await env.app.inject({
      method: 'POST',
      url: `/api/v1/lectures/${lecture.id}/finish`,
      headers: county,
    });
    expect(early.statusCode).toBe(409);
    env.clock.advance(90 * 60_000);
    const member = await memberWithAccount(env, tree.grassroots);
    const res = await register(lecture.id, member.headers);
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'LECTURE_REGISTRATION_CLOSED',
      meta: { reason: 'deadline_passed' },
    });
    env.clock.advance(2 * HOUR);
    const done = await env.app.inject({
      method: 'POST',
      url: `/api/v1/lectures/${lecture.id}/finish`,
      headers: await staffAt(tree.county),
    });
    expect(done.json().status).toBe('finished');
  });
});
