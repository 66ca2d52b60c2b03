import Type, { type Static } from 'typebox';
import { Attachment, AttachmentRef } from './attachments.js';
import { Id, Phone, RegionCode, StringEnum, Timestamp } from './common.js';

/**
 * 法律维权: lawyers and volunteers (providers) a union works with, their duty roster (值班), and the
 * online consultations (法律咨询) members send to whoever is on duty, with the FAQ made from them.
 */
export const ConsultationFields = [
  'wages',
  'contract',
  'work_injury',
  'social_insurance',
  'dismissal',
  'other',
] as const;
export type ConsultationField = (typeof ConsultationFields)[number];

export const ConsultationFieldNames: Record<ConsultationField, string> = {
  wages: '劳动报酬',
  contract: '劳动合同',
  work_injury: '工伤',
  social_insurance: '社会保险',
  dismissal: '解除劳动关系',
  other: '其他',
};

export const ProviderKinds = ['lawyer', 'volunteer'] as const;
export type ProviderKind = (typeof ProviderKinds)[number];
export const ProviderStatuses = ['active', 'inactive'] as const;

/** A lawyer's practice certificate number (律师执业证号): 17 digits. */
export const LICENCE_NO_PATTERN = /^[0-9]{17}$/;

const Field = StringEnum(ConsultationFields);
const Fields = Type.Array(Field, { minItems: 1, maxItems: ConsultationFields.length, uniqueItems: true });
const Languages = Type.Array(Type.String({ minLength: 1, maxLength: 20 }), { maxItems: 10 });

export const ProviderAccountInput = Type.Object(
  {
    username: Type.String({ minLength: 3, maxLength: 40, pattern: '^[a-zA-Z0-9_.-]+$' }),
    password: Type.String({ minLength: 8, maxLength: 128 }),
  },
  { additionalProperties: false, description: 'Creates a staff account with role lawyer in the union' },
);

export const CreateProviderBody = Type.Object(
  {
    orgId: Id,
    kind: StringEnum(ProviderKinds),
    name: Type.String({ minLength: 1, maxLength: 40 }),
    firm: Type.Optional(Type.String({ maxLength: 80, description: 'Law firm or employer' })),
    licenceNo: Type.Optional(
      Type.String({ maxLength: 30, description: 'Practice certificate number: 17 digits for a lawyer' }),
    ),
    fields: Fields,
    regionCode: RegionCode,
    languages: Type.Optional(Languages),
    phone: Phone,
    account: Type.Optional(ProviderAccountInput),
  },
  { additionalProperties: false },
);
export type CreateProviderBody = Static<typeof CreateProviderBody>;

export const UpdateProviderBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
    firm: Type.Optional(Type.String({ maxLength: 80 })),
    licenceNo: Type.Optional(Type.String({ maxLength: 30 })),
    fields: Type.Optional(Fields),
    regionCode: Type.Optional(RegionCode),
    languages: Type.Optional(Languages),
    phone: Type.Optional(Phone),
    status: Type.Optional(StringEnum(ProviderStatuses)),
  },
  { additionalProperties: false },
);
export type UpdateProviderBody = Static<typeof UpdateProviderBody>;

export const LegalProvider = Type.Object({
  id: Id,
  org: Type.Object({ id: Id, name: Type.String() }),
  kind: StringEnum(ProviderKinds),
  name: Type.String(),
  firm: Type.Union([Type.String(), Type.Null()]),
  licenceNo: Type.Union([Type.String(), Type.Null()]),
  fields: Type.Array(Field),
  regionCode: Type.String(),
  regionName: Type.Union([Type.String(), Type.Null()]),
  languages: Type.Array(Type.String()),
  phoneMasked: Type.String(),
  status: StringEnum(ProviderStatuses),
  account: Type.Union([Type.Object({ id: Id, username: Type.String() }), Type.Null()]),
  createdAt: Timestamp,
});
export type LegalProvider = Static<typeof LegalProvider>;

export const LegalProviderList = Type.Object({
  items: Type.Array(LegalProvider),
  total: Type.Integer({ minimum: 0 }),
});

export const ProviderQuery = Type.Object(
  {
    orgId: Type.Optional(Type.Integer({ minimum: 1, description: 'Only this union’s providers' })),
    q: Type.Optional(Type.String({ maxLength: 40, description: 'Name or firm' })),
    kind: Type.Optional(StringEnum(ProviderKinds)),
    field: Type.Optional(Field),
    status: Type.Optional(StringEnum(ProviderStatuses)),
    includeAbove: Type.Optional(
      Type.Boolean({
        description: 'Also the providers of the unions above the caller’s, which it may put on its roster',
      }),
    ),
    page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
  },
  { additionalProperties: false },
);
export type ProviderQuery = Static<typeof ProviderQuery>;

/** What members see in the directory: never a phone or a licence number. */
export const PublicProvider = Type.Object({
  id: Id,
  kind: StringEnum(ProviderKinds),
  name: Type.String(),
  firm: Type.Union([Type.String(), Type.Null()]),
  fields: Type.Array(Field),
  regionCode: Type.String(),
  regionName: Type.Union([Type.String(), Type.Null()]),
  languages: Type.Array(Type.String()),
  orgName: Type.String(),
});
export type PublicProvider = Static<typeof PublicProvider>;

export const PublicProviderList = Type.Object({
  items: Type.Array(PublicProvider),
  total: Type.Integer({ minimum: 0 }),
});

export const PublicProviderQuery = Type.Object(
  {
    field: Type.Optional(Field),
    regionCode: Type.Optional(RegionCode),
    page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  },
  { additionalProperties: false },
);
export type PublicProviderQuery = Static<typeof PublicProviderQuery>;

// ── Duty roster ─────────────────────────────────────────────────────────────────────────────────

const WeekDate = Type.String({
  format: 'date',
  description: 'Any day of the week (China time); the week runs Monday 00:00 to Monday 00:00 +08:00',
});

export const DutySlot = Type.Object({
  id: Id,
  orgId: Id,
  provider: Type.Object({ id: Id, name: Type.String(), kind: StringEnum(ProviderKinds) }),
  startsAt: Timestamp,
  endsAt: Timestamp,
  fields: Type.Array(Field, { description: 'Fields covered; empty = all' }),
});
export type DutySlot = Static<typeof DutySlot>;

export const DutyGap = Type.Object({ startsAt: Timestamp, endsAt: Timestamp });
export type DutyGap = Static<typeof DutyGap>;

export const DutyWeek = Type.Object({
  orgId: Id,
  weekStart: Type.String({ format: 'date' }),
  startsAt: Timestamp,
  endsAt: Timestamp,
  slots: Type.Array(DutySlot),
  gaps: Type.Array(DutyGap, { description: 'Intervals of the week nobody is on duty' }),
});
export type DutyWeek = Static<typeof DutyWeek>;

export const DutyWeekQuery = Type.Object(
  { orgId: Type.Integer({ minimum: 1 }), week: Type.Optional(WeekDate) },
  { additionalProperties: false },
);
export type DutyWeekQuery = Static<typeof DutyWeekQuery>;

export const CreateDutySlotBody = Type.Object(
  {
    orgId: Id,
    providerId: Id,
    startsAt: Timestamp,
    endsAt: Timestamp,
    fields: Type.Optional(Type.Array(Field, { maxItems: ConsultationFields.length, uniqueItems: true })),
  },
  { additionalProperties: false },
);
export type CreateDutySlotBody = Static<typeof CreateDutySlotBody>;

export const UpdateDutySlotBody = Type.Object(
  {
    providerId: Type.Optional(Id),
    startsAt: Type.Optional(Timestamp),
    endsAt: Type.Optional(Timestamp),
    fields: Type.Optional(Type.Array(Field, { maxItems: ConsultationFields.length, uniqueItems: true })),
  },
  { additionalProperties: false },
);
export type UpdateDutySlotBody = Static<typeof UpdateDutySlotBody>;

export const CopyDutyWeekBody = Type.Object(
  { orgId: Id, fromWeek: WeekDate, toWeek: WeekDate },
  { additionalProperties: false },
);
export type CopyDutyWeekBody = Static<typeof CopyDutyWeekBody>;

export const SwapDutySlotsBody = Type.Object(
  { slotIds: Type.Array(Id, { minItems: 2, maxItems: 2 }) },
  { additionalProperties: false },
);
export type SwapDutySlotsBody = Static<typeof SwapDutySlotsBody>;

// ── Consultations ───────────────────────────────────────────────────────────────────────────────

/**
 * waiting: nobody on duty could take it (the union's staff see it); assigned: a lawyer on duty has it
 * but has not picked it up; picked: the lawyer is working on it; answered: the lawyer replied; closed.
 */
export const ConsultationStates = ['waiting', 'assigned', 'picked', 'answered', 'closed'] as const;
export type ConsultationState = (typeof ConsultationStates)[number];
export const LawyerConsultationActions = ['pick', 'answer', 'close'] as const;
export type LawyerConsultationAction = (typeof LawyerConsultationActions)[number];

export const AskConsultationBody = Type.Object(
  {
    field: Field,
    text: Type.String({ maxLength: 2000, description: '10 to 2000 characters' }),
    attachments: Type.Optional(Type.Array(AttachmentRef, { maxItems: 9 })),
    anonymous: Type.Optional(Type.Boolean({ description: 'Hide the name from the public FAQ' })),
    allowPublish: Type.Optional(
      Type.Boolean({ description: 'May become an FAQ entry, personal details removed' }),
    ),
  },
  { additionalProperties: false },
);
export type AskConsultationBody = Static<typeof AskConsultationBody>;

export const ConsultationMessageBody = Type.Object(
  {
    text: Type.String({ maxLength: 2000 }),
    attachments: Type.Optional(Type.Array(AttachmentRef, { maxItems: 9 })),
  },
  { additionalProperties: false },
);
export type ConsultationMessageBody = Static<typeof ConsultationMessageBody>;

export const RateConsultationBody = Type.Object(
  {
    rating: Type.Integer({ minimum: 1, maximum: 5 }),
    comment: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type RateConsultationBody = Static<typeof RateConsultationBody>;

export const ConsultationMessage = Type.Object({
  id: Id,
  authorType: StringEnum(['member', 'lawyer', 'staff'] as const),
  authorName: Type.String(),
  text: Type.String(),
  attachments: Type.Array(Attachment),
  createdAt: Timestamp,
});

export const ConsultationEvent = Type.Object({
  id: Id,
  action: Type.String(),
  actorType: Type.String(),
  actorName: Type.String(),
  orgName: Type.Union([Type.String(), Type.Null()]),
  comment: Type.Union([Type.String(), Type.Null()]),
  createdAt: Timestamp,
});

export const ConsultationSummary = Type.Object({
  id: Id,
  field: Field,
  excerpt: Type.String(),
  state: StringEnum(ConsultationStates),
  org: Type.Object({ id: Id, name: Type.String() }),
  lawyer: Type.Union([Type.Object({ id: Id, name: Type.String() }), Type.Null()]),
  memberName: Type.String({ description: 'Masked' }),
  memberOrgName: Type.String(),
  anonymous: Type.Boolean(),
  allowPublish: Type.Boolean(),
  rating: Type.Union([Type.Integer(), Type.Null()]),
  askedAt: Timestamp,
  assignedAt: Type.Union([Timestamp, Type.Null()]),
  firstAnsweredAt: Type.Union([Timestamp, Type.Null()]),
  closedAt: Type.Union([Timestamp, Type.Null()]),
});
export type ConsultationSummary = Static<typeof ConsultationSummary>;

export const ConsultationDetail = Type.Intersect([
  ConsultationSummary,
  Type.Object({
    text: Type.String(),
    attachments: Type.Array(Attachment),
    messages: Type.Array(ConsultationMessage),
    events: Type.Array(ConsultationEvent),
    ratingComment: Type.Union([Type.String(), Type.Null()]),
    pickupDueAt: Type.Union([Timestamp, Type.Null()]),
    allowedActions: Type.Array(Type.String()),
  }),
]);
export type ConsultationDetail = Static<typeof ConsultationDetail>;

export const ConsultationList = Type.Object({
  items: Type.Array(ConsultationSummary),
  total: Type.Integer({ minimum: 0 }),
});

export const ConsultationQuery = Type.Object(
  {
    orgId: Type.Optional(Type.Integer({ minimum: 1, description: 'The union whose subtree is listed' })),
    state: Type.Optional(StringEnum(ConsultationStates)),
    open: Type.Optional(Type.Boolean({ description: 'Only consultations not closed' })),
    field: Type.Optional(Field),
    page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  },
  { additionalProperties: false },
);
export type ConsultationQuery = Static<typeof ConsultationQuery>;

export const AssignConsultationBody = Type.Object(
  { providerId: Id },
  { additionalProperties: false, description: 'A lawyer with a sign-in, of the union’s subtree or above it' },
);
export type AssignConsultationBody = Static<typeof AssignConsultationBody>;

export const LegalSettings = Type.Object({
  orgId: Id,
  pickupTimeoutMinutes: Type.Integer({ minimum: 1, maximum: 1440 }),
});
export type LegalSettings = Static<typeof LegalSettings>;

export const UpdateLegalSettingsBody = Type.Object(
  { pickupTimeoutMinutes: Type.Integer({ minimum: 1, maximum: 1440 }) },
  { additionalProperties: false },
);

// ── FAQ ─────────────────────────────────────────────────────────────────────────────────────────

export const FaqStatuses = ['pending', 'published', 'rejected'] as const;
export type FaqStatus = (typeof FaqStatuses)[number];

export const FaqEntry = Type.Object({
  id: Id,
  consultationId: Type.Union([Id, Type.Null()]),
  orgName: Type.String(),
  field: Field,
  question: Type.String(),
  answer: Type.String(),
  askedBy: Type.String({ description: 'The asker as the public sees them: masked name, or 匿名' }),
  status: StringEnum(FaqStatuses),
  publishedAt: Type.Union([Timestamp, Type.Null()]),
  createdAt: Timestamp,
});
export type FaqEntry = Static<typeof FaqEntry>;

export const FaqList = Type.Object({ items: Type.Array(FaqEntry), total: Type.Integer({ minimum: 0 }) });

export const FaqQuery = Type.Object(
  {
    orgId: Type.Optional(Type.Integer({ minimum: 1 })),
    status: Type.Optional(StringEnum(FaqStatuses)),
    page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  },
  { additionalProperties: false },
);
export type FaqQuery = Static<typeof FaqQuery>;

export const PublicFaqQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 40, description: 'Chinese substring of question or answer' })),
    field: Type.Optional(Field),
    page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })),
  },
  { additionalProperties: false },
);
export type PublicFaqQuery = Static<typeof PublicFaqQuery>;

export const UpdateFaqBody = Type.Object(
  {
    question: Type.Optional(Type.String({ minLength: 5, maxLength: 2000 })),
    answer: Type.Optional(Type.String({ minLength: 5, maxLength: 4000 })),
    field: Type.Optional(Field),
  },
  { additionalProperties: false },
);
export type UpdateFaqBody = Static<typeof UpdateFaqBody>;
