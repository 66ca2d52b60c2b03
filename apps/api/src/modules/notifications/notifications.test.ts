import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../../db/tx.js';
import {
  bearer,
  buildOrgTree,
  buildStaffUser,
  memberToken,
  tokenFor,
  uniquePhone,
} from '../../test/factories.js';
import { createTestEnv, type TestEnv } from '../../test/harness.js';
import { findMemberAccountByPhoneHash } from '../auth/index.js';
import {
  deliverDueNotifications,
  drainDueNotifications,
  type NoticeInput,
  notify,
  notifyOrgStaff,
} from './notifications.service.js';

let env: TestEnv;
let tree: Awaited<ReturnType<typeof buildOrgTree>>;

const notice = (n = 1): NoticeInput => ({
  topic: 'service_request',
  kind: 'request.accepted',
  title: '您的申请已受理',
  body: `您的第 ${n} 件申请已由工会受理。`,
  link: `/m/requests/${n}`,
});

async function memberAccount(phone = uniquePhone()) {
  const token = await memberToken(env, phone);
  const account = await findMemberAccountByPhoneHash(env.ctx.db, env.ctx.pii.lookupHash('phone', phone));
  return { phone, id: account!.id, headers: bearer(token) };
}

const send = (recipients: Parameters<typeof notify>[1], input = notice()) =>
  inTransaction(env.ctx.db, (tx) => notify(tx, recipients, input, env.clock.now()));

const deliveries = () =>
  env.database.query<{
    id: number;
    channel: string;
    status: string;
    attempts: number;
    last_error: string | null;
  }>('select id, channel, status, attempts, last_error from notification_deliveries order by id');

beforeAll(async () => {
  env = await createTestEnv();
  tree = await buildOrgTree(env);
});
afterAll(async () => env?.close());

describe('the inbox', () => {
  it('lists a member’s notices newest first with the unread count, and marks them read', async () => {
    const member = await memberAccount();
    await send([{ type: 'member', id: member.id }], notice(1));
    await send([{ type: 'member', id: member.id }], notice(2));

    const list = await env.app.inject({
      method: 'GET',
      url: '/api/v1/me/notifications',
      headers: member.headers,
    });
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ total: 2, unread: 2 });
    expect(list.json().items.map((n: { body: string }) => n.body)).toEqual([
      '您的第 2 件申请已由工会受理。',
      '您的第 1 件申请已由工会受理。',
    ]);
    expect(list.json().items[0]).toMatchObject({
      topic: 'service_request',
      link: '/m/requests/2',
      readAt: null,
    });

    const first = list.json().items[1].id;
    const read = await env.app.inject({
      method: 'POST',
      url: `/api/v1/me/notifications/${first}/read`,
      headers: member.headers,
    });
    expect(read.statusCode).toBe(200);
    expect(read.json().readAt).not.toBeNull();
    const unread = await env.app.inject({
      method: 'GET',
      url: '/api/v1/me/notifications?unread=true',
      headers: member.headers,
    });
    expect(unread.json()).toMatchObject({ total: 1, unread: 1 });

    const all = await env.app.inject({
      method: 'POST',
      url: '/api/v1/me/notifications/read-all',
      headers: member.headers,
    });
    expect(all.json()).toEqual({ updated: 1 });
  });

  it('does not show or touch someone else’s notice', async () => {
    const owner = await memberAccount();
    const other = await memberAccount();
    await send([{ type: 'member', id: owner.id }]);
    const [row] = await env.database.query<{ id: number }>(
      `select id from notifications where recipient_type = 'member' and recipient_id = ${owner.id}`,
    );
    const res = await env.app.inject({
      method: 'POST',
      url: `/api/v1/me/notifications/${row!.id}/read`,
      headers: other.headers,
    });
    expect(res.statusCode).toBe(404);
    const list = await env.app.inject({
      method: 'GET',
      url: '/api/v1/me/notifications',
      headers: other.headers,
    });
    expect(list.json().total).toBe(0);
  });

  it('reaches the staff of a union who hold the permission, not the others', async () => {
    const admin = await buildStaffUser(env, { org: tree.grassroots, roles: ['org_admin'] });
    const viewer = await buildStaffUser(env, { org: tree.grassroots, roles: ['viewer'] });
    await inTransaction(env.ctx.db, (tx) =>
      notifyOrgStaff(tx, tree.grassroots.id, 'member.write', notice(7), env.clock.now()),
    );
    const adminInbox = await env.app.inject({
      method: 'GET',
      url: '/api/v1/me/notifications',
      headers: bearer(await tokenFor(env, admin)),
    });
    expect(adminInbox.json().items[0].body).toBe('您的第 7 件申请已由工会受理。');
    const viewerInbox = await env.app.inject({
      method: 'GET',
      url: '/api/v1/me/notifications',
      headers: bearer(await tokenFor(env, viewer)),
    });
    expect(viewerInbox.json().total).toBe(0);
  });

  it('answers 401 without a session', async () => {
    for (const [method, url] of [
      ['GET', '/api/v1/me/notifications'],
      ['POST', '/api/v1/me/notifications/read-all'],
      ['GET', '/api/v1/me/notification-preferences'],
    ] as const)
      expect((await env.app.inject({ method, url })).statusCode).toBe(401);
  });

  it('tells nobody when the change it reports rolls back', async () => {
    const member = await memberAccount();
    await expect(
      inTransaction(env.ctx.db, async (tx) => {
        await notify(tx, [{ type: 'member', id: member.id }], notice(), env.clock.now());
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const list = await env.app.inject({
      method: 'GET',
      url: '/api/v1/me/notifications',
      headers: member.headers,
    });
    expect(list.json().total).toBe(0);
  });
});

describe('preferences', () => {
  it('start from the defaults and keep the member’s choice', async () => {
    const member = await memberAccount();
    const url = '/api/v1/me/notification-preferences';
    const initial = await env.app.inject({ method: 'GET', url, headers: member.headers });
    expect(initial.json().available).toEqual(['sms']);
    expect(initial.json().items).toContainEqual({ topic: 'service_request', channel: 'sms', enabled: true });

    const put = await env.app.inject({
      method: 'PUT',
      url,
      headers: member.headers,
      payload: { items: [{ topic: 'service_request', channel: 'sms', enabled: false }] },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json().items).toContainEqual({ topic: 'service_request', channel: 'sms', enabled: false });
    expect(put.json().items).toContainEqual({ topic: 'membership', channel: 'sms', enabled: true });

    const before = (await deliveries()).length;
    await send([{ type: 'member', id: member.id }]);
    expect((await deliveries()).length).toBe(before);
  });

  it('let staff give the work e-mail notices go to; a member cannot', async () => {
    const staff = bearer(await tokenFor(env, await buildStaffUser(env, { org: tree.county })));
    const url = '/api/v1/me/notification-preferences';
    const res = await env.app.inject({
      method: 'PUT',
      url,
      headers: staff,
      payload: { items: [], email: 'gonghui@example.cn' },
    });
    expect(res.json()).toMatchObject({ email: 'gonghui@example.cn', available: ['email'] });

    const bad = await env.app.inject({
      method: 'PUT',
      url,
      headers: staff,
      payload: { items: [], email: 'no' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('body.email');

    const member = await memberAccount();
    const refused = await env.app.inject({
      method: 'PUT',
      url,
      headers: member.headers,
      payload: { items: [], email: 'a@example.cn' },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details[0].path).toBe('body.email');

    const unknownTopic = await env.app.inject({
      method: 'PUT',
      url,
      headers: member.headers,
      payload: { items: [{ topic: 'ads', channel: 'sms', enabled: true }] },
    });
    expect(unknownTopic.statusCode).toBe(400);
  });
});

describe('the delivery worker', () => {
  it('sends text messages to the member’s phone once', async () => {
    const member = await memberAccount();
    await send([{ type: 'member', id: member.id }], notice(42));
    const sentBefore = env.sms.sent.length;
    expect(await deliverDueNotifications(env.ctx)).toBeGreaterThanOrEqual(1);
    const sms = env.sms.sent.slice(sentBefore).filter((m) => m.phone === member.phone);
    expect(sms).toEqual([
      {
        phone: member.phone,
        template: 'notice',
        text: '【工会服务】您的第 42 件申请已由工会受理。',
        params: { title: '您的申请已受理' },
      },
    ]);
    await deliverDueNotifications(env.ctx);
    expect(env.sms.sent.filter((m) => m.phone === member.phone && m.template === 'notice')).toHaveLength(1);
  });

  it('retries a failing relay with a growing delay, then gives up', async () => {
    const user = await buildStaffUser(env, { org: tree.city });
    const headers = bearer(await tokenFor(env, user));
    await env.app.inject({
      method: 'PUT',
      url: '/api/v1/me/notification-preferences',
      headers,
      payload: { items: [], email: 'city@example.cn' },
    });
    await deliverDueNotifications(env.ctx);
    await send([{ type: 'staff', id: user.id }], { ...notice(), title: '新的待办申请' });
    const mine = async () => (await deliveries()).at(-1)!;

    env.email.failing = true;
    await deliverDueNotifications(env.ctx);
    expect(await mine()).toMatchObject({
      channel: 'email',
      status: 'pending',
      attempts: 1,
      last_error: 'relay unreachable',
    });
    // Not due again until the backoff has passed.
    await deliverDueNotifications(env.ctx);
    expect((await mine()).attempts).toBe(1);
    env.clock.advance(31_000);
    await deliverDueNotifications(env.ctx);
    expect((await mine()).attempts).toBe(2);

    env.email.failing = false;
    env.clock.advance(61_000);
    await deliverDueNotifications(env.ctx);
    expect(await mine()).toMatchObject({ status: 'sent', attempts: 3 });
    expect(env.email.sent.at(-1)).toEqual({
      to: 'city@example.cn',
      subject: '新的待办申请',
      text: '您的第 1 件申请已由工会受理。',
    });

    env.email.failing = true;
    await send([{ type: 'staff', id: user.id }]);
    for (let i = 0; i < 8; i++) {
      await deliverDueNotifications(env.ctx);
      env.clock.advance(7 * 3600_000);
    }
    expect(await mine()).toMatchObject({ status: 'failed', attempts: 8 });
    env.email.failing = false;
  });

  it('skips a channel the recipient cannot be reached on', async () => {
    const user = await buildStaffUser(env, { org: tree.city });
    const headers = bearer(await tokenFor(env, user));
    await env.app.inject({
      method: 'PUT',
      url: '/api/v1/me/notification-preferences',
      headers,
      payload: { items: [{ topic: 'service_request', channel: 'email', enabled: true }] },
    });
    await send([{ type: 'staff', id: user.id }]);
    await deliverDueNotifications(env.ctx);
    expect((await deliveries()).at(-1)).toMatchObject({
      status: 'skipped',
      last_error: 'no address for this channel',
    });
  });

  it('delivers each message once when several workers run at the same time', async () => {
    await deliverDueNotifications(env.ctx, { batch: 1000 });
    const members = await Promise.all(Array.from({ length: 12 }, () => memberAccount()));
    for (const m of members) await send([{ type: 'member', id: m.id }]);
    const before = env.sms.sent.length;
    await Promise.all([
      deliverDueNotifications(env.ctx, { batch: 5 }),
      deliverDueNotifications(env.ctx, { batch: 5 }),
      deliverDueNotifications(env.ctx, { batch: 5 }),
    ]);
    while ((await deliverDueNotifications(env.ctx, { batch: 5 })) > 0);
    const phones = env.sms.sent.slice(before).map((m) => m.phone);
    expect(phones.sort()).toEqual(members.map((m) => m.phone).sort());
  });

  it('drains a queue larger than a batch in one tick, with several sends in flight', async () => {
    await deliverDueNotifications(env.ctx, { batch: 1000 });
    const members = await Promise.all(Array.from({ length: 9 }, () => memberAccount()));
    for (const m of members) await send([{ type: 'member', id: m.id }]);
    const memory = env.ctx.sms;
    let inFlight = 0;
    let most = 0;
    const phones: string[] = [];
    env.ctx.sms = {
      async send(message) {
        inFlight++;
        most = Math.max(most, inFlight);
        await new Promise((r) => setTimeout(r, 20));
        phones.push(message.phone);
        inFlight--;
      },
    };
    try {
      expect(await drainDueNotifications(env.ctx, { batch: 4, concurrency: 3 })).toBe(9);
    } finally {
      env.ctx.sms = memory;
    }
    expect(most).toBe(3);
    expect(phones.sort()).toEqual(members.map((m) => m.phone).sort());
    expect(await drainDueNotifications(env.ctx)).toBe(0);
  });
});
