import { DefaultInspectionChecklist } from '@unionhub/contracts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectAccessMatrix } from '../../test/access-matrix.js';
import {
  bearer,
  buildEnterprise,
  buildOrg,
  buildOrgTree,
  buildStaffUser,
  tokenFor,
} from '../../test/factories.js';
import { createTestEnv, type TestEnv } from '../../test/harness.js';
import { upload } from '../../test/service-hall.js';
import { chinaToday } from '../members/index.js';
import type { OrgRow } from '../orgs/index.js';
import { remindOverdueRectifications } from './legal-supervision.service.js';

const DAY = 86_400_000;
let env: TestEnv;
let tree: Awaited<ReturnType<typeof buildOrgTree>>;
let otherGrassroots: OrgRow;
let county: Record<string, string>;

async function staffAt(org: OrgRow, role: 'org_admin' | 'staff' | 'viewer' = 'staff') {
  return bearer(await tokenFor(env, await buildStaffUser(env, { org, roles: [role] })));
}

const daysFromToday = (n: number) => chinaToday(new Date(env.clock.now().getTime() + n * DAY));

function checklist(nonCompliant: string[] = []) {
  return DefaultInspectionChecklist.map((i) => ({
    key: i.key,
    label: i.label,
    result: nonCompliant.includes(i.key) ? 'non_compliant' : 'compliant',
    ...(nonCompliant.includes(i.key) ? { note: '部分职工未签订书面劳动合同' } : {}),
  }));
}

async function inspectionBody(org: OrgRow, overrides: Record<string, unknown> = {}) {
  const enterprise = await buildEnterprise(env, { org, name: '郑州豫丰食品有限公司' });
  return {
    orgId: org.id,
    enterpriseId: enterprise.id,
    inspectedOn: daysFromToday(-3),
    inspectors: ['李红', '赵磊'],
    checklist: checklist(['labour_contracts', 'social_insurance']),
    findings: '抽查 20 份职工档案，3 人未签订劳动合同，2 人未缴纳社会保险。',
    rectificationDueOn: daysFromToday(27),
    ...overrides,
  };
}

async function recorded(overrides: Record<string, unknown> = {}, org: OrgRow = tree.county) {
  const res = await env.app.inject({
    method: 'POST',
    url: '/api/v1/legal-inspections',
    headers: await staffAt(org),
    payload: await inspectionBody(org, overrides),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const followUp = (id: number, payload: Record<string, unknown>, headers = county) =>
  env.app.inject({ method: 'POST', url: `/api/v1/legal-inspections/${id}/follow-ups`, headers, payload });

beforeAll(async () => {
  env = await createTestEnv();
  tree = await buildOrgTree(env);
  otherGrassroots = await buildOrg(env, { parent: tree.otherCounty, name: '开封龙亭纺织厂工会' });
});
beforeEach(async () => {
  county = await staffAt(tree.county);
});
afterAll(async () => env?.close());

describe('recording an inspection', () => {
  it('keeps the checklist, findings, files and a deadline for the non-compliant items', async () => {
    const file = await upload(env, county);
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/v1/legal-inspections',
      headers: county,
      payload: await inspectionBody(tree.county, { attachments: [{ id: file.id }] }),
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      org: { id: tree.county.id, name: '金水区总工会' },
      enterprise: { name: '郑州豫丰食品有限公司' },
      nonCompliant: 2,
      outstanding: 2,
      status: 'rectifying',
      overdue: false,
      rectificationDueOn: daysFromToday(27),
      followUps: [],
      attachments: [{ filename: '诊断证明.png', kind: 'image' }],
    });
    expect(body.checklist).toHaveLength(9);
    expect(body.checklist[0]).toEqual({
      key: 'labour_contracts',
      label: '劳动合同签订',
      result: 'non_compliant',
      note: '部分职工未签订书面劳动合同',
      rectifiedOn: null,
    });
    const fileRes = await env.app.inject({
      method: 'GET',
      url: `/api/v1/legal-inspections/${body.id}/attachments/${body.attachments[0].id}`,
      headers: county,
    });
    expect(fileRes.statusCode).toBe(200);
    expect(fileRes.headers['content-type']).toBe('image/png');
  });

  it('closes at once an inspection that found nothing to rectify', async () => {
    const body = await recorded({ checklist: checklist([]), rectificationDueOn: undefined });
    expect(body).toMatchObject({ status: 'closed', nonCompliant: 0, rectificationDueOn: null });
  });

  it('wants a rectification deadline after the inspection when anything is non-compliant', async () => {
    const missing = await env.app.inject({
      method: 'POST',
      url: '/api/v1/legal-inspections',
      headers: county,
      payload: await inspectionBody(tree.county, { rectificationDueOn: undefined }),
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details).toEqual([
      {
        path: 'body.rectificationDueOn',
        message: '有不合规项时请填写整改期限',
        rule: 'inspection.deadline_required',
      },
    ]);
    const before = await env.app.inject({
      method: 'POST',
      url: '/api/v1/legal-inspections',
      headers: county,
      payload: await inspectionBody(tree.county, { rectificationDueOn: daysFromToday(-3) }),
    });
    expect(before.statusCode).toBe(400);
    expect(before.json().error.details[0].rule).toBe('inspection.deadline_after_inspection');
  });

  it('names a repeated item, a day in the future and a bad result', async () => {
    const items = checklist();
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/v1/legal-inspections',
      headers: county,
      payload: await inspectionBody(tree.county, {
        inspectedOn: daysFromToday(2),
        checklist: [...items, items[0]],
      }),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toEqual([
      'body.inspectedOn',
      'body.checklist.9.key',
    ]);
    const wrong = await env.app.inject({
      method: 'POST',
      url: '/api/v1/legal-inspections',
      headers: county,
      payload: await inspectionBody(tree.county, {
        checklist: [{ key: 'wages_paid', label: '工资按时足额支付', result: 'maybe' }],
      }),
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details[0].path).toContain('body.checklist.0.result');
  });

  it('does not find an enterprise of another subtree (404)', async () => {
    const theirs = await buildEnterprise(env, { org: otherGrassroots });
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/v1/legal-inspections',
      headers: county,
      payload: await inspectionBody(tree.county, { enterpriseId: theirs.id }),
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('ENTERPRISE_NOT_FOUND');
  });

  it('passes the access matrix', async () => {
    const bodies = new Map<number, unknown>();
    for (const org of [tree.county, otherGrassroots]) bodies.set(org.id, await inspectionBody(org));
    await expectAccessMatrix(env, {
      method: 'POST',
      url: () => '/api/v1/legal-inspections',
      payload: (target) => bodies.get(target.id),
      allowedRole: 'staff',
      deniedRole: 'viewer',
      home: tree.city,
      inScope: tree.county,
      outOfScope: otherGrassroots,
      successStatus: 201,
    });
    const mine = await recorded();
    const theirs = await recorded({}, otherGrassroots);
    await expectAccessMatrix(env, {
      method: 'GET',
      url: (target) => `/api/v1/legal-inspections/${target === tree.county ? mine.id : theirs.id}`,
      allowedRole: 'viewer',
      deniedRole: 'card_verifier',
      home: tree.city,
      inScope: tree.county,
      outOfScope: otherGrassroots,
    });
    await expectAccessMatrix(env, {
      method: 'POST',
      url: (target) => `/api/v1/legal-inspections/${target === tree.county ? mine.id : theirs.id}/follow-ups`,
      payload: () => ({ followedOn: daysFromToday(0), rectifiedItems: [], note: '复查' }),
      allowedRole: 'staff',
      deniedRole: 'viewer',
      home: tree.city,
      inScope: tree.county,
      outOfScope: otherGrassroots,
      successStatus: 201,
    });
  });
});

describe('follow-up', () => {
  it('marks items rectified and closes the inspection when none remain', async () => {
    const inspection = await recorded();
    const partial = await followUp(inspection.id, {
      followedOn: daysFromToday(-1),
      rectifiedItems: ['labour_contracts'],
      note: '3 名职工已补签劳动合同',
    });
    expect(partial.statusCode, partial.body).toBe(201);
    expect(partial.json()).toMatchObject({ status: 'rectifying', outstanding: 1 });
    expect(partial.json().checklist[0].rectifiedOn).toBe(daysFromToday(-1));

    const wrong = await followUp(inspection.id, {
      followedOn: daysFromToday(0),
      rectifiedItems: ['labour_contracts', 'wages_paid'],
      note: '复查',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details.map((d: { path: string }) => d.path)).toEqual([
      'body.rectifiedItems.0',
      'body.rectifiedItems.1',
    ]);

    const done = await followUp(inspection.id, {
      followedOn: daysFromToday(0),
      rectifiedItems: ['social_insurance'],
      note: '已为 2 名职工补缴社会保险',
    });
    expect(done.json()).toMatchObject({
      status: 'closed',
      outstanding: 0,
      followUps: [{ closed: false }, { closed: true, note: '已为 2 名职工补缴社会保险' }],
    });
    const after = await followUp(inspection.id, {
      followedOn: daysFromToday(0),
      rectifiedItems: [],
      note: '再查',
    });
    expect(after.statusCode).toBe(409);
    expect(after.json().error.code).toBe('INSPECTION_CLOSED');
  });

  it('refuses a follow-up dated before the inspection', async () => {
    const inspection = await recorded();
    const res = await followUp(inspection.id, {
      followedOn: daysFromToday(-10),
      rectifiedItems: [],
      note: '复查',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0]).toMatchObject({
      path: 'body.followedOn',
      rule: 'follow_up.after_inspection',
    });
  });
});

describe('overdue rectifications', () => {
  it('flags them in the list, filters them, and reminds the union once a day', async () => {
    const enterprise = await buildEnterprise(env, { org: tree.grassroots, name: '郑州中原纺织有限公司' });
    const late = await recorded({
      enterpriseId: enterprise.id,
      inspectedOn: daysFromToday(-40),
      rectificationDueOn: daysFromToday(-10),
    });
    const onTime = await recorded({ enterpriseId: enterprise.id });
    const viewer = await staffAt(tree.county, 'viewer');
    const history = await env.app.inject({
      method: 'GET',
      url: `/api/v1/legal-inspections?enterpriseId=${enterprise.id}`,
      headers: viewer,
    });
    expect(history.json().items.map((i: { id: number; overdue: boolean }) => [i.id, i.overdue])).toEqual([
      [onTime.id, false],
      [late.id, true],
    ]);
    const overdue = await env.app.inject({
      method: 'GET',
      url: '/api/v1/legal-inspections?overdue=true',
      headers: viewer,
    });
    expect(overdue.json().items.map((i: { id: number }) => i.id)).toEqual([late.id]);

    const staff = await buildStaffUser(env, { org: tree.county, roles: ['staff'] });
    expect(await remindOverdueRectifications(env.ctx)).toBe(1);
    expect(await remindOverdueRectifications(env.ctx)).toBe(0);
    const inbox = await env.app.inject({
      method: 'GET',
      url: '/api/v1/me/notifications',
      headers: bearer(await tokenFor(env, staff)),
    });
    expect(inbox.json().items[0]).toMatchObject({
      kind: 'legal_inspection.overdue',
      title: '整改逾期提醒',
      link: `/admin/legal/supervision/${late.id}`,
    });
    expect(inbox.json().items[0].body).toContain('郑州中原纺织有限公司');
    env.clock.advance(DAY);
    expect(await remindOverdueRectifications(env.ctx)).toBe(1);
  });
});
