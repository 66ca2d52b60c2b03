import type { LegalAidCase, SubmitRequestBody } from '@unionhub/contracts';
import type { Db } from '../../db/client.js';
import { isUniqueViolation } from '../../db/errors.js';
import type { MemberActor, StaffActor } from '../../platform/actor.js';
import type { AppContext, RequestMeta } from '../../platform/context.js';
import { AppError, validationError } from '../../platform/errors.js';
import { findConsultationView, presentConsultation } from '../consultations/index.js';
import { findProviderByStaffUser } from '../legal-providers/index.js';
import {
  getMyRequest,
  getRequestInScope,
  registerCompletionCheck,
  submitRequest,
} from '../service-requests/index.js';
import { alreadyRequested, legalAidNotFound, outcomeMissing } from './legal-aid.errors.js';
import { presentCase } from './legal-aid.presenter.js';
import * as repo from './legal-aid.repository.js';

export const LEGAL_AID = 'legal_aid';

// Completing a legal-aid request needs the outcome the lawyer records.
registerCompletionCheck(LEGAL_AID, async (tx, requestId) => {
  const c = await repo.lockCase(tx, requestId);
  if (!c?.outcome) throw outcomeMissing(requestId);
});

/**
 * 申请法律援助 from an answered consultation: the member files the legal-aid form (pre-filled by the
 * app from the consultation) and, in the same transaction, the case is opened linked to it. Someone
 * else's consultation → 404; a second time → 409 naming the first request.
 */
export async function applyFromConsultation(
  ctx: AppContext,
  actor: MemberActor,
  consultationId: number,
  body: SubmitRequestBody,
  idempotencyKey: string | undefined,
  meta: RequestMeta,
): Promise<number> {
  const c = await findConsultationView(ctx.db, consultationId);
  if (!c || c.accountId !== actor.id)
    throw new AppError('CONSULTATION_NOT_FOUND', `Consultation ${consultationId} not found`);
  if (!c.firstAnsweredAt)
    throw new AppError(
      'CONSULTATION_BAD_TRANSITION',
      'Only an answered consultation can become a legal-aid request',
      [],
      { state: c.state },
    );
  const existing = await repo.findCaseByConsultation(ctx.db, consultationId);
  if (existing) throw alreadyRequested(existing.requestId);
  const now = ctx.clock.now();
  try {
    return await submitRequest(ctx, actor, body, idempotencyKey, meta, async (tx, request) => {
      if (request.requestType !== LEGAL_AID)
        throw validationError([
          { path: 'body.serviceId', message: 'must be a legal-aid service (法律援助)' },
        ]);
      await repo.insertCase(tx, {
        requestId: request.id,
        consultationId,
        createdAt: now,
        updatedAt: now,
      });
    });
  } catch (err) {
    if (isUniqueViolation(err, 'legal_aid_cases_consultation_key')) {
      const first = await repo.findCaseByConsultation(ctx.db, consultationId);
      if (first) throw alreadyRequested(first.requestId);
    }
    throw err;
  }
}

async function build(
  db: Db,
  request: { id: number; requestType: string },
  view: CaseContext,
  actions: string[],
) {
  if (request.requestType !== LEGAL_AID) throw legalAidNotFound(request.id);
  const c = await repo.findCase(db, request.id);
  const steps = await repo.listSteps(db, request.id);
  const consultation = c?.consultationId ? await findConsultationView(db, c.consultationId) : null;
  return presentCase(
    db,
    view,
    c,
    steps,
    consultation ? await presentConsultation(db, consultation, []) : null,
    actions,
  );
}

export type CaseContext = Parameters<typeof presentCase>[1];

/** The member's own legal-aid request: its case steps, outcome and the consultation it grew from. */
export async function getMyCase(
  ctx: AppContext,
  actor: MemberActor,
  requestId: number,
): Promise<LegalAidCase> {
  const request = await getMyRequest(ctx, actor, requestId).catch(() => {
    throw legalAidNotFound(requestId);
  });
  return build(ctx.db, request, request, []);
}

/** Staff of a union whose subtree handles the request; the handling union's staff may assign. */
export async function getStaffCase(ctx: AppContext, actor: StaffActor, requestId: number) {
  const request = await getRequestInScope(ctx.db, actor, requestId).catch(() => {
    throw legalAidNotFound(requestId);
  });
  const canAssign =
    actor.orgId === request.orgId &&
    actor.permissions.has('request.handle') &&
    (request.state === 'accepted' || request.state === 'in_progress');
  const c = await repo.findCase(ctx.db, requestId);
  return build(ctx.db, request, request, canAssign && !c?.outcome ? ['assign'] : []);
}

/** A case given to the signed-in lawyer; any other → 404. */
export async function lawyerCase(db: Db, actor: StaffActor, requestId: number) {
  const provider = await findProviderByStaffUser(db, actor.id);
  const c = await repo.findCase(db, requestId);
  if (!provider || !c || c.providerId !== provider.id) throw legalAidNotFound(requestId);
  return { provider, case: c };
}

export const lawyerActions = (requestState: string, c: { outcome: string | null }) =>
  c.outcome || !['accepted', 'in_progress'].includes(requestState) ? [] : ['step', 'outcome'];
