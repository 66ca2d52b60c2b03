import { type ConsultationField, ConsultationFieldNames } from '@unionhub/contracts';
import { and, asc, eq } from 'drizzle-orm';
import type { MemberActor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { findConsultationView } from '../consultations/index.js';
import { getMyMembership, getOfferedService, services } from '../services/index.js';
import { alreadyRequested } from './legal-aid.errors.js';
import * as repo from './legal-aid.repository.js';
import { LEGAL_AID } from './legal-aid.service.js';

/**
 * What the 申请法律援助 button opens: the legal-aid service offered to the member and the form values
 * taken from the consultation (争议类型 from its field, 事情经过 from the question).
 */
export async function legalAidDraft(ctx: AppContext, actor: MemberActor, consultationId: number) {
  const c = await findConsultationView(ctx.db, consultationId);
  if (!c || c.accountId !== actor.id)
    throw new AppError('CONSULTATION_NOT_FOUND', `Consultation ${consultationId} not found`);
  const existing = await repo.findCaseByConsultation(ctx.db, consultationId);
  if (existing) throw alreadyRequested(existing.requestId);
  const member = await getMyMembership(ctx, actor);
  const candidates = await ctx.db
    .select({ id: services.id })
    .from(services)
    .where(and(eq(services.requestType, LEGAL_AID), eq(services.status, 'published')))
    .orderBy(asc(services.id));
  for (const { id } of candidates) {
    const offered = await getOfferedService(ctx, member, id).catch(() => null);
    if (!offered) continue;
    const field = offered.service.form.fields.find(
      (f) => f.type === 'select' && f.label.includes('争议类型'),
    );
    const story = offered.service.form.fields.find((f) => f.type === 'textarea');
    const fieldName = ConsultationFieldNames[c.field as ConsultationField];
    return {
      serviceId: id,
      data: {
        ...(field?.options?.includes(fieldName) ? { [field.key]: fieldName } : {}),
        ...(story ? { [story.key]: c.text } : {}),
      },
    };
  }
  throw new AppError('SERVICE_NOT_OFFERED', 'No legal-aid service is offered to you');
}
