import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectAccessMatrix } from '../../test/access-matrix.js';
import {
  bearer,
  buildOrg,
  buildOrgTree,
  buildStaffUser,
  tokenFor,
  validIdNumber,
} from '../../test/factories.js';
import { createTestEnv, type TestEnv } from '../../test/harness.js';
import { memberWithAccount, upload } from '../../test/service-hall.js';
import { auditLog } from '../audit/index.js';
import { notifications } from '../notifications/index.js';
import type { OrgRow } from '../orgs/index.js';

let env: TestEnv;
let tree: Awaited<ReturnType<typeof buildOrgTree>>;
let otherGrassroots: OrgRow;
let grassroots: Record<string, string>;
let county: Record<string, string>;
type Member = Awaited<ReturnType<typeof memberWithAccount>>;

const staffAt = async (org: OrgRow, role: 'org_admin' | 'staff' | 'viewer' = 'staff') =>
  bearer(await tokenFor(env, await buildStaffUser(env, { org, roles: [role] })));

async function apply(member: Member, overrides: Record<string, unknown> = {}) {
  const file = await upload(env, member.headers);
  return env.app.inject({
    method: 'POST',
    url: '/api/v1/me/assistance',
    headers: member.headers,
    payload: {
      kind: 'medical',
      amountRequestedFen: 300_000,
      reason: '爱人住院做手术，医药费负担重',
      household: [
        {
          name: member.name,
          relationship: 'self',
          idNumber: member.idNumber,
          health: 'healthy',
          jobStatus: 'employed',
        },
        {
          name: '王秀英',
          relationship: 'spouse',
          idNumber: validIdNumber({ gender: 'female' }),
          health: 'serious',
          jobStatus: 'unemployed',
        },
      ],
      incomePerPersonFen: 60_000,
      causes: ['illness'],
      bankName: '中国工商银行郑州金水支行',
      bankAccount: '6222021702001234567',
      attachments: [{ id: file.id }],
      ...overrides,
    },
  });
}

async function applied(member?: Member, overrides: Record<string, unknown> = {}) {
  const m = member ?? (await memberWithAccount(env, tree.grassroots, { name: '刘春梅' }));
  const res = await apply(m, overrides);
  expect(res.statusCode, res.body).toBe(201);
  return { id: res.json().id as number, member: m };
}

const act = (
  id: number,
  action: string,
  headers: Record<string, string>,
  payload: Record<string, unknown> = {},
) =>
  env.app.inject({
    method: 'POST',
    url: `/api/v1/assistance/applications/${id}/${action}`,
    headers,
    payload,
  });

async function setBudget(org: OrgRow, kind: string, amountFen: number, headers?: Record<string, string>) {
  const res = await env.app.inject({
    method: 'PUT',
    url: '/api/v1/assistance/budgets',
    headers: headers ?? (await staffAt(org)),
    payload: { orgId: org.id, year: 2026, kind, amountFen },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

beforeAll(async () => {
  env = await createTestEnv();
  env.clock.set(new Date('2026-03-02T02:00:00Z'));
  tree = await buildOrgTree(env);
  otherGrassroots = await buildOrg(env, {
    parent: tree.otherCounty,
    name: '开封龙亭纺织厂工会',
    regionCode: '410202',
  });
  await setBudget(tree.county, 'medical', 1_000_000);
  await setBudget(tree.county, 'education', 1_000_000);
});
beforeEach(async () => {
  grassroots = await staffAt(tree.grassroots);
  county = await staffAt(tree.county);
});
afterAll(async () => env?.close());

describe('applying and reviewing', () => {
  it('files a medical application reviewed by grassroots then county, with a draft household file', async () => {
    const { id } = await applied();
    const res = await env.app.inject({
      method: 'GET',
      url: `/api/v1/assistance/applications/${id}`,
      headers: county,
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      state: 'reviewing',
      kind: 'medical',
      currentLevel: 'grassroots',
      currentOrg: { id: tree.grassroots.id },
      payingOrg: { id: tree.county.id },
      bankAccountMasked: '6222 **** **** 4567',
      allowedActions: [],
    });
    expect(body.steps.map((s: { level: string; state: string }) => `${s.level}:${s.state}`)).toEqual([
      'grassroots:current',
      'county:waiting',
    ]);
    expect(body.household[1].idMasked).toContain('*');
    expect(JSON.stringify(body)).not.toContain('6222021702001234567');
    expect(body.attachments).toHaveLength(1);
  });

  it('goes up level by level; the county approving first is 409 naming the current level', async () => {
    const { id, member } = await applied();
    const early = await act(id, 'approve', county);
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toMatchObject({
      code: 'ASSISTANCE_WRONG_LEVEL',
      meta: { currentLevel: 'grassroots', currentOrgId: tree.grassroots.id },
    });
    const first = await act(id, 'approve', grassroots, { amountApprovedFen: 250_000, comment: '情况属实' });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({
      state: 'reviewing',
      currentLevel: 'county',
      amountApprovedFen: 250_000,
    });
    const wrongLevel = await act(id, 'approve', county, { level: 'city' });
    expect(wrongLevel.statusCode).toBe(409);
    const tooMuch = await act(id, 'approve', county, { amountApprovedFen: 400_000 });
    expect(tooMuch.statusCode).toBe(400);
    expect(tooMuch.json().error.details[0].path).toBe('body.amountApprovedFen');
    const second = await act(id, 'approve', county, { level: 'county' });
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json()).toMatchObject({ state: 'approved', amountApprovedFen: 250_000, payable: true });
    const again = await act(id, 'approve', county);
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({
      code: 'ASSISTANCE_BAD_TRANSITION',
      meta: { state: 'approved', allowed: [] },
    });
    const mine = await env.app.inject({
      method: 'GET',
      url: `/api/v1/me/assistance/${id}`,
      headers: member.headers,
    });
    expect(mine.json().steps.map((s: { state: string }) => s.state)).toEqual(['approved', 'approved']);
    const notes = await env.ctx.db
      .select()
      .from(notifications)
      .where(eq(notifications.kind, 'assistance.approve'));
    expect(notes.length).toBeGreaterThan(0);
  });

  it('adds the city above 5,000 元 by the default configuration', async () => {
    const { id } = await applied(undefined, { amountRequestedFen: 800_000 });
    const res = await env.app.inject({
      method: 'GET',
      url: `/api/v1/assistance/applications/${id}`,
      headers: county,
    });
    expect(res.json().steps.map((s: { level: string }) => s.level)).toEqual(['grassroots', 'county', 'city']);
    expect(res.json().payingOrg.id).toBe(tree.city.id);
  });

  it('returns for more information (reason required), the member resubmits to the same level', async () => {
    const { id, member } = await applied();
    const noReason = await act(id, 'return', grassroots);
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details[0].path).toBe('body.comment');
    const returned = await act(id, 'return', grassroots, { comment: '请补充住院费用清单' });
    expect(returned.json().state).toBe('returned');
    const resubmitted = await env.app.inject({
      method: 'POST',
      url: `/api/v1/me/assistance/${id}/resubmit`,
      headers: member.headers,
      payload: { comment: '已补充' },
    });
    expect(resubmitted.statusCode, resubmitted.body).toBe(200);
    expect(resubmitted.json()).toMatchObject({ state: 'reviewing', currentLevel: 'grassroots' });
    const rejected = await act(id, 'reject', grassroots, { comment: '家庭收入超过认定标准' });
    expect(rejected.json().state).toBe('rejected');
    const resubmitAgain = await env.app.inject({
      method: 'POST',
      url: `/api/v1/me/assistance/${id}/resubmit`,
      headers: member.headers,
      payload: {},
    });
    expect(resubmitAgain.statusCode).toBe(409);
  });

  it('enforces the yearly limit per household and kind: 409 naming the limit and what remains', async () => {
    const member = await memberWithAccount(env, tree.grassroots, { name: '赵德胜' });
    await applied(member, { kind: 'daily_living', amountRequestedFen: 300_000 });
    const over = await apply(member, { kind: 'daily_living', amountRequestedFen: 300_000 });
    expect(over.statusCode).toBe(409);
    expect(over.json().error).toMatchObject({
      code: 'ASSISTANCE_LIMIT_EXCEEDED',
      meta: { limitFen: 500_000, remainingFen: 200_000 },
    });
  });

  it('refuses an approval over the paying union’s remaining budget: 409 naming budget and remaining', async () => {
    await setBudget(tree.county, 'emergency', 100_000);
    const { id } = await applied(undefined, { kind: 'emergency', amountRequestedFen: 200_000 });
    await act(id, 'approve', grassroots);
    const res = await act(id, 'approve', county);
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'ASSISTANCE_BUDGET_EXCEEDED',
      meta: { orgId: tree.county.id, budgetFen: 100_000, remainingFen: 100_000 },
    });
    const within = await act(id, 'approve', county, { amountApprovedFen: 100_000 });
    expect(within.statusCode, within.body).toBe(200);
    const budget = await env.app.inject({
      method: 'GET',
      url: `/api/v1/assistance/budgets?orgId=${tree.county.id}&year=2026`,
      headers: county,
    });
    expect(budget.json().lines.find((l: { kind: string }) => l.kind === 'emergency')).toMatchObject({
      amountFen: 100_000,
      remainingFen: 0,
    });
  });

  it('staff file on a member’s behalf', async () => {
    const member = await memberWithAccount(env, tree.grassroots, { name: '孙卫东' });
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/v1/assistance/applications',
      headers: grassroots,
      payload: {
        memberId: member.id,
        kind: 'daily_living',
        amountRequestedFen: 100_000,
        reason: '家中遭水灾',
        household: [
          {
            name: member.name,
            relationship: 'self',
            idNumber: member.idNumber,
            health: 'healthy',
            jobStatus: 'employed',
          },
        ],
        incomePerPersonFen: 30_000,
        causes: ['disaster'],
        bankName: '郑州银行',
        bankAccount: '6231000011112222',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().allowedActions).toEqual(['approve', 'return', 'reject']);
    const mine = await env.app.inject({
      method: 'GET',
      url: '/api/v1/me/assistance',
      headers: member.headers,
    });
    expect(mine.json().items.map((a: { id: number }) => a.id)).toContain(res.json().id);
  });
});

describe('notice and payment', () => {
  it('lists 金秋助学 on the notice for five days before it may be paid', async () => {
    const { id, member } = await applied(undefined, {
      kind: 'education',
      amountRequestedFen: 200_000,
      causes: ['schooling'],
    });
    await act(id, 'approve', grassroots);
    const approved = await act(id, 'approve', county);
    expect(approved.json()).toMatchObject({ state: 'approved', payable: false });
    const notices = await env.app.inject({
      method: 'GET',
      url: '/api/v1/me/assistance/notices',
      headers: member.headers,
    });
    expect(notices.json().items.find((n: { id: number }) => n.id === id)).toMatchObject({
      maskedName: '刘**',
      amountFen: 200_000,
    });
    const early = await env.app.inject({
      method: 'POST',
      url: '/api/v1/assistance/batches',
      headers: county,
      payload: { orgId: tree.county.id, applicationIds: [id] },
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.details[0]).toMatchObject({
      path: 'body.applicationIds.0',
      rule: 'assistance.notice_period',
    });
  });

  it('pays a batch: unapproved ones are 400 by name; the bank list is audited; the member sees paid', async () => {
    const { id, member } = await applied();
    const pending = await applied();
    await act(id, 'approve', grassroots);
    await act(id, 'approve', county);
    const bad = await env.app.inject({
      method: 'POST',
      url: '/api/v1/assistance/batches',
      headers: county,
      payload: { orgId: tree.county.id, applicationIds: [id, pending.id] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'ASSISTANCE_NOT_PAYABLE' });
    expect(bad.json().error.details).toEqual([
      expect.objectContaining({ path: 'body.applicationIds.1', rule: 'assistance.approved' }),
    ]);
    const payable = await env.app.inject({
      method: 'GET',
      url: '/api/v1/assistance/applications?payable=true',
      headers: county,
    });
    expect(payable.json().items.map((a: { id: number }) => a.id)).toContain(id);
    const created = await env.app.inject({
      method: 'POST',
      url: '/api/v1/assistance/batches',
      headers: county,
      payload: { orgId: tree.county.id, applicationIds: [id] },
    });
    expect(created.statusCode, created.body).toBe(201);
    const batch = created.json();
    expect(batch).toMatchObject({ state: 'open', count: 1, totalFen: 300_000 });
    const bank = await env.app.inject({
      method: 'GET',
      url: `/api/v1/assistance/batches/${batch.id}/bank.xlsx`,
      headers: county,
    });
    expect(bank.statusCode).toBe(200);
    expect(bank.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const audits = await env.ctx.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'assistance.batch.export'));
    expect(audits.length).toBeGreaterThan(0);
    const noReason = await env.app.inject({
      method: 'POST',
      url: `/api/v1/assistance/batches/${batch.id}/results`,
      headers: county,
      payload: { results: [{ applicationId: id, paid: false }] },
    });
    expect(noReason.statusCode).toBe(400);
    const done = await env.app.inject({
      method: 'POST',
      url: `/api/v1/assistance/batches/${batch.id}/results`,
      headers: county,
      payload: { results: [{ applicationId: id, paid: true }] },
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ state: 'done', items: [{ applicationId: id, state: 'paid' }] });
    const mine = await env.app.inject({
      method: 'GET',
      url: `/api/v1/me/assistance/${id}`,
      headers: member.headers,
    });
    expect(mine.json()).toMatchObject({ state: 'paid' });
    const ledger = await env.app.inject({
      method: 'GET',
      url: `/api/v1/assistance/ledger?orgId=${tree.county.id}&year=2026`,
      headers: county,
    });
    expect(ledger.json().items[0]).toMatchObject({ entry: 'payment', amountFen: 300_000, applicationId: id });
  });

  it('records a failed payment with its reason; it may go into another batch', async () => {
    const { id } = await applied();
    await act(id, 'approve', grassroots);
    await act(id, 'approve', county);
    const batch = (
      await env.app.inject({
        method: 'POST',
        url: '/api/v1/assistance/batches',
        headers: county,
        payload: { orgId: tree.county.id, applicationIds: [id] },
      })
    ).json();
    const failed = await env.app.inject({
      method: 'POST',
      url: `/api/v1/assistance/batches/${batch.id}/results`,
      headers: county,
      payload: { results: [{ applicationId: id, paid: false, reason: '账号户名不符' }] },
    });
    expect(failed.json().items[0]).toMatchObject({ state: 'failed', failReason: '账号户名不符' });
    const again = await env.app.inject({
      method: 'POST',
      url: '/api/v1/assistance/batches',
      headers: county,
      payload: { orgId: tree.county.id, applicationIds: [id] },
    });
    expect(again.statusCode, again.body).toBe(201);
  });
});

describe('statistics and access', () => {
  it('counts households, assistance by kind, review times and budget use', async () => {
    const res = await env.app.inject({
      method: 'GET',
      url: `/api/v1/assistance/stats?orgId=${tree.county.id}&from=2026-01-01&to=2026-12-31`,
      headers: county,
    });
    expect(res.statusCode, res.body).toBe(200);
    const stats = res.json();
    expect(stats.byKind.find((k: { kind: string }) => k.kind === 'medical').count).toBeGreaterThan(2);
    expect(stats.byKind.find((k: { kind: string }) => k.kind === 'medical').paidFen).toBe(300_000);
    expect(stats.reviewHours.map((r: { level: string }) => r.level).sort()).toEqual(['county', 'grassroots']);
    expect(stats.budgets.find((b: { org: { id: number } }) => b.org.id === tree.county.id)).toBeTruthy();
    expect(stats.households.open).toBeGreaterThan(0);
    const xlsx = await env.app.inject({
      method: 'GET',
      url: `/api/v1/assistance/stats.xlsx?orgId=${tree.county.id}&from=2026-01-01&to=2026-12-31`,
      headers: county,
    });
    expect(xlsx.statusCode).toBe(200);
    const bad = await env.app.inject({
      method: 'GET',
      url: `/api/v1/assistance/stats?orgId=${tree.county.id}&from=2026-12-31&to=2026-01-01`,
      headers: county,
    });
    expect(bad.statusCode).toBe(400);
  });

  it('passes the access matrix', async () => {
    const inScope = await applied();
    const other = await memberWithAccount(env, otherGrassroots, { name: '周建华' });
    const outside = await applied(other);
    const ids = new Map([
      [tree.grassroots.id, inScope.id],
      [otherGrassroots.id, outside.id],
    ]);
    await expectAccessMatrix(env, {
      method: 'GET',
      url: (t) => `/api/v1/assistance/applications/${ids.get(t.id)}`,
      allowedRole: 'viewer',
      deniedRole: 'card_verifier',
      home: tree.county,
      inScope: tree.grassroots,
      outOfScope: otherGrassroots,
    });
    await expectAccessMatrix(env, {
      method: 'POST',
      url: (t) => `/api/v1/assistance/applications/${ids.get(t.id)}/return`,
      payload: () => ({ comment: '请补充材料' }),
      allowedRole: 'staff',
      deniedRole: 'viewer',
      home: tree.grassroots,
      inScope: tree.grassroots,
      outOfScope: otherGrassroots,
    });
    await expectAccessMatrix(env, {
      method: 'GET',
      url: (t) => `/api/v1/assistance/budgets?orgId=${t.id}&year=2026`,
      allowedRole: 'viewer',
      deniedRole: 'card_verifier',
      home: tree.county,
      inScope: tree.grassroots,
      outOfScope: otherGrassroots,
    });
    await expectAccessMatrix(env, {
      method: 'GET',
      url: (t) => `/api/v1/assistance/stats?orgId=${t.id}&from=2026-01-01&to=2026-12-31`,
      allowedRole: 'viewer',
      deniedRole: 'card_verifier',
      home: tree.county,
      inScope: tree.grassroots,
      outOfScope: otherGrassroots,
    });
  });

  it('takes the review path from a union’s configuration (data), checked for order', async () => {
    const city = await staffAt(tree.city);
    const bad = await env.app.inject({
      method: 'PUT',
      url: '/api/v1/assistance/configs',
      headers: city,
      payload: {
        orgId: tree.city.id,
        kind: 'emergency',
        levels: [{ level: 'county' }, { level: 'grassroots' }],
        yearlyLimitFen: 100_000,
        noticeDays: 0,
        payingLevel: null,
        reviewDays: 2,
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('body.levels.1.level');
    const put = await env.app.inject({
      method: 'PUT',
      url: '/api/v1/assistance/configs',
      headers: city,
      payload: {
        orgId: tree.city.id,
        kind: 'emergency',
        levels: [{ level: 'county' }, { level: 'city', aboveFen: 50_000 }],
        yearlyLimitFen: 300_000,
        noticeDays: 3,
        payingLevel: 'city',
        reviewDays: 2,
      },
    });
    expect(put.statusCode, put.body).toBe(200);
    const seen = await env.app.inject({
      method: 'GET',
      url: `/api/v1/assistance/configs?orgId=${tree.grassroots.id}`,
      headers: county,
    });
    expect(seen.json().items.find((c: { kind: string }) => c.kind === 'emergency')).toMatchObject({
      source: { id: tree.city.id },
      noticeDays: 3,
    });
    const { id } = await applied(undefined, { kind: 'emergency', amountRequestedFen: 80_000 });
    const app = await env.app.inject({
      method: 'GET',
      url: `/api/v1/assistance/applications/${id}`,
      headers: county,
    });
    expect(app.json().steps.map((s: { level: string }) => s.level)).toEqual(['county', 'city']);
    expect(app.json().payingOrg.id).toBe(tree.city.id);
    const notes = await env.ctx.db
      .select()
      .from(notifications)
      .where(eq(notifications.kind, 'assistance.level_approved'));
    expect(notes.length).toBeGreaterThan(0);
  });

  it('keeps a member out of another member’s application', async () => {
    const { id } = await applied();
    const stranger = await memberWithAccount(env, tree.grassroots, { name: '陈小燕' });
    const res = await env.app.inject({
      method: 'GET',
      url: `/api/v1/me/assistance/${id}`,
      headers: stranger.headers,
    });
    expect(res.statusCode).toBe(404);
  });
});
