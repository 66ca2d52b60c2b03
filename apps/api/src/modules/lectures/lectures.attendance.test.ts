import { describe, expect, it } from 'vitest';
import { memberWithAccount } from '../../test/service-hall.js';
import {
  checkin,
  checkinToken,
  county,
  env,
  HOUR,
  lectureBody,
  otherGrassroots,
  published,
  register,
  staffAt,
  tree,
  useLecturesEnv,
} from './lectures.test-setup.js';

useLecturesEnv();

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
