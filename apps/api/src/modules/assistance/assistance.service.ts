import type {
  AssistanceKind,
  AssistanceState,
  MemberApplyBody,
  ResubmitAssistanceBody,
  ReviewAction,
  ReviewBody,
} from '@unionhub/contracts';
import { AssistanceKindLabels } from '@unionhub/contracts';
import type { Db } from '../../db/client.js';
import { inTransaction } from '../../db/tx.js';
import { pathInScope } from '../../platform/access.js';
import type { MemberActor, StaffActor } from '../../platform/actor.js';
import { workingDaysDeadline } from '../../platform/calendar.js';
import type { AppContext, RequestMeta } from '../../platform/context.js';
import { validationError } from '../../platform/errors.js';
import { claimAttachments } from '../attachments/index.js';
import { recordAudit } from '../audit/index.js';
import { openFileFromApproval, saveDraftFromApplication } from '../hardship/index.js';
import { getMemberInScope, type MemberWithOrg } from '../members/index.js';
import { notifyMemberByPhone, notifyOrgStaff } from '../notifications/index.js';
import { findOrgById, listAncestorsOf } from '../orgs/index.js';
import { getMyMembership } from '../services/index.js';
import { configFor, payingOrgOf, reviewSteps } from './assistance.config.js';
import {
  applicationNotFound,
  budgetExceeded,
  commentRequired,
  limitExceeded,
  wrongLevel,
} from './assistance.errors.js';
import * as repo from './assistance.repository.js';
import {
  assertTransition,
  COMMENT_REQUIRED,
  memberTransitions,
  reviewTransitions,
} from './assistance.workflow.js';

export const OWNER = 'assistance_application';
const yuan = (fen: number) => `${(fen / 100).toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 元`;
export const maskAccount = (a: string) => `${a.slice(0, 4)} **** **** ${a.slice(-4)}`;
const yearOf = (at: Date) => Number(new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 4));

type Applicant = { type: 'member'; actor: MemberActor } | { type: 'staff'; actor: StaffActor };

/**
 * An application for a household: the file is created or updated as a draft from the details told,
 * the review path fixed from the kind's configuration and the amount, the yearly limit checked,
 * and the first level's union told — one transaction.
 */
async function fileApplication(
  ctx: AppContext,
  who: Applicant,
  member: MemberWithOrg,
  body: MemberApplyBody,
  meta: RequestMeta,
) {
  const path = await listAncestorsOf(ctx.db, member.orgPath);
  const config = await configFor(ctx.db, path, body.kind);
  const steps = reviewSteps(config, path, body.amountRequestedFen);
  const now = ctx.clock.now();
  const year = yearOf(now);
  const first = steps[0]!;
  const dueAt = workingDaysDeadline(now, config.reviewDays);
  return inTransaction(ctx.db, async (tx) => {
    const fileId = await saveDraftFromApplication(ctx, tx, member, body, now);
    const used = await repo.usedThisYear(tx, fileId, body.kind, year);
    if (used + body.amountRequestedFen > config.yearlyLimitFen)
      throw limitExceeded('body.amountRequestedFen', body.kind, config.yearlyLimitFen, used);
    const id = await repo.insertApplication(tx, {
      provinceCode: member.provinceCode,
      fileId,
      memberId: member.id,
      accountId: who.type === 'member' ? who.actor.id : null,
      orgId: member.orgId,
      kind: body.kind,
      year,
      state: 'reviewing',
      amountRequestedFen: body.amountRequestedFen,
      reason: body.reason.trim(),
      steps,
      stepIndex: 0,
      currentOrgId: first.orgId,
      payingOrgId: payingOrgOf(config, path, steps),
      noticeDays: config.noticeDays,
      bankName: body.bankName.trim(),
      bankAccountEnc: ctx.pii.seal(body.bankAccount),
      bankAccountMasked: maskAccount(body.bankAccount),
      submittedAt: now,
      levelStartedAt: now,
      dueAt,
      createdAt: now,
      updatedAt: now,
    });
    if (body.attachments?.length)
      await claimAttachments(
        tx,
        who.actor,
        body.attachments,
        { type: OWNER, id },
        { path: 'body.attachments' },
      );
    await repo.insertEvent(tx, {
      applicationId: id,
      action: 'submit',
      orgId: member.orgId,
      actorType: who.type,
      actorId: who.actor.id,
      actorName: who.type === 'member' ? member.name : who.actor.displayName,
      amountFen: body.amountRequestedFen,
      createdAt: now,
    });
    await notifyOrgStaff(
      tx,
      first.orgId,
      'assistance.manage',
      {
        topic: 'service_request',
        kind: 'assistance.submitted',
        title: '新的帮扶申请待审核',
        body: `${member.name}申请${AssistanceKindLabels[body.kind]} ${yuan(body.amountRequestedFen)}（第 ${id} 号），请及时审核。`,
        link: `/admin/assistance/applications/${id}`,
      },
      now,
    );
    await recordAudit(tx, {
      actor: who.actor,
      action: 'assistance.submit',
      orgId: member.orgId,
      targetType: OWNER,
      targetId: id,
      meta,
    });
    return id;
  });
}

export async function memberApply(
  ctx: AppContext,
  actor: MemberActor,
  body: MemberApplyBody,
  meta: RequestMeta,
) {
  const member = await getMyMembership(ctx, actor);
  return fileApplication(ctx, { type: 'member', actor }, member, body, meta);
}

export async function staffApply(
  ctx: AppContext,
  actor: StaffActor,
  body: MemberApplyBody & { memberId: number },
  meta: RequestMeta,
) {
  const { memberId, ...rest } = body;
  const member = await getMemberInScope(ctx.db, actor, memberId);
  return fileApplication(ctx, { type: 'staff', actor }, member, rest, meta);
}

/** The application when the member's union lies in the caller's subtree; else 404. */
export async function getApplicationInScope(db: Db, actor: StaffActor, id: number) {
  const row = await repo.findView(db, id);
  if (!row || !pathInScope(actor, row.memberOrgPath)) throw applicationNotFound(id);
  return row;
}

/** The member's own application (filed by them or for them); anyone else's → 404. */
export async function getMyApplication(ctx: AppContext, actor: MemberActor, id: number) {
  const member = await getMyMembership(ctx, actor).catch(() => null);
  const row = await repo.findView(ctx.db, id);
  if (!row || (row.accountId !== actor.id && row.memberId !== member?.id)) throw applicationNotFound(id);
  return row;
}

/** What a staff caller may do: the review actions when their union is the one reviewing now. */
export function staffActionsOf(actor: StaffActor, row: repo.ApplicationRow): string[] {
  if (!actor.permissions.has('assistance.manage') || row.currentOrgId !== actor.orgId) return [];
  return Object.keys(reviewTransitions[row.state as AssistanceState]);
}

const NOTICE: Record<ReviewAction, (kind: string, amount: string) => { title: string; body: string }> = {
  approve: (kind, amount) => ({
    title: '帮扶申请已审批通过',
    body: `您的${kind}申请已审批通过，核定金额 ${amount}。`,
  }),
  return: (kind) => ({
    title: '帮扶申请需要补充材料',
    body: `您的${kind}申请被退回补充，请查看审核意见后重新提交。`,
  }),
  reject: (kind) => ({ title: '帮扶申请未通过', body: `您的${kind}申请未通过审核，原因请查看审核意见。` }),
};

/**
 * A level decides. Only the union reviewing now may (409 naming the current level otherwise);
 * the approved amount may not exceed the amount requested (400); the last approval must fit the
 * household's yearly limit and the paying union's remaining budget (409 naming them).
 */
export async function review(
  ctx: AppContext,
  actor: StaffActor,
  id: number,
  action: ReviewAction,
  body: ReviewBody,
  meta: RequestMeta,
) {
  const view = await getApplicationInScope(ctx.db, actor, id);
  const comment = body.comment?.trim() || null;
  if (COMMENT_REQUIRED.has(action) && !comment) throw commentRequired(action);
  const now = ctx.clock.now();
  const path = await listAncestorsOf(ctx.db, view.memberOrgPath);
  const config = await configFor(ctx.db, path, view.kind as AssistanceKind);
  const payingOrg = view.payingOrgId ? await findOrgById(ctx.db, view.payingOrgId) : null;
  await inTransaction(ctx.db, async (tx) => {
    const row = (await repo.lockApplication(tx, id))!;
    const to = assertTransition(reviewTransitions, row.state as AssistanceState, action);
    const step = row.steps[row.stepIndex]!;
    if (
      row.state === 'reviewing' &&
      (step.orgId !== actor.orgId || (body.level && body.level !== step.level))
    ) {
      const current = await findOrgById(tx, step.orgId);
      throw wrongLevel({ level: step.level, orgId: step.orgId, orgName: current?.name ?? '' });
    }
    if (row.state !== 'reviewing' && row.currentOrgId !== actor.orgId)
      throw wrongLevel({ level: step.level, orgId: step.orgId, orgName: view.currentOrgName ?? '' });
    const previous = row.amountApprovedFen ?? row.amountRequestedFen;
    const amount = action === 'approve' ? (body.amountApprovedFen ?? previous) : null;
    if (amount !== null && amount > row.amountRequestedFen)
      throw validationError([
        {
          path: 'body.amountApprovedFen',
          message: '核定金额不能超过申请金额',
          rule: 'assistance.approved_within_requested',
        },
      ]);
    const minutes = row.levelStartedAt
      ? Math.round((now.getTime() - row.levelStartedAt.getTime()) / 60_000)
      : null;
    const change: Partial<repo.ApplicationRow> = { updatedAt: now };
    let last = false;
    if (to === 'next') {
      change.amountApprovedFen = amount;
      last = row.stepIndex === row.steps.length - 1;
      if (last) {
        const used = await repo.usedThisYear(tx, row.fileId, row.kind, row.year, row.id);
        if (used + amount! > config.yearlyLimitFen)
          throw limitExceeded('body.amountApprovedFen', row.kind, config.yearlyLimitFen, used);
        const budget = await repo.lockBudget(tx, row.payingOrgId!, row.year, row.kind);
        const { used: spent } = await repo.budgetLines(tx, row.payingOrgId!, row.year);
        const committed = spent.find((u) => u.kind === row.kind)?.committed ?? 0;
        const remaining = (budget?.amountFen ?? 0) - committed;
        if (amount! > remaining)
          throw budgetExceeded(
            { id: row.payingOrgId!, name: payingOrg?.name ?? '' },
            row.kind,
            row.year,
            budget?.amountFen ?? 0,
            Math.max(0, remaining),
          );
        Object.assign(change, {
          state: 'approved',
          currentOrgId: null,
          dueAt: null,
          levelStartedAt: null,
          approvedAt: now,
          noticeUntil: row.noticeDays > 0 ? new Date(now.getTime() + row.noticeDays * 86_400_000) : null,
        });
      } else {
        const next = row.steps[row.stepIndex + 1]!;
        Object.assign(change, {
          stepIndex: row.stepIndex + 1,
          currentOrgId: next.orgId,
          levelStartedAt: now,
          dueAt: workingDaysDeadline(now, config.reviewDays),
        });
      }
    } else {
      Object.assign(change, { state: to, dueAt: null });
    }
    await repo.updateApplication(tx, id, change);
    await repo.insertEvent(tx, {
      applicationId: id,
      action,
      level: step.level,
      orgId: actor.orgId,
      actorType: 'staff',
      actorId: actor.id,
      actorName: actor.displayName,
      amountFen: amount,
      comment,
      reviewMinutes: row.state === 'reviewing' ? minutes : null,
      createdAt: now,
    });
    if (to === 'next' && last) await openFileFromApproval(tx, row.fileId, now);
    if (to === 'next' && !last) {
      const nextOrg = await findOrgById(tx, change.currentOrgId!);
      await notifyMemberByPhone(
        tx,
        view.memberPhoneHash,
        {
          topic: 'service_request',
          kind: 'assistance.level_approved',
          title: '帮扶申请通过一级审核',
          body: `您的${AssistanceKindLabels[row.kind as AssistanceKind]}申请已通过${view.currentOrgName ?? '本级工会'}审核，已报送${nextOrg?.name ?? '上级工会'}审核。`,
          link: `/m/assistance/${id}`,
        },
        now,
      );
    }
    if (to === 'next' && !last)
      await notifyOrgStaff(
        tx,
        change.currentOrgId!,
        'assistance.manage',
        {
          topic: 'service_request',
          kind: 'assistance.submitted',
          title: '帮扶申请待本级审核',
          body: `${view.memberName}的${AssistanceKindLabels[row.kind as AssistanceKind]}申请（第 ${id} 号）已通过下级审核，请及时审核。`,
          link: `/admin/assistance/applications/${id}`,
        },
        now,
      );
    if (to !== 'next' || last) {
      const text = NOTICE[action](AssistanceKindLabels[row.kind as AssistanceKind], yuan(amount ?? 0));
      const suffix = comment && action !== 'approve' ? `审核意见：${comment}` : '';
      await notifyMemberByPhone(
        tx,
        view.memberPhoneHash,
        {
          topic: 'service_request',
          kind: `assistance.${action}`,
          title: text.title,
          body: text.body + suffix,
          link: `/m/assistance/${id}`,
        },
        now,
      );
    }
    await recordAudit(tx, {
      actor,
      action: `assistance.${action}`,
      orgId: actor.orgId,
      targetType: OWNER,
      targetId: id,
      details: { level: step.level, amountFen: amount },
      meta,
    });
  });
}

/** The member withdraws, or resubmits after a return (to the level that returned it). */
export async function memberAct(
  ctx: AppContext,
  actor: MemberActor,
  id: number,
  action: 'withdraw' | 'resubmit',
  body: ResubmitAssistanceBody,
  meta: RequestMeta,
) {
  const view = await getMyApplication(ctx, actor, id);
  const now = ctx.clock.now();
  await inTransaction(ctx.db, async (tx) => {
    const row = (await repo.lockApplication(tx, id))!;
    const to = assertTransition(memberTransitions, row.state as AssistanceState, action);
    if (body.amountRequestedFen && body.amountRequestedFen < (row.amountApprovedFen ?? 0))
      throw validationError([{ path: 'body.amountRequestedFen', message: '申请金额不能低于已核定金额' }]);
    const step = row.steps[row.stepIndex]!;
    await repo.updateApplication(tx, id, {
      state: to,
      ...(action === 'resubmit'
        ? {
            levelStartedAt: now,
            dueAt: workingDaysDeadline(now, 5),
            currentOrgId: step.orgId,
            ...(body.amountRequestedFen ? { amountRequestedFen: body.amountRequestedFen } : {}),
          }
        : { currentOrgId: null, dueAt: null }),
      updatedAt: now,
    });
    if (body.attachments?.length)
      await claimAttachments(tx, actor, body.attachments, { type: OWNER, id }, { path: 'body.attachments' });
    await repo.insertEvent(tx, {
      applicationId: id,
      action,
      level: null,
      orgId: null,
      actorType: 'member',
      actorId: actor.id,
      actorName: view.memberName,
      amountFen: body.amountRequestedFen ?? null,
      comment: body.comment?.trim() || null,
      createdAt: now,
    });
    if (action === 'resubmit')
      await notifyOrgStaff(
        tx,
        step.orgId,
        'assistance.manage',
        {
          topic: 'service_request',
          kind: 'assistance.resubmit',
          title: '帮扶申请已补充材料',
          body: `${view.memberName}补充并重新提交了帮扶申请（第 ${id} 号），请审核。`,
          link: `/admin/assistance/applications/${id}`,
        },
        now,
      );
    await recordAudit(tx, {
      actor,
      action: `assistance.${action}`,
      orgId: row.orgId,
      targetType: OWNER,
      targetId: id,
      meta,
    });
  });
}
