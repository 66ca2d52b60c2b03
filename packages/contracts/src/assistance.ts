import Type, { type Static } from 'typebox';
import { AttachmentRef } from './attachments.js';
import { Id, StringEnum, Timestamp } from './common.js';
import {
  Fen,
  HardshipAttachment,
  HardshipCauses,
  HardshipTiers,
  HouseholdInput,
  HouseholdMember,
} from './hardship.js';

/**
 * 困难帮扶: assistance applications reviewed level by level, limits, budgets and payment batches.
 * Amounts are integers in fen (分).
 */
export const AssistanceKinds = ['daily_living', 'medical', 'education', 'emergency'] as const;
export type AssistanceKind = (typeof AssistanceKinds)[number];
export const AssistanceKindLabels: Record<AssistanceKind, string> = {
  daily_living: '生活救助',
  medical: '医疗救助',
  education: '金秋助学',
  emergency: '应急救助',
};

export const AssistanceStates = [
  'reviewing',
  'returned',
  'approved',
  'rejected',
  'withdrawn',
  'in_batch',
  'paid',
  'failed',
] as const;
export type AssistanceState = (typeof AssistanceStates)[number];
export const ReviewActions = ['approve', 'return', 'reject'] as const;
export type ReviewAction = (typeof ReviewActions)[number];
export const MemberAssistanceActions = ['resubmit', 'withdraw'] as const;
export type MemberAssistanceAction = (typeof MemberAssistanceActions)[number];
export const ReviewLevels = ['grassroots', 'county', 'city', 'province'] as const;
export type ReviewLevel = (typeof ReviewLevels)[number];

const BankAccount = Type.String({ pattern: '^[0-9]{12,19}$', description: 'Bank card number (digits)' });

export const MemberApplyBody = Type.Object(
  {
    kind: StringEnum(AssistanceKinds),
    amountRequestedFen: Type.Integer({ minimum: 1, maximum: 100_000_000 }),
    reason: Type.String({ minLength: 2, maxLength: 1000 }),
    household: HouseholdInput.properties.household,
    incomePerPersonFen: Fen,
    causes: HouseholdInput.properties.causes,
    bankName: Type.String({ minLength: 2, maxLength: 50 }),
    bankAccount: BankAccount,
    attachments: Type.Optional(Type.Array(AttachmentRef, { maxItems: 10 })),
  },
  { additionalProperties: false },
);
export type MemberApplyBody = Static<typeof MemberApplyBody>;

export const StaffApplyBody = Type.Object(
  {
    memberId: Id,
    ...MemberApplyBody.properties,
  },
  { additionalProperties: false },
);
export type StaffApplyBody = Static<typeof StaffApplyBody>;

export const ResubmitAssistanceBody = Type.Object(
  {
    comment: Type.Optional(Type.String({ maxLength: 1000 })),
    amountRequestedFen: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000_000 })),
    attachments: Type.Optional(Type.Array(AttachmentRef, { maxItems: 10 })),
  },
  { additionalProperties: false },
);
export type ResubmitAssistanceBody = Static<typeof ResubmitAssistanceBody>;

export const ReviewBody = Type.Object(
  {
    level: Type.Optional(
      StringEnum(ReviewLevels, {
        description: 'The level the reviewer acts at; checked against the current one',
      }),
    ),
    amountApprovedFen: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000_000 })),
    comment: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: false },
);
export type ReviewBody = Static<typeof ReviewBody>;

export const ReviewStep = Type.Object({
  level: StringEnum(ReviewLevels),
  org: Type.Object({ id: Id, name: Type.String() }),
  state: StringEnum(['waiting', 'current', 'approved', 'returned', 'rejected', 'skipped'] as const),
});

export const AssistanceEvent = Type.Object({
  id: Id,
  action: Type.String(),
  level: Type.Union([Type.String(), Type.Null()]),
  orgName: Type.Union([Type.String(), Type.Null()]),
  actorName: Type.String(),
  amountFen: Type.Union([Type.Integer(), Type.Null()]),
  comment: Type.Union([Type.String(), Type.Null()]),
  createdAt: Timestamp,
});

export const AssistanceSummary = Type.Object({
  id: Id,
  kind: StringEnum(AssistanceKinds),
  state: StringEnum(AssistanceStates),
  year: Type.Integer(),
  memberName: Type.String(),
  memberOrgName: Type.String(),
  amountRequestedFen: Type.Integer(),
  amountApprovedFen: Type.Union([Type.Integer(), Type.Null()]),
  currentLevel: Type.Union([StringEnum(ReviewLevels), Type.Null()]),
  currentOrg: Type.Union([Type.Object({ id: Id, name: Type.String() }), Type.Null()]),
  payingOrg: Type.Union([Type.Object({ id: Id, name: Type.String() }), Type.Null()]),
  tier: Type.Union([StringEnum(HardshipTiers), Type.Null()]),
  dueAt: Type.Union([Timestamp, Type.Null()]),
  overdue: Type.Boolean(),
  noticeUntil: Type.Union([Timestamp, Type.Null()]),
  payable: Type.Boolean({ description: 'Approved and out of any public notice period' }),
  batchId: Type.Union([Id, Type.Null()]),
  paidAt: Type.Union([Timestamp, Type.Null()]),
  failReason: Type.Union([Type.String(), Type.Null()]),
  submittedAt: Timestamp,
});
export type AssistanceSummary = Static<typeof AssistanceSummary>;

export const AssistanceDetail = Type.Intersect([
  AssistanceSummary,
  Type.Object({
    reason: Type.String(),
    fileId: Id,
    household: Type.Array(HouseholdMember),
    incomePerPersonFen: Type.Integer(),
    causes: Type.Array(StringEnum(HardshipCauses)),
    bankName: Type.String(),
    bankAccountMasked: Type.String(),
    attachments: Type.Array(HardshipAttachment),
    steps: Type.Array(ReviewStep),
    events: Type.Array(AssistanceEvent),
    allowedActions: Type.Array(Type.String()),
    watchedFile: Type.Union(
      [
        Type.Object({
          id: Id,
          closedOn: Type.String({ format: 'date' }),
          watchUntil: Type.String({ format: 'date' }),
        }),
        Type.Null(),
      ],
      {
        description:
          'The household left hardship within the past year (its closed file still watched): an application may mean it fell back',
      },
    ),
  }),
]);
export type AssistanceDetail = Static<typeof AssistanceDetail>;

export const AssistanceList = Type.Object({ items: Type.Array(AssistanceSummary), total: Type.Integer() });

export const AssistanceQuery = Type.Object(
  {
    queue: Type.Optional(
      StringEnum(['mine', 'subtree'] as const, { description: 'mine: waiting for my union' }),
    ),
    orgId: Type.Optional(Id),
    state: Type.Optional(StringEnum(AssistanceStates)),
    kind: Type.Optional(StringEnum(AssistanceKinds)),
    payable: Type.Optional(Type.Boolean()),
    page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
  },
  { additionalProperties: false },
);
export type AssistanceQuery = Static<typeof AssistanceQuery>;

export const PublicNotice = Type.Object({
  id: Id,
  maskedName: Type.String(),
  orgName: Type.String(),
  kind: StringEnum(AssistanceKinds),
  amountFen: Type.Integer(),
  approvedAt: Timestamp,
  noticeUntil: Timestamp,
});
export const PublicNoticeList = Type.Object({ items: Type.Array(PublicNotice) });

// Budgets and ledger

export const BudgetQuery = Type.Object(
  { orgId: Id, year: Type.Integer({ minimum: 2000, maximum: 2100 }) },
  { additionalProperties: false },
);
export type BudgetQuery = Static<typeof BudgetQuery>;

export const BudgetLine = Type.Object({
  kind: StringEnum(AssistanceKinds),
  amountFen: Type.Integer(),
  committedFen: Type.Integer({ description: 'Approved and not failed' }),
  paidFen: Type.Integer(),
  remainingFen: Type.Integer(),
});
export const BudgetView = Type.Object({
  org: Type.Object({ id: Id, name: Type.String() }),
  year: Type.Integer(),
  lines: Type.Array(BudgetLine),
});
export type BudgetView = Static<typeof BudgetView>;

export const SetBudgetBody = Type.Object(
  {
    orgId: Id,
    year: Type.Integer({ minimum: 2000, maximum: 2100 }),
    kind: StringEnum(AssistanceKinds),
    amountFen: Fen,
    note: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type SetBudgetBody = Static<typeof SetBudgetBody>;

export const LedgerEntry = Type.Object({
  id: Id,
  entry: StringEnum(['allocation', 'payment'] as const),
  kind: StringEnum(AssistanceKinds),
  year: Type.Integer(),
  amountFen: Type.Integer({ description: 'Allocation: the change; payment: the amount paid' }),
  balanceFen: Type.Union([Type.Integer(), Type.Null()]),
  applicationId: Type.Union([Id, Type.Null()]),
  batchId: Type.Union([Id, Type.Null()]),
  note: Type.Union([Type.String(), Type.Null()]),
  actorName: Type.String(),
  createdAt: Timestamp,
});
export const LedgerList = Type.Object({ items: Type.Array(LedgerEntry) });

// Payment batches

export const CreateBatchBody = Type.Object(
  { orgId: Id, applicationIds: Type.Array(Id, { minItems: 1, maxItems: 500, uniqueItems: true }) },
  { additionalProperties: false },
);
export type CreateBatchBody = Static<typeof CreateBatchBody>;

export const BatchItem = Type.Object({
  applicationId: Id,
  payeeName: Type.String(),
  bankName: Type.String(),
  bankAccountMasked: Type.String(),
  kind: StringEnum(AssistanceKinds),
  amountFen: Type.Integer(),
  state: StringEnum(['in_batch', 'paid', 'failed'] as const),
  failReason: Type.Union([Type.String(), Type.Null()]),
});
export const Batch = Type.Object({
  id: Id,
  org: Type.Object({ id: Id, name: Type.String() }),
  state: StringEnum(['open', 'exported', 'done'] as const),
  totalFen: Type.Integer(),
  count: Type.Integer(),
  createdAt: Timestamp,
  exportedAt: Type.Union([Timestamp, Type.Null()]),
  items: Type.Array(BatchItem),
});
export type Batch = Static<typeof Batch>;
export const BatchList = Type.Object({ items: Type.Array(Type.Omit(Batch, ['items'])) });
export const BatchListQuery = Type.Object({ orgId: Type.Optional(Id) }, { additionalProperties: false });

export const BatchResultsBody = Type.Object(
  {
    results: Type.Array(
      Type.Object(
        {
          applicationId: Id,
          paid: Type.Boolean(),
          reason: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 500 },
    ),
  },
  { additionalProperties: false },
);
export type BatchResultsBody = Static<typeof BatchResultsBody>;

// Statistics

export const AssistanceStatsQuery = Type.Object(
  {
    orgId: Id,
    from: Type.String({ format: 'date' }),
    to: Type.String({ format: 'date' }),
  },
  { additionalProperties: false },
);
export type AssistanceStatsQuery = Static<typeof AssistanceStatsQuery>;

export const AssistanceStats = Type.Object({
  org: Type.Object({ id: Id, name: Type.String() }),
  from: Type.String(),
  to: Type.String(),
  households: Type.Object({
    open: Type.Integer(),
    byTier: Type.Array(Type.Object({ tier: Type.String(), count: Type.Integer() })),
    byCause: Type.Array(Type.Object({ cause: Type.String(), count: Type.Integer() })),
  }),
  rechecks: Type.Object({ onTime: Type.Integer(), late: Type.Integer(), overdue: Type.Integer() }),
  byKind: Type.Array(
    Type.Object({
      kind: StringEnum(AssistanceKinds),
      count: Type.Integer(),
      requestedFen: Type.Integer(),
      approvedFen: Type.Integer(),
      paidFen: Type.Integer(),
    }),
  ),
  reviewHours: Type.Array(
    Type.Object({
      level: Type.String(),
      count: Type.Integer(),
      medianHours: Type.Union([Type.Number(), Type.Null()]),
      p90Hours: Type.Union([Type.Number(), Type.Null()]),
    }),
  ),
  budgets: Type.Array(
    Type.Object({
      org: Type.Object({ id: Id, name: Type.String() }),
      year: Type.Integer(),
      amountFen: Type.Integer(),
      committedFen: Type.Integer(),
      paidFen: Type.Integer(),
    }),
  ),
});
export type AssistanceStats = Static<typeof AssistanceStats>;

// Review configuration per kind (data, per union subtree)

export const ReviewLevelConfig = Type.Object(
  {
    level: StringEnum(ReviewLevels),
    aboveFen: Type.Optional(Type.Integer({ minimum: 0, description: 'Reviews only amounts above this' })),
  },
  { additionalProperties: false },
);

const KindConfigValues = {
  levels: Type.Array(ReviewLevelConfig),
  yearlyLimitFen: Type.Integer(),
  noticeDays: Type.Integer(),
  payingLevel: Type.Union([StringEnum(ReviewLevels), Type.Null()], {
    description: 'The level whose union pays; null = the last approving level',
  }),
  reviewDays: Type.Integer(),
  source: Type.Union([Type.Object({ id: Id, name: Type.String() }), Type.Null()], {
    description: 'The union whose configuration it is; null = the built-in default',
  }),
};
export const InheritedKindConfig = Type.Object(KindConfigValues);
export const KindConfig = Type.Object({
  kind: StringEnum(AssistanceKinds),
  ...KindConfigValues,
  inherited: Type.Union([InheritedKindConfig, Type.Null()], {
    description:
      'When the union wrote its own: what would apply without it (from the unions above, or the default)',
  }),
});
export type KindConfig = Static<typeof KindConfig>;
export const KindConfigList = Type.Object({ items: Type.Array(KindConfig) });
export const ConfigQuery = Type.Object({ orgId: Id }, { additionalProperties: false });
export const DeleteKindConfigQuery = Type.Object(
  { orgId: Id, kind: StringEnum(AssistanceKinds) },
  { additionalProperties: false },
);
export type DeleteKindConfigQuery = Static<typeof DeleteKindConfigQuery>;

export const PutKindConfigBody = Type.Object(
  {
    orgId: Id,
    kind: StringEnum(AssistanceKinds),
    levels: Type.Array(ReviewLevelConfig, { minItems: 1, maxItems: 4 }),
    yearlyLimitFen: Type.Integer({ minimum: 1, maximum: 100_000_000 }),
    noticeDays: Type.Integer({ minimum: 0, maximum: 30 }),
    payingLevel: Type.Union([StringEnum(ReviewLevels), Type.Null()]),
    reviewDays: Type.Integer({ minimum: 1, maximum: 30 }),
  },
  { additionalProperties: false },
);
export type PutKindConfigBody = Static<typeof PutKindConfigBody>;
