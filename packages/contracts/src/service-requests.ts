import Type, { type Static } from 'typebox';
import { Attachment, AttachmentRef } from './attachments.js';
import { Id, StringEnum, Timestamp } from './common.js';
import { AttachmentRequirement, FormDefinition } from './forms.js';

/**
 * 网上受理、网下办理: a member's request for a service, accepted online, handled (often in person)
 * by the union responsible, and followed by the member to the end.
 */
export const RequestStates = [
  'submitted',
  'accepted',
  'in_progress',
  'returned',
  'completed',
  'rejected',
  'withdrawn',
] as const;
export type RequestState = (typeof RequestStates)[number];

/** What handling staff do: accept, start work, add a progress note, ask for more, finish, refuse, pass on. */
export const StaffRequestActions = [
  'accept',
  'start',
  'note',
  'return',
  'complete',
  'reject',
  'transfer',
] as const;
export type StaffRequestAction = (typeof StaffRequestActions)[number];

/** What the member does: take the request back, or send it again after it was returned. */
export const MemberRequestActions = ['withdraw', 'resubmit'] as const;
export type MemberRequestAction = (typeof MemberRequestActions)[number];

export type RequestAction =
  | StaffRequestAction
  | MemberRequestAction
  | 'submit'
  | 'escalate'
  | 'assign'
  | 'rate';

export const RequestOverdue = ['accept', 'complete'] as const;

export const SubmitRequestBody = Type.Object(
  {
    serviceId: Id,
    data: Type.Record(Type.String(), Type.Unknown(), {
      description: 'Values of the service’s form, by field key',
    }),
    attachments: Type.Optional(Type.Array(AttachmentRef, { maxItems: 30 })),
  },
  { additionalProperties: false },
);
export type SubmitRequestBody = Static<typeof SubmitRequestBody>;

export const ResubmitRequestBody = Type.Object(
  {
    data: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    attachments: Type.Optional(Type.Array(AttachmentRef, { maxItems: 30 })),
    comment: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: false },
);
export type ResubmitRequestBody = Static<typeof ResubmitRequestBody>;

export const WithdrawRequestBody = Type.Object(
  { comment: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
);

export const RequestActionBody = Type.Object(
  {
    comment: Type.Optional(
      Type.String({
        maxLength: 2000,
        description:
          'What was done, e.g. “handled at the county service centre by …”; required to return, reject, transfer or complete',
      }),
    ),
    attachments: Type.Optional(Type.Array(AttachmentRef, { maxItems: 10 })),
    toOrgId: Type.Optional(
      Type.Integer({ minimum: 1, description: 'transfer: the union that takes it over' }),
    ),
  },
  { additionalProperties: false },
);
export type RequestActionBody = Static<typeof RequestActionBody>;

export const BulkAcceptBody = Type.Object(
  {
    ids: Type.Array(Id, { minItems: 1, maxItems: 100, uniqueItems: true }),
    comment: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type BulkAcceptBody = Static<typeof BulkAcceptBody>;

export const BulkAcceptResult = Type.Object({
  accepted: Type.Array(Id),
  failed: Type.Array(Type.Object({ id: Id, code: Type.String(), message: Type.String() })),
});

export const AssignRequestBody = Type.Object(
  { staffId: Type.Union([Id, Type.Null()], { description: 'A staff user of the handling union, or null' }) },
  { additionalProperties: false },
);

export const RateRequestBody = Type.Object(
  {
    rating: Type.Integer({
      minimum: 1,
      maximum: 5,
      description: '满意度: 1 (very unsatisfied) to 5 (very satisfied)',
    }),
    comment: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type RateRequestBody = Static<typeof RateRequestBody>;

export const RequestMessageBody = Type.Object(
  {
    text: Type.String({ minLength: 1, maxLength: 1000 }),
    attachments: Type.Optional(Type.Array(AttachmentRef, { maxItems: 5 })),
  },
  { additionalProperties: false },
);
export type RequestMessageBody = Static<typeof RequestMessageBody>;

const OrgRef = Type.Object({ id: Id, name: Type.String() });

export const ServiceRequestSummary = Type.Object({
  id: Id,
  serviceId: Id,
  serviceName: Type.String(),
  requestType: Type.String(),
  org: OrgRef,
  state: StringEnum(RequestStates),
  memberName: Type.String(),
  submittedAt: Timestamp,
  acceptDueAt: Timestamp,
  completeDueAt: Type.Union([Timestamp, Type.Null()]),
  overdue: Type.Union([StringEnum(RequestOverdue), Type.Null()], {
    description: 'Which promise is broken: acceptance or completion',
  }),
  escalatedTo: Type.Union([OrgRef, Type.Null()], { description: '督办: the union above chasing it' }),
  assignee: Type.Union([Type.Object({ id: Id, name: Type.String() }), Type.Null()]),
  rating: Type.Union([Type.Integer(), Type.Null()]),
  updatedAt: Timestamp,
});
export type ServiceRequestSummary = Static<typeof ServiceRequestSummary>;

export const RequestEvent = Type.Object({
  id: Id,
  action: Type.String(),
  fromState: Type.Union([StringEnum(RequestStates), Type.Null()]),
  toState: Type.Union([StringEnum(RequestStates), Type.Null()]),
  actorType: StringEnum(['member', 'staff', 'system'] as const),
  actorName: Type.String(),
  orgName: Type.Union([Type.String(), Type.Null()]),
  comment: Type.Union([Type.String(), Type.Null()]),
  attachments: Type.Array(Attachment),
  createdAt: Timestamp,
});
export type RequestEvent = Static<typeof RequestEvent>;

export const RequestMessage = Type.Object({
  id: Id,
  authorType: StringEnum(['member', 'staff'] as const),
  authorName: Type.String(),
  text: Type.String(),
  attachments: Type.Array(Attachment),
  createdAt: Timestamp,
});
export type RequestMessage = Static<typeof RequestMessage>;

export const ServiceRequestDetail = Type.Intersect([
  ServiceRequestSummary,
  Type.Object({
    form: FormDefinition,
    attachmentRequirements: Type.Array(AttachmentRequirement),
    data: Type.Record(Type.String(), Type.Unknown()),
    attachments: Type.Array(Attachment),
    member: Type.Object({
      id: Id,
      name: Type.String(),
      idNumberMasked: Type.String(),
      phoneMasked: Type.String(),
      orgName: Type.String(),
    }),
    acceptedAt: Type.Union([Timestamp, Type.Null()]),
    completedAt: Type.Union([Timestamp, Type.Null()]),
    ratingComment: Type.Union([Type.String(), Type.Null()]),
    events: Type.Array(RequestEvent),
    messages: Type.Array(RequestMessage),
    allowedActions: Type.Array(Type.String(), {
      description:
        'What the caller may do now (staff actions, or withdraw/resubmit/rate/message for the member)',
    }),
  }),
]);
export type ServiceRequestDetail = Static<typeof ServiceRequestDetail>;

export const ServiceRequestList = Type.Object({
  items: Type.Array(ServiceRequestSummary),
  total: Type.Integer({ minimum: 0 }),
});

export const RequestQueues = ['own', 'subtree', 'escalated'] as const;

export const ServiceRequestQuery = Type.Object(
  {
    queue: Type.Optional(
      StringEnum(RequestQueues, {
        description:
          'own: handled by the caller’s union (default); subtree: every union below; escalated: overdue ones chased by the caller’s union',
      }),
    ),
    orgId: Type.Optional(Type.Integer({ minimum: 1, description: 'Only this union’s requests (in scope)' })),
    state: Type.Optional(StringEnum(RequestStates)),
    open: Type.Optional(Type.Boolean({ description: 'Only requests not yet finished' })),
    overdue: Type.Optional(Type.Boolean()),
    serviceId: Type.Optional(Type.Integer({ minimum: 1 })),
    assignedToMe: Type.Optional(Type.Boolean()),
    q: Type.Optional(
      Type.String({ maxLength: 40, description: 'Request number, member name or service name' }),
    ),
    sort: Type.Optional(StringEnum(['deadline', '-submittedAt', 'submittedAt'] as const)),
    page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  },
  { additionalProperties: false },
);
export type ServiceRequestQuery = Static<typeof ServiceRequestQuery>;

export const ServiceStatsQuery = Type.Object(
  {
    orgId: Type.Optional(
      Type.Integer({ minimum: 1, description: 'The union whose subtree is counted (default: the caller’s)' }),
    ),
    from: Type.Optional(Type.String({ format: 'date', description: 'First day of submission (China date)' })),
    to: Type.Optional(Type.String({ format: 'date', description: 'Last day of submission (China date)' })),
  },
  { additionalProperties: false },
);
export type ServiceStatsQuery = Static<typeof ServiceStatsQuery>;

/** Figures of a set of requests: by state, times to accept and to complete, broken promises, satisfaction. */
export const ServiceFigures = Type.Object({
  total: Type.Integer({ minimum: 0 }),
  byState: Type.Record(Type.String(), Type.Integer({ minimum: 0 })),
  acceptHours: Type.Object({
    median: Type.Union([Type.Number(), Type.Null()]),
    p90: Type.Union([Type.Number(), Type.Null()]),
  }),
  completeHours: Type.Object({
    median: Type.Union([Type.Number(), Type.Null()]),
    p90: Type.Union([Type.Number(), Type.Null()]),
  }),
  overdue: Type.Integer({ minimum: 0, description: 'Requests that broke a promise (late or still overdue)' }),
  overdueShare: Type.Union([Type.Number(), Type.Null()]),
  ratings: Type.Integer({ minimum: 0 }),
  ratingAverage: Type.Union([Type.Number(), Type.Null()]),
  satisfiedShare: Type.Union([Type.Number(), Type.Null()], { description: 'Share of ratings of 4 or 5' }),
});
export type ServiceFigures = Static<typeof ServiceFigures>;

export const ServiceStats = Type.Object({
  org: Type.Object({ id: Id, name: Type.String() }),
  from: Type.String({ format: 'date' }),
  to: Type.String({ format: 'date' }),
  totals: ServiceFigures,
  byService: Type.Array(
    Type.Intersect([Type.Object({ serviceId: Id, serviceName: Type.String() }), ServiceFigures]),
  ),
  byOrg: Type.Array(
    Type.Intersect([Type.Object({ orgId: Id, orgName: Type.String(), own: Type.Boolean() }), ServiceFigures]),
    { description: 'The union itself and each union directly below it with its subtree' },
  ),
});
export type ServiceStats = Static<typeof ServiceStats>;
