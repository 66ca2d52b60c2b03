import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { expectAccessMatrix } from '../../test/access-matrix.js';
import { memberWithAccount } from '../../test/service-hall.js';
import { auditLog } from '../audit/index.js';
import { notifications } from '../notifications/index.js';
import {
  act,
  applied,
  county,
  env,
  grassroots,
  otherGrassroots,
  staffAt,
  tree,
  useAssistanceEnv,
} from './assistance.test-setup.js';

useAssistanceEnv();

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
