import {
  type LegalAidOutcomeBody,
  LegalAidOutcomeNames,
  type LegalAidStepBody,
  LegalAidStepKindNames,
} from '@unionhub/contracts';
import { eq } from 'drizzle-orm';
import { inTransaction } from '../../db/tx.js';
import type { StaffActor } from '../../platform/actor.js';
import type { AppContext, RequestMeta } from '../../platform/context.js';
import { AppError, validationError } from '../../platform/errors.js';
import { claimAttachments } from '../attachments/index.js';
import { recordAudit } from '../audit/index.js';
import { findConsultationView } from '../consultations/index.js';
import { findProviderView } from '../legal-providers/index.js';
import { chinaToday } from '../members/index.js';
import { notify, notifyOrgStaff } from '../notifications/index.js';
import { listAncestorsOf } from '../orgs/index.js';
import { getRequestInScope, serviceRequests } from '../service-requests/index.js';
import { caseClosed, caseNotOpen, legalAidNotFound, providerNotUsable } from './legal-aid.errors.js';
import { OWNER } from './legal-aid.presenter.js';
import * as repo from './legal-aid.repository.js';
import { LEGAL_AID, lawyerCase } from './legal-aid.service.js';

const OPEN_STATES = ['accepted', 'in_progress'];
const yuan = (fen: number) => (fen / 100).toLocaleString('zh-CN', { maximumFractionDigits: 2 });

/** A legal-aid request the caller's union handles (others in scope may look, not act) → else 404/403. */
async function handledRequest(ctx: AppContext, actor: StaffActor, requestId: number) {
  const request = await getRequestInScope(ctx.db, actor, requestId).catch(() => {
    throw legalAidNotFound(requestId);
  });
  if (request.requestType !== LEGAL_AID) throw legalAidNotFound(requestId);
  if (actor.orgId !== request.orgId || !actor.permissions.has('request.handle'))
    throw new AppError(
      'REQUEST_NOT_HANDLING_UNION',
      `Only ${request.orgName}, which handles this request, may assign its lawyer`,
    );
  return request;
}

/**
 * The lawyers the handling union may give a case to: active providers with a sign-in of that union
 * or of a union above it; the lawyer who answered the linked consultation comes first.
 */
export async function providerChoices(ctx: AppContext, actor: StaffActor, requestId: number) {
  const request = await getRequestInScope(ctx.db, actor, requestId).catch(() => {
    throw legalAidNotFound(requestId);
  });
  if (request.requestType !== LEGAL_AID) throw legalAidNotFound(requestId);
  const orgIds = (await listAncestorsOf(ctx.db, request.orgPath)).map((o) => o.id);
  const providers = await repo.listUsableProviders(ctx.db, orgIds);
  const c = await repo.findCase(ctx.db, requestId);
  const consultation = c?.consultationId ? await findConsultationView(ctx.db, c.consultationId) : null;
  const answeredBy = consultation?.firstAnsweredAt ? consultation.providerId : null;
  return providers
    .map((p) => ({ ...p, answeredConsultation: p.id === answeredBy }))
    .sort((a, b) => Number(b.answeredConsultation) - Number(a.answeredConsultation));
}

/** Staff of the handling union give the case to a lawyer (or to another one); the lawyer is told. */
export async function assignLawyer(
  ctx: AppContext,
  actor: StaffActor,
  requestId: number,
  providerId: number,
  meta: RequestMeta,
) {
  const request = await handledRequest(ctx, actor, requestId);
  if (!OPEN_STATES.includes(request.state)) throw caseNotOpen(requestId, request.state);
  const provider = await findProviderView(ctx.db, providerId);
  const above = await listAncestorsOf(ctx.db, request.orgPath);
  if (provider?.status !== 'active' || !provider.staffUserId || !above.some((o) => o.id === provider.orgId))
    throw providerNotUsable(providerId);
  const now = ctx.clock.now();
  await inTransaction(ctx.db, async (tx) => {
    await repo.ensureCase(tx, requestId, now);
    const c = (await repo.lockCase(tx, requestId))!;
    if (c.outcome) throw caseClosed(requestId);
    await repo.updateCase(tx, requestId, {
      providerId,
      stage: c.stage === 'unassigned' ? 'assigned' : c.stage,
      assignedAt: now,
      updatedAt: now,
    });
    await notify(
      tx,
      [{ type: 'staff', id: provider.staffUserId! }],
      {
        topic: 'service_request',
        kind: 'legal_aid.assigned',
        title: '新的法律援助案件',
        body: `${request.orgName}把${request.memberName}的法律援助申请（第 ${requestId} 号）交给您承办。`,
        link: `/admin/legal/workspace/aid/${requestId}`,
      },
      now,
    );
    await notify(
      tx,
      [{ type: 'member', id: request.accountId }],
      {
        topic: 'service_request',
        kind: 'legal_aid.assigned',
        title: '已为您指派承办律师',
        body: `您的法律援助申请（第 ${requestId} 号）由${provider.firm ? `${provider.firm}` : ''}${provider.name}律师承办。`,
        link: `/m/requests/${requestId}`,
      },
      now,
    );
    await recordAudit(tx, {
      actor,
      action: 'legal_aid.assign',
      orgId: request.orgId,
      targetType: 'service_request',
      targetId: requestId,
      details: { providerId, previousProviderId: c.providerId },
      meta,
    });
  });
}

/** The lawyer records a step of the case (mediation, arbitration, litigation…) with its files. */
export async function addStep(
  ctx: AppContext,
  actor: StaffActor,
  requestId: number,
  body: LegalAidStepBody,
  meta: RequestMeta,
) {
  const { provider } = await lawyerCase(ctx.db, actor, requestId);
  const note = body.note.trim();
  if (!note) throw validationError([{ path: 'body.note', message: 'must not be blank' }]);
  const today = chinaToday(ctx.clock.now());
  if (body.date > today) throw validationError([{ path: 'body.date', message: 'must not be in the future' }]);
  const now = ctx.clock.now();
  await inTransaction(ctx.db, async (tx) => {
    const c = (await repo.lockCase(tx, requestId))!;
    if (c.outcome) throw caseClosed(requestId);
    const request = await openRequest(tx, requestId);
    const stepId = await repo.insertStep(tx, {
      requestId,
      providerId: provider.id,
      kind: body.kind,
      date: body.date,
      note,
      result: body.result?.trim() || null,
      createdAt: now,
    });
    if (body.attachments?.length)
      await claimAttachments(
        tx,
        actor,
        body.attachments,
        { type: OWNER.step, id: stepId },
        { path: 'body.attachments' },
      );
    await repo.updateCase(tx, requestId, { stage: body.kind, updatedAt: now });
    await notify(
      tx,
      [{ type: 'member', id: request.accountId }],
      {
        topic: 'service_request',
        kind: 'legal_aid.step',
        title: '法律援助案件有新进展',
        body: `${provider.name}律师登记了${LegalAidStepKindNames[body.kind]}进展：${note.slice(0, 60)}`,
        link: `/m/requests/${requestId}`,
      },
      now,
    );
    await recordAudit(tx, {
      actor,
      action: 'legal_aid.step',
      orgId: request.orgId,
      targetType: 'service_request',
      targetId: requestId,
      details: { stepId, kind: body.kind },
      meta,
    });
  });
}

/** The lawyer records how the case ended and what was recovered; the handling union is told to complete it. */
export async function recordOutcome(
  ctx: AppContext,
  actor: StaffActor,
  requestId: number,
  body: LegalAidOutcomeBody,
  meta: RequestMeta,
) {
  const { provider } = await lawyerCase(ctx.db, actor, requestId);
  if (body.amountClaimedFen !== undefined && body.amountRecoveredFen > body.amountClaimedFen)
    throw validationError([
      { path: 'body.amountRecoveredFen', message: 'must not exceed the amount claimed' },
    ]);
  const now = ctx.clock.now();
  await inTransaction(ctx.db, async (tx) => {
    const c = (await repo.lockCase(tx, requestId))!;
    if (c.outcome) throw caseClosed(requestId);
    const request = await openRequest(tx, requestId);
    await repo.updateCase(tx, requestId, {
      outcome: body.outcome,
      outcomeNote: body.note?.trim() || null,
      amountClaimedFen: body.amountClaimedFen ?? c.amountClaimedFen,
      amountRecoveredFen: body.amountRecoveredFen,
      stage: 'closed',
      closedAt: now,
      updatedAt: now,
    });
    await notifyOrgStaff(
      tx,
      request.orgId,
      'request.handle',
      {
        topic: 'service_request',
        kind: 'legal_aid.outcome',
        title: '法律援助案件已结案',
        body: `${provider.name}律师登记了第 ${requestId} 号法律援助案件的结果：${LegalAidOutcomeNames[body.outcome]}，追回 ${yuan(body.amountRecoveredFen)} 元，请办结该申请。`,
        link: `/admin/requests/${requestId}`,
      },
      now,
    );
    await recordAudit(tx, {
      actor,
      action: 'legal_aid.outcome',
      orgId: request.orgId,
      targetType: 'service_request',
      targetId: requestId,
      details: { outcome: body.outcome, amountRecoveredFen: body.amountRecoveredFen },
      meta,
    });
  });
}

async function openRequest(tx: Parameters<typeof repo.lockCase>[0], requestId: number) {
  const [row] = await tx
    .select({
      state: serviceRequests.state,
      accountId: serviceRequests.accountId,
      orgId: serviceRequests.orgId,
    })
    .from(serviceRequests)
    .where(eq(serviceRequests.id, requestId));
  if (!row || !OPEN_STATES.includes(row.state)) throw caseNotOpen(requestId, row?.state ?? 'missing');
  return row;
}
