import { type ConsultationField, ConsultationFieldNames } from '@unionhub/contracts';
import { inTransaction } from '../../db/tx.js';
import { pathInScope } from '../../platform/access.js';
import type { StaffActor } from '../../platform/actor.js';
import type { AppContext, RequestMeta } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { recordAudit } from '../audit/index.js';
import { findProviderView } from '../legal-providers/index.js';
import { notify } from '../notifications/index.js';
import { badTransition, consultationNotFound } from './consultations.errors.js';
import * as repo from './consultations.repository.js';
import { DEFAULT_PICKUP_TIMEOUT_MINUTES } from './consultations.routing.js';
import { getForStaff } from './consultations.workspace.js';

const ASSIGNABLE = new Set(['waiting', 'assigned']);

/** What the union's staff may do with a consultation: hand a waiting (or unpicked) one to a lawyer. */
export function staffActionsOf(actor: StaffActor, row: { state: string }): string[] {
  return actor.permissions.has('legal.manage') && ASSIGNABLE.has(row.state) ? ['assign'] : [];
}

/**
 * The union's staff give a question nobody on duty took (or nobody picked up) to a lawyer of their
 * own: one with a sign-in, working for a union of the subtree or above the one holding the question.
 * The lawyer gets the union's pick-up time and is told; the step is recorded with the staff's name.
 */
export async function assignConsultation(
  ctx: AppContext,
  actor: StaffActor,
  id: number,
  providerId: number,
  meta: RequestMeta,
) {
  const view = await getForStaff(ctx.db, actor, id);
  const provider = await findProviderView(ctx.db, providerId);
  const reachable =
    provider &&
    provider.status === 'active' &&
    provider.staffUserId !== null &&
    (pathInScope(actor, provider.orgPath) || view.orgPath.startsWith(`${provider.orgPath}.`));
  if (!reachable || !provider?.staffUserId)
    throw new AppError(
      'LEGAL_PROVIDER_NOT_FOUND',
      `Legal provider ${providerId} cannot take consultations here`,
      [{ path: 'body.providerId', message: '请选择本会或上级工会已开通账号的在岗律师' }],
    );
  const staffUserId = provider.staffUserId;
  const now = ctx.clock.now();
  const minutes =
    (await repo.findTimeouts(ctx.db, [view.orgId])).get(view.orgId) ?? DEFAULT_PICKUP_TIMEOUT_MINUTES;
  await inTransaction(ctx.db, async (tx) => {
    const row = await repo.lockConsultation(tx, id);
    if (!row) throw consultationNotFound(id);
    if (!ASSIGNABLE.has(row.state)) throw badTransition(row.state, 'assign', []);
    await repo.updateConsultation(tx, id, {
      state: 'assigned',
      providerId: provider.id,
      assignedAt: now,
      pickupDueAt: new Date(now.getTime() + minutes * 60_000),
      updatedAt: now,
    });
    await repo.insertEvent(tx, {
      consultationId: id,
      action: 'assign',
      actorType: 'staff',
      actorId: actor.id,
      actorName: actor.displayName,
      orgId: row.orgId,
      providerId: provider.id,
      comment: `指派给${provider.name}律师`,
      createdAt: now,
    });
    await notify(
      tx,
      [{ type: 'staff', id: staffUserId }],
      {
        topic: 'service_request',
        kind: 'consultation.assigned',
        title: '新的法律咨询',
        body: `${view.orgName}把一条${ConsultationFieldNames[row.field as ConsultationField] ?? ''}方面的法律咨询（第 ${id} 号）指派给您，请尽快认领并答复。`,
        link: `/admin/legal/workspace/${id}`,
      },
      now,
    );
    await recordAudit(tx, {
      actor,
      action: 'consultation.assign',
      orgId: row.orgId,
      targetType: 'consultation',
      targetId: id,
      details: { providerId: provider.id },
      meta,
    });
  });
  return getForStaff(ctx.db, actor, id);
}
