import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
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
import { upload } from '../../test/service-hall.js';
import { auditLog } from '../audit/index.js';
import { members } from '../members/index.js';
import type { OrgRow } from '../orgs/index.js';

let env: TestEnv;
let tree: Awaited<ReturnType<typeof buildOrgTree>>;
let otherGrassroots: OrgRow;
let county: Record<string, string>;

const staffAt = async (org: OrgRow, role: 'org_admin' | 'staff' | 'viewer' = 'staff') =>
  bearer(await tokenFor(env, await buildStaffUser(env, { org, roles: [role] })));

const household = () => [
  {
    name: '李建国',
    relationship: 'self',
    idNumber: validIdNumber(),
    health: 'chronic',
    jobStatus: 'employed',
  },
  {
    name: '王秀英',
    relationship: 'spouse',
    idNumber: validIdNumber({ gender: 'female' }),
    health: 'serious',
    jobStatus: 'unemployed',
  },
];

async function createFile(org: OrgRow, payload: Record<string, unknown> = {}, headers = county) {
  const member = await buildMember(env, { org, name: '李建国' });
  const res = await env.app.inject({
    method: 'POST',
    url: '/api/v1/hardship/files',
    headers,
    payload: {
      memberId: member.id,
      household: household(),
      incomePerPersonFen: 35_000,
      causes: ['illness'],
      ...payload,
    },
  });
  return { res, member };
}

beforeAll(async () => {
  env = await createTestEnv();
  tree = await buildOrgTree(env);
  otherGrassroots = await buildOrg(env, {
    parent: tree.otherCounty,
    name: '开封龙亭纺织厂工会',
    regionCode: '410202',
  });
});
beforeEach(async () => {
  county = await staffAt(tree.county);
});
afterAll(async () => env?.close());

describe('hardship files', () => {
  it('opens a file with the tier from the rules, masks the household and flags the member', async () => {
    const { res, member } = await createFile(tree.grassroots);
    expect(res.statusCode, res.body).toBe(201);
    const file = res.json();
    expect(file).toMatchObject({
      state: 'open',
      tier: 'deep',
      householdSize: 2,
      recheckOverdue: false,
      full: false,
    });
    expect(file.household[1].idMasked).toMatch(/^4101\*+\d{3}[\dX]$/);
    expect(file.household[1].idNumber).toBeUndefined();
    const [row] = await env.ctx.db.select().from(members).where(eq(members.id, member.id));
    expect(row!.categories).toContain('hardship');
  });

  it('refuses a second file for the same member with 409 naming the existing one', async () => {
    const { res, member } = await createFile(tree.grassroots);
    const again = await env.app.inject({
      method: 'POST',
      url: '/api/v1/hardship/files',
      headers: county,
      payload: {
        memberId: member.id,
        household: household(),
        incomePerPersonFen: 35_000,
        causes: ['illness'],
      },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({
      code: 'HARDSHIP_FILE_EXISTS',
      meta: { existingFileId: res.json().id },
    });
  });

  it('checks household ID numbers with the validator: 400 naming the person', async () => {
    const bad = household();
    bad[1]!.idNumber = '410105199001011235';
    const { res } = await createFile(tree.grassroots, { household: bad });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('body.household.1.idNumber');
  });

  it('answers 404 for a member outside the subtree', async () => {
    const { res } = await createFile(otherGrassroots);
    expect(res.statusCode).toBe(404);
  });

  it('shows ID numbers in full only with a reason, and audits every read', async () => {
    const { res } = await createFile(tree.grassroots);
    const id = res.json().id;
    const full = await env.app.inject({
      method: 'POST',
      url: `/api/v1/hardship/files/${id}/full-view`,
      headers: county,
      payload: { reason: '入户核实家庭成员' },
    });
    expect(full.statusCode, full.body).toBe(200);
    expect(full.json().household[0].idNumber).toMatch(/^\d{17}[\dX]$/);
    await env.app.inject({ method: 'GET', url: `/api/v1/hardship/files/${id}`, headers: county });
    const audits = await env.ctx.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.targetId, String(id)));
    expect(audits.map((a) => a.action)).toEqual(
      expect.arrayContaining(['hardship_file.create', 'hardship_file.view_full', 'hardship_file.view']),
    );
  });

  it('re-checks: income and tier follow, the next is due a year later; overdue files are listed', async () => {
    const { res } = await createFile(tree.grassroots);
    const id = res.json().id;
    env.clock.advance(400 * 86_400_000);
    const overdue = await env.app.inject({
      method: 'GET',
      url: '/api/v1/hardship/files?recheck=overdue',
      headers: await staffAt(tree.county),
    });
    expect(overdue.json().items.map((f: { id: number }) => f.id)).toContain(id);
    const headers = await staffAt(tree.county);
    const done = await env.app.inject({
      method: 'POST',
      url: `/api/v1/hardship/files/${id}/recheck`,
      headers,
      payload: { incomePerPersonFen: 70_000, note: '爱人病情稳定，已复工' },
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({
      tier: 'relative',
      recheckOverdue: false,
      incomePerPersonFen: 70_000,
    });
    expect(done.json().rechecks).toHaveLength(1);
  });

  it('closes a file: the flag goes, the household is watched for a year; closing again is 409', async () => {
    const { res, member } = await createFile(tree.grassroots);
    const id = res.json().id;
    const closed = await env.app.inject({
      method: 'POST',
      url: `/api/v1/hardship/files/${id}/close`,
      headers: county,
      payload: { reason: '子女就业，家庭收入稳定' },
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ state: 'closed', watched: true });
    const [row] = await env.ctx.db.select().from(members).where(eq(members.id, member.id));
    expect(row!.categories).not.toContain('hardship');
    const again = await env.app.inject({
      method: 'POST',
      url: `/api/v1/hardship/files/${id}/close`,
      headers: county,
      payload: { reason: '重复' },
    });
    expect(again.statusCode).toBe(409);
  });

  it('computes tiers from rule sets written as data, the city’s over the province’s', async () => {
    const city = await staffAt(tree.city);
    const put = await env.app.inject({
      method: 'PUT',
      url: '/api/v1/hardship/tier-rules',
      headers: city,
      payload: {
        regionPrefix: '4101',
        rules: [
          { tier: 'deep', maxIncomePerPersonFen: 20_000, causes: [] },
          { tier: 'relative', maxIncomePerPersonFen: 50_000, causes: [] },
        ],
      },
    });
    expect(put.statusCode, put.body).toBe(200);
    const { res } = await createFile(tree.grassroots);
    expect(res.json().tier).toBe('relative');
    const outside = await env.app.inject({
      method: 'PUT',
      url: '/api/v1/hardship/tier-rules',
      headers: city,
      payload: { regionPrefix: '4102', rules: [{ tier: 'deep', maxIncomePerPersonFen: 1, causes: [] }] },
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.details[0].path).toBe('body.regionPrefix');
    const byCounty = await env.app.inject({
      method: 'PUT',
      url: '/api/v1/hardship/tier-rules',
      headers: county,
      payload: { regionPrefix: '4101', rules: [{ tier: 'deep', maxIncomePerPersonFen: 1, causes: [] }] },
    });
    expect(byCounty.statusCode).toBe(403);
    // restore the default for the other tests
    await env.app.inject({
      method: 'PUT',
      url: '/api/v1/hardship/tier-rules',
      headers: city,
      payload: {
        regionPrefix: '4101',
        rules: [
          { tier: 'deep', maxIncomePerPersonFen: 40_000, causes: [] },
          { tier: 'relative', maxIncomePerPersonFen: 80_000, causes: [] },
        ],
      },
    });
  });

  it('keeps evidence files readable by staff in scope', async () => {
    const admin = await staffAt(tree.county);
    const file = await upload(env, admin);
    const { res } = await createFile(tree.grassroots, { attachments: [{ id: file.id }] }, admin);
    expect(res.statusCode, res.body).toBe(201);
    const got = await env.app.inject({
      method: 'GET',
      url: `/api/v1/hardship/files/${res.json().id}/attachments/${file.id}`,
      headers: admin,
    });
    expect(got.statusCode).toBe(200);
  });

  it('passes the access matrix', async () => {
    const inScope = await createFile(tree.grassroots);
    const outside = await createFile(otherGrassroots, {}, await staffAt(tree.otherCounty));
    const ids = new Map([
      [tree.grassroots.id, inScope.res.json().id],
      [otherGrassroots.id, outside.res.json().id],
    ]);
    await expectAccessMatrix(env, {
      method: 'GET',
      url: (t) => `/api/v1/hardship/files/${ids.get(t.id)}`,
      allowedRole: 'viewer',
      deniedRole: 'card_verifier',
      home: tree.county,
      inScope: tree.grassroots,
      outOfScope: otherGrassroots,
    });
    await expectAccessMatrix(env, {
      method: 'POST',
      url: (t) => `/api/v1/hardship/files/${ids.get(t.id)}/full-view`,
      payload: () => ({ reason: '核实' }),
      allowedRole: 'staff',
      deniedRole: 'viewer',
      home: tree.county,
      inScope: tree.grassroots,
      outOfScope: otherGrassroots,
    });
    await expectAccessMatrix(env, {
      method: 'GET',
      url: (t) => `/api/v1/hardship/files?orgId=${t.id}`,
      allowedRole: 'viewer',
      deniedRole: 'card_verifier',
      home: tree.county,
      inScope: tree.grassroots,
      outOfScope: otherGrassroots,
    });
  });
});
