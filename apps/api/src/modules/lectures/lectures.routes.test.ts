import { describe, expect, it } from 'vitest';
import { expectAccessMatrix } from '../../test/access-matrix.js';
import { memberWithAccount } from '../../test/service-hall.js';
import {
  county,
  DAY,
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
