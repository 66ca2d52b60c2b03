import Type, { type Static } from 'typebox';
import { Attachment, AttachmentRef } from './attachments.js';
import { Id, StringEnum, Timestamp } from './common.js';

/**
 * 劳动法律监督检查: a union's inspection of an enterprise against a checklist of labour-law items.
 * The checklist is data: the default items below, each judged compliant, non-compliant or not
 * applicable; a union may add its own items.
 */
export const DefaultInspectionChecklist = [
  { key: 'labour_contracts', label: '劳动合同签订' },
  { key: 'wages_paid', label: '工资按时足额支付' },
  { key: 'minimum_wage', label: '最低工资' },
  { key: 'working_hours', label: '工作时间与加班' },
  { key: 'social_insurance', label: '社会保险缴纳' },
  { key: 'women_protection', label: '女职工特殊保护' },
  { key: 'safety_health', label: '安全生产与职业病防护' },
  { key: 'collective_contract', label: '集体协商与集体合同' },
  { key: 'workers_congress', label: '职代会/厂务公开' },
] as const;

export const ChecklistResults = ['compliant', 'non_compliant', 'not_applicable'] as const;
export type ChecklistResult = (typeof ChecklistResults)[number];

export const InspectionStatuses = ['rectifying', 'closed'] as const;
export type InspectionStatus = (typeof InspectionStatuses)[number];

const ChinaDate = Type.String({ format: 'date', description: 'A China date, YYYY-MM-DD' });

export const ChecklistItemInput = Type.Object(
  {
    key: Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$' }),
    label: Type.String({ minLength: 1, maxLength: 50 }),
    result: StringEnum(ChecklistResults),
    note: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: false },
);
export type ChecklistItemInput = Static<typeof ChecklistItemInput>;

export const ChecklistItem = Type.Object({
  key: Type.String(),
  label: Type.String(),
  result: StringEnum(ChecklistResults),
  note: Type.Union([Type.String(), Type.Null()]),
  rectifiedOn: Type.Union([ChinaDate, Type.Null()], {
    description: 'For a non-compliant item: the date a follow-up found it rectified',
  }),
});
export type ChecklistItem = Static<typeof ChecklistItem>;

export const CreateInspectionBody = Type.Object(
  {
    orgId: Id,
    enterpriseId: Id,
    inspectedOn: ChinaDate,
    inspectors: Type.Array(Type.String({ minLength: 1, maxLength: 30 }), { minItems: 1, maxItems: 20 }),
    checklist: Type.Array(ChecklistItemInput, { minItems: 1, maxItems: 50 }),
    findings: Type.Optional(Type.String({ maxLength: 5000 })),
    rectificationDueOn: Type.Optional(ChinaDate),
    attachments: Type.Optional(Type.Array(AttachmentRef, { maxItems: 20 })),
  },
  { additionalProperties: false },
);
export type CreateInspectionBody = Static<typeof CreateInspectionBody>;

export const CreateFollowUpBody = Type.Object(
  {
    followedOn: ChinaDate,
    rectifiedItems: Type.Array(Type.String({ maxLength: 40 }), { maxItems: 50, uniqueItems: true }),
    note: Type.String({ minLength: 1, maxLength: 2000 }),
    attachments: Type.Optional(Type.Array(AttachmentRef, { maxItems: 20 })),
  },
  { additionalProperties: false },
);
export type CreateFollowUpBody = Static<typeof CreateFollowUpBody>;

export const InspectionFollowUp = Type.Object({
  id: Id,
  followedOn: ChinaDate,
  rectifiedItems: Type.Array(Type.String()),
  note: Type.String(),
  closed: Type.Boolean({
    description: 'This follow-up found everything rectified and closed the inspection',
  }),
  actorName: Type.String(),
  attachments: Type.Array(Attachment),
  createdAt: Timestamp,
});
export type InspectionFollowUp = Static<typeof InspectionFollowUp>;

export const InspectionSummary = Type.Object({
  id: Id,
  org: Type.Object({ id: Id, name: Type.String() }),
  enterprise: Type.Object({ id: Id, name: Type.String(), creditCode: Type.String() }),
  inspectedOn: ChinaDate,
  inspectors: Type.Array(Type.String()),
  nonCompliant: Type.Integer({ minimum: 0, description: 'Items found non-compliant' }),
  outstanding: Type.Integer({ minimum: 0, description: 'Non-compliant items not yet rectified' }),
  rectificationDueOn: Type.Union([ChinaDate, Type.Null()]),
  status: StringEnum(InspectionStatuses),
  overdue: Type.Boolean({ description: 'The rectification deadline has passed and it is not closed' }),
  closedAt: Type.Union([Timestamp, Type.Null()]),
  createdAt: Timestamp,
});
export type InspectionSummary = Static<typeof InspectionSummary>;

export const Inspection = Type.Intersect([
  InspectionSummary,
  Type.Object({
    checklist: Type.Array(ChecklistItem),
    findings: Type.Union([Type.String(), Type.Null()]),
    attachments: Type.Array(Attachment),
    followUps: Type.Array(InspectionFollowUp),
    createdByName: Type.String(),
  }),
]);
export type Inspection = Static<typeof Inspection>;

export const InspectionList = Type.Object({
  items: Type.Array(InspectionSummary),
  total: Type.Integer({ minimum: 0 }),
});
export type InspectionList = Static<typeof InspectionList>;

export const InspectionQuery = Type.Object(
  {
    orgId: Type.Optional(Type.Integer({ minimum: 1, description: 'Only this union’s inspections' })),
    enterpriseId: Type.Optional(Type.Integer({ minimum: 1, description: 'An enterprise’s history' })),
    status: Type.Optional(StringEnum(InspectionStatuses)),
    overdue: Type.Optional(Type.Boolean({ description: 'Only overdue rectifications' })),
    q: Type.Optional(Type.String({ maxLength: 50, description: 'Enterprise name' })),
    page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  },
  { additionalProperties: false },
);
export type InspectionQuery = Static<typeof InspectionQuery>;

export const InspectionFileParams = Type.Object(
  { id: Type.Integer({ minimum: 1 }), attachmentId: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);
