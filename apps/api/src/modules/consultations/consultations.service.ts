import { createHash } from 'node:crypto';
import type {
  AskConsultationBody,
  ConsultationMessageBody,
  ConsultationQuery,
  ConsultationState,
  RateConsultationBody,
} from '@unionhub/contracts';
import type { Db } from '../../db/client.js';
import { isUniqueViolation } from '../../db/errors.js';
import { inTransaction } from '../../db/tx.js';
import type { MemberActor } from '../../platform/actor.js';
import type { AppContext, RequestMeta } from '../../platform/context.js';
import { AppError, validationError } from '../../platform/errors.js';
import { claimAttachments } from '../attachments/index.js';
import { recordAudit } from '../audit/index.js';
import type { MemberWithOrg } from '../members/index.js';
import { notify } from '../notifications/index.js';
import { getMyMembership } from '../services/index.js';
import { applyRoute } from './consultations.assign.js';
import { badTransition, consultationNotFound } from './consultations.errors.js';
import * as repo from './consultations.repository.js';
import { routeConsultation } from './consultations.routing.js';
import { afterFollowUp, memberCan } from './consultations.workflow.js';

export const OWNER = { consultation: 'consultation', message: 'consultation_message' } as const;
const IDEMPOTENCY_KEY = 'consultations_idempotency_key';

const idempotencyKeyReused = () =>
  new AppError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used for a different question', [
    { path: 'headers.idempotency-key', message: 'already used with a different body' },
  ]);

/** Text of a question or message: trimmed, 10–2000 characters for a question, 1–2000 for a message. */
export function checkText(text: string, min: number): string {
  const trimmed = text.trim();
  if ([...trimmed].length < min)
    throw validationError([
      {
        path: 'body.text',
        message: min > 1 ? `请把问题说清楚，至少 ${min} 个字` : '请输入内容',
        rule: 'consultation.text_length',
      },
    ]);
  return trimmed;
}

/**
 * A member asks: the question goes to the lawyer on duty for its field on the path up from their
 * union, or waits at the nearest union with providers; files are claimed; all in one transaction.
 */
export async function askConsultation(
  ctx: AppContext,
  actor: MemberActor,
  body: AskConsultationBody,
  meta: RequestMeta,
  idempotencyKey?: string,
): Promise<number> {
  const text = checkText(body.text, 10);
  const bodyHash = createHash('sha256')
    .update(JSON.stringify([body.field, text, body.attachments ?? [], !!body.anonymous, !!body.allowPublish]))
    .digest('hex');
  const replay = async () => {
    const first = idempotencyKey ? await repo.findByIdempotencyKey(ctx.db, actor.id, idempotencyKey) : null;
    if (first && first.bodyHash !== bodyHash) throw idempotencyKeyReused();
    return first?.id ?? null;
  };
  const earlier = await replay();
  if (earlier) return earlier;
  const member = await getMyMembership(ctx, actor);
  const now = ctx.clock.now();
  try {
    return await ask(
      ctx,
      actor,
      member,
      body,
      text,
      { idempotencyKey: idempotencyKey ?? null, bodyHash },
      now,
      meta,
    );
  } catch (err) {
    if (idempotencyKey && isUniqueViolation(err, IDEMPOTENCY_KEY)) {
      const first = await replay();
      if (first) return first;
    }
    throw err;
  }
}

async function ask(
  ctx: AppContext,
  actor: MemberActor,
  member: MemberWithOrg,
  body: AskConsultationBody,
  text: string,
  retry: { idempotencyKey: string | null; bodyHash: string },
  now: Date,
  meta: RequestMeta,
): Promise<number> {
  return inTransaction(ctx.db, async (tx) => {
    const route = await routeConsultation(tx, member.orgPath, body.field, now);
    const id = await repo.insertConsultation(tx, {
      accountId: actor.id,
      memberId: member.id,
      memberOrgId: member.orgId,
      orgId: route.org.id,
      field: body.field,
      text,
      anonymous: body.anonymous ?? false,
      allowPublish: body.allowPublish ?? false,
      ...retry,
      state: 'waiting',
      askedAt: now,
      updatedAt: now,
    });
    await claimAttachments(
      tx,
      actor,
      body.attachments ?? [],
      { type: OWNER.consultation, id },
      { path: 'body.attachments' },
    );
    await repo.insertEvent(tx, {
      consultationId: id,
      action: 'ask',
      actorType: 'member',
      actorId: actor.id,
      actorName: member.name,
      orgId: member.orgId,
      providerId: null,
      comment: null,
      createdAt: now,
    });
    await applyRoute(tx, { id, field: body.field, accountId: actor.id }, route, now, null);
    await recordAudit(tx, {
      actor,
      action: 'consultation.ask',
      orgId: route.org.id,
      targetType: 'consultation',
      targetId: id,
      meta,
    });
    return id;
  });
}

/** The member's own consultation; anyone else's → 404. */
export async function getMyConsultation(db: Db, actor: MemberActor, id: number) {
  const row = await repo.findView(db, id);
  if (!row || row.accountId !== actor.id) throw consultationNotFound(id);
  return row;
}

export async function listMyConsultations(ctx: AppContext, actor: MemberActor, query: ConsultationQuery) {
  const pageSize = query.pageSize ?? 20;
  return repo.listConsultations(ctx.db, {
    accountId: actor.id,
    state: query.state,
    open: query.open,
    field: query.field,
    limit: pageSize,
    offset: ((query.page ?? 1) - 1) * pageSize,
  });
}

export function memberActionsOf(row: { state: string; rating: number | null }): string[] {
  return (['follow_up', 'rate'] as const).filter((a) => memberCan(a, row));
}

async function lockMine(tx: Db, actor: MemberActor, id: number) {
  const row = await repo.lockConsultation(tx, id);
  if (!row || row.accountId !== actor.id) throw consultationNotFound(id);
  return row;
}

/** A follow-up question in the thread; an answered consultation goes back to its lawyer. */
export async function memberFollowUp(
  ctx: AppContext,
  actor: MemberActor,
  id: number,
  body: ConsultationMessageBody,
  meta: RequestMeta,
) {
  const text = checkText(body.text, 1);
  const member = await getMyMembership(ctx, actor);
  const now = ctx.clock.now();
  await inTransaction(ctx.db, async (tx) => {
    const row = await lockMine(tx, actor, id);
    if (!memberCan('follow_up', row)) throw badTransition(row.state, 'follow_up', memberActionsOf(row));
    const messageId = await repo.insertMessage(tx, {
      consultationId: id,
      authorType: 'member',
      authorId: actor.id,
      authorName: member.name,
      text,
      createdAt: now,
    });
    await claimAttachments(
      tx,
      actor,
      body.attachments ?? [],
      { type: OWNER.message, id: messageId },
      { path: 'body.attachments' },
    );
    await repo.updateConsultation(tx, id, {
      state: afterFollowUp(row.state as ConsultationState),
      updatedAt: now,
    });
    await repo.insertEvent(tx, {
      consultationId: id,
      action: 'follow_up',
      actorType: 'member',
      actorId: actor.id,
      actorName: member.name,
      orgId: null,
      providerId: null,
      comment: null,
      createdAt: now,
    });
    const view = (await repo.findView(tx, id))!;
    if (view.lawyerStaffUserId)
      await notify(
        tx,
        [{ type: 'staff', id: view.lawyerStaffUserId }],
        {
          topic: 'message',
          kind: 'consultation.follow_up',
          title: '咨询有新的追问',
          body: `第 ${id} 号咨询的提问人追问了问题，请查看并答复。`,
          link: `/admin/legal/workspace/${id}`,
        },
        now,
      );
    await recordAudit(tx, {
      actor,
      action: 'consultation.follow_up',
      orgId: row.orgId,
      targetType: 'consultation',
      targetId: id,
      meta,
    });
  });
}

/** 1–5 stars and a comment, once, after the lawyer answered. */
export async function rateConsultation(
  ctx: AppContext,
  actor: MemberActor,
  id: number,
  body: RateConsultationBody,
  meta: RequestMeta,
) {
  const now = ctx.clock.now();
  const member = await getMyMembership(ctx, actor);
  await inTransaction(ctx.db, async (tx) => {
    const row = await lockMine(tx, actor, id);
    if (!memberCan('rate', row)) throw badTransition(row.state, 'rate', memberActionsOf(row));
    await repo.updateConsultation(tx, id, {
      rating: body.rating,
      ratingComment: body.comment?.trim() || null,
      ratedAt: now,
      updatedAt: now,
    });
    await repo.insertEvent(tx, {
      consultationId: id,
      action: 'rate',
      actorType: 'member',
      actorId: actor.id,
      actorName: member.name,
      orgId: null,
      providerId: null,
      comment: `${body.rating} 星${body.comment ? `：${body.comment.trim()}` : ''}`,
      createdAt: now,
    });
    await recordAudit(tx, {
      actor,
      action: 'consultation.rate',
      orgId: row.orgId,
      targetType: 'consultation',
      targetId: id,
      meta,
    });
  });
}
