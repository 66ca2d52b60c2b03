import Type, { type Static } from 'typebox';
import { AttachmentRef } from './attachments.js';
import { Id, StringEnum, Timestamp } from './common.js';

/**
 * 困难职工档案: hardship files kept per household, their tiers set by rules kept as data, and yearly
 * re-checks. Amounts are integers in fen (分).
 */
export const HardshipTiers = ['deep', 'relative', 'at_risk'] as const;
export type HardshipTier = (typeof HardshipTiers)[number];
export const HardshipTierLabels: Record<HardshipTier, string> = {
  deep: '深度困难',
  relative: '相对困难',
  at_risk: '意外致困·返困风险',
};

export const HardshipCauses = [
  'illness',
  'disability',
  'unemployment',
  'disaster',
  'schooling',
  'other',
] as const;
export type HardshipCause = (typeof HardshipCauses)[number];
export const HardshipCauseLabels: Record<HardshipCause, string> = {
  illness: '因病',
  disability: '因残',
  unemployment: '失业',
  disaster: '因灾',
  schooling: '子女就学',
  other: '其他',
};

export const HardshipFileStates = ['draft', 'open', 'closed'] as const;
export type HardshipFileState = (typeof HardshipFileStates)[number];

export const Relationships = ['self', 'spouse', 'child', 'parent', 'sibling', 'other'] as const;
export const HealthStates = ['healthy', 'chronic', 'serious', 'disabled'] as const;
export const JobStates = ['employed', 'unemployed', 'retired', 'student', 'none'] as const;

export const Fen = Type.Integer({ minimum: 0, maximum: 100_000_000, description: 'Amount in fen (分)' });

export const HouseholdMemberInput = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 50 }),
    relationship: StringEnum(Relationships),
    idNumber: Type.String({ minLength: 15, maxLength: 18 }),
    health: StringEnum(HealthStates),
    jobStatus: StringEnum(JobStates),
  },
  { additionalProperties: false },
);
export type HouseholdMemberInput = Static<typeof HouseholdMemberInput>;

export const HouseholdMember = Type.Object({
  name: Type.String(),
  relationship: StringEnum(Relationships),
  idMasked: Type.String(),
  idNumber: Type.Optional(Type.String({ description: 'Only in the audited full view' })),
  health: StringEnum(HealthStates),
  jobStatus: StringEnum(JobStates),
});

export const HouseholdInput = Type.Object(
  {
    household: Type.Array(HouseholdMemberInput, { minItems: 1, maxItems: 20 }),
    incomePerPersonFen: Fen,
    causes: Type.Array(StringEnum(HardshipCauses), { minItems: 1, maxItems: 6, uniqueItems: true }),
    note: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: false },
);
export type HouseholdInput = Static<typeof HouseholdInput>;

export const CreateHardshipFileBody = Type.Object(
  {
    memberId: Id,
    keepingOrgId: Type.Optional(Id),
    household: HouseholdInput.properties.household,
    incomePerPersonFen: Fen,
    causes: HouseholdInput.properties.causes,
    note: Type.Optional(Type.String({ maxLength: 1000 })),
    attachments: Type.Optional(Type.Array(AttachmentRef, { maxItems: 10 })),
  },
  { additionalProperties: false },
);
export type CreateHardshipFileBody = Static<typeof CreateHardshipFileBody>;

export const UpdateHardshipFileBody = Type.Object(
  {
    household: Type.Optional(HouseholdInput.properties.household),
    incomePerPersonFen: Type.Optional(Fen),
    causes: Type.Optional(HouseholdInput.properties.causes),
    note: Type.Optional(Type.String({ maxLength: 1000 })),
    attachments: Type.Optional(Type.Array(AttachmentRef, { maxItems: 10 })),
  },
  { additionalProperties: false },
);
export type UpdateHardshipFileBody = Static<typeof UpdateHardshipFileBody>;

export const RecheckBody = Type.Object(
  {
    incomePerPersonFen: Fen,
    causes: Type.Optional(HouseholdInput.properties.causes),
    note: Type.String({ minLength: 1, maxLength: 1000 }),
  },
  { additionalProperties: false },
);
export type RecheckBody = Static<typeof RecheckBody>;

export const CloseFileBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 500 }) },
  { additionalProperties: false },
);
export const FullViewBody = Type.Object(
  { reason: Type.String({ minLength: 2, maxLength: 200 }) },
  { additionalProperties: false },
);

export const HardshipAttachment = Type.Object({
  id: Id,
  filename: Type.String(),
  contentType: Type.String(),
  kind: Type.String(),
  size: Type.Integer(),
  slot: Type.Union([Type.String(), Type.Null()]),
  createdAt: Timestamp,
});

export const HardshipFileSummary = Type.Object({
  id: Id,
  state: StringEnum(HardshipFileStates),
  memberId: Id,
  memberName: Type.String(),
  memberIdMasked: Type.String(),
  org: Type.Object({ id: Id, name: Type.String() }),
  tier: Type.Union([StringEnum(HardshipTiers), Type.Null()]),
  causes: Type.Array(StringEnum(HardshipCauses)),
  incomePerPersonFen: Type.Integer(),
  householdSize: Type.Integer(),
  lastCheckedOn: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  recheckDueOn: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  recheckOverdue: Type.Boolean(),
  watchUntil: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  watched: Type.Boolean(),
  createdAt: Timestamp,
});
export type HardshipFileSummary = Static<typeof HardshipFileSummary>;

export const HardshipRecheck = Type.Object({
  id: Id,
  checkedOn: Type.String({ format: 'date' }),
  incomePerPersonFen: Type.Integer(),
  tier: Type.Union([StringEnum(HardshipTiers), Type.Null()]),
  note: Type.String(),
  actorName: Type.String(),
});

export const HardshipFileDetail = Type.Intersect([
  HardshipFileSummary,
  Type.Object({
    household: Type.Array(HouseholdMember),
    note: Type.Union([Type.String(), Type.Null()]),
    closedReason: Type.Union([Type.String(), Type.Null()]),
    attachments: Type.Array(HardshipAttachment),
    rechecks: Type.Array(HardshipRecheck),
    full: Type.Boolean({ description: 'True when ID numbers are shown in full (audited)' }),
  }),
]);
export type HardshipFileDetail = Static<typeof HardshipFileDetail>;

export const HardshipFileList = Type.Object({
  items: Type.Array(HardshipFileSummary),
  total: Type.Integer(),
});

export const HardshipFileQuery = Type.Object(
  {
    orgId: Type.Optional(Id),
    state: Type.Optional(StringEnum(HardshipFileStates)),
    tier: Type.Optional(StringEnum(HardshipTiers)),
    cause: Type.Optional(StringEnum(HardshipCauses)),
    recheck: Type.Optional(
      StringEnum(['due', 'overdue'] as const, { description: 'due: within 30 days or overdue' }),
    ),
    watched: Type.Optional(
      Type.Boolean({ description: 'Closed files still in their year of watch after leaving hardship' }),
    ),
    q: Type.Optional(Type.String({ maxLength: 50 })),
    page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
  },
  { additionalProperties: false },
);
export type HardshipFileQuery = Static<typeof HardshipFileQuery>;

/** A tier rule: households at or below the income per person (and, when given, with one of the causes). */
export const TierRule = Type.Object(
  {
    tier: StringEnum(HardshipTiers),
    maxIncomePerPersonFen: Fen,
    causes: Type.Array(StringEnum(HardshipCauses), {
      uniqueItems: true,
      description: 'Any of; empty = any cause',
    }),
  },
  { additionalProperties: false },
);
export type TierRule = Static<typeof TierRule>;

export const TierRuleSet = Type.Object({
  regionPrefix: Type.String({ description: 'Region code prefix: 41 = Henan default, 4101 = Zhengzhou' }),
  rules: Type.Array(TierRule),
  updatedAt: Type.Union([Timestamp, Type.Null()]),
});
export const TierRuleSets = Type.Object({ items: Type.Array(TierRuleSet) });
export const PutTierRulesBody = Type.Object(
  {
    regionPrefix: Type.String({ pattern: '^[1-8][0-9]([0-9]{2})?$' }),
    rules: Type.Array(TierRule, { minItems: 1, maxItems: 12 }),
  },
  { additionalProperties: false },
);
export type PutTierRulesBody = Static<typeof PutTierRulesBody>;
