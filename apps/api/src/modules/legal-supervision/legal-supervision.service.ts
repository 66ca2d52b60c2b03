import type { CreateFollowUpBody, CreateInspectionBody, InspectionQuery } from '@unionhub/contracts';
import type { Db } from '../../db/client.js';
import { inTransaction } from '../../db/tx.js';
import { pathInScope } from '../../platform/access.js';
import type { StaffActor } from '../../platform/actor.js';
import type { AppContext, RequestMeta } from '../../platform/context.js';
import { AppError, validationError } from '../../platform/errors.js';
import { claimAttachments, findOwnedAttachment, listAttachmentsOf } from '../attachments/index.js';
import { recordAudit } from '../audit/index.js';
import { getEnterpriseInScope } from '../enterprises/index.js';
import { chinaToday } from '../members/index.js';
import { notifyOrgStaff } from '../notifications/index.js';
import { getOrgInScope, orgDissolved } from '../orgs/index.js';
import {
  applyRectification,
  checklistOf,
  followUpProblems,
  inspectionProblems,
  outstandingOf,
} from './legal-supervision.policy.js';
import * as repo from './legal-supervision.repository.js';

export const OWNER = { inspection: 'legal_inspection', followUp: 'legal_inspection_follow_up' } as const;

const inspectionNotFound = (id: number) => new AppError('INSPECTION_NOT_FOUND', `Inspection ${id} not found`);

export async function getInspectionInScope(db: Db, actor: StaffActor, id: number) {
  const row = await repo.findInspectionView(db, id);
  if (!row || !pathInScope(actor, row.orgPath)) throw inspectionNotFound(id);
  return row;
}

/** The inspection with its follow-ups and the files of both. */
export async function loadInspection(db: Db, row: repo.InspectionView) {
  const followUps = await repo.listFollowUps(db, row.id);
  const [inspection, followUpFiles] = await Promise.all([
    listAttachmentsOf(db, OWNER.inspection, [row.id]),
    followUps.length
      ? listAttachmentsOf(
          db,
          OWNER.followUp,
          followUps.map((f) => f.id),
        )
      : [],
  ]);
  return { row, followUps, files: { inspection, followUps: followUpFiles } };
}

/**
 * Records an inspection: the union and the enterprise both in the caller's scope, the checklist as
 * judged, and a rectification deadline when anything is non-compliant. Nothing to rectify → closed.
 */
export async function createInspection(
  ctx: AppContext,
  actor: StaffActor,
  body: CreateInspectionBody,
  meta: RequestMeta,
) {
  const org = await getOrgInScope(ctx.db, actor, body.orgId, 'body.orgId');
  if (org.status !== 'active') throw orgDissolved(org, 'body.orgId');
  const enterprise = await getEnterpriseInScope(ctx.db, actor, body.enterpriseId);
  const now = ctx.clock.now();
  const problems = inspectionProblems(body, chinaToday(now));
  if (problems.length) throw validationError(problems);
  const checklist = checklistOf(body.checklist);
  const nonCompliant = outstandingOf(checklist).length;
  const id = await inTransaction(ctx.db, async (tx) => {
    const id = await repo.insertInspection(tx, {
      orgId: org.id,
      enterpriseId: enterprise.id,
      inspectedOn: body.inspectedOn,
      inspectors: body.inspectors.map((n) => n.trim()),
      checklist,
      findings: body.findings?.trim() || null,
      nonCompliant,
      outstanding: nonCompliant,
      rectificationDueOn: nonCompliant ? body.rectificationDueOn! : null,
      status: nonCompliant ? 'rectifying' : 'closed',
      closedAt: nonCompliant ? null : now,
      createdBy: actor.id,
      createdByName: actor.displayName,
      createdAt: now,
      updatedAt: now,
    });
    if (body.attachments?.length)
      await claimAttachments(
        tx,
        actor,
        body.attachments,
        { type: OWNER.inspection, id },
        { path: 'body.attachments' },
      );
    await recordAudit(tx, {
      actor,
      action: 'legal_inspection.create',
      orgId: org.id,
      targetType: 'legal_inspection',
      targetId: id,
      details: { enterpriseId: enterprise.id, nonCompliant },
      meta,
    });
    return id;
  });
  return loadInspection(ctx.db, (await repo.findInspectionView(ctx.db, id))!);
}

/** A follow-up marks items rectified; when none remain the inspection closes. */
export async function addFollowUp(
  ctx: AppContext,
  actor: StaffActor,
  id: number,
  body: CreateFollowUpBody,
  meta: RequestMeta,
) {
  const view = await getInspectionInScope(ctx.db, actor, id);
  const now = ctx.clock.now();
  await inTransaction(ctx.db, async (tx) => {
    const row = (await repo.lockInspection(tx, id))!;
    if (row.status === 'closed')
      throw new AppError('INSPECTION_CLOSED', 'The inspection is closed: every item was rectified');
    const problems = followUpProblems(body, row, chinaToday(now));
    if (problems.length) throw validationError(problems);
    const { checklist, outstanding } = applyRectification(
      row.checklist,
      body.rectifiedItems,
      body.followedOn,
    );
    const closed = outstanding === 0;
    const followUp = await repo.insertFollowUp(tx, {
      inspectionId: id,
      followedOn: body.followedOn,
      rectifiedItems: body.rectifiedItems,
      note: body.note.trim(),
      closed,
      actorId: actor.id,
      actorName: actor.displayName,
      createdAt: now,
    });
    await repo.updateInspection(tx, id, {
      checklist,
      outstanding,
      updatedAt: now,
      ...(closed ? { status: 'closed', closedAt: now } : {}),
    });
    if (body.attachments?.length)
      await claimAttachments(
        tx,
        actor,
        body.attachments,
        { type: OWNER.followUp, id: followUp.id },
        { path: 'body.attachments' },
      );
    await recordAudit(tx, {
      actor,
      action: closed ? 'legal_inspection.close' : 'legal_inspection.follow_up',
      orgId: view.orgId,
      targetType: 'legal_inspection',
      targetId: id,
      details: { rectifiedItems: body.rectifiedItems, outstanding },
      meta,
    });
  });
  return loadInspection(ctx.db, (await repo.findInspectionView(ctx.db, id))!);
}

export async function listInspections(ctx: AppContext, actor: StaffActor, query: InspectionQuery) {
  const org = query.orgId ? await getOrgInScope(ctx.db, actor, query.orgId, 'querystring.orgId') : null;
  if (query.enterpriseId) await getEnterpriseInScope(ctx.db, actor, query.enterpriseId);
  const pageSize = query.pageSize ?? 20;
  return repo.listInspectionsUnder(ctx.db, {
    rootPath: actor.orgPath,
    today: chinaToday(ctx.clock.now()),
    ...(org ? { orgId: org.id } : {}),
    ...(query.enterpriseId ? { enterpriseId: query.enterpriseId } : {}),
    ...(query.status ? { status: query.status } : {}),
    ...(query.overdue !== undefined ? { overdue: query.overdue } : {}),
    ...(query.q?.trim() ? { q: query.q.trim() } : {}),
    limit: pageSize,
    offset: ((query.page ?? 1) - 1) * pageSize,
  });
}

export async function findInspectionFile(db: Db, row: repo.InspectionView, attachmentId: number) {
  const followUps = await repo.listFollowUps(db, row.id);
  for (const owner of [
    { type: OWNER.inspection, ids: [row.id] },
    { type: OWNER.followUp, ids: followUps.map((f) => f.id) },
  ]) {
    const found = await findOwnedAttachment(db, owner, attachmentId).catch(() => null);
    if (found) return found;
  }
  throw new AppError('NOT_FOUND', `Attachment ${attachmentId} not found`);
}

/**
 * Reminds each union of its overdue rectifications, once a China day per inspection (the job runs
 * hourly; SKIP LOCKED lets several servers run it side by side).
 */
export async function remindOverdueRectifications(ctx: AppContext, opts: { batch?: number } = {}) {
  const now = ctx.clock.now();
  const today = chinaToday(now);
  const batch = opts.batch ?? 100;
  let handled = 0;
  for (;;) {
    const n = await inTransaction(ctx.db, async (tx) => {
      const due = await repo.lockOverdueToRemind(tx, today, batch);
      for (const row of due) {
        const view = (await repo.findInspectionView(tx, row.id))!;
        await notifyOrgStaff(
          tx,
          row.orgId,
          'legal.manage',
          {
            topic: 'system',
            kind: 'legal_inspection.overdue',
            title: '整改逾期提醒',
            body: `${view.enterpriseName}应于 ${row.rectificationDueOn} 前完成整改，仍有 ${row.outstanding} 项未整改，请跟进督促。`,
            link: `/admin/legal/supervision/${row.id}`,
          },
          now,
        );
        await repo.updateInspection(tx, row.id, { overdueNotifiedOn: today });
      }
      return due.length;
    });
    handled += n;
    if (n < batch) return handled;
  }
}
