import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { inTransaction } from '../../db/tx.js';
import { memberWithAccount } from '../../test/service-hall.js';
import { recountQueueCounts, snapshotQueueCounts } from './service-requests.repository.js';
import {
  act,
  county,
  env,
  filed,
  staffAt,
  tree,
  useServiceRequestsEnv,
} from './service-requests.test-setup.js';

useServiceRequestsEnv();

/** The counts kept by the triggers must equal a recount from the requests themselves. */
async function expectCountsMatchRecount() {
  const kept = await snapshotQueueCounts(env.ctx.db);
  await recountQueueCounts(env.ctx.db);
  expect(kept).toEqual(await snapshotQueueCounts(env.ctx.db));
  return kept;
}

const queue = async (headers: Record<string, string>, query: string) => {
  const res = await env.app.inject({ method: 'GET', url: `/api/v1/service-requests?${query}`, headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: { id: number; state: string }[]; total: number };
};

describe('queue counts', () => {
  it('follow every transition, a transfer and a rollback, and equal a recount', async () => {
    const member = await memberWithAccount(env, tree.grassroots);
    const ids = [];
    for (let i = 0; i < 7; i++) ids.push((await filed(member)).id);
    const [a, b, c, d, e, f, g] = ids as [number, number, number, number, number, number, number];
    const ok = async (id: number, action: string, payload: Record<string, unknown> = {}) => {
      const res = await act(id, action, county, payload);
      expect(res.statusCode, res.body).toBe(200);
    };
    await ok(a, 'accept');
    await ok(a, 'start');
    await ok(a, 'complete', { comment: '已当面发放帮扶金' });
    await ok(b, 'accept');
    await ok(b, 'note', { comment: '已电话联系' });
    await ok(c, 'reject', { comment: '不符合帮扶条件' });
    await ok(d, 'return', { comment: '请补充住院证明' });
    await ok(e, 'transfer', { comment: '由市总办理', toOrgId: tree.city.id });
    const withdrawn = await env.app.inject({
      method: 'POST',
      url: `/api/v1/me/service-requests/${f}/withdraw`,
      headers: member.headers,
      payload: {},
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    // A transaction that rolls back leaves the counts as they were.
    await expect(
      inTransaction(env.ctx.db, async (tx) => {
        await tx.execute(sql`update service_requests set state = 'completed' where id = ${g}`);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');

    expect(await expectCountsMatchRecount()).toEqual([
      `${tree.city.id}/submitted: 1`,
      `${tree.county.id}/accepted: 1`,
      `${tree.county.id}/completed: 1`,
      `${tree.county.id}/rejected: 1`,
      `${tree.county.id}/returned: 1`,
      `${tree.county.id}/submitted: 1`,
      `${tree.county.id}/withdrawn: 1`,
    ]);
    expect((await queue(county, 'state=submitted')).total).toBe(1);
    expect((await queue(county, 'open=true')).total).toBe(3);
    expect((await queue(county, '')).total).toBe(6);
    expect((await queue(county, 'state=completed&open=true')).total).toBe(0);
    // A page past the end still has its total.
    expect(await queue(county, 'state=submitted&page=3')).toEqual({ items: [], total: 1 });
    expect(await queue(county, 'open=true&page=3')).toEqual({ items: [], total: 3 });
    expect((await queue(county, 'state=accepted&sort=submittedAt')).total).toBe(1);
    const city = await staffAt(tree.city);
    expect(await queue(city, 'state=submitted')).toMatchObject({ total: 1, items: [{ id: e }] });
  });

  it('answer the total of a queue narrowed further by counting, the same as the rows', async () => {
    const member = await memberWithAccount(env, tree.grassroots);
    const { id } = await filed(member);
    await act(id, 'accept', county);
    const own = await queue(county, 'state=accepted&assignedToMe=true');
    expect(own.total).toBe(own.items.length);
    const named = await queue(county, `state=accepted&q=${id}`);
    expect(named).toMatchObject({ total: 1, items: [{ id, state: 'accepted' }] });
    const all = await queue(county, 'state=accepted&pageSize=100');
    expect(all.total).toBe(all.items.length);
    await expectCountsMatchRecount();
  });

  it('are not added to while a restore loads them as they were', async () => {
    const { id } = await filed();
    const before = await snapshotQueueCounts(env.ctx.db);
    await inTransaction(env.ctx.db, async (tx) => {
      await tx.execute(sql`set local unionhub.restoring = 'on'`);
      await tx.execute(sql`update service_requests set state = 'withdrawn' where id = ${id}`);
    });
    expect(await snapshotQueueCounts(env.ctx.db)).toEqual(before);
    await recountQueueCounts(env.ctx.db);
    expect(await snapshotQueueCounts(env.ctx.db)).not.toEqual(before);
  });
});
