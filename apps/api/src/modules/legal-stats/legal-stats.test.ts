import { DefaultInspectionChecklist } from '@unionhub/contracts';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessMatrix } from '../../test/access-matrix.js';
import { bearer, buildEnterprise, buildOrgTree, buildStaffUser, tokenFor } from '../../test/factories.js';
import { createTestEnv, type TestEnv } from '../../test/harness.js';
import { lectures } from '../lectures/index.js';
import { chinaToday } from '../members/index.js';
import type { OrgRow } from '../orgs/index.js';

const DAY = 86_400_000;
let env: TestEnv;
let tree: Awaited<ReturnType<typeof buildOrgTree>>;

const staffAt = async (org: OrgRow, role: 'staff' | 'viewer' = 'viewer') =>
  bearer(await tokenFor(env, await buildStaffUser(env, { org, roles: [role] })));
const day = (n: number) => chinaToday(new Date(env.clock.now().getTime() + n * DAY));

async function lecture(org: OrgRow, status: string, seats: number, attended: number, daysAgo = 5) {
  const startsAt = new Date(env.clock.now().getTime() - daysAgo * DAY);
  await env.ctx.db.insert(lectures).values({
    orgId: org.id,
    title: '工伤认定与赔偿',
    topic: '工伤认定流程',
    fields: ['work_injury'],
    speakerName: '周律师',
    mode: 'onsite',
    place: '报告厅',
    startsAt,
    endsAt: new Date(startsAt.getTime() + 7200_000),
    registrationDeadline: startsAt,
    capacity: 100,
    status,
    seatsTaken: seats,
    attended,
  });
}

async function inspection(org: OrgRow, nonCompliant: string[], extra: Record<string, unknown> = {}) {
  const enterprise = await buildEnterprise(env, { org: tree.grassroots });
  const res = await env.app.inject({
    method: 'POST',
    url: '/api/v1/legal-inspections',
    headers: await staffAt(org, 'staff'),
    payload: {
      orgId: org.id,
      enterpriseId: enterprise.id,
      inspectedOn: day(-30),
      inspectors: ['李红'],
      checklist: DefaultInspectionChecklist.map((i) => ({
        key: i.key,
        label: i.label,
        result: nonCompliant.includes(i.key) ? 'non_compliant' : 'compliant',
      })),
      ...(nonCompliant.length ? { rectificationDueOn: day(-5) } : {}),
      ...extra,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number };
}

beforeAll(async () => {
  env = await createTestEnv();
  tree = await buildOrgTree(env);
  await lecture(tree.city, 'finished', 40, 30);
  await lecture(tree.county, 'finished', 50, 45);
  await lecture(tree.grassroots, 'published', 10, 5, 1);
  await lecture(tree.county, 'cancelled', 20, 0);
  await lecture(tree.otherCity, 'finished', 99, 99);
  await lecture(tree.county, 'finished', 10, 10, 400);
  await inspection(tree.county, ['labour_contracts', 'social_insurance']);
  const closed = await inspection(tree.county, ['social_insurance']);
  await env.app.inject({
    method: 'POST',
    url: `/api/v1/legal-inspections/${closed.id}/follow-ups`,
    headers: await staffAt(tree.county, 'staff'),
    payload: { followedOn: day(-1), rectifiedItems: ['social_insurance'], note: '已补缴' },
  });
  await inspection(tree.city, []);
});
afterAll(async () => env?.close());

describe('legal statistics', () => {
  it('counts lectures, attendance and inspections of the subtree, by union below', async () => {
    const res = await env.app.inject({
      method: 'GET',
      url: '/api/v1/legal/stats',
      headers: await staffAt(tree.city),
    });
    expect(res.statusCode, res.body).toBe(200);
    const stats = res.json();
    expect(stats.lectures.totals).toEqual({
      lectures: 3,
      registrations: 100,
      attended: 80,
      attendanceRate: 0.8,
    });
    expect(stats.lectures.byOrg).toEqual([
      {
        orgId: tree.city.id,
        orgName: '郑州市总工会',
        own: true,
        lectures: 1,
        registrations: 40,
        attended: 30,
        attendanceRate: 0.75,
      },
      {
        orgId: tree.county.id,
        orgName: '金水区总工会',
        own: false,
        lectures: 2,
        registrations: 60,
        attended: 50,
        attendanceRate: 0.833,
      },
    ]);
    expect(stats.supervision.totals).toEqual({
      inspections: 3,
      enterprises: 3,
      needingRectification: 2,
      rectified: 1,
      rectificationRate: 0.5,
      overdue: 1,
    });
    expect(stats.supervision.nonCompliance).toEqual([
      { key: 'labour_contracts', label: '劳动合同签订', count: 1 },
      { key: 'social_insurance', label: '社会保险缴纳', count: 2 },
    ]);
    expect(
      stats.supervision.byOrg.map((o: { orgName: string; inspections: number }) => [
        o.orgName,
        o.inspections,
      ]),
    ).toEqual([
      ['郑州市总工会', 1],
      ['金水区总工会', 2],
    ]);
  });

  it('bounds the period and refuses one that ends before it starts', async () => {
    const headers = await staffAt(tree.city);
    const res = await env.app.inject({
      method: 'GET',
      url: `/api/v1/legal/stats?from=${day(-3)}&to=${day(0)}`,
      headers,
    });
    expect(res.json().lectures.totals.lectures).toBe(1);
    expect(res.json().supervision.totals.inspections).toBe(0);
    const bad = await env.app.inject({
      method: 'GET',
      url: `/api/v1/legal/stats?from=${day(0)}&to=${day(-3)}`,
      headers,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('querystring.from');
  });

  it('exports the same figures to xlsx', async () => {
    const res = await env.app.inject({
      method: 'GET',
      url: '/api/v1/legal/stats.xlsx',
      headers: await staffAt(tree.city),
    });
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual([
      '法律咨询（按工会）',
      '法律咨询（按类别）',
      '法律援助',
      '援助结果',
      '法律大讲堂',
      '劳动法律监督',
      '不合规项',
    ]);
    const sheet = book.getWorksheet('法律大讲堂')!;
    expect(sheet.getRow(4).values).toEqual([undefined, '郑州市总工会（本级）', 1, 40, 30, '75.0%']);
    expect(sheet.getRow(6).values).toEqual([undefined, '合计', 3, 100, 80, '80.0%']);
  });

  it('passes the access matrix', async () => {
    await expectAccessMatrix(env, {
      method: 'GET',
      url: (org) => `/api/v1/legal/stats?orgId=${org.id}`,
      allowedRole: 'viewer',
      deniedRole: 'card_verifier',
      home: tree.city,
      inScope: tree.county,
      outOfScope: tree.otherCounty,
    });
  });
});
