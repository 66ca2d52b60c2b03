import type {
  ConsultationMessageBody,
  ConsultationQuery,
  ConsultationState,
  LawyerConsultationAction,
} from '@unionhub/contracts';
import type { Db } from '../../db/client.js';
import { inTransaction } from '../../db/tx.js';
import { pathInScope } from '../../platform/access.js';
import type { StaffActor } from '../../platform/actor.js';
import type { AppContext, RequestMeta } from '../../platform/context.js';
import { claimAttachments } from '../attachments/index.js';
import { recordAudit } from '../audit/index.js';
import { findProviderByStaffUser } from '../legal-providers/index.js';
import { notify } from '../notifications/index.js';
import { getOrgInScope } from '../orgs/index.js';
import { badTransition, consultationNotFound } from './consultations.errors.js';
import { maskPersonalDetails } from './consultations.redact.js';
import * as repo from './consultations.repository.js';
import { checkText, OWNER } from './consultations.service.js';
import { allowedLawyerActions, lawyerTransitions } from './consultations.workflow.js';

const page = (q: { page?: number | undefined; pageSize?: number | undefined }) => {
  const pageSize = q.pageSize ?? 20;
  return { limit: pageSize, offset: ((q.page ?? 1) - 1) * pageSize };
};

/** The lawyer's questions: those assigned to them now (open ones first). */
export async function listLawyerConsultations(ctx: AppContext, actor: StaffActor, query: ConsultationQuery) {
  const provider = await findProviderByStaffUser(ctx.db, actor.id);
  if (!provider) return { items: [], total: 0 };
  return repo.listConsultations(ctx.db, {
    providerId: provider.id,
    state: query.state,
    open: query.open,
    field: query.field,
    ...page(query),
  });
}

/** A question assigned to the signed-in lawyer; any other → 404. */
export async function getForLawyer(db: Db, actor: StaffActor, id: number) {
  const provider = await findProviderByStaffUser(db, actor.id);
  const row = await repo.findView(db, id);
  if (!row || !provider || row.providerId !== provider.id) throw consultationNotFound(id);
  return row;
}

export const lawyerActionsOf = (row: { state: string }) =>
  allowedLawyerActions(row.state as ConsultationState);

const MEMBER_NOTICE: Record<
  LawyerConsultationAction,
  { title: string; body: (id: number, name: string) => string }
> = {
  pick: {
    title: '律师已接手您的咨询',
    body: (id, name) => `${name}律师已接手您的第 ${id} 号咨询，正在为您解答。`,
  },
  answer: {
    title: '律师已答复您的咨询',
    body: (id, name) => `${name}律师答复了您的第 ${id} 号咨询，请查看。`,
  },
  close: { title: '咨询已结束', body: (id, name) => `${name}律师已结束第 ${id} 号咨询，欢迎评价。` },
};

/**
 * The lawyer picks a question up, answers it (text and files) or closes it. Only the lawyer it is
 * assigned to may act (404 for anyone else); the table decides what the state allows (409). The
 * first answer of a question the member allowed to publish goes to the union's FAQ review queue,
 * pre-filled with personal details masked.
 */
export async function lawyerAct(
  ctx: AppContext,
  actor: StaffActor,
  id: number,
  action: LawyerConsultationAction,
  body: ConsultationMessageBody | null,
  meta: RequestMeta,
) {
  const text = action === 'answer' ? checkText(body?.text ?? '', 1) : null;
  const provider = await findProviderByStaffUser(ctx.db, actor.id);
  const now = ctx.clock.now();
  await inTransaction(ctx.db, async (tx) => {
    const row = await repo.lockConsultation(tx, id);
    if (!row || !provider || row.providerId !== provider.id) throw consultationNotFound(id);
    const to = lawyerTransitions[row.state as ConsultationState][action];
    if (!to) throw badTransition(row.state, action, lawyerActionsOf(row));
    const change: Partial<repo.ConsultationRow> = { state: to, pickupDueAt: null, updatedAt: now };
    if (!row.pickedAt) change.pickedAt = now;
    if (action === 'close') change.closedAt = now;
    if (text !== null) {
      if (!row.firstAnsweredAt) change.firstAnsweredAt = now;
      const messageId = await repo.insertMessage(tx, {
        consultationId: id,
        authorType: 'lawyer',
        authorId: actor.id,
        authorName: provider.name,
        text,
        createdAt: now,
      });
      await claimAttachments(
        tx,
        actor,
        body?.attachments ?? [],
        { type: OWNER.message, id: messageId },
        {
          path: 'body.attachments',
        },
      );
      if (row.allowPublish && !row.firstAnsweredAt) {
        const view = (await repo.findView(tx, id))!;
        const question = maskPersonalDetails(row.text, [view.memberName]);
        const answer = maskPersonalDetails(text, [view.memberName]);
        await repo.insertFaq(tx, {
          consultationId: id,
          orgId: row.orgId,
          field: row.field,
          question,
          answer,
          searchText: `${question}\n${answer}`,
          status: 'pending',
          createdAt: now,
          updatedAt: now,
        });
      }
    }
    await repo.updateConsultation(tx, id, change);
    await repo.insertEvent(tx, {
      consultationId: id,
      action,
      actorType: 'lawyer',
      actorId: actor.id,
      actorName: provider.name,
      orgId: row.orgId,
      providerId: provider.id,
      comment: null,
      createdAt: now,
    });
    const notice = MEMBER_NOTICE[action];
    await notify(
      tx,
      [{ type: 'member', id: row.accountId }],
      {
        topic: 'service_request',
        kind: `consultation.${action}`,
        title: notice.title,
        body: notice.body(id, provider.name),
        link: `/m/legal/consultations/${id}`,
      },
      now,
    );
    await recordAudit(tx, {
      actor,
      action: `consultation.${action}`,
      orgId: row.orgId,
      targetType: 'consultation',
      targetId: id,
      meta,
    });
  });
  return getForLawyer(ctx.db, actor, id);
}

/** Staff: every consultation held by a union of the subtree (or one union), waiting ones first. */
export async function listStaffConsultations(ctx: AppContext, actor: StaffActor, query: ConsultationQuery) {
  const root = query.orgId ? (await getOrgInScope(ctx.db, actor, query.orgId)).path : actor.orgPath;
  return repo.listConsultations(ctx.db, {
    root,
    state: query.state,
    open: query.open,
    field: query.field,
    ...page(query),
  });
}

export async function getForStaff(db: Db, actor: StaffActor, id: number) {
  const row = await repo.findView(db, id);
  if (!row || !pathInScope(actor, row.orgPath)) throw consultationNotFound(id);
  return row;
}
