import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessMatrix } from '../../test/access-matrix.js';
import { bearer, buildOrgTree, buildStaffUser, memberToken, tokenFor } from '../../test/factories.js';
import { createTestEnv, type TestEnv } from '../../test/harness.js';
import { buildService, memberWithAccount } from '../../test/service-hall.js';

const HOUR = 3600_000;
let env: TestEnv;
let tree: Awaited<ReturnType<typeof buildOrgTree>>;

beforeAll(async () => {
  env = await createTestEnv();
  tree = await buildOrgTree(env);
  // A Monday morning in Beijing, so that working-day deadlines are predictable.
  env.clock.set(new Date('2026-11-23T01:00:00Z'));
  const countyService = await buildService(env, tree.city, {
    name: '困难帮扶',
    attachments: [],
    handler: 'county',
  });
  const cityService = await buildService(env, tree.city, {
    name: '法律援助',
    attachments: [],
    handler: 'publisher',
  });
  const file = async (serviceId: number) => {
    const member = await memberWithAccount(env, tree.grassroots);
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/v1/me/service-requests',
      headers: member.headers,
      payload: { serviceId, data: { reason: '申请', kind: '因病' } },
    });
    return { id: res.json().id as number, member };
  };
  const staff = async () => bearer(await tokenFor(env, await buildStaffUser(env, { org: tree.county })));
  const act = async (id: number, action: string, comment?: string) =>
    env.app.inject({
      method: 'POST',
      url: `/api/v1/service-requests/${id}/${action}`,
      headers: await staff(),
      payload: comment ? { comment } : {},
    });

  const done = await file(countyService.id);
  const refused = await file(countyService.id);
  const late = await file(countyService.id);
  await file(cityService.id);
  env.clock.advance(2 * HOUR);
  await act(done.id, 'accept');
  await act(refused.id, 'reject', '不属于帮扶范围');
  env.clock.advance(24 * HOUR);
  await act(done.id, 'complete', '已发放帮扶金');
  const rate = await env.app.inject({
    method: 'POST',
    url: `/api/v1/me/service-requests/${done.id}/rate`,
    headers: bearer(await memberToken(env, done.member.phone)),
    payload: { rating: 4 },
  });
  expect(rate.statusCode, rate.body).toBe(200);
  // The late one waits past its three working days.
  env.clock.advance(4 * 24 * HOUR);
  expect(late.id).toBeGreaterThan(0);
});
afterAll(async () => env?.close());

describe('service statistics', () => {
  it('counts a subtree by service and by the unions below, with times, broken promises and satisfaction', async () => {
    const city = bearer(
      await tokenFor(env, await buildStaffUser(env, { org: tree.city, roles: ['viewer'] })),
    );
    const res = await env.app.inject({ method: 'GET', url: '/api/v1/service-requests/stats', headers: city });
    expect(res.statusCode, res.body).toBe(200);
    const stats = res.json();
    expect(stats.org).toEqual({ id: tree.city.id, name: '郑州市总工会' });
    expect(stats.totals).toMatchObject({
      total: 4,
      byState: { submitted: 2, completed: 1, rejected: 1, accepted: 0 },
      acceptHours: { median: expect.closeTo(2, 0) },
      completeHours: { median: expect.closeTo(26, 0), p90: expect.closeTo(26, 0) },
      overdue: 2,
      overdueShare: 0.5,
      ratings: 1,
      ratingAverage: 4,
      satisfiedShare: 1,
    });
    expect(
      stats.byService.map((s: { serviceName: string; total: number }) => [s.serviceName, s.total]),
    ).toEqual([
      ['困难帮扶', 3],
      ['法律援助', 1],
    ]);
    expect(
      stats.byOrg.map((o: { orgName: string; own: boolean; total: number }) => [o.orgName, o.own, o.total]),
    ).toEqual([
      ['郑州市总工会', true, 1],
      ['金水区总工会', false, 3],
    ]);

    const before = await env.app.inject({
      method: 'GET',
      url: '/api/v1/service-requests/stats?from=2026-01-01&to=2026-01-31',
      headers: city,
    });
    expect(before.json().totals.total).toBe(0);
    const wrong = await env.app.inject({
      method: 'GET',
      url: '/api/v1/service-requests/stats?from=2026-02-01&to=2026-01-31',
      headers: city,
    });
    expect(wrong.statusCode).toBe(400);
  });

  it('exports the same figures to xlsx', async () => {
    const city = bearer(await tokenFor(env, await buildStaffUser(env, { org: tree.city })));
    const res = await env.app.inject({
      method: 'GET',
      url: '/api/v1/service-requests/stats.xlsx',
      headers: city,
    });
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['按服务事项', '按工会']);
    const sheet = book.getWorksheet('按工会')!;
    expect(sheet.getRow(4).getCell(1).value).toBe('郑州市总工会（本级）');
    expect(sheet.getRow(6).values).toContain('合计');
  });

  it('passes the access matrix', async () => {
    await expectAccessMatrix(env, {
      method: 'GET',
      url: (org) => `/api/v1/service-requests/stats?orgId=${org.id}`,
      allowedRole: 'viewer',
      home: tree.city,
      inScope: tree.county,
      outOfScope: tree.otherCounty,
    });
  });
});
