import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  buildMember,
  buildOrgTree,
  buildStaffUser,
  tokenFor,
  validIdNumber,
} from '../../test/factories.js';
import { createTestEnv, type TestEnv } from '../../test/harness.js';
import { notifications } from '../notifications/index.js';
import type { OrgRow } from '../orgs/index.js';
import { remindDueRechecks } from './hardship.service.js';

let env: TestEnv;
let tree: Awaited<ReturnType<typeof buildOrgTree>>;
type Staff = Awaited<ReturnType<typeof buildStaffUser>>;
let grassrootsStaff: Staff;
let grassrootsViewer: Staff;
let countyStaff: Staff;

/** A fresh token each time: the clock moves by months. */
const county = async () => bearer(await tokenFor(env, countyStaff));

async function openFile(memberOrg: OrgRow, keepingOrgId?: number) {
  const member = await buildMember(env, { org: memberOrg, name: '赵德明' });
  const res = await env.app.inject({
    method: 'POST',
    url: '/api/v1/hardship/files',
    headers: await county(),
    payload: {
      memberId: member.id,
      ...(keepingOrgId ? { keepingOrgId } : {}),
      household: [
        {
          name: '赵德明',
          relationship: 'self',
          idNumber: validIdNumber(),
          health: 'disabled',
          jobStatus: 'employed',
        },
      ],
      incomePerPersonFen: 38_000,
      causes: ['disability'],
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as number;
}

const noticesOf = (staff: Staff) =>
  env.ctx.db
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.recipientType, 'staff'),
        eq(notifications.recipientId, staff.id),
        eq(notifications.kind, 'hardship_file.recheck_due'),
      ),
    )
    .orderBy(notifications.id);

beforeAll(async () => {
  env = await createTestEnv();
  env.clock.set(new Date('2026-03-02T02:00:00Z'));
  tree = await buildOrgTree(env);
  countyStaff = await buildStaffUser(env, { org: tree.county, roles: ['staff'] });
  grassrootsStaff = await buildStaffUser(env, { org: tree.grassroots, roles: ['staff'] });
  grassrootsViewer = await buildStaffUser(env, { org: tree.grassroots, roles: ['viewer'] });
});
afterAll(async () => env?.close());

describe('yearly re-check reminders', () => {
  it('tells the keeping union once a China day of files due within 30 days, then overdue, until re-checked', async () => {
    const kept = await openFile(tree.grassroots);
    await openFile(tree.grassroots);
    const keptAbove = await openFile(tree.grassroots, tree.county.id);
    // Due on 2027-03-02: nothing to say for eleven months.
    expect(await remindDueRechecks(env.ctx)).toBe(0);
    env.clock.set(new Date('2027-01-30T02:00:00Z'));
    expect(await remindDueRechecks(env.ctx)).toBe(0);

    // 2027-02-05 in China: 25 days left. One notice per union, counting its files (two unions,
    // one a batch).
    env.clock.set(new Date('2027-02-05T02:00:00Z'));
    expect(await remindDueRechecks(env.ctx, { batch: 1 })).toBe(3);
    const [first] = await noticesOf(grassrootsStaff);
    expect(first).toMatchObject({
      title: '困难职工档案年度复核提醒',
      link: '/admin/assistance/files?recheck=due',
    });
    expect(first!.body).toContain('2 户将在 30 天内到期');
    expect(first!.body).not.toContain('赵德明');
    expect((await noticesOf(countyStaff))[0]!.body).toContain('1 户将在 30 天内到期');
    expect(await noticesOf(grassrootsViewer)).toHaveLength(0);

    // Later the same China day (23:30 +08:00): nothing again; past midnight in China: again.
    env.clock.set(new Date('2027-02-05T15:30:00Z'));
    expect(await remindDueRechecks(env.ctx)).toBe(0);
    env.clock.set(new Date('2027-02-05T16:30:00Z'));
    expect(await remindDueRechecks(env.ctx)).toBe(3);
    expect(await noticesOf(grassrootsStaff)).toHaveLength(2);

    // Overdue: the notice says so and opens the overdue list; a re-checked file drops out.
    env.clock.set(new Date('2027-03-05T02:00:00Z'));
    const done = await env.app.inject({
      method: 'POST',
      url: `/api/v1/hardship/files/${keptAbove}/recheck`,
      headers: await county(),
      payload: { incomePerPersonFen: 39_000, note: '入户核实，仍需帮扶' },
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(await remindDueRechecks(env.ctx)).toBe(2);
    const overdue = (await noticesOf(grassrootsStaff)).at(-1)!;
    expect(overdue).toMatchObject({
      title: '困难职工档案复核逾期提醒',
      link: '/admin/assistance/files?recheck=overdue',
    });
    expect(overdue.body).toContain('2 户已过复核期限（最早应于 2027-03-02 复核）');
    expect(await noticesOf(countyStaff)).toHaveLength(2);

    // A closed file is not re-checked any more, so nobody is told of it.
    const close = await env.app.inject({
      method: 'POST',
      url: `/api/v1/hardship/files/${kept}/close`,
      headers: await county(),
      payload: { reason: '家中两人稳定就业，已脱困' },
    });
    expect(close.statusCode, close.body).toBe(200);
    env.clock.set(new Date('2027-03-06T02:00:00Z'));
    expect(await remindDueRechecks(env.ctx)).toBe(1);
    expect((await noticesOf(grassrootsStaff)).at(-1)!.body).toContain('1 户已过复核期限');
  });

  it('lists closed files still watched, until the year of watch ends', async () => {
    env.clock.set(new Date('2027-03-07T02:00:00Z'));
    const id = await openFile(tree.grassroots);
    const close = await env.app.inject({
      method: 'POST',
      url: `/api/v1/hardship/files/${id}/close`,
      headers: await county(),
      payload: { reason: '子女毕业就业，收入稳定' },
    });
    expect(close.json()).toMatchObject({ watched: true, watchUntil: '2028-03-07' });
    const watched = async () =>
      (
        await env.app.inject({
          method: 'GET',
          url: '/api/v1/hardship/files?watched=true',
          headers: await county(),
        })
      )
        .json()
        .items.map((f: { id: number }) => f.id);
    expect(await watched()).toContain(id);
    const notWatched = await env.app.inject({
      method: 'GET',
      url: '/api/v1/hardship/files?watched=false&state=closed',
      headers: await county(),
    });
    expect(notWatched.json().items.map((f: { id: number }) => f.id)).not.toContain(id);
    env.clock.set(new Date('2028-03-08T02:00:00Z'));
    expect(await watched()).not.toContain(id);
  });
});
