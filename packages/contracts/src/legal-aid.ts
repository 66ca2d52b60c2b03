import Type, { type Static } from 'typebox';
import { Attachment, AttachmentRef } from './attachments.js';
import { Id, StringEnum, Timestamp } from './common.js';
import { ConsultationDetail } from './legal.js';

/** Where a legal-aid case stands: waiting for a lawyer, with one, in a kind of step, or closed. */
export const LegalAidStages = [
  'unassigned',
  'assigned',
  'mediation',
  'arbitration',
  'litigation',
  'other',
  'closed',
] as const;
export type LegalAidStage = (typeof LegalAidStages)[number];

/** 胜诉/支持, 调解和解, 部分支持, 败诉/驳回, 撤回. */
export const LegalAidOutcomes = ['won', 'settled', 'partly', 'lost', 'withdrawn'] as const;
export type LegalAidOutcome = (typeof LegalAidOutcomes)[number];

/** 调解, 劳动仲裁, 诉讼, 其他. */
export const LegalAidStepKinds = ['mediation', 'arbitration', 'litigation', 'other'] as const;
export type LegalAidStepKind = (typeof LegalAidStepKinds)[number];

const Fen = Type.Integer({ minimum: 0, maximum: 100_000_000_000, description: 'Amount in fen (分)' });
const Nullable = <T extends Type.TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const LegalAidStep = Type.Object({
  id: Id,
  kind: StringEnum(LegalAidStepKinds),
  date: Type.String({ format: 'date' }),
  note: Type.String(),
  result: Nullable(Type.String()),
  attachments: Type.Array(Attachment),
  providerName: Type.String(),
  createdAt: Timestamp,
});
export type LegalAidStep = Static<typeof LegalAidStep>;

export const LegalAidCase = Type.Object({
  requestId: Id,
  requestState: Type.String(),
  memberName: Type.String(),
  orgId: Id,
  orgName: Type.String(),
  data: Type.Record(Type.String(), Type.Unknown()),
  labels: Type.Record(Type.String(), Type.String(), { description: 'The form’s label of each value' }),
  stage: StringEnum(LegalAidStages),
  provider: Nullable(Type.Object({ id: Id, name: Type.String(), firm: Nullable(Type.String()) })),
  consultationId: Nullable(Id),
  amountClaimedFen: Nullable(Fen),
  amountRecoveredFen: Nullable(Fen),
  outcome: Nullable(StringEnum(LegalAidOutcomes)),
  outcomeNote: Nullable(Type.String()),
  closedAt: Nullable(Timestamp),
  submittedAt: Timestamp,
  steps: Type.Array(LegalAidStep),
  consultation: Nullable(ConsultationDetail),
  allowedActions: Type.Array(Type.String()),
});
export type LegalAidCase = Static<typeof LegalAidCase>;

export const LegalAidCaseSummary = Type.Object({
  requestId: Id,
  requestState: Type.String(),
  memberName: Type.String(),
  orgName: Type.String(),
  stage: StringEnum(LegalAidStages),
  outcome: Nullable(StringEnum(LegalAidOutcomes)),
  providerName: Nullable(Type.String()),
  submittedAt: Timestamp,
});
export type LegalAidCaseSummary = Static<typeof LegalAidCaseSummary>;
export const LegalAidCaseList = Type.Object({
  items: Type.Array(LegalAidCaseSummary),
  total: Type.Integer({ minimum: 0 }),
});

export const LegalAidCaseQuery = Type.Object(
  {
    open: Type.Optional(Type.Boolean({ description: 'Only cases without an outcome' })),
    page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  },
  { additionalProperties: false },
);
export type LegalAidCaseQuery = Static<typeof LegalAidCaseQuery>;

export const AssignLegalAidBody = Type.Object(
  { providerId: Id },
  {
    additionalProperties: false,
    description: 'An active provider with a sign-in, of the handling union or above it',
  },
);
export type AssignLegalAidBody = Static<typeof AssignLegalAidBody>;

export const LegalAidProviderChoice = Type.Object({
  id: Id,
  name: Type.String(),
  firm: Nullable(Type.String()),
  orgName: Type.String(),
  fields: Type.Array(Type.String()),
  answeredConsultation: Type.Boolean({ description: 'Answered the linked consultation: suggested first' }),
});
export type LegalAidProviderChoice = Static<typeof LegalAidProviderChoice>;
export const LegalAidProviderChoices = Type.Array(LegalAidProviderChoice);

export const LegalAidStepBody = Type.Object(
  {
    kind: StringEnum(LegalAidStepKinds),
    date: Type.String({ format: 'date' }),
    note: Type.String({ minLength: 1, maxLength: 2000 }),
    result: Type.Optional(Type.String({ maxLength: 1000 })),
    attachments: Type.Optional(Type.Array(AttachmentRef, { maxItems: 20 })),
  },
  { additionalProperties: false },
);
export type LegalAidStepBody = Static<typeof LegalAidStepBody>;

export const LegalAidOutcomeBody = Type.Object(
  {
    outcome: StringEnum(LegalAidOutcomes),
    amountClaimedFen: Type.Optional(Fen),
    amountRecoveredFen: Fen,
    note: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: false },
);
export type LegalAidOutcomeBody = Static<typeof LegalAidOutcomeBody>;

export const LegalAidCreated = Type.Object({ requestId: Id });

export const LegalAidOutcomeNames: Record<LegalAidOutcome, string> = {
  won: '胜诉/支持',
  settled: '调解和解',
  partly: '部分支持',
  lost: '败诉/驳回',
  withdrawn: '撤回',
};

export const LegalAidStepKindNames: Record<LegalAidStepKind, string> = {
  mediation: '调解',
  arbitration: '劳动仲裁',
  litigation: '诉讼',
  other: '其他',
};

/** What 申请法律援助 opens: the legal-aid service offered to the member and values from the consultation. */
export const LegalAidDraft = Type.Object({
  serviceId: Id,
  data: Type.Record(Type.String(), Type.Unknown()),
});
export type LegalAidDraft = Static<typeof LegalAidDraft>;
