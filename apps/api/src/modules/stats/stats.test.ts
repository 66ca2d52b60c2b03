import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessMatrix } from '../../test/access-matrix.js';
import {
  bearer,
  buildMember,
  buildOrg,
  buildOrgTree,
  buildStaffUser,
  tokenFor,
  validIdNumber,
} from '../../test/factories.js';
import { createTestEnv, type TestEnv } from '../../test/harness.js';
import { listRollups, recountRollups, snapshotRollups } from './stats.repository.js';
import { lastTwelveMonths, summarizeRollups } from './stats.service.js';

let env: TestEnv;
let tree: Awaited<ReturnType<typeof buildOrgTree>>;
let token: string;
beforeAll(async () => {
  env = await createTestEnv();
  tree = await buildOrgTree(env);
  token = await tokenFor(env, await buildStaffUser(env, { org: tree.province, roles: ['org_admin'] }));
});
afterAll(() => env.close());

const stats = async (orgId: number) =>
  (
    await env.app.inject({ method: 'GET', url: `/api/v1/orgs/${orgId}/stats`, headers: bearer(token) })
  ).json();

/** The figures kept by the triggers must equal a recount from the members themselves. */
async function expectRollupsMatchRecount() {
  const kept = await snapshotRollups(env.ctx.db);
  await recountRollups(env.ctx.db);
  expect(kept).toEqual(await snapshotRollups(env.ctx.db));
}

describe('member statistics rollups', () => {
  it('GET /orgs/{id}/stats passes the access matrix', async () => {
    await expectAccessMatrix(env, {
      method: 'GET',
      url: (org) => `/api/v1/orgs/${org.id}/stats`,
      allowedRole: 'viewer',
      home: tree.city,
      inScope: tree.county,
      outOfScope: tree.otherCounty,
    });
  });

  it('counts members for every ancestor, by status, gender, age band, category and month', async () => {
    const thisMonth = lastTwelveMonths(env.clock.now()).at(-1)!;
    const joinedOn = `${thisMonth}-01`;
    await buildMember(env, {
      org: tree.grassroots,
      idNumber: validIdNumber({ gender: 'female', birthDate: '19950301' }),
      joinedOn,
      categories: ['migrant_worker'],
    });
    await buildMember(env, {
      org: tree.grassroots,
      idNumber: validIdNumber({ gender: 'male', birthDate: '19700102' }),
      joinedOn,
    });
    const leaver = await buildMember(env, {
      org: tree.grassroots,
      idNumber: validIdNumber({ gender: 'male', birthDate: '19880808' }),
      joinedOn: '2019-03-01',
    });
    const res = await env.app.inject({
      method: 'POST',
      url: `/api/v1/members/${leaver.id}/status`,
      headers: bearer(token),
      payload: { status: 'left', reason: '调离本单位' },
    });
    expect(res.statusCode, res.body).toBe(200);

    for (const org of [tree.province, tree.city, tree.county, tree.grassroots]) {
      const s = await stats(org.id);
      expect(s.active, org.name).toBe(2);
      expect(s.byStatus).toEqual(
        expect.arrayContaining([
          { key: 'active', count: 2 },
          { key: 'left', count: 1 },
        ]),
      );
      expect(s.byGender).toEqual(
        expect.arrayContaining([
          { key: 'female', count: 1 },
          { key: 'male', count: 1 },
        ]),
      );
      expect(s.byCategory).toEqual([{ key: 'migrant_worker', count: 1 }]);
      expect(s.joinsByMonth.at(-1)).toEqual({ key: thisMonth, count: 2 });
      expect(s.leavesByMonth.at(-1)).toEqual({ key: thisMonth, count: 1 });
      expect(s.byAgeBand.reduce((n: number, b: { count: number }) => n + b.count, 0)).toBe(2);
    }
    expect((await stats(tree.otherCity.id)).active).toBe(0);
    await expectRollupsMatchRecount();
  });

  it('reads monthly rollups from the first month shown on only, with the same figures', async () => {
    const now = env.clock.now();
    const since = lastTwelveMonths(now)[0]!;
    const all = await listRollups(env.ctx.db, tree.province.id);
    const shown = await listRollups(env.ctx.db, tree.province.id, since);
    expect(all.some((r) => r.dim === 'joined' && r.bucket === '2019-03')).toBe(true);
    expect(shown.filter((r) => (r.dim === 'joined' || r.dim === 'left') && r.bucket < since)).toEqual([]);
    const other = (rows: typeof all) =>
      rows
        .filter((r) => r.dim !== 'joined' && r.dim !== 'left')
        .sort((a, b) => a.dim.localeCompare(b.dim) || a.bucket.localeCompare(b.bucket));
    expect(other(shown)).toEqual(other(all));
    expect(summarizeRollups(shown, now)).toEqual(summarizeRollups(all, now));
  });

  it('follows a union moved to another parent, and stays equal to a recount', async () => {
    const township = await buildOrg(env, {
      parent: tree.county,
      level: 'township',
      name: '花园路街道工会',
      regionCode: '410105',
    });
    const union = await buildOrg(env, { parent: tree.county, name: '移动测试工会', regionCode: '410105' });
    await buildMember(env, { org: union });
    await buildMember(env, { org: union });
    const before = (await stats(tree.county.id)).active;
    const res = await env.app.inject({
      method: 'POST',
      url: `/api/v1/orgs/${union.id}/move`,
      headers: bearer(token),
      payload: { newParentId: township.id },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await stats(township.id)).active).toBe(2);
    expect((await stats(tree.county.id)).active).toBe(before);
    await expectRollupsMatchRecount();
  });

  it('summarizes rollup rows into age bands relative to this year', () => {
    const now = new Date('2026-06-01T00:00:00Z');
    const s = summarizeRollups(
      [
        { dim: 'birth_year', bucket: '2003', n: 3 },
        { dim: 'birth_year', bucket: '1990', n: 2 },
        { dim: 'birth_year', bucket: '1960', n: 1 },
        { dim: 'status', bucket: 'active', n: 6 },
      ],
      now,
    );
    expect(s.byAgeBand).toEqual([
      { key: 'under25', count: 3 },
      { key: '25-34', count: 0 },
      { key: '35-44', count: 2 },
      { key: '45-54', count: 0 },
      { key: '55plus', count: 1 },
    ]);
    expect(s.active).toBe(6);
    expect(s.joinsByMonth.map((m) => m.key)).toEqual(lastTwelveMonths(now));
  });
});
