import type { AssistanceDetail, AssistanceSummary, Batch } from '@unionhub/contracts';
import { maskName } from '../../platform/pii.js';
import { type AttachmentRow, presentAttachment } from '../attachments/index.js';
import { presentHousehold } from '../hardship/index.js';
import type { ApplicationView, BatchRow, EventRow } from './assistance.repository.js';

export function presentSummary(a: ApplicationView, now: Date): AssistanceSummary {
  const step = a.state === 'reviewing' || a.state === 'returned' ? a.steps[a.stepIndex] : undefined;
  return {
    id: a.id,
    kind: a.kind as AssistanceSummary['kind'],
    state: a.state as AssistanceSummary['state'],
    year: a.year,
    memberName: a.memberName,
    memberOrgName: a.memberOrgName,
    amountRequestedFen: a.amountRequestedFen,
    amountApprovedFen: a.amountApprovedFen,
    currentLevel: step?.level ?? null,
    currentOrg: a.currentOrgId && step ? { id: a.currentOrgId, name: a.currentOrgName ?? '' } : null,
    payingOrg: a.payingOrgId ? { id: a.payingOrgId, name: a.payingOrgName ?? '' } : null,
    tier: a.tier as AssistanceSummary['tier'],
    dueAt: a.dueAt?.toISOString() ?? null,
    overdue: !!a.dueAt && a.dueAt < now,
    noticeUntil: a.noticeUntil?.toISOString() ?? null,
    payable: (a.state === 'approved' || a.state === 'failed') && (!a.noticeUntil || a.noticeUntil <= now),
    batchId: a.batchId,
    paidAt: a.paidAt?.toISOString() ?? null,
    failReason: a.failReason,
    submittedAt: a.submittedAt.toISOString(),
  };
}

type StepState = AssistanceDetail['steps'][number]['state'];

/** Each level on the path with where the application stands there. */
function steps(a: ApplicationView, orgNames: Map<number, string>): AssistanceDetail['steps'] {
  return a.steps.map((s, i) => {
    let state: StepState = 'waiting';
    if (['approved', 'in_batch', 'paid', 'failed'].includes(a.state) || i < a.stepIndex) state = 'approved';
    else if (i === a.stepIndex)
      state =
        a.state === 'reviewing'
          ? 'current'
          : a.state === 'returned'
            ? 'returned'
            : a.state === 'rejected'
              ? 'rejected'
              : 'skipped';
    else if (a.state === 'rejected' || a.state === 'withdrawn') state = 'skipped';
    return { level: s.level, org: { id: s.orgId, name: orgNames.get(s.orgId) ?? '' }, state };
  });
}

export function presentDetail(
  a: ApplicationView,
  extra: {
    household: Parameters<typeof presentHousehold>[0];
    file: { incomePerPersonFen: number; causes: string[] };
    watchedFile: AssistanceDetail['watchedFile'];
    events: { event: EventRow; orgName: string | null }[];
    files: AttachmentRow[];
    orgNames: Map<number, string>;
    actions: string[];
  },
  now: Date,
): AssistanceDetail {
  return {
    ...presentSummary(a, now),
    reason: a.reason,
    fileId: a.fileId,
    household: presentHousehold(extra.household, null),
    incomePerPersonFen: extra.file.incomePerPersonFen,
    causes: extra.file.causes as AssistanceDetail['causes'],
    bankName: a.bankName,
    bankAccountMasked: a.bankAccountMasked,
    attachments: extra.files.map(presentAttachment),
    steps: steps(a, extra.orgNames),
    watchedFile: extra.watchedFile,
    events: extra.events.map(({ event: e, orgName }) => ({
      id: e.id,
      action: e.action,
      level: e.level,
      orgName,
      actorName: e.actorName,
      amountFen: e.amountFen,
      comment: e.comment,
      createdAt: e.createdAt.toISOString(),
    })),
    allowedActions: extra.actions,
  };
}

export function presentNotice(a: ApplicationView) {
  return {
    id: a.id,
    maskedName: maskName(a.memberName),
    orgName: a.memberOrgName,
    kind: a.kind as AssistanceSummary['kind'],
    amountFen: a.amountApprovedFen ?? 0,
    approvedAt: a.approvedAt!.toISOString(),
    noticeUntil: a.noticeUntil!.toISOString(),
  };
}

export function presentBatch(b: { batch: BatchRow; orgName: string; items?: ApplicationView[] }): Batch {
  return {
    id: b.batch.id,
    org: { id: b.batch.orgId, name: b.orgName },
    state: b.batch.state as Batch['state'],
    totalFen: b.batch.totalFen,
    count: b.batch.count,
    createdAt: b.batch.createdAt.toISOString(),
    exportedAt: b.batch.exportedAt?.toISOString() ?? null,
    items: (b.items ?? []).map((a) => ({
      applicationId: a.id,
      payeeName: a.memberName,
      bankName: a.bankName,
      bankAccountMasked: a.bankAccountMasked,
      kind: a.kind as Batch['items'][number]['kind'],
      amountFen: a.amountApprovedFen ?? 0,
      state: (a.state === 'paid' || a.state === 'failed' ? a.state : 'in_batch') as
        | 'in_batch'
        | 'paid'
        | 'failed',
      failReason: a.failReason,
    })),
  };
}
