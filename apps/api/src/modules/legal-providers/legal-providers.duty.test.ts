import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectAccessMatrix } from '../../test/access-matrix.js';
import { bearer, buildOrgTree, buildStaffUser, tokenFor } from '../../test/factories.js';
import { createTestEnv, type TestEnv } from '../../test/harness.js';
import { buildProvider } from '../../test/legal.js';
import type { OrgRow } from '../orgs/index.js';
import { findOnDuty } from './legal-providers.duty.js';

const HOUR = 3_600_000;
let env: TestEnv;
let tree: Awaited<ReturnType<typeof buildOrgTree>>;
let city: Record<string, string>;

// The week of Monday 2026-11-23 (China time) starts at 2026-11-22T16:00Z.
const MONDAY = Date.parse('2026-11-22T16:00:00Z');
const at = (hoursIntoWeek: number, week = 0) => new Date(MONDAY + (week * 168 + hoursIntoWeek) * HOUR);

async function staffAt(org: OrgRow, role: 'org_admin' | 'staff' | 'viewer' = 'staff') {
  return bearer(await tokenFor(env, await buildStaffUser(env, { org, roles: [role] })));
}

const slot = (
  org: OrgRow,
  providerId: number,
  from: number,
  hours: number,
  extra: Record<string, unknown> = {},
) => ({
  orgId: org.id,
  providerId,
  startsAt: at(from).toISOString(),
  endsAt: at(from + hours).toISOString(),
  ...extra,
});

const post = (url: string, headers: Record<string, string>, payload: unknown) =>
  env.app.inject({
    method: 'POST',
    url: `/api/v1${url}`,
    headers,
    payload: payload as Record<string, unknown>,
  });
const week = (org: OrgRow, headers: Record<string, string>, day = '2026-11-25') =>
  env.app.inject({ method: 'GET', url: `/api/v1/legal/duty?orgId=${org.id}&week=${day}`, headers });

beforeAll(async () => {
  env = await createTestEnv();
  tree = await buildOrgTree(env);
});
beforeEach(async () => {
  city = await staffAt(tree.city);
});
afterAll(async () => env?.close());

describe('duty roster', () => {
  it('lists a week with the gaps of its 168 hours, until slots cover them all', async () => {
    const a = await buildProvider(env, tree.city, { name: '张律师' });
    const b = await buildProvider(env, tree.city, { name: '刘律师' });
    const empty = await week(tree.city, city);
    expect(empty.statusCode, empty.body).toBe(200);
    expect(empty.json()).toMatchObject({
      weekStart: '2026-11-23',
      startsAt: '2026-11-22T16:00:00.000Z',
      endsAt: '2026-11-29T16:00:00.000Z',
      slots: [],
      gaps: [{ startsAt: '2026-11-22T16:00:00.000Z', endsAt: '2026-11-29T16:00:00.000Z' }],
    });
    for (let day = 0; day < 7; day++) {
      expect(
        (await post('/legal/duty-slots', city, slot(tree.city, a.provider.id, day * 24, 12))).statusCode,
      ).toBe(201);
      if (day < 6)
        expect(
          (await post('/legal/duty-slots', city, slot(tree.city, b.provider.id, day * 24 + 12, 12)))
            .statusCode,
        ).toBe(201);
    }
    const partial = (await week(tree.city, city)).json();
    expect(partial.slots).toHaveLength(13);
    expect(partial.slots[0]).toMatchObject({ provider: { name: '张律师', kind: 'lawyer' }, fields: [] });
    expect(partial.gaps).toEqual([{ startsAt: at(156).toISOString(), endsAt: at(168).toISOString() }]);
    const last = await post(
      '/legal/duty-slots',
      city,
      slot(tree.city, b.provider.id, 156, 12, { fields: ['wages'] }),
    );
    expect(last.statusCode, last.body).toBe(201);
    expect(last.json().fields).toEqual(['wages']);
    expect((await week(tree.city, city)).json().gaps).toEqual([]);
  });

  it('refuses a slot overlapping the same provider’s slot in any union with 409 naming it', async () => {
    const lawyer = await buildProvider(env, tree.city, { name: '陈律师' });
    expect(
      (await post('/legal/duty-slots', city, slot(tree.city, lawyer.provider.id, 200, 8))).statusCode,
    ).toBe(201);
    // The county schedules the city's lawyer too: overlapping there is refused as well.
    const county = await staffAt(tree.county);
    const res = await post('/legal/duty-slots', county, slot(tree.county, lawyer.provider.id, 206, 4));
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'DUTY_SLOT_OVERLAP',
      details: [{ path: 'body.startsAt' }],
      meta: {
        slot: { orgName: '郑州市总工会', startsAt: at(200).toISOString(), endsAt: at(208).toISOString() },
      },
    });
    expect(res.json().error.message).toContain('郑州市总工会 12月1日 08:00–12月1日 16:00');
    // The county lists the city's lawyers among those it may schedule, but not as its own.
    const mine = await env.app.inject({ method: 'GET', url: '/api/v1/legal/providers', headers: county });
    expect(mine.json().items.map((p: { id: number }) => p.id)).not.toContain(lawyer.provider.id);
    const schedulable = await env.app.inject({
      method: 'GET',
      url: '/api/v1/legal/providers?includeAbove=true&status=active&pageSize=200',
      headers: county,
    });
    expect(schedulable.json().items.map((p: { id: number }) => p.id)).toContain(lawyer.provider.id);
    // Touching is not overlapping.
    expect(
      (await post('/legal/duty-slots', county, slot(tree.county, lawyer.provider.id, 208, 4))).statusCode,
    ).toBe(201);
  });

  it('refuses an end before the start and a provider outside the union’s reach', async () => {
    const lawyer = await buildProvider(env, tree.city);
    const backwards = await post('/legal/duty-slots', city, {
      ...slot(tree.city, lawyer.provider.id, 300, 2),
      endsAt: at(299).toISOString(),
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.details[0].path).toBe('body.endsAt');
    const kaifeng = await buildProvider(env, tree.otherCity);
    const foreign = await post('/legal/duty-slots', city, slot(tree.city, kaifeng.provider.id, 300, 2));
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.details[0].path).toBe('body.providerId');
  });

  it('moves, deletes, swaps and copies slots', async () => {
    const a = await buildProvider(env, tree.grassroots, { name: '甲律师' });
    const b = await buildProvider(env, tree.grassroots, { name: '乙律师' });
    const county = await staffAt(tree.grassroots);
    const s1 = (await post('/legal/duty-slots', county, slot(tree.grassroots, a.provider.id, 0, 10))).json();
    const s2 = (await post('/legal/duty-slots', county, slot(tree.grassroots, b.provider.id, 10, 14))).json();
    const moved = await env.app.inject({
      method: 'PATCH',
      url: `/api/v1/legal/duty-slots/${s1.id}`,
      headers: county,
      payload: { startsAt: at(1).toISOString() },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().startsAt).toBe(at(1).toISOString());

    const swapped = await post('/legal/duty-slots/swap', county, { slotIds: [s1.id, s2.id] });
    expect(swapped.statusCode, swapped.body).toBe(200);
    expect(swapped.json().map((s: { provider: { name: string } }) => s.provider.name)).toEqual([
      '乙律师',
      '甲律师',
    ]);

    const copied = await post('/legal/duty/copy-week', county, {
      orgId: tree.grassroots.id,
      fromWeek: '2026-11-23',
      toWeek: '2026-11-30',
    });
    expect(copied.statusCode, copied.body).toBe(200);
    expect(copied.json()).toEqual({ copied: 2, weekShiftDays: 7 });
    const next = (await week(tree.grassroots, county, '2026-12-02')).json();
    expect(next.slots.map((s: { startsAt: string }) => s.startsAt)).toEqual([
      at(1, 1).toISOString(),
      at(10, 1).toISOString(),
    ]);
    // Copying again would put the same lawyers on duty twice: nothing is copied.
    const twice = await post('/legal/duty/copy-week', county, {
      orgId: tree.grassroots.id,
      fromWeek: '2026-11-23',
      toWeek: '2026-11-30',
    });
    expect(twice.statusCode).toBe(409);
    expect((await week(tree.grassroots, county, '2026-12-02')).json().slots).toHaveLength(2);

    const del = await env.app.inject({
      method: 'DELETE',
      url: `/api/v1/legal/duty-slots/${s1.id}`,
      headers: county,
    });
    expect(del.statusCode).toBe(204);
    const again = await env.app.inject({
      method: 'DELETE',
      url: `/api/v1/legal/duty-slots/${s1.id}`,
      headers: county,
    });
    expect(again.statusCode).toBe(404);
  });

  it('knows who is on duty for a field at an instant', async () => {
    const org = tree.otherCounty;
    const wages = await buildProvider(env, org, { name: '工资律师' });
    const all = await buildProvider(env, org, { name: '全能律师' });
    const noAccount = await buildProvider(env, org, { name: '无账号律师', account: false });
    const staff = await staffAt(org);
    await post('/legal/duty-slots', staff, slot(org, wages.provider.id, 400, 4, { fields: ['wages'] }));
    await post('/legal/duty-slots', staff, slot(org, all.provider.id, 401, 4));
    await post('/legal/duty-slots', staff, slot(org, noAccount.provider.id, 400, 4));
    const names = async (field: string, h: number) =>
      (await findOnDuty(env.ctx.db, org.id, field, at(h))).map((p) => p.providerName);
    expect(await names('wages', 401.5)).toEqual(['工资律师', '全能律师']);
    expect(await names('work_injury', 401.5)).toEqual(['全能律师']);
    expect(await names('work_injury', 400.5)).toEqual([]);
    expect(await names('wages', 405)).toEqual([]);
  });

  it('passes the access matrix (week, create)', async () => {
    await expectAccessMatrix(env, {
      method: 'GET',
      url: (org) => `/api/v1/legal/duty?orgId=${org.id}`,
      allowedRole: 'viewer',
      deniedRole: 'card_verifier',
      home: tree.city,
      inScope: tree.county,
      outOfScope: tree.otherCity,
    });
    const lawyer = await buildProvider(env, tree.city);
    let h = 1000;
    await expectAccessMatrix(env, {
      method: 'POST',
      url: () => '/api/v1/legal/duty-slots',
      payload: (org) => {
        h += 10;
        return slot(org, lawyer.provider.id, h, 2);
      },
      allowedRole: 'staff',
      deniedRole: 'viewer',
      home: tree.city,
      inScope: tree.county,
      outOfScope: tree.otherCity,
      successStatus: 201,
    });
  });
});
