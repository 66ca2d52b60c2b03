import { PassThrough, type Readable } from 'node:stream';
import {
  type AssistanceKind,
  AssistanceKindLabels,
  AssistanceKinds,
  type AssistanceState,
  type BatchResultsBody,
  type CreateBatchBody,
  type ErrorDetail,
  type SetBudgetBody,
} from '@unionhub/contracts';
import { eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { inTransaction } from '../../db/tx.js';
import { pathInScope } from '../../platform/access.js';
import type { StaffActor } from '../../platform/actor.js';
import type { AppContext, RequestMeta } from '../../platform/context.js';
import { AppError, validationError } from '../../platform/errors.js';
import { recordAudit } from '../audit/index.js';
import { members } from '../members/members.schema.js';
import { notifyMemberByPhone } from '../notifications/index.js';
import { getOrgInScope } from '../orgs/index.js';
import { batchNotFound } from './assistance.errors.js';
import * as repo from './assistance.repository.js';
import { assertTransition, paymentTransitions } from './assistance.workflow.js';

export async function getBudget(ctx: AppContext, actor: StaffActor, orgId: number, year: number) {
  const org = await getOrgInScope(ctx.db, actor, orgId, 'query.orgId');
  const { budgets, used } = await repo.budgetLines(ctx.db, orgId, year);
  return {
    org: { id: org.id, name: org.name },
    year,
    lines: AssistanceKinds.map((kind) => {
      const amountFen = budgets.find((b) => b.kind === kind)?.amountFen ?? 0;
      const u = used.find((x) => x.kind === kind);
      const committedFen = u?.committed ?? 0;
      return { kind, amountFen, committedFen, paidFen: u?.paid ?? 0, remainingFen: amountFen - committedFen };
    }),
  };
}

/** Sets a union's budget for a year and kind; the change goes in the ledger as an allocation. */
export async function setBudget(ctx: AppContext, actor: StaffActor, body: SetBudgetBody, meta: RequestMeta) {
  const org = await getOrgInScope(ctx.db, actor, body.orgId, 'body.orgId');
  const now = ctx.clock.now();
  await inTransaction(ctx.db, async (tx) => {
    const before = await repo.lockBudget(tx, org.id, body.year, body.kind);
    const { used } = await repo.budgetLines(tx, org.id, body.year);
    const committed = used.find((u) => u.kind === body.kind)?.committed ?? 0;
    if (body.amountFen < committed)
      throw validationError([
        {
          path: 'body.amountFen',
          message: `预算不能低于已审批金额 ${(committed / 100).toFixed(2)} 元`,
          rule: 'assistance.budget_below_committed',
        },
      ]);
    await repo.upsertBudget(tx, {
      orgId: org.id,
      year: body.year,
      kind: body.kind,
      amountFen: body.amountFen,
      updatedAt: now,
    });
    await repo.insertLedger(tx, {
      orgId: org.id,
      year: body.year,
      kind: body.kind,
      entry: 'allocation',
      amountFen: body.amountFen - (before?.amountFen ?? 0),
      balanceFen: body.amountFen,
      note: body.note?.trim() || (before ? '调整预算' : '下达预算'),
      actorName: actor.displayName,
      createdAt: now,
    });
    await recordAudit(tx, {
      actor,
      action: 'assistance.budget.set',
      orgId: org.id,
      targetType: 'assistance_budget',
      targetId: `${org.id}:${body.year}:${body.kind}`,
      details: { amountFen: body.amountFen, before: before?.amountFen ?? 0 },
      meta,
    });
  });
  return getBudget(ctx, actor, org.id, body.year);
}

export async function getLedger(ctx: AppContext, actor: StaffActor, orgId: number, year: number) {
  await getOrgInScope(ctx.db, actor, orgId, 'query.orgId');
  const rows = await repo.listLedger(ctx.db, orgId, year);
  return {
    items: rows.map((r) => ({
      id: r.id,
      entry: r.entry as 'allocation' | 'payment',
      kind: r.kind as AssistanceKind,
      year: r.year,
      amountFen: r.amountFen,
      balanceFen: r.balanceFen,
      applicationId: r.applicationId,
      batchId: r.batchId,
      note: r.note,
      actorName: r.actorName,
      createdAt: r.createdAt.toISOString(),
    })),
  };
}

/**
 * A payment batch of one union: every application must be approved (or failed before), out of its
 * notice period and paid by that union — otherwise 400 naming each one that is not.
 */
export async function createBatch(
  ctx: AppContext,
  actor: StaffActor,
  body: CreateBatchBody,
  meta: RequestMeta,
) {
  const org = await getOrgInScope(ctx.db, actor, body.orgId, 'body.orgId');
  const now = ctx.clock.now();
  return inTransaction(ctx.db, async (tx) => {
    const rows = await repo.lockApplications(tx, body.applicationIds);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const problems: ErrorDetail[] = [];
    body.applicationIds.forEach((id, i) => {
      const row = byId.get(id);
      const path = `body.applicationIds.${i}`;
      if (!row || row.payingOrgId !== org.id)
        problems.push({ path, message: `第 ${id} 号申请不由本会发放`, rule: 'assistance.paying_union' });
      else if (!paymentTransitions[row.state as AssistanceState].batch)
        problems.push({
          path,
          message: `第 ${id} 号申请尚未审批通过（${row.state}），不能发放`,
          rule: 'assistance.approved',
        });
      else if (row.noticeUntil && row.noticeUntil > now)
        problems.push({ path, message: `第 ${id} 号申请仍在公示期内`, rule: 'assistance.notice_period' });
    });
    if (problems.length)
      throw new AppError('ASSISTANCE_NOT_PAYABLE', problems.map((p) => p.message).join('；'), problems);
    const total = rows.reduce((s, r) => s + (r.amountApprovedFen ?? 0), 0);
    const batchId = await repo.insertBatch(tx, {
      orgId: org.id,
      state: 'open',
      totalFen: total,
      count: rows.length,
      createdBy: actor.displayName,
      createdAt: now,
    });
    for (const row of rows) {
      const to = assertTransition(paymentTransitions, row.state as AssistanceState, 'batch');
      await repo.updateApplication(tx, row.id, { state: to, batchId, failReason: null, updatedAt: now });
      await repo.insertEvent(tx, {
        applicationId: row.id,
        action: 'batch',
        orgId: org.id,
        actorType: 'staff',
        actorId: actor.id,
        actorName: actor.displayName,
        amountFen: row.amountApprovedFen,
        comment: `列入第 ${batchId} 批发放`,
        createdAt: now,
      });
    }
    await recordAudit(tx, {
      actor,
      action: 'assistance.batch.create',
      orgId: org.id,
      targetType: 'assistance_batch',
      targetId: batchId,
      details: { applicationIds: body.applicationIds },
      meta,
    });
    return batchId;
  });
}

export async function getBatchInScope(ctx: AppContext, actor: StaffActor, id: number) {
  const found = await repo.findBatch(ctx.db, id);
  if (!found || !pathInScope(actor, found.orgPath)) throw batchNotFound(id);
  const items = await repo.listApplications(ctx.db, { batchId: id }, { pageSize: 200 });
  return { ...found, items: items.items };
}

/** Each payee paid or failed (with the bank's reason); paid ones enter the ledger and the member is told. */
export async function recordResults(
  ctx: AppContext,
  actor: StaffActor,
  id: number,
  body: BatchResultsBody,
  meta: RequestMeta,
) {
  const batch = await getBatchInScope(ctx, actor, id);
  const now = ctx.clock.now();
  await inTransaction(ctx.db, async (tx) => {
    const rows = await repo.lockApplications(
      tx,
      body.results.map((r) => r.applicationId),
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    const problems: ErrorDetail[] = [];
    body.results.forEach((r, i) => {
      const row = byId.get(r.applicationId);
      if (!row || row.batchId !== id)
        problems.push({
          path: `body.results.${i}.applicationId`,
          message: `第 ${r.applicationId} 号申请不在本批次`,
        });
      else if (row.state !== 'in_batch')
        problems.push({
          path: `body.results.${i}.applicationId`,
          message: `第 ${r.applicationId} 号申请已登记结果`,
        });
      if (!r.paid && !r.reason?.trim())
        problems.push({
          path: `body.results.${i}.reason`,
          message: '发放失败须说明原因',
          rule: 'assistance.fail_reason',
        });
    });
    if (problems.length) throw validationError(problems);
    const phones = await tx
      .select({ id: members.id, phoneHash: members.phoneHash })
      .from(members)
      .where(
        inArray(
          members.id,
          rows.map((r) => r.memberId),
        ),
      );
    for (const r of body.results) {
      const row = byId.get(r.applicationId)!;
      const to = assertTransition(paymentTransitions, row.state as AssistanceState, r.paid ? 'pay' : 'fail');
      await repo.updateApplication(tx, row.id, {
        state: to,
        paidAt: r.paid ? now : null,
        failReason: r.paid ? null : r.reason!.trim(),
        updatedAt: now,
      });
      await repo.insertEvent(tx, {
        applicationId: row.id,
        action: r.paid ? 'pay' : 'fail',
        orgId: batch.batch.orgId,
        actorType: 'staff',
        actorId: actor.id,
        actorName: actor.displayName,
        amountFen: row.amountApprovedFen,
        comment: r.paid ? null : r.reason!.trim(),
        createdAt: now,
      });
      if (r.paid)
        await repo.insertLedger(tx, {
          orgId: batch.batch.orgId,
          year: row.year,
          kind: row.kind,
          entry: 'payment',
          amountFen: row.amountApprovedFen!,
          applicationId: row.id,
          batchId: id,
          note: `第 ${id} 批发放`,
          actorName: actor.displayName,
          createdAt: now,
        });
      const phone = phones.find((p) => p.id === row.memberId)!.phoneHash;
      const kind = AssistanceKindLabels[row.kind as AssistanceKind];
      await notifyMemberByPhone(
        tx,
        phone,
        r.paid
          ? {
              topic: 'service_request',
              kind: 'assistance.paid',
              title: '帮扶资金已发放',
              body: `您的${kind} ${(row.amountApprovedFen! / 100).toFixed(2)} 元已发放到您的银行卡，请注意查收。`,
              link: `/m/assistance/${row.id}`,
            }
          : {
              topic: 'service_request',
              kind: 'assistance.failed',
              title: '帮扶资金发放未成功',
              body: `您的${kind}发放未成功：${r.reason!.trim()}。工会将与您联系核对银行卡信息。`,
              link: `/m/assistance/${row.id}`,
            },
        now,
      );
    }
    const remaining = (await repo.listApplications(tx, { batchId: id }, { state: 'in_batch', pageSize: 1 }))
      .total;
    if (remaining === 0) await repo.updateBatch(tx, id, { state: 'done' });
    await recordAudit(tx, {
      actor,
      action: 'assistance.batch.results',
      orgId: batch.batch.orgId,
      targetType: 'assistance_batch',
      targetId: id,
      details: { results: body.results },
      meta,
    });
  });
}

/** The list for the bank: payee, bank, the full account number (decrypted here only), amount. Audited. */
export async function exportBankList(
  ctx: AppContext,
  actor: StaffActor,
  id: number,
  meta: RequestMeta,
): Promise<{ stream: Readable; filename: string }> {
  const batch = await getBatchInScope(ctx, actor, id);
  const now = ctx.clock.now();
  const encs = await ctx.db
    .select()
    .from(repo.applicationsTable)
    .where(eq(repo.applicationsTable.batchId, id));
  const accounts = new Map(encs.map((a) => [a.id, ctx.pii.open(a.bankAccountEnc)]));
  await inTransaction(ctx.db, async (tx) => {
    if (batch.batch.state === 'open') await repo.updateBatch(tx, id, { state: 'exported', exportedAt: now });
    await recordAudit(tx, {
      actor,
      action: 'assistance.batch.export',
      orgId: batch.batch.orgId,
      targetType: 'assistance_batch',
      targetId: id,
      details: { count: batch.items.length },
      meta,
    });
  });
  const out = new PassThrough();
  const write = async () => {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: out,
      useStyles: true,
      useSharedStrings: false,
    });
    const sheet = workbook.addWorksheet('发放清单');
    sheet.columns = [
      { width: 10 },
      { width: 12 },
      { width: 24 },
      { width: 26 },
      { width: 14 },
      { width: 14 },
      { width: 12 },
    ];
    sheet.addRow([`${batch.orgName} 帮扶资金发放清单 第 ${id} 批`]).commit();
    const header = sheet.addRow([
      '申请编号',
      '收款人',
      '开户银行',
      '银行账号',
      '金额(元)',
      '帮扶类别',
      '备注',
    ]);
    header.font = { bold: true };
    header.commit();
    for (const a of batch.items)
      sheet
        .addRow([
          a.id,
          a.memberName,
          a.bankName,
          accounts.get(a.id) ?? '',
          (a.amountApprovedFen ?? 0) / 100,
          AssistanceKindLabels[a.kind as AssistanceKind],
          '',
        ])
        .commit();
    const total = sheet.addRow([
      '合计',
      '',
      '',
      '',
      batch.batch.totalFen / 100,
      `${batch.batch.count} 人`,
      '',
    ]);
    total.font = { bold: true };
    total.commit();
    sheet.commit();
    await workbook.commit();
  };
  write().catch((err: unknown) => {
    ctx.log.error({ err }, 'bank list export failed');
    out.destroy(err as Error);
  });
  return { stream: out, filename: `assistance-batch-${id}.xlsx` };
}
