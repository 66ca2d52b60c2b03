import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { memberWithAccount } from '../../test/service-hall.js';
import { notifications } from '../notifications/index.js';
import {
  act,
  applied,
  apply,
  county,
  env,
  grassroots,
  setBudget,
  tree,
  useAssistanceEnv,
} from './assistance.test-setup.js';

useAssistanceEnv();

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

  it('tells the reviewer when the household left hardship less than a year ago (still watched)', async () => {
    const member = await memberWithAccount(env, tree.grassroots, { name: '郭振华' });
    const opened = await env.app.inject({
      method: 'POST',
      url: '/api/v1/hardship/files',
      headers: county,
      payload: {
        memberId: member.id,
        household: [
          {
            name: member.name,
            relationship: 'self',
            idNumber: member.idNumber,
            health: 'chronic',
            jobStatus: 'employed',
          },
        ],
        incomePerPersonFen: 35_000,
        causes: ['illness'],
      },
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const fileId = opened.json().id;
    const closed = await env.app.inject({
      method: 'POST',
      url: `/api/v1/hardship/files/${fileId}/close`,
      headers: county,
      payload: { reason: '病情好转，已稳定就业' },
    });
    expect(closed.statusCode, closed.body).toBe(200);
    const { id } = await applied(member);
    const detail = await env.app.inject({
      method: 'GET',
      url: `/api/v1/assistance/applications/${id}`,
      headers: grassroots,
    });
    expect(detail.json().watchedFile).toEqual({
      id: fileId,
      closedOn: '2026-03-02',
      watchUntil: '2027-03-02',
    });
    const other = await applied();
    const plain = await env.app.inject({
      method: 'GET',
      url: `/api/v1/assistance/applications/${other.id}`,
      headers: grassroots,
    });
    expect(plain.json().watchedFile).toBeNull();
  });
});
