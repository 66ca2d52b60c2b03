import type { LegalAidCaseQuery, LegalAidOutcome, LegalAidStage } from '@unionhub/contracts';
import type { StaffActor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import { maskName } from '../../platform/pii.js';
import { findConsultationView, presentConsultation } from '../consultations/index.js';
import { findProviderByStaffUser } from '../legal-providers/index.js';
import { findRequestFacts } from './legal-aid.facts.js';
import { presentCase } from './legal-aid.presenter.js';
import * as repo from './legal-aid.repository.js';
import { lawyerActions, lawyerCase } from './legal-aid.service.js';

/** 援助案件: the cases given to the signed-in lawyer, newest first. */
export async function listLawyerCases(ctx: AppContext, actor: StaffActor, query: LegalAidCaseQuery) {
  const provider = await findProviderByStaffUser(ctx.db, actor.id);
  if (!provider) return { items: [], total: 0 };
  const pageSize = query.pageSize ?? 20;
  const { items, total } = await repo.listCasesOfProvider(ctx.db, {
    providerId: provider.id,
    open: query.open,
    limit: pageSize,
    offset: ((query.page ?? 1) - 1) * pageSize,
  });
  return {
    items: items.map((r) => ({
      requestId: r.c.requestId,
      requestState: r.requestState,
      memberName: maskName(r.memberName),
      orgName: r.orgName,
      stage: r.c.stage as LegalAidStage,
      outcome: r.c.outcome as LegalAidOutcome | null,
      providerName: r.providerName,
      submittedAt: r.submittedAt.toISOString(),
    })),
    total,
  };
}

/** One case of the signed-in lawyer with the request's form and the consultation thread. */
export async function getLawyerCase(ctx: AppContext, actor: StaffActor, requestId: number) {
  await lawyerCase(ctx.db, actor, requestId);
  const request = (await findRequestFacts(ctx.db, requestId))!;
  const c = await repo.findCase(ctx.db, requestId);
  const steps = await repo.listSteps(ctx.db, requestId);
  const consultation = c?.consultationId ? await findConsultationView(ctx.db, c.consultationId) : null;
  return presentCase(
    ctx.db,
    request,
    c,
    steps,
    consultation ? await presentConsultation(ctx.db, consultation, []) : null,
    lawyerActions(request.state, c!),
  );
}
