import type {
  ConsultationDetail,
  LegalAidCase,
  LegalAidOutcome,
  LegalAidStage,
  LegalAidStepKind,
} from '@unionhub/contracts';
import type { Db } from '../../db/client.js';
import { listAttachmentsOf, presentAttachment } from '../attachments/index.js';
import type * as repo from './legal-aid.repository.js';

export const OWNER = { step: 'legal_aid_step' } as const;

/** What the case shows of its request. */
export interface RequestFacts {
  id: number;
  state: string;
  memberName: string;
  orgId: number;
  orgName: string;
  data: Record<string, unknown>;
  form: { fields: { key: string; label: string }[] };
  submittedAt: Date;
}

export async function presentCase(
  db: Db,
  request: RequestFacts,
  c: repo.CaseWithProvider | null,
  steps: Awaited<ReturnType<typeof repo.listSteps>>,
  consultation: ConsultationDetail | null,
  allowedActions: string[],
): Promise<LegalAidCase> {
  const files = await listAttachmentsOf(
    db,
    OWNER.step,
    steps.map((s) => s.step.id),
  );
  return {
    requestId: request.id,
    requestState: request.state,
    memberName: request.memberName,
    orgId: request.orgId,
    orgName: request.orgName,
    data: request.data,
    labels: Object.fromEntries(request.form.fields.map((f) => [f.key, f.label])),
    stage: (c?.stage ?? 'unassigned') as LegalAidStage,
    provider:
      c?.providerId && c.providerName
        ? { id: c.providerId, name: c.providerName, firm: c.providerFirm }
        : null,
    consultationId: c?.consultationId ?? null,
    amountClaimedFen: c?.amountClaimedFen ?? null,
    amountRecoveredFen: c?.amountRecoveredFen ?? null,
    outcome: (c?.outcome ?? null) as LegalAidOutcome | null,
    outcomeNote: c?.outcomeNote ?? null,
    closedAt: c?.closedAt ? c.closedAt.toISOString() : null,
    submittedAt: request.submittedAt.toISOString(),
    steps: steps.map(({ step, providerName }) => ({
      id: step.id,
      kind: step.kind as LegalAidStepKind,
      date: step.date,
      note: step.note,
      result: step.result,
      attachments: files.filter((f) => f.ownerId === step.id).map(presentAttachment),
      providerName,
      createdAt: step.createdAt.toISOString(),
    })),
    consultation,
    allowedActions,
  };
}
