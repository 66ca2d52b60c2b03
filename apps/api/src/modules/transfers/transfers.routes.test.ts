import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessMatrix } from '../../test/access-matrix.js';
import {
  type BuiltMember,
  bearer,
  buildMember,
  buildOrg,
  buildOrgTree,
  buildStaffUser,
  memberToken,
  tokenFor,
} from '../../test/factories.js';
import { createTestEnv, type TestEnv } from '../../test/harness.js';
import type { OrgRow } from '../orgs/index.js';
import { runTransferAutoAccept } from './transfers.service.js';

const DAY = 86_400_000;
let env: TestEnv;
let tree: Awaited<ReturnType<typeof buildOrgTree>>;
let otherGrassroots: OrgRow;
let thirdCounty: OrgRow;
let thirdGrassroots: OrgRow;
let origin: Record<string, string>;
let destination: Record<string, string>;
let outsider: Record<string, string>;

async function staffAt(org: OrgRow, role: 'staff' | 'viewer' = 'staff') {
  return bearer(await tokenFor(env, await buildStaffUser(env, { org, roles: [role] })));
}

/** Fresh tokens for the three unions' staff (after the clock moved past their expiry). */
async function signInStaff() {
  origin = await staffAt(tree.county);
  destination = await staffAt(tree.otherCounty);
  outsider = await staffAt(thirdCounty);
}

beforeAll(async () => {
  env = await createTestEnv();
  tree = await buildOrgTree(env);
  otherGrassroots = await buildOrg(env, {
    parent: tree.otherCounty,
    name: '开封市龙亭区汴京机械有限公司工会',
    regionCode: '410202',
  });
  thirdCounty = await buildOrg(env, {
    parent: tree.otherCity,
    name: '顺河回族区总工会',
    level: 'county',
    regionCode: '410203',
  });
  thirdGrassroots = await buildOrg(env, {
    parent: thirdCounty,
    name: '开封顺河食品有限公司工会',
    regionCode: '410203',
  });
  await signInStaff();
});
afterAll(() => env.close());

const post = (url: string, headers: Record<string, string>, payload?: Record<string, unknown>) =>
  env.app.inject({ method: 'POST', url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
const get = (url: string, headers: Record<string, string>) =>
  env.app.inject({ method: 'GET', url: `/api/v1${url}`, headers });

async function start(member: BuiltMember, toOrg: OrgRow, headers = origin) {
  const res = await post('/transfers', headers, {
    memberId: member.id,
    toOrgId: toOrg.id,
    reason: '工作调动',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; status: string };
}

async function countRows(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of [
    'transfers',
    'transfer_history',
    'audit_log',
    'member_status_history',
    'notifications',
  ]) {
    const [row] = await env.database.query<{ n: number | string }>(`select count(*) as n from ${table}`);
    out[table] = Number(row!.n);
  }
  return out;
}

/** A pending transfer out of each union the access matrix targets, to a union outside both scopes' overlap. */
async function transfersByOrg(): Promise<Map<number, number>> {
  const inScope = await buildMember(env, { org: tree.grassroots });
  const outOfScope = await buildMember(env, { org: otherGrassroots });
  return new Map([
    [tree.grassroots.id, (await start(inScope, thirdGrassroots)).id],
    [otherGrassroots.id, (await start(outOfScope, thirdGrassroots, destination)).id],
  ]);
}

describe('transfers: access matrix', () => {
  it('POST /transfers', async () => {
    const byOrg = new Map<number, BuiltMember>();
    const members = async () => {
      byOrg.set(tree.grassroots.id, await buildMember(env, { org: tree.grassroots }));
      byOrg.set(otherGrassroots.id, await buildMember(env, { org: otherGrassroots }));
    };
    await members();
    await expectAccessMatrix(env, {
      method: 'POST',
      url: () => '/api/v1/transfers',
      payload: (o) => ({ memberId: byOrg.get(o.id)!.id, toOrgId: thirdGrassroots.id, reason: '工作调动' }),
      allowedRole: 'staff',
      deniedRole: 'viewer',
      home: tree.county,
      inScope: tree.grassroots,
      outOfScope: otherGrassroots,
      successStatus: 201,
    });
  });

  it('GET /transfers and GET /transfers/{id}', async () => {
    const ids = await transfersByOrg();
    await expectAccessMatrix(env, {
      method: 'GET',
      url: (o) => `/api/v1/transfers?orgId=${o.id}&direction=out`,
      allowedRole: 'viewer',
      home: tree.county,
      inScope: tree.grassroots,
      outOfScope: otherGrassroots,
    });
    await expectAccessMatrix(env, {
      method: 'GET',
      url: (o) => `/api/v1/transfers/${ids.get(o.id)}`,
      allowedRole: 'viewer',
      home: tree.county,
      inScope: tree.grassroots,
      outOfScope: otherGrassroots,
    });
  });

  for (const action of ['approve', 'reject', 'cancel'] as const)
    it(`POST /transfers/{id}/${action}`, async () => {
      const ids = await transfersByOrg();
      await expectAccessMatrix(env, {
        method: 'POST',
        url: (o) => `/api/v1/transfers/${ids.get(o.id)}/${action}`,
        ...(action === 'reject' ? { payload: () => ({ reason: '手续不全' }) } : {}),
        allowedRole: 'staff',
        deniedRole: 'viewer',
        home: tree.county,
        inScope: tree.grassroots,
        outOfScope: otherGrassroots,
      });
    });
});

describe('transfers: through both approvals', () => {
  it('the origin approves, then the destination; the member moves and every step is kept', async () => {
    const member = await buildMember(env, { org: tree.grassroots });
    const t = await start(member, otherGrassroots);
    expect(t).toMatchObject({ status: 'pending_origin', allowedActions: ['approve', 'reject', 'cancel'] });

    // The destination does not see it before the origin approved; an outsider never does.
    expect((await get(`/transfers/${t.id}`, destination)).statusCode).toBe(404);
    const incoming = (await get(`/transfers?orgId=${otherGrassroots.id}&direction=in`, destination)).json();
    expect(incoming.items.map((i: { id: number }) => i.id)).not.toContain(t.id);
    expect((await post(`/transfers/${t.id}/approve`, destination)).statusCode).toBe(404);
    expect((await post(`/transfers/${t.id}/approve`, outsider)).statusCode).toBe(404);

    const approved = await post(`/transfers/${t.id}/approve`, origin);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'pending_destination', allowedActions: ['cancel'] });

    // Now it is the destination's turn; the origin may not approve for it.
    const early = await post(`/transfers/${t.id}/approve`, origin);
    expect(early.statusCode).toBe(403);
    const seen = (
      await get(`/transfers?orgId=${otherGrassroots.id}&direction=in&status=pending_destination`, destination)
    ).json();
    expect(seen.items.find((i: { id: number }) => i.id === t.id)).toMatchObject({
      allowedActions: ['approve', 'reject'],
    });

    const done = await post(`/transfers/${t.id}/approve`, destination);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().status).toBe('completed');

    const moved = (await get(`/members/${member.id}`, destination)).json();
    expect(moved).toMatchObject({ orgId: otherGrassroots.id, status: 'active' });
    expect(moved.history.map((h: { orgId: number }) => h.orgId)).toEqual([
      tree.grassroots.id,
      otherGrassroots.id,
    ]);
    expect((await get(`/members/${member.id}`, origin)).statusCode).toBe(404);

    const detail = (await get(`/transfers/${t.id}`, destination)).json();
    expect(detail.history.map((s: { action: string; toStatus: string }) => [s.action, s.toStatus])).toEqual([
      ['start', 'pending_origin'],
      ['approve', 'pending_destination'],
      ['approve', 'completed'],
    ]);
    // The origin still sees the transfer it sent.
    expect((await get(`/transfers/${t.id}`, origin)).json().status).toBe('completed');

    const late = await post(`/transfers/${t.id}/approve`, destination);
    expect(late.statusCode).toBe(409);
    expect(late.json().error).toMatchObject({ code: 'TRANSFER_BAD_TRANSITION', meta: { allowed: [] } });
  });

  it('the origin may reject (with a reason); the destination never sees it', async () => {
    const member = await buildMember(env, { org: tree.grassroots });
    const t = await start(member, otherGrassroots);
    const noReason = await post(`/transfers/${t.id}/reject`, origin, {});
    expect(noReason.statusCode).toBe(400);
    const rejected = await post(`/transfers/${t.id}/reject`, origin, { reason: '会费未结清' });
    expect(rejected.json()).toMatchObject({ status: 'rejected', decisionReason: '会费未结清' });
    expect((await get(`/transfers/${t.id}`, destination)).statusCode).toBe(404);
    const again = await post(`/transfers/${t.id}/approve`, origin);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.meta.allowed).toEqual([]);
    expect((await get(`/members/${member.id}`, origin)).json().orgId).toBe(tree.grassroots.id);
  });

  it('the destination may reject after the origin approved', async () => {
    const member = await buildMember(env, { org: tree.grassroots });
    const t = await start(member, otherGrassroots);
    await post(`/transfers/${t.id}/approve`, origin);
    const rejected = await post(`/transfers/${t.id}/reject`, destination, { reason: '本单位无此职工' });
    expect(rejected.statusCode).toBe(200);
    expect(rejected.json().status).toBe('rejected');
    const detail = (await get(`/transfers/${t.id}`, origin)).json();
    expect(detail.history.map((s: { action: string }) => s.action)).toEqual(['start', 'approve', 'reject']);
    expect(detail.history[2].reason).toBe('本单位无此职工');
    expect((await get(`/members/${member.id}`, origin)).json().orgId).toBe(tree.grassroots.id);
  });

  it('refuses a second open transfer, a destination that is not another grassroots union, and writes nothing', async () => {
    const member = await buildMember(env, { org: tree.grassroots });
    const t = await start(member, otherGrassroots);
    const other = await buildMember(env, { org: tree.grassroots });
    const before = await countRows();
    const second = await post('/transfers', origin, {
      memberId: member.id,
      toOrgId: thirdGrassroots.id,
      reason: '工作调动',
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('TRANSFER_OPEN');
    for (const toOrgId of [tree.grassroots.id, tree.otherCounty.id]) {
      const res = await post('/transfers', origin, { memberId: other.id, toOrgId, reason: '工作调动' });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'TRANSFER_DESTINATION_INVALID' });
      expect(res.json().error.details[0].path).toBe('body.toOrgId');
    }
    const missing = await post('/transfers', origin, {
      memberId: other.id,
      toOrgId: 999_999,
      reason: '工作调动',
    });
    expect(missing.statusCode).toBe(404);
    const extra = await post('/transfers', origin, {
      memberId: other.id,
      toOrgId: otherGrassroots.id,
      reason: '工作调动',
      status: 'completed',
    });
    expect(extra.statusCode).toBe(400);
    expect((await post(`/transfers/${t.id}/approve`, destination)).statusCode).toBe(404);
    expect((await post(`/transfers/${t.id}/reject`, origin, { reason: 'x' })).statusCode).toBe(400);
    expect(await countRows()).toEqual(before);
  });
});

describe('transfers: started by the member', () => {
  it('a member starts a transfer, sees it, and may withdraw it; staff may not withdraw it for them', async () => {
    const member = await buildMember(env, { org: tree.grassroots });
    const auth = bearer(await memberToken(env, member.phone));
    const res = await post('/me/transfers', auth, { toOrgId: otherGrassroots.id, reason: '搬家到开封' });
    expect(res.statusCode, res.body).toBe(201);
    const t = res.json();
    expect(t).toMatchObject({ memberId: member.id, startedBy: 'member', allowedActions: ['cancel'] });

    const mine = (await get('/me/transfers', auth)).json();
    expect(mine.items.map((i: { id: number }) => i.id)).toEqual([t.id]);
    expect((await post(`/transfers/${t.id}/cancel`, origin)).statusCode).toBe(403);
    const detail = await get(`/me/transfers/${t.id}`, auth);
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json()).toMatchObject({ id: t.id, status: 'pending_origin', allowedActions: ['cancel'] });
    expect(detail.json().history).toEqual([
      expect.objectContaining({ action: 'start', actorType: 'member', toStatus: 'pending_origin' }),
    ]);

    const cancelled = await post(`/me/transfers/${t.id}/cancel`, auth);
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json().status).toBe('cancelled');
    const twice = await post(`/me/transfers/${t.id}/cancel`, auth);
    expect(twice.statusCode).toBe(409);

    // Another member's transfer is not found.
    const stranger = bearer(await memberToken(env, '13911112222'));
    expect((await post(`/me/transfers/${t.id}/cancel`, stranger)).statusCode).toBe(404);
    expect((await get(`/me/transfers/${t.id}`, stranger)).statusCode).toBe(404);
    expect((await get(`/me/transfers/${t.id}`, {})).statusCode).toBe(401);
    expect((await get(`/me/transfers/${t.id}`, origin)).statusCode).toBe(403);
    expect(
      (await get(`/me/transfers/${t.id}`, auth)).json().history.map((s: { action: string }) => s.action),
    ).toEqual(['start', 'cancel']);
    expect(
      (await post('/me/transfers', stranger, { toOrgId: otherGrassroots.id, reason: '调动' })).statusCode,
    ).toBe(404);
  });
});

describe('transfers: accepted automatically after 30 days', () => {
  it('the job completes a transfer nobody rejected after 30 days, not before, and only once', async () => {
    const member = await buildMember(env, { org: tree.grassroots });
    const waiting = await start(member, otherGrassroots);
    const other = await buildMember(env, { org: tree.grassroots });
    const rejected = await start(other, otherGrassroots);
    await post(`/transfers/${rejected.id}/reject`, origin, { reason: '手续不全' });

    env.clock.advance(29 * DAY);
    expect(await runTransferAutoAccept(env.ctx)).toBe(0);

    env.clock.advance(2 * DAY);
    // Every transfer still open in this file is now due, not only the one made here.
    const [open] = await env.database.query<{ n: number | string }>(
      `select count(*) as n from transfers where status in ('pending_origin','pending_destination')`,
    );
    const [first, second] = await Promise.all([
      runTransferAutoAccept(env.ctx),
      runTransferAutoAccept(env.ctx),
    ]);
    expect(first + second).toBe(Number(open!.n));
    const before = await countRows();
    expect(await runTransferAutoAccept(env.ctx)).toBe(0);
    expect(await countRows()).toEqual(before);

    await signInStaff();
    const detail = (await get(`/transfers/${waiting.id}`, destination)).json();
    expect(detail.status).toBe('completed');
    expect(detail.history.filter((s: { action: string }) => s.action === 'auto_accept')).toEqual([
      expect.objectContaining({ actorType: 'system', fromStatus: 'pending_origin', toStatus: 'completed' }),
    ]);
    const moved = (await get(`/members/${member.id}`, destination)).json();
    expect(moved.orgId).toBe(otherGrassroots.id);
    expect(moved.history).toHaveLength(2);
    expect((await get(`/transfers/${rejected.id}`, origin)).json().status).toBe('rejected');
    expect((await get(`/members/${other.id}`, origin)).json().orgId).toBe(tree.grassroots.id);
  });
});

describe('transfers: choosing the destination', () => {
  const find = (query: string, headers: Record<string, string>) =>
    get(`/transfers/destinations?${query}`, headers);

  it('offers active grassroots unions outside the caller’s subtree, by name or pinyin and by region', async () => {
    const byName = await find(`q=${encodeURIComponent('顺河食品')}`, origin);
    expect(byName.statusCode, byName.body).toBe(200);
    expect(byName.json().items).toEqual([
      expect.objectContaining({
        id: thirdGrassroots.id,
        name: '开封顺河食品有限公司工会',
        regionCode: '410203',
      }),
    ]);
    const byRegion = (await find('regionCode=410202', origin)).json().items as { id: number }[];
    expect(byRegion.map((u) => u.id)).toContain(otherGrassroots.id);
    // County federations are not destinations: only grassroots unions hold members.
    const byCounty = (await find(`q=${encodeURIComponent('龙亭区总工会')}`, origin)).json().items;
    expect(byCounty).toEqual([]);
  });

  it('asks for a criterion, refuses a malformed credit code, and needs member.write', async () => {
    const none = await find('', origin);
    expect(none.statusCode).toBe(400);
    expect(none.json().error.details[0]).toMatchObject({ rule: 'union_search.criteria' });
    const badCode = await find('creditCode=91410100MA00000000', origin);
    expect(badCode.statusCode).toBe(400);
    expect((await find('q=gongsi', {})).statusCode).toBe(401);
    expect((await find('q=gongsi', await staffAt(tree.county, 'viewer'))).statusCode).toBe(403);
    const member = await buildMember(env, { org: tree.grassroots });
    const asMember = await find('q=gongsi', bearer(await memberToken(env, member.phone)));
    expect(asMember.statusCode).toBe(403);
  });
});
