import Type, { type Static } from 'typebox';
import { Id, RegionCode, StringEnum, Timestamp } from './common.js';

/** 入会申请: waiting for the union, accepted (a member now), or rejected with a reason. */
export const JoinApplicationStatuses = ['pending', 'accepted', 'rejected'] as const;
export type JoinApplicationStatus = (typeof JoinApplicationStatuses)[number];

/** Working days a union has to contact an applicant (the Henan member app promises 15). */
export const JOIN_CONTACT_WORKING_DAYS = 15;

export const CreateJoinApplicationBody = Type.Object(
  {
    orgId: Id,
    name: Type.String({
      minLength: 2,
      maxLength: 30,
      pattern: '^[\\u3400-\\u9fffA-Za-z·]+$',
      description: '2–30 Chinese characters or letters; · between the parts of a name',
    }),
    idNumber: Type.String({ minLength: 1, maxLength: 40, description: 'Resident ID number (GB 11643)' }),
    employerName: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    employerCreditCode: Type.Optional(
      Type.String({ minLength: 18, maxLength: 18, description: 'GB 32100 credit code of the employer' }),
    ),
  },
  { additionalProperties: false },
);
export type CreateJoinApplicationBody = Static<typeof CreateJoinApplicationBody>;

export const RejectJoinApplicationBody = Type.Object(
  { reason: Type.String({ minLength: 2, maxLength: 200, description: 'Shown to the applicant' }) },
  { additionalProperties: false },
);
export type RejectJoinApplicationBody = Static<typeof RejectJoinApplicationBody>;

export const JoinApplicationActions = ['accept', 'reject'] as const;
export type JoinApplicationAction = (typeof JoinApplicationActions)[number];

export const JoinApplication = Type.Object({
  id: Id,
  orgId: Id,
  orgName: Type.String(),
  name: Type.String(),
  idNumberMasked: Type.String(),
  phoneMasked: Type.String(),
  employerName: Type.Union([Type.String(), Type.Null()]),
  employerCreditCode: Type.Union([Type.String(), Type.Null()]),
  status: StringEnum(JoinApplicationStatuses),
  contactDeadline: Type.String({
    format: 'date',
    description: 'The union contacts the applicant by this day',
  }),
  overdue: Type.Boolean({ description: 'Past the deadline and still pending' }),
  decisionReason: Type.Union([Type.String(), Type.Null()]),
  decidedAt: Type.Union([Timestamp, Type.Null()]),
  memberId: Type.Union([Id, Type.Null()]),
  createdAt: Timestamp,
});
export type JoinApplication = Static<typeof JoinApplication>;

/** A row of the staff queue: with what the caller may do. */
export const JoinApplicationItem = Type.Intersect([
  JoinApplication,
  Type.Object({ allowedActions: Type.Array(StringEnum(JoinApplicationActions)) }),
]);
export type JoinApplicationItem = Static<typeof JoinApplicationItem>;

export const JoinApplicationList = Type.Object({
  items: Type.Array(JoinApplicationItem),
  total: Type.Integer({ minimum: 0 }),
});

export const JoinApplicationQuery = Type.Object(
  {
    orgId: Type.Optional(Type.Integer({ minimum: 1 })),
    status: Type.Optional(StringEnum(JoinApplicationStatuses)),
    q: Type.Optional(
      Type.String({ minLength: 1, maxLength: 30, description: 'Part of the applicant’s name' }),
    ),
    page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
  },
  { additionalProperties: false },
);
export type JoinApplicationQuery = Static<typeof JoinApplicationQuery>;

export const UnionSearchQuery = Type.Object(
  {
    creditCode: Type.Optional(Type.String({ minLength: 1, maxLength: 18 })),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    regionCode: Type.Optional(RegionCode),
  },
  { additionalProperties: false },
);
export type UnionSearchQuery = Static<typeof UnionSearchQuery>;

/** A grassroots union as a worker looking for one sees it: public facts only. */
export const UnionChoice = Type.Object({
  id: Id,
  name: Type.String(),
  regionCode: Type.Union([Type.String(), Type.Null()]),
  address: Type.Union([Type.String(), Type.Null()]),
});
export type UnionChoice = Static<typeof UnionChoice>;
export const UnionChoiceList = Type.Object({ items: Type.Array(UnionChoice) });
